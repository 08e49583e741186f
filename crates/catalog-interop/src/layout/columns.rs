//! Header text → what a column holds. Columns are mapped by their header, never by position.

use catalog_core::text::squash;
use catalog_core::vocab;

use super::fold::simplify;

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

// The words that make a header cell one of the free-text columns, shared by [`classify`] and the quick test in
// [`is_header`].
const CONTENT: &[&str] = &["公开内容", "内容要素", "内容标准", "公开要素"];
const BASIS: &[&str] = &["公开依据", "依据"];
const TIME_LIMIT: &[&str] = &["公开时限", "时限"];
const SUBJECT: &[&str] = &["公开主体", "主体"];
const CHANNELS: &[&str] = &["公开渠道", "渠道和载体", "公开载体"];
const TEXT_COLUMNS: [&[&str]; 5] = [CONTENT, BASIS, TIME_LIMIT, SUBJECT, CHANNELS];

/// How long (without whitespace) a header cell of a free-text column may be.
const MAX_TEXT_HEADER_CHARS: usize = 40;

/// Classify a column from its top header cell and (two-row headers) its sub-header cell.
pub fn classify(top: &str, sub: &str) -> Column {
    let top = repair_header(&squash(&simplify(top)));
    let sub = squash(&simplify(sub));
    // A label broken off a compound one (`乡、村级` printed over two lines as `乡` + `、村级`).
    let sub = sub.trim_start_matches(['、', '，', ',']).to_owned();
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
        || ((top.ends_with("事项") || top.ends_with("目录")) && level_of(&top).is_some())
        || top.ends_with("级指标")
    {
        return match level_of(&sub).or_else(|| level_of(&top)) {
            Some(n) => Column::Item(n),
            None if sub.is_empty() => Column::ItemSingle,
            None => Column::Extra(label),
        };
    }
    if has(&top, CONTENT) {
        return Column::Content;
    }
    if has(&top, BASIS) && !has(&top, &["效力", "位阶"]) {
        return Column::Basis;
    }
    if has(&top, TIME_LIMIT) {
        return Column::TimeLimit;
    }
    if has(&top, SUBJECT) {
        return Column::Subject;
    }
    if has(&top, CHANNELS) {
        return Column::Channels;
    }
    if has(&top, &["不予公开理由", "免予公开的理由", "不予公开的理由"]) {
        return Column::WithheldReason;
    }
    if has(&top, &["特定群体说明", "群体说明"]) {
        return Column::AudienceGroup;
    }
    // Level words under another group's header (a 公开层级 group printed as a second 公开方式).
    if !sub.is_empty() && is_level_word(&sub) && vocab::mode(&sub).is_none() && vocab::audience(&sub).is_none() {
        return Column::LevelTick(sub);
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
    if is_level_word(&top) && sub.is_empty() {
        return Column::LevelTick(top);
    }
    Column::Extra(label)
}

/// The standard headers a cut or garbled header cell may stand for.
const STANDARD_HEADERS: [&str; 11] = [
    "公开事项",
    "公开内容",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道",
    "公开对象",
    "公开方式",
    "公开层级",
    "公开属性",
    "公开范围",
];

/// A header as printed when a page loses characters: `公开主` (cut at the cell's edge) is 公开主体, `开内容` (a page
/// that drops every 公) is 公开内容. Other headers are returned as they are.
fn repair_header(top: &str) -> String {
    if top.chars().count() == 3 && top.starts_with("公开") {
        if let Some(full) = STANDARD_HEADERS.iter().find(|h| h.starts_with(top)) {
            return (*full).to_owned();
        }
    }
    if top.starts_with('开') {
        let with = format!("公{top}");
        if STANDARD_HEADERS.iter().any(|h| with.starts_with(h)) {
            return with;
        }
    }
    top.to_owned()
}

/// A 公开层级 label: any label of the level vocabulary (县级, 镇街级, 街道, 村 …), also without its 级 (社区).
pub fn is_level_word(label: &str) -> bool {
    let label = label.trim_start_matches(['、', '，', ',']);
    !label.is_empty()
        && (!vocab::level_means(label).is_empty()
            || (!label.ends_with('级') && !vocab::level_means(&format!("{label}级")).is_empty()))
}

/// The number of non-whitespace characters of `cell`, counted up to `limit + 1`.
fn squashed_len_upto(cell: &str, limit: usize) -> usize {
    cell.chars().filter(|c| !c.is_whitespace()).take(limit + 1).count()
}

/// A char every word of [`TEXT_COLUMNS`] holds (tested).
fn is_text_column_anchor(c: char) -> bool {
    matches!(c, '内' | '依' | '限' | '主' | '渠' | '载' | '要')
}

/// Whether `cell` may head a free-text column: short enough, and holding a char all their words hold. One pass
/// over at most 41 chars, where looking for each word would search the cell a dozen times.
fn may_name_text_column(cell: &str) -> bool {
    let mut len = 0;
    let mut anchor = false;
    for c in cell.chars().filter(|c| !c.is_whitespace()) {
        len += 1;
        if len > MAX_TEXT_HEADER_CHARS {
            return false;
        }
        anchor |= is_text_column_anchor(c);
    }
    anchor
}

/// Whether a row is a header row: it names at least three standard columns, two of them free-text ones
/// (公开内容, 公开依据, 公开时限, 公开主体, 公开渠道) — data rows of words such as 全社会/主动/县级 do not.
pub fn is_header(cells: &[String]) -> bool {
    if is_header_simplified(cells) {
        return true;
    }
    // A header in traditional characters: its free-text headers hold one of these (公開內容, 公開依據, 公開時限,
    // 公開主體, 公開渠道和載體). Only short cells are folded, and only in a row that has one.
    let short = |c: &String| squashed_len_upto(c, MAX_TEXT_HEADER_CHARS) <= MAX_TEXT_HEADER_CHARS;
    let traditional = |c: &String| c.contains(['內', '據', '時', '體', '載', '開']);
    if cells.iter().any(|c| short(c) && traditional(c)) {
        let folded: Vec<String> =
            cells.iter().map(|c| if short(c) { simplify(c).into_owned() } else { c.clone() }).collect();
        return is_header_simplified(&folded);
    }
    false
}

fn is_header_simplified(cells: &[String]) -> bool {
    // Every data row is tested (a header repeated on each printed page is skipped): most fail this quick test of
    // the free-text column words, before any cell is classified.
    let text_headers = cells
        .iter()
        .filter(|cell| may_name_text_column(cell))
        .filter(|cell| {
            let named = |key: &str| TEXT_COLUMNS.iter().any(|words| has(key, words));
            named(cell) || (cell.contains(char::is_whitespace) && named(&squash(cell)))
        })
        .count();
    if text_headers < 2 {
        return false;
    }
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
            ) && squashed_len_upto(cell, MAX_TEXT_HEADER_CHARS) <= MAX_TEXT_HEADER_CHARS
            {
                text_columns += 1;
            }
        }
    }
    seen.len() >= 3 && text_columns >= 2
}

/// A sub-header label: 一级/二级/三级事项 (目录), a tick column's word (全社会, 特定群体（请写明）, 主动, 依申请公开, any
/// level label: 县级, 街道, 村, 社区, a broken-off 、村级 …), or a column name standing in that row (序号, 所属领域).
fn is_sub_label(cell: &str) -> bool {
    let cell = cell.trim_start_matches(['、', '，', ',']);
    (cell.contains("级") && (cell.contains("事项") || cell.contains("目录") || cell.contains("指标")))
        || matches!(cell, "一级" | "二级" | "三级")
        || vocab::audience(cell).is_some()
        || cell.starts_with("特定")
        || vocab::mode(cell).is_some()
        || is_level_word(cell)
        || matches!(cell, "序号" | "编号")
        || (cell.ends_with("领域") && cell.chars().count() <= 6)
        || cell.starts_with("其他")
        // A column's name standing in that row (`时限` under a bare `公开`), or the rest of the header above
        // (`(要素)` under 公开内容).
        || !matches!(classify(cell, ""), Column::Extra(_) | Column::Number | Column::Id)
        || (cell.starts_with(['(', '（']) && cell.chars().count() <= 8)
}

/// Whether `cells` is the second (or third) row of a header under `header`, scored rather than matched cell by
/// cell: the new cells that are sub-header labels must name 一级/二级事项 or at least two tick columns, and
/// outnumber two to one the few short cells that are not (a stray note, an unknown group word); a data row
/// always holds free text. Cells equal to the header above are a vertically merged header and do not count.
pub fn is_sub_header(header: &[String], cells: &[String]) -> bool {
    // Stops at the first long cell: every data row is tested, and its first free text ends it.
    let mut labels = 0;
    let mut others = 0;
    let mut names_item = false;
    for (c, v) in cells.iter().enumerate() {
        if v.trim().is_empty() || header.get(c) == Some(v) {
            continue;
        }
        // A number (序号), a tick or a long cell ends it before any look-up: that is every data row.
        let trimmed = v.trim();
        if trimmed.chars().all(|c| c.is_ascii_digit() || c == '.') || is_tick_like(trimmed) {
            return false;
        }
        let label = squash(&simplify(v));
        if label.chars().count() > 10 {
            return false;
        }
        if is_sub_label(&label) {
            labels += 1;
            names_item |=
                label.contains("一级") && (label.contains("事项") || label.contains("目录")) || label == "一级";
        } else if label.chars().count() > 8 {
            return false;
        } else {
            others += 1;
        }
    }
    (names_item || labels >= 2) && labels >= 2 * others
}

/// A cell that is a tick or an empty box, never a header label.
fn is_tick_like(cell: &str) -> bool {
    cell.chars().count() == 1 && "√✓✔☑■□●○◆▲▄█▇口☐〇VvYy".contains(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn every_free_text_header_word_holds_an_anchor() {
        for word in TEXT_COLUMNS.iter().flat_map(|words| words.iter()) {
            assert!(word.chars().any(is_text_column_anchor), "{word}");
            assert!(may_name_text_column(word));
        }
        assert!(!may_name_text_column(&"公开依据".repeat(11)), "longer than 40");
    }

    #[test]
    fn header_rows_are_told_from_data_rows() {
        let header =
            row(&["序号", "公开事项", "", "公开内容（要素）", "公开 依据", "公开\n时限", "公开主体", "公开对象"]);
        let sub =
            row(&["序号", "一级事项", "二级事项", "公开内容（要素）", "公开 依据", "公开\n时限", "公开主体", "全社会"]);
        assert!(is_header(&header), "whitespace inside header cells");
        assert!(is_sub_header(&header, &sub));
        assert!(is_header(&sub[4..]), "three free-text headers and a tick word, without the item columns");
        let ticks = row(&["1", "", "", "", "", "", "", "√"]);
        assert!(!is_sub_header(&header, &ticks));
        let data = row(&[
            "1",
            "政策文件",
            "规范性文件",
            "本级政府及部门制定的规范性文件",
            "《中华人民共和国政府信息公开条例》",
            "信息形成或变更之日起20个工作日内",
            "县人民政府办公室",
            "全社会",
        ]);
        assert!(!is_header(&data));
        assert!(!is_sub_header(&header, &data));
        // Short cells naming two free-text columns and a third kind are a header, as they always were; one is not.
        assert!(is_header(&row(&["2", "依据", "时限", "全社会"])));
        assert!(!is_header(&row(&["2", "依据", "县人民政府办公室", "全社会"])));
    }
}
