//! Bounds on untrusted input: a file from another office must not exhaust a laptop's memory.

/// Largest file accepted (bytes). Real catalogs are well under 5 MB.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Most rows read from one sheet or CSV file.
pub const MAX_ROWS: usize = 200_000;
/// Most columns read from one sheet.
pub const MAX_COLUMNS: usize = 256;
/// Longest cell kept (characters); Excel itself stops at 32,767.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Most cells (rows × columns) of one workbook, summed over its sheets.
pub const MAX_CELLS: usize = 20_000_000;
/// Most bytes a workbook's zip entries may inflate to, summed (a real catalog inflates to a few MB).
pub const MAX_UNZIPPED_BYTES: u64 = 256 * 1024 * 1024;
/// Highest inflation ratio of one zip entry; sheet XML compresses about 10–30×, a zip bomb thousands of times.
pub const MAX_ZIP_RATIO: u64 = 200;
