//! Query-string hash.
