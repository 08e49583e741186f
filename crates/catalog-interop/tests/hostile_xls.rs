//! Hostile XLS files (BIFF8 in an OLE compound file), built byte by byte: refused before calamine, which would loop,
//! panic or allocate without bound on them, reads them.

use catalog_interop::{ImportError, import};

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FREESECT: u32 = 0xFFFF_FFFF;
const FATSECT: u32 = 0xFFFF_FFFD;
const NOSTREAM: u32 = 0xFFFF_FFFF;

fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let len = u16::try_from(data.len()).expect("a BIFF record holds at most 8224 bytes");
    [&typ.to_le_bytes()[..], &len.to_le_bytes(), data].concat()
}

fn bof(kind: u16) -> Vec<u8> {
    record(0x0809, &[&0x0600u16.to_le_bytes()[..], &kind.to_le_bytes(), &[0; 12]].concat())
}

fn eof() -> Vec<u8> {
    record(0x000A, &[])
}

/// DIMENSIONS (BIFF8): first row, last row + 1, first column, last column + 1.
fn dimensions(rows: (u32, u32), cols: (u16, u16)) -> Vec<u8> {
    let data =
        [&rows.0.to_le_bytes()[..], &rows.1.to_le_bytes(), &cols.0.to_le_bytes(), &cols.1.to_le_bytes(), &[0, 0]];
    record(0x0200, &data.concat())
}

/// LABEL with a UTF-16 string.
fn label(row: u16, col: u16, text: &str) -> Vec<u8> {
    let units: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let cch = u16::try_from(text.encode_utf16().count()).expect("short text");
    record(0x0204, &[&row.to_le_bytes()[..], &col.to_le_bytes(), &[0, 0], &cch.to_le_bytes(), &[1], &units].concat())
}

fn number(row: u16, col: u16, value: f64) -> Vec<u8> {
    record(0x0203, &[&row.to_le_bytes()[..], &col.to_le_bytes(), &[0, 0], &value.to_le_bytes()].concat())
}

/// A workbook stream: globals listing one BOUNDSHEET per sheet body (offsets filled in), then the sheets.
fn workbook(sheets: &[Vec<u8>]) -> Vec<u8> {
    let boundsheet = |at: u32, i: usize| {
        let name = format!("S{i}");
        record(0x0085, &[&at.to_le_bytes()[..], &[0, 0, name.len() as u8, 0], name.as_bytes()].concat())
    };
    let globals_len: usize =
        bof(0x0005).len() + (0..sheets.len()).map(|i| boundsheet(0, i).len()).sum::<usize>() + eof().len();
    let mut stream = bof(0x0005);
    let mut at = globals_len;
    for (i, sheet) in sheets.iter().enumerate() {
        stream.extend(boundsheet(at as u32, i));
        at += sheet.len();
    }
    stream.extend(eof());
    for sheet in sheets {
        stream.extend_from_slice(sheet);
    }
    // Past the mini-stream cutoff, so the stream lives in ordinary sectors (nothing reads past the last EOF).
    stream.resize(stream.len().max(4096), 0);
    stream
}

fn sheet(body: &[Vec<u8>]) -> Vec<u8> {
    [vec![bof(0x0010)], body.to_vec(), vec![eof()]].concat().concat()
}

/// An OLE compound file (512-byte sectors): FAT in sector 0, directory in sector 1, the stream from sector 2.
/// `fat_patch` edits the FAT before it is written (to break chains).
fn compound(stream: &[u8], fat_patch: impl FnOnce(&mut Vec<u32>)) -> Vec<u8> {
    let stream_sectors = stream.len().div_ceil(512);
    let mut fat = vec![FATSECT, ENDOFCHAIN];
    for i in 0..stream_sectors {
        fat.push(if i + 1 == stream_sectors { ENDOFCHAIN } else { (i + 3) as u32 });
    }
    fat.resize(128, FREESECT);
    fat_patch(&mut fat);

    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    let fields: [(usize, u32, usize); 11] = [
        (24, 0x003E, 2),
        (26, 3, 2),
        (28, 0xFFFE, 2),
        (30, 9, 2),
        (32, 6, 2),
        (44, 1, 4),
        (48, 1, 4),
        (56, 4096, 4),
        (60, ENDOFCHAIN, 4),
        (68, ENDOFCHAIN, 4),
        (76, 0, 4),
    ];
    for (at, value, width) in fields {
        header[at..at + width].copy_from_slice(&value.to_le_bytes()[..width]);
    }
    for slot in header[80..512].chunks_exact_mut(4) {
        slot.copy_from_slice(&FREESECT.to_le_bytes());
    }

    let entry = |name: &str, kind: u8, child: u32, start: u32, size: u32| {
        let mut e = vec![0u8; 128];
        let units: Vec<u8> = name.encode_utf16().chain([0]).flat_map(u16::to_le_bytes).collect();
        e[..units.len()].copy_from_slice(&units);
        e[64..66].copy_from_slice(&(units.len() as u16).to_le_bytes());
        e[66] = kind;
        e[67] = 1;
        e[68..72].copy_from_slice(&NOSTREAM.to_le_bytes());
        e[72..76].copy_from_slice(&NOSTREAM.to_le_bytes());
        e[76..80].copy_from_slice(&child.to_le_bytes());
        e[116..120].copy_from_slice(&start.to_le_bytes());
        e[120..124].copy_from_slice(&size.to_le_bytes());
        e
    };
    let empty = || {
        let mut e = vec![0u8; 128];
        for at in [68, 72, 76] {
            e[at..at + 4].copy_from_slice(&NOSTREAM.to_le_bytes());
        }
        e
    };
    let directory = [
        entry("Root Entry", 5, 1, ENDOFCHAIN, 0),
        entry("Workbook", 2, NOSTREAM, 2, stream.len() as u32),
        empty(),
        empty(),
    ]
    .concat();

    let mut file = header;
    file.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    file.extend(directory);
    file.extend_from_slice(stream);
    file.resize(512 + (2 + stream_sectors) * 512, 0);
    file
}

fn refused(bytes: &[u8], name: &str) -> ImportError {
    let err = import(bytes, name).expect_err(name);
    assert!(!err.message().is_empty() && !err.message_en().is_empty());
    err
}

/// The national template's header and one entry: what a township's XLS looks like, stripped to its records.
fn township_sheet() -> Vec<u8> {
    let header = ["公开事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象", "公开方式"];
    let row = [
        "最低生活保障",
        "低保政策文件",
        "《社会救助暂行办法》",
        "信息形成或变更之日起20个工作日内",
        "镇民政办",
        "政府网站",
        "全社会",
        "主动",
    ];
    let mut body = vec![dimensions((0, 2), (0, header.len() as u16))];
    for (c, text) in header.iter().enumerate() {
        body.push(label(0, c as u16, text));
    }
    for (c, text) in row.iter().enumerate() {
        body.push(label(1, c as u16, text));
    }
    sheet(&body)
}

#[test]
fn a_well_formed_workbook_imports() {
    let xls = compound(&workbook(&[township_sheet()]), |_| {});
    if let Some(dir) = std::env::var_os("XLS_SEED_OUT") {
        // `XLS_SEED_OUT=crates/catalog-interop/fuzz/corpus/import_xls cargo test …` refreshes the fuzz seed.
        std::fs::write(std::path::Path::new(&dir).join("township-biff8.xls"), &xls).expect("write seed");
    }
    let imported = import(&xls, "某镇目录.xls").expect("a valid workbook imports");
    assert_eq!(imported.catalog.entries.len(), 1);
    assert_eq!(imported.catalog.entries[0].content, "低保政策文件");
}

#[test]
fn a_dimensions_record_claiming_billions_of_rows_is_refused() {
    let claim = sheet(&[dimensions((0, u32::MAX), (0, 8)), number(0, 0, 1.0)]);
    assert_eq!(refused(&compound(&workbook(&[claim]), |_| {}), "声明.xls").code(), "import.too-many-rows");
    // An end before its start: calamine's unchecked arithmetic would wrap it to 4 billion columns.
    let wrapped = sheet(&[dimensions((0, 2), (5, 5)), number(0, 0, 1.0)]);
    assert_eq!(refused(&compound(&workbook(&[wrapped]), |_| {}), "回绕.xls").code(), "import.too-many-cells");
}

#[test]
fn far_apart_cells_in_every_sheet_are_refused() {
    let corners = sheet(&[number(0, 0, 1.0), number(65535, 255, 2.0)]);
    let xls = compound(&workbook(&[corners.clone(), corners.clone(), corners]), |_| {});
    assert!(xls.len() < 16 * 1024, "a small file: {}", xls.len());
    assert_eq!(refused(&xls, "角落.xls").code(), "import.too-many-cells");
    // One sheet listed many times is laid out many times.
    let middling = sheet(&[number(0, 0, 1.0), number(9999, 199, 2.0)]);
    let stream = workbook(&[middling.clone(), middling.clone(), middling]);
    assert_eq!(refused(&compound(&stream, |_| {}), "重复.xls").code(), "import.too-many-cells");
}

#[test]
fn broken_sector_chains_are_refused() {
    let stream = workbook(&[township_sheet()]);
    // The directory's chain points back at itself: calamine would read it for ever.
    let looping = compound(&stream, |fat| fat[1] = 1);
    let err = refused(&looping, "循环.xls");
    assert_eq!(err.code(), "import.workbook");
    assert!(err.message_en().contains("loops"), "refused by the guard, not by calamine: {}", err.message_en());
    // The stream's chain leaves the allocation table.
    let escaping = compound(&stream, |fat| fat[2] = 100_000);
    let err = refused(&escaping, "越界.xls");
    assert_eq!(err.code(), "import.workbook");
    assert!(err.message_en().contains("past the end"), "{}", err.message_en());
    // A sheet record pointing past the end of the workbook stream.
    let mut bad = stream.clone();
    let at = bad.windows(2).position(|w| w == [0x85, 0x00]).expect("BOUNDSHEET") + 4;
    bad[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let err = refused(&compound(&bad, |_| {}), "坏表.xls");
    assert_eq!(err.code(), "import.workbook");
    assert!(err.message_en().contains("sheet lies past the end"), "{}", err.message_en());
    // Records calamine indexes without a length check: a CODEPAGE of one byte, merged cells counting more than
    // they hold.
    let short_codepage = {
        let mut stream = workbook(&[township_sheet()]);
        stream.splice(20..20, record(0x0042, &[0xB5]));
        // The BOUNDSHEET offset moves with it (the BOF is 20 bytes, then the inserted record of 5).
        let at = stream.windows(2).position(|w| w == [0x85, 0x00]).expect("BOUNDSHEET") + 4;
        let offset = u32::from_le_bytes(stream[at..at + 4].try_into().expect("4 bytes")) + 5;
        stream[at..at + 4].copy_from_slice(&offset.to_le_bytes());
        stream
    };
    let err = refused(&compound(&short_codepage, |_| {}), "代码页.xls");
    assert!(err.message_en().contains("workbook record is cut short"), "{}", err.message_en());
    let merges = sheet(&[number(0, 0, 1.0), record(0x00E5, &[200, 0, 0, 0])]);
    let err = refused(&compound(&workbook(&[merges]), |_| {}), "合并.xls");
    assert!(err.message_en().contains("merged-cells record"), "{}", err.message_en());
}
