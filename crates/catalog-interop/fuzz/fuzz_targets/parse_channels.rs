//! The 公开渠道和载体 cell parser (■□ checklists, numbered and comma lists, prose) on any text never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = catalog_core::parse::channels::parse_channels(text).channels();
});
