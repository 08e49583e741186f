//! The character layer both free-text parsers share: width-folded chars that remember their byte span (so
//! results are slices of the input), bracket guarding, and small matching helpers that never panic.

/// A width-folded char with its byte span in the original, so results can be sliced from the input.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ch {
    pub c: char,
    pub start: usize,
    pub end: usize,
    /// Inside a matched bracket pair: separators and markers there belong to the bracketed text.
    pub guarded: bool,
}

/// Cells mix full- and half-width forms freely; matching works on the half-width form only.
pub(super) fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '﹔' => ';',
        '﹐' | '﹑' => ',',
        '﹕' => ':',
        '﹙' => '(',
        '﹚' => ')',
        _ => c,
    }
}

/// Fold `text` and guard what sits inside matched pairs of `brackets`.
pub(super) fn scan(text: &str, brackets: &[(char, char)]) -> Vec<Ch> {
    let mut v: Vec<Ch> = text
        .char_indices()
        .map(|(start, c)| Ch { c: fold(c), start, end: start + c.len_utf8(), guarded: false })
        .collect();
    guard(&mut v, brackets);
    v
}

/// Mark the chars inside matched pairs of `brackets` (again, after a run of chars was re-cut).
pub(super) fn guard(v: &mut [Ch], brackets: &[(char, char)]) {
    let mut diff = vec![0i64; v.len() + 1];
    for &(open, close) in brackets {
        for (o, c) in matched_pairs(v, open, close) {
            if let Some(d) = diff.get_mut(o + 1) {
                *d += 1;
            }
            if let Some(d) = diff.get_mut(c) {
                *d -= 1;
            }
        }
    }
    let mut depth = 0i64;
    for (ch, d) in v.iter_mut().zip(diff) {
        depth += d;
        ch.guarded = depth > 0;
    }
}

/// Matched (open, close) index pairs; unmatched brackets are left out so a stray "(" cannot swallow the cell.
pub(super) fn matched_pairs(v: &[Ch], open: char, close: char) -> Vec<(usize, usize)> {
    let mut stack = Vec::new();
    let mut out = Vec::new();
    for (i, ch) in v.iter().enumerate() {
        if ch.c == open {
            stack.push(i);
        } else if ch.c == close
            && let Some(o) = stack.pop()
        {
            out.push((o, i));
        }
    }
    out
}

pub(super) fn sub(s: &[Ch], a: usize, b: usize) -> &[Ch] {
    s.get(a..b).unwrap_or(&[])
}

pub(super) fn tail(s: &[Ch], a: usize) -> &[Ch] {
    s.get(a..).unwrap_or(&[])
}

/// The original text a run of chars came from.
pub(super) fn span<'a>(src: &'a str, s: &[Ch]) -> &'a str {
    match (s.first(), s.last()) {
        (Some(a), Some(b)) => src.get(a.start..b.end).unwrap_or(""),
        _ => "",
    }
}

pub(super) fn char_at(s: &[Ch], i: usize) -> Option<char> {
    s.get(i).map(|c| c.c)
}

pub(super) fn prev_char(s: &[Ch], i: usize) -> Option<char> {
    i.checked_sub(1).and_then(|j| char_at(s, j))
}

pub(super) fn is_at(s: &[Ch], i: usize, pat: &str) -> bool {
    (i..).zip(pat.chars()).all(|(k, p)| char_at(s, k) == Some(p))
}

pub(super) fn contains(s: &[Ch], pat: &str) -> bool {
    (0..s.len()).any(|i| is_at(s, i, pat))
}

/// Separators that may be left dangling at clause or citation edges.
pub(super) fn is_edge_punct(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '、' | ':' | ';' | '。' | '.')
}

pub(super) fn trim(s: &[Ch]) -> &[Ch] {
    let a = s.iter().position(|c| !is_edge_punct(c.c)).unwrap_or(s.len());
    let b = s.iter().rposition(|c| !is_edge_punct(c.c)).map_or(a, |p| p + 1);
    sub(s, a, b.max(a))
}

pub(super) fn is_circled_number(c: char) -> bool {
    matches!(c, '\u{2460}'..='\u{249B}' | '\u{2776}'..='\u{277F}' | '\u{2780}'..='\u{2789}')
}

/// Length of a list marker ("①", "1.", "2、") starting at `i`, if one does. Digits count only at the start or
/// after a boundary so "1.5" and "2018、2019" are not taken for list items.
pub(super) fn enumerator_len(s: &[Ch], i: usize) -> Option<usize> {
    let c = char_at(s, i)?;
    if is_circled_number(c) {
        return Some(1);
    }
    if i > 0 && !prev_char(s, i).is_some_and(|p| is_edge_punct(p) || p == ')' || p == '》') {
        return None;
    }
    let digits = tail(s, i).iter().take_while(|x| x.c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 || !matches!(char_at(s, i + digits), Some('.' | '、')) {
        return None;
    }
    char_at(s, i + digits + 1).filter(|n| !n.is_ascii_digit()).map(|_| digits + 1)
}
