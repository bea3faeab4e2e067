//! Runs one command: read the week, check it, write the result, choose the exit code.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};

use clap::Parser;

use crate::check::{Report, Severity, check};
use crate::cli::{Cli, ColorWhen, Command, DiffFormat, ReportFormat};
use crate::export::ics::{self, Calendar, previous::Previous};
use crate::export::{Selection, Timetable};
use crate::model::Week;
use crate::{Error, ExitCode, diff, output, report, suggest};

/// Parses `args` (the program name first), runs the command and returns the exit code.
/// Errors are printed to standard error.
pub fn main(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::Input as i32
            } else {
                ExitCode::Clean as i32
            };
        }
    };
    match run(cli) {
        Ok(code) => code as i32,
        Err(e) => {
            let mut stderr = anstream::stderr();
            let style = report::ERROR;
            let _ = writeln!(stderr, "{style}error{style:#}: {e}");
            e.exit_code() as i32
        }
    }
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    anstream::ColorChoice::write_global(match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    match cli.command {
        Command::Check { file, format } => {
            let week = Week::load(&file)?;
            let report = check(&week);
            match format {
                ReportFormat::Json => {
                    output::write_to("-".as_ref(), |out| report::write_json(&report, out))?
                }
                ReportFormat::Human => {
                    // Colours only where wanted: anstream drops them off a terminal and under NO_COLOR.
                    let mut out = anstream::AutoStream::auto(io::stdout().lock());
                    output::stdout_written(
                        report::write_human(&report, &mut out).and_then(|()| out.flush()),
                    )?;
                }
            }
            Ok(exit_code(&report))
        }
        Command::Timetable {
            file,
            lang,
            day,
            room,
            format,
        } => {
            let week = Week::load(&file)?;
            let selection = Selection {
                day: day.map(|day| known_day(&week, day)).transpose()?,
                room: room.map(|room| known_room(&week, room)).transpose()?,
            };
            let report = check(&week);
            let timetable =
                Timetable::new(&week, &report, lang.unwrap_or(week.language()), &selection);
            output::write_to("-".as_ref(), |out| format.exporter().write(&timetable, out))?;
            Ok(noted(&report, &file))
        }
        Command::Ics {
            file,
            output: path,
            split,
            only,
            day,
            room,
            alarm,
            refresh,
            previous,
        } => {
            let week = Week::load(&file)?;
            let report = check(&week);
            let day = day.map(|day| known_day(&week, day)).transpose()?;
            let room = room.map(|room| known_room(&week, room)).transpose()?;
            let only = known_fora(&week, &only)?;
            let fora = week.fora.iter().filter(|forum| {
                (only.is_empty() || only.contains(forum.id.as_str()))
                    && room.as_ref().is_none_or(|r| forum.room.as_ref() == Some(r))
                    && day.is_none_or(|d| {
                        week.placement(forum)
                            .interval()
                            .is_some_and(|(start, _)| start.date_naive() == d)
                    })
            });
            let previous = previous
                .map(|path| match Previous::read(&path) {
                    Err(Error::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                        Err(Error::Usage(format!(
                            "--previous {}: no such file or folder; for the first publication, leave --previous out",
                            path.display()
                        )))
                    }
                    other => other,
                })
                .transpose()?;
            let options = ics::Options { refresh, alarm };
            let calendar = Calendar::new(&week, fora, &options, previous.as_ref());
            let mut changes = ics::Changes::default();
            match split {
                None => output::write_to(&path, |out| {
                    changes = calendar.write(out)?;
                    Ok(())
                })?,
                Some(folder) => {
                    fs::create_dir_all(&folder).map_err(|source| Error::Write {
                        path: folder.clone(),
                        source,
                    })?;
                    for (name, calendar) in calendar.split() {
                        output::write_to(&folder.join(format!("{name}.ics")), |out| {
                            changes += calendar.write(out)?;
                            Ok(())
                        })?;
                    }
                }
            }
            if previous.is_some() {
                note_changes(&week, changes);
            }
            Ok(noted(&report, &file))
        }
        Command::Diff {
            old,
            new,
            format,
            lang,
        } => {
            let old_week = Week::load(&old)?;
            let new_week = Week::load(&new)?;
            let changes = diff::diff(&old_week, &new_week);
            let language = lang.unwrap_or(new_week.language());
            output::write_to("-".as_ref(), |out| match format {
                DiffFormat::Table => diff::write_table(&changes, language, out),
                DiffFormat::Json => diff::write_json(&changes, out),
            })?;
            Ok(if changes.is_empty() {
                ExitCode::Clean
            } else {
                ExitCode::Findings
            })
        }
    }
}

/// What `--previous` did, on standard error: organisers publish on the strength of it.
fn note_changes(week: &Week, changes: ics::Changes) {
    let ics::Changes {
        new,
        changed,
        unchanged,
        gone,
    } = changes;
    let mut stderr = anstream::stderr();
    let _ = writeln!(
        stderr,
        "{new} new, {changed} changed (SEQUENCE raised), {gone} gone from the week (published cancelled), {unchanged} unchanged"
    );
    if changed + gone > 0 && week.updated.is_none() {
        let style = report::WARNING;
        let _ = writeln!(
            stderr,
            "{style}warning{style:#}: the week has no \"updated\"; set it to now, so that changed events carry when they changed"
        );
    }
}

/// The ids of `--only`, each a forum of the week.
fn known_fora<'a>(week: &Week, ids: &'a [String]) -> Result<HashSet<&'a str>, Error> {
    for id in ids {
        if week.fora.iter().any(|f| &f.id == id) {
            continue;
        }
        let hint = match suggest::closest(id, week.fora.iter().map(|f| f.id.as_str())) {
            Some(near) => format!("; did you mean {near:?}?"),
            None => String::new(),
        };
        return Err(Error::Usage(format!(
            "--only {id}: the week {} has no forum with this id{hint}",
            week.name
        )));
    }
    Ok(ids.iter().map(String::as_str).collect())
}

fn exit_code(report: &Report) -> ExitCode {
    if report.has_errors() {
        ExitCode::Findings
    } else {
        ExitCode::Clean
    }
}

/// The exit code, with a word on standard error when the programme has errors.
fn noted(report: &Report, file: &std::path::Path) -> ExitCode {
    let errors = report.count(Severity::Error);
    if errors > 0 {
        let style = report::WARNING;
        let _ = writeln!(
            anstream::stderr(),
            "{style}warning{style:#}: the week has {errors} error finding{}; `fora check {}` lists them",
            if errors == 1 { "" } else { "s" },
            file.display()
        );
    }
    exit_code(report)
}

fn known_day(week: &Week, day: chrono::NaiveDate) -> Result<chrono::NaiveDate, Error> {
    let starts_that_day = || {
        week.fora
            .iter()
            .filter_map(|f| week.placement(f).interval())
            .any(|(start, _)| start.date_naive() == day)
    };
    if (week.start..=week.end).contains(&day) || starts_that_day() {
        Ok(day)
    } else {
        Err(Error::Usage(format!(
            "--day {day}: not a day of the week {} ({} to {})",
            week.name, week.start, week.end
        )))
    }
}

fn known_room(week: &Week, room: String) -> Result<String, Error> {
    let Some(rooms) = &week.rooms else {
        return Err(Error::Usage(format!(
            "--room {room}: the week {} declares no rooms",
            week.name
        )));
    };
    if week.room(&room).is_some() {
        return Ok(room);
    }
    let ids = rooms.iter().map(|r| r.id.as_str());
    let hint = match suggest::closest(&room, ids.clone()) {
        Some(id) => format!("did you mean {id:?}?"),
        None => format!("the rooms are {}", ids.collect::<Vec<_>>().join(", ")),
    };
    Err(Error::Usage(format!(
        "--room {room}: no room has this id; {hint}"
    )))
}
