//! The 公开时限 parser on any text never panics, nor do the questions the rules ask of its result.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let parsed = catalog_core::parse::time_limit::parse_time_limit(text);
    let _ = parsed.is_recognised();
    let _ = parsed.bare_durations().count();
    let _ = parsed.longest_within();
    let _ = parsed.says_otherwise_provided();
});
