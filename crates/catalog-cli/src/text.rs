//! The human-readable (Chinese) rendering of a report, grouped by file, with row numbers.

use std::fmt::Write;

use catalog_core::Severity;
use catalog_core::messages::field_label;
use catalog_core::report::{FileReport, Report};

fn severity_zh(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

fn file_block(out: &mut String, file: &FileReport, en: bool) {
    if let Some(error) = &file.error {
        let _ = writeln!(out, "✗ {}\n  无法读取：{}", file.path, error.message);
        if en {
            let _ = writeln!(out, "  {}", error.message_en);
        }
        return;
    }
    let s = file.stats;
    let mark = if file.valid { "✓" } else { "✗" };
    let _ = writeln!(
        out,
        "{mark} {}  {}个事项 · {}个错误 · {}个警告 · {}个提示",
        file.path, s.entries, s.errors, s.warnings, s.infos
    );
    for d in &file.diagnostics {
        let mut place = String::new();
        if let Some(sheet) = &d.sheet {
            let _ = write!(place, "{sheet} ");
        }
        match (d.row, &d.entry) {
            (Some(row), _) => {
                let _ = write!(place, "第{row}行");
            }
            (None, Some(entry)) => {
                let _ = write!(place, "事项{entry}");
            }
            (None, None) => place.push_str("目录"),
        }
        if let Some(field) = &d.field {
            let _ = write!(place, " {}", field_label(field));
        }
        let _ = writeln!(out, "  {} {place}：{} [{}]", severity_zh(d.severity), d.message, d.code);
        if en {
            let _ = writeln!(out, "       {}", d.message_en);
        }
    }
}

pub fn render(report: &Report, en: bool) -> String {
    let mut out = String::new();
    for file in &report.files {
        file_block(&mut out, file, en);
    }
    let errors: usize = report.files.iter().map(|f| f.stats.errors).sum();
    let unreadable = report.files.iter().filter(|f| f.error.is_some()).count();
    let _ = writeln!(
        out,
        "共{}个文件：{}个通过，{}个有错误，{}个无法读取（错误合计{errors}个）",
        report.files.len(),
        report.files.iter().filter(|f| f.valid).count(),
        report.files.iter().filter(|f| !f.valid && f.error.is_none()).count(),
        unreadable
    );
    out
}

pub fn io_reason_zh(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在",
        std::io::ErrorKind::PermissionDenied => "没有读取权限",
        std::io::ErrorKind::IsADirectory => "这是一个文件夹",
        _ => "读取失败",
    }
}
