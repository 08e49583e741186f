//! A catalog with deliberate mistakes: each finding lands on the row Excel shows and the field at fault.

use catalog_core::validate;
use catalog_interop::import;

#[test]
fn broken_rows_are_reported_at_their_row_and_field() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/broken/broken-rows.csv");
    let imported = import(&std::fs::read(path).expect("fixture"), "broken-rows.csv").expect("imports");
    assert_eq!(imported.catalog.entries.len(), 6);
    assert_eq!(imported.catalog.meta.government, "某县某镇人民政府");
    assert_eq!(imported.catalog.meta.level, "乡级");
    let mut found: Vec<(String, Option<u32>, Option<&str>)> =
        imported.diagnostics.iter().map(|d| (d.code().to_owned(), d.row, d.field)).collect();
    found.extend(validate(&imported.catalog).iter().map(|d| (d.code().to_owned(), d.row, d.field)));
    let expect = [
        ("entry.required", 4, "time_limit"),
        ("mode.withheld-reason", 5, "withheld_reason"),
        ("audience.group-missing", 5, "audience_group"),
        ("privacy.id-number", 6, "content"),
        ("basis.garbled-number", 7, "basis"),
        ("import.carried", 8, "basis"),
        ("import.carried", 8, "time_limit"),
        ("entry.required", 8, "mode"),
    ];
    for (code, row, field) in expect {
        assert!(
            found.iter().any(|(c, r, f)| c == code && *r == Some(row) && *f == Some(field)),
            "{code} at row {row} field {field} not in {found:#?}"
        );
    }
    // The unknown mode word is not lost: it is kept in extra for the user to see.
    let last = &imported.catalog.entries[5];
    assert_eq!(last.extra.get("公开方式").map(String::as_str), Some("公开"));
    assert_eq!(last.basis, imported.catalog.entries[4].basis, "同上 took the value above");
    // level.compound is not raised on import: the importer already split 乡、村级.
    assert_eq!(imported.catalog.entries[3].levels, ["乡级", "村级"]);
}

#[test]
fn readme_documents_every_import_code() {
    let readme = include_str!("../README.md");
    for code in [
        "import.carried",
        "import.skipped-row",
        "import.extra-column",
        "import.mark",
        "import.no-header",
        "import.encoding",
        "import.unsupported",
        "import.too-large",
        "import.zip-bomb",
        "import.too-many-rows",
        "import.too-many-columns",
        "import.cell-too-long",
        "import.not-text",
        "import.csv",
        "import.workbook",
        "import.no-table",
        "import.domain-inferred",
        "import.levels-inferred",
        "import.levels-unknown",
        "import.no-column",
        "import.no-tick",
        "import.tick-unresolved",
        "import.checklist-no-glyph",
        "import.continuation",
        "import.mapped",
        "import.mapping-unused",
    ] {
        assert!(readme.contains(&format!("`{code}`")), "README lacks {code}");
    }
}
