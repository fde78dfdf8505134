//! Streaming: the children of one element of a document, read one at a
//! time, for responses too large to hold as one value (a FindItem of a
//! whole folder). Only the child being read is in memory, so the heap
//! stays flat whatever the number of children; the input itself is
//! borrowed, never copied.
//!
//! The element is reached by a path of names from the root. Each child is
//! read with the generated readers: [`Children::next_element`] for a
//! global element, [`Children::next_with`] for a choice of them.

use super::{Name, ReadError, Start, XmlElement, XmlReader};

/// The children of the element at a path, read one by one.
pub struct Children<'i> {
    reader: XmlReader<'i>,
    /// The ancestors of the element still open.
    ancestors: usize,
    done: bool,
}

impl<'i> Children<'i> {
    /// Opens `input` and descends along `path`, the root first: at each
    /// level it enters the first child of the next name and skips the
    /// siblings before it. An empty path stands for the root.
    pub fn open(input: &'i [u8], path: &[Name]) -> Result<Self, ReadError> {
        let mut reader = XmlReader::from_bytes(input)?;
        let root = reader.root()?;
        if let Some(first) = path.first() {
            reader.expect(&root, *first)?;
        }
        for name in path.iter().skip(1) {
            loop {
                match reader.next_child()? {
                    Some(child) if reader.is(&child, *name) => break,
                    Some(_) => reader.skip()?,
                    None => return Err(reader.missing(*name)),
                }
            }
        }
        Ok(Self {
            reader,
            ancestors: path.len().saturating_sub(1),
            done: false,
        })
    }

    /// The next child, read by `read` from its start tag through its end
    /// tag; `None` after the last. After an error there is nothing more.
    pub fn next_with<T>(
        &mut self,
        read: impl FnOnce(&mut XmlReader<'i>, &Start<'i>) -> Result<T, ReadError>,
    ) -> Option<Result<T, ReadError>> {
        if self.done {
            return None;
        }
        let item = match self.reader.next_child() {
            Ok(Some(child)) => read(&mut self.reader, &child),
            Ok(None) => {
                self.done = true;
                return None;
            }
            Err(e) => Err(e),
        };
        self.done = item.is_err();
        Some(item)
    }

    /// The next child, which must be the element `T`.
    pub fn next_element<T: XmlElement>(&mut self) -> Option<Result<T, ReadError>> {
        self.next_with(|r, start| {
            r.expect(start, T::NAME)?;
            T::read_xml(r, start)
        })
    }

    /// Checks that the document is well-formed to its end, once the
    /// children have been read (or to skip those left).
    pub fn finish(mut self) -> Result<(), ReadError> {
        while !self.done {
            if let Some(Err(e)) = self.next_with(|r, _| r.skip()) {
                return Err(e);
            }
        }
        for _ in 0..self.ancestors {
            while self.reader.next_child()?.is_some() {
                self.reader.skip()?;
            }
        }
        self.reader.finish()
    }
}
