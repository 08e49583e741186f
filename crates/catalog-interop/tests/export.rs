//! What the exports look like to the people who open them.

use calamine::{Data, Reader, Xlsx};
use catalog_core::load_catalog;
use catalog_core::model::{Catalog, RemovedItem};
use catalog_interop::{ExportFormat, export};

fn example() -> Catalog {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/example-township.json");
    load_catalog(&std::fs::read_to_string(path).expect("fixture")).expect("v1")
}

fn hostile(mut c: Catalog) -> Catalog {
    let e = &mut c.entries[0];
    e.content = "<script>alert(1)</script><img src=x onerror=alert(2)>".into();
    e.basis = "=HYPERLINK(\"http://evil.invalid\",\"点击\")".into();
    e.subject = "+cmd|' /C calc'!A0".into();
    e.time_limit = "@SUM(1+1)".into();
    e.item[1] = "-1+1".into();
    e.extra.insert("备注".into(), "<svg onload=alert(3)>javascript:alert(4)".into());
    c
}

#[test]
fn xlsx_follows_the_national_template() {
    let bytes = export(&example(), ExportFormat::Xlsx).expect("exports");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("a real workbook");
    let names = book.sheet_names();
    assert_eq!(names.first().map(String::as_str), Some("社会救助"));
    assert!(names.contains(&"目录信息".to_owned()) && names.contains(&"未涉及领域说明".to_owned()));
    let sheet = book.worksheet_range("社会救助").expect("sheet");
    let cell = |r: u32, c: u32| sheet.get_value((r, c)).map(|d| d.to_string()).unwrap_or_default();
    assert_eq!(cell(0, 0), "示例县示例镇人民政府社会救助领域基层政务公开标准目录");
    assert_eq!(
        (cell(1, 0), cell(1, 1), cell(2, 1), cell(2, 2)),
        ("序号".into(), "公开事项".into(), "一级事项".into(), "二级事项".into())
    );
    let header: Vec<String> = (0..20).map(|c| cell(1, c)).collect();
    let sub: Vec<String> = (0..20).map(|c| cell(2, c)).collect();
    let col = |name: &str| sub.iter().position(|s| s == name).expect(name) as u32;
    assert!(header.iter().any(|h| h.starts_with("公开渠道和载体")));
    assert!(
        sub.contains(&"全社会".into()) && sub.contains(&"特定群体（请写明）".into()) && sub.contains(&"依申请".into())
    );
    // The 13-box checklist in canonical order, ■ for chosen channels.
    let channels = header.iter().position(|h| h.starts_with("公开渠道和载体")).expect("channel column") as u32;
    let first_row = cell(3, channels);
    assert!(first_row.starts_with("■政府网站 □政府公报 □两微一端 □发布会/听证会"), "{first_row}");
    assert_eq!(first_row.matches(['■', '□']).count(), 13);
    assert_eq!(cell(3, col("全社会")), "√");
    assert_eq!(cell(3, col("主动")), "√");
    // Header merges: 公开事项 over 一级/二级, 序号 over both header rows; 一级事项 merged down its group.
    let merges = book.merge_cells_by_sheet_name("社会救助").expect("merges");
    assert!(merges.iter().any(|m| m.start == (1, 1) && m.end == (1, 2)), "{merges:?}");
    assert!(merges.iter().any(|m| m.start == (1, 0) && m.end == (2, 0)));
    assert!(merges.iter().any(|m| m.start.1 == 1 && m.start.0 >= 3 && m.end.0 > m.start.0), "一级事项 merged down");
}

#[test]
fn xlsx_keeps_formula_text_as_text() {
    let bytes = export(&hostile(example()), ExportFormat::Xlsx).expect("exports");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("workbook");
    let formulas = book.worksheet_formula("社会救助").expect("formula range");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell is a formula");
    let values = book.worksheet_range("社会救助").expect("sheet");
    assert!(values.used_cells().any(|(_, _, v)| matches!(v, Data::String(s) if s.starts_with("=HYPERLINK"))));
}

#[test]
fn csv_opens_in_excel_and_neutralises_formulas() {
    let bytes = export(&hostile(example()), ExportFormat::Csv).expect("exports");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM so Excel reads Chinese");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader.headers().expect("header row").clone();
    assert_eq!(&headers[0], "序号");
    let first = reader.records().next().expect("a row").expect("parses");
    for cell in first.iter() {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "unguarded formula cell {cell:?}");
    }
    assert!(first.iter().any(|c| c == "'=HYPERLINK(\"http://evil.invalid\",\"点击\")"));
    assert!(text.contains("\r\n"), "Excel's line ends");
}

#[test]
fn html_is_a_self_contained_page_with_every_value_escaped() {
    let html = String::from_utf8(export(&hostile(example()), ExportFormat::Html).expect("exports")).expect("utf-8");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"zh-CN\">"));
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<svg"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("<a ") && !html.contains("<link") && !html.contains("<iframe"),
        "no link or external resource"
    );
    assert!(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"));
    assert!(html.contains("@media print"));
    assert!(html.contains("<h2>社会救助领域</h2>") && html.contains("<caption>"));
    assert!(html.contains("scope=\"rowgroup\" rowspan="), "rows grouped under their 一级事项");
    assert!(html.contains("未涉及领域说明") && html.contains("本镇无税收管理职能"));
}

/// The example with two removed guideline items, one of them hostile.
fn with_removed(mut c: Catalog) -> Catalog {
    c.removed = vec![
        RemovedItem {
            domain: "社会救助".into(),
            item: vec!["临时救助".into(), "审核审批信息".into()],
            reason: "由县民政局统一审核审批并公开".into(),
        },
        RemovedItem {
            domain: "养老服务".into(),
            item: vec!["<b>养老</b>".into(), "=1+1".into()],
            reason: "<script>alert(5)</script>\n第二行".into(),
        },
    ];
    c
}

#[test]
fn removed_items_have_their_own_sheet_and_html_section() {
    let bytes = export(&with_removed(example()), ExportFormat::Xlsx).expect("exports");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("workbook");
    assert!(book.sheet_names().contains(&"删减事项说明".to_owned()));
    let sheet = book.worksheet_range("删减事项说明").expect("sheet");
    let row = |r: u32| (0..3).map(|c| sheet.get_value((r, c)).map(|d| d.to_string()).unwrap_or_default()).collect();
    let rows: Vec<Vec<String>> = (0..3).map(row).collect();
    assert_eq!(rows[0], ["领域", "事项", "删减理由"]);
    assert_eq!(rows[1], ["社会救助", "临时救助 / 审核审批信息", "由县民政局统一审核审批并公开"]);
    assert_eq!(rows[2], ["养老服务", "<b>养老</b> / =1+1", "<script>alert(5)</script>\n第二行"]);
    let formulas = book.worksheet_formula("删减事项说明").expect("formula range");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell is a formula");

    let html =
        String::from_utf8(export(&with_removed(example()), ExportFormat::Html).expect("exports")).expect("utf-8");
    let section = html.split("<h2>删减事项说明</h2>").nth(1).expect("a 删减事项说明 section");
    assert!(section.contains("<th scope=\"col\">删减理由</th>"));
    assert!(section.contains("<td>临时救助 / 审核审批信息</td><td>由县民政局统一审核审批并公开</td>"));
    assert!(section.contains("&lt;b&gt;养老&lt;/b&gt; / =1+1") && section.contains("&lt;script&gt;alert(5)"));
    assert!(!html.contains("<script") && !html.contains("<b>"));
    assert!(section.contains("&lt;/script&gt;<br>第二行"), "line breaks kept");

    // Nothing removed: no empty section on the published page; the workbook keeps the sheet as a form to fill.
    let html = String::from_utf8(export(&example(), ExportFormat::Html).expect("exports")).expect("utf-8");
    assert!(!html.contains("删减事项说明"));
    let bytes = export(&example(), ExportFormat::Xlsx).expect("exports");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("workbook");
    let sheet = book.worksheet_range("删减事项说明").expect("sheet");
    assert_eq!(sheet.height(), 1, "header row only");
}

#[test]
fn csv_cannot_hold_removed_items_and_drops_them_like_not_applicable() {
    let c = with_removed(example());
    let bytes = export(&c, ExportFormat::Csv).expect("exports");
    let back = catalog_interop::import(&bytes, "目录.csv").expect("imports").catalog;
    assert!(back.removed.is_empty() && back.not_applicable.is_empty());
    assert_eq!(back.entries.len(), c.entries.len());
}
