//! The 公开依据 parser on any text never panics, nor does 文号 normalisation of that text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let basis = catalog_core::parse::basis::parse_basis(text);
    let _ = basis.generic_only();
    let _ = basis.cites_beyond_disclosure_regulation();
    let _ = basis.normalized(text);
});
