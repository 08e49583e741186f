//! Keeping generated workbooks within Excel's limits, so a report over any input is written rather than refused.

use std::borrow::Cow;

use crate::limits::MAX_CELL_CHARS;

/// The last row index (0-based) a worksheet has: Excel stops at 1,048,576 rows.
pub const LAST_ROW: u32 = 1_048_575;

/// A cell's text cut to Excel's 32,767 characters (with `…` marking the cut); a report quotes cells as written.
pub fn fit(text: &str) -> Cow<'_, str> {
    // Bytes bound characters: most cells are decided without counting.
    if text.len() <= MAX_CELL_CHARS || text.chars().nth(MAX_CELL_CHARS).is_none() {
        return Cow::Borrowed(text);
    }
    let cut = text.char_indices().nth(MAX_CELL_CHARS - 1).map_or(text.len(), |(at, _)| at);
    Cow::Owned(format!("{}…", &text[..cut]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_excels_limit_and_short_text_kept() {
        let long = "字".repeat(MAX_CELL_CHARS + 10);
        let cut = fit(&long);
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with('…'));
        let exact = "a".repeat(MAX_CELL_CHARS);
        assert_eq!(fit(&exact), exact.as_str());
        assert!(matches!(fit("短"), Cow::Borrowed("短")));
    }
}
