//! `cargo xtask fixtures`: render the real published rows (`tests/fixtures/real-rows.json`, reference §7) in the
//! layout families real catalogs use, as real XLSX and CSV files (GBK and UTF-16 bytes included), each with the
//! catalog an importer must read from it (`*.expected.json`). The expected catalogs are built here from the rows
//! themselves, not by running the importer.

use std::collections::BTreeMap;
use std::path::Path;

use catalog_core::model::{Catalog, Entry, Meta, SourceRef};
use catalog_core::vocab::CANONICAL_CHANNELS as CANONICAL;
use rust_xlsxwriter::{Format, Workbook};

/// Cells of one sheet plus merged regions ((row, col), (row, col)), 0-based.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    merges: Vec<((u32, u16), (u32, u16))>,
}

impl Table {
    fn push(&mut self, row: Vec<String>) -> u32 {
        self.rows.push(row);
        u32::try_from(self.rows.len()).unwrap_or(u32::MAX) // Excel's 1-based number of the row just pushed
    }
}

/// The channel names an importer must produce for the variants these rows use (written out, not computed).
fn canonical_channels(channels: &[String]) -> Vec<String> {
    let map = |c: &str| match c {
        "发布会听证会" => "发布会/听证会".to_owned(),
        "社区/企事业单位/村公示栏(电子屏)" => "社区/企事业单位/村公示栏（电子屏）".to_owned(),
        "政府服务中心" => "政务服务中心".to_owned(),
        other => other.to_owned(),
    };
    let mapped: Vec<String> = channels.iter().map(|c| map(c)).collect();
    let mut out: Vec<String> =
        CANONICAL.iter().filter(|c| mapped.iter().any(|m| m == *c)).map(|c| (*c).to_owned()).collect();
    out.extend(mapped.into_iter().filter(|m| !CANONICAL.contains(&m.as_str())));
    out
}

fn split_levels(levels: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for l in levels {
        let parts: Vec<&str> = if l == "乡、村级" { vec!["乡级", "村级"] } else { vec![l.as_str()] };
        for p in parts {
            if !out.iter().any(|o: &String| o == p) {
                out.push(p.to_owned());
            }
        }
    }
    out
}

/// The ■/□ checklist as the guideline prints it; `empty` is the unticked glyph (□, or 口 as OCR'd catalogs have it).
fn checklist(channels: &[String], empty: char) -> String {
    let named = canonical_channels(channels);
    let mut parts: Vec<String> =
        CANONICAL.iter().map(|c| format!("{}{c}", if named.iter().any(|n| n == c) { '■' } else { empty })).collect();
    parts.extend(named.iter().filter(|n| !CANONICAL.contains(&n.as_str())).map(|n| format!("■{n}")));
    parts.join(" ")
}

fn tick(on: bool) -> String {
    if on { "√".into() } else { String::new() }
}

/// What the importer must read for a real row placed at `sheet`/`row` with generated id.
fn expected(e: &Entry, id: String, sheet: Option<&str>, row: u32, extra: &[&str]) -> Entry {
    Entry {
        id,
        channels: canonical_channels(&e.channels),
        levels: split_levels(&e.levels),
        extra: e
            .extra
            .iter()
            .filter(|(k, _)| extra.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        source: Some(SourceRef { sheet: sheet.map(str::to_owned), row: Some(row) }),
        ..e.clone()
    }
}

struct Fixture {
    name: &'static str,
    bytes: Vec<u8>,
    expected: Catalog,
}

fn xlsx(sheets: &[(&str, &Table)]) -> Result<Vec<u8>, String> {
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    // A fixed creation time keeps regenerated fixtures byte-identical.
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 1, 1).map_err(err)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    let wrap = Format::new().set_text_wrap();
    for (name, table) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).map_err(err)?;
        for (r, row) in table.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    let (r, c) = (u32::try_from(r).unwrap_or(0), u16::try_from(c).unwrap_or(0));
                    ws.write_string_with_format(r, c, v, &wrap).map_err(err)?;
                }
            }
        }
        for ((r0, c0), (r1, c1)) in &table.merges {
            let v = table.rows[*r0 as usize][*c0 as usize].clone();
            ws.merge_range(*r0, *c0, *r1, *c1, &v, &wrap).map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}

fn csv_text(table: &Table, sep: char) -> String {
    let quote = |v: &str| {
        if v.contains([sep, '"', '\n', '\r']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v.to_owned() }
    };
    table.rows.iter().map(|r| r.iter().map(|v| quote(v)).collect::<Vec<_>>().join(&sep.to_string()) + "\r\n").collect()
}

fn catalog(title: &str, government: &str, level: &str, entries: Vec<Entry>) -> Catalog {
    let mut c = Catalog::new(Meta {
        title: title.into(),
        government: government.into(),
        level: level.into(),
        ..Meta::default()
    });
    c.entries = entries;
    c
}

fn pick<'a>(rows: &'a BTreeMap<String, Entry>, ids: &[&str]) -> Vec<&'a Entry> {
    ids.iter().filter_map(|id| rows.get(*id)).collect()
}

/// The guideline template's two header rows (reference §3.1) with the given 公开层级 sub-columns.
fn national_header(levels: [&'static str; 2]) -> ([&'static str; 14], [&'static str; 14]) {
    let top = [
        "序号",
        "公开事项",
        "",
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体（“■”表示必选项，“□”表示可选项）",
        "公开对象",
        "",
        "公开方式",
        "",
        "公开层级",
        "",
    ];
    let sub = [
        "",
        "一级事项",
        "二级事项",
        "",
        "",
        "",
        "",
        "",
        "全社会",
        "特定群众",
        "主动",
        "依申请公开",
        levels[0],
        levels[1],
    ];
    (top, sub)
}

/// A one-row header of words (公开对象/方式/层级 written out), led by `first` (序号 or 领域).
fn one_row_header(first: &str) -> Vec<String> {
    let rest = [
        "一级事项",
        "二级事项",
        "公开内容",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开对象",
        "公开方式",
        "公开层级",
    ];
    std::iter::once(first).chain(rest).map(String::from).collect()
}

/// A. The national template: title row, two merged header rows, 一级事项 merged down, ■□ checklist, √ ticks,
/// 公开层级 县级 | 乡、村级 (天津宝坻 社会救助).
fn national_template(rows: &BTreeMap<String, Entry>) -> Result<Fixture, String> {
    let title = "天津市宝坻区社会救助领域基层政务公开标准目录";
    let mut t = Table::default();
    t.push(vec![title.into()]);
    let (top, sub) = national_header(["县级", "乡、村级"]);
    t.push(top.map(String::from).to_vec());
    t.push(
        sub.iter().enumerate().map(|(i, s)| if s.is_empty() { top[i].to_owned() } else { (*s).to_owned() }).collect(),
    );
    t.merges.push(((0, 0), (0, 13)));
    for c in [0u16, 3, 4, 5, 6, 7] {
        t.merges.push(((1, c), (2, c)));
    }
    for (c0, c1) in [(1u16, 2u16), (8, 9), (10, 11), (12, 13)] {
        t.merges.push(((1, c0), (1, c1)));
    }
    let mut entries = Vec::new();
    let picked = pick(rows, &["r25", "r26", "r27", "r28"]);
    let mut group_start = 3u32;
    for (i, e) in picked.iter().enumerate() {
        let row = t.push(vec![
            (i + 1).to_string(),
            e.item[0].clone(),
            e.item[1].clone(),
            e.content.clone(),
            e.basis.clone(),
            e.time_limit.clone(),
            e.subject.clone(),
            checklist(&e.channels, '□'),
            tick(true),
            String::new(),
            tick(true),
            String::new(),
            tick(true),
            tick(true),
        ]);
        entries.push(expected(e, format!("r{row}"), Some("社会救助"), row, &[]));
        let next_same = picked.get(i + 1).is_some_and(|n| n.item[0] == e.item[0]);
        if !next_same {
            if row - 1 > group_start {
                t.merges.push(((group_start, 1), (row - 1, 1)));
            }
            group_start = row;
        }
    }
    let bytes = xlsx(&[("社会救助", &t)])?;
    Ok(Fixture {
        name: "a-national-template.xlsx",
        bytes,
        expected: catalog(title, "天津市宝坻区人民政府", "县级", entries),
    })
}

/// B. Title and legend rows above the header, a 三级事项 column, a `特定群体（请写明）` column holding the group,
/// 市级/县级/乡级 ticks, 口 for unticked boxes (浮梁三龙镇 救灾, plus 低保 审核信息 with the group written out).
fn three_levels(rows: &BTreeMap<String, Entry>) -> Result<Fixture, String> {
    let title = "浮梁县三龙镇政务公开事项标准目录";
    let mut t = Table::default();
    t.push(vec![title.into()]);
    t.push(vec!["说明：“■”表示必选项，“□”表示可选项；√表示适用".into()]);
    let top = [
        "序号",
        "公开事项",
        "",
        "",
        "公开内容",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开对象",
        "",
        "公开方式",
        "",
        "公开层级",
        "",
        "",
    ];
    let sub = [
        "",
        "一级事项",
        "二级事项",
        "三级事项",
        "",
        "",
        "",
        "",
        "",
        "全社会",
        "特定群体（请写明）",
        "主动",
        "依申请",
        "市级",
        "县级",
        "乡级",
    ];
    t.push(top.map(String::from).to_vec());
    t.push(sub.map(String::from).to_vec());
    let mut entries = Vec::new();
    for (i, e) in pick(rows, &["r22", "r23", "r24"]).into_iter().enumerate() {
        let row = t.push(vec![
            (i + 1).to_string(),
            e.item[0].clone(),
            e.item[1].clone(),
            e.item[2].clone(),
            e.content.clone(),
            e.basis.clone(),
            e.time_limit.clone(),
            e.subject.clone(),
            checklist(&e.channels, '口'),
            tick(true),
            String::new(),
            tick(true),
            String::new(),
            String::new(),
            String::new(),
            tick(true),
        ]);
        entries.push(expected(e, format!("s1r{row}"), Some("救灾"), row, &[]));
    }
    // The 低保 初审名单 published to a named group (a test adaptation of mdx's row: the group written in the cell).
    if let Some(e) = rows.get("r29") {
        let group = "初审对象所在村（社区）群众";
        let row = t.push(vec![
            "4".into(),
            e.item[0].clone(),
            e.item[1].clone(),
            String::new(),
            e.content.clone(),
            e.basis.clone(),
            e.time_limit.clone(),
            e.subject.clone(),
            checklist(&e.channels, '口'),
            String::new(),
            group.into(),
            tick(true),
            String::new(),
            String::new(),
            String::new(),
            tick(true),
        ]);
        let mut x = expected(e, format!("s1r{row}"), Some("救灾"), row, &[]);
        x.domain = "救灾".into(); // the sheet's domain: the row sits on the 救灾 sheet
        x.audience = "特定群体".into();
        x.audience_group = Some(group.into());
        x.levels = vec!["乡级".into()];
        entries.push(x);
    }
    // A second sheet without a header (a cover note) is reported, not imported.
    let mut note = Table::default();
    note.push(vec!["填报说明：本目录按照国办发〔2019〕54号要求编制。".into()]);
    let bytes = xlsx(&[("救灾", &t), ("填报说明", &note)])?;
    Ok(Fixture {
        name: "b-three-levels-group.xlsx",
        bytes,
        expected: catalog(title, "浮梁县三龙镇人民政府", "乡级", entries),
    })
}

/// C. One header row, words instead of ticks (全社会 / 主动公开 / 县级、乡级), a 领域 column, a single 公开事项
/// column, channels as a 、-list, extra columns 咨询电话 and 责任科室 (宁安/铜陵郊区 style).
fn words_single_header(rows: &BTreeMap<String, Entry>) -> Result<Fixture, String> {
    let mut t = Table::default();
    t.push(
        [
            "序号",
            "领域",
            "公开事项",
            "公开内容（要素）",
            "公开依据",
            "公开时限",
            "公开主体",
            "公开渠道",
            "公开对象",
            "公开方式",
            "公开层级",
            "咨询电话",
            "责任科室",
        ]
        .map(String::from)
        .to_vec(),
    );
    let mut entries = Vec::new();
    for (i, e) in pick(rows, &["r39", "r09", "r10"]).into_iter().enumerate() {
        let phone = e.extra.get("咨询电话").cloned().unwrap_or_default();
        let row = t.push(vec![
            (i + 1).to_string(),
            format!("{}领域", e.domain),
            e.item[1].clone(),
            e.content.clone(),
            e.basis.clone(),
            e.time_limit.clone(),
            e.subject.clone(),
            canonical_channels(&e.channels).join("、"),
            "全社会".into(),
            "主动公开".into(),
            e.levels.join("、"),
            phone,
            "办公室".into(),
        ]);
        let mut x = expected(e, format!("r{row}"), Some("目录"), row, &["咨询电话"]);
        x.item = vec![e.item[1].clone()];
        x.extra.insert("责任科室".into(), "办公室".into());
        entries.push(x);
    }
    let bytes = xlsx(&[("目录", &t)])?;
    Ok(Fixture { name: "c-words-single-header.xlsx", bytes, expected: catalog("", "", "", entries) })
}

/// D. Several domains in one sheet under heading rows `（一）重大建设项目领域`; 同上 cells; a blank 一级事项
/// continuing its group (赛罕 重大建设项目, 中山 公共资源交易).
fn headings_and_ditto(rows: &BTreeMap<String, Entry>) -> Result<Fixture, String> {
    let title = "赛罕区基层政务公开标准目录";
    let mut t = Table::default();
    t.push(vec![title.into()]);
    t.push(one_row_header("序号"));
    let mut entries = Vec::new();
    let mut n = 0;
    for (heading, ids) in
        [("（一）重大建设项目领域", &["r01", "r02", "r03"][..]), ("（二）公共资源交易领域", &["r04", "r05"][..])]
    {
        t.push(vec![heading.into()]);
        let mut previous: Option<&Entry> = None;
        for e in pick(rows, ids) {
            n += 1;
            let same = |f: fn(&Entry) -> &String| match previous {
                Some(p) if f(p) == f(e) => "同上".to_owned(),
                _ => f(e).clone(),
            };
            let first = match previous {
                Some(p) if p.item[0] == e.item[0] => String::new(),
                _ => e.item[0].clone(),
            };
            let row = t.push(vec![
                n.to_string(),
                first,
                e.item[1].clone(),
                e.content.clone(),
                same(|e| &e.basis),
                same(|e| &e.time_limit),
                e.subject.clone(),
                checklist(&e.channels, '□'),
                "全社会".into(),
                "主动".into(),
                e.levels.join("、"),
            ]);
            entries.push(expected(e, format!("r{row}"), Some("Sheet1"), row, &[]));
            previous = Some(e);
        }
    }
    let bytes = xlsx(&[("Sheet1", &t)])?;
    Ok(Fixture {
        name: "d-headings-ditto.xlsx", bytes, expected: catalog(title, "赛罕区人民政府", "县级", entries)
    })
}

/// E. One sheet per domain, the domain only in the sheet name, no title row; numbered channel lists; 区级 | 乡级.
fn sheet_per_domain(rows: &BTreeMap<String, Entry>) -> Result<Fixture, String> {
    let mut sheets: Vec<(&str, Table)> = Vec::new();
    let mut entries = Vec::new();
    for (s, (sheet, ids)) in
        [("安全生产", &["r11", "r12", "r13"][..]), ("户籍管理", &["r33", "r34", "r35"][..])].into_iter().enumerate()
    {
        let mut t = Table::default();
        let (top, sub) = national_header(["区级", "乡级"]);
        t.push(top.map(String::from).to_vec());
        t.push(sub.map(String::from).to_vec());
        for (i, e) in pick(rows, ids).into_iter().enumerate() {
            let numbered: Vec<String> =
                canonical_channels(&e.channels).iter().enumerate().map(|(k, c)| format!("{}.{c}", k + 1)).collect();
            let row = t.push(vec![
                (i + 1).to_string(),
                e.item[0].clone(),
                e.item[1].clone(),
                e.content.clone(),
                e.basis.clone(),
                e.time_limit.clone(),
                e.subject.clone(),
                numbered.join(" "),
                tick(true),
                String::new(),
                tick(true),
                String::new(),
                tick(true),
                tick(true),
            ]);
            let mut x = expected(e, format!("s{}r{row}", s + 1), Some(sheet), row, &[]);
            x.levels = vec!["区级".into(), "乡级".into()];
            entries.push(x);
        }
        sheets.push((sheet, t));
    }
    let refs: Vec<(&str, &Table)> = sheets.iter().map(|(n, t)| (*n, t)).collect();
    let bytes = xlsx(&refs)?;
    Ok(Fixture { name: "e-sheet-per-domain.xlsx", bytes, expected: catalog("", "", "", entries) })
}

/// F. CSV saved by Excel on a Chinese Windows: GBK bytes, the domain only in the title row, a cell spanning lines.
fn gbk_csv(rows: &BTreeMap<String, Entry>) -> Result<Fixture, String> {
    let title = "方山县涉农补贴领域基层政务公开标准目录";
    let mut t = Table::default();
    t.push(vec![title.into()]);
    t.push(
        [
            "序号",
            "一级事项",
            "二级事项",
            "公开内容（要素）",
            "公开依据",
            "公开时限",
            "公开主体",
            "公开渠道和载体",
            "公开对象",
            "公开方式",
            "公开层级",
        ]
        .map(String::from)
        .to_vec(),
    );
    let mut entries = Vec::new();
    for (i, e) in pick(rows, &["r36", "r37", "r38"]).into_iter().enumerate() {
        let content = e.content.replace("; ", "\n");
        let row = t.push(vec![
            (i + 1).to_string(),
            e.item[0].clone(),
            e.item[1].clone(),
            content.clone(),
            e.basis.clone(),
            e.time_limit.clone(),
            e.subject.clone(),
            canonical_channels(&e.channels).join("、"),
            "全社会".into(),
            "主动".into(),
            e.levels.join("、"),
        ]);
        let mut x = expected(e, format!("r{row}"), None, row, &[]);
        x.content = content;
        entries.push(x);
    }
    let text = csv_text(&t, ',');
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    if unmappable {
        return Err("a fixture cell has no GBK encoding".into());
    }
    Ok(Fixture {
        name: "f-gbk-title-domain.csv",
        bytes: bytes.into_owned(),
        expected: catalog(title, "方山县人民政府", "县级", entries),
    })
}

/// G. Excel's "Unicode text": UTF-16LE with BOM, tab-separated, one-level items (云阳 养老服务).
fn utf16_tsv(rows: &BTreeMap<String, Entry>) -> Result<Fixture, String> {
    let mut t = Table::default();
    t.push(one_row_header("领域"));
    let mut entries = Vec::new();
    for e in pick(rows, &["r30", "r31", "r32"]) {
        let row = t.push(vec![
            e.domain.clone(),
            e.item[0].clone(),
            e.item.get(1).cloned().unwrap_or_default(),
            e.content.clone(),
            e.basis.clone(),
            e.time_limit.clone(),
            e.subject.clone(),
            checklist(&e.channels, '□'),
            "全社会".into(),
            "主动".into(),
            e.levels.join("、"),
        ]);
        entries.push(expected(e, format!("r{row}"), None, row, &[]));
    }
    let mut bytes = vec![0xFF, 0xFE];
    for unit in csv_text(&t, '\t').encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    Ok(Fixture { name: "g-utf16-tab.csv", bytes, expected: catalog("", "", "", entries) })
}

pub fn write_all(root: &Path) -> Result<(), String> {
    let real = std::fs::read_to_string(root.join("tests/fixtures/real-rows.json")).map_err(|e| e.to_string())?;
    let real = catalog_core::load_catalog(&real).map_err(|e| e.to_string())?;
    let rows: BTreeMap<String, Entry> = real.entries.into_iter().map(|e| (e.id.clone(), e)).collect();
    let dir = root.join("tests/fixtures/import");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for make in
        [national_template, three_levels, words_single_header, headings_and_ditto, sheet_per_domain, gbk_csv, utf16_tsv]
    {
        let f = make(&rows)?;
        std::fs::write(dir.join(f.name), &f.bytes).map_err(|e| e.to_string())?;
        let expected = dir.join(format!("{}.expected.json", f.name));
        std::fs::write(&expected, catalog_core::to_json(&f.expected)).map_err(|e| e.to_string())?;
        eprintln!("wrote tests/fixtures/import/{} ({} entries)", f.name, f.expected.entries.len());
    }
    reports(root)
}

/// Reports the CLI and the wasm package must both give, byte for byte (`tests/fixtures/reports/`).
pub const REPORTED: [&str; 3] = ["a-national-template.xlsx", "f-gbk-title-domain.csv", "broken-rows.csv"];

fn reports(root: &Path) -> Result<(), String> {
    let dir = root.join("tests/fixtures/reports");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for name in REPORTED {
        let source = if name.starts_with("broken") { "tests/fixtures/broken" } else { "tests/fixtures/import" };
        let bytes = std::fs::read(root.join(source).join(name)).map_err(|e| e.to_string())?;
        let report = catalog_core::Report::new(vec![catalog_interop::report_file(&bytes, name)]);
        std::fs::write(dir.join(format!("{name}.json")), report.to_json()).map_err(|e| e.to_string())?;
        eprintln!("wrote tests/fixtures/reports/{name}.json");
    }
    Ok(())
}
