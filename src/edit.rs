//! Changing a week file from the command line, without ever losing a byte of it.
//!
//! An edit works on the file's JSON as it stands, so keys `fora` does not know, the order of
//! keys and every value survive. The file is locked (an advisory lock, so two edits of one
//! file run one after the other), read, changed, checked, and replaced in one step; a change
//! that adds an error finding is refused unless forced, and a file that changed on disk
//! since it was read is never overwritten.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};

use crate::check::{Finding, Kind, Severity, check};
use crate::model::{Duration, Status, Week, is_valid_id, slug};
use crate::{Error, output};

/// How an edit is carried out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Write even when the change adds error findings.
    pub force: bool,
    /// Only say what would change.
    pub dry_run: bool,
}

/// What became of an edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The file was replaced. The error findings the change added (only when forced).
    Written(Vec<Finding>),
    /// Nothing was written: `--dry-run`. The error findings the change would add.
    DryRun(Vec<Finding>),
    /// Nothing was written: the change would add these error findings.
    Refused(Vec<Finding>),
    /// Nothing was written: the file already says this.
    Unchanged,
}

/// A week file opened for editing: locked, read, and held as JSON.
#[derive(Debug)]
pub struct Document {
    path: PathBuf,
    /// Held until the document is dropped: other edits of the file wait for it.
    _lock: File,
    original: Vec<u8>,
    before: Map<String, Value>,
    root: Map<String, Value>,
    week: Week,
}

impl Document {
    /// Opens `path` for editing, waiting for any other edit of it to finish.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let read_failed = |source| Error::Read {
            path: path.to_owned(),
            source,
        };
        let mut file = loop {
            let file = File::open(path).map_err(read_failed)?;
            file.lock().map_err(read_failed)?;
            // An edit that finished while we waited replaced the file: lock the new one.
            if same_file(&file, path).map_err(read_failed)? {
                break file;
            }
        };
        let mut original = Vec::new();
        file.read_to_end(&mut original).map_err(read_failed)?;
        let week = Week::from_bytes(&original).map_err(|error| Error::Input {
            path: path.to_owned(),
            error,
        })?;
        let text = std::str::from_utf8(&original).unwrap_or_default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // The week parsed, so the file is one JSON object.
        let root: Map<String, Value> = serde_json::from_str(text).map_err(|e| Error::Input {
            path: path.to_owned(),
            error: crate::model::InputError::Invalid {
                place: "week".to_owned(),
                message: e.to_string(),
            },
        })?;
        Ok(Self {
            path: path.to_owned(),
            _lock: file,
            original,
            before: root.clone(),
            root,
            week,
        })
    }

    /// The week as it was read.
    pub fn week(&self) -> &Week {
        &self.week
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The forum objects, created empty when the file has none.
    fn fora(&mut self) -> &mut Vec<Value> {
        let fora = self
            .root
            .entry("fora")
            .or_insert_with(|| Value::Array(Vec::new()));
        if !fora.is_array() {
            *fora = Value::Array(Vec::new());
        }
        fora.as_array_mut().expect("made an array above")
    }

    /// The object of the forum with `id`; an unknown id gets the closest one suggested.
    fn forum(&mut self, id: &str) -> Result<&mut Map<String, Value>, Error> {
        crate::known::forum(&self.week, "forum", id)?;
        let count = self.week.fora.iter().filter(|f| f.id == id).count();
        if count > 1 {
            return Err(Error::Usage(format!(
                "{count} fora have the id {id:?}; give one of them another id in the file first"
            )));
        }
        self.fora()
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .find(|f| f.get("id").and_then(Value::as_str) == Some(id))
            .ok_or_else(|| Error::Usage(format!("no forum has the id {id:?}")))
    }

    /// Checks the changed document and, when it adds no error finding (or `force`), writes it
    /// with `updated` set to `now`.
    pub fn save(mut self, options: Options, now: DateTime<Utc>) -> Result<Outcome, Error> {
        if self.root == self.before {
            return Ok(Outcome::Unchanged);
        }
        set_key(
            &mut self.root,
            "updated",
            Value::from(now.to_rfc3339_opts(SecondsFormat::Secs, true)),
            &["language", "end"],
        );
        let text = to_text(&self.root);
        let week = Week::from_json(&text).map_err(|error| Error::Input {
            path: self.path.clone(),
            error,
        })?;
        let added = added_errors(&self.week, &week);
        if options.dry_run {
            return Ok(Outcome::DryRun(added));
        }
        if !added.is_empty() && !options.force {
            return Ok(Outcome::Refused(added));
        }
        // Another program (an editor) does not take our lock: look before replacing.
        let now_on_disk = std::fs::read(&self.path).map_err(|source| Error::Read {
            path: self.path.clone(),
            source,
        })?;
        if now_on_disk != self.original {
            return Err(Error::Changed(self.path.clone()));
        }
        output::write_to(&self.path, |out| out.write_all(text.as_bytes()))?;
        Ok(Outcome::Written(added))
    }
}

/// What `fora new` writes.
#[derive(Clone, Debug)]
pub struct NewWeek {
    /// The week's name.
    pub name: String,
    /// The IANA zone, as typed (checked when the week is read back).
    pub timezone: String,
    /// The first day.
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
    /// `de` or `en`.
    pub language: Option<String>,
}

/// Writes a new week file without fora. An existing file is replaced only with `force`.
pub fn create(path: &Path, new: &NewWeek, force: bool, now: DateTime<Utc>) -> Result<Week, Error> {
    let mut root = Map::new();
    root.insert("name".into(), Value::from(new.name.clone()));
    root.insert("timezone".into(), Value::from(new.timezone.clone()));
    root.insert("start".into(), Value::from(new.start.to_string()));
    root.insert("end".into(), Value::from(new.end.to_string()));
    if let Some(language) = &new.language {
        root.insert("language".into(), Value::from(language.clone()));
    }
    root.insert(
        "updated".into(),
        Value::from(now.to_rfc3339_opts(SecondsFormat::Secs, true)),
    );
    root.insert("fora".into(), Value::Array(Vec::new()));
    let text = to_text(&root);
    let week = Week::from_json(&text).map_err(|error| Error::Input {
        path: path.to_owned(),
        error,
    })?;
    if !force && path.exists() {
        return Err(Error::Usage(format!(
            "{}: the file exists; --force replaces it",
            path.display()
        )));
    }
    output::write_new(path, force, |out| out.write_all(text.as_bytes()))?;
    Ok(week)
}

/// A forum for `fora add`.
#[derive(Clone, Debug, Default)]
pub struct NewForum {
    /// Its id; derived from the title when not given.
    pub id: Option<String>,
    /// The title.
    pub title: String,
    /// How long it runs, as the organiser wrote it (checked when the week is read back).
    pub duration: String,
    /// The local start.
    pub start: Option<NaiveDateTime>,
    /// The room's id; it must be one of the week's.
    pub room: Option<String>,
    /// Who speaks.
    pub speakers: Vec<String>,
    /// The kind of forum.
    pub format: Option<String>,
    /// Its join link.
    pub url: Option<String>,
    /// Free text.
    pub description: Option<String>,
}

/// Adds a forum; says what was added.
pub fn add(doc: &mut Document, new: NewForum) -> Result<String, Error> {
    if let Some(room) = &new.room {
        crate::known::room(&doc.week, "--room", room)?;
    }
    let taken = |id: &str| doc.week.fora.iter().any(|f| f.id == id);
    let id = match new.id {
        Some(id) if !is_valid_id(&id) => {
            return Err(Error::Usage(format!(
                "--id {id}: an id may hold only ASCII letters, digits, \"-\" and \"_\""
            )));
        }
        Some(id) if taken(&id) => {
            return Err(Error::Usage(format!(
                "--id {id}: a forum of the week has this id already"
            )));
        }
        Some(id) => id,
        None => {
            let base = match slug(&new.title) {
                s if s.is_empty() => "forum".to_owned(),
                s => s,
            };
            (1..)
                .map(|n| match n {
                    1 => base.clone(),
                    n => format!("{base}-{n}"),
                })
                .find(|id| !taken(id))
                .expect("some number is free")
        }
    };
    let duration = new.duration;
    let mut forum = Map::new();
    forum.insert("id".into(), Value::from(id.clone()));
    forum.insert("title".into(), Value::from(new.title.clone()));
    if let Some(format) = new.format {
        forum.insert("format".into(), Value::from(format));
    }
    if let Some(start) = new.start {
        forum.insert("start".into(), Value::from(local(start)));
    }
    forum.insert("duration".into(), Value::from(duration.clone()));
    if let Some(room) = &new.room {
        forum.insert("room".into(), Value::from(room.clone()));
    }
    if !new.speakers.is_empty() {
        forum.insert("speakers".into(), Value::from(new.speakers.clone()));
    }
    if let Some(description) = new.description {
        forum.insert("description".into(), Value::from(description));
    }
    if let Some(url) = new.url {
        forum.insert("url".into(), Value::from(url));
    }
    doc.fora().push(Value::Object(forum));
    let when = match new.start {
        Some(start) => format!("{}, {duration}", shown(start)),
        None => format!("not scheduled yet, {duration}"),
    };
    let room = new.room.map(|r| format!(", room {r}")).unwrap_or_default();
    Ok(format!("added {id:?} ({}): {when}{room}", new.title))
}

/// Where `fora move` puts a forum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// This local start.
    To(NaiveDateTime),
    /// Its start plus (or minus) this many minutes, on the wall clock.
    By(i64),
}

/// Moves a forum in time, to another room, or both; says from where to where.
pub fn move_to(
    doc: &mut Document,
    id: &str,
    target: Option<Target>,
    room: Option<&str>,
) -> Result<String, Error> {
    doc.forum(id)?;
    if let Some(room) = room {
        crate::known::room(&doc.week, "--room", room)?;
    }
    let old = doc
        .week
        .fora
        .iter()
        .find(|f| f.id == id)
        .and_then(|f| f.start);
    let start = match (target, old) {
        (None, _) => None,
        (Some(Target::To(start)), _) => Some(start),
        (Some(Target::By(minutes)), Some(old)) => Some(old + chrono::TimeDelta::minutes(minutes)),
        (Some(Target::By(_)), None) => {
            return Err(Error::Usage(format!(
                "--by: {id:?} has no start yet; give it one with --to"
            )));
        }
    };
    let forum = doc.forum(id)?;
    let mut said = Vec::new();
    if let Some(start) = start {
        forum.insert("start".into(), Value::from(local(start)));
        said.push(match old {
            Some(old) => format!("from {} to {}", shown(old), shown(start)),
            None => format!("to {}", shown(start)),
        });
    }
    if let Some(room) = room {
        let from = forum.get("room").and_then(Value::as_str).map(str::to_owned);
        forum.insert("room".into(), Value::from(room));
        said.push(match from {
            Some(from) => format!("from room {from} to {room}"),
            None => format!("to room {room}"),
        });
    }
    Ok(format!("moved {id:?} {}", said.join(", ")))
}

/// The fields `fora set` changes, as written in the week file.
pub const SETTABLE: [&str; 8] = [
    "title",
    "duration",
    "format",
    "url",
    "description",
    "room",
    "speakers",
    "status",
];

/// Sets fields of a forum from `FIELD=VALUE`; an empty value removes an optional field.
pub fn set(doc: &mut Document, id: &str, assignments: &[String]) -> Result<String, Error> {
    let mut values = Vec::new();
    for assignment in assignments {
        let Some((field, value)) = assignment.split_once('=') else {
            return Err(Error::Usage(format!(
                "{assignment:?} is not FIELD=VALUE; the fields are {}",
                SETTABLE.join(", ")
            )));
        };
        let (field, value) = (field.trim(), value.trim());
        let new = match field {
            "title" if value.is_empty() => {
                return Err(Error::Usage("title= : a forum needs a title".to_owned()));
            }
            "duration" => {
                Duration::parse(value)
                    .map_err(|e| Error::Usage(format!("duration={value}: {e}")))?;
                Some(Value::from(value))
            }
            "status" => Some(Value::from(
                Status::parse(value)
                    .ok_or_else(|| {
                        Error::Usage(format!(
                            "status={value}: not one of confirmed, tentative, cancelled"
                        ))
                    })?
                    .code(),
            )),
            "room" if !value.is_empty() => {
                crate::known::room(&doc.week, "room=", value)?;
                Some(Value::from(value))
            }
            "speakers" => {
                let names: Vec<&str> = value
                    .split(',')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .collect();
                (!names.is_empty()).then(|| Value::from(names))
            }
            _ if !SETTABLE.contains(&field) => {
                let hint = crate::suggest::closest(field, SETTABLE)
                    .map(|f| format!("did you mean {f:?}? "))
                    .unwrap_or_default();
                return Err(Error::Usage(format!(
                    "{field}=: {hint}the fields are {}; `fora move` changes the start",
                    SETTABLE.join(", ")
                )));
            }
            _ => (!value.is_empty()).then(|| Value::from(value)),
        };
        values.push((field, new));
    }
    let forum = doc.forum(id)?;
    let mut said = Vec::new();
    for (field, value) in values {
        match value {
            Some(value) => {
                let shown = match &value {
                    Value::Array(names) => names
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", "),
                    Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                said.push(format!("{field} {shown:?}"));
                forum.insert(field.to_owned(), value);
            }
            None => {
                said.push(format!("{field} removed"));
                forum.shift_remove(field);
            }
        }
    }
    Ok(format!("set {id:?}: {}", said.join("; ")))
}

/// Marks a forum cancelled: it stays in the file and the calendar, marked so.
pub fn cancel(doc: &mut Document, id: &str) -> Result<String, Error> {
    doc.forum(id)?
        .insert("status".into(), Value::from(Status::Cancelled.code()));
    Ok(format!(
        "cancelled {id:?}; calendars exported from now on mark it cancelled"
    ))
}

/// Removes a forum from the file.
pub fn remove(doc: &mut Document, id: &str) -> Result<String, Error> {
    doc.forum(id)?;
    let title = doc
        .week
        .fora
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.title.clone())
        .unwrap_or_default();
    doc.fora()
        .retain(|f| f.get("id").and_then(Value::as_str) != Some(id));
    Ok(format!(
        "removed {id:?} ({title}); `fora ics --previous` publishes it as cancelled"
    ))
}

/// A room for `fora room add`.
#[derive(Clone, Debug, Default)]
pub struct NewRoom {
    /// Its id.
    pub id: String,
    /// The name attendees see.
    pub name: String,
    /// Its join link.
    pub url: Option<String>,
    /// How many fit.
    pub capacity: Option<u64>,
}

/// Adds a room.
pub fn add_room(doc: &mut Document, new: NewRoom) -> Result<String, Error> {
    if !is_valid_id(&new.id) {
        return Err(Error::Usage(format!(
            "--id {}: an id may hold only ASCII letters, digits, \"-\" and \"_\"",
            new.id
        )));
    }
    if doc.week.room(&new.id).is_some() {
        return Err(Error::Usage(format!(
            "--id {}: the week has a room with this id already",
            new.id
        )));
    }
    let mut room = Map::new();
    room.insert("id".into(), Value::from(new.id.clone()));
    room.insert("name".into(), Value::from(new.name.clone()));
    if let Some(url) = new.url {
        room.insert("url".into(), Value::from(url));
    }
    if let Some(capacity) = new.capacity {
        room.insert("capacity".into(), Value::from(capacity));
    }
    if !doc.root.get("rooms").is_some_and(Value::is_array) {
        set_key(
            &mut doc.root,
            "rooms",
            Value::Array(Vec::new()),
            &[
                "participants",
                "registrations",
                "updated",
                "language",
                "end",
            ],
        );
    }
    doc.root
        .get_mut("rooms")
        .and_then(Value::as_array_mut)
        .expect("made an array above")
        .push(Value::Object(room));
    Ok(format!("added room {:?} ({})", new.id, new.name))
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
            .ok_or_else(|| {
                Error::Usage(format!(
                    "SOURCE_DATE_EPOCH={text}: not a number of seconds since 1970"
                ))
            }),
    }
}

/// The error findings of `after` that `before` does not have, pairs of fora counted
/// whichever starts first.
fn added_errors(before: &Week, after: &Week) -> Vec<Finding> {
    fn key(finding: &Finding) -> (Kind, Vec<String>) {
        let mut fora = finding.fora.clone();
        fora.sort();
        (finding.kind, fora)
    }
    let mut known: HashMap<(Kind, Vec<String>), usize> = HashMap::new();
    for finding in check(before).findings {
        if finding.severity == Severity::Error {
            *known.entry(key(&finding)).or_default() += 1;
        }
    }
    check(after)
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| match known.get_mut(&key(f)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// Sets `key`, in place when it is there, else after the first of `after` that is (else last).
fn set_key(root: &mut Map<String, Value>, key: &str, value: Value, after: &[&str]) {
    if let Some(slot) = root.get_mut(key) {
        *slot = value;
        return;
    }
    let at = after
        .iter()
        .find_map(|k| root.keys().position(|existing| existing == k))
        .map_or(root.len(), |i| i + 1);
    root.shift_insert(at, key.to_owned(), value);
}

/// `2020-06-23T10:00`, as week files write a start.
fn local(start: NaiveDateTime) -> String {
    start.format("%Y-%m-%dT%H:%M").to_string()
}

/// `2020-06-23 10:00`, as messages show a start.
fn shown(start: NaiveDateTime) -> String {
    start.format("%Y-%m-%d %H:%M").to_string()
}

/// The document as a week file: two-space JSON and a final newline.
fn to_text(root: &Map<String, Value>) -> String {
    let mut text = serde_json::to_string_pretty(root).expect("JSON values always serialise");
    text.push('\n');
    text
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
