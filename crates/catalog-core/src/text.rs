//! Small text normalisations shared by the parsers and rules.

use std::borrow::Cow;

/// The text with every whitespace character removed (catalog cells are full of line breaks from PDF/Word).
pub fn squash(s: &str) -> String {
    squashed(s).into_owned()
}

/// [`squash`], borrowing the text when it has no whitespace (most cells): no allocation for a look-up.
pub(crate) fn squashed(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_whitespace) {
        let mut out = String::with_capacity(s.len());
        out.extend(s.chars().filter(|c| !c.is_whitespace()));
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// A lookup key: whitespace removed, ASCII parentheses/colon folded to their full-width forms.
pub fn fold_key(s: &str) -> String {
    folded(s).into_owned()
}

/// The full-width form [`fold_key`] gives an ASCII char, if it folds one.
fn full_width(c: char) -> Option<char> {
    match c {
        '(' => Some('（'),
        ')' => Some('）'),
        ':' => Some('：'),
        ',' => Some('，'),
        ';' => Some('；'),
        _ => None,
    }
}

/// [`fold_key`], borrowing the text when folding would not change it (most labels are written as the vocabulary
/// keys are): no allocation for a look-up.
pub(crate) fn folded(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_whitespace() || full_width(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    out.extend(s.chars().filter(|c| !c.is_whitespace()).map(|c| full_width(c).unwrap_or(c)));
    Cow::Owned(out)
}

/// Whether a cell is empty once trimmed (`s.trim().is_empty()`, stopping at the first char that is not whitespace).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_forms_equal_the_plain_ones() {
        for s in [
            "县级",
            "乡、村级",
            "政府网站",
            "",
            "a b",
            "（注）",
            "(注)",
            "甲:乙,丙;丁",
            "一\n二\u{3000}三",
            "x\u{a0}y",
            " \u{3000}\n",
            "\t",
        ] {
            assert_eq!(squashed(s), s.chars().filter(|c| !c.is_whitespace()).collect::<String>(), "{s:?}");
            let by_char: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| match c {
                    '(' => '（',
                    ')' => '）',
                    ':' => '：',
                    ',' => '，',
                    ';' => '；',
                    _ => c,
                })
                .collect();
            assert_eq!(folded(s), by_char, "{s:?}");
            assert_eq!(matches!(folded(s), Cow::Borrowed(_)), by_char == s, "{s:?}");
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
        }
    }
}
