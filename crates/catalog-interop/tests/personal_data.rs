//! The HTML page is published to everyone: personal data in the text it shows is refused, or masked when the caller
//! asks for it. The working formats (XLSX, CSV, JSON) keep the text unless masking is asked for.

use catalog_core::load_catalog;
use catalog_core::model::{Catalog, SourceRef};
use catalog_interop::{ExportFailure, ExportFormat, ExportOptions, export, export_with};

fn example() -> Catalog {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/example-township.json");
    load_catalog(&std::fs::read_to_string(path).expect("fixture")).expect("v1")
}

/// A valid 公民身份号码 from its first 17 digits (check character computed).
fn id_number(first17: &str) -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17.bytes().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

fn leaky() -> (Catalog, String) {
    let id = id_number("33010619800101123");
    let mut c = example();
    let e = &mut c.entries[0];
    e.audience = "全社会".into();
    e.source = Some(SourceRef { sheet: Some("社会救助".into()), row: Some(12) });
    e.content = format!("低保对象张三，身份证号{id}，联系电话138-1234-5678");
    e.subject = "镇民政办（0571-87654321）".into();
    (c, id)
}

fn html(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("utf-8")
}

#[test]
fn the_html_page_refuses_personal_data_and_says_where() {
    let (c, id) = leaky();
    let err = export_with(&c, ExportFormat::Html, &ExportOptions::default()).expect_err("refused");
    assert_eq!(err.code(), "export.personal-data");
    let ExportFailure::PersonalData(hits) = &err else { panic!("not a personal-data refusal: {err:?}") };
    assert_eq!(hits.len(), 2, "the ID number and the mobile; the office landline is public: {hits:?}");
    let label = c.entries[0].label(0);
    let (zh, en) = (err.message(), err.message_en());
    assert!(zh.contains(&format!("事项 {label}（第12行） 公开内容（要素）")), "{zh}");
    assert!(zh.contains("公民身份号码（330106********") && zh.contains("个人手机号码（138-****-5678）"), "{zh}");
    assert!(en.contains(&format!("entry {label} (row 12), content")) && en.contains("personal mobile number"), "{en}");
    assert!(!zh.contains(&id) && !en.contains(&id), "the message itself does not leak the number");
    // The old entry point refuses the same way, with the code in its text.
    let old = export(&c, ExportFormat::Html).expect_err("refused");
    assert!(old.to_string().contains("export.personal-data"), "{old}");
}

#[test]
fn masking_on_request_writes_the_page_with_the_documented_digits_kept() {
    let (c, id) = leaky();
    let page = html(export_with(&c, ExportFormat::Html, &ExportOptions { mask_personal_data: true }).expect("masked"));
    assert!(page.contains(&format!("身份证号330106********{}", &id[14..])), "ID keeps 6 + 4");
    assert!(page.contains("联系电话138-****-5678"), "mobile keeps 3 + 4");
    assert!(page.contains("0571-87654321"), "office landlines stay");
    assert!(!page.contains(&id) && !page.contains("1234-5678"));
}

#[test]
fn working_formats_keep_the_text_unless_masking_is_asked_for() {
    let (c, id) = leaky();
    for (format, ext) in [(ExportFormat::Json, "json"), (ExportFormat::Csv, "csv"), (ExportFormat::Xlsx, "xlsx")] {
        let plain = export(&c, format).expect("working formats are not refused");
        let masked = export_with(&c, format, &ExportOptions { mask_personal_data: true }).expect("masked");
        if format != ExportFormat::Xlsx {
            // XLSX is a zip: its text is compressed, so only the readable formats are searched.
            assert!(String::from_utf8_lossy(&plain).contains(&id), "{format:?} keeps the text");
            assert!(!String::from_utf8_lossy(&masked).contains(&id), "{format:?} masked");
        }
        let back = catalog_interop::import(&masked, &format!("masked.{ext}")).expect("re-imports");
        assert!(catalog_core::privacy::scan_catalog(&back.catalog).is_empty(), "{format:?} re-imports masked");
        let back = catalog_interop::import(&plain, &format!("plain.{ext}")).expect("re-imports");
        assert_eq!(catalog_core::privacy::scan_catalog(&back.catalog).len(), 2, "{format:?} keeps both numbers");
    }
}

#[test]
fn a_catalog_without_personal_data_exports_unchanged_either_way() {
    let c = example();
    let plain = export(&c, ExportFormat::Html).expect("no personal data");
    let masked = export_with(&c, ExportFormat::Html, &ExportOptions { mask_personal_data: true }).expect("masked");
    assert_eq!(plain, masked);
}
