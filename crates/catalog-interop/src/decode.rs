//! Text files as Chinese offices save them: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 (what
//! Excel writes for "CSV" on a Chinese Windows). Decoded before parsing: the CSV parser expects UTF-8.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Human name: `UTF-8`, `UTF-8（带BOM）`, `UTF-16LE`, `UTF-16BE`, `GB18030/GBK`.
    pub encoding: &'static str,
    /// Whether some bytes were invalid in the chosen encoding (replaced by U+FFFD).
    pub lossy: bool,
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8], name: &'static str) -> Decoded {
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: name, lossy }
}

/// Detect and decode. A BOM decides; else valid UTF-8 is UTF-8; else GB18030 (a superset of GBK and GB2312).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_with(UTF_8, rest, "UTF-8（带BOM）");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_with(UTF_16LE, rest, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_with(UTF_16BE, rest, "UTF-16BE");
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.to_owned(), encoding: "UTF-8", lossy: false },
        Err(_) => decode_with(GB18030, bytes, "GB18030/GBK"),
    }
}
