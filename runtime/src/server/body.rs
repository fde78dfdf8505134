//! Reading a request body within the byte and time limits.

use std::time::Duration;

use http::HeaderMap;
use http::header::CONTENT_LENGTH;
use http_body::Body;
use http_body_util::BodyExt as _;
use hyper::body::Buf as _;

/// What is reserved up front when the client declares a length: a
/// declared length is a promise, not a fact.
const MAX_INITIAL_CAPACITY: usize = 64 * 1024;

/// Why a body was not read.
#[derive(Debug)]
pub(super) enum BodyError {
    TooLarge,
    TimedOut,
    /// The connection failed, or the body is not valid HTTP framing.
    Read(String),
}

/// The whole body. A declared length over `limit` is refused before
/// anything is read; otherwise reading stops at the first frame that would
/// pass the limit, and the rest is left unread. `timeout` bounds the
/// whole read.
pub(super) async fn read_limited<B>(
    headers: &HeaderMap,
    body: B,
    limit: usize,
    timeout: Option<Duration>,
) -> Result<Vec<u8>, BodyError>
where
    B: Body,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let hinted = body.size_hint().lower();
    let longest = declared.unwrap_or(0).max(hinted);
    if usize::try_from(longest).map_or(true, |n| n > limit) {
        return Err(BodyError::TooLarge);
    }
    let capacity = usize::try_from(longest)
        .unwrap_or(0)
        .min(MAX_INITIAL_CAPACITY);
    let read = collect(body, limit, capacity);
    match timeout {
        Some(timeout) => tokio::time::timeout(timeout, read)
            .await
            .unwrap_or(Err(BodyError::TimedOut)),
        None => read.await,
    }
}

async fn collect<B>(body: B, limit: usize, capacity: usize) -> Result<Vec<u8>, BodyError>
where
    B: Body,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut body = std::pin::pin!(body);
    let mut bytes = Vec::with_capacity(capacity);
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| BodyError::Read(e.into().to_string()))?;
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        let mut data = data;
        if data.remaining() > limit - bytes.len() {
            return Err(BodyError::TooLarge);
        }
        // A `Buf` may hold its bytes in several pieces.
        while data.has_remaining() {
            let chunk = data.chunk();
            let n = chunk.len();
            bytes.extend_from_slice(chunk);
            data.advance(n);
        }
    }
    Ok(bytes)
}
