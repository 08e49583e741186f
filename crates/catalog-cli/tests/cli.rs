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
    let out = catalog(&[
        "validate",
        "--details",
        dir.join("*.xlsx").to_str().expect("utf-8"),
        dir.join("*.csv").to_str().expect("utf-8"),
    ]);
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
    // The 26 pilot domains, then the later national ones (交通运输 …).
    assert_eq!(rows.iter().filter(|r| r["later"] == false).count(), 26);
    assert!(rows.iter().any(|r| r["name"] == "交通运输" && r["later"] == true));
    assert!(rows.iter().any(|r| r["name"] == "就业" && r["stated_items"] == 25));
    assert_eq!(rows[14]["name"], "社会救助");
    assert_eq!(rows[14]["document_number"], "民办函〔2019〕52号");
    assert!(rows.iter().all(|r| r["items"].as_u64().unwrap_or(0) > 0));
    let text = stdout(&catalog(&["domains"]));
    assert!(text.contains("社会救助") && text.contains("民办函〔2019〕52号"));
    assert!(text.contains("交通运输（新增领域）"));
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

/// The fixtures of every layout family, the broken CSV and the example township, in a fixed order.
fn many_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(fixture("import"))
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx" || x == "csv"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    files.push(fixture("broken/broken-rows.csv").to_string_lossy().into_owned());
    files.push(fixture("example-township.json").to_string_lossy().into_owned());
    files
}

#[test]
fn many_files_print_one_line_each_in_the_order_given_then_totals() {
    let mut files = many_files();
    files.reverse();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let out = catalog(&args);
    assert_eq!(out.status.code(), Some(1), "the broken CSV has errors");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), files.len() + 1, "{text}");
    for (line, file) in lines.iter().zip(&files) {
        assert!(line[4..].starts_with(file.as_str()), "{line} / {file}");
    }
    let example = lines[0];
    assert!(
        example.starts_with("✓ ") && example.contains("示例县示例镇人民政府 · 乡级 · 2024版 · 54个事项 · 0个错误"),
        "{example}"
    );
    assert!(example.contains("覆盖10个领域（不涉及14个，缺失2个）"), "{example}");
    let totals = lines[files.len()];
    assert!(totals.starts_with(&format!("共{}个文件：", files.len())), "{totals}");

    // JSON keeps the same order, with each readable file's summary.
    let mut args = vec!["validate", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let report: serde_json::Value = serde_json::from_str(&stdout(&catalog(&args))).expect("JSON report");
    let paths: Vec<&str> =
        report["files"].as_array().expect("files").iter().filter_map(|f| f["path"].as_str()).collect();
    assert_eq!(paths, files);
    assert_eq!(report["files"][0]["summary"]["domains_covered"].as_array().map(Vec::len), Some(10));
}

#[test]
fn a_file_over_the_limit_is_refused_from_its_size() {
    let big = tmp("巨大.csv");
    let file = std::fs::File::create(&big).expect("create");
    // Sparse: nothing is written, and the CLI must not read it either.
    file.set_len(65 * 1024 * 1024).expect("set_len");
    let out = catalog(&["validate", "--format", "json", big.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    assert_eq!(report["files"][0]["error"]["code"], "import.too-large");
    assert!(report["files"][0]["error"]["message"].as_str().unwrap_or("").contains("文件过大"));
    let _ = std::fs::remove_file(big);
}

fn validate_with_report(report: &std::path::Path) -> Output {
    let mut args = vec!["validate".to_owned(), "--report".to_owned(), report.to_string_lossy().into_owned()];
    args.extend(many_files());
    args.push("/nonexistent/目录.xlsx".to_owned());
    Command::new(env!("CARGO_BIN_EXE_catalog")).args(&args).output().expect("runs")
}

#[test]
fn review_report_as_xlsx_reads_back() {
    use calamine::{Reader, Xlsx};
    let path = tmp("审核报告.xlsx");
    let out = validate_with_report(&path);
    assert_eq!(out.status.code(), Some(2), "an unreadable file: {}", String::from_utf8_lossy(&out.stderr));
    let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("a workbook");
    assert_eq!(book.sheet_names(), ["汇总", "问题清单", "领域覆盖"]);
    let summary = book.worksheet_range("汇总").expect("sheet");
    let files = many_files();
    assert_eq!(summary.height(), files.len() + 2);
    let cell = |r: u32, c: u32| summary.get_value((r, c)).map(|d| d.to_string()).unwrap_or_default();
    let col = |name: &str| (0..summary.width() as u32).find(|&c| cell(0, c) == name).expect(name);
    assert_eq!(cell(files.len() as u32, col("编制单位")), "示例县示例镇人民政府");
    assert_eq!(cell(files.len() as u32, col("事项数")), "54");
    assert_eq!(cell(files.len() as u32, col("覆盖领域")), "10");
    assert!(cell(files.len() as u32 + 1, col("无法读取原因")).contains("文件不存在"));
    let issues = book.worksheet_range("问题清单").expect("sheet");
    assert!(issues.height() > 100);
    let matrix = book.worksheet_range("领域覆盖").expect("sheet");
    assert_eq!(matrix.get_value((0, 16)).map(|d| d.to_string()).as_deref(), Some("社会救助"));
}

#[test]
fn review_report_as_json_and_html() {
    let json_path = tmp("审核报告.json");
    validate_with_report(&json_path);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).expect("written")).expect("JSON");
    let files = report["files"].as_array().expect("files");
    assert_eq!(files.len(), many_files().len() + 1);
    assert!(
        files
            .iter()
            .filter(|f| f["error"].is_null())
            .all(|f| f["summary"]["domains"].as_array().map(Vec::len) == Some(26))
    );
    assert_eq!(files.last().map(|f| f["error"]["code"].clone()), Some("file.read".into()));

    let html_path = tmp("审核报告.html");
    validate_with_report(&html_path);
    let html = std::fs::read_to_string(&html_path).expect("written");
    assert!(html.contains("<table class=\"matrix\">") && html.contains("示例县示例镇人民政府"));
    assert!(!html.contains("<script"));

    let csv = catalog(&[
        "validate",
        "--report",
        tmp("审核报告.csv").to_str().expect("utf-8"),
        fixture("example-township.json").to_str().expect("utf-8"),
    ]);
    assert_eq!(csv.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&csv.stderr).contains(".xlsx、.json 或 .html"));
}

/// Two versions of the example township: one 公开时限 changed, one entry removed, the revision raised.
fn two_versions() -> (PathBuf, PathBuf) {
    let text = std::fs::read_to_string(fixture("example-township.json")).expect("fixture");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
    json["meta"]["revision"] = "2025版".into();
    json["entries"][0]["time_limit"] = "信息形成之日起5个工作日内".into();
    json["entries"].as_array_mut().expect("entries").remove(3);
    let new = tmp("新版.json");
    std::fs::write(&new, json.to_string()).expect("write");
    (fixture("example-township.json"), new)
}

#[test]
fn diff_prints_the_change_list_and_exits_1_when_versions_differ() {
    let (old, new) = two_versions();
    let out = catalog(&["diff", old.to_str().expect("utf-8"), new.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("新增0项、删除1项、修改1项、未变52项"), "{text}");
    assert!(text.contains("目录信息 版次：2024版 → 2025版"), "{text}");
    assert!(text.contains("  公开时限：") && text.contains("→ 信息形成之日起5个工作日内"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("删除 ")), "{text}");

    let same = catalog(&["diff", old.to_str().expect("utf-8"), old.to_str().expect("utf-8")]);
    assert_eq!(same.status.code(), Some(0));
    let missing = catalog(&["diff", old.to_str().expect("utf-8"), "/nonexistent.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("文件不存在"));
}

#[test]
fn diff_writes_json_xlsx_and_html() {
    use calamine::{Reader, Xlsx};
    let (old, new) = two_versions();
    let (old, new) = (old.to_str().expect("utf-8"), new.to_str().expect("utf-8"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&catalog(&["diff", "--format", "json", old, new]))).expect("JSON");
    assert_eq!(json["changed"][0]["changes"][0]["field"], "time_limit");
    assert_eq!(json["removed"].as_array().map(Vec::len), Some(1));

    let xlsx = tmp("调整说明.xlsx");
    let out = catalog(&["diff", old, new, "-o", xlsx.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).expect("a workbook");
    let detail = book.worksheet_range("调整明细").expect("sheet");
    let kinds: Vec<String> = (1..detail.height() as u32)
        .map(|r| detail.get_value((r, 1)).map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(kinds, ["目录信息", "修改", "删除"]);

    let html = tmp("调整说明.html");
    catalog(&["diff", "--format", "html", old, new, "-o", html.to_str().expect("utf-8")]);
    let page = std::fs::read_to_string(&html).expect("written");
    assert!(page.contains("<ins>信息形成之日起5个工作日内</ins>") && page.contains("删除的事项（1项）"));

    let no_output = catalog(&["diff", "--format", "xlsx", old, new]);
    assert_eq!(no_output.status.code(), Some(2));
}

/// A township's table whose headers are its own words (no header the importer knows).
fn own_words_csv() -> PathBuf {
    let path = tmp("自拟表头.csv");
    std::fs::write(
        &path,
        "某县某镇社会救助领域基层政务公开标准目录\n序号,事项,具体事项,说明,法律依据,时间要求,责任单位,发布途径,范围,形式,层级\n\
         1,最低生活保障,审批信息,低保对象名单,《社会救助暂行办法》,信息形成之日起20个工作日内,某镇人民政府,政府网站,全社会,主动,乡级\n",
    )
    .expect("write");
    path
}

#[test]
fn column_mappings_from_map_and_mapping_files() {
    let csv = own_words_csv();
    let path = csv.to_str().expect("utf-8");
    let unmapped = catalog(&["validate", path]);
    assert_eq!(unmapped.status.code(), Some(2), "no header the importer knows: {}", stdout(&unmapped));

    let maps = [
        "--map",
        "事项=item1",
        "--map",
        "具体事项=二级事项",
        "--map",
        "说明=content",
        "--map",
        "时间要求=time_limit",
        "--map",
        "责任单位=公开主体",
        "--map",
        "发布途径=channels",
        "--map",
        "范围=audience",
        "--map",
        "形式=mode",
        "--map",
        "层级=levels",
    ];
    let mut args = vec!["validate", "--format", "json"];
    args.extend(maps);
    args.push(path);
    let out = catalog(&args);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json report");
    assert_eq!(report["files"][0]["stats"]["entries"], 1);
    assert_eq!(report["files"][0]["valid"], true);

    // The same mapping as a file, with a --map after it changing one column.
    let mapping = tmp("映射.json");
    std::fs::write(
        &mapping,
        r#"{"事项": "一级事项", "具体事项": "item2", "说明": "公开内容", "时间要求": "公开时限", "责任单位": "subject",
            "发布途径": "公开渠道和载体", "范围": "公开对象", "形式": "公开方式", "层级": "公开层级"}"#,
    )
    .expect("write mapping");
    let json = tmp("映射后.json");
    let out = catalog(&[
        "convert",
        path,
        "-o",
        json.to_str().expect("utf-8"),
        "--mapping",
        mapping.to_str().expect("utf-8"),
        "--map",
        "说明=extra",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let converted: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("written")).expect("v1");
    assert_eq!(converted["entries"][0]["item"], serde_json::json!(["最低生活保障", "审批信息"]));
    assert_eq!(converted["entries"][0]["content"], "", "--map after the file wins");
    assert_eq!(converted["entries"][0]["extra"]["说明"], "低保对象名单");
    assert_eq!(converted["entries"][0]["levels"], serde_json::json!(["乡级"]));

    // A mapping that cannot be used is refused before any file is read.
    let bad = catalog(&["validate", "--map", "说明=颜色", path]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("无法识别的字段“颜色”"));
    let bad = catalog(&["validate", "--mapping", "/nonexistent.json", path]);
    assert_eq!(bad.status.code(), Some(2));
}
