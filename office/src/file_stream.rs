//! Files on their way through Confluo (Document Server → Confluence, Confluence → Document
//! Server, Confluence → Confluence): streams that are never held whole in memory, with a size
//! cap checked against the announced length and again while the bytes arrive (a server may
//! announce nothing, or lie).

use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

use bytes::Bytes;
use futures::{StreamExt, stream::BoxStream};

/// Why a file could not be read.
#[derive(Debug)]
pub enum StreamError {
    /// Past the cap (bytes).
    TooLarge(u64),
    Transport(String),
}

impl std::fmt::Display for StreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge(max) => write!(f, "the file is larger than {max} bytes"),
            Self::Transport(detail) => write!(f, "the transfer broke off: {detail}"),
        }
    }
}

impl std::error::Error for StreamError {}

/// A file's bytes as they arrive, at most `max` of them.
pub struct FileStream {
    /// The length the sender announced (already checked against the cap).
    pub length: Option<u64>,
    pub stream: BoxStream<'static, Result<Bytes, std::io::Error>>,
    /// Whether the cap was passed, so a failed upload can say why.
    cap: CapWatch,
}

impl FileStream {
    /// The body of `response`; refused at once when it announces more than `max` bytes.
    pub fn from_response(response: reqwest::Response, max: u64) -> Result<Self, StreamError> {
        let length = response.content_length();
        if length.is_some_and(|len| len > max) {
            return Err(StreamError::TooLarge(max));
        }
        let cap = CapWatch {
            exceeded: Arc::new(AtomicBool::new(false)),
            max,
        };
        let flag = cap.exceeded.clone();
        let mut seen: u64 = 0;
        let stream = response
            .bytes_stream()
            .map(move |chunk| {
                let chunk = chunk.map_err(std::io::Error::other)?;
                seen += chunk.len() as u64;
                if seen > max {
                    flag.store(true, Ordering::SeqCst);
                    return Err(std::io::Error::other(StreamError::TooLarge(max)));
                }
                Ok(chunk)
            })
            .boxed();
        Ok(Self {
            length,
            stream,
            cap,
        })
    }

    /// A file already in memory (a blank template).
    pub fn from_bytes(data: Bytes) -> Self {
        let length = data.len() as u64;
        Self {
            length: Some(length),
            stream: futures::stream::once(async move { Ok(data) }).boxed(),
            cap: CapWatch {
                exceeded: Arc::default(),
                max: length,
            },
        }
    }

    /// A handle that tells, after the stream was handed over, whether it passed its cap.
    pub fn watch(&self) -> CapWatch {
        self.cap.clone()
    }

    /// The whole file in memory, for small files only (a test conversion, a changes archive).
    pub async fn into_bytes(mut self) -> Result<Bytes, StreamError> {
        let mut body = Vec::with_capacity(self.length.unwrap_or(0).min(self.cap.max) as usize);
        while let Some(chunk) = self.stream.next().await {
            match chunk {
                Ok(chunk) => body.extend_from_slice(&chunk),
                Err(err) => {
                    return Err(match self.cap.exceeded() {
                        Some(max) => StreamError::TooLarge(max),
                        None => StreamError::Transport(err.to_string()),
                    });
                }
            }
        }
        Ok(body.into())
    }
}

/// See [`FileStream::watch`].
#[derive(Clone)]
pub struct CapWatch {
    exceeded: Arc<AtomicBool>,
    max: u64,
}

impl CapWatch {
    /// The cap, if the stream passed it.
    pub fn exceeded(&self) -> Option<u64> {
        self.exceeded.load(Ordering::SeqCst).then_some(self.max)
    }
}
