//! Any text saved as UTF-16 with a BOM (Excel's "Unicode text") and named .csv; the first byte picks little or big
//! endian, so both decoders run. Never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&order, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let big_endian = order & 1 == 1;
    let mut bytes: Vec<u8> = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    if let Ok(imported) = catalog_interop::import(&bytes, "fuzz.csv") {
        let _ = catalog_core::validate(&imported.catalog);
        let _ = catalog_interop::export(&imported.catalog, catalog_interop::ExportFormat::Csv);
        // The published page: the personal-data scan, and masking of whatever text came in.
        let masked = catalog_interop::ExportOptions { mask_personal_data: true };
        let _ = catalog_interop::export_with(&imported.catalog, catalog_interop::ExportFormat::Html, &masked);
    }
});
