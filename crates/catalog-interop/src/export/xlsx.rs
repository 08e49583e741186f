//! XLSX in the national template layout (reference §3.1): a title row, two merged header rows, 一级事项 merged
//! down, the 13-box ■/□ channel checklist, √ sub-columns with dropdowns, frozen header, A3 landscape printing
//! with the header repeated. One sheet per domain, plus 目录信息, 未涉及领域说明 and 删减事项说明.

use catalog_core::model::{Catalog, Entry};
use catalog_core::vocab::CANONICAL_CHANNELS;
use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::ExportError;
use super::columns::Shape;
use super::xlsx_meta::{META_LABELS, META_SHEET, NOT_APPLICABLE_SHEET, REMOVED_HEADER, REMOVED_SHEET, item_cell};

const TICK: &str = "√";
/// Paper size 8 is A3 in Excel's numbering.
const A3: u8 = 8;

/// The checklist cell: every canonical box ■ or □ in order, then the named others as ■.
pub fn checklist(channels: &[String]) -> String {
    let mut parts: Vec<String> = CANONICAL_CHANNELS
        .iter()
        .map(|c| format!("{}{c}", if channels.iter().any(|x| x == c) { '■' } else { '□' }))
        .collect();
    for other in channels.iter().filter(|c| !CANONICAL_CHANNELS.contains(&c.as_str())) {
        parts.push(format!("■{other}"));
    }
    parts.join(" ")
}

/// Sheet names: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(domain: &str, taken: &[String]) -> String {
    let clean: String = domain.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).take(28).collect();
    let clean = if clean.trim().is_empty() { "未分领域".to_owned() } else { clean };
    let mut name = clean.clone();
    let mut n = 2;
    while taken.contains(&name) || [META_SHEET, NOT_APPLICABLE_SHEET, REMOVED_SHEET].contains(&name.as_str()) {
        name = format!("{clean}{n}");
        n += 1;
    }
    name
}

struct Formats {
    title: Format,
    header: Format,
    cell: Format,
    center: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::VerticalCenter);
        Formats {
            title: Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center),
            header: base.clone().set_bold().set_align(FormatAlign::Center).set_background_color("#D9E1F2"),
            center: base.clone().set_align(FormatAlign::Center),
            cell: base,
        }
    }
}

/// One header column: its top text and, for grouped columns, its sub-header text.
struct Col {
    top: String,
    sub: Option<String>,
    width: f64,
}

fn columns(shape: &Shape) -> Vec<Col> {
    let c = |top: &str, sub: Option<&str>, width: f64| Col { top: top.into(), sub: sub.map(Into::into), width };
    let mut cols =
        vec![c("序号", None, 6.0), c("公开事项", Some("一级事项"), 14.0), c("公开事项", Some("二级事项"), 18.0)];
    if shape.third_level {
        cols.push(c("公开事项", Some("三级事项"), 18.0));
    }
    cols.extend([
        c("公开内容（要素）", None, 40.0),
        c("公开依据", None, 36.0),
        c("公开时限", None, 18.0),
        c("公开主体", None, 16.0),
        c("公开渠道和载体（“■”表示选中）", None, 44.0),
        c("公开对象", Some("全社会"), 7.0),
        c("公开对象", Some("特定群体（请写明）"), 12.0),
        c("公开方式", Some("主动"), 7.0),
        c("公开方式", Some("依申请"), 7.0),
    ]);
    if shape.withheld {
        cols.push(c("公开方式", Some("不予公开"), 7.0));
        cols.push(c("不予公开理由", None, 20.0));
    }
    for level in &shape.levels {
        cols.push(Col { top: "公开层级".into(), sub: Some(level.clone()), width: 7.0 });
    }
    for extra in &shape.extra {
        cols.push(Col { top: extra.clone(), sub: None, width: 16.0 });
    }
    cols.push(c("编号", None, 10.0));
    cols.push(c("领域", None, 12.0));
    cols
}

/// Lines a cell's text takes in a column `width` characters wide (a CJK character is two).
fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = (width.max(4.0) - 1.0).floor();
    text.split('\n')
        .map(|line| {
            let units: f64 = line.chars().map(|c| if c.is_ascii() { 1.0 } else { 2.0 }).sum();
            ((units / per_line).ceil() as usize).max(1)
        })
        .sum()
}

fn tick(on: bool) -> String {
    if on { TICK.to_owned() } else { String::new() }
}

fn row_values(e: &Entry, shape: &Shape, number: usize) -> Vec<String> {
    let mut v = vec![number.to_string()];
    for n in 0..shape.item_columns() {
        v.push(e.item.get(n).cloned().unwrap_or_default());
    }
    let special = match (&e.audience_group, e.audience.as_str()) {
        (Some(g), "特定群体") if !g.is_empty() => g.clone(),
        (_, a) => tick(a == "特定群体"),
    };
    v.extend([
        e.content.clone(),
        e.basis.clone(),
        e.time_limit.clone(),
        e.subject.clone(),
        checklist(&e.channels),
        tick(e.audience == "全社会"),
        special,
        tick(e.mode == "主动"),
        tick(e.mode == "依申请"),
    ]);
    if shape.withheld {
        v.push(tick(e.mode == "不予公开"));
        v.push(e.withheld_reason.clone().unwrap_or_default());
    }
    for level in &shape.levels {
        v.push(tick(e.levels.contains(level)));
    }
    for k in &shape.extra {
        v.push(e.extra.get(k).cloned().unwrap_or_default());
    }
    v.push(e.id.clone());
    v.push(e.domain.clone());
    v
}

fn header(ws: &mut Worksheet, cols: &[Col], f: &Formats) -> Result<(), XlsxError> {
    let mut c = 0usize;
    while c < cols.len() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        ws.set_column_width(col, cols[c].width)?;
        match &cols[c].sub {
            None => {
                ws.merge_range(1, col, 2, col, &cols[c].top, &f.header)?;
                c += 1;
            }
            Some(_) => {
                let span = cols[c..].iter().take_while(|x| x.top == cols[c].top && x.sub.is_some()).count();
                let last = u16::try_from(c + span - 1).unwrap_or(u16::MAX);
                if span > 1 {
                    ws.merge_range(1, col, 1, last, &cols[c].top, &f.header)?;
                } else {
                    ws.write_string_with_format(1, col, &cols[c].top, &f.header)?;
                }
                for (k, x) in cols[c..c + span].iter().enumerate() {
                    let at = u16::try_from(c + k).unwrap_or(u16::MAX);
                    ws.write_string_with_format(2, at, x.sub.as_deref().unwrap_or_default(), &f.header)?;
                    ws.set_column_width(at, x.width)?;
                }
                c += span;
            }
        }
    }
    Ok(())
}

fn domain_sheet(
    ws: &mut Worksheet,
    catalog: &Catalog,
    domain: &str,
    entries: &[&Entry],
    f: &Formats,
) -> Result<(), XlsxError> {
    let shape = Shape::of(entries.iter().copied());
    let cols = columns(&shape);
    let last_col = u16::try_from(cols.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let title = format!("{}{domain}领域基层政务公开标准目录", catalog.meta.government);
    ws.merge_range(0, 0, 0, last_col, &title, &f.title)?;
    ws.set_row_height(0, 30)?;
    header(ws, &cols, f)?;
    ws.set_row_height(1, 30)?;
    ws.set_row_height(2, 30)?;
    let first_data = 3u32;
    let centered = |i: usize| cols[i].sub.is_some() && cols[i].top != "公开事项" || i == 0;
    for (n, e) in entries.iter().enumerate() {
        let row = first_data + u32::try_from(n).unwrap_or(u32::MAX - first_data);
        let values = row_values(e, &shape, n + 1);
        // Spreadsheets do not grow wrapped rows on their own when a file is generated: estimate the lines needed.
        let lines = values.iter().zip(&cols).map(|(v, c)| wrapped_lines(v, c.width)).max().unwrap_or(1);
        ws.set_row_height(row, (lines as f64 * 14.5).clamp(15.0, 409.0))?;
        for (i, value) in values.iter().enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            let format = if centered(i) { &f.center } else { &f.cell };
            // Strings are stored as text: Excel never evaluates them, whatever they start with.
            ws.write_string_with_format(row, col, &*super::guard_quoted(value), format)?;
        }
    }
    // 一级事项 merged down over consecutive rows of the same group, as the national template prints it.
    let mut start = 0usize;
    for n in 1..=entries.len() {
        let same = n < entries.len() && entries[n].item.first() == entries[start].item.first();
        if !same {
            if n - start > 1 {
                let (r0, r1) = (first_data + start as u32, first_data + n as u32 - 1);
                let text = entries[start].item.first().cloned().unwrap_or_default();
                ws.merge_range(r0, 1, r1, 1, &super::guard_quoted(&text), &f.cell)?;
            }
            start = n;
        }
    }
    if !entries.is_empty() {
        let last_row = first_data + entries.len() as u32 - 1;
        let ticks = DataValidation::new().allow_list_strings(&[TICK])?.set_input_message("填“√”或留空")?;
        for (i, col) in cols.iter().enumerate() {
            let is_tick =
                col.sub.is_some() && col.top != "公开事项" && col.sub.as_deref() != Some("特定群体（请写明）");
            if is_tick {
                let c = u16::try_from(i).unwrap_or(u16::MAX);
                ws.add_data_validation(first_data, c, last_row, c, &ticks)?;
            }
        }
    }
    ws.set_freeze_panes(first_data, 0)?;
    ws.set_repeat_rows(1, 2)?;
    ws.set_landscape();
    ws.set_paper_size(A3);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn side_sheets(book: &mut Workbook, catalog: &Catalog, f: &Formats) -> Result<(), XlsxError> {
    let m = &catalog.meta;
    let ws = book.add_worksheet();
    ws.set_name(META_SHEET)?;
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 48)?;
    for (r, (label, field)) in META_LABELS.iter().enumerate() {
        let value = match *field {
            "title" => m.title.clone(),
            "government" => m.government.clone(),
            "level" => m.level.clone(),
            "region" => m.region.clone().unwrap_or_default(),
            "compiled_on" => m.compiled_on.clone().unwrap_or_default(),
            _ => m.revision.clone().unwrap_or_default(),
        };
        let r = u32::try_from(r).unwrap_or(0);
        ws.write_string_with_format(r, 0, *label, &f.header)?;
        ws.write_string_with_format(r, 1, value, &f.cell)?;
    }
    let ws = book.add_worksheet();
    ws.set_name(NOT_APPLICABLE_SHEET)?;
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 60)?;
    ws.write_string_with_format(0, 0, "领域", &f.header)?;
    ws.write_string_with_format(0, 1, "理由", &f.header)?;
    for (r, na) in catalog.not_applicable.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        ws.write_string_with_format(r, 0, &na.domain, &f.cell)?;
        ws.write_string_with_format(r, 1, &na.reason, &f.cell)?;
    }
    let ws = book.add_worksheet();
    ws.set_name(REMOVED_SHEET)?;
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 40)?;
    ws.set_column_width(2, 60)?;
    for (c, header) in (0u16..).zip(REMOVED_HEADER) {
        ws.write_string_with_format(0, c, header, &f.header)?;
    }
    for (r, removed) in catalog.removed.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        ws.write_string_with_format(r, 0, &removed.domain, &f.cell)?;
        ws.write_string_with_format(r, 1, item_cell(&removed.item), &f.cell)?;
        ws.write_string_with_format(r, 2, &removed.reason, &f.cell)?;
    }
    Ok(())
}

pub fn write(catalog: &Catalog) -> Result<Vec<u8>, ExportError> {
    let err = |e: XlsxError| ExportError(e.to_string());
    let f = Formats::new();
    let mut book = Workbook::new();
    let mut taken: Vec<String> = Vec::new();
    for (domain, entries) in super::columns::by_domain(catalog) {
        let name = sheet_name(&domain, &taken);
        taken.push(name.clone());
        let ws = book.add_worksheet();
        ws.set_name(&name).map_err(err)?;
        domain_sheet(ws, catalog, &domain, &entries, &f).map_err(err)?;
    }
    side_sheets(&mut book, catalog, &f).map_err(err)?;
    book.save_to_buffer().map_err(err)
}
