//! 基层政务公开事项标准目录: the catalog model (format v1), the 26 pilot domains' guideline items, parsers for
//! the free-text columns as real catalogs write them, the validator and its report.
//!
//! Pure: no file system, no clock, no wasm glue; it builds for `wasm32-unknown-unknown` as it is.

mod compact;
pub mod diagnostic;
pub mod diff;
pub mod domains;
pub mod load;
pub mod messages;
pub mod model;
pub mod names;
pub mod parse;
pub mod privacy;
pub mod report;
pub mod review;
pub mod rules;
pub mod schema;
pub mod seeds;
pub mod template;
pub mod text;
pub mod vocab;

pub use diagnostic::{Carry, Diagnostic, Finding, Fix, Severity};
pub use load::{LoadError, load_catalog, to_json};
pub use model::{Catalog, Entry, Meta, NotApplicable, RemovedItem, SourceRef};
pub use report::{FileReport, Report, ReportDiagnostic};
pub use rules::{Validator, validate};

/// This crate's version, as the CLI and wasm API report it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
