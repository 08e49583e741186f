//! A sheet as a grid of text cells, whatever file it came from, with merged regions already filled in.

/// A merged region, 0-based inclusive (row, column) corners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first: (usize, usize),
    pub last: (usize, usize),
}

/// One sheet of text cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
    /// Cells whose value was copied from the top-left cell of a merged region.
    pub merged: Vec<Vec<bool>>,
    /// Excel's row number of `rows[i]` is `row_numbers[i]` (1-based; CSV records count as rows).
    pub row_numbers: Vec<u32>,
}

impl Sheet {
    /// Build a sheet from rows (row i is Excel row i + 1) and fill its merged regions.
    pub fn new(name: &str, rows: Vec<Vec<String>>, merges: &[Merge]) -> Sheet {
        let row_numbers = (1..=rows.len()).map(|n| u32::try_from(n).unwrap_or(u32::MAX)).collect();
        let mut sheet = Sheet { name: name.to_owned(), merged: Vec::new(), rows, row_numbers };
        sheet.fill_merges(merges);
        sheet
    }

    fn fill_merges(&mut self, merges: &[Merge]) {
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut self.rows {
            row.resize(width, String::new());
        }
        self.merged = vec![vec![false; width]; self.rows.len()];
        for m in merges {
            let (r0, c0) = m.first;
            let Some(value) = self.rows.get(r0).and_then(|r| r.get(c0)).cloned() else { continue };
            let r1 = m.last.0.min(self.rows.len().saturating_sub(1));
            let c1 = m.last.1.min(width.saturating_sub(1));
            for r in r0..=r1 {
                for c in c0..=c1 {
                    if (r, c) != (r0, c0) {
                        self.rows[r][c] = value.clone();
                        self.merged[r][c] = true;
                    }
                }
            }
        }
    }

    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows.get(row).and_then(|r| r.get(col)).map_or("", String::as_str)
    }

    pub fn is_merged(&self, row: usize, col: usize) -> bool {
        self.merged.get(row).and_then(|r| r.get(col)).copied().unwrap_or(false)
    }

    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }
}
