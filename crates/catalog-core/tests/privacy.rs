//! Masking personal numbers over generated text: digits, the separators numbers are written with, Chinese and `X`.

use catalog_core::privacy::{find, mask};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "1",
            "3",
            "8",
            "0",
            "5",
            "9",
            "2",
            "X",
            " ",
            "-",
            "+86 ",
            "手机",
            "，",
            "身份证号",
            "138",
            "1234",
            "5678",
            "6222",
            "11010519491231002X",
            "13812345678",
            "4111111111111111",
        ]),
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Masked text has no personal number left, keeps its length in characters and every non-digit character.
    #[test]
    fn masking_leaves_nothing_to_find_and_only_stars_digits(s in text()) {
        let masked = mask(&s);
        prop_assert!(find(&masked).is_empty(), "{s:?} → {masked:?}");
        prop_assert_eq!(masked.chars().count(), s.chars().count());
        for (before, after) in s.chars().zip(masked.chars()) {
            prop_assert!(before == after || (after == '*' && before.is_ascii_alphanumeric()), "{s:?} → {masked:?}");
        }
    }
}
