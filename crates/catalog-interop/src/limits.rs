//! Bounds on untrusted input: a file from another office must not exhaust a laptop's memory.

/// Largest file accepted (bytes). Real catalogs are well under 5 MB.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Most rows read from one sheet or CSV file.
pub const MAX_ROWS: usize = 200_000;
/// Most columns read from one sheet.
pub const MAX_COLUMNS: usize = 256;
/// Longest cell kept (characters); Excel itself stops at 32,767.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Most cells (rows × columns, counted from A1 because short rows are padded to the widest) of one workbook or
/// CSV file, summed over its sheets. Bounds the padded grid: without it a 200 KB CSV of 200,000 one-cell lines and
/// one 256-cell line would become 51 million cells (1.2 GB). A 10,000-entry catalog of 30 columns is 300,000.
pub const MAX_CELLS: usize = 5_000_000;
/// Most bytes a workbook's zip entries may inflate to, summed (a real catalog inflates to a few MB).
pub const MAX_UNZIPPED_BYTES: u64 = 256 * 1024 * 1024;
/// Highest inflation ratio of one zip entry; sheet XML compresses about 10–30×, a zip bomb thousands of times.
pub const MAX_ZIP_RATIO: u64 = 200;
/// Most entries in a workbook's zip; a real XLSX has a few dozen (a few hundred with pictures).
pub const MAX_ZIP_ENTRIES: usize = 10_000;
