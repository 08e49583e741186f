//! Untrusted files: every one gets a clear error (code, Chinese and English message) in bounded time, never a panic.

use std::io::Write;

use catalog_interop::limits::MAX_FILE_BYTES;
use catalog_interop::{ExportFormat, ImportError, export, import};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import").join(name))
        .expect("fixture")
}

fn refused(bytes: &[u8], name: &str) -> ImportError {
    let err = import(bytes, name).expect_err(name);
    assert!(!err.message().is_empty() && !err.message_en().is_empty());
    err
}

#[test]
fn garbage_truncated_and_mislabelled_files() {
    let garbage: Vec<u8> = (0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_eq!(refused(&garbage, "目录.xlsx").code(), "import.workbook");
    assert_eq!(refused(&garbage, "目录.xls").code(), "import.workbook");
    assert_eq!(refused(&garbage, "目录.csv").code(), "import.not-text");

    let good = fixture("a-national-template.xlsx");
    for cut in [10, good.len() / 3, good.len() / 2, good.len() - 20] {
        assert_eq!(refused(&good[..cut], "截断.xlsx").code(), "import.workbook", "cut at {cut}");
    }
    let mut flipped = good.clone();
    for i in (100..flipped.len()).step_by(97) {
        flipped[i] ^= 0x5A;
    }
    assert!(import(&flipped, "损坏.xlsx").is_err());

    assert_eq!(refused(b"", "empty.csv").code(), "import.no-table");
    assert_eq!(refused(b"a,b,c\n1,2,3\n", "plain.csv").code(), "import.no-table");
    assert_eq!(refused(b"\x00\x01\x02binary\x00", "bin.csv").code(), "import.not-text");
    assert_eq!(refused(b"%PDF-1.7", "目录.pdf").code(), "import.unsupported");
    assert_eq!(refused(b"{\"format\": \"zwgk-catalog\", \"version\": 9}", "新版.json").code(), "load.newer-version");
}

#[test]
fn oversized_inputs_are_refused_before_parsing() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    let err = refused(&big, "大文件.csv");
    assert_eq!(err.code(), "import.too-large");
    assert!(err.message().contains("上限"));

    let long_cell = format!("公开事项,公开内容,公开依据,公开时限\n政策,{},依据,20个工作日\n", "长".repeat(40_000));
    assert_eq!(refused(long_cell.as_bytes(), "长单元格.csv").code(), "import.cell-too-long");

    let wide = (0..400).map(|i| format!("c{i}")).collect::<Vec<_>>().join(",");
    assert_eq!(refused(wide.as_bytes(), "宽.csv").code(), "import.too-many-columns");
}

const SKELETON: [(&str, &str); 4] = [
    (
        "[Content_Types].xml",
        r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
    ),
    (
        "_rels/.rels",
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    ),
    (
        "xl/workbook.xml",
        r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    ),
    (
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
    ),
];

const SHEET_START: &[u8] =
    br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_END: &[u8] = b"</sheetData></worksheet>";

/// A minimal XLSX whose sheet XML is streamed by `sheet` straight into the deflater (a 1M-row sheet is never held
/// in memory), followed by `extra` (name, bytes) entries. Level 1 deflates the big sheets fast; bombs need the
/// default level's ratio.
fn xlsx_at(level: i64, sheet: impl FnOnce(&mut dyn Write), extra: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = Vec::new();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut zip));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(level));
    for (name, body) in SKELETON {
        w.start_file(name, opts).expect("zip entry");
        w.write_all(body.as_bytes()).expect("zip write");
    }
    w.start_file("xl/worksheets/sheet1.xml", opts).expect("zip entry");
    sheet(&mut w);
    for (name, body) in extra {
        w.start_file(name.as_str(), opts).expect("zip entry");
        w.write_all(body).expect("zip write");
    }
    w.finish().expect("zip finish");
    zip
}

fn xlsx(sheet: impl FnOnce(&mut dyn Write), extra: &[(String, Vec<u8>)]) -> Vec<u8> {
    xlsx_at(1, sheet, extra)
}

/// Header row of the national template, so a sheet passes header detection when nothing else stops it.
fn header_row(w: &mut dyn Write) {
    w.write_all(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>公开事项</t></is></c><c r="B1" t="inlineStr"><is><t>公开内容</t></is></c><c r="C1" t="inlineStr"><is><t>公开依据</t></is></c><c r="D1" t="inlineStr"><is><t>公开时限</t></is></c></row>"#.as_bytes()).expect("write");
}

/// Text that deflate cannot squeeze below the zip-bomb ratio (so a test reaches the limit it is about).
fn varied_chinese(chars: usize) -> String {
    let mut x: u32 = 2_463_534_242;
    (0..chars)
        .map(|_| {
            // xorshift: deterministic, spread over the CJK block.
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            char::from_u32(0x4E00 + x % 0x5000).unwrap_or('字')
        })
        .collect()
}

/// A zip whose one entry inflates to far more than any sheet may be: refused without inflating it all.
#[test]
fn zip_bomb_is_refused() {
    let zip = xlsx_at(
        9,
        |w| {
            // 64 MB of spaces: about 64 KB on disk.
            w.write_all(SHEET_START).expect("write");
            let filler = vec![b' '; 1 << 20];
            for _ in 0..64 {
                w.write_all(&filler).expect("write");
            }
            w.write_all(SHEET_END).expect("write");
        },
        &[],
    );
    assert!(zip.len() < 2 * 1024 * 1024, "the bomb is small on disk: {}", zip.len());
    let err = refused(&zip, "炸弹.xlsx");
    assert_eq!(err.code(), "import.zip-bomb", "{err:?}");
    assert!(err.message().contains("压缩炸弹"));
}

/// Many entries, each under the per-entry ratio check (≤ 1 MB), together inflating past the total: refused from the
/// zip directory. The compressed entry is copied raw, so the test compresses 1 MB once.
#[test]
fn zip_bomb_of_many_entries_is_refused() {
    let one = xlsx_at(
        9,
        |w| w.write_all(&[SHEET_START, SHEET_END].concat()).expect("write"),
        &[("pad".into(), vec![b' '; 1 << 20])],
    );
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(&one)).expect("own zip");
    let mut zip = Vec::new();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut zip));
    for i in 0..source.len() {
        let name = source.by_index_raw(i).expect("entry").name().expect("entry name").into_owned();
        let copies = if name == "pad" { 300 } else { 1 };
        for copy in 0..copies {
            let entry = source.by_index_raw(i).expect("entry");
            w.raw_copy_file_rename(entry, if copies == 1 { name.clone() } else { format!("xl/media/pad{copy}.bin") })
                .expect("raw copy");
        }
    }
    w.finish().expect("zip finish");
    assert!(zip.len() < 2 * 1024 * 1024, "small on disk: {}", zip.len());
    assert_eq!(refused(&zip, "多部件.xlsx").code(), "import.zip-bomb");

    // More entries than any workbook: refused by count before anything is inflated.
    let extra: Vec<(String, Vec<u8>)> =
        (0..=catalog_interop::limits::MAX_ZIP_ENTRIES).map(|i| (format!("xl/media/e{i}"), Vec::new())).collect();
    let zip = xlsx(|w| w.write_all(&[SHEET_START, SHEET_END].concat()).expect("write"), &extra);
    let err = refused(&zip, "多部件.xlsx");
    assert_eq!(err.code(), "import.zip-entries");
    assert!(err.message().contains("10000") && err.message_en().contains("10000"), "{}", err.message());
}

/// A million rows, streamed into the zip by the test: refused once the reader passes the row limit, without
/// building a million-row grid.
#[test]
fn a_million_rows_are_refused() {
    let zip = xlsx(
        |w| {
            w.write_all(SHEET_START).expect("write");
            header_row(w);
            for r in 2..=1_000_000u32 {
                write!(w, r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>"#).expect("write");
            }
            w.write_all(SHEET_END).expect("write");
        },
        &[],
    );
    assert!(zip.len() < catalog_interop::limits::MAX_FILE_BYTES, "passes the size check: {}", zip.len());
    let err = refused(&zip, "百万行.xlsx");
    assert_eq!(err.code(), "import.too-many-rows", "{err:?}");
    assert!(err.message().contains("200000") && err.message_en().contains("200000"));

    // The same in CSV (one short cell a line).
    let mut csv = String::from("公开事项,公开内容,公开依据,公开时限\n");
    for r in 0..1_000_000 {
        csv.push_str(&format!("{r}\n"));
    }
    assert_eq!(refused(csv.as_bytes(), "百万行.csv").code(), "import.too-many-rows");
}

/// Two cells far apart (A1 and XFD1048576): a reader that allocated the bounding box would need 17 billion cells.
#[test]
fn far_apart_cells_do_not_allocate_the_box_between_them() {
    let zip = xlsx(
        |w| {
            w.write_all(SHEET_START).expect("write");
            header_row(w);
            w.write_all(br#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#).expect("write");
            w.write_all(SHEET_END).expect("write");
        },
        &[],
    );
    assert_eq!(refused(&zip, "远端单元格.xlsx").code(), "import.too-many-rows");

    // Within the row and column limits but past the cell limit (the grid is padded to its widest row).
    let zip = xlsx(
        |w| {
            w.write_all(SHEET_START).expect("write");
            header_row(w);
            w.write_all(br#"<row r="199999"><c r="IV199999"><v>1</v></c></row>"#).expect("write");
            w.write_all(SHEET_END).expect("write");
        },
        &[],
    );
    assert_eq!(refused(&zip, "稀疏.xlsx").code(), "import.too-many-cells");

    // One grid-sized merge repeated: filling it twice would already pass the cell limit.
    let zip = xlsx(
        |w| {
            w.write_all(SHEET_START).expect("write");
            header_row(w);
            w.write_all(br#"<row r="20000"><c r="IP20000"><v>1</v></c></row></sheetData><mergeCells count="2">"#)
                .expect("write");
            w.write_all(br#"<mergeCell ref="A1:IP20000"/><mergeCell ref="A1:IP20000"/></mergeCells></worksheet>"#)
                .expect("write");
        },
        &[],
    );
    assert_eq!(refused(&zip, "重叠合并.xlsx").code(), "import.too-many-cells");

    // A CSV of one-cell lines with one 256-cell line: the padded grid counts, not the bytes.
    let mut csv = String::from("公开事项,公开内容,公开依据,公开时限\n");
    csv.push_str(&",".repeat(255));
    csv.push('\n');
    for _ in 0..30_000 {
        csv.push_str("x\n");
    }
    let err = refused(csv.as_bytes(), "稀疏.csv");
    assert_eq!(err.code(), "import.too-many-cells");
    assert!(err.message().contains("5000000") && err.message_en().contains("5000000"));
}

/// A 1 MB cell (Excel stops at 32,767 characters): refused, naming the row.
#[test]
fn a_one_megabyte_cell_is_refused() {
    let big = varied_chinese(350_000); // 3 bytes each in UTF-8: about 1 MB
    let zip = xlsx(
        |w| {
            w.write_all(SHEET_START).expect("write");
            header_row(w);
            write!(w, r#"<row r="7"><c r="B7" t="inlineStr"><is><t>{big}</t></is></c></row>"#).expect("write");
            w.write_all(SHEET_END).expect("write");
        },
        &[],
    );
    let err = refused(&zip, "大单元格.xlsx");
    assert_eq!(err.code(), "import.cell-too-long", "{err:?}");
    assert!(err.message().contains("第7行") && err.message_en().contains("row 7"), "{}", err.message());

    let csv = format!("公开事项,公开内容,公开依据,公开时限\n政策,{big},依据,20个工作日\n");
    let err = refused(csv.as_bytes(), "大单元格.csv");
    assert_eq!(err.code(), "import.cell-too-long");
    assert!(err.message().contains("第2行"));
}

#[test]
fn truncated_and_corrupted_zips_are_refused() {
    let zip = xlsx(
        |w| {
            w.write_all(SHEET_START).expect("write");
            header_row(w);
            w.write_all(varied_chinese(5_000).as_bytes()).expect("write");
            w.write_all(SHEET_END).expect("write");
        },
        &[],
    );
    // Cut anywhere: before the central directory nothing is a zip any more.
    for cut in [0, 4, 30, zip.len() / 2, zip.len() - 1] {
        assert_eq!(refused(&zip[..cut], "截断.xlsx").code(), "import.workbook", "cut at {cut}");
    }
    // The sheet's compressed bytes damaged, the directory intact: the CRC or the inflater refuses it.
    let sheet_at = zip.windows(24).position(|w| w == b"xl/worksheets/sheet1.xml").expect("sheet entry");
    let mut damaged = zip.clone();
    for b in &mut damaged[sheet_at + 100..sheet_at + 400] {
        *b ^= 0xA5;
    }
    assert_eq!(refused(&damaged, "损坏.xlsx").code(), "import.workbook");
    // A directory that points past the end of the file.
    let mut lying = zip.clone();
    let end = lying.len() - 22; // the end-of-central-directory record (no comment)
    lying[end + 16..end + 20].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(refused(&lying, "目录损坏.xlsx").code(), "import.workbook");
}

/// Entity tricks in the sheet XML and the shared strings: nothing is expanded and nothing is fetched (the reader
/// has no network or file access; an entity it does not know is an error or stays unexpanded).
#[test]
fn xml_entities_are_not_expanded_or_fetched() {
    let laughs = {
        let mut dtd = String::from(r#"<!DOCTYPE worksheet [<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">"#);
        for i in 1..10 {
            let refs = format!("&l{};", i - 1).repeat(10);
            dtd.push_str(&format!(r#"<!ENTITY l{i} "{refs}">"#));
        }
        dtd.push_str("]>");
        dtd
    };
    let external = r#"<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>"#;
    for (name, dtd, reference) in [("亿笑.xlsx", laughs.as_str(), "&l9;"), ("外部实体.xlsx", external, "&xxe;&net;")]
    {
        let sheet = format!(
            r#"<?xml version="1.0"?>{dtd}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>公开事项</t></is></c><c r="B1" t="inlineStr"><is><t>公开内容</t></is></c><c r="C1" t="inlineStr"><is><t>公开依据</t></is></c><c r="D1" t="inlineStr"><is><t>公开时限</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>政策</t></is></c><c r="B2" t="inlineStr"><is><t>{reference}</t></is></c></row></sheetData></worksheet>"#
        );
        // Written as the whole sheet part (with its DOCTYPE), not through SHEET_START.
        let zip = xlsx(|w| w.write_all(sheet.as_bytes()).expect("write"), &[]);
        // quick-xml knows only the predefined entities: the sheet is refused, nothing expanded or read.
        let err = refused(&zip, name);
        assert_eq!(err.code(), "import.workbook", "{name}");
        assert!(err.message_en().contains("entity"), "{name}: {}", err.message_en());
        assert!(!err.message_en().contains("哈哈哈哈哈哈哈哈哈哈哈") && !err.message_en().contains("root:"));
    }
}

#[test]
fn binary_named_csv_and_mixed_encodings_are_refused() {
    // An XLSX (a zip) and a PNG renamed .csv.
    assert_eq!(refused(&fixture("a-national-template.xlsx"), "目录.csv").code(), "import.not-text");
    let png = [b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice(), &[0u8; 64]].concat();
    assert_eq!(refused(&png, "截图.csv").code(), "import.not-text");

    // A UTF-8 header with GBK rows pasted under it (and the reverse).
    let (gbk, _, _) = encoding_rs::GBK.encode("社会救助,低保对象名单,《社会救助暂行办法》,20个工作日\n");
    let utf8_header = "公开事项,公开内容,公开依据,公开时限\n".as_bytes();
    let err = refused(&[utf8_header, &gbk].concat(), "混合编码.csv");
    assert_eq!(err.code(), "import.mixed-encoding");
    assert!(err.message().contains("第2行") && err.message_en().contains("line 2"), "{}", err.message());
    let (gbk_header, _, _) = encoding_rs::GBK.encode("公开事项,公开内容,公开依据,公开时限\n");
    let utf8_row = "社会救助,低保对象名单,依据,20个工作日\n".as_bytes();
    let err = refused(&[&gbk_header[..], utf8_row, utf8_row].concat(), "混合编码.csv");
    assert_eq!(err.code(), "import.mixed-encoding");
    assert!(err.message().contains("第2行"));
}

#[test]
fn json_nested_100k_deep_is_refused() {
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = format!(
        r#"{{"format":"zwgk-catalog","version":1,"meta":{{"title":"t","government":"g","level":"乡级"}},"entries":[{{"extra":{}1{}}}]}}"#,
        r#"{"a":"#.repeat(100_000),
        "}".repeat(100_000)
    );
    // Where the catalog expects a value, the first level is already the wrong shape (refused at once); a deep value
    // in a field nothing reads is skipped by serde_json without recursion, so it cannot exhaust the stack either.
    let ignored = format!(
        r#"{{"format":"zwgk-catalog","version":1,"meta":{{}},"entries":[],"x":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let skipped = import(ignored.as_bytes(), "深字段.json").expect("an unknown field is skipped");
    assert!(skipped.catalog.entries.is_empty());
    for (name, text, code) in
        [("深数组.json", deep_array, "load.not-catalog"), ("深对象.json", deep_object, "load.shape")]
    {
        let err = refused(text.as_bytes(), name);
        assert_eq!(err.code(), code, "{name}: {}", err.message_en());
    }
}

/// 100 MB of each kind: refused by the size check, before any parsing (the content would fail otherwise).
#[test]
fn a_hundred_megabyte_file_is_refused_by_size() {
    let big = vec![0xFFu8; 100 * 1024 * 1024];
    for name in ["大.xlsx", "大.xls", "大.csv", "大.json"] {
        let err = refused(&big, name);
        assert_eq!(err.code(), "import.too-large", "{name}");
        assert!(err.message().contains("100 MB") && err.message().contains("64 MB"), "{}", err.message());
    }
}

/// Inputs the fuzzer found (tests/fixtures/fuzz-regressions): each `NAME` sits beside `NAME.expected`, the outcome it
/// must keep — an error code, or `ok` when it imports (and then validates and exports without a panic) — and,
/// on an optional second line, words of the English message (so a refusal by a guard cannot silently become a
/// caught panic, which would abort a release build).
#[test]
fn past_fuzz_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fuzz-regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("regressions folder").filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".expected") {
            continue;
        }
        let expected = std::fs::read_to_string(dir.join(format!("{name}.expected")))
            .unwrap_or_else(|_| panic!("{name} needs {name}.expected (an error code or ok)"));
        let bytes = std::fs::read(entry.path()).expect("regression input");
        let mut lines = expected.lines();
        let (code, words) = (lines.next().unwrap_or_default().trim(), lines.next().map(str::trim));
        let outcome = match import(&bytes, &name) {
            Ok(imported) => {
                let _ = catalog_core::validate(&imported.catalog);
                for format in [ExportFormat::Csv, ExportFormat::Xlsx, ExportFormat::Json] {
                    export(&imported.catalog, format).expect("an imported catalog exports");
                }
                "ok".to_owned()
            }
            Err(err) => {
                assert!(!err.message().is_empty() && !err.message_en().is_empty(), "{name}");
                if let Some(words) = words {
                    assert!(err.message_en().contains(words), "{name}: {}", err.message_en());
                }
                err.code().to_owned()
            }
        };
        assert_eq!(outcome, code, "{name}");
        seen += 1;
    }
    assert!(seen >= 1);
}
