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

/// What a spreadsheet takes for the start of a formula when it opens a CSV: `=`, `+`, `-`, `@`, and a leading tab or
/// carriage return (which Excel skips before looking for one; OWASP's CSV-injection list).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Formula-like after any leading `'`: such a value is escaped by one more `'` so [`unguard`] can tell the escape
/// from text that really starts with `'` (`'=x` is written `''=x` and read back as `'=x`).
fn formula_like(value: &str) -> bool {
    value.trim_start_matches('\'').starts_with(FORMULA_START)
}

/// CSV: a cell that a spreadsheet would run as a formula gets a leading `'`, so an opened CSV shows text instead of
/// executing it (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `@SUM(1)`, `-1+1`). [`unguard`] undoes this on import.
pub fn guard(value: &str) -> std::borrow::Cow<'_, str> {
    if formula_like(value) { format!("'{value}").into() } else { value.into() }
}

/// XLSX: cells are written as text, which Excel never evaluates, so formula-like text stays as it is; only text that
/// already starts with `'` before a formula character gets one more `'`, because the importer unguards XLSX cells too
/// (a CSV export re-saved from Excel as XLSX keeps its guards).
pub fn guard_quoted(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with('\'') && formula_like(value) { format!("'{value}").into() } else { value.into() }
}

/// Undo [`guard`] (and [`guard_quoted`]): one leading `'` before formula-like text is dropped.
pub fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_round_trip_and_leave_plain_text_alone() {
        for v in ["=1+1", "+cmd", "-1+1", "@SUM(1)", "\t=1", "\r=1", "'=x", "''+x", "'abc", "'", "普通文本", "a=b"]
        {
            assert_eq!(unguard(&guard(v)), v, "csv {v:?}");
            assert_eq!(unguard(&guard_quoted(v)), v, "xlsx {v:?}");
            assert!(!guard(v).starts_with(FORMULA_START), "{v:?}");
        }
        assert_eq!(guard("普通文本"), "普通文本");
        assert_eq!(guard("-1+1"), "'-1+1");
        assert_eq!(guard_quoted("=1+1"), "=1+1");
        assert_eq!(guard_quoted("'=1+1"), "''=1+1");
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
