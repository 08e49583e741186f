//! The `catalog` binary as a user runs it: exit codes, text and JSON output, templates, schema.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(name)
}

fn catalog(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_catalog")).args(args).output().expect("the catalog binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("catalog-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

#[test]
fn a_clean_catalog_exits_0_and_reports_in_chinese() {
    let out = catalog(&["validate", fixture("example-township.json").to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("54个事项 · 0个错误"), "{text}");
    assert!(text.contains("未覆盖“财政预决算”领域"), "{text}");
}

#[test]
fn errors_exit_1_with_row_and_field() {
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("example-township.json")).expect("fixture"))
            .expect("json");
    json["entries"][0]["mode"] = "".into();
    json["entries"][0]["source"] = serde_json::json!({"sheet": "社会救助", "row": 5});
    let path = tmp("broken.json");
    std::fs::write(&path, json.to_string()).expect("write");
    let out = catalog(&["validate", "--en", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("错误 社会救助 第5行 公开方式：缺少必填要素“公开方式” [entry.required]"), "{text}");
    assert!(text.contains("required element mode is missing"), "{text}");
}

#[test]
fn unreadable_files_exit_2_and_the_others_are_still_checked() {
    let not_json = tmp("notes.json");
    std::fs::write(&not_json, "这不是JSON").expect("write");
    let garbage = tmp("坏表格.xlsx");
    std::fs::write(&garbage, b"PK\x03\x04 not really a workbook").expect("write");
    let out = catalog(&[
        "validate",
        "--format",
        "json",
        fixture("example-township.json").to_str().expect("utf-8"),
        not_json.to_str().expect("utf-8"),
        garbage.to_str().expect("utf-8"),
        "/nonexistent/目录.json",
        "目录.pdf",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    let files = report["files"].as_array().expect("files");
    assert_eq!(files.len(), 5);
    assert_eq!(files[0]["valid"], true);
    let codes: Vec<&str> = files[1..].iter().map(|f| f["error"]["code"].as_str().unwrap_or("")).collect();
    assert_eq!(codes, ["load.syntax", "import.workbook", "file.read", "file.read"]);
    assert!(files[2]["error"]["message"].as_str().unwrap_or("").contains("无法打开该 Excel 文件"));
    assert!(files[3]["error"]["message"].as_str().unwrap_or("").contains("文件不存在"));
    assert_eq!(report["valid"], false);
}

#[test]
fn validates_spreadsheets_and_csv_with_rows_and_sheets() {
    let dir = fixture("import");
    let out =
        catalog(&["validate", dir.join("*.xlsx").to_str().expect("utf-8"), dir.join("*.csv").to_str().expect("utf-8")]);
    let text = stdout(&out);
    assert!(text.contains("a-national-template.xlsx") && text.contains("f-gbk-title-domain.csv"), "{text}");
    assert!(text.contains("共7个文件"), "{text}");
    assert!(text.contains("文件编码识别为 GB18030/GBK"), "{text}");
    assert!(text.contains("Sheet1 第6行"), "rows named as Excel shows them: {text}");

    let broken = catalog(&["validate", fixture("broken/broken-rows.csv").to_str().expect("utf-8")]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(stdout(&broken).contains("错误 第4行 公开时限：缺少必填要素“公开时限”"), "{}", stdout(&broken));
}

#[test]
fn convert_between_every_format() {
    let xlsx = tmp("转换.xlsx");
    let out = catalog(&[
        "convert",
        fixture("import/d-headings-ditto.xlsx").to_str().expect("utf-8"),
        "-o",
        xlsx.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("import.carried"), "import diagnostics go to stderr");
    for ext in ["csv", "json", "html"] {
        let target = tmp(&format!("转换.{ext}"));
        let out = catalog(&["convert", xlsx.to_str().expect("utf-8"), "-o", target.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(0));
        assert!(std::fs::metadata(&target).map(|m| m.len() > 100).unwrap_or(false));
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp("转换.json")).expect("json")).expect("v1");
    assert_eq!(json["entries"].as_array().map(Vec::len), Some(5));
    assert_eq!(json["entries"][2]["time_limit"], "及时公开", "同上 resolved");

    let missing = catalog(&["convert", "/nonexistent.xlsx", "-o", tmp("x.json").to_str().expect("utf-8")]);
    assert_eq!(missing.status.code(), Some(2));
    let unknown = catalog(&["convert", fixture("example-township.json").to_str().expect("utf-8"), "-o", "x.docx"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn json_report_has_the_contract_shape() {
    let out = catalog(&["validate", "--format", "json", fixture("real-rows.json").to_str().expect("utf-8")]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    let file = &report["files"][0];
    for key in ["path", "valid", "stats", "coverage", "diagnostics"] {
        assert!(file.get(key).is_some(), "missing {key}");
    }
    for key in ["entries", "errors", "warnings", "infos"] {
        assert!(file["stats"][key].is_u64(), "stats.{key}");
    }
    assert_eq!(file["coverage"]["社会救助"], 5);
    let d = &file["diagnostics"][0];
    for key in ["code", "severity", "entry", "row", "field", "message", "message_en", "fix"] {
        assert!(d.get(key).is_some(), "diagnostic lacks {key}: {d}");
    }
}

#[test]
fn template_then_validate_has_no_error() {
    let path = tmp("jiuzhu.json");
    let out = catalog(&["template", "--domain", "社会救助", "--level", "乡镇", "-o", path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("written")).expect("json");
    assert_eq!(written["meta"]["level"], "乡级");
    let out = catalog(&["validate", path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    let unknown = catalog(&["template", "--domain", "火星事务"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("未知领域"));
}

#[test]
fn domains_lists_26_with_counts_and_numbers() {
    let out = catalog(&["domains", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(rows.len(), 26);
    assert_eq!(rows[14]["name"], "社会救助");
    assert_eq!(rows[14]["document_number"], "民办函〔2019〕52号");
    assert!(rows.iter().all(|r| r["items"].as_u64().unwrap_or(0) > 0));
    let text = stdout(&catalog(&["domains"]));
    assert!(text.contains("社会救助") && text.contains("民办函〔2019〕52号"));
}

#[test]
fn schema_prints_the_committed_schema() {
    let out = catalog(&["schema"]);
    let committed = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../catalog-core/schema/catalog-v1.schema.json"),
    )
    .expect("committed schema");
    assert_eq!(stdout(&out), committed);
}

/// The reports in tests/fixtures/reports are what the wasm package must give too (crates/catalog-wasm/tests).
#[test]
fn json_reports_match_the_shared_golden_reports() {
    for (dir, name) in
        [("import", "a-national-template.xlsx"), ("import", "f-gbk-title-domain.csv"), ("broken", "broken-rows.csv")]
    {
        let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
            .args(["validate", "--format", "json", name])
            .current_dir(fixture(dir))
            .output()
            .expect("runs");
        let golden = std::fs::read_to_string(fixture("reports").join(format!("{name}.json"))).expect("golden report");
        assert_eq!(stdout(&out), golden, "{name}: regenerate with `cargo xtask fixtures` if the rules changed");
    }
}
