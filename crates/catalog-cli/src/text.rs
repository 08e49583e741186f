//! The human-readable (Chinese) rendering of a report: one summary line per file (who compiled it, findings,
//! domains), its findings with sheet and row when asked (always for a single file), then the totals.

use std::fmt::Write;

use catalog_core::messages::{field_label, severity_zh};
use catalog_core::report::{FileReport, Report};
use catalog_core::review::ReviewSummary;
use catalog_interop::export::review::{domain_counts, percent};

/// `某镇人民政府 · 乡级 · ` (what the catalog says of itself), or nothing when it says nothing.
fn who(s: &ReviewSummary) -> String {
    let name = if s.government.trim().is_empty() { s.title.trim() } else { s.government.trim() };
    [name, s.level.trim(), s.revision.as_deref().unwrap_or("").trim()]
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| format!("{t} · "))
        .collect()
}

/// The file's summary line.
fn summary_line(out: &mut String, file: &FileReport) {
    let mark = if file.valid { "✓" } else { "✗" };
    let s = file.stats;
    let _ = write!(out, "{mark} {}  ", file.path);
    if let Some(summary) = &file.summary {
        out.push_str(&who(summary));
    }
    let _ = write!(out, "{}个事项 · {}个错误 · {}个警告 · {}个提示", s.entries, s.errors, s.warnings, s.infos);
    if let Some(summary) = &file.summary {
        let [covered, na, missing] = domain_counts(summary);
        let _ = write!(out, " · 覆盖{covered}个领域（不涉及{na}个，缺失{missing}个）");
        if let Some(p) = percent(summary.required_present, summary.required_total) {
            let _ = write!(out, " · 指引事项{}/{}（{p}%）", summary.required_present, summary.required_total);
        }
    }
    out.push('\n');
}

fn file_block(out: &mut String, file: &FileReport, en: bool, details: bool) {
    if let Some(error) = &file.error {
        let _ = writeln!(out, "✗ {}  无法读取：{}", file.path, error.message);
        if en {
            let _ = writeln!(out, "  {}", error.message_en);
        }
        return;
    }
    summary_line(out, file);
    if !details {
        return;
    }
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

/// The report as text; `details` lists each file's findings under its line.
pub fn render(report: &Report, en: bool, details: bool) -> String {
    let mut out = String::new();
    for file in &report.files {
        file_block(&mut out, file, en, details);
    }
    let errors: usize = report.files.iter().map(|f| f.stats.errors).sum();
    let warnings: usize = report.files.iter().map(|f| f.stats.warnings).sum();
    let entries: usize = report.files.iter().map(|f| f.stats.entries).sum();
    let unreadable = report.files.iter().filter(|f| f.error.is_some()).count();
    let _ = writeln!(
        out,
        "共{}个文件：{}个通过，{}个有错误，{}个无法读取（事项合计{entries}个，错误合计{errors}个，警告合计{warnings}个）",
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
