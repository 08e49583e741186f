//! XLSX and XLS workbooks, read from bytes with calamine (no file system: the same code runs in the browser).

use std::io::Cursor;

use calamine::{Data, Reader, Sheets, open_workbook_auto_from_rs};

use crate::ImportError;
use crate::grid::{Merge, Sheet};
use crate::limits::{MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO};

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        // Dates and other values as Excel displays them is out of scope: they carry their ISO/number text.
        other => other.to_string(),
    }
}

fn merges<RS: std::io::Read + std::io::Seek>(book: &mut Sheets<RS>, name: &str) -> Vec<Merge> {
    let dims = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    dims.into_iter()
        .map(|d| Merge { first: (d.start.0 as usize, d.start.1 as usize), last: (d.end.0 as usize, d.end.1 as usize) })
        .collect()
}

/// Refuse a zip-based workbook (xlsx, ods) whose entries would inflate beyond the limits, before inflating any.
fn check_zip(bytes: &[u8]) -> Result<(), ImportError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) }; // xls: not a zip
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(i) else { continue };
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        total = total.saturating_add(size);
        if size > 1024 * 1024 && size / packed > MAX_ZIP_RATIO || total > MAX_UNZIPPED_BYTES {
            return Err(ImportError::ZipBomb { limit: MAX_UNZIPPED_BYTES });
        }
    }
    Ok(())
}

/// Read every sheet of a workbook. Rows keep Excel's numbering even when the used range starts lower.
///
/// calamine 0.38 overflows on absurd cell references (`A99999999999`) when overflow checks are on (debug and test
/// builds; found by `cargo xtask fuzz`): such a file is reported as unreadable instead of unwinding further.
/// Release builds wrap and return calamine's own error.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_unchecked(bytes)))
        .unwrap_or_else(|_| Err(ImportError::Workbook("the workbook reader failed on malformed content".into())))
}

fn read_unchecked(bytes: &[u8]) -> Result<Vec<Sheet>, ImportError> {
    check_zip(bytes)?;
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| ImportError::Workbook(e.to_string()))?;
    let names = book.sheet_names();
    let mut sheets = Vec::new();
    let mut cells_seen = 0usize;
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| ImportError::Workbook(e.to_string()))?;
        let (height, width) = range.get_size();
        if height > MAX_ROWS {
            return Err(ImportError::TooManyRows { limit: MAX_ROWS });
        }
        if width > MAX_COLUMNS {
            return Err(ImportError::TooManyColumns { limit: MAX_COLUMNS });
        }
        cells_seen = cells_seen.saturating_add(height.saturating_mul(width));
        if cells_seen > MAX_CELLS {
            return Err(ImportError::TooManyRows { limit: MAX_ROWS });
        }
        let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
        // Grid from A1 so merged-region coordinates and Excel row numbers line up.
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); top];
        for (i, row) in range.rows().enumerate() {
            let mut out = vec![String::new(); left];
            for cell in row {
                let value = text(cell);
                if value.chars().count() > MAX_CELL_CHARS {
                    return Err(ImportError::CellTooLong { row: top + i + 1, limit: MAX_CELL_CHARS });
                }
                out.push(value);
            }
            rows.push(out);
        }
        let merges = merges(&mut book, &name);
        sheets.push(Sheet::new(&name, rows, &merges));
    }
    Ok(sheets)
}
