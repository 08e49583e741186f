//! A sheet of cells → catalog entries: find the header, map columns by their text, read each row as the real
//! catalogs write it (merged and 同上 cells, ticks, domain heading rows), keep everything else in `extra`.

pub mod columns;
pub mod meta;

use std::collections::{BTreeMap, HashMap};

use catalog_core::diagnostic::{Carry, Diagnostic, Finding};
use catalog_core::domains;
use catalog_core::model::{Entry, SourceRef};
use catalog_core::parse::channels::parse_channels;
use catalog_core::text::squash;
use catalog_core::vocab;

use crate::grid::Sheet;
use columns::{Column, classify, is_header, is_sub_header};

/// How far down a header row may be (title and legend rows above it).
const HEADER_SEARCH_ROWS: usize = 40;

/// What one sheet gave.
#[derive(Debug, Default)]
pub struct SheetImport {
    pub entries: Vec<Entry>,
    pub diagnostics: Vec<Diagnostic>,
    /// The title row above the header, when there is one.
    pub title: Option<String>,
}

fn is_ditto(v: &str) -> bool {
    matches!(v, "同上" | "同上。" | "同左" | "〃" | "”" | "同前")
}

/// A tick in a 对象/方式/层级 sub-column: √ and its look-alikes, 是, or the column's own word.
fn is_tick(v: &str, own: &str) -> bool {
    matches!(v, "√" | "✓" | "✔" | "☑" | "■" | "●" | "◆" | "是" | "Y" | "y" | "1" | "V" | "v")
        || squash(v) == squash(own)
}

/// A row's distinct non-empty values.
fn distinct(cells: &[String]) -> Vec<&str> {
    distinct_upto(cells, usize::MAX)
}

/// A row's first `limit` distinct non-empty values: telling a data row from a heading needs two.
fn distinct_upto(cells: &[String], limit: usize) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !out.contains(&c) {
            out.push(c);
            if out.len() >= limit {
                break;
            }
        }
    }
    out
}

/// `（一）义务教育领域` / `一、社会救助` / `社会救助领域基层政务公开标准目录` → the domain it heads.
fn heading_domain(text: &str) -> Option<&'static str> {
    let t = squash(text);
    let t = t.trim_start_matches(|c: char| {
        matches!(c, '（' | '）' | '(' | ')' | '、' | '.' | '．')
            || c.is_ascii_digit()
            || "一二三四五六七八九十".contains(c)
    });
    if t.chars().count() > 40 {
        return None;
    }
    domains::canonical(t).or_else(|| meta::domain_in(t).map(|(_, d)| d))
}

/// Add a level label, splitting compound labels (乡、村级 → 乡级, 村级).
fn push_level(levels: &mut Vec<String>, label: &str) {
    let parts: Vec<String> = if vocab::level_is_compound(label) {
        vocab::level_means(label).to_vec()
    } else {
        vec![label.trim().to_owned()]
    };
    for part in parts {
        if !levels.contains(&part) {
            levels.push(part);
        }
    }
}

struct Reader<'a> {
    sheet: &'a Sheet,
    columns: Vec<Column>,
    /// Domain named by the sheet name or the title, used when rows name none.
    fallback_domain: Option<&'static str>,
    heading_domain: Option<&'static str>,
    /// Raw values of the previous data row, per column (for 同上).
    above: Vec<String>,
    out: SheetImport,
    id_prefix: String,
    cells: CellLists,
}

/// Channel and level cells parsed once per distinct text: a sheet repeats them (the same ■□ checklist for each
/// kind of item, the same few level words). Bounded like the validator's memo: a full map is emptied.
#[derive(Default)]
struct CellLists {
    channels: HashMap<String, Vec<String>>,
    /// A 公开层级 text cell → its levels, compound labels split.
    level_texts: HashMap<String, Vec<String>>,
    /// A 公开层级 tick column's label → its levels.
    level_labels: HashMap<String, Vec<String>>,
}

const CELL_LISTS_CAPACITY: usize = 4096;

fn cached<'m>(
    map: &'m mut HashMap<String, Vec<String>>,
    cell: &str,
    make: impl Fn(&str) -> Vec<String>,
) -> &'m [String] {
    if !map.contains_key(cell) {
        if map.len() >= CELL_LISTS_CAPACITY {
            map.clear();
        }
        map.insert(cell.to_owned(), make(cell));
    }
    map.get(cell).map_or(&[], Vec::as_slice)
}

impl CellLists {
    fn channels(&mut self, cell: &str) -> &[String] {
        cached(&mut self.channels, cell, |c| parse_channels(c).channels())
    }

    fn level_text(&mut self, cell: &str) -> &[String] {
        cached(&mut self.level_texts, cell, |c| {
            let mut levels = Vec::new();
            for level in vocab::split_levels(c) {
                push_level(&mut levels, &level);
            }
            levels
        })
    }

    fn level_label(&mut self, label: &str) -> &[String] {
        cached(&mut self.level_labels, label, |l| {
            let mut levels = Vec::new();
            push_level(&mut levels, l);
            levels
        })
    }
}

/// Append the values not listed yet, in order.
fn append_new(list: &mut Vec<String>, more: &[String]) {
    for value in more {
        if !list.contains(value) {
            list.push(value.clone());
        }
    }
}

impl Reader<'_> {
    fn diag(&mut self, entry: &Entry, finding: Finding, field: &'static str) {
        self.out.diagnostics.push(Diagnostic {
            finding,
            entry: Some(entry.id.clone()),
            row: entry.row(),
            sheet: entry.source.as_ref().and_then(|s| s.sheet.clone()),
            field: Some(field),
            fix: None,
        });
    }

    fn read_row(&mut self, r: usize) {
        let row_number = self.sheet.row_numbers.get(r).copied().unwrap_or(0);
        let mut entry = Entry {
            id: format!("{}r{row_number}", self.id_prefix),
            source: Some(SourceRef { sheet: Some(self.sheet.name.clone()), row: Some(row_number) }),
            ..Entry::default()
        };
        let mut items: [String; 3] = Default::default();
        let mut carried: Vec<(&'static str, String, Carry)> = Vec::new();
        let mut raw_row: Vec<String> = Vec::with_capacity(self.columns.len());
        let mut audience_ticks: Vec<&'static str> = Vec::new();
        let mut mode_ticks: Vec<&'static str> = Vec::new();
        let mut texts: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();

        // Taken for the loop (the helpers below borrow the reader), put back after it.
        let columns = std::mem::take(&mut self.columns);
        for (c, column) in columns.iter().enumerate() {
            let mut v = crate::export::unguard(self.sheet.cell(r, c).trim()).to_owned();
            if is_ditto(&v) {
                let from =
                    if v == "同左" && c > 0 { raw_row.get(c - 1).cloned() } else { self.above.get(c).cloned() };
                v = from.unwrap_or_default();
                carried.push((field_of(column), v.clone(), Carry::Ditto));
            } else if self.sheet.is_merged(r, c) && !v.is_empty() && !matches!(column, Column::Number) {
                carried.push((field_of(column), v.clone(), Carry::Merged));
            }
            raw_row.push(v.clone());
            if v.is_empty() {
                continue;
            }
            match column {
                Column::Number => {}
                Column::Id => entry.id = v,
                Column::Domain => entry.domain = v,
                Column::Item(n) => items[(*n).min(2)] = v,
                Column::ItemSingle => items[0] = v,
                Column::Content => texts.entry("content").or_default().push(v),
                Column::Basis => texts.entry("basis").or_default().push(v),
                Column::TimeLimit => texts.entry("time_limit").or_default().push(v),
                Column::Subject => texts.entry("subject").or_default().push(v),
                Column::Channels => {
                    let names = self.cells.channels(&v);
                    append_new(&mut entry.channels, names);
                }
                Column::AudienceText => match vocab::audience(&v) {
                    Some(a) => entry.audience = a.to_owned(),
                    None if v.contains("全社会") => entry.audience = "全社会".to_owned(),
                    None => {
                        entry.audience = "特定群体".to_owned();
                        entry.audience_group = Some(v);
                    }
                },
                Column::AudienceTick(a) => {
                    if is_tick(&v, a) || vocab::audience(&v) == Some(a) {
                        audience_ticks.push(a);
                    } else if *a == "特定群体" {
                        audience_ticks.push(a);
                        entry.audience_group = Some(v);
                    } else {
                        self.mark(&mut entry, column, v);
                    }
                }
                Column::AudienceGroup => entry.audience_group = Some(v),
                Column::ModeText => match vocab::mode(&v) {
                    Some(m) => entry.mode = m.to_owned(),
                    None if v.contains("不予公开") => entry.mode = "不予公开".to_owned(),
                    None if v.contains("依申请") => entry.mode = "依申请".to_owned(),
                    None if v.contains("主动") => entry.mode = "主动".to_owned(),
                    None => self.extra(&mut entry, column, v),
                },
                Column::ModeTick(m) => {
                    if is_tick(&v, m) || vocab::mode(&v) == Some(m) {
                        mode_ticks.push(m);
                    } else {
                        self.mark(&mut entry, column, v);
                    }
                }
                Column::WithheldReason => entry.withheld_reason = Some(v),
                Column::LevelText => {
                    append_new(&mut entry.levels, self.cells.level_text(&v));
                }
                Column::LevelTick(label) => {
                    if is_tick(&v, label) {
                        append_new(&mut entry.levels, self.cells.level_label(label));
                    } else {
                        self.mark(&mut entry, column, v);
                    }
                }
                Column::Extra(_) => self.extra(&mut entry, column, v),
            }
        }
        self.columns = columns;
        // 全社会 wins when both are ticked: the wider audience is what gets published.
        if let Some(a) = ["全社会", "特定群体"].into_iter().find(|a| audience_ticks.contains(a)) {
            entry.audience = a.to_owned();
        }
        if let Some(m) = ["主动", "依申请", "不予公开"].into_iter().find(|m| mode_ticks.contains(m)) {
            entry.mode = m.to_owned();
        }
        for (field, values) in texts {
            let joined = values.join("\n");
            match field {
                "content" => entry.content = joined,
                "basis" => entry.basis = joined,
                "time_limit" => entry.time_limit = joined,
                _ => entry.subject = joined,
            }
        }
        entry.domain = domains::canonical(&entry.domain)
            .map(str::to_owned)
            .filter(|_| !entry.domain.is_empty())
            .unwrap_or(entry.domain.clone());
        if entry.domain.is_empty()
            && let Some(d) = self.heading_domain.or(self.fallback_domain)
        {
            entry.domain = d.to_owned();
        }

        // A blank 一级事项 under a filled 二级事项 continues the group above (merges lost when copied from the web).
        if items[0].is_empty()
            && !items[1].is_empty()
            && let Some(prev) = self.out.entries.last().filter(|p| p.domain == entry.domain)
            && let Some(first) = prev.item.first().filter(|f| !f.is_empty())
        {
            items[0] = first.clone();
            carried.push(("item", first.clone(), Carry::GroupAbove));
        }
        let used = items.iter().rposition(|s| !s.is_empty()).map_or(0, |i| i + 1);
        entry.item = items.into_iter().take(used).collect();

        for (field, value, how) in carried {
            self.diag(&entry, Finding::ImportCarried { value, how }, field);
        }
        self.above = raw_row;
        self.out.entries.push(entry);
    }

    fn extra(&mut self, entry: &mut Entry, column: &Column, value: String) {
        let header = header_of(column);
        let slot = entry.extra.entry(header).or_default();
        if !slot.is_empty() {
            slot.push('\n');
        }
        slot.push_str(&value);
    }

    fn mark(&mut self, entry: &mut Entry, column: &Column, value: String) {
        let header = header_of(column);
        self.diag(entry, Finding::ImportMark { header: header.clone(), value: value.clone() }, "extra");
        self.extra(entry, column, value);
    }
}

fn header_of(column: &Column) -> String {
    match column {
        Column::Extra(h) if !h.is_empty() => h.clone(),
        Column::Extra(_) => "未命名列".to_owned(),
        Column::AudienceTick(a) => format!("公开对象/{a}"),
        Column::ModeTick(m) => format!("公开方式/{m}"),
        Column::LevelTick(l) => format!("公开层级/{l}"),
        Column::ModeText => "公开方式".to_owned(),
        other => format!("{other:?}"),
    }
}

fn field_of(column: &Column) -> &'static str {
    match column {
        Column::Item(_) | Column::ItemSingle => "item",
        Column::Domain => "domain",
        Column::Content => "content",
        Column::Basis => "basis",
        Column::TimeLimit => "time_limit",
        Column::Subject => "subject",
        Column::Channels => "channels",
        Column::AudienceText | Column::AudienceTick(_) | Column::AudienceGroup => "audience",
        Column::ModeText | Column::ModeTick(_) => "mode",
        Column::WithheldReason => "withheld_reason",
        Column::LevelText | Column::LevelTick(_) => "levels",
        Column::Id => "id",
        Column::Number | Column::Extra(_) => "extra",
    }
}

/// Map the header row (and its sub-header row) to columns.
fn map_columns(sheet: &Sheet, header: usize, sub: Option<usize>) -> Vec<Column> {
    // A group header (公开事项, 公开对象 …) whose merge was lost leaves blanks to its right: they belong to it.
    let mut tops: Vec<&str> = Vec::with_capacity(sheet.width());
    for c in 0..sheet.width() {
        let top = sheet.cell(header, c);
        let under = sub.map_or("", |s| sheet.cell(s, c));
        let inherited = if top.trim().is_empty() && !under.trim().is_empty() { tops.last().copied() } else { None };
        tops.push(inherited.unwrap_or(top));
    }
    let mut columns: Vec<Column> =
        tops.iter().enumerate().map(|(c, top)| classify(top, sub.map_or("", |s| sheet.cell(s, c)))).collect();
    // Two 公开事项 columns without level labels are 一级 and 二级 (and 三级).
    let singles = columns.iter().filter(|c| **c == Column::ItemSingle).count();
    if singles > 1 {
        let mut n = 0;
        for c in &mut columns {
            if *c == Column::ItemSingle {
                *c = Column::Item(n.min(2));
                n += 1;
            }
        }
    }
    columns
}

/// Read one sheet. `id_prefix` keeps generated ids unique across sheets.
pub fn read_sheet(sheet: &Sheet, id_prefix: &str, title_domain: Option<&'static str>) -> SheetImport {
    let Some(header) = (0..sheet.rows.len().min(HEADER_SEARCH_ROWS)).find(|&r| is_header(&sheet.rows[r])) else {
        let mut out = SheetImport::default();
        if sheet.rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty())) {
            out.diagnostics.push(Diagnostic {
                finding: Finding::ImportNoHeader { sheet: sheet.name.clone() },
                entry: None,
                row: None,
                sheet: Some(sheet.name.clone()),
                field: None,
                fix: None,
            });
        }
        return out;
    };
    let title = (0..header).find_map(|r| distinct(&sheet.rows[r]).first().map(|t| (*t).to_owned()));
    let sub = (header + 1 < sheet.rows.len() && is_sub_header(&sheet.rows[header], &sheet.rows[header + 1]))
        .then_some(header + 1);
    let columns = map_columns(sheet, header, sub);
    let sheet_domain = domains::canonical(&sheet.name).or_else(|| heading_domain(&sheet.name));
    let fallback_domain = sheet_domain.or(title.as_deref().and_then(heading_domain)).or(title_domain);
    let mut reader = Reader {
        sheet,
        columns,
        fallback_domain,
        heading_domain: None,
        above: Vec::new(),
        out: SheetImport { title, ..SheetImport::default() },
        id_prefix: id_prefix.to_owned(),
        cells: CellLists::default(),
    };
    let mut extra_reported: Vec<String> = Vec::new();
    let first_data = sub.map_or(header + 1, |s| s + 1);
    for r in first_data..sheet.rows.len() {
        let cells = &sheet.rows[r];
        let values = distinct_upto(cells, 2);
        if values.is_empty() {
            continue;
        }
        if values.len() == 1 {
            match heading_domain(values[0]) {
                Some(d) => reader.heading_domain = Some(d),
                None => skip(&mut reader.out, sheet, r, values[0]),
            }
            continue;
        }
        if is_header(cells) || is_sub_header(&sheet.rows[header], cells) {
            skip(&mut reader.out, sheet, r, &distinct(cells).join(" "));
            continue;
        }
        reader.read_row(r);
        for (c, column) in reader.columns.iter().enumerate() {
            if let Column::Extra(h) = column
                && !sheet.cell(r, c).trim().is_empty()
                && !extra_reported.contains(h)
            {
                extra_reported.push(h.clone());
                let entry = reader.out.entries.last().cloned().unwrap_or_default();
                reader.out.diagnostics.push(Diagnostic {
                    finding: Finding::ImportExtraColumn { header: header_of(column) },
                    entry: Some(entry.id.clone()),
                    row: entry.row(),
                    sheet: Some(sheet.name.clone()),
                    field: Some("extra"),
                    fix: None,
                });
            }
        }
    }
    reader.out
}

fn skip(out: &mut SheetImport, sheet: &Sheet, r: usize, text: &str) {
    let shown: String = text.chars().take(40).collect();
    out.diagnostics.push(Diagnostic {
        finding: Finding::ImportSkippedRow { text: shown },
        entry: None,
        row: sheet.row_numbers.get(r).copied(),
        sheet: Some(sheet.name.clone()),
        field: None,
        fix: None,
    });
}
