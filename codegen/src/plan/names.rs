//! Rust identifiers from XML names: the only place that decides how a
//! schema name is spelled in Rust.
//!
//! - Case by `heck`: `UpperCamelCase` for types and variants, `snake_case`
//!   for fields and modules, `SHOUTY_SNAKE_CASE` for constants. Acronyms
//!   become words: `ResetPIN` -> `ResetPin`, `UMProperties` ->
//!   `UmProperties`, `base64FolderId` -> `base64_folder_id`.
//! - Characters that cannot appear in an identifier separate words.
//! - A name that starts with a digit gets a prefix: `T` for types, `V` for
//!   enum variants, `_` for fields and modules (`2fa` -> `_2fa`). An empty
//!   name becomes `Value`/`value`.
//! - Keywords are escaped as raw identifiers (`type` -> `r#type`), except
//!   those that cannot be raw (`self`, `super`, `crate`, `Self`), which get
//!   a trailing underscore (`self_`).
//! - Collisions within one scope (the types of a module, the fields of a
//!   struct, the variants of an enum) are resolved by [`Scope`]: the first
//!   claimant keeps the name, later ones get a suffix. Callers claim in an
//!   order that does not depend on the schema's where the names allow it
//!   (`idents.rs`, `branch_names.rs`).

use std::collections::BTreeSet;
use std::fmt;

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// A Rust identifier chosen by the plan, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RustIdent {
    /// Without the `r#` prefix.
    pub name: String,
    /// Written as a raw identifier (`r#type`).
    pub raw: bool,
}

impl RustIdent {
    /// An identifier known to be valid and not a keyword (`operations`).
    pub(crate) fn plain(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            raw: false,
        }
    }
}

impl fmt::Display for RustIdent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.raw {
            f.write_str("r#")?;
        }
        f.write_str(&self.name)
    }
}

/// Keywords of every edition, strict and reserved.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that `r#` cannot escape.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Replaces what cannot be part of an identifier by a word separator.
fn words(raw: &str) -> String {
    raw.chars()
        .map(|c| {
            if unicode_ident::is_xid_continue(c) {
                c
            } else {
                ' '
            }
        })
        .collect()
}

fn finish(cased: String, digit_prefix: &str, empty: &str) -> RustIdent {
    let mut name = cased;
    if name.is_empty() || name.chars().all(|c| c == '_') {
        name = empty.to_owned();
    }
    if name
        .chars()
        .next()
        .is_some_and(|c| !unicode_ident::is_xid_start(c) && c != '_')
    {
        name.insert_str(0, digit_prefix);
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
        return RustIdent::plain(&name);
    }
    let raw = KEYWORDS.contains(&name.as_str());
    RustIdent { name, raw }
}

/// `UpperCamelCase` identifier for a type.
pub fn type_ident(raw: &str) -> RustIdent {
    finish(words(raw).to_upper_camel_case(), "T", "Value")
}

/// `UpperCamelCase` identifier for an enum variant.
pub fn variant_ident(raw: &str) -> RustIdent {
    finish(words(raw).to_upper_camel_case(), "V", "Empty")
}

/// `snake_case` identifier for a field.
pub fn field_ident(raw: &str) -> RustIdent {
    finish(words(raw).to_snake_case(), "_", "value")
}

/// `snake_case` identifier for a module.
pub fn module_ident(raw: &str) -> RustIdent {
    finish(words(raw).to_snake_case(), "_", "default")
}

/// `SHOUTY_SNAKE_CASE` identifier for a constant.
pub fn const_ident(raw: &str) -> RustIdent {
    finish(words(raw).to_shouty_snake_case(), "_", "VALUE")
}

/// Names the generated readers use for their own variables.
const READER_LOCALS: &[&str] = &["r", "start", "next", "s", "v", "item", "c", "child", "seq"];

/// The local variable for a field while it is read: the field's own name,
/// or with a trailing underscore if a reader variable has it.
pub fn local_ident(field: &RustIdent) -> RustIdent {
    if READER_LOCALS.contains(&field.name.as_str()) {
        RustIdent::plain(&format!("{}_", field.name))
    } else {
        field.clone()
    }
}

/// Names the generated code uses from the prelude; a schema type with one
/// of them is renamed (`Result` -> `ResultType`).
pub const PRELUDE_TYPES: &[&str] = &[
    "String", "Vec", "Option", "Box", "Result", "Ok", "Err", "Some", "None",
];

/// How a later claimant of a taken name is renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suffix {
    /// `Foo2`, `Foo3`: types and variants.
    Camel,
    /// `foo_2`, `foo_3`: fields, modules and constants.
    Snake,
}

/// The identifiers taken in one scope.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    pub fn new() -> Self {
        Self::default()
    }

    /// A scope in which `reserved` are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Self {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    pub fn is_taken(&self, ident: &RustIdent) -> bool {
        self.taken.contains(&ident.name)
    }

    /// Claims `ident`, or the first free `ident` + 2, 3, ...
    pub fn claim(&mut self, ident: RustIdent, suffix: Suffix) -> RustIdent {
        if self.taken.insert(ident.name.clone()) {
            return ident;
        }
        let stem = ident.name.trim_end_matches('_');
        // The scope is finite, so some number is free.
        let mut n: u64 = 2;
        loop {
            let name = match suffix {
                Suffix::Camel => format!("{stem}{n}"),
                Suffix::Snake => format!("{stem}_{n}"),
            };
            if self.taken.insert(name.clone()) {
                // A suffixed keyword is no keyword.
                return RustIdent { name, raw: false };
            }
            n += 1;
        }
    }

    /// Claims `ident`; when taken, tries `ident` + `alternative` (such as
    /// `Type`) before numbering.
    pub fn claim_or(&mut self, ident: RustIdent, alternative: &str, suffix: Suffix) -> RustIdent {
        if !self.is_taken(&ident) {
            return self.claim(ident, suffix);
        }
        let alt = RustIdent {
            name: format!("{}{alternative}", ident.name.trim_end_matches('_')),
            raw: false,
        };
        self.claim(alt, suffix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(ident: RustIdent) -> String {
        ident.to_string()
    }

    #[test]
    fn acronyms_become_words() {
        assert_eq!(s(type_ident("ResetPIN")), "ResetPin");
        assert_eq!(s(type_ident("UMProperties")), "UmProperties");
        assert_eq!(
            s(type_ident("GetUMPropertiesResponse")),
            "GetUmPropertiesResponse"
        );
        assert_eq!(s(type_ident("IsUMEnabled")), "IsUmEnabled");
        assert_eq!(s(field_ident("base64FolderId")), "base64_folder_id");
        assert_eq!(s(field_ident("DialString")), "dial_string");
        assert_eq!(s(field_ident("CallId")), "call_id");
    }

    #[test]
    fn separators_and_odd_characters() {
        assert_eq!(s(type_ident("my-type.name")), "MyTypeName");
        assert_eq!(s(field_ident("xml:lang")), "xml_lang");
        assert_eq!(s(variant_ident("a b")), "AB");
        assert_eq!(s(variant_ident("")), "Empty");
        assert_eq!(s(variant_ident("+")), "Empty");
        assert_eq!(s(field_ident("Größe")), "größe");
    }

    #[test]
    fn names_starting_with_digits() {
        assert_eq!(s(type_ident("3DModel")), "T3dModel");
        assert_eq!(s(variant_ident("1")), "V1");
        assert_eq!(s(variant_ident("2.5")), "V25");
        assert_eq!(s(field_ident("2fa")), "_2fa");
        assert_eq!(s(module_ident("2006")), "_2006");
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(s(field_ident("type")), "r#type");
        assert_eq!(s(field_ident("Match")), "r#match");
        assert_eq!(s(field_ident("self")), "self_");
        assert_eq!(s(field_ident("super")), "super_");
        assert_eq!(s(field_ident("crate")), "crate_");
        assert_eq!(s(type_ident("self")), "Self_");
        assert_eq!(s(variant_ident("Self")), "Self_");
        assert_eq!(s(module_ident("async")), "r#async");
        assert_eq!(s(field_ident("gen")), "r#gen");
        // Not keywords once cased.
        assert_eq!(s(type_ident("type")), "Type");
    }

    #[test]
    fn collisions_are_numbered_in_claim_order() {
        let mut scope = Scope::new();
        assert_eq!(s(scope.claim(type_ident("foo"), Suffix::Camel)), "Foo");
        assert_eq!(s(scope.claim(type_ident("Foo"), Suffix::Camel)), "Foo2");
        assert_eq!(s(scope.claim(type_ident("FOO"), Suffix::Camel)), "Foo3");
        let mut fields = Scope::new();
        assert_eq!(
            s(fields.claim(field_ident("type"), Suffix::Snake)),
            "r#type"
        );
        assert_eq!(
            s(fields.claim(field_ident("Type"), Suffix::Snake)),
            "type_2"
        );
        assert_eq!(s(fields.claim(field_ident("self"), Suffix::Snake)), "self_");
        assert_eq!(
            s(fields.claim(field_ident("self"), Suffix::Snake)),
            "self_2"
        );
    }

    #[test]
    fn alternative_suffix_before_numbers() {
        let mut scope = Scope::new();
        scope.claim(type_ident("UMProperties"), Suffix::Camel);
        let t = scope.claim_or(type_ident("UMProperties"), "Type", Suffix::Camel);
        assert_eq!(s(t), "UmPropertiesType");
        let t = scope.claim_or(type_ident("UMProperties"), "Type", Suffix::Camel);
        assert_eq!(s(t), "UmPropertiesType2");
        assert_eq!(s(local_ident(&field_ident("next"))), "next_");
        assert_eq!(s(local_ident(&field_ident("type"))), "r#type");
        let mut reserved = Scope::with_reserved(&["operations"]);
        assert_eq!(
            s(reserved.claim(module_ident("operations"), Suffix::Snake)),
            "operations_2"
        );
    }
}
