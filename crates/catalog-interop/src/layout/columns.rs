//! Header text → what a column holds. Columns are mapped by their header, never by position.

use catalog_core::text::squash;
use catalog_core::vocab;

/// What one column of a catalog table holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// 序号: regenerated, not stored.
    Number,
    Domain,
    /// 一级 (0), 二级 (1), 三级 (2) 事项.
    Item(usize),
    /// A single 公开事项 column without levels.
    ItemSingle,
    Content,
    Basis,
    TimeLimit,
    Subject,
    Channels,
    /// 公开对象 written as a word (全社会 / 特定群体 / the group).
    AudienceText,
    /// A 公开对象 tick column; `特定群体` columns may hold the group's name instead of a tick.
    AudienceTick(&'static str),
    AudienceGroup,
    ModeText,
    ModeTick(&'static str),
    WithheldReason,
    LevelText,
    /// A 公开层级 tick column, with its label as written (县级, 乡、村级, 镇街级 …).
    LevelTick(String),
    Id,
    /// Anything else, kept in `extra` under this header.
    Extra(String),
}

fn has(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Classify a column from its top header cell and (two-row headers) its sub-header cell.
pub fn classify(top: &str, sub: &str) -> Column {
    let top = squash(top);
    let sub = squash(sub);
    let sub = if sub == top { String::new() } else { sub };
    let label = if sub.is_empty() { top.clone() } else { format!("{top}/{sub}") };
    let level_of = |s: &str| match () {
        _ if s.contains("一级") => Some(0),
        _ if s.contains("二级") => Some(1),
        _ if s.contains("三级") => Some(2),
        _ => None,
    };

    if top.is_empty() && sub.is_empty() {
        return Column::Extra(String::new());
    }
    if top == "序号" || top == "编码" && sub.is_empty() {
        return Column::Number;
    }
    if top == "编号" || top == "事项编号" || top == "ID" || top == "id" {
        return Column::Id;
    }
    if has(&top, &["领域"]) && !has(&top, &["二级"]) {
        return Column::Domain;
    }
    if has(&top, &["公开事项", "事项名称"])
        || (top.ends_with("事项") && level_of(&top).is_some())
        || top.ends_with("级指标")
    {
        return match level_of(&sub).or_else(|| level_of(&top)) {
            Some(n) => Column::Item(n),
            None if sub.is_empty() => Column::ItemSingle,
            None => Column::Extra(label),
        };
    }
    if has(&top, &["公开内容", "内容要素", "内容标准"]) {
        return Column::Content;
    }
    if has(&top, &["公开依据", "依据"]) && !has(&top, &["效力", "位阶"]) {
        return Column::Basis;
    }
    if has(&top, &["公开时限", "时限"]) {
        return Column::TimeLimit;
    }
    if has(&top, &["公开主体", "主体"]) {
        return Column::Subject;
    }
    if has(&top, &["公开渠道", "渠道和载体", "公开载体"]) {
        return Column::Channels;
    }
    if has(&top, &["不予公开理由", "免予公开的理由", "不予公开的理由"]) {
        return Column::WithheldReason;
    }
    if has(&top, &["特定群体说明", "群体说明"]) {
        return Column::AudienceGroup;
    }
    if has(&top, &["公开对象", "公开范围"]) || vocab::audience(&top).is_some() {
        let tick = if sub.is_empty() { &top } else { &sub };
        return match vocab::audience(tick).or_else(|| tick.starts_with("特定").then_some("特定群体")) {
            Some(a) if !sub.is_empty() || top != "公开对象" => Column::AudienceTick(a),
            _ => Column::AudienceText,
        };
    }
    if has(&top, &["公开方式", "公开属性"]) || vocab::mode(&top).is_some() {
        let tick = if sub.is_empty() { &top } else { &sub };
        return match vocab::mode(tick) {
            Some(m) if !sub.is_empty() || vocab::mode(&top).is_some() => Column::ModeTick(m),
            _ => Column::ModeText,
        };
    }
    if has(&top, &["公开层级", "层级"]) {
        return if sub.is_empty() { Column::LevelText } else { Column::LevelTick(sub) };
    }
    if !vocab::level_means(&top).is_empty() && sub.is_empty() {
        return Column::LevelTick(top);
    }
    Column::Extra(label)
}

/// Whether a row is a header row: it names at least three standard columns, two of them free-text ones
/// (公开内容, 公开依据, 公开时限, 公开主体, 公开渠道) — data rows of words such as 全社会/主动/县级 do not.
pub fn is_header(cells: &[String]) -> bool {
    let mut seen: Vec<std::mem::Discriminant<Column>> = Vec::new();
    let mut text_columns = 0;
    for cell in cells {
        let column = classify(cell, "");
        if matches!(column, Column::Extra(_) | Column::Number | Column::Id) {
            continue;
        }
        let d = std::mem::discriminant(&column);
        if !seen.contains(&d) {
            seen.push(d);
            if matches!(
                column,
                Column::Content | Column::Basis | Column::TimeLimit | Column::Subject | Column::Channels
            ) && squash(cell).chars().count() <= 40
            {
                text_columns += 1;
            }
        }
    }
    seen.len() >= 3 && text_columns >= 2
}

/// A sub-header label: 一级/二级/三级事项, or a tick column's word (全社会, 特定群体（请写明）, 主动, 依申请公开, 县级 …).
fn is_sub_label(cell: &str) -> bool {
    (cell.contains("级") && cell.contains("事项"))
        || vocab::audience(cell).is_some()
        || cell.starts_with("特定")
        || vocab::mode(cell).is_some()
        || (!vocab::level_means(cell).is_empty() && cell.ends_with('级'))
}

/// Whether `cells` is the second row of a two-row header under `header`: every new cell is a sub-header label
/// (a data row always holds some free text), naming 一级/二级事项 or at least two tick columns. Cells equal to the
/// header above are a vertically merged header and do not count.
pub fn is_sub_header(header: &[String], cells: &[String]) -> bool {
    let fresh: Vec<String> = cells
        .iter()
        .enumerate()
        .filter(|(c, v)| !v.trim().is_empty() && header.get(*c) != Some(*v))
        .map(|(_, v)| squash(v))
        .collect();
    if fresh.is_empty() || !fresh.iter().all(|c| is_sub_label(c)) {
        return false;
    }
    fresh.iter().any(|c| c.contains("一级") && c.contains("事项")) || fresh.len() >= 2
}
