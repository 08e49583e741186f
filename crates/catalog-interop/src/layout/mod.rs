//! A sheet of cells → catalog entries: find the header, map columns by their text, read each row as the real
//! catalogs write it (merged and 同上 cells, ticks, domain heading rows), keep everything else in `extra`.

pub mod columns;
pub mod fold;
pub mod meta;

use std::collections::{BTreeMap, HashMap};

use catalog_core::diagnostic::{Carry, Diagnostic, Finding};
use catalog_core::domains;
use catalog_core::model::{Entry, SourceRef};
use catalog_core::parse::channels::parse_channels;
use catalog_core::text::squash;
use catalog_core::vocab;

use crate::grid::Sheet;
use crate::mapping::Mapping;
use columns::{Column, classify, is_header, is_sub_header};
use fold::simplify;

/// How far down a header row may be (title and legend rows above it).
const HEADER_SEARCH_ROWS: usize = 40;

/// What one sheet gave.
#[derive(Debug, Default)]
pub struct SheetImport {
    pub entries: Vec<Entry>,
    pub diagnostics: Vec<Diagnostic>,
    /// The title row above the header, when there is one.
    pub title: Option<String>,
    /// The government a legend row above the table names (`发布机构：某区应急管理局`, `编制单位：…`).
    pub government: Option<String>,
    /// Whether the table has a 公开层级 column (else each row's levels are the catalog's level).
    pub has_levels: bool,
    /// The headers of the user's mapping this sheet has.
    pub mapped: Vec<String>,
}

fn is_ditto(v: &str) -> bool {
    matches!(v, "同上" | "同上。" | "同左" | "〃" | "”" | "同前")
}

/// A tick in a 对象/方式/层级 sub-column: √ and its look-alikes, 是, or the column's own word.
fn is_tick(v: &str, own: &str) -> bool {
    is_tick_glyph(v) || matches!(v, "是" | "Y" | "y" | "1") || squash(&simplify(v)) == squash(own)
}

/// A tick glyph as catalogs print it (√ and its look-alikes, the filled boxes and shapes).
fn is_tick_glyph(v: &str) -> bool {
    matches!(v, "√" | "✓" | "✔" | "☑" | "■" | "▄" | "█" | "▇" | "●" | "◆" | "▲" | "★" | "V" | "v")
}

/// An empty box printed in a tick column: not ticked (口 is how OCR and some fonts render □).
fn is_empty_box(v: &str) -> bool {
    matches!(v, "□" | "口" | "☐" | "○" | "〇" | "◇" | "◻" | "▢" | "△")
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
    let t = squash(&simplify(text));
    let t = t.trim_start_matches(|c: char| {
        matches!(c, '（' | '）' | '(' | ')' | '、' | '.' | '．')
            || c.is_ascii_digit()
            || "一二三四五六七八九十".contains(c)
    });
    if is_legend(t) {
        return None;
    }
    if let Some(d) = domains::canonical(t) {
        return Some(d);
    }
    // A short heading names its domain anyhow; a long one (a title of 40 characters and more) only as the
    // domain of a 领域 or 目录.
    if t.chars().count() <= 40 || t.contains("领域") || t.contains("目录") {
        return meta::domain_in(t).map(|(_, d)| d);
    }
    None
}

/// A legend or note row (`注：`, `说明：`, `发布机构：…`): never a heading, whatever domain it mentions.
fn is_legend(text: &str) -> bool {
    const LEGENDS: [&str; 16] = [
        "注",
        "备注",
        "说明",
        "填表说明",
        "发布机构",
        "编制单位",
        "发布单位",
        "编制机关",
        "发布日期",
        "成文日期",
        "来源",
        "附件",
        "单位",
        "索引号",
        "信息索取号",
        "有效期",
    ];
    let t = legend_form(text);
    let head = t.split([':', '：']).next().unwrap_or("");
    // A page's metadata line: several `名称：值` pairs (`公开方式: 主动公开 有效期: 长期 …`).
    let pairs = t.matches([':', '：']).count();
    (head.len() < t.len() && LEGENDS.contains(&head)) || t.starts_with("注：") || t.starts_with("注:") || pairs >= 3
}

/// `[ 发布机构 ] 某镇` / `【发布机构】某镇` as `发布机构：某镇`.
fn legend_form(text: &str) -> String {
    let t = squash(text);
    match t.strip_prefix(['[', '【']).and_then(|rest| rest.split_once([']', '】'])) {
        Some((head, value)) => format!("{head}：{value}"),
        None => t,
    }
}

/// `发布机构：某区应急管理局` → 某区应急管理局.
fn legend_government(text: &str) -> Option<String> {
    let t = legend_form(text);
    let (head, value) = t.split_once(['：', ':'])?;
    let named = matches!(head, "发布机构" | "编制单位" | "发布单位" | "编制机关" | "制定单位" | "公开主体单位");
    let value = value.split([' ', '；', ';', '，', ',']).next().unwrap_or("").trim();
    (named && value.chars().count() >= 2).then(|| value.to_owned())
}

/// Add a level label, splitting compound labels (乡、村级 → 乡级, 村级).
fn push_level(levels: &mut Vec<String>, label: &str) {
    let label = label.trim().trim_start_matches(['、', '，', ',']);
    let label = squash(&simplify(label));
    let with_ji = format!("{label}级");
    let label =
        if !label.ends_with('级') && vocab::level_means(&label).is_empty() && !vocab::level_means(&with_ji).is_empty()
        {
            with_ji
        } else {
            label
        };
    let parts: Vec<String> =
        if vocab::level_is_compound(&label) { vocab::level_means(&label).to_vec() } else { vec![label] };
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
    /// Which of the groups 公开对象, 公开方式, 公开层级 the table has tick columns for.
    tick_groups: [bool; 3],
}

/// Channel and level cells parsed once per distinct text: a sheet repeats them (the same ■□ checklist for each
/// kind of item, the same few level words). Bounded like the validator's memo: a full map is emptied.
#[derive(Default)]
struct CellLists {
    /// A channel cell → its channels; `None` for a checklist printed without glyphs.
    channels: HashMap<String, Option<Vec<String>>>,
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
    fn channels(&mut self, cell: &str) -> Option<&[String]> {
        if !self.channels.contains_key(cell) {
            if self.channels.len() >= CELL_LISTS_CAPACITY {
                self.channels.clear();
            }
            let parsed = parse_channels(&simplify(cell));
            let value = (!glyphless_checklist(cell, &parsed)).then(|| parsed.channels());
            self.channels.insert(cell.to_owned(), value);
        }
        self.channels.get(cell).and_then(|v| v.as_deref())
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

/// A 公开渠道 checklist printed without its ■/□ glyphs (`政府网站政府公报两微一端…`): every box's name is there and
/// none says whether it is ticked. Ten or more of the 13 canonical names with only spaces between them, or four
/// run together with nothing between them, are a checklist, not a choice; a list typed with 、 is a choice.
fn glyphless_checklist(cell: &str, parsed: &catalog_core::parse::channels::ChannelCell) -> bool {
    if parsed.checklist {
        return false;
    }
    // A list typed with 、 or ， is a choice, however long.
    if cell.contains(|c: char| "、，,；;。".contains(c)) {
        return false;
    }
    let canonical = parsed.ticked.iter().filter(|m| vocab::CANONICAL_CHANNELS.contains(&m.name.as_str())).count();
    let run_together = !cell.contains(char::is_whitespace);
    canonical >= 10 || (canonical >= 4 && run_together)
}

/// An item or domain cell without a trailing item code (`最低生活保障120002000` → 最低生活保障, the code kept), and
/// without a placeholder (`---`, `/`, `无`: no 二级事项).
fn strip_code(v: &str, codes: &mut Vec<String>) -> String {
    if v.chars().all(|c| matches!(c, '-' | '—' | '－' | '/' | '／' | '\\' | '无')) {
        return String::new();
    }
    let digits = v.chars().rev().take_while(char::is_ascii_digit).count();
    let (name, code) = v.split_at(v.len() - digits);
    let name = name.trim_end();
    if digits >= 6 && name.chars().count() >= 2 && name.chars().last().is_some_and(|c| !c.is_ascii()) {
        codes.push(code.to_owned());
        return name.to_owned();
    }
    v.to_owned()
}

/// A cell and the note it ends with (`注:` / `注：` after white space), if any.
fn split_note(cell: &str) -> (&str, Option<&str>) {
    let at = ["注:", "注："].iter().filter_map(|m| cell.find(m)).min();
    match at {
        Some(at) if at > 0 && cell[..at].ends_with(char::is_whitespace) => (cell[..at].trim_end(), Some(&cell[at..])),
        _ => (cell, None),
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
        // Groups whose value is left empty with a finding already (a tick that cannot be told).
        let mut unresolved: Vec<&'static str> = Vec::new();
        let mut no_glyph: Option<String> = None;
        // Item codes glued to item names (`最低生活保障120002000`), kept in extra.
        let mut codes: Vec<String> = Vec::new();

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
            // An empty box (□, 口 …) in a tick column is a box left blank.
            if is_empty_box(&v)
                && matches!(column, Column::AudienceTick(_) | Column::ModeTick(_) | Column::LevelTick(_))
            {
                continue;
            }
            // A tick in a column that names no choice (its sub-header was not read): which one cannot be told.
            if is_tick_glyph(&v) && matches!(column, Column::AudienceText | Column::ModeText | Column::LevelText) {
                unresolved.push(field_of(column));
                let header = header_of(column);
                self.diag(&entry, Finding::ImportTickUnresolved { header, value: v.clone() }, field_of(column));
                self.extra(&mut entry, column, v);
                continue;
            }
            // A 一级事项 merged across the 二级 column is one cell, not a 二级事项 repeating it.
            if let Column::Item(n @ 1..) = column
                && self.sheet.is_merged(r, c)
                && items[*n - 1] == v
            {
                carried.retain(|(f, value, how)| !(*f == "item" && *value == v && *how == Carry::Merged));
                continue;
            }
            // Words the vocabulary must know, with traditional characters simplified (text cells stay as written).
            let folded = match column {
                Column::AudienceText
                | Column::AudienceTick(_)
                | Column::ModeText
                | Column::ModeTick(_)
                | Column::LevelText
                | Column::LevelTick(_) => simplify(&v).into_owned(),
                _ => String::new(),
            };
            match column {
                Column::Number => {}
                Column::Id => entry.id = v,
                Column::Domain => entry.domain = strip_code(&v, &mut codes),
                Column::Item(n) => items[(*n).min(2)] = strip_code(&v, &mut codes),
                Column::ItemSingle => items[0] = strip_code(&v, &mut codes),
                Column::Content => texts.entry("content").or_default().push(v),
                Column::Basis => texts.entry("basis").or_default().push(v),
                Column::TimeLimit => texts.entry("time_limit").or_default().push(v),
                Column::Subject => texts.entry("subject").or_default().push(v),
                Column::Channels => {
                    // The guideline's note printed in the cell (`… ■其他 注:有关公开信息可推送…`) is not a channel.
                    let (list, note) = split_note(&v);
                    if let Some(note) = note {
                        entry.extra.insert("公开渠道和载体（注）".to_owned(), note.to_owned());
                    }
                    match self.cells.channels(list) {
                        Some(names) => append_new(&mut entry.channels, names),
                        None => no_glyph = Some(list.to_owned()),
                    }
                }
                Column::AudienceText => match vocab::audience(&folded) {
                    Some(a) => entry.audience = a.to_owned(),
                    None if folded.contains("全社会") => entry.audience = "全社会".to_owned(),
                    None => {
                        entry.audience = "特定群体".to_owned();
                        entry.audience_group = Some(v);
                    }
                },
                Column::AudienceTick(a) => {
                    if is_tick(&v, a) || vocab::audience(&folded) == Some(a) {
                        audience_ticks.push(a);
                    } else if *a == "特定群体" && v.chars().any(char::is_alphanumeric) {
                        audience_ticks.push(a);
                        entry.audience_group = Some(v);
                    } else {
                        self.mark(&mut entry, column, v);
                    }
                }
                Column::AudienceGroup => entry.audience_group = Some(v),
                Column::ModeText => match vocab::mode(&folded) {
                    Some(m) => entry.mode = m.to_owned(),
                    None if folded.contains("不予公开") => entry.mode = "不予公开".to_owned(),
                    None if folded.contains("依申请") => entry.mode = "依申请".to_owned(),
                    None if folded.contains("主动") => entry.mode = "主动".to_owned(),
                    None => self.extra(&mut entry, column, v),
                },
                Column::ModeTick(m) => {
                    if is_tick(&v, m) || vocab::mode(&folded) == Some(m) {
                        mode_ticks.push(m);
                    } else {
                        self.mark(&mut entry, column, v);
                    }
                }
                Column::WithheldReason => entry.withheld_reason = Some(v),
                Column::LevelText => {
                    append_new(&mut entry.levels, self.cells.level_text(&folded));
                }
                Column::LevelTick(label) => {
                    if is_tick(&v, label) {
                        append_new(&mut entry.levels, self.cells.level_label(label));
                    } else if columns::is_level_word(&folded) {
                        // The level written instead of a tick (`县级` under a `州级县级` column).
                        append_new(&mut entry.levels, self.cells.level_label(&folded));
                    } else {
                        self.mark(&mut entry, column, v);
                    }
                }
                // A cell merged across an unlabelled column is one cell: its copy is not another value.
                Column::Extra(_) if self.sheet.is_merged(r, c) && c > 0 && raw_row.get(c - 1) == Some(&v) => {}
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

        if !codes.is_empty() {
            entry.extra.insert("事项编码".to_owned(), codes.join("\n"));
        }
        // A blank 所属领域 cell with a blank 一级事项 continues the group above, like the 一级事项 itself.
        if entry.domain.is_empty()
            && items[0].is_empty()
            && self.columns.contains(&Column::Domain)
            && let Some(prev) = self.out.entries.last().filter(|p| !p.domain.is_empty())
        {
            entry.domain = prev.domain.clone();
            self.diag(&entry, Finding::ImportDomainCarried { domain: prev.domain.clone() }, "domain");
        }
        // A blank 一级事项 under a filled 二级事项 continues the group above (merges lost when copied from the web);
        // so does a blank single 公开事项 cell over a row of its own.
        let single = self.columns.iter().filter(|c| matches!(c, Column::Item(_) | Column::ItemSingle)).count() == 1;
        if items[0].is_empty()
            && (!items[1].is_empty() || single && !(entry.content.is_empty() && entry.basis.is_empty()))
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
        if let Some(text) = no_glyph {
            let shown: String = text.chars().take(40).collect();
            self.diag(&entry, Finding::ImportChecklistNoGlyph { text: shown }, "channels");
        }
        // A table with tick columns whose row ticks none of a group: the page does not say, so neither do we.
        let groups = [("公开对象", "audience"), ("公开方式", "mode"), ("公开层级", "levels")];
        for ((group, field), has) in groups.into_iter().zip(self.tick_groups) {
            let empty = match field {
                "audience" => entry.audience.is_empty(),
                "mode" => entry.mode.is_empty(),
                _ => entry.levels.is_empty(),
            };
            if has && empty && !unresolved.contains(&field) {
                self.diag(&entry, Finding::ImportNoTick { group }, field);
            }
        }
        self.above = raw_row;
        self.out.entries.push(entry);
    }

    /// A row that only continues the entry above: its only cells of its own (neither blank nor merged from
    /// above) are more 公开内容, 公开依据 and extra columns (a content cell the page split over grid rows, a
    /// row-per-element layout, the other cells spanning them). A 序号, an item, a time limit or a 同上 makes a row
    /// an entry.
    fn is_continuation(&self, r: usize) -> bool {
        if self.out.entries.is_empty() {
            return false;
        }
        let mut content = false;
        for (c, column) in self.columns.iter().enumerate() {
            let v = self.sheet.cell(r, c).trim();
            if v.is_empty() || self.sheet.is_merged(r, c) {
                continue;
            }
            match column {
                Column::Content | Column::Basis => content = true,
                Column::Extra(_) => {}
                _ => return false,
            }
        }
        content
    }

    fn continue_entry(&mut self, r: usize) {
        let row = self.sheet.row_numbers.get(r).copied().unwrap_or(0);
        let Some(mut entry) = self.out.entries.pop() else { return };
        for (c, column) in self.columns.iter().enumerate() {
            let v = crate::export::unguard(self.sheet.cell(r, c).trim());
            if v.is_empty() || self.sheet.is_merged(r, c) {
                continue;
            }
            match column {
                Column::Content | Column::Basis => {
                    let text = if *column == Column::Content { &mut entry.content } else { &mut entry.basis };
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(v);
                }
                Column::Extra(_) => {
                    let slot = entry.extra.entry(header_of(column)).or_default();
                    if slot.as_str() != v {
                        if !slot.is_empty() {
                            slot.push('\n');
                        }
                        slot.push_str(v);
                    }
                }
                _ => {}
            }
        }
        self.diag(&entry, Finding::ImportContinuation { row }, "content");
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
        Column::Extra(_) => "无表头列".to_owned(),
        Column::AudienceTick(a) => format!("公开对象/{a}"),
        Column::AudienceText => "公开对象".to_owned(),
        Column::LevelText => "公开层级".to_owned(),
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

/// Map the header row (and the sub-header rows under it) to columns.
fn map_columns(header_rows: &[Vec<String>], mapping: &Mapping) -> (Vec<Column>, Vec<(String, Column)>) {
    let (columns, _, mapped) = map_columns_labelled(header_rows, mapping);
    (columns, mapped)
}

/// [`map_columns`] with each column's header labels top to bottom (what a mapping names it by).
#[expect(clippy::type_complexity)]
fn map_columns_labelled(
    header_rows: &[Vec<String>],
    mapping: &Mapping,
) -> (Vec<Column>, Vec<Vec<String>>, Vec<(String, Column)>) {
    let width = header_rows.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |k: usize, c: usize| header_rows.get(k).and_then(|r| r.get(c)).map_or("", |v| v.trim());
    // Each header row with its group cells filled in: a group header (公开事项, 公开对象 …) whose merge was lost
    // leaves blanks to its right; they belong to it when the row below labels them (the top row), or when they sit
    // under the same parent as the cell to their left (the rows below).
    let mut filled: Vec<Vec<String>> = Vec::with_capacity(header_rows.len());
    for k in 0..header_rows.len() {
        let mut row: Vec<String> = Vec::with_capacity(width);
        for c in 0..width {
            let v = cell(k, c);
            let v = if v.is_empty() && c > 0 && !row[c - 1].is_empty() {
                let inherit = match k.checked_sub(1) {
                    None => !cell(1, c).is_empty(),
                    Some(above) => !filled[above][c].is_empty() && filled[above][c] == filled[above][c - 1],
                };
                if inherit { row[c - 1].clone() } else { String::new() }
            } else {
                v.to_owned()
            };
            row.push(v);
        }
        filled.push(row);
    }
    let mut column_labels: Vec<Vec<String>> = Vec::with_capacity(width);
    let mut columns: Vec<Column> = (0..width)
        .map(|c| {
            // The column's labels top to bottom, a vertical merge's repeats once.
            let mut labels: Vec<&str> = Vec::new();
            for row in &filled {
                let v = row[c].as_str();
                if !v.is_empty() && labels.last() != Some(&v) {
                    labels.push(v);
                }
            }
            column_labels.push(labels.iter().map(|l| (*l).to_owned()).collect());
            match labels.as_slice() {
                [] => classify("", ""),
                [only] => classify(only, ""),
                [.., sub] => {
                    // The group is the lowest label above the leaf that names a column on its own.
                    let above = &labels[..labels.len() - 1];
                    let top =
                        above.iter().rev().find(|l| !matches!(classify(l, ""), Column::Extra(_))).unwrap_or(&above[0]);
                    // `公开` over `时限`: one header printed over two rows.
                    match classify(top, sub) {
                        Column::Extra(_) => match classify(&format!("{top}{sub}"), "") {
                            Column::Extra(_) => classify(top, sub),
                            joined => joined,
                        },
                        column => column,
                    }
                }
            }
        })
        .collect();
    // A blank header right of a single 公开事项 column is its 二级事项 (a one-row header whose merge was lost).
    // Right of a 公开对象 / 公开方式 / 公开层级 header without its sub-header, a blank header is more of that group:
    // what its ticks mean cannot be told, as in the group's first column.
    for c in 1..columns.len() {
        if columns[c] == Column::Extra(String::new())
            && matches!(
                columns[c - 1],
                Column::ItemSingle | Column::AudienceText | Column::ModeText | Column::LevelText
            )
        {
            columns[c] = columns[c - 1].clone();
        }
    }
    // Other blank headers are named by their column letter, as the user sees them in Excel.
    for (c, column) in columns.iter_mut().enumerate() {
        if *column == Column::Extra(String::new()) {
            *column = Column::Extra(format!("{}列（无表头）", column_letter(c)));
        }
    }
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
    // The user's mapping has the last word.
    let mut mapped = Vec::new();
    if !mapping.is_empty() {
        for (c, column) in columns.iter_mut().enumerate() {
            let labels: Vec<&str> =
                column_labels.get(c).map(|l| l.iter().map(String::as_str).collect()).unwrap_or_default();
            if let Some((key, chosen)) = mapping.column_for(&labels, &column_letter(c)) {
                *column = chosen.clone();
                mapped.push((key.to_owned(), chosen.clone()));
            }
        }
    }
    (columns, column_labels, mapped)
}

/// Excel's letter of the 0-based column `c` (A, B, … Z, AA …).
fn column_letter(mut c: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + u8::try_from(c % 26).unwrap_or(0)));
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The elements a table without their column leaves empty, said once per sheet.
const COLUMN_FIELDS: [&str; 7] = ["content", "basis", "time_limit", "subject", "channels", "audience", "mode"];

fn has_column(columns: &[Column], field: &str) -> bool {
    columns.iter().any(|c| match c {
        Column::Content => field == "content",
        Column::Basis => field == "basis",
        Column::TimeLimit => field == "time_limit",
        Column::Subject => field == "subject",
        Column::Channels => field == "channels",
        Column::AudienceText | Column::AudienceTick(_) | Column::AudienceGroup => field == "audience",
        Column::ModeText | Column::ModeTick(_) => field == "mode",
        Column::LevelText | Column::LevelTick(_) => field == "levels",
        _ => false,
    })
}

fn sheet_note(out: &mut SheetImport, sheet: &Sheet, finding: Finding, field: &'static str) {
    out.diagnostics.push(Diagnostic {
        finding,
        entry: None,
        row: None,
        sheet: Some(sheet.name.clone()),
        field: Some(field),
        fix: None,
    });
}

/// The header row of a sheet: the first row (within the first [`HEADER_SEARCH_ROWS`]) that is a header, or that
/// names two headers of the user's mapping.
fn find_header(sheet: &Sheet, mapping: &Mapping) -> Option<usize> {
    let is_header_row = |r: usize| is_header(&sheet.rows[r]) || mapping.headers_in(&sheet.rows[r]) >= 2;
    (0..sheet.rows.len().min(HEADER_SEARCH_ROWS)).find(|&r| is_header_row(r))
}

/// The header row `header` and the sub-header rows under it, and the sub-header rows' indices.
fn header_rows_at(sheet: &Sheet, header: usize) -> (Vec<Vec<String>>, Vec<usize>) {
    // Sub-header rows: up to two under the header. A cell merged down into the rows below it is a value the
    // whole table shares (a 公开时限 printed once beside the labels), not a label.
    let mut header_rows: Vec<Vec<String>> = vec![sheet.rows[header].clone()];
    let mut subs: Vec<usize> = Vec::new();
    while subs.len() < 2 {
        let next = subs.last().map_or(header, |s| *s) + 1;
        let Some(cells) = sheet.rows.get(next) else { break };
        let labels: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(c, v)| {
                let spans_down = sheet.is_merged(next + 1, c)
                    && sheet.cell(next + 1, c) == v
                    && header_rows.last().is_some_and(|above| above.get(c) != Some(v));
                if spans_down { String::new() } else { v.clone() }
            })
            .collect();
        let above = header_rows.last().cloned().unwrap_or_default();
        if is_sub_header(&above, &labels) {
            subs.push(next);
            header_rows.push(labels);
        } else {
            break;
        }
    }
    (header_rows, subs)
}

/// What the reader makes of a sheet's header, for the import preview: the header row's index, the header rows,
/// and per column its labels top to bottom and the column it is read as (the user's mapping applied). `None` when
/// the sheet has no header row the reader knows.
#[expect(clippy::type_complexity)]
pub fn sheet_columns(
    sheet: &Sheet,
    mapping: &Mapping,
) -> Option<(usize, Vec<Vec<String>>, Vec<(Vec<String>, Column)>)> {
    let header = find_header(sheet, mapping)?;
    Some(columns_at(sheet, header, mapping))
}

/// [`sheet_columns`] with the header taken to be row `header` (a row the reader does not know as a header).
#[expect(clippy::type_complexity)]
pub fn columns_at(
    sheet: &Sheet,
    header: usize,
    mapping: &Mapping,
) -> (usize, Vec<Vec<String>>, Vec<(Vec<String>, Column)>) {
    let (header_rows, _) = header_rows_at(sheet, header);
    let (columns, labels, _) = map_columns_labelled(&header_rows, mapping);
    (header, header_rows, labels.into_iter().zip(columns).collect())
}

/// Excel's letter of the 0-based column `c`, as the preview names a column.
pub fn letter(c: usize) -> String {
    column_letter(c)
}

/// Read one sheet. `id_prefix` keeps generated ids unique across sheets.
pub fn read_sheet(sheet: &Sheet, id_prefix: &str, title_domain: Option<&'static str>) -> SheetImport {
    read_sheet_with(sheet, id_prefix, title_domain, &Mapping::default())
}

/// [`read_sheet`] with the user's column mapping: a row naming two of its headers is a header row too, and the
/// columns it names are read as it says.
pub fn read_sheet_with(
    sheet: &Sheet,
    id_prefix: &str,
    title_domain: Option<&'static str>,
    mapping: &Mapping,
) -> SheetImport {
    let Some(header) = find_header(sheet, mapping) else {
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
    // Rows above the header: the title first, then headings (`（一）某镇义务教育领域…`) and legends (`发布机构：…`).
    let mut title: Option<String> = None;
    let mut government: Option<String> = None;
    let mut heading: Option<&'static str> = None;
    for r in 0..header {
        let values = distinct(&sheet.rows[r]);
        for v in &values {
            if let Some(g) = legend_government(v) {
                government.get_or_insert(g);
            }
        }
        let Some(first) = values.first() else { continue };
        if title.is_none() && legend_government(first).is_none() && !is_legend(first) {
            title = Some((*first).to_owned());
        } else if values.len() == 1
            && let Some(d) = heading_domain(first)
        {
            heading = Some(d);
        }
    }
    let (header_rows, subs) = header_rows_at(sheet, header);
    let (columns, mapped) = map_columns(&header_rows, mapping);
    let mut out_notes = SheetImport::default();
    let sheet_domain = domains::canonical(&sheet.name).or_else(|| heading_domain(&sheet.name));
    let fallback_domain = sheet_domain.or(title.as_deref().and_then(heading_domain)).or(title_domain);
    // Tick columns, and a group header standing alone in a header of several rows (its tick labels lost). A blank
    // word cell of a one-row header (公开方式 written as text) is the validator's entry.required, said once.
    let alone = |text: &Column| !subs.is_empty() && columns.contains(text);
    let tick_groups = [
        columns.iter().any(|c| matches!(c, Column::AudienceTick(_))) || alone(&Column::AudienceText),
        columns.iter().any(|c| matches!(c, Column::ModeTick(_))) || alone(&Column::ModeText),
        columns.iter().any(|c| matches!(c, Column::LevelTick(_))) || alone(&Column::LevelText),
    ];
    let has_levels = has_column(&columns, "levels");
    for (header, column) in &mapped {
        let finding = Finding::ImportMapped { header: header.clone(), field: field_of(column) };
        sheet_note(&mut out_notes, sheet, finding, field_of(column));
    }
    let mut reader = Reader {
        sheet,
        fallback_domain,
        heading_domain: heading,
        above: Vec::new(),
        out: SheetImport {
            title,
            government,
            has_levels,
            mapped: mapped.into_iter().map(|(h, _)| h).collect(),
            diagnostics: out_notes.diagnostics,
            ..SheetImport::default()
        },
        id_prefix: id_prefix.to_owned(),
        cells: CellLists::default(),
        tick_groups,
        columns,
    };
    for field in COLUMN_FIELDS {
        if !has_column(&reader.columns, field) {
            sheet_note(&mut reader.out, sheet, Finding::ImportNoColumn { field }, field);
        }
    }
    let mut extra_reported: Vec<String> = Vec::new();
    let first_data = subs.last().map_or(header + 1, |s| s + 1);
    for r in first_data..sheet.rows.len() {
        let cells = &sheet.rows[r];
        let values = distinct_upto(cells, 2);
        if values.is_empty() {
            continue;
        }
        // A row printed with its 序号 and nothing else is a row of the table all the same (every element missing).
        let numbered_only = values.len() == 1
            && values[0].chars().all(|c| c.is_ascii_digit())
            && reader
                .columns
                .iter()
                .enumerate()
                .all(|(c, col)| *col == Column::Number || cells.get(c).is_none_or(|v| v.trim().is_empty()));
        if values.len() == 1 && !numbered_only && !reader.is_continuation(r) {
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
        if reader.is_continuation(r) {
            reader.continue_entry(r);
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
    infer_domains(&mut reader.out);
    reader.out
}

/// Guideline item names (一级 and 二级, squashed) → the domains whose guideline lists them; domain names and
/// aliases → their domain.
fn guideline_index() -> &'static HashMap<String, Vec<&'static str>> {
    static INDEX: std::sync::OnceLock<HashMap<String, Vec<&'static str>>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<String, Vec<&'static str>> = HashMap::new();
        let mut add = |name: &str, domain: &'static str| {
            let list = index.entry(squash(name)).or_default();
            if !list.contains(&domain) {
                list.push(domain);
            }
        };
        for guide in catalog_core::seeds::guides() {
            let Some(domain) = domains::canonical(&guide.name) else { continue };
            for item in &guide.items {
                for name in item.item.iter().take(2) {
                    add(&item_key(name), domain);
                }
            }
        }
        index
    })
}

/// The domain an entry's items name: 一级事项 written as a domain (`财政预决算`), or a guideline item of exactly
/// one domain (二级 first, it is the more specific).
fn domain_of_items(entry: &Entry) -> Option<(&'static str, String)> {
    if let Some(first) = entry.item.first()
        && let Some(d) = domains::canonical(&item_key(first))
    {
        return Some((d, first.clone()));
    }
    entry.item.iter().take(2).rev().find_map(|name| match candidates(name) {
        [d] => Some((*d, name.clone())),
        _ => None,
    })
}

/// An item name as the index keys it: squashed, simplified, without its list number (`1.1国家层面法规政策`).
fn item_key(name: &str) -> String {
    let key = squash(&simplify(name));
    key.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '．' | '、' | '(' | ')' | '（' | '）'))
        .to_owned()
}

/// The domains whose guideline lists an item of this name.
fn candidates(name: &str) -> &'static [&'static str] {
    guideline_index().get(&item_key(name)).map_or(&[], Vec::as_slice)
}

/// The one domain every entry of a table could belong to, when no entry names one alone: the guideline items the
/// entries list (政策文件 / 法律法规 / 部门和地方规章 …, each in several guidelines) narrowed down together, else the
/// one domain their 公开内容 cells name (`与安全生产有关的法律、法规`).
fn domain_of_table(entries: &[Entry]) -> Option<(&'static str, String)> {
    let mut common: Option<Vec<&'static str>> = None;
    let mut named = None;
    for e in entries {
        let mut all: Vec<&'static str> = e.item.iter().take(2).flat_map(|n| candidates(n).iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        if !all.is_empty() {
            common = Some(match common {
                None => all,
                Some(c) => c.into_iter().filter(|d| all.contains(d)).collect(),
            });
            named.get_or_insert_with(|| e.item.join("/"));
        }
    }
    if let (Some([d]), Some(item)) = (common.as_deref(), named) {
        return Some((*d, item));
    }
    let mut in_content: Vec<&'static str> =
        entries.iter().filter_map(|e| meta::domain_in(&simplify(&e.content)).map(|(_, d)| d)).collect();
    in_content.sort_unstable();
    in_content.dedup();
    match (in_content.as_slice(), entries.first()) {
        ([d], Some(first)) => Some((*d, first.item.join("/"))),
        _ => None,
    }
}

/// Entries no column, heading, sheet name or title gave a domain: the guideline items they list tell it. When
/// every entry that tells agrees, the table is that domain's (its rows with local items too); each entry gets an
/// `import.domain-inferred` note.
fn infer_domains(out: &mut SheetImport) {
    if out.entries.iter().all(|e| !e.domain.is_empty()) {
        return;
    }
    let found: Vec<Option<(&'static str, String)>> =
        out.entries.iter().map(|e| if e.domain.is_empty() { domain_of_items(e) } else { None }).collect();
    let mut told: Vec<&'static str> = found.iter().flatten().map(|(d, _)| *d).collect();
    told.dedup();
    told.sort_unstable();
    told.dedup();
    let only = match told.as_slice() {
        [d] => found.iter().flatten().next().map(|(_, item)| (*d, item.clone())),
        [] => {
            let untold: Vec<Entry> = out.entries.iter().filter(|e| e.domain.is_empty()).cloned().collect();
            domain_of_table(&untold)
        }
        _ => None,
    };
    for (entry, found) in out.entries.iter_mut().zip(found) {
        if !entry.domain.is_empty() {
            continue;
        }
        let Some((domain, item)) = found.or_else(|| only.clone()) else { continue };
        entry.domain = domain.to_owned();
        out.diagnostics.push(Diagnostic {
            finding: Finding::ImportDomainInferred { domain: domain.to_owned(), item },
            entry: Some(entry.id.clone()),
            row: entry.row(),
            sheet: entry.source.as_ref().and_then(|s| s.sheet.clone()),
            field: Some("domain"),
            fix: None,
        });
    }
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
