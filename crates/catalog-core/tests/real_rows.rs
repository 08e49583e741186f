//! Rows real governments published (reference §7, sources in each entry's `extra.来源`) are never called errors.

use catalog_core::{Severity, load_catalog, validate};

#[test]
fn published_rows_get_no_error() {
    let catalog = load_catalog(include_str!("../../../tests/fixtures/real-rows.json")).expect("fixture is v1");
    assert!(catalog.entries.len() >= 35);
    let errors: Vec<_> = validate(&catalog).into_iter().filter(|d| d.severity() == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn published_rows_parse_their_time_limits() {
    // Every time limit of a published row is understood (no time.unrecognised), the point of the parser.
    let catalog = load_catalog(include_str!("../../../tests/fixtures/real-rows.json")).expect("fixture is v1");
    let unrecognised: Vec<String> =
        validate(&catalog).into_iter().filter(|d| d.code() == "time.unrecognised").filter_map(|d| d.entry).collect();
    assert!(unrecognised.is_empty(), "{unrecognised:?}");
}
