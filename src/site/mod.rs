//! The programme site: static pages in German and English that attendees read on any
//! device, pick their fora in, and take into their calendar.
//!
//! Everything is read off the core: the days and their totals from the timetable, each
//! forum from the attendees' view, the calendars from the ics renderer (byte for byte what
//! `fora ics` writes), changes from `fora diff`, the words from the catalogue. The pages
//! come from askama templates (`templates/`), escaped by default; the script only adds the
//! star, the zone switch and "now", so every page reads without it.

mod calendars;
mod pages;
mod words;

use std::collections::BTreeMap;

use crate::check::Report;
use crate::export::ics::previous::Previous;
use crate::model::{Language, Week};

pub use words::SiteWords;

/// The languages every site is written in, each in its folder.
pub const LANGUAGES: [Language; 2] = [Language::De, Language::En];

/// The file holding the week the site was made from: `fora site --previous` reads it to
/// say what changed.
pub const WEEK_FILE: &str = "week.json";

/// What a site is made of besides the week.
#[derive(Debug, Default)]
pub struct Options<'a> {
    /// Where the site is published (ends in `/`): calendars get `webcal://` and https
    /// addresses beneath it.
    pub base_url: Option<&'a url::Url>,
    /// The site published before.
    pub previous: Option<&'a Before>,
    /// An organiser's stylesheet, added after the site's own.
    pub css: Option<&'a [u8]>,
    /// The week file as published beside the pages (attendees' numbers removed).
    pub week_file: &'a [u8],
}

/// The site published before: its week and its calendars, by path within the site.
#[derive(Debug)]
pub struct Before {
    /// The week it was made from.
    pub week: Week,
    /// Its calendars, by path (`de/calendar/week.ics`).
    pub calendars: BTreeMap<String, Previous>,
}

/// A whole site: every file by its path within the site folder (`/`-separated), in order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Site {
    /// The files.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Site {
    /// How many HTML pages it has.
    pub fn pages(&self) -> usize {
        self.count(".html")
    }

    /// How many calendars it has.
    pub fn calendars(&self) -> usize {
        self.count(".ics")
    }

    fn count(&self, ending: &str) -> usize {
        self.files
            .keys()
            .filter(|path| path.ends_with(ending))
            .count()
    }

    fn add(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }
}

/// The site of `week`, whose findings `report` holds (the checker runs once, for the
/// caller's exit code too). The week's ids must be unique (the caller refuses it
/// otherwise): pages and calendars are named after them.
pub fn build(week: &Week, report: &Report, options: &Options) -> Site {
    let mut site = Site::default();
    let parts = calendars::Parts::of(week);
    for language in LANGUAGES {
        let diff = options
            .previous
            .map(|before| crate::diff::diff_in(&before.week, language, week, language));
        let shared = pages::Shared::new(week, language, options, report, &parts, diff.as_ref());
        calendars::write(&mut site, week, language, options, &parts);
        pages::write(&mut site, &shared, diff.as_ref());
    }
    pages::root(&mut site, week);
    site.add("assets/fora.css", ASSET_CSS);
    site.add("assets/fora.js", ASSET_JS);
    site.add("favicon.svg", ASSET_FAVICON);
    if let Some(css) = options.css {
        site.add("assets/organiser.css", css);
    }
    site.add(WEEK_FILE, options.week_file);
    site
}

const ASSET_CSS: &str = include_str!("assets/fora.css");
const ASSET_JS: &str = include_str!("assets/fora.js");
const ASSET_FAVICON: &str = include_str!("assets/favicon.svg");

/// JSON for a `<script type="application/json">` element: `<`, `>` and `&` escaped, so no
/// text of the week can close the element or open a comment.
fn script_json(value: &serde_json::Value) -> String {
    let text = serde_json::to_string(value).expect("JSON values always serialise");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_element() {
        let value = serde_json::json!({"title": "</script><!-- & \u{2028}"});
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
