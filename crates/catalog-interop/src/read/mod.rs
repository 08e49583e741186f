//! File bytes → sheets of text cells.

pub mod csv;
#[cfg(feature = "excel")]
pub mod excel;
#[cfg(feature = "excel")]
mod xls_guard;
