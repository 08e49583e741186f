//! Untrusted files: every one gets a clear error (code, Chinese and English message) in bounded time, never a panic.

use std::io::Write;

use catalog_interop::limits::MAX_FILE_BYTES;
use catalog_interop::{ImportError, import};

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

/// A zip whose one entry inflates to far more than any sheet may be: refused without inflating it all.
#[test]
fn zip_bomb_is_refused() {
    let mut zip = Vec::new();
    {
        // A minimal xlsx skeleton whose sheet XML is 64 MB of spaces after deflate (about 64 KB on disk).
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut zip));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let parts: [(&str, &str); 3] = [
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
        ];
        for (name, body) in parts {
            w.start_file(name, opts).expect("zip entry");
            w.write_all(body.as_bytes()).expect("zip write");
        }
        w.start_file("xl/_rels/workbook.xml.rels", opts).expect("zip entry");
        w.write_all(br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#).expect("zip write");
        w.start_file("xl/worksheets/sheet1.xml", opts).expect("zip entry");
        w.write_all(br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).expect("zip write");
        let filler = vec![b' '; 1 << 20];
        for _ in 0..64 {
            w.write_all(&filler).expect("zip write");
        }
        w.write_all(b"</sheetData></worksheet>").expect("zip write");
        w.finish().expect("zip finish");
    }
    assert!(zip.len() < 2 * 1024 * 1024, "the bomb is small on disk: {}", zip.len());
    let started = std::time::Instant::now();
    let err = refused(&zip, "炸弹.xlsx");
    assert_eq!(err.code(), "import.zip-bomb", "{err:?}");
    assert!(err.message().contains("压缩炸弹"));
    // Not a timing assertion of speed: a guard that the refusal does not hang.
    assert!(started.elapsed().as_secs() < 60);
}

/// Inputs the fuzzer found (tests/fixtures/fuzz-regressions): each is refused with an error, never a crash.
#[test]
fn past_fuzz_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fuzz-regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("regressions folder").filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let bytes = std::fs::read(entry.path()).expect("regression input");
        if let Ok(imported) = import(&bytes, &name) {
            let _ = catalog_core::validate(&imported.catalog);
        }
        seen += 1;
    }
    assert!(seen >= 1);
}
