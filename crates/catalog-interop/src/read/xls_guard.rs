//! A look at an XLS file (BIFF records in an OLE compound file) before calamine parses it. calamine 0.38 reads the
//! whole workbook when it opens it and trusts what it reads: a sector chain that loops grows its buffer without end,
//! a FAT entry past the table panics, a DIMENSIONS record claiming 4 billion rows reserves memory for them, and a
//! sheet's cells are laid out over their bounding box (A1 and IV65536 alone are 16.7 million cells, in every sheet).
//! This walks the same structures the same way (calamine's `cfb.rs` and `xls.rs`) with every index and loop checked,
//! and refuses such a file before calamine sees it.

use crate::ImportError;
use crate::limits::{MAX_CELLS, MAX_ROWS};

const SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
/// calamine reads streams shorter than this from the mini stream.
const MINI_CUTOFF: usize = 4096;

fn broken(what: &str) -> ImportError {
    ImportError::Workbook(format!("malformed XLS: {what}"))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Little-endian u32s, as calamine reads allocation tables: it asserts (panics) unless the bytes come in fours, which
/// a sector cut short by the end of the file does not (found by `cargo xtask fuzz`).
fn words(bytes: &[u8]) -> Result<Vec<u32>, ImportError> {
    if bytes.len() % 4 != 0 {
        return Err(broken("an allocation table is cut short"));
    }
    Ok(bytes.chunks_exact(4).filter_map(|c| u32_at(c, 0)).collect())
}

/// The compound file's sectors as calamine numbers them: sector 0 follows the header (512 or 4096 bytes).
struct Sectors<'a> {
    data: &'a [u8],
    size: usize,
}

impl Sectors<'_> {
    fn count(&self) -> usize {
        self.data.len().div_ceil(self.size)
    }

    fn get(&self, id: u32) -> Option<&[u8]> {
        let start = (id as usize).checked_mul(self.size)?;
        let end = start.saturating_add(self.size).min(self.data.len());
        self.data.get(start..end)
    }

    /// Follow a chain through `fat` until `len` bytes are read or it ends; refused when it leaves the table, points
    /// past the file or loops (visiting more sectors than exist).
    fn chain(&self, mut id: u32, fat: &[u32], len: usize) -> Result<Vec<u8>, ImportError> {
        let mut out = Vec::new();
        let mut visited = 0usize;
        while id != ENDOFCHAIN {
            visited += 1;
            if visited > self.count() + 1 {
                return Err(broken("a sector chain loops"));
            }
            let sector = self.get(id).ok_or_else(|| broken("a sector chain points past the end of the file"))?;
            out.extend_from_slice(&sector[..sector.len().min(len - out.len())]);
            if out.len() >= len {
                break;
            }
            id = *fat.get(id as usize).ok_or_else(|| broken("a sector chain leaves the allocation table"))?;
        }
        Ok(out)
    }
}

/// The `Workbook` (or BIFF5 `Book`) stream, read as calamine reads it; `None` when the file is no compound file
/// (calamine then refuses it itself).
fn workbook_stream(bytes: &[u8]) -> Result<Option<Vec<u8>>, ImportError> {
    if bytes.len() < 512 || !bytes.starts_with(SIGNATURE) {
        return Ok(None);
    }
    let header_len = match u16_at(bytes, 30) {
        Some(9) => 512,
        Some(12) => 4096,
        _ => return Ok(None),
    };
    let sectors = Sectors { data: bytes.get(header_len..).unwrap_or_default(), size: header_len };
    let field = |at: usize| u32_at(bytes, at).unwrap_or(ENDOFCHAIN);
    let (dir_start, mini_fat_start, mini_fat_len, mut difat_id) = (field(48), field(60), field(64), field(68));

    let mut difat: Vec<u32> = bytes[76..512].chunks_exact(4).filter_map(|c| u32_at(c, 0)).collect();
    let mut difat_sectors = 0usize;
    while difat_id < RESERVED {
        difat_sectors += 1;
        if difat_sectors > sectors.count() + 1 {
            return Err(broken("the DIFAT chain loops"));
        }
        let sector = sectors.get(difat_id).ok_or_else(|| broken("a DIFAT sector lies past the end"))?;
        difat.extend(words(sector)?);
        difat_id = difat.pop().unwrap_or(ENDOFCHAIN);
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        let sector = sectors.get(id).ok_or_else(|| broken("a FAT sector lies past the end"))?;
        fat.extend(words(sector)?);
    }

    let dirs = sectors.chain(dir_start, &fat, usize::MAX)?;
    // Directory entries: UTF-16 name (64 bytes), start sector at 0x74, stream size at 0x78.
    let entries: Vec<(String, u32, u64)> = dirs
        .chunks_exact(128)
        .map(|d| {
            let units: Vec<u16> = d[..64].chunks_exact(2).filter_map(|c| u16_at(c, 0)).collect();
            let name: String = char::decode_utf16(units).map_while(Result::ok).take_while(|c| *c != '\0').collect();
            // calamine reads a 64-bit size in 4096-byte-sector files (and unwraps it into usize).
            let len = if header_len == 4096 {
                u32_at(d, 0x78).map(u64::from).unwrap_or(0) | u32_at(d, 0x7C).map(|h| u64::from(h) << 32).unwrap_or(0)
            } else {
                u32_at(d, 0x78).map(u64::from).unwrap_or(0)
            };
            (name, u32_at(d, 0x74).unwrap_or(ENDOFCHAIN), len)
        })
        .collect();
    // calamine unwraps every size into usize: on wasm32 a size of 4 GB or more would panic.
    if entries.iter().any(|(_, _, len)| *len > u64::from(u32::MAX)) {
        return Err(broken("a stream claims 4 GB or more"));
    }
    let entries: Vec<(String, u32, usize)> =
        entries.into_iter().map(|(n, s, l)| (n, s, usize::try_from(l).unwrap_or(usize::MAX))).collect();
    let Some(root) = entries.first() else { return Err(broken("no root directory")) };
    // calamine reads the mini FAT and the mini stream on opening whenever the header lists a mini FAT.
    let (mini_fat, mini_data) = if mini_fat_len > 0 {
        let bytes = sectors.chain(mini_fat_start, &fat, (mini_fat_len as usize).saturating_mul(header_len))?;
        (words(&bytes)?, sectors.chain(root.1, &fat, root.2)?)
    } else {
        (Vec::new(), Vec::new())
    };
    let find = |wanted: &str| entries.iter().find(|(n, ..)| n.eq_ignore_ascii_case(wanted));
    let Some((_, start, len)) = find("Workbook").or_else(|| find("Book")) else { return Ok(None) };
    if *len < MINI_CUTOFF {
        let mini = Sectors { data: &mini_data, size: 64 };
        return mini.chain(*start, &mini_fat, *len).map(Some);
    }
    sectors.chain(*start, &fat, *len).map(Some)
}

/// BIFF records as calamine iterates them (CONTINUE records belong to the record before).
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16_at(rest, 0)?;
        let len = u16_at(rest, 2)? as usize;
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

/// The cells one sheet substream would lay out: its DIMENSIONS claim and the bounding box of its cell records
/// (the record types calamine turns into cells), each as rows × columns.
fn sheet_cells(stream: &[u8], from: usize) -> Result<usize, ImportError> {
    let Some(sheet) = stream.get(from..) else { return Err(broken("a sheet lies past the end of the workbook")) };
    let mut claimed = 0usize;
    let (mut top, mut bottom, mut left, mut right) = (u32::MAX, 0u32, u32::MAX, 0u32);
    let mut depth = 0usize;
    let mut seen_bof = false;
    for (typ, data) in records(sheet) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let position = |col_at: usize| Some((u16_at(data, 0)? as u32, u16_at(data, col_at)? as u32));
        let cells: Option<((u32, u32), u32)> = match typ {
            0x0809 if seen_bof => {
                depth += 1;
                None
            }
            0x0809 => {
                seen_bof = true;
                None
            }
            0x000A => break,
            // MERGECELLS: calamine reads the count's 8-byte entries unchecked, at u16 offsets.
            0x00E5 => {
                let count = usize::from(u16_at(data, 0).unwrap_or(u16::MAX));
                if count >= 8192 || data.len() < 2 + 8 * count {
                    return Err(broken("a merged-cells record is cut short"));
                }
                None
            }
            0x0200 => {
                // DIMENSIONS, read as calamine reads it: it reserves rows × columns cells from the claim, with
                // unchecked u32 arithmetic (an end before its start wraps to 4 billion).
                let (rf, rl, cf, cl) = match data.len() {
                    10 => (
                        u16_at(data, 0).map(u32::from),
                        u16_at(data, 2).map(u32::from),
                        u16_at(data, 4),
                        u16_at(data, 6),
                    ),
                    14 | 16 => (u32_at(data, 0), u32_at(data, 4), u16_at(data, 8), u16_at(data, 10)),
                    _ => (None, None, None, None),
                };
                if let (Some(rf), Some(rl), Some(cf), Some(cl)) = (rf, rl, cf, cl) {
                    let (cf, cl) = (u32::from(cf), u32::from(cl));
                    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                    let ((r0, c0), (r1, c1)) =
                        if rl >= 1 && cl >= 1 { ((rf, cf), (rl - 1, cl - 1)) } else { ((rf, cf), (rf, cf)) };
                    if r1 < r0 || c1 < c0 {
                        return Err(ImportError::TooManyCells { limit: MAX_CELLS });
                    }
                    let (rows, cols) = ((r1 - r0) as usize + 1, (c1 - c0) as usize + 1);
                    if rows > MAX_ROWS {
                        return Err(ImportError::TooManyRows { limit: MAX_ROWS });
                    }
                    claimed = claimed.max(rows.saturating_mul(cols));
                }
                None
            }
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => position(2).map(|p| (p, p.1)),
            // MULRK: a row of cells from the first column to the last (the record's last two bytes).
            0x00BD => position(2)
                .zip(data.len().checked_sub(2).and_then(|at| u16_at(data, at)))
                .map(|(p, last)| (p, u32::from(last))),
            _ => None,
        };
        if let Some(((row, col), last_col)) = cells {
            top = top.min(row);
            bottom = bottom.max(row);
            left = left.min(col);
            right = right.max(last_col.max(col));
        }
    }
    let boxed = if top <= bottom && left <= right {
        ((bottom - top + 1) as usize).saturating_mul((right - left + 1) as usize)
    } else {
        0
    };
    Ok(claimed.max(boxed))
}

/// Refuse an XLS whose structure would make calamine loop, panic or allocate beyond the limits. Files that are not
/// compound files, or hold no workbook stream, are left to calamine's own errors.
pub fn check(bytes: &[u8]) -> Result<(), ImportError> {
    let Some(stream) = workbook_stream(bytes)? else { return Ok(()) };
    let mut total = 0usize;
    for (typ, data) in records(&stream) {
        match typ {
            // BOUNDSHEET: where a sheet's substream starts; each listed sheet is laid out (listing one twice counts
            // twice, as calamine parses it twice).
            0x0085 => {
                // calamine reads the visibility and type bytes at 4 and 5 without a length check.
                let at =
                    u32_at(data, 0).filter(|_| data.len() >= 6).ok_or_else(|| broken("a sheet record is cut short"))?;
                let at = at as usize;
                total = total.saturating_add(sheet_cells(&stream, at)?);
                if total > MAX_CELLS {
                    return Err(ImportError::TooManyCells { limit: MAX_CELLS });
                }
            }
            // Records calamine reads without a length check: BOF, FILEPASS, CODEPAGE, DATEMODE, EXTERNSHEET read a
            // u16 at once; a defined name (LBL) reads 14 bytes, then its formula from the end.
            0x0809 | 0x002F | 0x0042 | 0x0022 | 0x0017 if data.len() < 2 => {
                return Err(broken("a workbook record is cut short"));
            }
            0x0018 if data.len() < 14 || usize::from(u16_at(data, 4).unwrap_or(u16::MAX)) > data.len() => {
                return Err(broken("a defined name is cut short"));
            }
            0x000A => break,
            _ => {}
        }
    }
    Ok(())
}
