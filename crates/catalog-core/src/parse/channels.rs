//! 公开渠道和载体 cells as real catalogs write them → the canonical channel set plus named others.
//!
//! Cells come as checklists (`■政府网站 □政府公报 …`, with look-alike glyphs 口 ◆ ● √), numbered lists
//! (`1.政府网站 2.两微一端`), separated lists (`政府网站、政务服务中心`, `政府网站/被征收范围内公告栏`) or prose.
//! Known names are matched greedily before splitting because canonical names themselves contain `/` and `、`.

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::vocab::{self, CANONICAL_CHANNELS, KnownChannel};

/// One channel named in a cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ChannelMention {
    /// As written in the cell.
    pub raw: String,
    /// The canonical name, or the named channel as written.
    pub name: String,
    /// Whether `raw` is a spelling variant of a canonical name.
    pub variant: bool,
}

/// What a channel cell says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ChannelCell {
    /// Ticked (■) channels, or every listed channel when the cell has no check boxes.
    pub ticked: Vec<ChannelMention>,
    /// Unticked (□) channels of a checklist.
    pub unticked: Vec<ChannelMention>,
    /// Whether the cell used check-box glyphs.
    pub checklist: bool,
}

impl ChannelCell {
    /// The ticked channels as format v1 writes them: canonical ones in checklist order, then the others as seen.
    pub fn channels(&self) -> Vec<String> {
        let mut out: Vec<String> = CANONICAL_CHANNELS
            .iter()
            .filter(|c| self.ticked.iter().any(|m| m.name == **c))
            .map(|c| (*c).to_owned())
            .collect();
        for m in &self.ticked {
            if !out.contains(&m.name) {
                out.push(m.name.clone());
            }
        }
        out
    }
}

fn tick_glyph(c: char) -> Option<bool> {
    match c {
        '■' | '◆' | '●' | '√' | '✓' | '✔' | '☑' | '▇' | '█' | '▄' | '▲' => Some(true),
        '□' | '口' | '☐' | '○' | '〇' | '◇' | '◻' | '▢' => Some(false),
        _ => None,
    }
}

/// A check-box glyph at `i`. Look-alikes that are also ordinary characters (口 in 窗口, 〇 in 二〇二〇) count only
/// at the start of a mention.
fn glyph_at(chars: &[char], i: usize) -> Option<bool> {
    let mark = tick_glyph(chars[i])?;
    let ambiguous = matches!(chars[i], '口' | '〇' | '○');
    let at_start = i == 0 || is_separator(chars[i - 1]) || tick_glyph(chars[i - 1]).is_some();
    // `■政府网站口政府公报`: a box printed straight after the name before it, before a channel's name.
    let before_name = || i + 1 < chars.len() && match_known(chars, i + 1).is_some();
    if ambiguous && !at_start && !before_name() { None } else { Some(mark) }
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '、' | '，' | ',' | '；' | ';' | '/' | '|' | '。' | '＋' | '+')
}

/// Whether the `/` at `j` joins two halves of one named channel (`街道文化站/（社区）综合性文化服务中心公示栏`)
/// rather than separating two channels: it does when what follows is neither a known channel nor a check box.
fn joins_name(chars: &[char], j: usize) -> bool {
    chars[j] == '/'
        && chars.get(j + 1).is_some_and(|c| !c.is_whitespace() && !is_separator(*c))
        && glyph_at(chars, j + 1).is_none()
        && match_known(chars, j + 1).is_none()
}

/// Skip a list number at a mention start: `1.` `2、` `（3）` `(4)` `①`.
fn skip_numbering(chars: &[char], mut i: usize) -> usize {
    let start = i;
    if i < chars.len() && ('①'..='⑳').contains(&chars[i]) {
        return i + 1;
    }
    let open = i < chars.len() && matches!(chars[i], '(' | '（');
    if open {
        i += 1;
    }
    let digits = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i == digits {
        return start;
    }
    if open {
        return if i < chars.len() && matches!(chars[i], ')' | '）') { i + 1 } else { start };
    }
    if i < chars.len() && matches!(chars[i], '.' | '．' | '、' | ')' | '）') { i + 1 } else { start }
}

/// Length in chars of `key` matched at `i`, skipping whitespace inside the cell (a PDF line break in
/// `村公示栏 (电子屏)`) and folding ASCII parentheses.
fn match_at(chars: &[char], i: usize, key: &str) -> Option<usize> {
    let mut j = i;
    for k in key.chars() {
        while j < chars.len() && j > i && chars[j].is_whitespace() {
            j += 1;
        }
        let folded = match *chars.get(j)? {
            '(' => '（',
            ')' => '）',
            c => c,
        };
        if folded != k {
            return None;
        }
        j += 1;
    }
    Some(j - i)
}

/// The known channels (longest first) by the first char of their key, so a mention is compared only with the
/// keys that can match it: every mention start was compared with all ≈ 70 keys, most of a cell's parsing time.
struct KnownByFirst {
    groups: Vec<(char, Vec<&'static KnownChannel>)>,
    /// Whether some key is empty (it would match anywhere): then every key is tried, as before the index.
    has_empty: bool,
}

fn known_by_first() -> &'static KnownByFirst {
    static INDEX: OnceLock<KnownByFirst> = OnceLock::new();
    INDEX.get_or_init(|| {
        let known = vocab::known_channels();
        let mut groups: Vec<(char, Vec<&'static KnownChannel>)> = Vec::new();
        for c in known {
            let Some(first) = c.key.chars().next() else { continue };
            match groups.iter_mut().find(|(f, _)| *f == first) {
                Some((_, list)) => list.push(c),
                None => groups.push((first, vec![c])),
            }
        }
        KnownByFirst { groups, has_empty: known.iter().any(|c| c.key.is_empty()) }
    })
}

/// The longest known channel at `i`: (length, name, whether it is one of the 13 or a variant of one).
fn match_known(chars: &[char], i: usize) -> Option<(usize, &'static str, bool)> {
    let found = |c: &&'static KnownChannel| match_at(chars, i, &c.key).map(|n| (n, c.name.as_str(), c.standard));
    let index = known_by_first();
    if index.has_empty {
        return vocab::known_channels().iter().find_map(|c| found(&c));
    }
    // match_at compares the first char folded this way.
    let first = match *chars.get(i)? {
        '(' => '（',
        ')' => '）',
        c => c,
    };
    // A linear look-up among the 40 first chars: sorting for a binary search cost the wasm validator 2.7 KB gzip.
    let (_, group) = index.groups.iter().find(|(f, _)| *f == first)?;
    group.iter().find_map(found)
}

/// `其他` directly followed by a name (`其他：办税服务厅`, `其他基层公共服务平台`) names the channel itself.
fn starts_named_other(chars: &[char], i: usize) -> bool {
    chars.get(i) == Some(&'其')
        && chars.get(i + 1) == Some(&'他')
        && chars.get(i + 2).is_some_and(|c| !is_separator(*c) && tick_glyph(*c).is_none() && !matches!(c, '_' | '＿'))
}

/// Split `其他：办税服务厅` / `其他_` / `其他(“线下”)` into the named channel (when one is given).
fn other_named(token: &str) -> Option<String> {
    let rest = token.strip_prefix("其他")?;
    let rest = rest.trim_start_matches([':', '：', '_', '＿', ' ']);
    let rest = rest.trim_matches(['(', ')', '（', '）', '“', '”', '"', '_', '＿']);
    Some(rest.to_owned())
}

/// Parse one channel cell. Never panics; an empty cell gives an empty result.
pub fn parse_channels(cell: &str) -> ChannelCell {
    let chars: Vec<char> = cell.chars().collect();
    let checklist = (0..chars.len()).any(|i| glyph_at(&chars, i).is_some());
    let mut out = ChannelCell { checklist, ..ChannelCell::default() };
    // Without glyphs every listed channel counts as chosen; with glyphs text before the first glyph is a label.
    let mut ticked = if checklist { None } else { Some(true) };
    let mut i = 0;
    let mut at_start = true;
    while i < chars.len() {
        let c = chars[i];
        if let Some(t) = glyph_at(&chars, i) {
            ticked = Some(t);
            i += 1;
            at_start = true;
            continue;
        }
        if is_separator(c) || c == '_' || c == '＿' {
            i += 1;
            at_start = true;
            continue;
        }
        if at_start {
            let j = skip_numbering(&chars, i);
            if j != i {
                i = j;
                continue;
            }
        }
        at_start = false;
        // `其他` + a name is that name, unless the whole phrase is itself known (其他便于公众知晓的方式).
        let known = match_known(&chars, i).filter(|(len, ..)| *len > 2 || !starts_named_other(&chars, i));
        let (len, mention) = match known {
            Some((len, name, standard)) => {
                let raw: String = chars[i..i + len].iter().filter(|c| !c.is_whitespace()).collect();
                let variant = standard && raw != name;
                (len, ChannelMention { raw, name: name.to_owned(), variant })
            }
            None => {
                let mut j = i;
                while j < chars.len()
                    && (!is_separator(chars[j]) || joins_name(&chars, j))
                    && (j == i || glyph_at(&chars, j).is_none())
                {
                    j += 1;
                }
                let raw: String = chars[i..j].iter().collect();
                let name = match other_named(&raw) {
                    Some(named) if !named.is_empty() => named,
                    Some(_) => "其他".to_owned(),
                    None => raw.clone(),
                };
                // An everyday name of a canonical channel (村委会公示栏) means that channel.
                match vocab::channel_kind(&name) {
                    vocab::ChannelKind::Variant(c) => {
                        (j - i, ChannelMention { raw, name: c.to_owned(), variant: true })
                    }
                    _ => (j - i, ChannelMention { raw, name, variant: false }),
                }
            }
        };
        i += len.max(1);
        let list = match ticked {
            Some(true) => &mut out.ticked,
            Some(false) => &mut out.unticked,
            None => continue, // a label before the first check box, e.g. "公开渠道："
        };
        if !list.iter().any(|m| m.name == mention.name) {
            list.push(mention);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every known channel tried at every position, as before the index.
    fn match_known_linear(chars: &[char], i: usize) -> Option<(usize, &'static str, bool)> {
        vocab::known_channels()
            .iter()
            .find_map(|c| match_at(chars, i, &c.key).map(|n| (n, c.name.as_str(), c.standard)))
    }

    #[test]
    fn the_first_char_index_finds_what_trying_every_key_finds() {
        let mut cells: Vec<String> =
            vocab::known_channels().iter().map(|c| format!("■{}□其他(线下)", c.name)).collect();
        cells.extend(
            ["政务新媒体 (两微一端)", "村公示栏 (电子屏)、(政府网站)", "其他便于公众知晓的方式", ""].map(String::from),
        );
        let mut matched = 0;
        for cell in &cells {
            let chars: Vec<char> = cell.chars().collect();
            for i in 0..=chars.len() {
                let found = match_known(&chars, i);
                assert_eq!(found, match_known_linear(&chars, i), "{cell} at {i}");
                matched += usize::from(found.is_some());
            }
        }
        assert!(matched >= vocab::known_channels().len());
    }
}
