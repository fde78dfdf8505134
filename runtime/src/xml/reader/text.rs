//! Reading an element's text: as a string, or as a simple value.

use std::borrow::Cow;

use super::super::lexer;
use super::super::value::SimpleValue;
use super::{Ev, ReadError, ReadErrorKind, XmlReader, snippet};

impl<'i> XmlReader<'i> {
    /// The text content of the current element, through its end tag.
    pub fn read_text(&mut self) -> Result<Cow<'i, str>, ReadError> {
        let text = self.text_to_end()?;
        self.open.pop();
        Ok(text)
    }

    /// Reads text through the end tag but leaves the element on the path,
    /// so that a bad value is reported at the element that holds it.
    fn text_to_end(&mut self) -> Result<Cow<'i, str>, ReadError> {
        let mut text: Option<Cow<'i, str>> = None;
        loop {
            let piece: Cow<'i, str> = match self.next_event()? {
                Ev::Text { raw, clean: true } => Cow::Borrowed(raw),
                Ev::Text { raw, clean: false } => {
                    lexer::decode_text(raw).map_err(|e| self.lex_error(e, self.offset_of(raw)))?
                }
                Ev::CData(text) => lexer::normalize_newlines(text),
                Ev::Ignored => continue,
                Ev::End => return Ok(text.unwrap_or(Cow::Borrowed(""))),
                Ev::Start(child) => {
                    let name = self.name_of(&child);
                    return Err(self.error(ReadErrorKind::UnexpectedChild(name)));
                }
                Ev::Eof => return Err(self.error(ReadErrorKind::UnexpectedEof)),
                Ev::Decl | Ev::DocType => {
                    return Err(self.error(ReadErrorKind::Syntax("misplaced declaration".into())));
                }
            };
            text = Some(match text {
                None => piece,
                Some(prev) => Cow::Owned(prev.into_owned() + &piece),
            });
        }
    }

    /// Reads the current element's text as a simple value.
    pub fn read_value<T: SimpleValue>(&mut self) -> Result<T, ReadError> {
        self.read_value_or("")
    }

    /// Reads the current element's text as a simple value; an empty
    /// element has the schema's `default` (or `fixed`) value instead.
    pub fn read_value_or<T: SimpleValue>(&mut self, default: &str) -> Result<T, ReadError> {
        // The element's namespace bindings last until the next event, so
        // QName content still resolves in the element's own scope.
        let mut text = self.text_to_end()?;
        if text.is_empty() && !default.is_empty() {
            text = Cow::Owned(default.to_owned());
        }
        let value = T::parse_value(&text, self).map_err(|e| {
            self.error(ReadErrorKind::InvalidValue {
                value: snippet(&text),
                reason: e.reason,
            })
        });
        self.open.pop();
        value
    }
}
