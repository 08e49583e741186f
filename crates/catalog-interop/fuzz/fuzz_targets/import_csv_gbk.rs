//! Any text saved as GBK/GB18030 (no BOM, what Excel writes on a Chinese Windows) and named .csv: the GB18030 decoding
//! path and everything after it never panic. Plain bytes would mostly be valid UTF-8 or random GB18030; encoding real
//! text keeps the fuzzer on the Chinese CSVs offices send.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    if let Ok(imported) = catalog_interop::import(&bytes, "fuzz.csv") {
        let _ = catalog_core::validate(&imported.catalog);
        let _ = catalog_interop::export(&imported.catalog, catalog_interop::ExportFormat::Csv);
        // The published page: the personal-data scan, and masking of whatever text came in.
        let masked = catalog_interop::ExportOptions { mask_personal_data: true };
        let _ = catalog_interop::export_with(&imported.catalog, catalog_interop::ExportFormat::Html, &masked);
    }
});
