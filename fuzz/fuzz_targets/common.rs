//! What every importer's target asks: any bytes give an error or a programme, never a
//! panic; a programme that becomes a week becomes one that loads.

use fora::import::{self, ImportError, Options, Source};

pub fn import(source: Source, data: &[u8]) {
    let options = Options {
        timezone: Some(chrono_tz::Europe::Berlin),
        ..Options::default()
    };
    if let Ok(programme) = import::read(source, data, &options) {
        if let Err(ImportError::Week(error)) = import::build(programme, &options, "fuzz") {
            panic!("an imported week does not load: {error:?}");
        }
    }
}
