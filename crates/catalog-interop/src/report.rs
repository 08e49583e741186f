//! One file's bytes → its report: import diagnostics followed by the validator's, or why it cannot be read.
//! The CLI and the wasm API both call this, so a file gets the same report everywhere.

use catalog_core::Validator;
use catalog_core::report::{FileReport, ReportError};

use crate::import::{ImportError, import_with};
use crate::mapping::Mapping;

/// The report error for a file that cannot be imported, its messages naming the file as the user gave it.
pub fn import_error(path: &str, e: &ImportError) -> ReportError {
    ReportError {
        code: e.code().into(),
        message: format!("{path}：{}", e.message()),
        message_en: format!("{path}: {}", e.message_en()),
    }
}

/// Import and validate `bytes`; `path` is how the report names the file (its extension picks the format).
pub fn report_file(bytes: &[u8], path: &str) -> FileReport {
    report_file_with(bytes, path, &mut Validator::new())
}

/// [`report_file`] with a validator kept across files (one per thread of a batch), so the texts the files share are
/// parsed once. The report is the same.
pub fn report_file_with(bytes: &[u8], path: &str, validator: &mut Validator) -> FileReport {
    report_file_mapped(bytes, path, validator, &Mapping::default())
}

/// [`report_file_with`] reading the columns the user's mapping names as it says.
pub fn report_file_mapped(bytes: &[u8], path: &str, validator: &mut Validator, mapping: &Mapping) -> FileReport {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match import_with(bytes, name, mapping) {
        Err(e) => FileReport::unreadable(path, import_error(path, &e)),
        Ok(imported) => {
            let mut diagnostics = imported.diagnostics;
            diagnostics.extend(validator.validate(&imported.catalog));
            FileReport::from_diagnostics(path, &imported.catalog, &diagnostics)
        }
    }
}
