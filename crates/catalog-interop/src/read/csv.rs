//! CSV as Excel and WPS save it: any of the encodings in [`crate::decode`], comma-separated (or tab/semicolon when
//! the header says so), quoted cells spanning lines, ragged rows.

use crate::ImportError;
use crate::decode::{Decoded, decode};
use crate::grid::Sheet;
use crate::limits::{MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS};

/// The separator the first line uses most.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    [b',', b'\t', b';', b'|']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .filter(|d| first.bytes().any(|b| b == *d))
        .unwrap_or(b',')
}

/// Read CSV bytes into one sheet named after the file.
pub fn read(bytes: &[u8], sheet_name: &str) -> Result<(Sheet, Decoded), ImportError> {
    let decoded = decode(bytes);
    if decoded.lossy && decoded.text.chars().filter(|c| *c == '\u{FFFD}').count() * 10 > decoded.text.chars().count() {
        return Err(ImportError::NotText);
    }
    if decoded.text.contains('\0') {
        return Err(ImportError::NotText);
    }
    if let Some(line) = crate::decode::mixed_encoding_line(bytes) {
        return Err(ImportError::MixedEncoding { line });
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(&decoded.text))
        .from_reader(decoded.text.as_bytes());
    let mut rows = Vec::new();
    let mut width = 0usize;
    for record in reader.records() {
        let record = record
            .map_err(|e| ImportError::Csv { row: e.position().map_or(0, |p| p.record() + 1), detail: e.to_string() })?;
        if rows.len() >= MAX_ROWS {
            return Err(ImportError::TooManyRows { limit: MAX_ROWS });
        }
        if record.len() > MAX_COLUMNS {
            return Err(ImportError::TooManyColumns { limit: MAX_COLUMNS });
        }
        // Short rows are padded to the widest one: count the padded grid.
        width = width.max(record.len());
        if (rows.len() + 1).saturating_mul(width) > MAX_CELLS {
            return Err(ImportError::TooManyCells { limit: MAX_CELLS });
        }
        let mut row = Vec::with_capacity(record.len());
        for field in record.iter() {
            if field.chars().count() > MAX_CELL_CHARS {
                return Err(ImportError::CellTooLong { row: rows.len() + 1, limit: MAX_CELL_CHARS });
            }
            row.push(field.to_owned());
        }
        rows.push(row);
    }
    Ok((Sheet::new(sheet_name, rows, &[]), decoded))
}
