//! Reading v1 JSON: good files load; bad ones get a located error with a stable code, never a panic.

use catalog_core::{LoadError, load_catalog, to_json};

#[test]
fn round_trips_a_catalog_including_extra_columns() {
    let text = include_str!("../../../tests/fixtures/real-rows.json");
    let catalog = load_catalog(text).expect("fixture loads");
    let again = load_catalog(&to_json(&catalog)).expect("written JSON loads");
    assert_eq!(catalog, again);
    assert!(again.entries.iter().any(|e| e.extra.contains_key("咨询电话")));
}

#[test]
fn accepts_a_byte_order_mark() {
    let text = "\u{feff}{\"format\":\"zwgk-catalog\",\"version\":1,\"meta\":{},\"entries\":[]}";
    assert!(load_catalog(text).is_ok());
}

#[test]
fn missing_elements_load_so_the_validator_can_name_them() {
    let text =
        r#"{"format":"zwgk-catalog","version":1,"meta":{"level":"乡级"},"entries":[{"id":"a","domain":"社会救助"}]}"#;
    let catalog = load_catalog(text).expect("lenient load");
    let codes: Vec<_> = catalog_core::validate(&catalog).iter().map(|d| (d.code(), d.field)).collect();
    assert!(codes.contains(&("entry.required", Some("channels"))));
    assert!(codes.contains(&("entry.required", Some("time_limit"))));
}

#[test]
fn errors_have_codes_and_locations() {
    let cases: [(&str, &str); 6] = [
        ("{\"format\": \"zwgk-catalog\", \"version\": 1, \"entries\": [", "load.syntax"),
        ("[1, 2, 3]", "load.not-catalog"),
        ("{\"format\": \"excel\", \"version\": 1}", "load.not-catalog"),
        ("{\"format\": \"zwgk-catalog\", \"version\": 2, \"entries\": {\"new\": true}}", "load.newer-version"),
        ("{\"format\": \"zwgk-catalog\", \"version\": \"one\"}", "load.bad-version"),
        ("{\"format\": \"zwgk-catalog\", \"version\": 1,\n \"entries\": [{\"channels\": \"政府网站\"}]}", "load.shape"),
    ];
    for (text, code) in cases {
        let err = load_catalog(text).expect_err(text);
        assert_eq!(err.code(), code, "{text}");
        assert!(!err.message().is_empty() && !err.message_en().is_empty());
    }
    let err =
        load_catalog("{\"format\": \"zwgk-catalog\", \"version\": 1,\n \"entries\": [{\"channels\": \"政府网站\"}]}")
            .expect_err("shape");
    assert!(matches!(err, LoadError::Shape { line: 2, .. }), "{err:?}");
    assert!(err.message().contains("第2行") && err.message().contains("列表"), "{}", err.message());
}

#[test]
fn removed_items_are_an_optional_v1_field() {
    // Files without it (every file written before it existed) load with none, and are written without it.
    let text = include_str!("../../../tests/fixtures/example-township.json");
    let catalog = load_catalog(text).expect("example loads");
    assert!(catalog.removed.is_empty());
    assert!(!to_json(&catalog).contains("\"removed\""));

    let mut with = catalog.clone();
    with.removed.push(catalog_core::RemovedItem {
        domain: "社会救助".into(),
        item: vec!["临时救助".into(), "审核审批信息".into()],
        reason: "由县民政局统一审核审批并公开".into(),
    });
    let written = to_json(&with);
    assert!(written.contains("\"removed\": ["), "{written}");
    assert_eq!(load_catalog(&written).expect("written JSON loads"), with);
    assert_eq!(written.matches("\"version\": 1").count(), 1);

    // Lenient like the other fields: a removal missing its reason loads, for the validator to name.
    let text = r#"{"format":"zwgk-catalog","version":1,"meta":{},"entries":[],"removed":[{"domain":"社会救助"}]}"#;
    let loaded = load_catalog(text).expect("lenient load");
    assert_eq!(loaded.removed, vec![catalog_core::RemovedItem { domain: "社会救助".into(), ..Default::default() }]);
}

/// `to_json` writes compact JSON and indents it itself (one serialiser in the wasm build): the result is exactly
/// serde_json's pretty printing, whatever the strings hold.
#[test]
fn written_json_is_serde_jsons_pretty_layout() {
    let pretty = |c: &catalog_core::Catalog| format!("{}\n", serde_json::to_string_pretty(c).expect("serialises"));
    for text in [
        include_str!("../../../tests/fixtures/real-rows.json"),
        include_str!("../../../tests/fixtures/example-township.json"),
    ] {
        let catalog = load_catalog(text).expect("fixture loads");
        assert_eq!(to_json(&catalog), pretty(&catalog));
    }
    let mut catalog = catalog_core::Catalog::new(catalog_core::Meta {
        title: "引号\"、反斜杠\\、括号{}[]、逗号,冒号: 与\\\"".into(),
        region: Some("\u{1}\t\n\r\u{7f}\u{2028}😀".into()),
        ..Default::default()
    });
    catalog.entries.push(catalog_core::Entry {
        id: "\\".into(),
        item: vec!["[]".into(), "{}".into(), String::new()],
        channels: Vec::new(),
        extra: [("{\"k\":[1,2]}".to_owned(), "\\\\\"".to_owned()), (String::new(), ",".to_owned())].into(),
        ..Default::default()
    });
    catalog.entries.push(catalog_core::Entry::default());
    assert_eq!(to_json(&catalog), pretty(&catalog));
    assert_eq!(load_catalog(&to_json(&catalog)).expect("loads"), catalog);
}

proptest::proptest! {
    #[test]
    fn written_json_matches_pretty_printing_for_any_text(
        texts in proptest::collection::vec(proptest::prelude::any::<String>(), 0..6),
        lists in proptest::collection::vec(proptest::collection::vec("[\\[\\]{},:\"\\\\ a-z]{0,4}", 0..3), 0..4),
    ) {
        let mut catalog = catalog_core::Catalog::new(catalog_core::Meta::default());
        for (i, text) in texts.iter().enumerate() {
            catalog.entries.push(catalog_core::Entry {
                id: text.clone(),
                item: lists.get(i).cloned().unwrap_or_default(),
                extra: [(text.clone(), text.chars().rev().collect())].into(),
                ..Default::default()
            });
        }
        for list in &lists {
            catalog.entries.push(catalog_core::Entry { channels: list.clone(), ..Default::default() });
        }
        let pretty = format!("{}\n", serde_json::to_string_pretty(&catalog).expect("serialises"));
        proptest::prop_assert_eq!(to_json(&catalog), pretty);
    }
}
