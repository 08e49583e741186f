//! A catalog → the files governments publish and exchange.

pub mod changes;
#[cfg(feature = "excel")]
pub mod changes_xlsx;
pub mod columns;
pub mod csv;
pub mod html;
pub mod review;
#[cfg(feature = "excel")]
pub mod review_xlsx;
#[cfg(feature = "excel")]
mod sheet_text;
#[cfg(feature = "excel")]
pub mod xlsx;
pub mod xlsx_meta;

use catalog_core::model::Catalog;

/// Export formats, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Xlsx,
    Csv,
    Json,
    Html,
}

impl ExportFormat {
    /// `.xlsx`, `.csv`, `.json`, `.html`/`.htm` (case-insensitive).
    pub fn from_file_name(name: &str) -> Option<ExportFormat> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "xlsx" => Some(ExportFormat::Xlsx),
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            "html" | "htm" => Some(ExportFormat::Html),
            _ => None,
        }
    }

    pub fn from_name(name: &str) -> Option<ExportFormat> {
        Self::from_file_name(&format!("x.{name}"))
    }
}

/// Why an export failed (only the XLSX writer can fail, on limits of the format).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError(pub String);

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "导出失败 / export failed: {}", self.0)
    }
}

impl std::error::Error for ExportError {}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) gets a leading `'`, so an opened CSV shows
/// text instead of executing it. [`unguard`] undoes this on import.
pub fn guard(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@']) { format!("'{value}").into() } else { value.into() }
}

/// Undo [`guard`].
pub fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => value,
    }
}

/// Export a catalog.
pub fn export(catalog: &Catalog, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    match format {
        ExportFormat::Json => Ok(catalog_core::to_json(catalog).into_bytes()),
        ExportFormat::Csv => Ok(csv::write(catalog)),
        ExportFormat::Html => Ok(html::write(catalog).into_bytes()),
        #[cfg(feature = "excel")]
        ExportFormat::Xlsx => xlsx::write(catalog),
        #[cfg(not(feature = "excel"))]
        ExportFormat::Xlsx => Err(ExportError("this build has no Excel support".into())),
    }
}
