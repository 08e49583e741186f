//! The change list of two versions (调整说明) as XLSX: `调整概况` (the two versions and the counts) and `调整明细`
//! (one row per changed field, added or removed entry, and changed declaration).

use catalog_core::diff::{CatalogDiff, DiffEntry};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::ExportError;
use super::changes::{declaration_kind, field_name, side_label, value_text};
use super::sheet_text::{LAST_ROW, fit};
use super::xlsx_meta::item_cell;

pub const OVERVIEW_SHEET: &str = "调整概况";
pub const DETAIL_SHEET: &str = "调整明细";

pub const DETAIL_HEADER: [&str; 8] = ["序号", "调整类型", "领域", "公开事项", "编号", "调整内容", "原内容", "新内容"];

struct Formats {
    header: Format,
    cell: Format,
}

/// One row of the detail sheet, from 调整类型 on.
struct Line {
    kind: &'static str,
    domain: String,
    item: String,
    id: String,
    what: String,
    old: String,
    new: String,
}

fn entry_line(kind: &'static str, d: &DiffEntry, added: bool) -> Line {
    let e = &d.entry;
    let (old, new) = if added { (String::new(), e.content.clone()) } else { (e.content.clone(), String::new()) };
    Line {
        kind,
        domain: e.domain.trim().to_owned(),
        item: item_cell(&e.item),
        id: e.id.clone(),
        what: "整条事项（公开内容）".to_owned(),
        old,
        new,
    }
}

fn lines(diff: &CatalogDiff) -> Vec<Line> {
    let mut out = Vec::new();
    for c in &diff.meta {
        out.push(Line {
            kind: "目录信息",
            domain: String::new(),
            item: String::new(),
            id: String::new(),
            what: field_name(&c.field),
            old: value_text(&c.field, &c.old),
            new: value_text(&c.field, &c.new),
        });
    }
    for change in &diff.changed {
        for c in &change.changes {
            out.push(Line {
                kind: "修改",
                domain: change.new.domain.trim().to_owned(),
                item: item_cell(&change.new.item),
                id: change.new.id.clone(),
                what: field_name(&c.field),
                old: value_text(&c.field, &c.old),
                new: value_text(&c.field, &c.new),
            });
        }
    }
    out.extend(diff.added.iter().map(|d| entry_line("新增", d, true)));
    out.extend(diff.removed.iter().map(|d| entry_line("删除", d, false)));
    for (what, changes) in [("未涉及领域说明", &diff.not_applicable), ("删减事项说明", &diff.removed_items)]
    {
        for c in changes {
            out.push(Line {
                kind: declaration_kind(c),
                domain: c.domain.clone(),
                item: item_cell(&c.item),
                id: String::new(),
                what: what.to_owned(),
                old: c.old_reason.clone().unwrap_or_default(),
                new: c.new_reason.clone().unwrap_or_default(),
            });
        }
    }
    out
}

fn overview(ws: &mut Worksheet, diff: &CatalogDiff, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(OVERVIEW_SHEET)?;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 48)?;
    let rows: [(&str, String); 6] = [
        ("原版本", side_label(&diff.old)),
        ("新版本", side_label(&diff.new)),
        ("新增事项", diff.added.len().to_string()),
        ("删除事项", diff.removed.len().to_string()),
        ("修改事项", diff.changed.len().to_string()),
        ("未变事项", diff.unchanged.to_string()),
    ];
    for (r, (label, value)) in (0u32..).zip(rows) {
        ws.write_string_with_format(r, 0, label, &f.header)?;
        ws.write_string_with_format(r, 1, fit(&value), &f.cell)?;
    }
    Ok(())
}

fn detail(ws: &mut Worksheet, diff: &CatalogDiff, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(DETAIL_SHEET)?;
    for (c, name) in (0u16..).zip(DETAIL_HEADER) {
        ws.write_string_with_format(0, c, name, &f.header)?;
    }
    for (c, width) in [(0u16, 6.0), (1, 10.0), (2, 14.0), (3, 30.0), (4, 12.0), (5, 18.0), (6, 48.0), (7, 48.0)] {
        ws.set_column_width(c, width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let all = lines(diff);
    let room = LAST_ROW as usize - 1;
    for (n, line) in all.iter().enumerate().take(room) {
        let r = u32::try_from(n + 1).unwrap_or(LAST_ROW);
        ws.write_number_with_format(r, 0, (n + 1) as f64, &f.cell)?;
        for (c, text) in
            (1u16..).zip([&line.kind.to_owned(), &line.domain, &line.item, &line.id, &line.what, &line.old, &line.new])
        {
            ws.write_string_with_format(r, c, fit(text), &f.cell)?;
        }
    }
    if all.len() > room {
        let note = format!("另有{}条未列出（超出 Excel 行数上限），请见 JSON", all.len() - room);
        ws.write_string_with_format(LAST_ROW, 6, note, &f.cell)?;
    }
    Ok(())
}

pub fn write(diff: &CatalogDiff) -> Result<Vec<u8>, ExportError> {
    let err = |e: XlsxError| ExportError(e.to_string());
    let base = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter).set_text_wrap();
    let f = Formats { header: base.clone().set_bold().set_background_color("#D9E1F2"), cell: base };
    let mut book = Workbook::new();
    overview(book.add_worksheet(), diff, &f).map_err(err)?;
    detail(book.add_worksheet(), diff, &f).map_err(err)?;
    book.save_to_buffer().map_err(err)
}
