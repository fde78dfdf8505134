//! XML Schema regular expressions (the `pattern` facet), translated to the
//! syntax of the `regex` crate.
//!
//! The two dialects differ in ways that change what matches:
//!
//! - an XML Schema pattern is matched against the whole value: there are
//!   no anchors, and `^` and `$` are ordinary characters;
//! - character classes can be subtracted: `[a-z-[aeiou]]`;
//! - `\d`, `\w`, `\s` have XML meanings (`\w` is every character but
//!   punctuation, separators and "other"), `\i` and `\c` are the XML name
//!   characters, `.` is any character but `\n` and `\r`;
//! - `\p{IsBasicLatin}` names a Unicode block, which `regex` does not know:
//!   blocks are expanded to their ranges from the table of XML Schema 1.0;
//! - there are no lazy quantifiers, back-references, flags or `\x` escapes.
//!
//! [`translate`] does the translation; [`Pattern`] holds the patterns of a
//! simple type, compiled on first use, in a `static` of generated code.
//!
//! `\i` and `\c` follow the name characters of XML 1.0 fifth edition (as
//! XML Schema 1.1 does), and categories follow the Unicode version of the
//! `regex` crate rather than Unicode 3.1.

mod blocks;
#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::OnceLock;

use super::ValueError;

/// Why a pattern cannot be translated, and where (in characters from the
/// start of the pattern).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pub pattern: String,
    /// 0-based index of the character where the problem was found.
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid pattern '{}' at character {}: {}",
            self.pattern,
            self.offset + 1,
            self.message
        )
    }
}

impl std::error::Error for PatternError {}

/// Translates one XML Schema regular expression to `regex` syntax. The
/// result is not anchored; [`Pattern`] anchors it.
pub fn translate(pattern: &str) -> Result<String, PatternError> {
    let mut p = Parser {
        pattern,
        chars: pattern.chars().collect(),
        pos: 0,
        depth: 0,
        out: String::with_capacity(pattern.len() * 2),
    };
    p.reg_exp()?;
    if p.pos < p.chars.len() {
        // reg_exp stops only at the end or at a ')' it did not open.
        return Err(p.error("')' without a matching '('"));
    }
    Ok(p.out)
}

/// Translates and compiles the patterns of one derivation step (any of
/// them may match), as the generator does to reject a schema early.
pub fn validate(alternatives: &[&str]) -> Result<(), PatternError> {
    compile(alternatives).map(|_| ())
}

fn compile(alternatives: &[&str]) -> Result<regex::Regex, PatternError> {
    let mut anchored = String::from(r"\A(?:");
    for (i, alt) in alternatives.iter().enumerate() {
        if i > 0 {
            anchored.push('|');
        }
        anchored.push_str("(?:");
        anchored.push_str(&translate(alt)?);
        anchored.push(')');
    }
    anchored.push_str(r")\z");
    regex::Regex::new(&anchored).map_err(|e| PatternError {
        pattern: alternatives.join("|"),
        offset: 0,
        message: match e {
            regex::Error::CompiledTooBig(limit) => {
                format!("too large to compile (over {limit} bytes)")
            }
            other => other.to_string(),
        },
    })
}

/// The pattern facets of a simple type, for a `static` in generated code:
/// translated and compiled on first use.
///
/// Patterns given together (one derivation step) are alternatives; with
/// [`Pattern::all`], the value must match one pattern of every step, as
/// XML Schema requires of patterns inherited through restrictions.
///
/// ```
/// use xsdgen_runtime::xml::Pattern;
///
/// static PIN: Pattern = Pattern::new(&[r"\d{4,8}"]);
/// assert!(PIN.check("1234").is_ok());
/// assert!(PIN.check("12a4").is_err());
///
/// static CODE: Pattern = Pattern::all(&[&["[A-Z]+", "[0-9]+"], &["...."]]);
/// assert!(CODE.check("ABCD").is_ok());
/// assert!(CODE.check("ABC").is_err());
/// ```
pub struct Pattern {
    steps: Steps,
    compiled: OnceLock<Result<Vec<regex::Regex>, ValueError>>,
}

enum Steps {
    One(&'static [&'static str]),
    All(&'static [&'static [&'static str]]),
}

impl Pattern {
    /// One derivation step: the value must match one of `alternatives`.
    pub const fn new(alternatives: &'static [&'static str]) -> Self {
        Self {
            steps: Steps::One(alternatives),
            compiled: OnceLock::new(),
        }
    }

    /// Several derivation steps: the value must match one pattern of each.
    pub const fn all(steps: &'static [&'static [&'static str]]) -> Self {
        Self {
            steps: Steps::All(steps),
            compiled: OnceLock::new(),
        }
    }

    /// Ok when the value matches; otherwise an error naming the pattern it
    /// does not match.
    pub fn check(&self, value: &str) -> Result<(), ValueError> {
        let compiled = self.compiled.get_or_init(|| self.compile());
        let regexes = compiled.as_ref().map_err(Clone::clone)?;
        for (i, re) in regexes.iter().enumerate() {
            if !re.is_match(value) {
                return Err(ValueError::new(mismatch(self.step(i))));
            }
        }
        Ok(())
    }

    fn step(&self, i: usize) -> &'static [&'static str] {
        match self.steps {
            Steps::One(alternatives) => alternatives,
            Steps::All(steps) => steps.get(i).copied().unwrap_or(&[]),
        }
    }

    fn step_count(&self) -> usize {
        match self.steps {
            Steps::One(_) => 1,
            Steps::All(steps) => steps.len(),
        }
    }

    fn compile(&self) -> Result<Vec<regex::Regex>, ValueError> {
        (0..self.step_count())
            .map(|i| compile(self.step(i)).map_err(|e| ValueError::new(e.to_string())))
            .collect()
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps: Vec<_> = (0..self.step_count()).map(|i| self.step(i)).collect();
        f.debug_tuple("Pattern").field(&steps).finish()
    }
}

fn mismatch(alternatives: &[&str]) -> String {
    match alternatives {
        [one] => format!("expected a match for the pattern '{one}'"),
        many => format!(
            "expected a match for one of the patterns '{}'",
            many.join("', '")
        ),
    }
}

/// How deep groups and subtracted classes may nest: far below what would
/// exhaust the stack, far above what a schema needs.
const MAX_DEPTH: u32 = 64;

struct Parser<'a> {
    pattern: &'a str,
    chars: Vec<char>,
    pos: usize,
    depth: u32,
    out: String,
}

/// A character class item that may end a range.
enum ClassAtom {
    Char(char),
    /// Already in `regex` syntax, valid inside and outside brackets.
    Set(String),
}

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> PatternError {
        PatternError {
            pattern: self.pattern.to_owned(),
            offset: self.pos,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.pos + n).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn enter(&mut self) -> Result<(), PatternError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        Ok(())
    }

    /// regExp ::= branch ( '|' branch )*
    fn reg_exp(&mut self) -> Result<(), PatternError> {
        loop {
            self.branch()?;
            if !self.eat('|') {
                return Ok(());
            }
            self.out.push('|');
        }
    }

    /// branch ::= piece*
    fn branch(&mut self) -> Result<(), PatternError> {
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            self.atom()?;
            self.quantifier()?;
        }
        Ok(())
    }

    fn atom(&mut self) -> Result<(), PatternError> {
        let Some(c) = self.peek() else {
            return Err(self.error("unexpected end"));
        };
        match c {
            '(' => {
                self.pos += 1;
                self.enter()?;
                self.out.push_str("(?:");
                self.reg_exp()?;
                if !self.eat(')') {
                    return Err(self.error("'(' without a matching ')'"));
                }
                self.out.push(')');
                self.depth -= 1;
            }
            '[' => {
                self.pos += 1;
                let class = self.class_expr()?;
                self.out.push_str(&class);
            }
            '.' => {
                self.pos += 1;
                self.out.push_str(r"[^\n\r]");
            }
            '\\' => match self.escape()? {
                ClassAtom::Char(c) => push_literal(&mut self.out, c),
                ClassAtom::Set(set) => self.out.push_str(&set),
            },
            '?' | '*' | '+' | '{' => {
                return Err(self.error(format!("'{c}' must follow something to repeat")));
            }
            '}' | ']' => return Err(self.error(format!("'{c}' must be escaped as '\\{c}'"))),
            _ => {
                self.pos += 1;
                push_literal(&mut self.out, c);
            }
        }
        Ok(())
    }

    /// quantifier ::= [?*+] | '{' n (',' m?)? '}'
    fn quantifier(&mut self) -> Result<(), PatternError> {
        match self.peek() {
            Some(c @ ('?' | '*' | '+')) => {
                self.pos += 1;
                self.out.push(c);
            }
            Some('{') => {
                self.pos += 1;
                let min = self.number()?;
                let max = if self.eat(',') {
                    match self.peek() {
                        Some('}') => None,
                        _ => Some(self.number()?),
                    }
                } else {
                    Some(min)
                };
                if !self.eat('}') {
                    return Err(self.error("expected '}' to close the quantifier"));
                }
                match max {
                    Some(max) if max < min => {
                        return Err(self.error(format!(
                            "the quantifier {{{min},{max}}} has its bounds reversed"
                        )));
                    }
                    Some(max) if max == min => self.out.push_str(&format!("{{{min}}}")),
                    Some(max) => self.out.push_str(&format!("{{{min},{max}}}")),
                    None => self.out.push_str(&format!("{{{min},}}")),
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn number(&mut self) -> Result<u32, PatternError> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if start == self.pos {
            return Err(self.error("expected a number in the quantifier"));
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        digits.parse().map_err(|_| PatternError {
            offset: start,
            ..self.error(format!("the count {digits} is too large"))
        })
    }

    /// After `\`: a single-character escape, a multi-character escape, or
    /// a category or block.
    fn escape(&mut self) -> Result<ClassAtom, PatternError> {
        self.pos += 1;
        let Some(c) = self.peek() else {
            return Err(self.error("'\\' at the end of the pattern"));
        };
        self.pos += 1;
        Ok(match c {
            'n' => ClassAtom::Char('\n'),
            'r' => ClassAtom::Char('\r'),
            't' => ClassAtom::Char('\t'),
            '\\' | '|' | '.' | '?' | '*' | '+' | '(' | ')' | '{' | '}' | '-' | '[' | ']' | '^' => {
                ClassAtom::Char(c)
            }
            's' => ClassAtom::Set(r"[\t\n\r\x20]".into()),
            'S' => ClassAtom::Set(r"[^\t\n\r\x20]".into()),
            'd' => ClassAtom::Set(r"\p{Nd}".into()),
            'D' => ClassAtom::Set(r"\P{Nd}".into()),
            'w' => ClassAtom::Set(r"[^\p{P}\p{Z}\p{C}]".into()),
            'W' => ClassAtom::Set(r"[\p{P}\p{Z}\p{C}]".into()),
            'i' => ClassAtom::Set(format!("[{NAME_START}]")),
            'I' => ClassAtom::Set(format!("[^{NAME_START}]")),
            'c' => ClassAtom::Set(format!("[{NAME_START}{NAME_REST}]")),
            'C' => ClassAtom::Set(format!("[^{NAME_START}{NAME_REST}]")),
            'p' | 'P' => ClassAtom::Set(self.property(c == 'P')?),
            _ => {
                self.pos -= 1;
                return Err(self.error(format!("unknown escape '\\{c}'")));
            }
        })
    }

    /// `\p{..}` or `\P{..}` after the letter.
    fn property(&mut self, complement: bool) -> Result<String, PatternError> {
        if !self.eat('{') {
            return Err(self.error("expected '{' after '\\p'"));
        }
        let start = self.pos;
        while self.peek().is_some_and(|c| c != '}') {
            self.pos += 1;
        }
        let name: String = self.chars[start..self.pos].iter().collect();
        if !self.eat('}') {
            return Err(self.error("expected '}' to close '\\p{'"));
        }
        if let Some(block) = name.strip_prefix("Is") {
            let Some(ranges) = blocks::ranges(block) else {
                self.pos = start;
                return Err(self.error(format!("unknown Unicode block '{name}'")));
            };
            if ranges.is_empty() {
                // Surrogate blocks hold no character a string can contain.
                return Ok(if complement {
                    r"[\x{0}-\x{10FFFF}]"
                } else {
                    r"[^\x{0}-\x{10FFFF}]"
                }
                .into());
            }
            let mut class = String::from(if complement { "[^" } else { "[" });
            for &(lo, hi) in ranges {
                class.push_str(&format!(r"\x{{{lo:X}}}-\x{{{hi:X}}}"));
            }
            class.push(']');
            return Ok(class);
        }
        if !CATEGORIES.contains(&name.as_str()) {
            self.pos = start;
            return Err(self.error(format!("unknown category '{name}'")));
        }
        Ok(format!(
            r"\{}{{{name}}}",
            if complement { 'P' } else { 'p' }
        ))
    }

    /// After `[`: the class up to and including its `]`, as a `regex` class.
    fn class_expr(&mut self) -> Result<String, PatternError> {
        self.enter()?;
        let negated = self.eat('^');
        let mut items = String::new();
        let mut subtracted = None;
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("'[' without a matching ']'"));
            };
            match c {
                ']' => {
                    if first {
                        return Err(self.error("empty character class"));
                    }
                    self.pos += 1;
                    break;
                }
                '-' if self.peek_at(1) == Some('[') && !first => {
                    self.pos += 2;
                    subtracted = Some(self.class_expr()?);
                    if !self.eat(']') {
                        return Err(self.error("a subtraction must end the character class"));
                    }
                    break;
                }
                '-' if first || self.peek_at(1) == Some(']') => {
                    self.pos += 1;
                    push_literal(&mut items, '-');
                }
                '-' => {
                    return Err(self.error(
                        "'-' must be escaped unless it starts or ends the class or forms a range",
                    ));
                }
                '[' => return Err(self.error("'[' must be escaped in a character class")),
                _ => {
                    let atom = if c == '\\' {
                        self.escape()?
                    } else {
                        self.pos += 1;
                        ClassAtom::Char(c)
                    };
                    match atom {
                        ClassAtom::Set(set) => items.push_str(&set),
                        ClassAtom::Char(lo) => self.range_from(lo, &mut items)?,
                    }
                }
            }
            first = false;
        }
        self.depth -= 1;
        let base = format!("[{}{items}]", if negated { "^" } else { "" });
        Ok(match subtracted {
            Some(sub) => format!("[{base}--{sub}]"),
            None => base,
        })
    }

    /// A single character in a class, or the range it starts.
    fn range_from(&mut self, lo: char, items: &mut String) -> Result<(), PatternError> {
        let is_range = self.peek() == Some('-') && !matches!(self.peek_at(1), Some(']' | '['));
        if !is_range {
            push_literal(items, lo);
            return Ok(());
        }
        self.pos += 1;
        let hi = match self.peek() {
            Some('\\') => match self.escape()? {
                ClassAtom::Char(c) => c,
                ClassAtom::Set(_) => {
                    return Err(self.error("a range must end in a single character"));
                }
            },
            Some(c) => {
                self.pos += 1;
                c
            }
            None => return Err(self.error("'[' without a matching ']'")),
        };
        if hi < lo {
            return Err(self.error(format!("the range {lo}-{hi} is reversed")));
        }
        push_literal(items, lo);
        items.push('-');
        push_literal(items, hi);
        Ok(())
    }
}

/// A character matched literally, inside or outside a class: hex escapes
/// keep `-`, `&`, `~`, `[`, `^` and `$` literal in both.
fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || !c.is_ascii() {
        out.push(c);
    } else {
        out.push_str(&format!(r"\x{{{:X}}}", u32::from(c)));
    }
}

/// The general categories XML Schema names (`Cs` is not one of them).
const CATEGORIES: &[&str] = &[
    "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc",
    "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Z", "Zs", "Zl", "Zp", "S", "Sm", "Sc", "Sk", "So", "C",
    "Cc", "Cf", "Co", "Cn",
];

/// XML 1.0 (fifth edition) NameStartChar, as `regex` class items.
const NAME_START: &str = concat!(
    r"\x{3A}A-Z\x{5F}a-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2FF}\x{370}-\x{37D}",
    r"\x{37F}-\x{1FFF}\x{200C}-\x{200D}\x{2070}-\x{218F}\x{2C00}-\x{2FEF}",
    r"\x{3001}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFFD}\x{10000}-\x{EFFFF}",
);

/// What NameChar adds to NameStartChar.
const NAME_REST: &str = r"\x{2D}\x{2E}0-9\x{B7}\x{300}-\x{36F}\x{203F}-\x{2040}";
