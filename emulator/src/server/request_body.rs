//! Reading a request body without holding more than a limit.

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, header};
use http_body_util::BodyExt as _;

/// What is reserved up front when the client declares a length.
const MAX_INITIAL_CAPACITY: usize = 64 * 1024;

/// Why a body was not read.
#[derive(Debug, thiserror::Error)]
pub(super) enum BodyError {
    #[error("the body is larger than {limit} bytes")]
    TooLarge { limit: usize },
    #[error("the body could not be read: {0}")]
    Read(axum::Error),
}

/// The whole body, frame by frame. A declared length over `limit` is
/// refused before anything is read; otherwise reading stops at the first
/// frame that would pass the limit, and the rest is left unread.
pub(super) async fn read_limited(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<Bytes, BodyError> {
    let too_large = BodyError::TooLarge { limit };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let declared = match declared.map(usize::try_from) {
        Some(Ok(n)) if n <= limit => n,
        Some(_) => return Err(too_large),
        None => 0,
    };
    let mut body = body;
    let mut bytes = Vec::with_capacity(declared.min(MAX_INITIAL_CAPACITY));
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(BodyError::Read)?;
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        if data.len() > limit - bytes.len() {
            return Err(too_large);
        }
        bytes.extend_from_slice(&data);
    }
    Ok(Bytes::from(bytes))
}
