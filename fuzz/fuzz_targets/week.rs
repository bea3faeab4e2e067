//! Any text read as a week file: a week or an error naming what is wrong, never a panic;
//! a week that loads can be checked and shown.
#![no_main]

use fora::{Language, Week, check, view::View};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(week) = Week::from_json(text) {
        let _ = check(&week);
        let view = View::new(&week, Language::De);
        for forum in &week.fora {
            let _ = view.forum(forum).when.map(|when| when.range(Language::De, None));
        }
    }
});
