//! Every export on real fixtures, run in headless Chromium (web.rs) and in Node (node.rs).

use js_sys::{JSON, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const XLSX: &[u8] = include_bytes!("../../../../tests/fixtures/import/a-national-template.xlsx");
const GBK_CSV: &[u8] = include_bytes!("../../../../tests/fixtures/import/f-gbk-title-domain.csv");
const BROKEN_CSV: &[u8] = include_bytes!("../../../../tests/fixtures/broken/broken-rows.csv");
const GOLDEN: [(&str, &[u8], &str); 3] = [
    (
        "a-national-template.xlsx",
        XLSX,
        include_str!("../../../../tests/fixtures/reports/a-national-template.xlsx.json"),
    ),
    ("f-gbk-title-domain.csv", GBK_CSV, include_str!("../../../../tests/fixtures/reports/f-gbk-title-domain.csv.json")),
    ("broken-rows.csv", BROKEN_CSV, include_str!("../../../../tests/fixtures/reports/broken-rows.csv.json")),
];

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn json(v: &JsValue) -> serde_json::Value {
    let text = JSON::stringify(v).ok().and_then(|s| s.as_string()).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)
}

fn error_code(e: js_sys::Error) -> String {
    get(&e.into(), "code").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn reports_are_byte_for_byte_the_native_cli_reports() {
    for (name, bytes, golden) in GOLDEN {
        assert_eq!(catalog_wasm::file_report(bytes, name).to_json(), golden, "{name}");
        let from_js = json(&catalog_wasm::validate_file(bytes, name).expect("report"));
        assert_eq!(from_js, serde_json::from_str::<serde_json::Value>(golden).expect("golden"), "{name} via JS");
    }
}

#[wasm_bindgen_test]
fn import_validate_and_export_round_trip() {
    let imported = catalog_wasm::import_file(XLSX, "a-national-template.xlsx", None).expect("imports");
    let catalog = get(&imported, "catalog");
    assert_eq!(json(&get(&catalog, "entries")).as_array().map(Vec::len), Some(4));
    assert!(get(&imported, "encoding").is_null());
    let gbk = catalog_wasm::import_file(GBK_CSV, "f-gbk-title-domain.csv", None).expect("imports");
    assert_eq!(get(&gbk, "encoding").as_string().as_deref(), Some("GB18030/GBK"));
    assert_eq!(json(&get(&gbk, "catalog"))["meta"]["government"], "方山县人民政府");

    let report = catalog_wasm::validate(catalog.clone(), None).expect("validates");
    assert_eq!(json(&report)["files"][0]["stats"]["entries"], 4);
    for format in ["xlsx", "csv", "json", "html"] {
        let bytes = catalog_wasm::export_catalog(catalog.clone(), format, JsValue::UNDEFINED).expect(format);
        assert!(bytes.len() > 200, "{format}");
        if format != "html" {
            let back = catalog_wasm::import_file(&bytes, &format!("导出.{format}"), None).expect("re-imports");
            assert_eq!(json(&get(&get(&back, "catalog"), "entries")).as_array().map(Vec::len), Some(4), "{format}");
        }
    }
    let as_array: Uint8Array = Uint8Array::from(XLSX);
    assert_eq!(as_array.length() as usize, XLSX.len());
}

#[wasm_bindgen_test]
fn domains_templates_schema_and_parsers() {
    let domains = json(&catalog_wasm::domains().expect("domains"));
    let pilot = domains.as_array().map(|d| d.iter().filter(|g| g["number"].as_u64() <= Some(26)).count());
    assert_eq!(pilot, Some(26));
    assert_eq!(domains[14]["name"], "社会救助");
    let template = catalog_wasm::template("社会救助", "乡镇").expect("template");
    assert_eq!(json(&template)["meta"]["level"], "乡级");
    let report = json(&catalog_wasm::validate(template, Some("社会救助.json".into())).expect("report"));
    assert_eq!(report["files"][0]["stats"]["errors"], 0);
    assert_eq!(report["files"][0]["path"], "社会救助.json");
    assert!(json(&catalog_wasm::schema().expect("schema"))["$schema"].is_string());
    let time = json(&catalog_wasm::parse_time_limit("信息形成或变更之日起20个工作日内").expect("parses"));
    assert_eq!(time["clauses"][0]["rule"]["kind"], "within");
    assert_eq!(time["clauses"][0]["rule"]["amount"], 20);
    let basis = json(
        &catalog_wasm::parse_basis("《中华人民共和国政府信息公开条例》(国务院令第711号)、国办发﹝2017﹞42号")
            .expect("parses"),
    );
    assert_eq!(basis["citations"][0]["title"], "中华人民共和国政府信息公开条例");
    assert_eq!(basis["problems"][0]["kind"], "non_standard_doc_number");
    assert!(!catalog_wasm::version().is_empty());
}

#[wasm_bindgen_test]
fn errors_are_error_objects_with_stable_codes() {
    let not_catalog = JSON::parse(r#"{"format":"excel","version":1}"#).expect("json");
    let e = catalog_wasm::validate(not_catalog, None).expect_err("refused");
    assert_eq!(error_code(e.clone()), "load.not-catalog");
    assert!(e.dyn_ref::<js_sys::Error>().is_some());
    assert!(get(&e.into(), "messageEn").as_string().is_some_and(|m| !m.is_empty()));
    let newer = JSON::parse(r#"{"format":"zwgk-catalog","version":2,"entries":{}}"#).expect("json");
    assert_eq!(error_code(catalog_wasm::validate(newer, None).expect_err("refused")), "load.newer-version");
    assert_eq!(
        error_code(catalog_wasm::import_file(b"PK\x03\x04junk", "坏.xlsx", None).expect_err("refused")),
        "import.workbook"
    );
    assert_eq!(error_code(catalog_wasm::template("火星事务", "乡级").expect_err("refused")), "template.domain");
    let any = JSON::parse(r#"{"format":"zwgk-catalog","version":1,"meta":{},"entries":[]}"#).expect("json");
    assert_eq!(
        error_code(catalog_wasm::export_catalog(any, "docx", JsValue::UNDEFINED).expect_err("refused")),
        "export.format"
    );
}

#[wasm_bindgen_test]
fn the_html_page_refuses_personal_data_unless_masking_is_asked_for() {
    let imported = catalog_wasm::import_file(XLSX, "a-national-template.xlsx", None).expect("imports");
    let mut catalog = json(&get(&imported, "catalog"));
    catalog["entries"][0]["content"] = "经办人手机13812345678".into();
    let catalog = JSON::parse(&catalog.to_string()).expect("json");

    let refused = catalog_wasm::export_catalog(catalog.clone(), "html", JsValue::UNDEFINED).expect_err("refused");
    let refused: JsValue = refused.into();
    assert_eq!(get(&refused, "code").as_string().as_deref(), Some("export.personal-data"));
    assert!(get(&refused, "messageEn").as_string().is_some_and(|m| m.contains("personal mobile number")));
    let off = JSON::parse(r#"{"maskPersonalData":false}"#).expect("json");
    assert!(catalog_wasm::export_catalog(catalog.clone(), "html", off).is_err(), "false is no masking");

    let on = JSON::parse(r#"{"maskPersonalData":true}"#).expect("json");
    let page =
        String::from_utf8(catalog_wasm::export_catalog(catalog.clone(), "html", on).expect("masked")).expect("utf-8");
    assert!(page.contains("经办人手机138****5678") && !page.contains("13812345678"));
    // The working formats are written as they are.
    let csv = catalog_wasm::export_catalog(catalog, "csv", JsValue::UNDEFINED).expect("csv");
    assert!(String::from_utf8_lossy(&csv).contains("13812345678"));
}

#[wasm_bindgen_test]
fn review_reports_and_diffs_cross_as_plain_objects() {
    let report = catalog_wasm::validate_file(XLSX, "a-national-template.xlsx").expect("report");
    let summary = json(&report)["files"][0]["summary"].clone();
    assert_eq!(summary["domains"].as_array().map(Vec::len), Some(26));
    assert_eq!(summary["entries"], 4);

    // A review report built in JS from validateFile's files, with a note, exported in each format.
    let files = get(&report, "files");
    let first = Reflect::get(&files, &0.into()).expect("a file");
    let note = JSON::parse(r#"{"status":"return","comment":"请补充"}"#).expect("json");
    Reflect::set(&first, &"note".into(), &note).expect("settable");
    let review = JSON::parse(r#"{"valid":true,"files":[]}"#).expect("json");
    Reflect::set(&review, &"files".into(), &files).expect("settable");
    for format in ["xlsx", "json", "html"] {
        let bytes = catalog_wasm::export_review(review.clone(), format).expect(format);
        assert!(bytes.len() > 200, "{format}");
    }
    let back: serde_json::Value =
        serde_json::from_slice(&catalog_wasm::export_review(review.clone(), "json").expect("json")).expect("JSON");
    assert_eq!(back["files"][0]["note"]["status"], "return");
    assert_eq!(error_code(catalog_wasm::export_review(review, "csv").expect_err("refused")), "export.format");
    let not_report = JSON::parse(r#"{"files":3}"#).expect("json");
    assert_eq!(error_code(catalog_wasm::export_review(not_report, "json").expect_err("refused")), "load.not-report");

    // Two versions: the second with one entry's 公开时限 changed.
    let old = get(&catalog_wasm::import_file(XLSX, "a-national-template.xlsx", None).expect("imports"), "catalog");
    let new = JSON::parse(&JSON::stringify(&old).ok().and_then(|s| s.as_string()).unwrap_or_default()).expect("copy");
    let entry = Reflect::get(&get(&new, "entries"), &0.into()).expect("an entry");
    Reflect::set(&entry, &"time_limit".into(), &"信息形成之日起5个工作日内".into()).expect("settable");
    let diff = catalog_wasm::diff_catalogs(old, new).expect("diff");
    let d = json(&diff);
    assert_eq!(d["changed"][0]["changes"][0]["field"], "time_limit");
    assert_eq!(d["changed"][0]["changes"][0]["new"], "信息形成之日起5个工作日内");
    assert_eq!(d["unchanged"], 3);
    for format in ["xlsx", "html", "json"] {
        assert!(catalog_wasm::export_diff(diff.clone(), format).expect(format).len() > 200, "{format}");
    }
}
