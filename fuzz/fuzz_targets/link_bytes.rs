//! Bytes as a link's packed scenario (raw DEFLATE) and as the scenario the
//! browser inflated it to. See `fuzz/harness.rs`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    harness::link_bytes(data);
});
