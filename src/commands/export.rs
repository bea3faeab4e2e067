//! `fora export`: the week as a frab schedule (XML or JSON) for conference apps.

use std::io::Write;
use std::path::PathBuf;

use crate::check::{Options, check_with};
use crate::error::ValueError;
use crate::export::frab::{self, FrabFormat, Schedule, json_zone_name};
use crate::model::Language;
use crate::text::t;
use crate::{Error, ExitCode, Severity, output, report};

/// What `fora export` is asked.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// The week file.
    pub file: PathBuf,
    /// The format.
    pub format: FrabFormat,
    /// Where it goes (`-` for standard output).
    pub output: PathBuf,
    /// The address the programme site is published under, as given.
    pub base_url: Option<String>,
    /// The language of the words in the schedule and of messages.
    pub language: Option<Language>,
}

/// How many ids a warning names; the count is always exact.
const NAMED: usize = 10;

/// Writes the schedule; says on standard error what it could not carry. Refuses a week
/// whose ids are not unique (exit code 2, as for any input the export cannot take: the
/// schedule would be invalid), and exits with 1 when the week has other error findings
/// (the schedule is written all the same).
pub fn export(options: &ExportOptions) -> Result<ExitCode, Error> {
    let base_url = base_url(options)?;
    let week = super::load(&options.file)?;
    let language = Language::resolve(options.language, week.language);
    let report = check_with(
        &week,
        Options {
            max_findings: NAMED,
            ..Options::default()
        },
    );
    super::unique_ids(
        &week,
        &report,
        &options.file,
        options.format.name(),
        language,
    )?;
    let schedule = Schedule::new(&week, language, base_url.as_ref());
    output::write_to(&options.output, |out| match options.format {
        FrabFormat::Xml => frab::xml::write(&schedule, out),
        FrabFormat::Json => frab::json::write(&schedule, out),
    })?;
    note_dropped(&schedule, options.format, language);
    Ok(super::noted(&report, &options.file, language))
}

/// `--base-url`, read: needed by frab-json, whose schema requires every event's `url`; an
/// absolute https:// or http:// address when given.
fn base_url(options: &ExportOptions) -> Result<Option<url::Url>, Error> {
    let flag = "--base-url";
    let Some(text) = options.base_url.as_deref() else {
        return match options.format {
            FrabFormat::Json => Err(Error::value(
                flag,
                ValueError::NeededBy(options.format.name()),
            )),
            FrabFormat::Xml => Ok(None),
        };
    };
    super::base_url(text).map(Some)
}

/// What the format could not carry, one warning a kind, on standard error.
fn note_dropped(schedule: &Schedule, format: FrabFormat, l: Language) {
    let dropped = &schedule.dropped;
    let name = format.name();
    let ids = |ids: &[String]| {
        let mut named = ids
            .iter()
            .take(NAMED)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if ids.len() > NAMED {
            named.push_str(", …");
        }
        named
    };
    let mut said = Vec::new();
    if !dropped.unscheduled.is_empty() {
        said.push(t!(
            l,
            "frab-unscheduled",
            format = name,
            count = dropped.unscheduled.len(),
            ids = ids(&dropped.unscheduled)
        ));
    }
    if !dropped.cancelled.is_empty() {
        said.push(t!(
            l,
            "frab-cancelled",
            format = name,
            count = dropped.cancelled.len(),
            ids = ids(&dropped.cancelled)
        ));
    }
    if !dropped.links.is_empty() {
        said.push(t!(
            l,
            "frab-bad-links",
            format = name,
            count = dropped.links.len(),
            ids = ids(&dropped.links)
        ));
    }
    if !dropped.fields.is_empty() {
        said.push(t!(
            l,
            "frab-fields",
            format = name,
            fields = ids(&dropped.fields)
        ));
    }
    let zone = schedule.conference.time_zone_name;
    if format == FrabFormat::Json && !json_zone_name(zone) {
        said.push(t!(l, "frab-zone", format = name, zone = zone));
    }
    let (style, label) = report::label(Severity::Warning, l);
    let mut stderr = anstream::stderr();
    for line in said {
        let _ = writeln!(stderr, "{style}{label}{style:#}: {line}");
    }
}
