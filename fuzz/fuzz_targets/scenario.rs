//! Scenario JSON as the JavaScript API, a paste and the autosave read it. See `fuzz/harness.rs`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // Every way in hands over text (a JavaScript string); bytes that are not UTF-8 never arrive.
    if let Ok(text) = std::str::from_utf8(data) {
        harness::scenario_json(text);
    }
});
