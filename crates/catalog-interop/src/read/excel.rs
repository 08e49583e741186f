//! XLSX and XLS workbooks, read from bytes with calamine (no file system: the same code runs in the browser).

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Sheets, open_workbook_auto_from_rs};

use crate::ImportError;
use crate::grid::{Merge, Sheet};
use crate::limits::{
    MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO,
};

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        // Dates and other values as Excel displays them is out of scope: they carry their ISO/number text.
        other => other.to_string(),
    }
}

/// A streamed XLSX cell's text, without first copying it into an owned [`Data`].
fn text_ref(cell: &DataRef) -> String {
    match cell {
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::String(s) => s.clone(),
        DataRef::Empty => String::new(),
        other => text(&Data::from(other.clone())),
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
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(ImportError::ZipEntries { limit: MAX_ZIP_ENTRIES });
    }
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
    super::xls_guard::check(bytes)?;
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| ImportError::Workbook(e.to_string()))?;
    let names = book.sheet_names();
    let mut sheets = Vec::new();
    let mut cells_seen = 0usize;
    for name in names {
        let rows = match &mut book {
            Sheets::Xlsx(xlsx) => xlsx_rows(xlsx, &name, &mut cells_seen)?,
            Sheets::Xlsb(xlsb) => xlsb_rows(xlsb, &name, &mut cells_seen)?,
            _ => {
                let range = book.worksheet_range(&name).map_err(|e| ImportError::Workbook(e.to_string()))?;
                range_rows(&range, &mut cells_seen)?
            }
        };
        let merges = merges(&mut book, &name);
        check_merges(&rows, &merges)?;
        sheets.push(Sheet::new(&name, rows, &merges));
    }
    Ok(sheets)
}

/// Counts a sheet of `height` × `width` cells (from A1: the grid is padded to a rectangle) against the limits.
fn check_size(height: usize, width: usize, cells_before: usize) -> Result<(), ImportError> {
    if height > MAX_ROWS {
        return Err(ImportError::TooManyRows { limit: MAX_ROWS });
    }
    if width > MAX_COLUMNS {
        return Err(ImportError::TooManyColumns { limit: MAX_COLUMNS });
    }
    if cells_before.saturating_add(height.saturating_mul(width)) > MAX_CELLS {
        return Err(ImportError::TooManyCells { limit: MAX_CELLS });
    }
    Ok(())
}

/// Merged regions are filled cell by cell: their area (within the grid) may not exceed the cell limit. Excel's merges
/// never overlap, so a real sheet's merged area is at most its grid; a file repeating one huge merge a million times
/// would otherwise cost a million grid-sized fills.
fn check_merges(rows: &[Vec<String>], merges: &[Merge]) -> Result<(), ImportError> {
    let (height, width) = (rows.len(), rows.iter().map(Vec::len).max().unwrap_or(0));
    let mut area = 0usize;
    for m in merges {
        let rows = m.last.0.min(height.saturating_sub(1)).saturating_add(1).saturating_sub(m.first.0);
        let cols = m.last.1.min(width.saturating_sub(1)).saturating_add(1).saturating_sub(m.first.1);
        area = area.saturating_add(rows.saturating_mul(cols));
        if area > MAX_CELLS {
            return Err(ImportError::TooManyCells { limit: MAX_CELLS });
        }
    }
    Ok(())
}

/// An XLSX sheet, streamed cell by cell and refused as soon as a cell lies beyond the limits. calamine's
/// `worksheet_range` would first allocate the whole bounding box of the used cells: two cells, A1 and XFD1048576,
/// make it 17 billion cells (an out-of-memory abort from a 2 KB file).
fn xlsx_rows<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<RS>,
    name: &str,
    cells_seen: &mut usize,
) -> Result<Vec<Vec<String>>, ImportError> {
    let workbook_error = |e: calamine::XlsxError| ImportError::Workbook(e.to_string());
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet or dialog sheet: nothing to read, as calamine's own range reader treats it.
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(workbook_error(e)),
    };
    stream_rows(|| reader.next_cell().map(|c| c.map(owned)).map_err(workbook_error), cells_seen)
}

/// An XLSB sheet, streamed the same way (calamine lays its cells out over their bounding box too).
fn xlsb_rows<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsb<RS>,
    name: &str,
    cells_seen: &mut usize,
) -> Result<Vec<Vec<String>>, ImportError> {
    let workbook_error = |e: calamine::XlsbError| ImportError::Workbook(e.to_string());
    let mut reader = book.worksheet_cells_reader(name).map_err(workbook_error)?;
    stream_rows(|| reader.next_cell().map(|c| c.map(owned)).map_err(workbook_error), cells_seen)
}

fn owned(cell: calamine::Cell<calamine::DataRef<'_>>) -> ((u32, u32), String) {
    (cell.get_position(), text_ref(cell.get_value()))
}

/// Rows (from A1) from a stream of cells, each checked against the limits as it arrives.
fn stream_rows(
    mut next: impl FnMut() -> Result<Option<((u32, u32), String)>, ImportError>,
    cells_seen: &mut usize,
) -> Result<Vec<Vec<String>>, ImportError> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut width = 0usize;
    while let Some(((row, col), value)) = next()? {
        if value.is_empty() {
            continue;
        }
        let (row, col) = (row as usize, col as usize);
        width = width.max(col + 1);
        check_size(rows.len().max(row + 1), width, *cells_seen)?;
        if value.chars().count() > MAX_CELL_CHARS {
            return Err(ImportError::CellTooLong { row: row + 1, limit: MAX_CELL_CHARS });
        }
        if rows.len() <= row {
            rows.resize_with(row + 1, Vec::new);
        }
        let out = &mut rows[row];
        if out.len() <= col {
            out.resize(col + 1, String::new());
        }
        out[col] = value;
    }
    *cells_seen = cells_seen.saturating_add(rows.len().saturating_mul(width));
    Ok(rows)
}

/// Any other workbook (xls, ods), read whole by calamine. Rows keep Excel's numbering: the grid starts at A1.
fn range_rows(range: &calamine::Range<Data>, cells_seen: &mut usize) -> Result<Vec<Vec<String>>, ImportError> {
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let (height, width) = range.get_size();
    check_size(top + height, left + width, *cells_seen)?;
    *cells_seen = cells_seen.saturating_add((top + height).saturating_mul(left + width));
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
    Ok(rows)
}
