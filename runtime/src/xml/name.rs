use std::fmt;

/// The expanded name of an element or attribute known at compile time.
///
/// Generated code holds every name as a `const Name`, so readers compare
/// namespace URIs and local parts directly and never look at prefixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Name {
    /// Namespace URI; `""` for a name in no namespace.
    pub ns: &'static str,
    pub local: &'static str,
}

impl Name {
    pub const fn new(ns: &'static str, local: &'static str) -> Self {
        Self { ns, local }
    }

    /// A name in no namespace (unqualified local elements, most attributes).
    pub const fn local(local: &'static str) -> Self {
        Self { ns: "", local }
    }
}

impl fmt::Display for Name {
    /// Clark notation, `{uri}local`: the spelling that does not depend on
    /// the prefixes of a particular document.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ns.is_empty() {
            f.write_str(self.local)
        } else {
            write!(f, "{{{}}}{}", self.ns, self.local)
        }
    }
}

/// Well-known namespaces.
pub mod ns {
    pub const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
    pub const XSD: &str = "http://www.w3.org/2001/XMLSchema";
    pub const XML: &str = "http://www.w3.org/XML/1998/namespace";
    pub const SOAP11: &str = "http://schemas.xmlsoap.org/soap/envelope/";
    pub const SOAP12: &str = "http://www.w3.org/2003/05/soap-envelope";
}
