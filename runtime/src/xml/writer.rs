//! A streaming XML writer into a `String`.
//!
//! Generated serializers call it directly; there is no intermediate event
//! type, which is most of why they are faster than a serde serializer.
//! Namespaces are declared where they are first needed: the document
//! element makes its namespace the default one, so a message in one
//! namespace carries a single `xmlns="..."`, and a prefix pre-declared with
//! [`XmlWriter::declare_prefix`] is used wherever its namespace recurs.

use std::borrow::Cow;

use super::bytes::same;
use super::escape::{escape_attr, escape_text};
use super::scope::Scope;
use super::value::ValueSink;
use super::{Name, Occurrences, SimpleValue, WriteError, XmlWrite};

/// How the output is laid out. The default is compact, as servers send it.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Indentation unit; `None` writes everything on one line.
    pub indent: Option<&'static str>,
    /// Write empty elements as `<a />` instead of `<a/>`.
    pub space_before_slash: bool,
}

struct Open {
    local: &'static str,
    /// Where its `<` is in the output, for [`XmlWriter::undeclare_default`].
    tag_at: usize,
    /// Where, in its start tag, QName values (`xsi:type` too) written
    /// unprefixed in the default namespace begin: they get a prefix if
    /// the default namespace is undeclared.
    unprefixed: Vec<usize>,
    prefix: Option<Cow<'static, str>>,
    /// Length of `defaults`/`prefixes` when this element started, so that
    /// its declarations go out of scope with it.
    defaults_len: usize,
    prefixes_len: usize,
    has_children: bool,
}

pub struct XmlWriter {
    out: String,
    options: WriteOptions,
    /// Default-namespace stack; the top applies.
    defaults: Vec<&'static str>,
    /// In-scope prefix bindings; later entries shadow earlier ones.
    prefixes: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    /// Declarations to put on the next start tag.
    pending: Vec<(&'static str, &'static str)>,
    open: Vec<Open>,
    /// The last start tag is still open (`<a x="1"` without `>`).
    in_start_tag: bool,
    /// The `xsi:type` the next start tag carries (see [`XmlWriter::xsi_type`]).
    pub(super) pending_type: Option<Name>,
    /// The open start tag has an `xsi:type` already.
    pub(super) type_written: bool,
    /// Mixed elements being written, innermost last (see `mixed.rs`).
    mixed: Vec<super::mixed::WriteFrame>,
    /// An error of [`XmlWriter::start`], which cannot return one, reported
    /// by the next [`XmlWriter::end`].
    deferred: Option<WriteError>,
}

impl Default for XmlWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl XmlWriter {
    pub fn new() -> Self {
        Self::with_options(WriteOptions::default())
    }

    pub fn with_options(options: WriteOptions) -> Self {
        // A SOAP message is rarely under a kilobyte; starting there saves
        // the reallocations that otherwise dominate writing a small one.
        Self::with_buffer(String::with_capacity(1024), options)
    }

    /// Reuses an allocation; the buffer is cleared first.
    pub fn with_buffer(mut out: String, options: WriteOptions) -> Self {
        out.clear();
        Self {
            out,
            options,
            defaults: Vec::with_capacity(4),
            prefixes: Vec::new(),
            pending: Vec::new(),
            open: Vec::with_capacity(8),
            in_start_tag: false,
            pending_type: None,
            type_written: false,
            mixed: Vec::new(),
            deferred: None,
        }
    }

    pub fn declaration(&mut self) {
        self.out
            .push_str(r#"<?xml version="1.0" encoding="utf-8"?>"#);
        if self.options.indent.is_some() {
            self.out.push('\n');
        }
    }

    /// Binds `prefix` to `ns` on the next start tag, so that the namespace
    /// is written with that prefix in the whole subtree (SOAP envelopes,
    /// `xsi:`).
    pub fn declare_prefix(&mut self, prefix: &'static str, ns: &'static str) {
        self.pending.push((prefix, ns));
    }

    /// Opens `<name`; attributes may follow until content or the end.
    pub fn start(&mut self, name: Name) {
        let mut indent = true;
        if !self.mixed.is_empty() && self.in_mixed() {
            // Whitespace is content in a mixed element: no indentation.
            indent = false;
            if let Err(e) = self.flush_mixed(false) {
                self.deferred.get_or_insert(e);
            }
        }
        self.close_start_tag();
        if let Some(parent) = self.open.last_mut() {
            parent.has_children = true;
        }
        if indent {
            self.newline_indent(self.open.len());
        }
        let defaults_len = self.defaults.len();
        let prefixes_len = self.prefixes.len();
        self.prefixes.extend(
            self.pending
                .iter()
                .map(|(p, ns)| (Cow::Borrowed(*p), Cow::Borrowed(*ns))),
        );
        let prefix = self.prefix_for(name.ns);
        let tag_at = self.out.len();
        self.out.push('<');
        if let Some(p) = &prefix {
            self.out.push_str(p);
            self.out.push(':');
        }
        self.out.push_str(name.local);
        for (p, ns) in std::mem::take(&mut self.pending) {
            self.out.push_str(" xmlns:");
            self.out.push_str(p);
            self.out.push_str("=\"");
            // Namespace URIs come from schemas and generated constants,
            // never from data; they contain no characters to escape.
            self.out.push_str(ns);
            self.out.push('"');
        }
        if prefix.is_none() && !same(self.current_default(), name.ns) {
            self.out.push_str(" xmlns=\"");
            self.out.push_str(name.ns);
            self.out.push('"');
            self.defaults.push(name.ns);
        }
        self.open.push(Open {
            local: name.local,
            tag_at,
            unprefixed: Vec::new(),
            prefix,
            defaults_len,
            prefixes_len,
            has_children: false,
        });
        self.in_start_tag = true;
        self.type_written = false;
        if let Some(t) = self.pending_type.take() {
            self.write_xsi_type(t);
            self.type_written = true;
        }
    }

    /// Writes an attribute of the element just started.
    pub fn attribute<T: SimpleValue>(&mut self, name: Name, value: &T) -> Result<(), WriteError> {
        value.declare_namespaces(self);
        self.attribute_name(name);
        let mut out = std::mem::take(&mut self.out);
        let scope = Scope {
            default: self.defaults.last().copied().unwrap_or(""),
            prefixes: &self.prefixes,
        };
        let unprefixed = self.open.last_mut().map(|o| &mut o.unprefixed);
        let result =
            value.write_value(&mut ValueSink::attribute(&mut out, name, scope, unprefixed));
        self.out = out;
        result?;
        self.out.push('"');
        Ok(())
    }

    pub fn attribute_str(&mut self, name: Name, value: &str) -> Result<(), WriteError> {
        self.attribute_name(name);
        escape_attr(&mut self.out, value).map_err(|e| WriteError::invalid_char(e.0, name))?;
        self.out.push('"');
        Ok(())
    }

    fn attribute_name(&mut self, name: Name) {
        let prefix = (!name.ns.is_empty()).then(|| self.ensure_prefix(name.ns));
        self.out.push(' ');
        if let Some(p) = prefix {
            self.out.push_str(&p);
            self.out.push(':');
        }
        self.out.push_str(name.local);
        self.out.push_str("=\"");
    }

    /// Writes escaped character content of the open element.
    pub fn text(&mut self, text: &str) -> Result<(), WriteError> {
        self.close_start_tag();
        let name = self.current_name();
        escape_text(&mut self.out, text).map_err(|e| WriteError::invalid_char(e.0, name))
    }

    /// Writes a simple value as the content of the open element.
    pub fn value<T: SimpleValue>(&mut self, value: &T) -> Result<(), WriteError> {
        // QName values need their prefix declared on the start tag, which
        // must therefore still be open.
        value.declare_namespaces(self);
        self.close_start_tag();
        let name = self.current_name();
        let mut out = std::mem::take(&mut self.out);
        let result = value.write_value(&mut ValueSink::text(&mut out, name, Some(self.scope())));
        self.out = out;
        result
    }

    /// Closes the innermost element, as `<a/>` when nothing was written in it.
    pub fn end(&mut self) -> Result<(), WriteError> {
        let mut indent = true;
        if !self.mixed.is_empty() && self.in_mixed() {
            indent = false;
            self.flush_mixed(true)?;
        }
        if let Some(e) = self.deferred.take() {
            return Err(e);
        }
        let Some(open) = self.open.pop() else {
            return Err(WriteError::Unbalanced(String::new()));
        };
        if self.in_start_tag {
            self.out.push_str(if self.options.space_before_slash {
                " />"
            } else {
                "/>"
            });
            self.in_start_tag = false;
        } else {
            if open.has_children && indent {
                self.newline_indent(self.open.len());
            }
            self.out.push_str("</");
            if let Some(p) = &open.prefix {
                self.out.push_str(p);
                self.out.push(':');
            }
            self.out.push_str(open.local);
            self.out.push('>');
        }
        self.defaults.truncate(open.defaults_len);
        self.prefixes.truncate(open.prefixes_len);
        Ok(())
    }

    /// `<name>value</name>`, the shape of every simple-typed element.
    pub fn simple_element<T: SimpleValue>(
        &mut self,
        name: Name,
        value: &T,
    ) -> Result<(), WriteError> {
        self.start(name);
        self.value(value)?;
        self.end()
    }

    /// Each of `values` as the simple-typed element `ns`:`local`: the
    /// elements of an optional or repeated particle, one call per field of
    /// generated code.
    pub fn simple_elements<T: SimpleValue>(
        &mut self,
        ns: &'static str,
        local: &'static str,
        values: &impl Occurrences<Item = T>,
    ) -> Result<(), WriteError> {
        let name = Name::new(ns, local);
        values
            .as_slice()
            .iter()
            .try_for_each(|v| self.simple_element(name, v))
    }

    /// Checks that a repeated element occurs `count` times within
    /// `min..=max` (`u32::MAX` for unbounded) before it is written, so
    /// that what is written can be read back.
    pub fn occurs(
        &self,
        ns: &'static str,
        local: &'static str,
        count: usize,
        min: u32,
        max: u32,
    ) -> Result<(), WriteError> {
        let fits = |bound: u32| usize::try_from(bound).unwrap_or(usize::MAX);
        if count >= fits(min) && (max == u32::MAX || count <= fits(max)) {
            return Ok(());
        }
        let path: Vec<&str> = self.open.iter().map(|o| o.local).collect();
        let allowed = if max == u32::MAX {
            format!("{min} or more")
        } else if min == max {
            format!("exactly {min}")
        } else {
            format!("{min} to {max}")
        };
        Err(WriteError::Occurrences {
            path: path.join("/"),
            element: Name::new(ns, local).to_string(),
            count,
            allowed,
        })
    }

    /// `value` as the element `ns`:`local`.
    pub fn element<T: XmlWrite + ?Sized>(
        &mut self,
        ns: &'static str,
        local: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        value.write_xml(self, Name::new(ns, local))
    }

    /// Each of `values` as the element `ns`:`local`: the elements of an
    /// optional or repeated particle.
    pub fn elements<T: XmlWrite>(
        &mut self,
        ns: &'static str,
        local: &'static str,
        values: &impl Occurrences<Item = T>,
    ) -> Result<(), WriteError> {
        let name = Name::new(ns, local);
        values
            .as_slice()
            .iter()
            .try_for_each(|v| v.write_xml(self, name))
    }

    /// `<name xsi:nil="true"/>`.
    pub fn nil_element(&mut self, name: Name) -> Result<(), WriteError> {
        self.start(name);
        self.attribute_str(Name::new(super::ns::XSI, "nil"), "true")?;
        self.end()
    }

    /// Inserts already-serialized, well-formed XML (wildcard content kept
    /// from a reader).
    pub fn raw(&mut self, xml: &str) {
        self.close_start_tag();
        if let Some(parent) = self.open.last_mut() {
            parent.has_children = true;
        }
        self.out.push_str(xml);
    }

    /// Inserts an element kept by a reader (see `XmlReader::read_raw`):
    /// verbatim, but for an `xmlns=""` right after its name that says
    /// what is true here already.
    pub fn raw_element(&mut self, xml: &str) {
        const NONE: &str = " xmlns=\"\"";
        if self.current_default().is_empty() {
            let name_end = xml
                .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .unwrap_or(xml.len());
            if let (Some(head), Some(tail)) = (xml.get(..name_end), xml.get(name_end..)) {
                if let Some(rest) = tail.strip_prefix(NONE) {
                    self.raw(head);
                    self.out.push_str(rest);
                    return;
                }
            }
        }
        self.raw(xml);
    }

    /// A prefix bound to `ns` for qualified attributes; declares one on the
    /// open start tag if none is in scope.
    pub fn ensure_prefix(&mut self, ns: &'static str) -> Cow<'static, str> {
        self.ensure_prefix_for(Cow::Borrowed(ns))
    }

    /// [`XmlWriter::ensure_prefix`] for a namespace known only at run time
    /// (that of a QName value).
    pub(super) fn ensure_prefix_for(&mut self, ns: Cow<'static, str>) -> Cow<'static, str> {
        if let Some(p) = self.prefix_for(&ns) {
            return p;
        }
        let prefix = match ns.as_ref() {
            super::ns::XSI => "xsi",
            super::ns::XSD => "xsd",
            _ => GENERATED_PREFIXES[self.prefixes.len() % GENERATED_PREFIXES.len()],
        };
        self.bind_prefix(Cow::Borrowed(prefix), ns);
        Cow::Borrowed(prefix)
    }

    /// Makes "no namespace" the default one on the open start tag, so that
    /// an unprefixed QName in its attributes or text denotes a name in no
    /// namespace: an element written in the default namespace is given a
    /// prefix for it instead. Only while the start tag is open.
    pub(super) fn undeclare_default(&mut self) {
        let default = self.current_default();
        if default.is_empty() || !self.in_start_tag {
            return;
        }
        let Some(open) = self.open.last() else {
            return;
        };
        let (tag_at, own) = (open.tag_at, self.defaults.len() > open.defaults_len);
        let unprefixed = open.unprefixed.clone();
        let prefix = self.ensure_prefix(default);
        // From the end, so that each insertion leaves the earlier offsets
        // valid.
        for at in unprefixed.iter().rev() {
            self.out.insert_str(*at, &format!("{prefix}:"));
        }
        if let Some(open) = self.open.last_mut() {
            open.unprefixed.clear();
            if open.prefix.is_none() {
                // Unprefixed, so in the default namespace.
                self.out.insert_str(tag_at + 1, &format!("{prefix}:"));
                open.prefix = Some(prefix);
            }
        }
        if own {
            // `start` wrote `xmlns="default"` on this tag: it becomes
            // `xmlns=""`. Escaped attribute values hold no `"`, so this
            // text is the declaration.
            let declared = format!(" xmlns=\"{default}\"");
            if let Some(at) = self.out[tag_at..].find(&declared) {
                let at = tag_at + at;
                self.out
                    .replace_range(at..at + declared.len(), " xmlns=\"\"");
            }
            self.defaults.pop();
        } else {
            self.out.push_str(" xmlns=\"\"");
        }
        self.defaults.push("");
    }

    /// Makes `prefix` denote `ns` on the open start tag unless it already
    /// does; used by QName values, which carry their own prefix.
    pub fn bind_prefix(&mut self, prefix: Cow<'static, str>, ns: Cow<'static, str>) {
        let bound = self
            .prefixes
            .iter()
            .rev()
            .find(|(p, _)| *p == prefix)
            .map(|(_, n)| n.as_ref());
        if bound == Some(ns.as_ref()) || prefix == "xml" {
            return;
        }
        // Only meaningful while a start tag is open; callers bind before
        // writing the value that uses the prefix.
        self.out.push_str(" xmlns:");
        self.out.push_str(&prefix);
        self.out.push_str("=\"");
        let _ = escape_attr(&mut self.out, &ns);
        self.out.push('"');
        self.prefixes.push((prefix, ns));
    }

    /// Notes that an unprefixed name relying on the default namespace
    /// starts at `at` in the open start tag.
    pub(super) fn note_unprefixed(&mut self, at: usize) {
        if let Some(open) = self.open.last_mut() {
            open.unprefixed.push(at);
        }
    }

    pub(super) fn type_written(&self) -> bool {
        self.type_written
    }

    /// Whether `prefix` denotes `ns` where the writer is.
    pub(super) fn prefix_is(&self, prefix: &str, ns: &str) -> bool {
        self.scope().prefix_is(prefix, ns)
    }

    /// Whether the open element's own name is written with `prefix`, so
    /// that the prefix cannot be bound to anything else on its tag.
    pub(super) fn prefix_is_used_here(&self, prefix: &str) -> bool {
        self.open
            .last()
            .and_then(|o| o.prefix.as_deref())
            .is_some_and(|p| p == prefix)
    }

    pub(crate) fn depth(&self) -> usize {
        self.open.len()
    }

    pub(crate) fn mixed_frames(&mut self) -> &mut Vec<super::mixed::WriteFrame> {
        &mut self.mixed
    }

    pub(crate) fn mixed_frames_ref(&self) -> &[super::mixed::WriteFrame] {
        &self.mixed
    }

    pub(super) fn buffer_mut(&mut self) -> &mut String {
        &mut self.out
    }

    pub fn as_str(&self) -> &str {
        &self.out
    }

    pub fn into_string(self) -> String {
        self.out
    }

    fn prefix_for(&self, ns: &str) -> Option<Cow<'static, str>> {
        if self.prefixes.is_empty() {
            // The common case below the envelope: nothing to look up.
            return same(ns, super::ns::XML).then_some(Cow::Borrowed("xml"));
        }
        self.scope().prefix_for(ns)
    }

    /// The bindings in scope at the open element.
    pub(super) fn scope(&self) -> Scope<'_> {
        Scope {
            default: self.current_default(),
            prefixes: &self.prefixes,
        }
    }

    pub(crate) fn current_default(&self) -> &'static str {
        self.defaults.last().copied().unwrap_or("")
    }

    fn current_name(&self) -> Name {
        self.open
            .last()
            .map(|o| Name::local(o.local))
            .unwrap_or(Name::local(""))
    }

    fn close_start_tag(&mut self) {
        if self.in_start_tag {
            self.out.push('>');
            self.in_start_tag = false;
        }
    }

    fn newline_indent(&mut self, depth: usize) {
        if let Some(unit) = self.options.indent {
            if !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push('\n');
            }
            for _ in 0..depth {
                self.out.push_str(unit);
            }
        }
    }
}

const GENERATED_PREFIXES: [&str; 8] = ["n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7"];
