//! The free-text parsers (时限, 依据, 渠道) on any text never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = catalog_core::parse::time_limit::parse_time_limit(text);
    let basis = catalog_core::parse::basis::parse_basis(text);
    let _ = basis.normalized(text);
    let _ = catalog_core::parse::channels::parse_channels(text).channels();
});
