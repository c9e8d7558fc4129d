//! wip
pub mod sentences;
