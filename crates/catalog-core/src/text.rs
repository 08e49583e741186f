//! Small text normalisations shared by the parsers and rules.

/// The text with every whitespace character removed (catalog cells are full of line breaks from PDF/Word).
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A lookup key: whitespace removed, ASCII parentheses/colon folded to their full-width forms.
pub fn fold_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            ',' => '，',
            ';' => '；',
            _ => c,
        })
        .collect()
}

/// Whether a cell is empty once trimmed.
pub fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}
