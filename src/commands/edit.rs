//! The edits: `fora add`, `move`, `set`, `cancel`, `rm`, `week set`, `rules set`,
//! `expect set` and `room add`, `room set`, `room rm`.

use std::io::Write;
use std::path::PathBuf;

use crate::edit::change::Invalid;
use crate::edit::{self, Document, NewForum, NewRoom, Outcome, Said, Target};
use crate::model::Language;
use crate::text::{self, DateStyle, t};
use crate::{Error, ExitCode, report};

/// What every edit is asked.
#[derive(Clone, Debug)]
pub struct EditOptions {
    /// The week file.
    pub file: PathBuf,
    /// Write even when the change adds error findings.
    pub force: bool,
    /// Only say what would change.
    pub dry_run: bool,
    /// The language of the messages.
    pub language: Option<Language>,
}

/// One change of a week file.
#[derive(Clone, Debug)]
pub enum Change {
    /// Add a forum.
    Add(NewForum),
    /// Move a forum in time, to another room, or both.
    Move {
        /// The forum's id.
        id: String,
        /// Where in time.
        target: Option<Target>,
        /// Into which room.
        room: Option<String>,
    },
    /// Set fields of a forum: `FIELD=VALUE`.
    Set {
        /// The forum's id.
        id: String,
        /// What to set.
        assignments: Vec<String>,
    },
    /// Cancel a forum.
    Cancel(String),
    /// Remove a forum.
    Remove(String),
    /// Add a room.
    AddRoom(NewRoom),
    /// Set fields of the week: `FIELD=VALUE`.
    SetWeek(Vec<String>),
    /// Set rules: `FIELD=VALUE`.
    SetRules(Vec<String>),
    /// Set the expected figures: `FIELD=VALUE`.
    SetExpect(Vec<String>),
    /// Set fields of a room.
    SetRoom {
        /// The room's id.
        id: String,
        /// What to set.
        assignments: Vec<String>,
    },
    /// Remove a room.
    RemoveRoom {
        /// The room's id.
        id: String,
        /// The room its fora move to.
        reassign: Option<String>,
    },
}

impl Change {
    /// Where a value for `field` was given on the command line, to name it in an error.
    fn flag(&self, field: &str) -> String {
        match (self, field) {
            // The forum's id is the command's own argument: the message names it.
            (_, "id")
                if !matches!(
                    self,
                    Change::Add(_) | Change::AddRoom(_) | Change::SetWeek(_)
                ) =>
            {
                String::new()
            }
            (_, "set") => String::new(),
            (
                Change::Set { .. }
                | Change::SetWeek(_)
                | Change::SetRules(_)
                | Change::SetExpect(_)
                | Change::SetRoom { .. },
                field,
            ) => format!("{field}="),
            (Change::Move { .. }, "shift") => "--by".to_owned(),
            (_, field) => format!("--{field}"),
        }
    }
}

/// Opens the week, makes the change, and writes it if the checker lets it through; says so.
pub fn edit(options: &EditOptions, change: Change) -> Result<ExitCode, Error> {
    let now = edit::now()?;
    let mut document = Document::open(&options.file)?;
    let language = Language::resolve(options.language, document.week().language);
    let invalid = |Invalid { field, error }| Error::value(change.flag(field), error);
    let said = match &change {
        Change::Add(new) => edit::add(&mut document, new.clone()),
        Change::Move { id, target, room } => {
            edit::move_to(&mut document, id, *target, room.as_deref())
        }
        Change::Set { id, assignments } => edit::set(&mut document, id, assignments),
        Change::Cancel(id) => edit::cancel(&mut document, id),
        Change::Remove(id) => edit::remove(&mut document, id),
        Change::AddRoom(new) => edit::add_room(&mut document, new.clone()),
        Change::SetWeek(assignments) => edit::settings::week(&mut document, assignments),
        Change::SetRules(assignments) => edit::settings::rules(&mut document, assignments),
        Change::SetExpect(assignments) => edit::settings::expect(&mut document, assignments),
        Change::SetRoom { id, assignments } => edit::settings::room(&mut document, id, assignments),
        Change::RemoveRoom { id, reassign } => {
            edit::settings::remove_room(&mut document, id, reassign.as_deref())
        }
    }
    .map_err(invalid)?;
    let outcome = document.save(
        edit::Options {
            force: options.force,
            dry_run: options.dry_run,
        },
        now,
    )?;
    Ok(tell(&said, outcome, options, language))
}

/// Says what became of the change: what was done on standard output, or, when the
/// findings stopped it, the findings and the refusal on standard error.
pub(super) fn tell(said: &Said, outcome: Outcome, options: &EditOptions, l: Language) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = anstream::stderr();
    let (added, refused) = match outcome {
        Outcome::Unchanged => {
            let file = options.file.display().to_string();
            let _ = writeln!(stdout, "{}", t!(l, "said-unchanged", file = file));
            return ExitCode::Clean;
        }
        Outcome::Written(added) => {
            let _ = writeln!(stdout, "{}", said_in(said, l));
            (added, false)
        }
        Outcome::DryRun(added) => {
            let what = said_in(said, l);
            let _ = writeln!(stdout, "{}", t!(l, "said-dry-run", what = what));
            (added, false)
        }
        Outcome::Refused(added) => (added, true),
    };
    for finding in &added.findings {
        let _ = report::write_finding(finding, &added.week, l, &mut stderr);
    }
    if added.more > 0 {
        let more = match added.of_other_fora {
            true => t!(l, "said-more-findings", more = added.more),
            false => t!(l, "said-more-errors", more = added.more),
        };
        let _ = writeln!(stderr, "{more}");
    }
    for finding in &added.warnings {
        let _ = report::write_finding(finding, &added.week, l, &mut stderr);
    }
    if added.more_warnings > 0 {
        let more = t!(l, "said-more-warnings", more = added.more_warnings);
        let _ = writeln!(stderr, "{more}");
    }
    if refused {
        let style = report::ERROR;
        let said = t!(l, "said-refused", findings = added.count());
        let label = t!(l, "said-refused-label");
        let _ = writeln!(stderr, "{style}{label}{style:#}: {said}");
    }
    if added.count() == 0 {
        ExitCode::Clean
    } else {
        ExitCode::Findings
    }
}

/// What an edit did, in words.
pub fn said_in(said: &Said, l: Language) -> String {
    let at = |start: chrono::NaiveDateTime| text::date_time(l, start, DateStyle::Numeric);
    match said {
        Said::Added {
            id,
            title,
            start,
            duration,
            room,
        } => t!(
            l,
            "said-added",
            id = id.as_str(),
            title = title.as_str(),
            start = start.map(at).unwrap_or_default(),
            scheduled = if start.is_some() { "yes" } else { "no" },
            duration = duration.as_str(),
            in_room = if room.is_some() { "yes" } else { "no" },
            room = room.clone().unwrap_or_default()
        ),
        Said::Moved { id, start, room } => {
            let mut parts = Vec::new();
            if let Some((from, to)) = start {
                parts.push(match from {
                    Some(from) => t!(l, "said-moved-time", from = at(*from), to = at(*to)),
                    None => t!(l, "said-moved-time-first", to = at(*to)),
                });
            }
            if let Some((from, to)) = room {
                parts.push(match from {
                    Some(from) => t!(l, "said-moved-room", from = from.as_str(), to = to.as_str()),
                    None => t!(l, "said-moved-room-first", to = to.as_str()),
                });
            }
            t!(l, "said-moved", id = id.as_str(), what = parts.join(", "))
        }
        Said::Set { id, fields } => {
            t!(l, "said-set", id = id.as_str(), what = fields_in(fields, l))
        }
        Said::Cancelled(id) => t!(l, "said-cancelled", id = id.as_str()),
        Said::Removed { id, title } => {
            t!(l, "said-removed", id = id.as_str(), title = title.as_str())
        }
        Said::Registrations { .. } => super::registrations::said(said, l),
        Said::RoomAdded { id, name } => {
            t!(l, "said-room-added", id = id.as_str(), name = name.as_str())
        }
        Said::WeekSet { fields, uids } => {
            let said = t!(l, "said-week-set", what = fields_in(fields, l));
            match uids {
                None => said,
                Some((from, to)) => format!(
                    "{said}\n{}",
                    t!(
                        l,
                        "said-uids-change",
                        from = from.as_str(),
                        to = to.as_str()
                    )
                ),
            }
        }
        Said::RulesSet { fields } => t!(l, "said-rules-set", what = fields_in(fields, l)),
        Said::ExpectSet { fields } => t!(l, "said-expect-set", what = fields_in(fields, l)),
        Said::RoomSet { id, fields } => t!(
            l,
            "said-room-set",
            id = id.as_str(),
            what = fields_in(fields, l)
        ),
        Said::RoomRemoved {
            id,
            name,
            moved,
            to,
        } => match to {
            Some(to) if !moved.is_empty() => t!(
                l,
                "said-room-removed-moved",
                id = id.as_str(),
                name = name.as_str(),
                fora = moved.len(),
                ids = moved.join(", "),
                to = to.as_str()
            ),
            _ => t!(
                l,
                "said-room-removed",
                id = id.as_str(),
                name = name.as_str()
            ),
        },
    }
}

/// The fields whose values are numbers, said as the language writes them (`6,5`).
const NUMBERS: [&str; 6] = [
    "registrations",
    "participants",
    "capacity",
    "max_hours_per_day",
    "fora",
    "hours",
];

/// Fields with their new values (or removed), as `said-set` lists them.
fn fields_in(fields: &[(String, Option<String>)], l: Language) -> String {
    fields
        .iter()
        .map(|(field, value)| match value {
            Some(value) => t!(
                l,
                "said-set-field",
                field = field.as_str(),
                value = match value.parse::<f64>() {
                    Ok(number) if NUMBERS.contains(&field.as_str()) => text::number(l, number),
                    _ => value.clone(),
                }
            ),
            None => t!(l, "said-removed-field", field = field.as_str()),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
