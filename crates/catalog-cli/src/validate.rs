//! `catalog validate`: read each file, validate, print per file, exit 0/1/2.

use std::path::Path;
use std::process::ExitCode;

use catalog_core::load::LoadError;
use catalog_core::report::ReportError;
use catalog_core::{FileReport, Report, load_catalog};

use crate::text;

/// Why the CLI could not even hand a file to the core.
fn read(path: &Path) -> Result<String, ReportError> {
    let name = path.display();
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if matches!(extension.as_str(), "xlsx" | "xls" | "csv") {
        return Err(ReportError {
            code: "file.unsupported".into(),
            message: format!("{name}：暂不支持 .{extension} 文件（Excel/CSV 导入即将提供），请先转换为目录 JSON"),
            message_en: format!("{name}: .{extension} import is not available yet; use a v1 JSON catalog"),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| ReportError {
        code: "file.read".into(),
        message: format!("{name}：无法读取文件（{}）", text::io_reason_zh(&e)),
        message_en: format!("{name}: cannot read file: {e}"),
    })?;
    String::from_utf8(bytes).map_err(|e| ReportError {
        code: "file.encoding".into(),
        message: format!("{name}：文件不是 UTF-8 编码（第{}字节起），请另存为 UTF-8", e.utf8_error().valid_up_to() + 1),
        message_en: format!("{name}: not UTF-8 text (from byte {})", e.utf8_error().valid_up_to() + 1),
    })
}

fn check(path: &Path) -> FileReport {
    let shown = path.display().to_string();
    let unreadable = |error: ReportError| FileReport {
        error: Some(error),
        ..FileReport::unreadable(&shown, &LoadError::NotCatalog { found: None })
    };
    match read(path) {
        Err(error) => unreadable(error),
        Ok(text) => match load_catalog(&text) {
            Ok(catalog) => FileReport::for_catalog(&shown, &catalog),
            Err(e) => {
                let mut error = ReportError::from(&e);
                error.message = format!("{shown}：{}", error.message);
                error.message_en = format!("{shown}: {}", error.message_en);
                unreadable(error)
            }
        },
    }
}

pub fn run(files: &[std::path::PathBuf], json: bool, en: bool) -> ExitCode {
    let report = Report::new(files.iter().map(|p| check(p)).collect());
    if json {
        print!("{}", report.to_json());
    } else {
        print!("{}", text::render(&report, en));
    }
    if report.files.iter().any(|f| f.error.is_some()) {
        ExitCode::from(2)
    } else if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
