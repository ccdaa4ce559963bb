//! The app's own tables (the Connect framework keeps its tables in `connect::store`).

pub mod migration;
pub mod self_check;
