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

/// Choices an export takes beyond its format; the default is the safe one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Mask personal numbers (公民身份号码 6 + 4 digits kept, bank cards 4 + 4, individuals' mobiles 3 + 4) in every
    /// exported text. Without it the HTML page, which is published to everyone, is refused when the text it shows
    /// carries any (`export.personal-data`); the working formats (XLSX, CSV, JSON) are written as they are.
    pub mask_personal_data: bool,
}

/// Why [`export_with`] wrote nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportFailure {
    /// The writer failed (limits of the format).
    Writer(ExportError),
    /// The HTML page would publish personal data, and masking was not asked for.
    PersonalData(Vec<catalog_core::privacy::Hit>),
}

impl ExportFailure {
    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            ExportFailure::Writer(_) => "export.failed",
            ExportFailure::PersonalData(_) => "export.personal-data",
        }
    }

    pub fn message(&self) -> String {
        match self {
            ExportFailure::Writer(e) => format!("导出失败：{}", e.0),
            ExportFailure::PersonalData(hits) => catalog_core::messages::personal_data_refused_zh(hits),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ExportFailure::Writer(e) => format!("export failed: {}", e.0),
            ExportFailure::PersonalData(hits) => catalog_core::messages::personal_data_refused_en(hits),
        }
    }
}

impl std::fmt::Display for ExportFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message(), self.message_en())
    }
}

impl std::error::Error for ExportFailure {}

impl From<ExportFailure> for ExportError {
    fn from(failure: ExportFailure) -> ExportError {
        match failure {
            ExportFailure::Writer(e) => e,
            refused => ExportError(format!("{}: {refused}", refused.code())),
        }
    }
}

/// Export a catalog with the default options: an HTML page carrying personal data is refused.
pub fn export(catalog: &Catalog, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    export_with(catalog, format, &ExportOptions::default()).map_err(ExportError::from)
}

/// Export a catalog; see [`ExportOptions`] for what masking does and when the HTML page is refused.
pub fn export_with(catalog: &Catalog, format: ExportFormat, options: &ExportOptions) -> Result<Vec<u8>, ExportFailure> {
    let masked;
    let catalog = if options.mask_personal_data {
        masked = catalog_core::privacy::mask_catalog(catalog);
        &masked
    } else {
        let hits = if format == ExportFormat::Html { catalog_core::privacy::scan_catalog(catalog) } else { Vec::new() };
        if !hits.is_empty() {
            return Err(ExportFailure::PersonalData(hits));
        }
        catalog
    };
    match format {
        ExportFormat::Json => Ok(catalog_core::to_json(catalog).into_bytes()),
        ExportFormat::Csv => Ok(csv::write(catalog)),
        ExportFormat::Html => Ok(html::write(catalog).into_bytes()),
        #[cfg(feature = "excel")]
        ExportFormat::Xlsx => xlsx::write(catalog).map_err(ExportFailure::Writer),
        #[cfg(not(feature = "excel"))]
        ExportFormat::Xlsx => Err(ExportFailure::Writer(ExportError("this build has no Excel support".into()))),
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
