//! Pure parsers for the free-text columns, as real catalogs write them. None of them panics on any input.

pub mod basis;
pub mod channels;
mod scan;
pub mod time_limit;
