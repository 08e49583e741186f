//! Read and write the formats governments actually use for their 政务公开事项标准目录.
//!
//! Import: `.xlsx`/`.xls` (calamine), `.csv` (UTF-8, UTF-8 BOM, GBK/GB18030, UTF-16 BOM), `.json` (format v1).
//! Export: XLSX in the national template layout, CSV (UTF-8 BOM), JSON, and a self-contained HTML page.
//! Works on bytes only (no file system), so the same code runs in the CLI and in the browser.

#[cfg(feature = "excel")]
#[doc(hidden)]
pub mod corpus;
pub mod decode;
pub mod export;
pub mod grid;
pub mod import;
pub mod layout;
pub mod limits;
pub mod mapping;
pub mod preview;
mod read;
pub mod report;

pub use export::changes::export_diff;
pub use export::review::export_review;
pub use export::{ExportFailure, ExportFormat, ExportOptions, export, export_with};
pub use import::{ImportError, Imported, import, import_with};
pub use mapping::{Mapping, MappingError};
pub use preview::{Preview, PreviewColumn, preview};
pub use report::{report_file, report_file_mapped, report_file_with};
