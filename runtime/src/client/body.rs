//! Reading an answer's body without holding more than a limit.

use crate::error::Error;

/// What is reserved up front when the server declares a length: enough for
/// any UM answer, and not a lever for a server that declares much and
/// sends little.
const MAX_INITIAL_CAPACITY: usize = 256 * 1024;

/// The whole body, read chunk by chunk as it arrives. A declared length
/// over `limit` is refused before reading; otherwise reading stops at the
/// first chunk that would pass the limit, and the connection is dropped
/// with the rest unread. `transport` sorts a failure while reading.
pub(crate) async fn read_limited(
    mut response: reqwest::Response,
    limit: usize,
    transport: impl Fn(reqwest::Error) -> Error,
) -> Result<Vec<u8>, Error> {
    let too_large = || Error::ResponseTooLarge { limit };
    let declared = match response.content_length().map(usize::try_from) {
        Some(Ok(n)) if n <= limit => n,
        Some(_) => return Err(too_large()),
        None => 0,
    };
    let mut body = Vec::with_capacity(declared.min(MAX_INITIAL_CAPACITY));
    while let Some(chunk) = response.chunk().await.map_err(&transport)? {
        if chunk.len() > limit - body.len() {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
