//! The combined review report (XLSX, JSON, HTML) and the change list of two versions (XLSX, HTML), read back as
//! the people who open them would.

use calamine::{Data, Range, Reader, Xlsx};
use catalog_core::diff::diff;
use catalog_core::load_catalog;
use catalog_core::model::Catalog;
use catalog_core::review::{ReviewNote, ReviewReport, ReviewStatus};
use catalog_core::{FileReport, Report};
use catalog_interop::{ExportFormat, export_diff, export_review, report_file};

fn fixture(path: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(path);
    std::fs::read(path).expect("fixture")
}

fn example() -> Catalog {
    load_catalog(&String::from_utf8(fixture("example-township.json")).expect("UTF-8")).expect("v1")
}

/// Three readable files (one with errors), one unreadable, and a government name that must be escaped.
fn review() -> ReviewReport {
    let mut hostile = example();
    hostile.meta.government = "<script>alert(1)</script>某镇".into();
    let files = vec![
        report_file(&fixture("import/a-national-template.xlsx"), "甲/a-national-template.xlsx"),
        report_file(&fixture("broken/broken-rows.csv"), "broken-rows.csv"),
        report_file(b"PK\x03\x04 not a workbook", "坏文件.xlsx"),
        FileReport::for_catalog("hostile.json", &hostile),
    ];
    let notes = vec![
        Some(ReviewNote { status: ReviewStatus::Pass, comment: String::new() }),
        Some(ReviewNote { status: ReviewStatus::Return, comment: "请补全公开方式 & <依据>".into() }),
    ];
    ReviewReport::new(Report::new(files), notes)
}

fn book(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("a real workbook")
}

fn text(sheet: &Range<Data>, r: u32, c: u32) -> String {
    sheet.get_value((r, c)).map(|d| d.to_string()).unwrap_or_default()
}

fn column(sheet: &Range<Data>, name: &str) -> u32 {
    (0..sheet.width() as u32).find(|&c| text(sheet, 0, c) == name).unwrap_or_else(|| panic!("column {name}"))
}

#[test]
fn review_xlsx_has_the_summary_the_issues_and_the_coverage_matrix() {
    let review = review();
    let mut book = book(export_review(&review, ExportFormat::Xlsx).expect("writes"));
    assert_eq!(book.sheet_names(), ["汇总", "问题清单", "领域覆盖"]);

    let summary = book.worksheet_range("汇总").expect("sheet");
    assert_eq!(summary.height(), 1 + review.files.len());
    for (i, file) in review.files.iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!(text(&summary, r, column(&summary, "文件")), file.report.path);
        if let Some(s) = &file.report.summary {
            assert_eq!(text(&summary, r, column(&summary, "事项数")), s.entries.to_string());
            assert_eq!(text(&summary, r, column(&summary, "错误")), s.errors.to_string());
            assert_eq!(text(&summary, r, column(&summary, "警告")), s.warnings.to_string());
            assert_eq!(text(&summary, r, column(&summary, "覆盖领域")), s.domains_covered.len().to_string());
        }
    }
    assert_eq!(text(&summary, 1, column(&summary, "审核结论")), "通过");
    assert_eq!(text(&summary, 2, column(&summary, "审核结论")), "返回修改");
    assert_eq!(text(&summary, 2, column(&summary, "审核意见")), "请补全公开方式 & <依据>");
    assert_eq!(text(&summary, 3, column(&summary, "审核结论")), "");
    assert!(text(&summary, 3, column(&summary, "无法读取原因")).starts_with("坏文件.xlsx："));
    assert_eq!(text(&summary, 4, column(&summary, "编制单位")), "<script>alert(1)</script>某镇");

    let issues = book.worksheet_range("问题清单").expect("sheet");
    let expected: usize =
        review.files.iter().map(|f| f.report.diagnostics.len() + usize::from(f.report.error.is_some())).sum();
    assert_eq!(issues.height(), 1 + expected);
    // The broken CSV's diagnostics keep their row as Excel shows it, their field and code.
    let broken = &review.files[1].report;
    let first_located = broken.diagnostics.iter().position(|d| d.row.is_some()).expect("located findings");
    let d = &broken.diagnostics[first_located];
    let at = 1 + review.files[0].report.diagnostics.len() as u32 + first_located as u32;
    assert_eq!(text(&issues, at, column(&issues, "文件")), "broken-rows.csv");
    assert_eq!(text(&issues, at, column(&issues, "行")), d.row.map(|r| r.to_string()).unwrap_or_default());
    assert_eq!(text(&issues, at, column(&issues, "代码")), d.code);
    assert_eq!(text(&issues, at, column(&issues, "说明")), d.message);
    let unreadable = (1..issues.height() as u32)
        .find(|&r| text(&issues, r, 0) == "坏文件.xlsx")
        .expect("the unreadable file is listed with its reason");
    assert_eq!(text(&issues, unreadable, column(&issues, "级别")), "错误");

    let matrix = book.worksheet_range("领域覆盖").expect("sheet");
    assert_eq!(text(&matrix, 0, 2), "重大建设项目");
    assert_eq!(text(&matrix, 0, 27), "城乡规划");
    let readable: Vec<_> = review.files.iter().filter_map(|f| f.report.summary.as_ref()).collect();
    for (i, s) in readable.iter().enumerate() {
        for (c, d) in s.domains.iter().enumerate() {
            let cell = text(&matrix, i as u32 + 1, c as u32 + 2);
            let status = catalog_core::messages::coverage_zh(&d.coverage);
            assert!(cell.starts_with(status), "{cell} / {status}");
        }
    }
    // Footer: per domain, catalogs covering it + declaring it not applicable + missing it = readable catalogs.
    let footer = readable.len() as u32 + 1;
    for c in 2..28 {
        let sum: usize = (0..3).map(|k| text(&matrix, footer + k, c).parse::<usize>().expect("a count")).sum();
        assert_eq!(sum, readable.len());
    }
}

#[test]
fn review_json_is_the_core_report_with_summaries_and_notes() {
    let review = review();
    let bytes = export_review(&review, ExportFormat::Json).expect("writes");
    let back: ReviewReport = serde_json::from_slice(&bytes).expect("reads back");
    assert_eq!(back, review);
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    assert_eq!(json["files"][1]["note"]["status"], "return");
    assert_eq!(json["files"][0]["summary"]["domains"].as_array().map(Vec::len), Some(26));
    assert!(json["files"][2].get("summary").is_none());
    assert_eq!(json["files"][2]["error"]["code"], "import.workbook");
}

#[test]
fn review_html_is_self_contained_escaped_and_has_the_matrix() {
    let html = String::from_utf8(export_review(&review(), ExportFormat::Html).expect("writes")).expect("UTF-8");
    assert!(!html.contains("<script"), "nothing is executable");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;某镇"));
    assert!(html.contains("请补全公开方式 &amp; &lt;依据&gt;"));
    assert!(html.contains("default-src 'none'"));
    assert!(!html.contains("http://") && !html.contains("https://"), "no external resources");
    assert!(html.contains("<table class=\"matrix\">"));
    assert_eq!(html.matches("<th class=\"d\" scope=\"col\">").count(), 26);
    // One matrix row per readable file (3), each with 26 cells.
    let body = html.split("<table class=\"matrix\">").nth(1).and_then(|m| m.split("<tfoot>").next()).expect("matrix");
    assert_eq!(body.matches("<tr><th scope=\"row\">").count(), 3);
    assert_eq!(body.matches("<td class=").count(), 3 * 26);
    assert!(html.contains("无法读取："));
}

#[test]
fn csv_is_refused_for_reports_and_change_lists() {
    let review = review();
    assert!(export_review(&review, ExportFormat::Csv).is_err());
    let c = example();
    assert!(export_diff(&diff(&c, &c), ExportFormat::Csv).is_err());
}

/// A new version: one field changed, one entry added, one removed, the revision and a declaration changed.
fn versions() -> (Catalog, Catalog) {
    let old = example();
    let mut new = old.clone();
    new.meta.revision = Some("2025版".into());
    new.entries[0].time_limit = "信息形成之日起5个工作日内".into();
    new.entries[0].channels.push("<b>镇微信公众号</b>".into());
    new.entries.remove(1);
    let mut added = new.entries[0].clone();
    added.id = "new-1".into();
    added.item = vec!["临时救助".into(), "急难型救助&审批".into()];
    new.entries.push(added);
    new.not_applicable.remove(0);
    (old, new)
}

#[test]
fn change_list_xlsx_lists_every_change_once() {
    let (old, new) = versions();
    let d = diff(&old, &new);
    let mut book = book(export_diff(&d, ExportFormat::Xlsx).expect("writes"));
    assert_eq!(book.sheet_names(), ["调整概况", "调整明细"]);
    let overview = book.worksheet_range("调整概况").expect("sheet");
    let value = |label: &str| {
        (0..overview.height() as u32).find(|&r| text(&overview, r, 0) == label).map(|r| text(&overview, r, 1))
    };
    assert_eq!(value("新增事项"), Some(d.added.len().to_string()));
    assert_eq!(value("删除事项"), Some(d.removed.len().to_string()));
    assert_eq!(value("修改事项"), Some(d.changed.len().to_string()));
    assert!(value("新版本").is_some_and(|v| v.contains("2025版")));

    let detail = book.worksheet_range("调整明细").expect("sheet");
    let kinds: Vec<String> = (1..detail.height() as u32).map(|r| text(&detail, r, 1)).collect();
    let count = |k: &str| kinds.iter().filter(|x| *x == k).count();
    let field_changes: usize = d.changed.iter().map(|c| c.changes.len()).sum();
    assert_eq!(count("修改"), field_changes);
    assert_eq!(count("新增"), d.added.len());
    assert_eq!(count("删除"), d.removed.len());
    assert_eq!(count("目录信息"), d.meta.len());
    assert_eq!((count("取消"), d.not_applicable.len()), (1, 1));
    let time = (1..detail.height() as u32).find(|&r| text(&detail, r, 5) == "公开时限").expect("the time limit change");
    assert_eq!(text(&detail, time, 6), old.entries[0].time_limit);
    assert_eq!(text(&detail, time, 7), "信息形成之日起5个工作日内");
    let added = (1..detail.height() as u32).find(|&r| text(&detail, r, 1) == "新增").expect("added row");
    assert_eq!(text(&detail, added, 3), "临时救助 / 急难型救助&审批");
}

#[test]
fn change_list_html_marks_old_and_new_and_escapes_everything() {
    let (old, new) = versions();
    let d = diff(&old, &new);
    let html = String::from_utf8(export_diff(&d, ExportFormat::Html).expect("writes")).expect("UTF-8");
    assert!(!html.contains("<b>镇微信公众号"), "values are escaped");
    assert!(html.contains("&lt;b&gt;镇微信公众号&lt;/b&gt;"));
    assert!(html.contains("急难型救助&amp;审批"));
    assert!(html.contains("<ins>信息形成之日起5个工作日内</ins>"));
    assert!(html.contains(&format!("<del>{}</del>", old.entries[0].time_limit)));
    assert!(html.contains("新增的事项（1项）") && html.contains("删除的事项（1项）"));
    assert!(!html.contains("<script"));

    let same = String::from_utf8(export_diff(&diff(&old, &old), ExportFormat::Html).expect("writes")).expect("UTF-8");
    assert!(same.contains("两个版本没有差异"));
}
