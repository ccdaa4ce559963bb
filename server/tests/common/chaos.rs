//! What the fault tests share: a seeded random source (the seed is printed, so a failing run
//! can be repeated), SIGKILL, and sizes read from the environment (`cargo xtask chaos` runs the
//! long forms).

use std::time::{SystemTime, UNIX_EPOCH};

/// SplitMix64: enough randomness for choosing operations and moments, and reproducible.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// From `CHAOS_SEED`, else the clock; says which, so the run can be repeated.
    pub fn seeded(test: &str) -> Self {
        let seed = std::env::var("CHAOS_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        eprintln!("{test}: CHAOS_SEED={seed}");
        Self(seed)
    }

    pub fn fork(&mut self) -> Self {
        Self(self.next())
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// In `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// `true` with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn hex(&mut self) -> String {
        format!("{:016x}{:016x}", self.next(), self.next())
    }
}

/// SIGKILL: no shutdown, no cleanup, as a crash or an OOM kill would.
pub fn kill9(pid: u32) {
    let _ = std::process::Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status();
}

/// A count from the environment (the long forms set them), else `default`.
pub fn env_count(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The resident memory of `pid` now (`VmRSS`), in bytes.
pub fn rss(pid: u32) -> u64 {
    memory(pid, "VmRSS")
}

/// The most memory `pid` ever held (`VmHWM`), in bytes.
pub fn peak_memory(pid: u32) -> u64 {
    memory(pid, "VmHWM")
}

/// A size line (`VmRSS: 1234 kB`) of `/proc/{pid}/status`, in bytes; 0 when there is none.
fn memory(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}
