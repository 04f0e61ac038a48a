#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mtlint_fuzz::rule_file(data));
