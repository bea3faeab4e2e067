//! Reads calendars with ical.js (`tests/icaljs/read.mjs`), a parser that ships no zone
//! database and so takes every local time from the file's own VTIMEZONEs.
//!
//! Include with `#[path = "support/icaljs.rs"] mod icaljs;`.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const MISSING: &str = "ical.js is not installed: run `npm ci --prefix tests/icaljs`";

fn harness() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/icaljs");
    assert!(
        dir.join("node_modules/ical.js/package.json").is_file(),
        "{MISSING}"
    );
    dir
}

/// Runs `node read.mjs MODE FILE ARGS...` on `ics` and returns its standard output.
fn run(mode: &str, ics: &str, args: &[String]) -> String {
    let dir = harness();
    let mut file = tempfile::Builder::new()
        .prefix("fora-icaljs-")
        .suffix(".ics")
        .tempfile()
        .expect("a temporary file");
    file.write_all(ics.as_bytes())
        .expect("the calendar is written");
    file.flush().expect("the calendar is written");
    let output = Command::new("node")
        .current_dir(&dir)
        .arg(dir.join("read.mjs"))
        .arg(mode)
        .arg(file.path())
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("{MISSING} (node did not start: {error})"));
    assert!(
        output.status.success(),
        "ical.js could not read the calendar ({}): {}\n--- calendar ---\n{ics}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("read.mjs prints UTF-8")
}

/// Every VEVENT as ical.js reads it: `uid`, `sequence`, `status`, `summary`, `description`,
/// `location`, `url`, `dtstamp`, `last_modified`, `conference` ([{value, params}]), `alarms`
/// ([{action, trigger, description}]), `categories` ([text]), `organizer` ({value, cn}),
/// `contact`, `language` ({summary, description, location, categories}: each LANGUAGE),
/// `tzid` of DTSTART, and `start`/`end` in Unix seconds.
/// Panics if an event names a TZID the calendar does not define.
pub fn events(ics: &str) -> Vec<serde_json::Value> {
    serde_json::from_str(&run("events", ics, &[])).expect("read.mjs prints a JSON array")
}

/// The calendar's NAME, X-WR-CALNAME and X-WR-CALDESC as ical.js reads them: each
/// `{value, language}`, or null. ical.js knows none of them, so a value keeps its TEXT
/// escapes (`\,`).
pub fn header(ics: &str) -> serde_json::Value {
    serde_json::from_str(&run("header", ics, &[])).expect("read.mjs prints a JSON object")
}

/// `(t, offset in seconds)` for t = from, from + step, … < to (Unix seconds): the UTC offset
/// ical.js finds at the instant t in the calendar's VTIMEZONE `tzid`.
pub fn offsets(ics: &str, tzid: &str, from: i64, to: i64, step: i64) -> Vec<(i64, i32)> {
    let args = [
        tzid.to_owned(),
        from.to_string(),
        to.to_string(),
        step.to_string(),
    ];
    pairs(&run("offsets", ics, &args))
}

/// Like [`offsets`], at the instants given (in their order).
pub fn offsets_at(ics: &str, tzid: &str, instants: &[i64]) -> Vec<(i64, i32)> {
    let mut args = vec![tzid.to_owned()];
    args.extend(instants.iter().map(i64::to_string));
    pairs(&run("offsets-at", ics, &args))
}

fn pairs(text: &str) -> Vec<(i64, i32)> {
    text.lines()
        .map(|line| {
            let (t, offset) = line.split_once(' ').expect("`t offset` lines");
            (
                t.parse().expect("t is an integer"),
                offset.parse().expect("the offset is an integer"),
            )
        })
        .collect()
}
