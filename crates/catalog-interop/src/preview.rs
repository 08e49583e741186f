//! What the importer makes of a file's header, before it imports (issue 14): the header rows it found, the first
//! rows under them, and per column the field it reads the column as. The app shows it so the user can change a
//! column's field and import again with that [`Mapping`]. The columns come from the reader's own detection
//! ([`layout::sheet_columns`]); only when it finds no header at all is the first row of several cells shown as
//! the header, every column read as the reader classifies its text.

use serde::Serialize;

use crate::grid::Sheet;
use crate::import::ImportError;
use crate::layout;
use crate::limits::MAX_FILE_BYTES;
use crate::mapping::{Mapping, field_name};
use crate::read;

/// How many rows under the header a preview shows.
pub const PREVIEW_ROWS: usize = 5;

/// One column of the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviewColumn {
    /// Excel's column letter (A, B, …).
    pub letter: String,
    /// The header labels top to bottom joined by `/` (`公开对象/全社会`): the key a mapping names the column by
    /// (empty for a column without a header: then its letter is).
    pub header: String,
    /// The field the importer reads it as, as a mapping names it (`content`, `audience=全社会`, `extra` …).
    pub field: String,
}

/// The preview of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preview {
    /// The sheet shown (the first with a header; else the first with cells).
    pub sheet: String,
    /// Whether the importer found the header itself (`false`: the row shown is a guess, and the file does not
    /// import without a mapping).
    pub detected: bool,
    /// The header rows (1 to 3), as the file has them.
    pub header_rows: Vec<Vec<String>>,
    /// The first rows under the header.
    pub rows: Vec<Vec<String>>,
    pub columns: Vec<PreviewColumn>,
}

/// Preview `bytes` (a `.xlsx`/`.xls`/`.csv` file, chosen by `file_name`'s extension) as [`crate::import_with`]
/// would read it with `mapping`.
pub fn preview(bytes: &[u8], file_name: &str, mapping: &Mapping) -> Result<Preview, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES });
    }
    let extension = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let sheets: Vec<Sheet> = match extension.as_str() {
        "csv" | "txt" | "tsv" => vec![read::csv::read(bytes, "")?.0],
        #[cfg(feature = "excel")]
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" | "et" => read::excel::read(bytes)?,
        other => return Err(ImportError::Unsupported { extension: other.to_owned() }),
    };
    let found = sheets.iter().find_map(|s| layout::sheet_columns(s, mapping).map(|c| (s, c, true)));
    let (sheet, (header, header_rows, columns), detected) = match found {
        Some(found) => found,
        None => {
            let (sheet, header) =
                sheets.iter().find_map(|s| guessed_header(s).map(|h| (s, h))).ok_or(ImportError::NoTable)?;
            (sheet, layout::columns_at(sheet, header, mapping), false)
        }
    };
    let first = header + header_rows.len();
    let rows = sheet
        .rows
        .iter()
        .skip(first)
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .take(PREVIEW_ROWS)
        .cloned()
        .collect();
    let columns = columns
        .iter()
        .enumerate()
        .map(|(c, (labels, column))| PreviewColumn {
            letter: layout::letter(c),
            header: labels.iter().map(|l| catalog_core::text::squash(l)).collect::<Vec<_>>().join("/"),
            field: field_name(column),
        })
        .collect();
    Ok(Preview { sheet: sheet.name.clone(), detected, header_rows, rows, columns })
}

/// A header the reader does not know: the first row with three or more cells filled (a title row has one).
fn guessed_header(sheet: &Sheet) -> Option<usize> {
    sheet.rows.iter().take(40).position(|r| r.iter().filter(|c| !c.trim().is_empty()).count() >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN_WORDS: &str = "某县某镇社会救助领域基层政务公开标准目录\n\
        序号,事项,具体事项,说明,法律依据,时间要求,责任单位,发布途径,范围,形式,层级\n\
        1,最低生活保障,审批信息,低保对象名单,《社会救助暂行办法》,信息形成之日起20个工作日内,某镇人民政府,政府网站,全社会,主动,乡级\n";

    fn fields(p: &Preview) -> Vec<(&str, &str)> {
        p.columns.iter().map(|c| (c.header.as_str(), c.field.as_str())).collect()
    }

    #[test]
    fn a_header_the_reader_does_not_know_is_shown_with_its_guess() {
        let p = preview(OWN_WORDS.as_bytes(), "自拟表头.csv", &Mapping::default()).expect("preview");
        assert!(!p.detected);
        assert_eq!(p.header_rows.len(), 1);
        assert_eq!(p.header_rows[0][1], "事项");
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0][1], "最低生活保障");
        assert_eq!(p.columns[0].letter, "A");
        assert_eq!(p.columns[10].letter, "K");
        let f = fields(&p);
        assert_eq!(f[0], ("序号", "number"));
        assert_eq!(f[4], ("法律依据", "basis"));
        assert_eq!(f[10], ("层级", "levels"));
        assert_eq!(f[3], ("说明", "extra"));
        assert!(crate::import(OWN_WORDS.as_bytes(), "自拟表头.csv").is_err(), "does not import as it is");
    }

    #[test]
    fn the_chosen_mapping_is_shown_and_imports() {
        let mut m = Mapping::default();
        for arg in ["事项=item1", "具体事项=item2", "说明=content", "时间要求=time_limit", "责任单位=subject"]
        {
            m.add_arg(arg).expect("maps");
        }
        for arg in ["发布途径=channels", "范围=audience", "形式=mode", "层级=levels"] {
            m.add_arg(arg).expect("maps");
        }
        let p = preview(OWN_WORDS.as_bytes(), "自拟表头.csv", &m).expect("preview");
        assert!(p.detected, "a row naming the mapping's headers is the header");
        let f = fields(&p);
        assert_eq!(f[1], ("事项", "item1"));
        assert_eq!(f[3], ("说明", "content"));
        // The preview's fields, fed back as the mapping, import the row.
        let mut back = Mapping::default();
        for c in &p.columns {
            back.add(&c.header, &c.field).expect("a preview's field parses back");
        }
        let imported = crate::import_with(OWN_WORDS.as_bytes(), "自拟表头.csv", &back).expect("imports");
        let e = &imported.catalog.entries[0];
        assert_eq!(e.item, vec!["最低生活保障".to_owned(), "审批信息".to_owned()]);
        assert_eq!(e.content, "低保对象名单");
        assert_eq!(e.levels, vec!["乡级".to_owned()]);
    }

    #[test]
    fn a_known_header_is_shown_as_the_reader_maps_it() {
        let csv = "序号,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级,备注\n\
            1,政策文件,规范性文件,本级规范性文件,《条例》,20个工作日内,某镇人民政府,政府网站,全社会,主动,乡级,无\n";
        let p = preview(csv.as_bytes(), "a.csv", &Mapping::default()).expect("preview");
        assert!(p.detected);
        let f = fields(&p);
        assert_eq!(f[1], ("一级事项", "item1"));
        assert_eq!(f[3], ("公开内容（要素）", "content"));
        assert_eq!(f[11], ("备注", "extra"));
        assert!(matches!(preview(b"{}", "a.json", &Mapping::default()), Err(ImportError::Unsupported { .. })));
        assert!(matches!(preview(b"just one line\n", "a.csv", &Mapping::default()), Err(ImportError::NoTable)));
    }

    #[test]
    fn a_field_name_parses_back_to_its_column() {
        use crate::layout::columns::Column;
        for column in [
            Column::Item(2),
            Column::ItemSingle,
            Column::AudienceTick("特定群体"),
            Column::ModeTick("依申请"),
            Column::LevelTick("镇街级".into()),
            Column::WithheldReason,
            Column::Number,
        ] {
            assert_eq!(crate::mapping::parse_field(&field_name(&column), "").ok(), Some(column));
        }
    }
}
