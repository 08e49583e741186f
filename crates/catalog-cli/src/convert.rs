//! `catalog convert INPUT -o OUTPUT`: any import format to any export format, chosen by extension.

use std::path::Path;
use std::process::ExitCode;

use catalog_core::ReportDiagnostic;
use catalog_interop::{ExportFormat, export};

use crate::validate::import_path;

pub fn run(input: &Path, output: &Path) -> ExitCode {
    let Some(format) = ExportFormat::from_file_name(&output.to_string_lossy()) else {
        eprintln!("无法从“{}”判断导出格式：请用 .xlsx、.csv、.json 或 .html / unknown output format", output.display());
        return ExitCode::from(2);
    };
    let imported = match import_path(input) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("{}\n{}", e.message, e.message_en);
            return ExitCode::from(2);
        }
    };
    for d in &imported.diagnostics {
        let d = ReportDiagnostic::from(d);
        let place = match (&d.sheet, d.row) {
            (Some(s), Some(r)) => format!("{s} 第{r}行"),
            (None, Some(r)) => format!("第{r}行"),
            _ => String::new(),
        };
        eprintln!("{} {place}：{} [{}]", input.display(), d.message, d.code);
    }
    let bytes = match export(&imported.catalog, format) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(output, bytes) {
        eprintln!("无法写入 {}：{e} / cannot write", output.display());
        return ExitCode::from(2);
    }
    eprintln!("已导出 {} 个事项到 {} / converted", imported.catalog.entries.len(), output.display());
    ExitCode::SUCCESS
}
