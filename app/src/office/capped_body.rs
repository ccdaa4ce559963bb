//! Reading a response body into memory with a size limit, checked against the announced length
//! and again while the bytes arrive (a server may announce nothing, or lie).

use bytes::Bytes;
use futures::StreamExt;

#[derive(Debug)]
pub enum CappedError {
    TooLarge,
    Transport(reqwest::Error),
}

/// The whole body of `response`, or [`CappedError::TooLarge`] past `max` bytes.
pub async fn read(response: reqwest::Response, max: u64) -> Result<Bytes, CappedError> {
    if response.content_length().is_some_and(|len| len > max) {
        return Err(CappedError::TooLarge);
    }
    let mut body = Vec::new();
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(CappedError::Transport)?;
        if (body.len() + chunk.len()) as u64 > max {
            return Err(CappedError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.into())
}
