//! A registration system's export read into the fora's registrations: one row per attendee
//! and forum, as a CSV file (`;` as German Excel writes it, or `,`; with or without a UTF-8
//! byte order mark, or in Windows-1252 as Excel saves "CSV").
//!
//! Two columns are read and nothing else: the forum (its id, else its exact title, case and
//! surrounding spaces ignored) and the attendee, by pseudonymous number. Names and e-mail
//! addresses in other columns never leave the file; an attendee column that holds one is
//! refused. A row given twice counts once.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use super::sheet::{decode, folded, separator};
use crate::model::{Week, is_pseudonym};
use crate::suggest;

/// The headers taken for the forum column when no `--forum-column` is given, in order of
/// preference, compared without case, spaces or punctuation (`Forum-ID` is `forumid`).
pub const FORUM_HEADERS: &[&str] = &[
    "forum",
    "forumid",
    "forumnr",
    "veranstaltung",
    "veranstaltungid",
    "veranstaltungsnr",
    "session",
    "sessionid",
    "title",
    "titel",
    "forumtitle",
    "forumtitel",
];

/// The headers taken for the attendee column when no `--attendee-column` is given.
pub const ATTENDEE_HEADERS: &[&str] = &[
    "attendee",
    "attendeeid",
    "attendeenumber",
    "attendeenr",
    "participant",
    "participantid",
    "participantnumber",
    "teilnehmer",
    "teilnehmerid",
    "teilnehmernr",
    "teilnehmernummer",
    "teilnehmende",
    "teilnehmendenr",
    "person",
    "personid",
    "personnr",
    "pseudonym",
    "nummer",
    "number",
    "nr",
    "anmeldung",
    "anmeldenr",
    "anmeldenummer",
    "registration",
    "registrationid",
];

/// Which of the two columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The forum's id or title.
    Forum,
    /// The attendee's pseudonymous number.
    Attendee,
}

/// The columns named on the command line, by header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    /// The forum column's header.
    pub forum: Option<String>,
    /// The attendee column's header.
    pub attendee: Option<String>,
}

/// What an export says: the attendees of each forum it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registrations {
    /// The header of the forum column read.
    pub forum_column: String,
    /// The header of the attendee column read.
    pub attendee_column: String,
    /// Each forum named, by its place in the week's list, with its attendees sorted (numbers
    /// by value) and each once.
    pub fora: BTreeMap<usize, Vec<String>>,
    /// Rows of registrations read (not counting empty ones).
    pub rows: usize,
    /// Rows that repeat an attendee of a forum, counted once.
    pub repeated: usize,
}

/// What is wrong with an export, and on which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportError {
    /// The line of the file, from 1, when the trouble is on one.
    pub line: Option<u64>,
    /// What is wrong.
    pub problem: ExportProblem,
}

/// What is wrong with an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportProblem {
    /// It has no header row.
    Empty,
    /// No header looks like the column.
    NoColumn {
        /// Which column.
        column: Column,
        /// The file's headers.
        headers: Vec<String>,
    },
    /// The header named on the command line is not in the file.
    UnknownColumn {
        /// Which column.
        column: Column,
        /// The header named.
        name: String,
        /// The closest header of the file.
        closest: Option<String>,
        /// The file's headers.
        headers: Vec<String>,
    },
    /// The forum and the attendee are the same column.
    SameColumn(String),
    /// A row leaves the column empty.
    EmptyValue {
        /// Which column.
        column: Column,
        /// Its header.
        header: String,
    },
    /// No forum has this id or title.
    UnknownForum {
        /// The value.
        value: String,
        /// The id of the closest forum by id or title, and its title.
        closest: Option<(String, String)>,
    },
    /// Several fora have this id or title.
    AmbiguousForum {
        /// The value.
        value: String,
        /// How many fora it names.
        fora: usize,
    },
    /// The attendee column holds a name or an e-mail address, not a pseudonymous number.
    /// The value is not repeated: it is a person's.
    NotPseudonym {
        /// The column's header.
        header: String,
    },
    /// The CSV does not read.
    Unreadable(String),
}

fn at(line: u64) -> impl FnOnce(ExportProblem) -> ExportError {
    move |problem| ExportError {
        line: Some(line),
        problem,
    }
}

fn whole(problem: ExportProblem) -> ExportError {
    ExportError {
        line: None,
        problem,
    }
}

/// Where the column is among `headers`: the one named, else the first guess.
fn find(
    headers: &[String],
    column: Column,
    named: Option<&str>,
    guesses: &[&str],
) -> Result<Option<usize>, ExportError> {
    let folded_headers: Vec<String> = headers.iter().map(|h| folded(h)).collect();
    if let Some(name) = named {
        let want = folded(name);
        return match folded_headers.iter().position(|h| *h == want) {
            Some(at) => Ok(Some(at)),
            None => Err(whole(ExportProblem::UnknownColumn {
                column,
                name: name.to_owned(),
                closest: suggest::closest(name, headers.iter().map(String::as_str))
                    .map(str::to_owned),
                headers: headers.to_vec(),
            })),
        };
    }
    Ok(guesses
        .iter()
        .find_map(|guess| folded_headers.iter().position(|h| h == guess)))
}

/// The two columns: each named or guessed; a lone `id` column is the one not found.
fn columns(headers: &[String], named: &Columns) -> Result<(usize, usize), ExportError> {
    let forum = find(
        headers,
        Column::Forum,
        named.forum.as_deref(),
        FORUM_HEADERS,
    )?;
    let attendee = find(
        headers,
        Column::Attendee,
        named.attendee.as_deref(),
        ATTENDEE_HEADERS,
    )?;
    let id = headers.iter().position(|h| folded(h) == "id");
    let (forum, attendee) = match (forum, attendee) {
        (None, Some(a)) => (id, Some(a)),
        (Some(f), None) => (Some(f), id),
        both => both,
    };
    let missing = |column| {
        whole(ExportProblem::NoColumn {
            column,
            headers: headers.to_vec(),
        })
    };
    let forum = forum.ok_or_else(|| missing(Column::Forum))?;
    let attendee = attendee.ok_or_else(|| missing(Column::Attendee))?;
    if forum == attendee {
        return Err(whole(ExportProblem::SameColumn(headers[forum].clone())));
    }
    Ok((forum, attendee))
}

/// The fora of a week by id and by folded title.
struct Index<'w> {
    week: &'w Week,
    ids: HashMap<&'w str, Vec<usize>>,
    titles: HashMap<String, Vec<usize>>,
}

impl<'w> Index<'w> {
    fn new(week: &'w Week) -> Self {
        let mut ids: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut titles: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, forum) in week.fora.iter().enumerate() {
            ids.entry(&forum.id).or_default().push(i);
            titles
                .entry(forum.title.trim().to_lowercase())
                .or_default()
                .push(i);
        }
        Self { week, ids, titles }
    }

    /// The forum `value` names: by id, else by title.
    fn forum(&self, value: &str) -> Result<usize, ExportProblem> {
        let found = self
            .ids
            .get(value)
            .or_else(|| self.titles.get(&value.to_lowercase()));
        match found.map(Vec::as_slice) {
            Some(&[index]) => Ok(index),
            Some(many) => Err(ExportProblem::AmbiguousForum {
                value: value.to_owned(),
                fora: many.len(),
            }),
            None => Err(ExportProblem::UnknownForum {
                value: value.to_owned(),
                closest: self.closest(value),
            }),
        }
    }

    /// The forum whose id or title is most like `value`, when one is alike enough.
    fn closest(&self, value: &str) -> Option<(String, String)> {
        let fora = &self.week.fora;
        let by_id = suggest::nearest(value, fora.iter().map(|f| f.id.as_str()));
        let by_title = suggest::nearest(value, fora.iter().map(|f| f.title.as_str()));
        let best = match (by_id, by_title) {
            (Some(id), Some(title)) if title.1 > id.1 => fora.iter().find(|f| f.title == title.0),
            (Some(id), _) => fora.iter().find(|f| f.id == id.0),
            _ => None,
        }?;
        let score = |text: &str| suggest::nearest(value, [text]).map_or(0.0, |(_, s)| s);
        (score(&best.id).max(score(&best.title)) >= 0.5)
            .then(|| (best.id.clone(), best.title.clone()))
    }
}

/// Numbers by value (`998` before `1042`), then everything else as text.
fn attendee_order(a: &String, b: &String) -> std::cmp::Ordering {
    let number = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    match (number(a), number(b)) {
        (true, true) => {
            let (x, y) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
            (x.len(), x, a).cmp(&(y.len(), y, b))
        }
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        (false, false) => a.cmp(b),
    }
}

/// Reads an export of registrations for `week`.
pub fn read(week: &Week, bytes: &[u8], named: &Columns) -> Result<Registrations, ExportError> {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let unreadable = |e: csv::Error| {
        let line = e.position().map(csv::Position::line);
        ExportError {
            line,
            problem: ExportProblem::Unreadable(e.to_string()),
        }
    };
    let headers: Vec<String> = reader
        .headers()
        .map_err(unreadable)?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(whole(ExportProblem::Empty));
    }
    let (forum_at, attendee_at) = columns(&headers, named)?;
    let index = Index::new(week);
    let mut fora: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let (mut rows, mut repeated) = (0, 0);
    for record in reader.records() {
        let record = record.map_err(unreadable)?;
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        let value = |field: usize, column| {
            let value = record.get(field).unwrap_or_default().trim();
            if value.is_empty() {
                let header = headers[field].clone();
                return Err(at(line)(ExportProblem::EmptyValue { column, header }));
            }
            Ok(value)
        };
        let forum = index
            .forum(value(forum_at, Column::Forum)?)
            .map_err(at(line))?;
        let attendee = value(attendee_at, Column::Attendee)?;
        if !is_pseudonym(attendee) {
            return Err(at(line)(ExportProblem::NotPseudonym {
                header: headers[attendee_at].clone(),
            }));
        }
        rows += 1;
        if !fora.entry(forum).or_default().insert(attendee.to_owned()) {
            repeated += 1;
        }
    }
    let fora = fora
        .into_iter()
        .map(|(forum, attendees)| {
            let mut attendees: Vec<String> = attendees.into_iter().collect();
            attendees.sort_by(attendee_order);
            (forum, attendees)
        })
        .collect();
    Ok(Registrations {
        forum_column: headers[forum_at].clone(),
        attendee_column: headers[attendee_at].clone(),
        fora,
        rows,
        repeated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sort_by_value() {
        let mut list: Vec<String> = ["T-1", "1042", "998", "0999", "A"]
            .map(str::to_owned)
            .to_vec();
        list.sort_by(attendee_order);
        assert_eq!(list, ["998", "0999", "1042", "A", "T-1"]);
    }

    #[test]
    fn headers_are_guessed_and_a_lone_id_is_the_other_column() {
        let h = |names: &[&str]| names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let none = Columns::default();
        assert_eq!(
            columns(&h(&["Name", "Teilnehmer-Nr.", "Veranstaltung"]), &none),
            Ok((2, 1))
        );
        assert_eq!(columns(&h(&["ID", "Forum", "E-Mail"]), &none), Ok((1, 0)));
        assert_eq!(columns(&h(&["id", "Teilnehmende"]), &none), Ok((0, 1)));
        assert!(columns(&h(&["Name", "E-Mail"]), &none).is_err());
        let named = Columns {
            forum: Some("Kurs".into()),
            attendee: Some("kennung".into()),
        };
        assert_eq!(columns(&h(&["Kennung", "Kurs"]), &named), Ok((1, 0)));
    }
}
