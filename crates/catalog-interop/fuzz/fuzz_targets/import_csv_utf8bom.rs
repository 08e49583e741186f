//! Any bytes after a UTF-8 BOM (what this tool and WPS write) named .csv: invalid UTF-8 after the BOM included. Never
//! panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(data);
    if let Ok(imported) = catalog_interop::import(&bytes, "fuzz.csv") {
        let _ = catalog_core::validate(&imported.catalog);
        let _ = catalog_interop::export(&imported.catalog, catalog_interop::ExportFormat::Csv);
        // The published page: the personal-data scan, and masking of whatever text came in.
        let masked = catalog_interop::ExportOptions { mask_personal_data: true };
        let _ = catalog_interop::export_with(&imported.catalog, catalog_interop::ExportFormat::Html, &masked);
    }
});
