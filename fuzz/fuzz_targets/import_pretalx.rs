//! Any bytes read as pretalx (see common.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::import(fora::import::Source::Pretalx, data));
