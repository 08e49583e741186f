//! The combined review report (审核报告) over many catalogs: JSON (the core report with summaries and notes), a
//! printable self-contained HTML summary with the coverage matrix, and (feature `excel`) XLSX in `review_xlsx`.

use std::fmt::Write;

use catalog_core::domains::DOMAINS;
use catalog_core::messages::{coverage_zh, review_status_zh};
use catalog_core::review::{Coverage, ReviewReport, ReviewSummary, ReviewedFile};

use super::html::escape;
use super::{ExportError, ExportFormat};

/// Write the review report as XLSX, JSON or HTML (CSV cannot hold its three tables).
pub fn export_review(report: &ReviewReport, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    match format {
        ExportFormat::Json => Ok(report.to_json().into_bytes()),
        ExportFormat::Html => Ok(html(report).into_bytes()),
        #[cfg(feature = "excel")]
        ExportFormat::Xlsx => super::review_xlsx::write(report),
        #[cfg(not(feature = "excel"))]
        ExportFormat::Xlsx => Err(ExportError("this build has no Excel support".into())),
        ExportFormat::Csv => {
            Err(ExportError("审核报告只能导出为 xlsx、json 或 html / review reports are xlsx, json or html".into()))
        }
    }
}

/// How a catalog is named in the report's tables: its government, else its title, else the file.
pub fn catalog_name(file: &ReviewedFile) -> &str {
    let s = file.report.summary.as_ref();
    [s.map(|s| s.government.as_str()), s.map(|s| s.title.as_str())]
        .into_iter()
        .flatten()
        .find(|t| !t.trim().is_empty())
        .unwrap_or(&file.report.path)
}

/// `present/total` of the guideline's expected items, or empty when none are expected.
pub fn conformance_cell(present: usize, total: usize) -> String {
    if total == 0 { String::new() } else { format!("{present}/{total}") }
}

/// Percent of expected items present, rounded down (so 99.6% is not shown as complete).
pub fn percent(present: usize, total: usize) -> Option<usize> {
    (total > 0).then(|| present * 100 / total)
}

/// The text of one matrix cell.
pub fn coverage_cell(coverage: &Coverage) -> String {
    match coverage {
        Coverage::Covered { entries, required_present, required_total, .. } => {
            match percent(*required_present, *required_total) {
                Some(p) => format!("{}{entries}项 {p}%", coverage_zh(coverage)),
                None => format!("{}{entries}项", coverage_zh(coverage)),
            }
        }
        _ => coverage_zh(coverage).to_owned(),
    }
}

/// Counts of the 26 domains covered, declared not applicable and missing.
pub fn domain_counts(s: &ReviewSummary) -> [usize; 3] {
    let mut counts = [0; 3];
    for d in &s.domains {
        counts[match d.coverage {
            Coverage::Covered { .. } => 0,
            Coverage::NotApplicable { .. } => 1,
            Coverage::Missing => 2,
        }] += 1;
    }
    counts
}

const STYLE: &str = "body{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;margin:24px;color:#222}\
h1{font-size:22px;text-align:center}h2{font-size:18px;margin-top:28px;border-left:4px solid #1f5fa8;padding-left:8px}\
p.meta{text-align:center;color:#555}table{border-collapse:collapse;font-size:12px;margin-top:8px}\
th,td{border:1px solid #999;padding:3px 5px;vertical-align:top}th{background:#e8eef7}td.n{text-align:right}\
table.matrix th.d{writing-mode:vertical-rl;white-space:nowrap;font-weight:normal}table.matrix td{text-align:center;min-width:18px}\
.c4{background:#2e7d32;color:#fff}.c3{background:#66bb6a}.c2{background:#c5e1a5}.c1{background:#fff59d}.c0{background:#ffcc80}\
.na{background:#e0e0e0;color:#555}.miss{background:#ef9a9a}.bad{color:#b71c1c}.ok{color:#2e7d32}\
@media print{body{margin:0;font-size:11px}h2{page-break-after:avoid}tr{page-break-inside:avoid}\
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// The colour class of a matrix cell: covered cells shaded by conformance (c0 under 50% … c4 at 100%).
fn cell_class(coverage: &Coverage) -> &'static str {
    match coverage {
        Coverage::Covered { required_present, required_total, .. } => match percent(*required_present, *required_total)
        {
            None | Some(100) => "c4",
            Some(p) if p >= 90 => "c3",
            Some(p) if p >= 75 => "c2",
            Some(p) if p >= 50 => "c1",
            Some(_) => "c0",
        },
        Coverage::NotApplicable { .. } => "na",
        Coverage::Missing => "miss",
    }
}

/// The cell's short mark for the matrix and its tooltip.
fn matrix_cell(out: &mut String, domain: &str, coverage: &Coverage) {
    let (mark, detail) = match coverage {
        Coverage::Covered { entries, required_present, required_total, required_removed } => {
            let mark = percent(*required_present, *required_total).map_or_else(|| "✓".to_owned(), |p| p.to_string());
            let mut detail = format!("{domain}：{entries}个事项");
            if *required_total > 0 {
                let _ = write!(detail, "，标准指引事项{required_present}/{required_total}");
            }
            if *required_removed > 0 {
                let _ = write!(detail, "，删减{required_removed}项");
            }
            (mark, detail)
        }
        Coverage::NotApplicable { reason } => ("—".to_owned(), format!("{domain}：不涉及（{reason}）")),
        Coverage::Missing => ("✗".to_owned(), format!("{domain}：缺失，既无事项也未说明不涉及")),
    };
    let _ = write!(out, "<td class=\"{}\" title=\"{}\">{}</td>", cell_class(coverage), escape(&detail), escape(&mark));
}

fn summary_table(out: &mut String, report: &ReviewReport) {
    out.push_str(
        "<h2>汇总</h2>\n<table>\n<thead><tr><th>序号</th><th>文件</th><th>编制单位</th><th>层级</th><th>版次</th>\
         <th>事项</th><th>错误</th><th>警告</th><th>提示</th><th>覆盖领域</th><th>不涉及</th><th>缺失</th>\
         <th>指引事项</th><th>审核结论</th><th>审核意见</th></tr></thead>\n<tbody>\n",
    );
    for (i, file) in report.files.iter().enumerate() {
        let f = &file.report;
        let _ = write!(out, "<tr><td class=\"n\">{}</td><td>{}</td>", i + 1, escape(&f.path));
        match (&f.summary, &f.error) {
            (Some(s), _) => {
                let [covered, na, missing] = domain_counts(s);
                let errors = if s.errors > 0 { "bad" } else { "ok" };
                let _ = write!(
                    out,
                    "<td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n {errors}\">{}</td>\
                     <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{covered}</td><td class=\"n\">{na}</td>\
                     <td class=\"n\">{missing}</td><td class=\"n\">{}</td>",
                    escape(catalog_name(file)),
                    escape(&s.level),
                    escape(s.revision.as_deref().unwrap_or("")),
                    s.entries,
                    s.errors,
                    s.warnings,
                    s.infos,
                    escape(&conformance_cell(s.required_present, s.required_total)),
                );
            }
            (None, error) => {
                let reason = error.as_ref().map_or("", |e| e.message.as_str());
                let _ = write!(out, "<td colspan=\"11\" class=\"bad\">无法读取：{}</td>", escape(reason));
            }
        }
        let (status, comment) = match &file.note {
            Some(n) => (review_status_zh(n.status), n.comment.as_str()),
            None => ("未审核", ""),
        };
        let _ = writeln!(out, "<td>{}</td><td>{}</td></tr>", escape(status), escape(comment));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn matrix(out: &mut String, report: &ReviewReport) {
    out.push_str(
        "<h2>领域覆盖</h2>\n<p>数字为标准指引中本级适用事项的列入比例（%）；✓ 已覆盖（无可比对的指引事项）；— 不涉及；✗ 缺失。\
         悬停可见事项数与理由。</p>\n<table class=\"matrix\">\n<thead><tr><th>目录</th>",
    );
    for d in DOMAINS {
        let _ = write!(out, "<th class=\"d\" scope=\"col\">{}</th>", escape(d));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for file in report.files.iter() {
        let Some(s) = &file.report.summary else { continue };
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(catalog_name(file)));
        for d in &s.domains {
            matrix_cell(out, &d.domain, &d.coverage);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n<tfoot>\n");
    let totals = report.domain_totals();
    for (label, at) in [("已覆盖", 0), ("不涉及", 1), ("缺失", 2)] {
        let _ = write!(out, "<tr><th scope=\"row\">{label}（个目录）</th>");
        for (_, counts) in &totals {
            let _ = write!(out, "<td>{}</td>", counts[at]);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tfoot>\n</table>\n");
}

/// The printable summary: the catalogs' table and the coverage matrix. Self-contained (inline style only), no
/// scripts (a `default-src 'none'` CSP), every value escaped.
pub fn html(report: &ReviewReport) -> String {
    let mut out = String::new();
    let readable = report.files.iter().filter(|f| f.report.summary.is_some()).count();
    let valid = report.files.iter().filter(|f| f.report.valid).count();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>政务公开事项标准目录审核报告</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<h1>政务公开事项标准目录审核报告</h1>\n\
         <p class=\"meta\">共{}个文件：{}个可读取，{}个无错误，{}个无法读取</p>\n",
        report.files.len(),
        readable,
        valid,
        report.files.len() - readable,
    );
    summary_table(&mut out, report);
    matrix(&mut out, report);
    out.push_str("</body>\n</html>\n");
    out
}
