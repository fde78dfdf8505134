//! The input format of `schema_loader`: raw bytes become one to 64
//! in-memory files.
//!
//! ```text
//! <flags byte><main file> [ NUL <path> LF <file> ]*
//! ```
//!
//! Bit 0 of the flags byte names the main file `main.wsdl` (set) or
//! `main.xsd` (clear); bit 1 generates everything instead of what the main
//! file's roots reach. The seeds use `x` (XSD), `y` (WSDL), `z` (XSD,
//! everything) and `{` (WSDL, everything). Each further file is named
//! by the line that starts it, so that includes and imports of the main
//! file can find it. NUL cannot occur in XML, so the split never hides a
//! document the loader should have seen.

use std::path::PathBuf;

pub struct Split {
    pub inputs: Vec<PathBuf>,
    pub files: Vec<(PathBuf, Vec<u8>)>,
    pub all: bool,
}

const MAX_FILES: usize = 64;

pub fn split(data: &[u8]) -> Option<Split> {
    let (&flags, rest) = data.split_first()?;
    let main = PathBuf::from(if flags & 1 == 1 {
        "main.wsdl"
    } else {
        "main.xsd"
    });
    let mut chunks = rest.split(|&b| b == 0).take(MAX_FILES);
    let mut files = vec![(main.clone(), chunks.next().unwrap_or_default().to_vec())];
    for chunk in chunks {
        let (name, body) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], &chunk[i + 1..]),
            None => (chunk, &[][..]),
        };
        let name = String::from_utf8_lossy(name).trim().to_owned();
        if !name.is_empty() {
            files.push((PathBuf::from(name), body.to_vec()));
        }
    }
    Some(Split {
        inputs: vec![main],
        files,
        all: flags & 2 == 2,
    })
}
