//! A token bucket, for work an outsider can ask for as often as they like (key server
//! fetches, audit rows of refused calls).

use std::{sync::Mutex, time::Instant};

/// A [`TokenBucket`] shared by every request of the process.
pub(crate) struct RateLimit(Mutex<TokenBucket>);

impl RateLimit {
    pub(crate) fn per_minute(n: u32) -> Self {
        Self(Mutex::new(TokenBucket::new(n)))
    }

    /// Whether one more may go now (never, should the lock be poisoned).
    pub(crate) fn allow(&self) -> bool {
        self.0
            .lock()
            .map(|mut bucket| bucket.take(Instant::now()))
            .unwrap_or(false)
    }
}

/// A token bucket: `capacity` takes at once, refilled at `capacity` per minute.
pub(crate) struct TokenBucket {
    capacity: f64,
    tokens: f64,
    at: Option<Instant>,
}

impl TokenBucket {
    pub(crate) fn new(per_minute: u32) -> Self {
        Self {
            capacity: f64::from(per_minute),
            tokens: f64::from(per_minute),
            at: None,
        }
    }

    pub(crate) fn take(&mut self, now: Instant) -> bool {
        if let Some(at) = self.at {
            let refill = now.duration_since(at).as_secs_f64() * self.capacity / 60.0;
            self.tokens = (self.tokens + refill).min(self.capacity);
        }
        self.at = Some(now);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn fetches_are_rate_limited_and_refilled() {
        let mut bucket = TokenBucket::new(30);
        let start = Instant::now();
        assert_eq!((0..40).filter(|_| bucket.take(start)).count(), 30);
        // Two seconds refill one fetch.
        assert!(bucket.take(start + Duration::from_secs(2)));
        assert!(!bucket.take(start + Duration::from_secs(2)));
        assert_eq!(
            (0..40)
                .filter(|_| bucket.take(start + Duration::from_secs(600)))
                .count(),
            30
        );
    }
}
