//! Any bytes read as frab_xml: an error or a programme, never a panic; a programme that
//! becomes a week becomes one that loads.
#![no_main]

use fora::import::{self, ImportError, Options, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        timezone: Some(chrono_tz::Europe::Berlin),
        ..Options::default()
    };
    if let Ok(programme) = import::read(Source::FrabXml, data, &options) {
        if let Err(ImportError::Week(error)) = import::build(programme, &options, "fuzz") {
            panic!("an imported week does not load: {error:?}");
        }
    }
});
