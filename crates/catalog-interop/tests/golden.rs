//! Every layout family real catalogs use imports with every field intact: each fixture in tests/fixtures/import
//! against the catalog it must give (`*.expected.json`, built from the real rows, not by this importer).

use std::path::PathBuf;

use catalog_core::model::{Catalog, Entry};
use catalog_core::{Severity, load_catalog, validate};
use catalog_interop::import;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import")
}

fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("fixtures folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

fn field_diffs(got: &Entry, want: &Entry) -> Vec<String> {
    let g = serde_json::to_value(got).expect("entries serialise");
    let w = serde_json::to_value(want).expect("entries serialise");
    let keys: std::collections::BTreeSet<&String> =
        g.as_object().into_iter().chain(w.as_object()).flat_map(|o| o.keys()).collect();
    keys.into_iter()
        .filter(|k| g.get(*k) != w.get(*k))
        .map(|k| format!("{}.{k}: got {:?}, want {:?}", want.id, g.get(k), w.get(k)))
        .collect()
}

fn compare(name: &str, got: &Catalog, want: &Catalog) -> Vec<String> {
    let mut diffs = Vec::new();
    if got.meta != want.meta {
        diffs.push(format!("{name} meta: got {:?}, want {:?}", got.meta, want.meta));
    }
    if got.entries.len() != want.entries.len() {
        diffs.push(format!("{name}: {} entries, want {}", got.entries.len(), want.entries.len()));
    }
    for (g, w) in got.entries.iter().zip(&want.entries) {
        diffs.extend(field_diffs(g, w).into_iter().map(|d| format!("{name} {d}")));
    }
    diffs
}

#[test]
fn every_layout_family_imports_field_by_field() {
    let names = fixtures();
    assert!(names.len() >= 7, "{names:?}");
    let mut diffs = Vec::new();
    for name in &names {
        let bytes = std::fs::read(dir().join(name)).expect("fixture");
        let want =
            load_catalog(&std::fs::read_to_string(dir().join(format!("{name}.expected.json"))).expect("expected"))
                .expect("expected is v1");
        match import(&bytes, name) {
            Ok(imported) => diffs.extend(compare(name, &imported.catalog, &want)),
            Err(e) => diffs.push(format!("{name}: {}", e.message())),
        }
    }
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

#[test]
fn imported_real_rows_have_no_error() {
    // Rows only: a file without a title row does not say its government's level (meta.level), which the user sets.
    for name in fixtures() {
        let imported = import(&std::fs::read(dir().join(&name)).expect("fixture"), &name).expect("imports");
        let errors: Vec<String> = validate(&imported.catalog)
            .into_iter()
            .filter(|d| d.severity() == Severity::Error && d.entry.is_some())
            .map(|d| format!("{name} {:?} {:?}: {}", d.row, d.field, d.code()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn importer_reports_what_it_did() {
    let read = |name: &str| import(&std::fs::read(dir().join(name)).expect("fixture"), name).expect("imports");
    let codes = |name: &str| -> Vec<(String, Option<u32>)> {
        read(name).diagnostics.iter().map(|d| (d.code().to_owned(), d.row)).collect()
    };
    // 同上 cells at rows 5 and 6 (basis and time limit of 赛罕's second and third rows) and a blank 一级事项.
    let d = codes("d-headings-ditto.xlsx");
    assert!(d.contains(&("import.carried".into(), Some(5))), "{d:?}");
    assert!(d.contains(&("import.carried".into(), Some(6))), "{d:?}");
    // The national template's 一级事项 merged down.
    assert!(codes("a-national-template.xlsx").contains(&("import.carried".into(), Some(5))));
    // A cover sheet without a header is named, not silently dropped; extra columns are announced.
    let b = read("b-three-levels-group.xlsx");
    assert!(b.diagnostics.iter().any(|d| d.code() == "import.no-header" && d.sheet.as_deref() == Some("填报说明")));
    assert!(codes("c-words-single-header.xlsx").iter().any(|(c, _)| c == "import.extra-column"));
    // The encoding used is said.
    assert_eq!(read("f-gbk-title-domain.csv").encoding, Some("GB18030/GBK"));
    assert_eq!(read("g-utf16-tab.csv").encoding, Some("UTF-16LE"));
}
