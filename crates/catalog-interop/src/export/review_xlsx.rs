//! The combined review report as XLSX: `汇总` (one row per file, with the review decision and comment),
//! `问题清单` (every diagnostic with file, sheet, row, field, code, severity and message) and `领域覆盖` (the
//! catalogs × the 26 domains, shaded by conformance to the guideline).

use catalog_core::domains::DOMAINS;
use catalog_core::messages::{coverage_zh, field_label, review_status_zh, severity_zh};
use catalog_core::review::{Coverage, ReviewReport};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::ExportError;
use super::review::{catalog_name, conformance_cell, coverage_cell, domain_counts, percent};
use super::sheet_text::{LAST_ROW, fit};

pub const SUMMARY_SHEET: &str = "汇总";
pub const ISSUES_SHEET: &str = "问题清单";
pub const COVERAGE_SHEET: &str = "领域覆盖";

pub const SUMMARY_HEADER: [&str; 18] = [
    "序号",
    "文件",
    "编制单位",
    "目录标题",
    "层级",
    "地区",
    "版次",
    "事项数",
    "错误",
    "警告",
    "提示",
    "覆盖领域",
    "不涉及领域",
    "缺失领域",
    "指引事项（列入/应列）",
    "审核结论",
    "审核意见",
    "无法读取原因",
];

pub const ISSUES_HEADER: [&str; 9] =
    ["文件", "工作表", "行", "事项编号", "字段", "代码", "级别", "说明", "说明（英文）"];

struct Formats {
    header: Format,
    cell: Format,
    number: Format,
    shades: [Format; 5],
    not_applicable: Format,
    missing: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        let center = base.clone().set_align(FormatAlign::Center);
        let shade = |colour: &str| center.clone().set_background_color(colour);
        Formats {
            header: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color("#D9E1F2"),
            cell: base.clone().set_text_wrap(),
            number: base.set_align(FormatAlign::Right),
            // Same scale as the HTML summary: under 50%, 50–74, 75–89, 90–99, 100% (or nothing to compare).
            shades: [shade("#FFCC80"), shade("#FFF59D"), shade("#C5E1A5"), shade("#66BB6A"), shade("#2E7D32")],
            not_applicable: shade("#E0E0E0"),
            missing: shade("#EF9A9A"),
        }
    }

    fn coverage(&self, c: &Coverage) -> &Format {
        match c {
            Coverage::Covered { required_present, required_total, .. } => {
                let at = match percent(*required_present, *required_total) {
                    None | Some(100) => 4,
                    Some(p) if p >= 90 => 3,
                    Some(p) if p >= 75 => 2,
                    Some(p) if p >= 50 => 1,
                    Some(_) => 0,
                };
                &self.shades[at]
            }
            Coverage::NotApplicable { .. } => &self.not_applicable,
            Coverage::Missing => &self.missing,
        }
    }
}

fn header(ws: &mut Worksheet, names: &[&str], f: &Formats) -> Result<(), XlsxError> {
    for (c, name) in (0u16..).zip(names) {
        ws.write_string_with_format(0, c, *name, &f.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn row_of(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(LAST_ROW)
}

fn summary_sheet(ws: &mut Worksheet, report: &ReviewReport, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SUMMARY_SHEET)?;
    header(ws, &SUMMARY_HEADER, f)?;
    for (c, width) in [(1u16, 24.0), (2, 24.0), (3, 30.0), (14, 12.0), (16, 40.0), (17, 40.0)] {
        ws.set_column_width(c, width)?;
    }
    for (i, file) in report.files.iter().enumerate().take(LAST_ROW as usize) {
        let r = row_of(i);
        let rep = &file.report;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &f.number)?;
        ws.write_string_with_format(r, 1, fit(&rep.path), &f.cell)?;
        let mut texts: Vec<(u16, String)> = Vec::new();
        if let Some(s) = &rep.summary {
            let [covered, na, missing] = domain_counts(s);
            texts.extend([
                (2, catalog_name(file).to_owned()),
                (3, s.title.clone()),
                (4, s.level.clone()),
                (5, s.region.clone().unwrap_or_default()),
                (6, s.revision.clone().unwrap_or_default()),
                (14, conformance_cell(s.required_present, s.required_total)),
            ]);
            for (c, n) in [
                (7u16, s.entries),
                (8, s.errors),
                (9, s.warnings),
                (10, s.infos),
                (11, covered),
                (12, na),
                (13, missing),
            ] {
                ws.write_number_with_format(r, c, n as f64, &f.number)?;
            }
        }
        if let Some(note) = &file.note {
            texts.push((15, review_status_zh(note.status).to_owned()));
            texts.push((16, note.comment.clone()));
        }
        if let Some(e) = &rep.error {
            texts.push((17, e.message.clone()));
        }
        for (c, text) in texts {
            ws.write_string_with_format(r, c, fit(&text), &f.cell)?;
        }
    }
    Ok(())
}

fn issues_sheet(ws: &mut Worksheet, report: &ReviewReport, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(ISSUES_SHEET)?;
    header(ws, &ISSUES_HEADER, f)?;
    for (c, width) in [(0u16, 24.0), (1, 14.0), (3, 12.0), (4, 14.0), (5, 24.0), (7, 60.0), (8, 60.0)] {
        ws.set_column_width(c, width)?;
    }
    let mut r = 1u32;
    let total: usize =
        report.files.iter().map(|f| f.report.diagnostics.len() + usize::from(f.report.error.is_some())).sum();
    let mut written = 0usize;
    'files: for file in &report.files {
        let rep = &file.report;
        if let Some(e) = &rep.error {
            if r >= LAST_ROW {
                break 'files;
            }
            ws.write_string_with_format(r, 0, fit(&rep.path), &f.cell)?;
            ws.write_string_with_format(r, 5, fit(&e.code), &f.cell)?;
            ws.write_string_with_format(r, 6, severity_zh(catalog_core::Severity::Error), &f.cell)?;
            ws.write_string_with_format(r, 7, fit(&e.message), &f.cell)?;
            ws.write_string_with_format(r, 8, fit(&e.message_en), &f.cell)?;
            r += 1;
            written += 1;
        }
        for d in &rep.diagnostics {
            if r >= LAST_ROW {
                break 'files;
            }
            ws.write_string_with_format(r, 0, fit(&rep.path), &f.cell)?;
            ws.write_string_with_format(r, 1, fit(d.sheet.as_deref().unwrap_or("")), &f.cell)?;
            if let Some(row) = d.row {
                ws.write_number_with_format(r, 2, f64::from(row), &f.number)?;
            }
            ws.write_string_with_format(r, 3, fit(d.entry.as_deref().unwrap_or("")), &f.cell)?;
            ws.write_string_with_format(r, 4, d.field.as_deref().map_or("", field_label), &f.cell)?;
            ws.write_string_with_format(r, 5, fit(&d.code), &f.cell)?;
            ws.write_string_with_format(r, 6, severity_zh(d.severity), &f.cell)?;
            ws.write_string_with_format(r, 7, fit(&d.message), &f.cell)?;
            ws.write_string_with_format(r, 8, fit(&d.message_en), &f.cell)?;
            r += 1;
            written += 1;
        }
    }
    if written < total {
        // The sheet is full (Excel's row limit): say so in its last row rather than fail the whole report.
        let note = format!("另有{}条未列出（超出 Excel 行数上限），请见 JSON 报告", total - written);
        ws.write_string_with_format(LAST_ROW, 7, note, &f.cell)?;
    }
    ws.autofilter(0, 0, r.saturating_sub(1).max(1), (ISSUES_HEADER.len() - 1) as u16)?;
    Ok(())
}

fn coverage_sheet(ws: &mut Worksheet, report: &ReviewReport, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(COVERAGE_SHEET)?;
    let mut names = vec!["文件", "编制单位"];
    names.extend(DOMAINS);
    header(ws, &names, f)?;
    ws.set_freeze_panes(1, 2)?;
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 24)?;
    for c in 0..DOMAINS.len() {
        ws.set_column_width(2 + c as u16, 12)?;
    }
    ws.set_row_height(0, 48)?;
    let mut r = 1u32;
    for file in report.files.iter().filter(|f| f.report.summary.is_some()) {
        let Some(s) = &file.report.summary else { continue };
        if r >= LAST_ROW - 3 {
            break;
        }
        ws.write_string_with_format(r, 0, fit(&file.report.path), &f.cell)?;
        ws.write_string_with_format(r, 1, fit(catalog_name(file)), &f.cell)?;
        for (c, d) in (2u16..).zip(&s.domains) {
            ws.write_string_with_format(r, c, coverage_cell(&d.coverage), f.coverage(&d.coverage))?;
        }
        r += 1;
    }
    // Per domain: how many catalogs cover it, declare it not applicable, miss it.
    let totals = report.domain_totals();
    for (at, status) in [
        Coverage::Covered { entries: 0, required_present: 0, required_total: 0, required_removed: 0 },
        Coverage::NotApplicable { reason: String::new() },
        Coverage::Missing,
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(r, 1, format!("{}（个目录）", coverage_zh(status)), &f.header)?;
        for (c, (_, counts)) in (2u16..).zip(&totals) {
            ws.write_number_with_format(r, c, counts[at] as f64, &f.number)?;
        }
        r += 1;
    }
    Ok(())
}

pub fn write(report: &ReviewReport) -> Result<Vec<u8>, ExportError> {
    let err = |e: XlsxError| ExportError(e.to_string());
    let f = Formats::new();
    let mut book = Workbook::new();
    summary_sheet(book.add_worksheet(), report, &f).map_err(err)?;
    issues_sheet(book.add_worksheet(), report, &f).map_err(err)?;
    coverage_sheet(book.add_worksheet(), report, &f).map_err(err)?;
    book.save_to_buffer().map_err(err)
}
