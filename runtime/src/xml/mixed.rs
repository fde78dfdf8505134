//! Mixed content (`mixed="true"`): text between the child elements of a
//! type, kept with its place among them so that it is written back where
//! it was. The typed fields hold the children as usual.

use std::borrow::Cow;

use super::{WriteError, XmlReader, XmlWriter};

/// The text of a mixed element: each piece with the number of child
/// elements before it. Adjacent pieces (text, references, CDATA) are
/// merged; whitespace is kept, as it is content here.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct MixedText(pub Vec<(u32, String)>);

impl MixedText {
    /// All the text, concatenated, as a reader of the document sees it.
    pub fn to_plain(&self) -> String {
        self.0.iter().map(|(_, t)| t.as_str()).collect()
    }
}

/// A mixed element being read: its depth and what it has gathered.
#[derive(Debug)]
pub(crate) struct ReadFrame {
    depth: usize,
    children: u32,
    text: Vec<(u32, String)>,
}

/// A mixed element being written.
#[derive(Debug)]
pub(crate) struct WriteFrame {
    depth: usize,
    children: u32,
    text: std::vec::IntoIter<(u32, String)>,
    pending: Option<(u32, String)>,
}

impl XmlReader<'_> {
    /// Starts gathering the text of the element just started, until
    /// [`XmlReader::end_mixed`]; before its first `next_child`.
    pub fn begin_mixed(&mut self) {
        let depth = self.depth();
        self.mixed_frames().push(ReadFrame {
            depth,
            children: 0,
            text: Vec::new(),
        });
    }

    /// The text gathered since [`XmlReader::begin_mixed`].
    pub fn end_mixed(&mut self) -> MixedText {
        MixedText(
            self.mixed_frames()
                .pop()
                .map(|f| f.text)
                .unwrap_or_default(),
        )
    }

    /// Whether text at the current depth belongs to a mixed element.
    #[inline]
    pub(crate) fn in_mixed(&self, depth: usize) -> bool {
        self.mixed_frames_ref()
            .last()
            .is_some_and(|f| f.depth == depth)
    }

    pub(crate) fn mixed_text(&mut self, text: Cow<'_, str>) {
        if let Some(f) = self.mixed_frames().last_mut() {
            match f.text.last_mut() {
                Some((at, prev)) if *at == f.children => prev.push_str(&text),
                _ => f.text.push((f.children, text.into_owned())),
            }
        }
    }

    /// A child started: the element it was just pushed on is its parent.
    pub(crate) fn mixed_child(&mut self) {
        let depth = self.depth().saturating_sub(1);
        if let Some(f) = self.mixed_frames().last_mut()
            && f.depth == depth
        {
            f.children += 1;
        }
    }
}

impl XmlWriter {
    /// Makes the text of `text` go between the children of the element
    /// just started, as it was read. Call after its attributes.
    pub fn begin_mixed(&mut self, text: &MixedText) {
        let depth = self.depth();
        let mut text = text.0.clone().into_iter();
        let pending = text.next();
        self.mixed_frames().push(WriteFrame {
            depth,
            children: 0,
            text,
            pending,
        });
    }

    /// Before a child starts (`closing` false) or the mixed element ends:
    /// writes the text that comes first.
    pub(crate) fn flush_mixed(&mut self, closing: bool) -> Result<(), WriteError> {
        let depth = self.depth();
        let mut out = Vec::new();
        if let Some(f) = self.mixed_frames().last_mut()
            && f.depth == depth
        {
            while let Some((at, text)) = f.pending.take() {
                if !closing && at > f.children {
                    f.pending = Some((at, text));
                    break;
                }
                out.push(text);
                f.pending = f.text.next();
            }
            if closing {
                self.mixed_frames().pop();
            } else {
                f.children += 1;
            }
        } else {
            return Ok(());
        }
        for text in out {
            self.text(&text)?;
        }
        Ok(())
    }

    /// Whether the element being written is mixed: no indentation there.
    pub(crate) fn in_mixed(&self) -> bool {
        let depth = self.depth();
        self.mixed_frames_ref()
            .last()
            .is_some_and(|f| f.depth == depth)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Name, ReadError};
    use super::*;

    #[test]
    fn text_keeps_its_place_among_the_children() {
        let xml = "<p xmlns=\"urn:t\">Hello <b>dear</b> reader, <i>you</i>&amp; me<br/></p>";
        let mut r = XmlReader::new(xml);
        r.root().unwrap();
        r.begin_mixed();
        let mut children = Vec::new();
        while let Some(child) = r.next_child().unwrap() {
            children.push(child.local_name().to_owned());
            // Children's own text is theirs, not the mixed element's.
            if child.local_name() == "br" {
                r.end().unwrap();
            } else {
                let _: String = r.read_value().unwrap();
            }
        }
        let text = r.end_mixed();
        assert_eq!(children, ["b", "i", "br"]);
        assert_eq!(
            text.0,
            [
                (0, "Hello ".to_owned()),
                (1, " reader, ".to_owned()),
                (2, "& me".to_owned())
            ]
        );
        assert_eq!(text.to_plain(), "Hello  reader, & me");

        let mut w = XmlWriter::new();
        w.start(Name::new("urn:t", "p"));
        w.begin_mixed(&text);
        w.simple_element(Name::new("urn:t", "b"), &"dear".to_owned())
            .unwrap();
        w.simple_element(Name::new("urn:t", "i"), &"you".to_owned())
            .unwrap();
        w.start(Name::new("urn:t", "br"));
        w.end().unwrap();
        w.end().unwrap();
        assert_eq!(w.as_str(), xml);
    }

    #[test]
    fn errors_leave_no_frame_behind_that_matters() {
        let mut r = XmlReader::new("<p>text only</p>");
        r.root().unwrap();
        r.begin_mixed();
        assert!(r.next_child().unwrap().is_none());
        assert_eq!(r.end_mixed().to_plain(), "text only");
        // Without a frame, text among children stays an error.
        let mut r = XmlReader::new("<p>text <b/></p>");
        r.root().unwrap();
        assert!(r.next_child().is_err());
        let _: Result<(), ReadError> = Ok(());
    }
}
