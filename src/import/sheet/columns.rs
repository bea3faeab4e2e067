//! Which column says what: headers in German or English, in any case, with a unit in
//! parentheses; and the exact headers `fora timetable --format csv` writes.

use std::collections::BTreeMap;

use super::cells::Unit;
use super::folded;
use crate::export::Words;
use crate::import::SheetColumn;
use crate::model::Language;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The forum's id.
    Id,
    /// The date.
    Date,
    /// The start (a time, or a date and time).
    Start,
    /// The end.
    End,
    /// The duration.
    Duration,
    /// The title.
    Title,
    /// The room's name.
    Room,
    /// The speakers.
    Speakers,
    /// The format.
    Format,
    /// The description.
    Description,
    /// The join link.
    Link,
    /// Whether it takes place.
    Status,
    /// A column fora knows and leaves alone (the timetable's error findings).
    Ignored,
}

/// Headers beside the timetable's own words, folded (lower case, letters and digits only).
const NAMES: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "kennung", "code", "slug"]),
    (Field::Date, &["datum", "date", "tag", "day"]),
    (
        Field::Start,
        &[
            "beginn",
            "uhrzeit",
            "start",
            "time",
            "von",
            "from",
            "startzeit",
            "anfang",
            "zeit",
            "begin",
            "starttime",
            "startdatum",
            "beginnt",
        ],
    ),
    (
        Field::End,
        &[
            "ende", "end", "bis", "to", "endzeit", "until", "endtime", "endet",
        ],
    ),
    (
        Field::Duration,
        &["dauer", "duration", "länge", "laenge", "length"],
    ),
    (
        Field::Title,
        &[
            "titel",
            "title",
            "thema",
            "veranstaltung",
            "topic",
            "forum",
            "session",
        ],
    ),
    (
        Field::Room,
        &[
            "raum",
            "room",
            "ort",
            "location",
            "saal",
            "virtuellerraum",
            "raumname",
        ],
    ),
    (
        Field::Speakers,
        &[
            "referentinnen",
            "referenten",
            "referentin",
            "referent",
            "referierende",
            "mitwirkende",
            "sprecher",
            "sprecherin",
            "sprecherinnen",
            "speakers",
            "speaker",
            "personen",
            "persons",
            "people",
        ],
    ),
    (
        Field::Format,
        &[
            "format",
            "type",
            "art",
            "typ",
            "kind",
            "veranstaltungsart",
            "formatart",
        ],
    ),
    (
        Field::Description,
        &[
            "beschreibung",
            "description",
            "abstract",
            "kurzbeschreibung",
            "inhalt",
        ],
    ),
    (
        Field::Link,
        &[
            "link",
            "url",
            "zugang",
            "zugangslink",
            "joinlink",
            "einwahl",
            "einwahllink",
        ],
    ),
    (Field::Status, &["status", "zustand"]),
];

/// The columns of a header row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// The headers as the file writes them.
    pub headers: Vec<String>,
    /// Where each field is: the first column that holds it.
    pub at: BTreeMap<Field, usize>,
    /// The unit of a bare number in the duration column.
    pub unit: Unit,
}

impl Columns {
    /// The columns of `headers`.
    pub fn new(headers: Vec<String>) -> Self {
        let mut at = BTreeMap::new();
        let mut unit = Unit::Minutes;
        let words = timetable_words();
        for (index, header) in headers.iter().enumerate() {
            let Some((field, header_unit)) = field(header, &words) else {
                continue;
            };
            if at.contains_key(&field) {
                continue;
            }
            at.insert(field, index);
            if field == Field::Duration {
                unit = header_unit.unwrap_or_default();
            }
        }
        Self { headers, at, unit }
    }

    /// The columns a programme cannot do without that are not there: the title, and a
    /// start (a start or a date column).
    pub fn missing(&self) -> Vec<SheetColumn> {
        let mut missing = Vec::new();
        if !self.at.contains_key(&Field::Title) {
            missing.push(SheetColumn::Title);
        }
        if !self.at.contains_key(&Field::Start) && !self.at.contains_key(&Field::Date) {
            missing.push(SheetColumn::Start);
        }
        missing
    }

    /// The column of `field`, when there is one.
    pub fn of(&self, field: Field) -> Option<usize> {
        self.at.get(&field).copied()
    }

    /// The header of `field`'s column (empty when there is none).
    pub fn header(&self, field: Field) -> String {
        self.of(field)
            .map(|at| self.headers[at].clone())
            .unwrap_or_default()
    }
}

/// What a header names, and the unit it gives: `Dauer (Minuten)`, `Duration (h)`,
/// `Dauer in Std.`, `Minuten`.
fn field(header: &str, words: &[(String, Field)]) -> Option<(Field, Option<Unit>)> {
    let header = header.trim();
    let (name, unit) = match header.rfind(['(', '[']) {
        Some(open) if header.ends_with([')', ']']) => (
            &header[..open],
            Unit::named(header[open + 1..header.len() - 1].trim_end_matches('.')),
        ),
        _ => match header.to_lowercase().rsplit_once(" in ") {
            Some((name, unit)) if Unit::named(unit.trim_end_matches('.')).is_some() => {
                return named(&folded(name), words).map(|(field, _)| (field, Unit::named(unit)));
            }
            _ => (header, None),
        },
    };
    let (field, own) = named(&folded(name), words)?;
    Some((field, unit.or(own)))
}

/// The field a folded name is, with the unit the name itself is (`Minuten`).
fn named(name: &str, words: &[(String, Field)]) -> Option<(Field, Option<Unit>)> {
    if let Some(unit) = Unit::named(name).filter(|_| name.len() > 1) {
        return Some((Field::Duration, Some(unit)));
    }
    if let Some((_, field)) = words.iter().find(|(word, _)| word == name) {
        return Some((*field, None));
    }
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&name))
        .map(|(field, _)| (*field, None))
}

/// The headers `fora timetable --format csv` writes, in either language, folded.
fn timetable_words() -> Vec<(String, Field)> {
    [Language::De, Language::En]
        .into_iter()
        .flat_map(|language| {
            let words = Words::new(language);
            [
                (words.id, Field::Id),
                (words.date, Field::Date),
                (words.start, Field::Start),
                (words.end, Field::End),
                (words.minutes, Field::Duration),
                (words.title, Field::Title),
                (words.format, Field::Format),
                (words.room, Field::Room),
                (words.speakers, Field::Speakers),
                (words.status, Field::Status),
                (words.link, Field::Link),
                (words.description, Field::Description),
                (words.errors, Field::Ignored),
            ]
        })
        .map(|(word, field)| (folded(&word), field))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_either_language_with_units() {
        let cases = [
            ("Dauer (Minuten)", Field::Duration, Some(Unit::Minutes)),
            ("Duration (h)", Field::Duration, Some(Unit::Hours)),
            ("Dauer (Std.)", Field::Duration, Some(Unit::Hours)),
            ("Dauer in Stunden", Field::Duration, Some(Unit::Hours)),
            ("Minuten", Field::Duration, Some(Unit::Minutes)),
            ("Referent*innen", Field::Speakers, None),
            ("Referent:innen", Field::Speakers, None),
            ("ReferentInnen", Field::Speakers, None),
            ("LÄNGE", Field::Duration, None),
            ("Kennung", Field::Id, None),
            ("Fehler", Field::Ignored, None),
            ("Datum (TT.MM.JJJJ)", Field::Date, None),
        ];
        let words = timetable_words();
        for (header, want, unit) in cases {
            assert_eq!(field(header, &words), Some((want, unit)), "{header}");
        }
        assert_eq!(field("E-Mail", &words), None);
        let columns = Columns::new(vec!["Name".into(), "E-Mail".into()]);
        assert_eq!(columns.missing(), [SheetColumn::Title, SheetColumn::Start]);
    }
}
