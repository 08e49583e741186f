//! Any bytes named .json: an import never panics; when it succeeds, validating and exporting (CSV, and the HTML page
//! masked) never panic either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = catalog_interop::import(data, "fuzz.json") {
        let _ = catalog_core::validate(&imported.catalog);
        let _ = catalog_interop::export(&imported.catalog, catalog_interop::ExportFormat::Csv);
        // The published page: the personal-data scan, and masking of whatever text came in.
        let masked = catalog_interop::ExportOptions { mask_personal_data: true };
        let _ = catalog_interop::export_with(&imported.catalog, catalog_interop::ExportFormat::Html, &masked);
    }
});
