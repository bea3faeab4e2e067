//! Changing a week file from the command line, without changing a byte it was not asked to.
//!
//! An edit works on the file's text as a syntax tree ([`tree`]): it changes the bytes of the
//! values it changes and nothing else, so layout, number spellings, escapes, key order and
//! keys `fora` does not know all stay. The file is locked (an advisory lock, so two edits of
//! one file run one after the other), read, changed, checked, and replaced in one step,
//! keeping its owner, group and mode; a change that adds an error finding is refused unless
//! forced, a file that changed on disk since it was read is never overwritten, and a file
//! the user may not write is refused as an editor refuses it.

pub mod change;
pub mod settings;
pub mod tree;
pub mod value;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use rustc_hash::FxHashMap as HashMap;

pub use change::{
    NewForum, NewRoom, NewWeek, SETTABLE, Target, add, add_room, cancel, create, move_to,
    place_all, registrations, remove, set,
};
pub use settings::{Fields, ROOM_FIELDS, WEEK_FIELDS};
use tree::{Step, Tree};

use crate::check::{self, Finding, Kind, Report, Severity};
use crate::error::{Error, ValueError};
use crate::model::{InputError, Week};
use crate::output;

/// How an edit is carried out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Write even when the change adds error findings.
    pub force: bool,
    /// Only say what would change.
    pub dry_run: bool,
}

/// What became of an edit.
#[derive(Debug)]
pub enum Outcome {
    /// The file was replaced; the findings the change added (errors only when forced).
    Written(Added),
    /// Nothing was written: `--dry-run`. The findings the change would add.
    DryRun(Added),
    /// Nothing was written: the change would add these error findings (and warnings).
    Refused(Added),
    /// Nothing was written: the file already says this.
    Unchanged,
}

/// The findings a change adds, with the week they were found in (to show them): its
/// errors, which refuse it, and its warnings, which are said and written.
#[derive(Debug)]
pub struct Added {
    /// The week as the change would make it.
    pub week: Week,
    /// New error findings, the first [`SHOWN`].
    pub findings: Vec<Finding>,
    /// How many more new error findings there are.
    pub more: u64,
    /// New warnings, the first [`SHOWN`].
    pub warnings: Vec<Finding>,
    /// How many more new warnings there are.
    pub more_warnings: u64,
    /// Whether those not shown are of other fora than the one changed (else the change was
    /// one of the week).
    pub of_other_fora: bool,
}

/// How many new findings of each severity an edit shows.
pub const SHOWN: usize = 20;

impl Added {
    /// How many error findings the change adds.
    pub fn count(&self) -> u64 {
        self.findings.len() as u64 + self.more
    }
}

/// What an edit did, as data; the command line says it in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    /// `fora add`.
    Added {
        /// The new forum's id.
        id: String,
        /// Its title.
        title: String,
        /// Its start, if it has one.
        start: Option<NaiveDateTime>,
        /// Its duration, as written.
        duration: String,
        /// Its room.
        room: Option<String>,
    },
    /// `fora move`.
    Moved {
        /// The forum.
        id: String,
        /// Its start before, and after, when the start changed.
        start: Option<(Option<NaiveDateTime>, NaiveDateTime)>,
        /// Its room before, and after, when the room changed.
        room: Option<(Option<String>, String)>,
    },
    /// `fora set`: each field with its new value, or `None` when removed.
    Set {
        /// The forum.
        id: String,
        /// The fields.
        fields: Vec<(String, Option<String>)>,
    },
    /// `fora cancel`.
    Cancelled(String),
    /// `fora rm`.
    Removed {
        /// The forum.
        id: String,
        /// Its title.
        title: String,
    },
    /// `fora registrations`.
    Registrations {
        /// The export read, as named.
        export: String,
        /// The registrations it holds: attendees of fora, each once a forum.
        registrations: usize,
        /// Rows that repeat an attendee of a forum, counted once.
        repeated: usize,
        /// How many fora it names.
        fora: usize,
        /// The fora whose registrations or attendees change: id, count before, count after.
        changed: Vec<(String, Option<u64>, u64)>,
        /// Fora of the week the export does not name, left as they were.
        untouched: usize,
    },
    /// `fora room add`.
    RoomAdded {
        /// The room's id.
        id: String,
        /// Its name.
        name: String,
    },
    /// `fora week set`: each field with its new value, or `None` when removed.
    WeekSet {
        /// The fields.
        fields: Vec<(String, Option<String>)>,
        /// The end of every calendar UID before and after, when the change changes them.
        uids: Option<(String, String)>,
    },
    /// `fora rules set`.
    RulesSet {
        /// The rules, each with its new value, or `None` when removed.
        fields: Vec<(String, Option<String>)>,
    },
    /// `fora expect set`.
    ExpectSet {
        /// The figures, each with its new value, or `None` when removed.
        fields: Vec<(String, Option<String>)>,
    },
    /// `fora room set`.
    RoomSet {
        /// The room.
        id: String,
        /// The fields, each with its new value, or `None` when removed.
        fields: Vec<(String, Option<String>)>,
    },
    /// `fora room rm`.
    RoomRemoved {
        /// The room.
        id: String,
        /// Its name.
        name: String,
        /// The fora moved out of it, in file order.
        moved: Vec<String>,
        /// Where they went.
        to: Option<String>,
    },
}

/// A week file opened for editing: locked, read, and held as a syntax tree.
#[derive(Debug)]
pub struct Document {
    /// The file as the user named it.
    path: PathBuf,
    /// The file itself: where a symbolic link leads.
    target: PathBuf,
    /// Held until the document is dropped: other edits of the file wait for it.
    _lock: File,
    original: Vec<u8>,
    tree: Tree,
    week: Week,
    /// The forum the change is about, by id: its findings are compared before and after.
    focus: Option<String>,
}

impl Document {
    /// Opens `path` for editing, waiting for any other edit of it to finish. A symbolic
    /// link is followed; a file that may not be written is refused.
    pub fn open(path: &Path) -> Result<Self, Error> {
        Self::open_as(path, true)
    }

    /// Opens `path` to write the changed week elsewhere ([`Document::save_to`]): the file
    /// itself is only read, so it may be read-only, and is not locked.
    pub fn read(path: &Path) -> Result<Self, Error> {
        Self::open_as(path, false)
    }

    fn open_as(path: &Path, edit: bool) -> Result<Self, Error> {
        let read_failed = |source| Error::Read {
            path: path.to_owned(),
            source,
        };
        let target = std::fs::canonicalize(path).map_err(read_failed)?;
        let mut file = loop {
            let file = File::open(&target).map_err(read_failed)?;
            if !edit {
                break file;
            }
            file.lock().map_err(read_failed)?;
            // An edit that finished while we waited replaced the file: lock the new one.
            if same_file(&file, &target).map_err(read_failed)? {
                break file;
            }
        };
        if edit {
            output::writable(&target).map_err(|error| match error {
                output::Refusal::ReadOnly => Error::ReadOnly(path.to_owned()),
                output::Refusal::Io(source) => read_failed(source),
            })?;
            // A write killed half-way left its temporary file: no other edit runs now.
            output::clean_stale(&target);
        }
        let mut original = Vec::new();
        file.read_to_end(&mut original).map_err(read_failed)?;
        let input = |error| Error::Input {
            path: path.to_owned(),
            error,
        };
        let week = Week::from_bytes(&original).map_err(input)?;
        let text = std::str::from_utf8(&original).unwrap_or_default();
        // The week parsed, so the file is one JSON object.
        let tree = Tree::parse(text).map_err(|e| {
            input(InputError::Syntax {
                line: 1,
                column: 1,
                syntax: crate::model::Syntax::Other(e.to_string()),
            })
        })?;
        Ok(Self {
            path: path.to_owned(),
            target,
            _lock: file,
            original,
            tree,
            week,
            focus: None,
        })
    }

    /// Compares the findings of the whole week when saving, not those of the forum
    /// changed last: for changes of many fora.
    pub fn whole_week(&mut self) {
        self.focus = None;
    }

    /// The week as it was read.
    pub fn week(&self) -> &Week {
        &self.week
    }

    /// The file's path, as the user named it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The place of the forum with `id` in the week's list; an unknown id gets the closest
    /// one suggested, a shared one is refused.
    fn forum(&mut self, id: &str) -> Result<usize, ValueError> {
        crate::known::forum(&self.week, id)?;
        let count = self.week.fora.iter().filter(|f| f.id == id).count();
        if count > 1 {
            return Err(ValueError::SharedId {
                id: id.to_owned(),
                fora: count,
            });
        }
        self.focus = Some(id.to_owned());
        Ok(self
            .week
            .fora
            .iter()
            .position(|f| f.id == id)
            .expect("known above"))
    }

    /// Sets (or with `None` removes) `key` of the forum at `index`. A value the file holds
    /// already, however it is written, is left as it is (the tree sees to that).
    fn set_forum(
        &mut self,
        index: usize,
        key: &str,
        value: Option<serde_json::Value>,
        after: &[&str],
    ) {
        let path = [Step::Key("fora"), Step::Index(index)];
        self.tree
            .set(&path, key, value.as_ref(), after)
            .expect("a forum of the week is an object in its list");
    }

    /// Checks the changed document and, when it adds no error finding (or `force`), writes it
    /// with `updated` set to `now`.
    pub fn save(self, options: Options, now: DateTime<Utc>) -> Result<Outcome, Error> {
        self.save_to(None, options, now)
    }

    /// As [`Document::save`], but to `out` when given (`-` for standard output) instead of
    /// the file itself, which stays as it is.
    pub fn save_to(
        mut self,
        out: Option<&Path>,
        options: Options,
        now: DateTime<Utc>,
    ) -> Result<Outcome, Error> {
        if self.tree.text().as_bytes() == self.original {
            // A copy asked for is a copy, changed or not.
            if let Some(out) = out.filter(|_| !options.dry_run) {
                output::write_to(out, |w| w.write_all(&self.original))?;
            }
            return Ok(Outcome::Unchanged);
        }
        let stamp = serde_json::Value::from(now.to_rfc3339_opts(SecondsFormat::Secs, true));
        self.tree
            .set(&[], "updated", Some(&stamp), &["language", "end"])
            .expect("the week is an object");
        let text = self.tree.text();
        let week = Week::from_json(&text).map_err(|error| Error::Input {
            path: self.path.clone(),
            error,
        })?;
        let added = added_findings(&self.week, week, self.focus.as_deref());
        if options.dry_run {
            return Ok(Outcome::DryRun(added));
        }
        if added.count() > 0 && !options.force {
            return Ok(Outcome::Refused(added));
        }
        if let Some(out) = out {
            output::write_to(out, |w| w.write_all(text.as_bytes()))?;
            return Ok(Outcome::Written(added));
        }
        // Another program (an editor) does not take our lock: look before replacing.
        let now_on_disk = std::fs::read(&self.target).map_err(|source| Error::Read {
            path: self.path.clone(),
            source,
        })?;
        if now_on_disk != self.original {
            return Err(Error::Changed(self.path.clone()));
        }
        output::replace(&self.target, text.as_bytes()).map_err(|error| match error {
            output::Refusal::ReadOnly => Error::ReadOnly(self.path.clone()),
            output::Refusal::Io(source) => Error::Write {
                path: self.path.clone(),
                source,
            },
        })?;
        Ok(Outcome::Written(added))
    }
}

/// The instant edits stamp `updated` with: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds and tests), else the clock.
pub fn now() -> Result<DateTime<Utc>, Error> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Err(_) => Ok(Utc::now()),
        Ok(text) => text
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| DateTime::from_timestamp(s, 0))
            .ok_or(Error::SourceDateEpoch(text)),
    }
}

/// What tells findings apart across an edit: the kind, the ids of the fora (whichever
/// starts first) and what else it is about (a speaker, which of the figures of `expect`).
/// A day over its hours is that day's, whichever fora it has.
fn identity(week: &Week, finding: &Finding) -> (Kind, Vec<String>, String) {
    let mut fora: Vec<String> = match finding.kind {
        Kind::DayOverLimit => Vec::new(),
        _ => finding.ids(week).into_iter().map(str::to_owned).collect(),
    };
    fora.sort();
    (finding.kind, fora, finding.detail.subject())
}

/// The week checked for an edit of the forum `focus`: every finding of that forum (and the
/// week's own) kept apart; for an edit of the week, the first of each kind.
fn checked(week: &Week, focus: Option<&str>) -> Report {
    let (max_findings, focus) = match focus {
        Some(id) => (
            0,
            match week.fora.iter().position(|f| f.id == id) {
                Some(index) => check::Focus::Forum(index),
                None => check::Focus::Week,
            },
        ),
        None => (check::Options::default().max_findings, check::Focus::None),
    };
    check::check_with(
        week,
        check::Options {
            max_findings,
            focus,
        },
    )
}

/// The findings of `after` that `before` does not have. An edit of one forum can add only
/// that forum's findings (and the week's own), and those are compared one by one; an edit
/// of the week compares the findings kept of every kind that was kept whole. The counts of
/// the rest are compared too, so that nothing new is missed.
fn added_findings(before: &Week, after: Week, focus: Option<&str>) -> Added {
    let (old, new) = (checked(before, focus), checked(&after, focus));
    let (listed_old, listed_new): (Vec<&Finding>, Vec<&Finding>) = match focus {
        Some(_) => (old.focused.iter().collect(), new.focused.iter().collect()),
        None => {
            let whole = |f: &&Finding| old.left_out(f.kind) == 0 && new.left_out(f.kind) == 0;
            (
                old.findings.iter().filter(whole).collect(),
                new.findings.iter().filter(whole).collect(),
            )
        }
    };
    let mut known: HashMap<_, usize> = HashMap::default();
    for finding in &listed_old {
        *known.entry(identity(before, finding)).or_default() += 1;
    }
    let fresh: Vec<Finding> = listed_new
        .iter()
        .filter(|f| match known.get_mut(&identity(&after, f)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .map(|f| (*f).clone())
        .collect();
    let new_of = |severity: Severity| {
        let unlisted = |report: &Report, listed: &[&Finding]| {
            let shown = listed.iter().filter(|f| f.severity() == severity).count();
            report.count(severity).saturating_sub(shown as u64)
        };
        let more = unlisted(&new, &listed_new).saturating_sub(unlisted(&old, &listed_old));
        let mut shown: Vec<Finding> = fresh
            .iter()
            .filter(|f| f.severity() == severity)
            .cloned()
            .collect();
        let over = shown.len().saturating_sub(SHOWN) as u64;
        shown.truncate(SHOWN);
        (shown, more + over)
    };
    let (findings, more) = new_of(Severity::Error);
    let (warnings, more_warnings) = new_of(Severity::Warning);
    Added {
        week: after,
        findings,
        more,
        warnings,
        more_warnings,
        of_other_fora: focus.is_some(),
    }
}

/// Whether the open `file` is still the one at `path` (not replaced by a rename).
fn same_file(file: &File, path: &Path) -> std::io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (open, named) = (file.metadata()?, std::fs::metadata(path)?);
        Ok(open.dev() == named.dev() && open.ino() == named.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        Ok(true)
    }
}
