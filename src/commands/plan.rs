//! `fora plan`: places the fora without a start, or re-plans the week, and writes the
//! planned week as byte-keeping edits of the file.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration as Elapsed, Instant};

use serde::Serialize;

use super::ReportFormat;
use crate::check::{Options as CheckOptions, check_with};
use crate::edit::{self, Document, Outcome};
use crate::model::{Language, Week};
use crate::plan::{self, Plan};
use crate::text::{self, DateStyle, t};
use crate::view::{View, When};
use crate::{Error, ExitCode, output, report};

/// What `fora plan` is asked.
#[derive(Clone, Debug)]
pub struct PlanOptions {
    /// The week file.
    pub file: PathBuf,
    /// Where the planned week goes: a file, `-` for standard output; `None` with `write`
    /// set: the week file itself; `None` without: nowhere.
    pub output: Option<PathBuf>,
    /// Write the planned week into the week file.
    pub write: bool,
    /// Say what the plan would be; write nothing.
    pub dry_run: bool,
    /// Move scheduled fora too, as few as can be.
    pub replan: bool,
    /// The seed of the search.
    pub seed: u64,
    /// Stop searching after this long, with the best plan found.
    pub time_limit: Option<Elapsed>,
    /// A report for people or JSON.
    pub format: ReportFormat,
    /// The language of the report.
    pub language: Option<Language>,
}

/// Plans the week and writes it where asked. Exits with 0 when every forum has a place,
/// with 1 when some have none (the others are written all the same).
pub fn plan(options: &PlanOptions) -> Result<ExitCode, Error> {
    let now = edit::now()?;
    let writes = !options.dry_run && (options.write || options.output.is_some());
    let mut document = if options.write && options.output.is_none() {
        Document::open(&options.file)?
    } else {
        Document::read(&options.file)?
    };
    let week = document.week().clone();
    let language = Language::resolve(options.language, week.language);
    if writes {
        // Fora are written by id: each must name one forum.
        let report = check_with(
            &week,
            CheckOptions {
                max_findings: 10,
                ..CheckOptions::default()
            },
        );
        super::unique_ids(&week, &report, &options.file, "fora plan", language)?;
    }
    let started = Instant::now();
    let stop = || {
        options
            .time_limit
            .is_some_and(|limit| started.elapsed() >= limit)
    };
    let planned = plan::plan(
        &week,
        &plan::Options {
            replan: options.replan,
            seed: options.seed,
            stop: &stop,
        },
    );
    if writes {
        let places: Vec<(&str, chrono::NaiveDateTime, Option<&str>)> = planned
            .placed
            .iter()
            .map(|p| (week.fora[p.forum].id.as_str(), p.start, p.room.as_deref()))
            .collect();
        edit::place_all(&mut document, &places)
            .map_err(|invalid| Error::value(invalid.field, invalid.error))?;
    }
    let written = if writes {
        let out = options.output.as_deref();
        let outcome = document.save_to(out, edit::Options::default(), now)?;
        if let Outcome::Refused(added) = outcome {
            // The planner keeps to every rule the checker calls an error: a plan the
            // checker refuses is a bug, said as such.
            for finding in &added.findings {
                let _ =
                    report::write_finding(finding, &added.week, language, &mut anstream::stderr());
            }
            return Err(Error::PlanRefused(added.count()));
        }
        Some(out.unwrap_or(&options.file).display().to_string())
    } else {
        None
    };
    let to_stdout = options.output.as_deref() == Some("-".as_ref());
    let mut out: Box<dyn Write> = if to_stdout {
        Box::new(anstream::stderr())
    } else {
        Box::new(std::io::stdout().lock())
    };
    let said = match options.format {
        ReportFormat::Human => human(
            &week,
            &planned,
            written.as_deref(),
            options,
            language,
            &mut out,
        ),
        ReportFormat::Json => json(&week, &planned, written.as_deref(), &mut out),
    };
    output::stdout_written(said)?;
    Ok(if planned.not_placed.is_empty() {
        ExitCode::Clean
    } else {
        ExitCode::Findings
    })
}

/// The report for people: what was placed and moved, what could not be and why, the
/// objective's figures, and where the plan went.
fn human(
    week: &Week,
    planned: &Plan,
    written: Option<&str>,
    options: &PlanOptions,
    l: Language,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let view = View::new(week, l);
    let moved = planned.placed.iter().filter(|p| p.moved).count();
    let placed = planned.placed.len() - moved;
    writeln!(out, "{}", week.name)?;
    writeln!(
        out,
        "{}",
        t!(
            l,
            "plan-summary",
            placed = placed,
            moved = moved,
            unplaced = planned.not_placed.len()
        )
    )?;
    // By time, as a timetable reads.
    let mut by_time: Vec<&plan::Placed> = planned.placed.iter().collect();
    by_time.sort_by_key(|p| (p.start, p.room.as_deref(), p.forum));
    for new in by_time {
        let forum = &week.fora[new.forum];
        let when = When::of(week.place(new.start, forum.duration))
            .map(|when| when.range(l, Some(DateStyle::WeekdayShort)))
            .unwrap_or_default();
        let room = new
            .room
            .as_deref()
            .map(|id| format!("  {}", view.room_name(id)))
            .unwrap_or_default();
        let before = match (new.moved, forum.start) {
            (true, Some(start)) => format!(
                " {}",
                t!(
                    l,
                    "plan-moved-from",
                    start = text::date_time(l, start, DateStyle::WeekdayShort)
                )
            ),
            _ => String::new(),
        };
        let named = t!(
            l,
            "plan-forum",
            title = forum.title.as_str(),
            id = forum.id.as_str()
        );
        writeln!(out, "  {when}{room}  {named}{before}")?;
    }
    if !planned.not_placed.is_empty() {
        writeln!(out, "{}", t!(l, "plan-not-placed"))?;
        for missing in &planned.not_placed {
            let forum = &week.fora[missing.forum];
            let named = t!(
                l,
                "plan-forum",
                title = forum.title.as_str(),
                id = forum.id.as_str()
            );
            writeln!(out, "  {named}: {}", missing.reason.render(week, l))?;
        }
    }
    let o = planned.objective;
    writeln!(
        out,
        "{}",
        t!(
            l,
            "plan-objective",
            clashes = o.attendee_clashes,
            warnings = o.warnings,
            empty = o.empty_seats,
            missed = o.preferences_missed,
            preferences = o.preferences,
            late = text::hours(l, o.late_minutes)
        )
    )?;
    if planned.stopped {
        let limit = options.time_limit.map_or(0.0, |d| d.as_secs_f64());
        writeln!(out, "{}", t!(l, "plan-stopped", seconds = limit))?;
    }
    let said = match (written, options.dry_run) {
        (Some(path), _) => t!(l, "plan-written", file = path),
        (None, true) => t!(l, "plan-dry-run"),
        (None, false) => t!(l, "plan-not-written"),
    };
    writeln!(out, "{said}")
}

/// The report as one JSON document.
fn json(
    week: &Week,
    planned: &Plan,
    written: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Report<'a> {
        placed: usize,
        moved: usize,
        not_placed: Vec<Missing<'a>>,
        objective: plan::Objective,
        stopped: bool,
        fora: Vec<Given<'a>>,
        written: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct Given<'a> {
        id: &'a str,
        start: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        room: Option<&'a str>,
        moved: bool,
    }
    #[derive(Serialize)]
    struct Missing<'a> {
        id: &'a str,
        reason: String,
        reason_de: String,
    }
    let moved = planned.placed.iter().filter(|p| p.moved).count();
    let report = Report {
        placed: planned.placed.len() - moved,
        moved,
        not_placed: planned
            .not_placed
            .iter()
            .map(|m| Missing {
                id: &week.fora[m.forum].id,
                reason: m.reason.render(week, Language::En),
                reason_de: m.reason.render(week, Language::De),
            })
            .collect(),
        objective: planned.objective,
        stopped: planned.stopped,
        fora: planned
            .placed
            .iter()
            .map(|p| Given {
                id: &week.fora[p.forum].id,
                start: p.start.format("%Y-%m-%dT%H:%M").to_string(),
                room: p.room.as_deref(),
                moved: p.moved,
            })
            .collect(),
        written,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
