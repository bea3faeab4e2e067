//! Runs one command: read the week, check it, write the result, choose the exit code.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use clap::Parser;

use crate::check::{Report, Severity, check};
use crate::cli::{Cli, ColorWhen, Command, DiffFormat, EditFlags, ReportFormat, RoomCommand};
use crate::edit::{self, Document};
use crate::export::ics::{self, Calendar, previous::Previous};
use crate::export::{Selection, Timetable};
use crate::model::Week;
use crate::{Error, ExitCode, diff, free, known, output, report};

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
                day: day.map(|day| known::day(&week, "--day", day)).transpose()?,
                room: room
                    .map(|room| known::room(&week, "--room", &room).map(|()| room))
                    .transpose()?,
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
            let day = day.map(|day| known::day(&week, "--day", day)).transpose()?;
            if let Some(room) = &room {
                known::room(&week, "--room", room)?;
            }
            let only = known::fora(&week, "--only", &only)?;
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
            // Built before the checker starts, so that the two do not both take memory at once.
            let calendar = Calendar::new(&week, fora, &options, previous.as_ref());
            let mut changes = ics::Changes::default();
            let write = || match split {
                None => output::write_to(&path, |out| {
                    changes = calendar.write(out)?;
                    Ok(())
                }),
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
                    Ok(())
                }
            };
            // The checker only chooses the exit code here: it runs beside the export.
            let (report, written) = std::thread::scope(|scope| {
                let checking = scope.spawn(|| check(&week));
                let written = write();
                let report = checking
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (report, written)
            });
            written?;
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
        Command::New {
            file,
            name,
            start,
            end,
            timezone,
            language,
            force,
        } => {
            let new = edit::NewWeek {
                name,
                timezone,
                start,
                end: end.unwrap_or(start),
                language,
            };
            let week = edit::create(&file, &new, force, edit::now()?)?;
            let _ = writeln!(
                io::stdout(),
                "created {}: {}, {} to {} ({})",
                file.display(),
                week.name,
                week.start,
                week.end,
                week.timezone
            );
            Ok(ExitCode::Clean)
        }
        Command::Add {
            file,
            title,
            duration,
            id,
            start,
            room,
            speakers,
            format,
            url,
            description,
            edit: flags,
        } => edited(&file, flags, |doc| {
            let new = edit::NewForum {
                id,
                title,
                duration,
                start,
                room,
                speakers,
                format,
                url,
                description,
            };
            edit::add(doc, new)
        }),
        Command::Move {
            file,
            id,
            to,
            by,
            room,
            edit: flags,
        } => edited(&file, flags, |doc| {
            let target = match (to, by) {
                (Some(to), _) => Some(edit::Target::To(to)),
                (None, Some(by)) => Some(edit::Target::By(by)),
                (None, None) => None,
            };
            edit::move_to(doc, &id, target, room.as_deref())
        }),
        Command::Set {
            file,
            id,
            assignments,
            edit: flags,
        } => edited(&file, flags, |doc| edit::set(doc, &id, &assignments)),
        Command::Cancel {
            file,
            id,
            edit: flags,
        } => edited(&file, flags, |doc| edit::cancel(doc, &id)),
        Command::Rm {
            file,
            id,
            edit: flags,
        } => edited(&file, flags, |doc| edit::remove(doc, &id)),
        Command::Room(RoomCommand::Add {
            file,
            id,
            name,
            url,
            capacity,
            edit: flags,
        }) => edited(&file, flags, |doc| {
            edit::add_room(
                doc,
                edit::NewRoom {
                    id,
                    name,
                    url,
                    capacity,
                },
            )
        }),
        Command::Free {
            file,
            duration,
            day,
            room,
            format,
            lang,
        } => {
            let week = Week::load(&file)?;
            if let Some(day) = day {
                known::day(&week, "--day", day)?;
            }
            if let Some(room) = &room {
                known::room(&week, "--room", room)?;
            }
            let slots = free::free(&week, duration, day, room.as_deref());
            let language = lang.unwrap_or(week.language());
            output::write_to("-".as_ref(), |out| match format {
                DiffFormat::Table => free::write_table(&week, &slots, duration, language, out),
                DiffFormat::Json => free::write_json(&slots, out),
            })?;
            Ok(ExitCode::Clean)
        }
    }
}

/// Opens `file`, makes one change, and writes it if the checker lets it through; says so.
fn edited(
    file: &Path,
    flags: EditFlags,
    change: impl FnOnce(&mut Document) -> Result<String, Error>,
) -> Result<ExitCode, Error> {
    let now = edit::now()?;
    let mut document = Document::open(file)?;
    let said = change(&mut document)?;
    let options = edit::Options {
        force: flags.force,
        dry_run: flags.dry_run,
    };
    let outcome = document.save(options, now)?;
    let mut stdout = io::stdout().lock();
    let mut stderr = anstream::stderr();
    // What happened goes to standard output, or after the findings to standard error when
    // nothing was written because of them.
    let (said, refused, added) = match outcome {
        edit::Outcome::Unchanged => {
            let _ = writeln!(
                stdout,
                "nothing to change: {} already says so",
                file.display()
            );
            return Ok(ExitCode::Clean);
        }
        edit::Outcome::Written(added) => (said, false, added),
        edit::Outcome::DryRun(added) => (
            format!("would have {said} (dry run: nothing written)"),
            false,
            added,
        ),
        edit::Outcome::Refused(added) => {
            let style = report::ERROR;
            let (n, s) = (added.len(), if added.len() == 1 { "" } else { "s" });
            let said = format!(
                "{style}refused{style:#}: the change would add {n} error finding{s}; nothing written (--force writes it anyway)"
            );
            (said, true, added)
        }
    };
    if !refused {
        let _ = writeln!(stdout, "{said}");
    }
    for finding in &added {
        let _ = report::write_finding(finding, &mut stderr);
    }
    if refused {
        let _ = writeln!(stderr, "{said}");
    }
    Ok(if added.is_empty() {
        ExitCode::Clean
    } else {
        ExitCode::Findings
    })
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
