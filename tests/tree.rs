//! The format-preserving JSON editor, `fora::edit::tree`.
//!
//! Golden files: each case edits `tests/fixtures/tree/NAME.json` with the operations below and
//! compares the result byte for byte with `NAME.expected.json` (`FORA_BLESS=1` writes the
//! expected files instead; read every change before committing it). Then a property test:
//! random documents in random layouts, random edits; after each edit the text is JSON of
//! exactly the expected value, and every byte outside the expected splice is the original's,
//! as an independent span scanner (not jsonc-parser) locates them.

use std::path::PathBuf;

use fora::edit::tree::{Step, Tree, TreeError};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

use Step::{Index, Key};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tree")
        .join(name)
}

fn read(name: &str) -> String {
    let path = fixture(name);
    match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8(bytes)
            .unwrap_or_else(|e| panic!("the fixture {} is not UTF-8: {e}", path.display())),
        Err(e) => panic!("the test needs the fixture {}: {e}", path.display()),
    }
}

/// Every golden case: `NAME.json` and `NAME.expected.json` in the fixtures folder.
const CASES: &[&str] = &[
    "blank-lines",
    "bom",
    "compact-empty",
    "continuation",
    "crlf",
    "empty",
    "no-final-newline",
    "numbers",
    "odd-spacing",
    "one-line",
    "pretty",
    "quote",
    "remove-elements",
    "remove-properties",
    "single",
    "tabs",
];

/// Edits `NAME.json` with `edit` and compares the text with `NAME.expected.json`.
fn golden(name: &str, edit: impl FnOnce(&mut Tree) -> Result<(), TreeError>) {
    assert!(CASES.contains(&name), "{name} is missing from CASES");
    let input = read(&format!("{name}.json"));
    let mut tree = Tree::parse(&input).unwrap_or_else(|e| panic!("{name}.json: {e}"));
    edit(&mut tree).unwrap_or_else(|e| panic!("{name}.json: an edit failed: {e}"));
    let output = tree.text();
    serde_json::from_str::<Value>(output.trim_start_matches('\u{feff}'))
        .unwrap_or_else(|e| panic!("{name}: the edited text is not JSON: {e}\n{output}"));
    let expected_name = format!("{name}.expected.json");
    if std::env::var_os("FORA_BLESS").is_some() {
        std::fs::write(fixture(&expected_name), &output).unwrap();
        return;
    }
    let expected = read(&expected_name);
    if output != expected {
        panic!(
            "{name}: the edited text differs from {expected_name}\n--- edited ---\n{output}\n--- expected ---\n{expected}"
        );
    }
}

/// A forum object as `fora add` builds it.
fn forum(id: &str, title: &str, rest: &[(&str, Value)]) -> Value {
    let mut map = Map::new();
    map.insert("id".into(), json!(id));
    map.insert("title".into(), json!(title));
    for (key, value) in rest {
        map.insert((*key).into(), value.clone());
    }
    Value::Object(map)
}

#[test]
fn every_fixture_is_a_case_and_every_case_has_its_fixtures() {
    let folder = fixture("");
    let mut found: Vec<String> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("the test needs the folder {}: {e}", folder.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .filter(|name| !name.ends_with(".expected"))
        .collect();
    found.sort();
    assert_eq!(found, CASES, "the inputs in {}", folder.display());
    for case in CASES {
        read(&format!("{case}.json"));
        read(&format!("{case}.expected.json"));
    }
}

const FORA: &[Step] = &[Key("fora")];
const ROOMS: &[Step] = &[Key("rooms")];

#[test]
fn odd_spacing_is_copied_and_kept() {
    golden("odd-spacing", |t| {
        // An existing key: only the value's bytes.
        t.set(&[], "name", Some(&json!("Neue Woche")), &[])?;
        // After a key whose separator runs on on the line, and after one that ends a line.
        t.set(&[], "timezone", Some(&json!("Europe/Berlin")), &["start"])?;
        t.set(&[], "language", Some(&json!("de")), &["updated", "end"])?;
        t.push(ROOMS, &json!({"id": "c", "name": "C"}))?;
        t.set(&[Key("rules")], "day_end", Some(&json!("18:00")), &[])
    });
}

#[test]
fn numbers_and_escapes_next_to_an_edit_stay_as_written() {
    golden("numbers", |t| {
        // 1.5 is what `1.50` says already: nothing changes.
        t.set(&[], "x-budget", Some(&json!(1.5)), &[])?;
        t.set(&[], "name", Some(&json!("Neue Woche")), &[])?;
        t.set(&[], "x-note", Some(&json!("neu")), &["x-id"])?;
        t.set(&[Key("rules")], "min_gap", Some(&json!("30m")), &[])?;
        t.set(&[Key("rules")], "day_start", Some(&json!("09:00")), &[])?;
        // A key written with escapes is found by what it says.
        t.set(&[Key("rules")], "x-grüße", Some(&json!("neu")), &[])?;
        t.set(&[], "x-ratio", None, &[])
    });
}

#[test]
fn a_file_without_a_final_newline_gets_none() {
    golden("no-final-newline", |t| {
        t.set(&[], "updated", Some(&json!("2020-06-01T08:00:00Z")), &[])?;
        t.push(ROOMS, &json!({"id": "werkstatt", "name": "Werkstatt"}))
    });
}

#[test]
fn crlf_files_get_crlf_line_breaks() {
    golden("crlf", |t| {
        // One property on its own line: a comma, the file's line break, its indentation.
        t.set(&[Key("rules")], "day_start", Some(&json!("09:00")), &[])?;
        // Into an empty array at the end of its line: one step deeper, laid out like the
        // document's other array of objects.
        t.push(
            FORA,
            &forum(
                "a",
                "A",
                &[("duration", json!("1h")), ("room", json!("plenum"))],
            ),
        )?;
        t.push(FORA, &forum("b", "B", &[("duration", json!("30m"))]))?;
        t.set(&[], "language", Some(&json!("de")), &["timezone"])
    });
}

#[test]
fn tabs_are_copied() {
    golden("tabs", |t| {
        t.push(
            FORA,
            &forum("podium", "Podium", &[("speakers", json!(["Anna", "Ben"]))]),
        )?;
        t.push(ROOMS, &json!({"id": "saal", "name": "Saal"}))?;
        t.set(
            &[Key("fora"), Index(0)],
            "room",
            Some(&json!("saal")),
            &["title"],
        )
    });
}

#[test]
fn the_pretty_style_serde_json_writes() {
    golden("pretty", |t| {
        t.push(
            FORA,
            &forum(
                "abschluss",
                "Abschluss",
                &[
                    ("start", json!("2015-11-06T14:00")),
                    ("duration", json!("45m")),
                    ("room", json!("saal")),
                    ("speakers", json!(["Anna", "Ben"])),
                ],
            ),
        )?;
        t.set(
            &[Key("fora"), Index(0)],
            "title",
            Some(&json!("Großer Auftakt")),
            &[],
        )?;
        t.set(
            &[Key("fora"), Index(1)],
            "format",
            Some(&json!("Podium")),
            &["title"],
        )?;
        t.set(
            &[Key("fora"), Index(1)],
            "status",
            Some(&json!("cancelled")),
            &[],
        )?;
        t.set(
            &[],
            "updated",
            Some(&json!("2015-11-02T09:00:00Z")),
            &["language"],
        )?;
        t.push(
            ROOMS,
            &json!({"id": "foyer", "name": "Foyer", "capacity": 80}),
        )
    });
}

#[test]
fn one_line_objects_in_an_array() {
    golden("one-line", |t| {
        t.push(
            FORA,
            &forum(
                "neu",
                "Neu",
                &[
                    ("start", json!("2021-03-27T10:00")),
                    ("duration", json!("45m")),
                    ("room", json!("werkstatt")),
                    ("speakers", json!(["Anna", "Ben"])),
                ],
            ),
        )?;
        t.set(
            &[Key("fora"), Index(1)],
            "status",
            Some(&json!("cancelled")),
            &[],
        )?;
        t.set(
            &[Key("fora"), Index(0)],
            "start",
            Some(&json!("2021-03-26T09:30")),
            &[],
        )?;
        t.remove(&[Key("fora"), Index(2)])?;
        t.push(
            ROOMS,
            &json!({"id": "foyer", "name": "Foyer", "url": "https://example.org/join/foyer"}),
        )?;
        t.set(
            &[],
            "updated",
            Some(&json!("2021-03-01T08:00:00Z")),
            &["language", "end"],
        )
    });
}

#[test]
fn the_continuation_style() {
    golden("continuation", |t| {
        // After "description", the last key, on a line of its own.
        t.set(
            &[Key("fora"), Index(0)],
            "status",
            Some(&json!("cancelled")),
            &[],
        )?;
        // After a key inside a line.
        t.set(
            &[Key("fora"), Index(2)],
            "url",
            Some(&json!("https://example.org/x")),
            &["title"],
        )?;
        t.push(
            FORA,
            &forum(
                "neu",
                "Neu",
                &[
                    ("format", json!("Werkstatt")),
                    ("start", json!("2020-06-26T15:30")),
                    ("duration", json!("45m")),
                    ("room", json!("praxisraum")),
                    ("speakers", json!(["Anna", "Ben"])),
                    ("description", json!("Beschreibung")),
                ],
            ),
        )?;
        t.push(FORA, &forum("kurz", "Kurz", &[("duration", json!("30m"))]))?;
        // A key the neighbour does not have starts a line of its own.
        t.push(
            FORA,
            &forum(
                "mit-link",
                "Mit Link",
                &[
                    ("x-link", json!("https://example.org")),
                    ("duration", json!("30m")),
                ],
            ),
        )?;
        t.remove(&[Key("fora"), Index(1), Key("description")])?;
        t.push(
            ROOMS,
            &json!({"id": "foyer", "name": "Foyer", "capacity": 80}),
        )
    });
}

#[test]
fn a_bom_is_kept() {
    golden("bom", |t| {
        t.push(FORA, &forum("b", "B", &[]))?;
        t.set(&[], "name", Some(&json!("Woche 2")), &[])
    });
}

#[test]
fn removing_properties() {
    golden("remove-properties", |t| {
        t.set(&[Key("line")], "first", None, &[])?;
        t.remove(&[Key("line"), Key("last")])?;
        t.remove(&[Key("only"), Key("only")])?;
        t.remove(&[Key("only-multi-line"), Key("only")])?;
        t.remove(&[Key("middle")])?;
        t.remove(&[Key("first")])?;
        t.remove(&[Key("last")])
    });
}

#[test]
fn removing_elements() {
    golden("remove-elements", |t| {
        t.remove(&[Key("first"), Index(0)])?;
        t.remove(&[Key("middle"), Index(1)])?;
        t.remove(&[Key("last"), Index(2)])?;
        t.remove(&[Key("only"), Index(0)])?;
        t.remove(&[Key("lines"), Index(1)])?;
        t.remove(&[Key("lines"), Index(0)])?;
        t.remove(&[Key("only-multi-line"), Index(0)])
    });
}

#[test]
fn into_empty_arrays_and_objects() {
    golden("empty", |t| {
        // `[]` ending its line: multi-line, one step deeper.
        t.push(ROOMS, &json!({"id": "saal", "name": "Saal"}))?;
        t.push(&[Key("x-last")], &json!("x"))?;
        // `[]` and `{}` with other text on their line: between the brackets.
        t.push(&[Key("x-inline"), Key("tags")], &json!("a"))?;
        t.push(&[Key("fora"), Index(0), Key("speakers")], &json!("Anna"))?;
        t.set(
            &[Key("fora"), Index(0), Key("x")],
            "k",
            Some(&json!([1, 2])),
            &[],
        )?;
        t.set(&[Key("rules")], "min_gap", Some(&json!("15m")), &[])
    });
}

#[test]
fn blank_lines_group_or_separate() {
    golden("blank-lines", |t| {
        // Every forum separated by a blank line: so is a new one.
        t.push(FORA, &forum("d", "D", &[]))?;
        // A blank line that groups keys: a new key joins its neighbour's group.
        t.set(&[], "language", Some(&json!("de")), &["timezone"])?;
        t.set(&[], "start", Some(&json!("2020-06-23")), &["name"])
    });
}

#[test]
fn compact_files_stay_compact() {
    golden("single", |t| {
        t.push(
            FORA,
            &forum("b", "B", &[("speakers", json!(["Anna", "Ben"]))]),
        )?;
        t.set(&[Key("x-one")], "l", Some(&json!({"m": [1, 2]})), &[])?;
        t.set(
            &[Key("fora"), Index(0)],
            "duration",
            Some(&json!("1h")),
            &["id"],
        )
    });
}

#[test]
fn an_empty_document_grows_on_lines_of_its_own() {
    golden("compact-empty", |t| {
        t.set(&[], "name", Some(&json!("Woche")), &[])?;
        t.set(&[], "fora", Some(&json!([])), &[])?;
        t.push(FORA, &forum("a", "A", &[]))
    });
}

#[test]
fn a_value_with_a_quote_and_a_line_break() {
    golden("quote", |t| {
        t.set(
            &[Key("fora"), Index(0)],
            "title",
            Some(&json!("Das \"Forum\"\nzweite Zeile \\ Tab\t, ü \u{1}")),
            &[],
        )?;
        t.set(
            &[Key("fora"), Index(0)],
            "description",
            Some(&json!("Ein \"Zitat\"\r\nund weiter")),
            &[],
        )?;
        t.set(
            &[Key("fora"), Index(0)],
            "x-\"say\" \\ ü",
            Some(&json!(1)),
            &["id"],
        )
    });
}

// ---------------------------------------------------------------------------------------------
// The property test.

/// A generated document: scalars as the literal text they are written with.
#[derive(Clone, Debug)]
enum Gen {
    Scalar(&'static str),
    Array(Vec<Gen>),
    Object(Vec<(&'static str, Gen)>),
}

const SCALARS: &[&str] = &[
    "\"x\"",
    "\"M\\u00fcnchen\"",
    "\"Grüße\"",
    "\"a \\\"q\\\" \\\\ \\n\"",
    "\"\"",
    "1.50",
    "123456789012345678901234567890",
    "1e2",
    "-0.000",
    "0",
    "-17",
    "true",
    "false",
    "null",
];

const KEYS: &[&str] = &[
    "id",
    "title",
    "a",
    "b",
    "x-y",
    "ü",
    "a/b",
    "",
    "fora",
    "rooms",
    "say \"hi\" \\ ",
];

fn unique(props: Vec<(&'static str, Gen)>) -> Vec<(&'static str, Gen)> {
    let mut seen = std::collections::HashSet::new();
    props.into_iter().filter(|(k, _)| seen.insert(*k)).collect()
}

fn document() -> impl Strategy<Value = Gen> {
    let leaf = prop::sample::select(SCALARS).prop_map(Gen::Scalar);
    let node = leaf.prop_recursive(3, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Gen::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..5)
                .prop_map(|props| Gen::Object(unique(props))),
        ]
    });
    prop::collection::vec((prop::sample::select(KEYS), node), 0..6)
        .prop_map(|props| Gen::Object(unique(props)))
}

/// How a generated document is written.
#[derive(Clone, Debug)]
struct Style {
    /// The indentation step; none: everything on one line.
    indent: Option<&'static str>,
    newline: &'static str,
    /// Containers this deep or deeper are written on one line.
    one_line_from: usize,
    colon: &'static str,
    comma: &'static str,
    /// Drives extra spaces and blank lines.
    noise: u64,
    bom: bool,
    final_newline: bool,
}

fn style() -> impl Strategy<Value = Style> {
    (
        prop::sample::select(vec![None, Some("  "), Some("    "), Some("\t")]),
        prop::sample::select(vec!["\n", "\r\n"]),
        1usize..4,
        prop::sample::select(vec![":", ": ", " : "]),
        prop::sample::select(vec![",", ", "]),
        any::<u64>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(indent, newline, one_line_from, colon, comma, noise, bom, final_newline)| Style {
                indent,
                newline,
                one_line_from,
                colon,
                comma,
                noise,
                bom,
                final_newline,
            },
        )
}

struct Writer<'s> {
    style: &'s Style,
    state: u64,
    out: String,
}

impl Writer<'_> {
    /// A few pseudo-random bits from the style's noise.
    fn roll(&mut self, sides: u64) -> u64 {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.state >> 33) % sides
    }

    /// Sometimes a space or two.
    fn spaces(&mut self) {
        if self.style.noise.is_multiple_of(3) {
            let n = self.roll(4).saturating_sub(1);
            self.out.push_str(&" ".repeat(n as usize));
        }
    }

    fn write(&mut self, node: &Gen, depth: usize) {
        let (open, close, len) = match node {
            Gen::Scalar(text) => return self.out.push_str(text),
            Gen::Array(elements) => ('[', ']', elements.len()),
            Gen::Object(props) => ('{', '}', props.len()),
        };
        self.out.push(open);
        let lines = match self.style.indent {
            Some(step) if depth < self.style.one_line_from && len > 0 => Some(step),
            _ => None,
        };
        for i in 0..len {
            if i > 0 {
                self.spaces();
                self.out.push(',');
            }
            match lines {
                Some(step) => {
                    if i > 0 && self.roll(6) == 0 {
                        self.out.push_str(self.style.newline);
                    }
                    self.out.push_str(self.style.newline);
                    self.out.push_str(&step.repeat(depth + 1));
                }
                None if i > 0 => self.out.push_str(&self.style.comma[1..]),
                None => {}
            }
            self.spaces();
            match node {
                Gen::Array(elements) => self.write(&elements[i], depth + 1),
                Gen::Object(props) => {
                    self.out
                        .push_str(&serde_json::to_string(props[i].0).unwrap());
                    self.spaces();
                    self.out.push_str(self.style.colon);
                    self.spaces();
                    self.write(&props[i].1, depth + 1);
                }
                Gen::Scalar(_) => unreachable!(),
            }
        }
        self.spaces();
        if let Some(step) = lines {
            self.out.push_str(self.style.newline);
            self.out.push_str(&step.repeat(depth));
        }
        self.out.push(close);
    }
}

fn render(document: &Gen, style: &Style) -> String {
    let mut writer = Writer {
        style,
        state: style.noise,
        out: String::new(),
    };
    if style.bom {
        writer.out.push('\u{feff}');
    }
    writer.write(document, 0);
    if style.final_newline {
        writer.out.push_str(style.newline);
    }
    writer.out
}

/// Where a value is in a text, found by a scanner of its own rather than by jsonc-parser.
#[derive(Debug)]
struct Span {
    start: usize,
    end: usize,
    inner: Inner,
}

#[derive(Debug)]
enum Inner {
    Leaf,
    Array(Vec<Span>),
    /// Each property: its key, where the key starts, its value.
    Object(Vec<(String, usize, Span)>),
}

struct Scanner<'t> {
    text: &'t [u8],
    at: usize,
}

impl Scanner<'_> {
    fn space(&mut self) {
        while matches!(self.text.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn string(&mut self) -> usize {
        assert_eq!(self.text[self.at], b'"');
        let start = self.at;
        self.at += 1;
        loop {
            match self.text[self.at] {
                b'\\' => self.at += 2,
                b'"' => break,
                _ => self.at += 1,
            }
        }
        self.at += 1;
        start
    }

    fn value(&mut self) -> Span {
        self.space();
        let start = self.at;
        let inner = match self.text[self.at] {
            b'{' => {
                self.at += 1;
                let mut props = Vec::new();
                loop {
                    self.space();
                    match self.text[self.at] {
                        b'}' => break,
                        b',' => self.at += 1,
                        _ => {
                            let key_start = self.string();
                            let key = std::str::from_utf8(&self.text[key_start..self.at]).unwrap();
                            let key: String = serde_json::from_str(key).unwrap();
                            self.space();
                            assert_eq!(self.text[self.at], b':');
                            self.at += 1;
                            props.push((key, key_start, self.value()));
                        }
                    }
                }
                self.at += 1;
                Inner::Object(props)
            }
            b'[' => {
                self.at += 1;
                let mut elements = Vec::new();
                loop {
                    self.space();
                    match self.text[self.at] {
                        b']' => break,
                        b',' => self.at += 1,
                        _ => elements.push(self.value()),
                    }
                }
                self.at += 1;
                Inner::Array(elements)
            }
            b'"' => {
                self.string();
                Inner::Leaf
            }
            _ => {
                while !matches!(
                    self.text.get(self.at),
                    None | Some(b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.at += 1;
                }
                Inner::Leaf
            }
        };
        Span {
            start,
            end: self.at,
            inner,
        }
    }
}

fn spans(text: &str) -> Span {
    Scanner {
        text: text.as_bytes(),
        at: 0,
    }
    .value()
}

/// A path the test owns.
#[derive(Clone, Debug)]
enum Owned {
    Key(String),
    Index(usize),
}

fn steps(path: &[Owned]) -> Vec<Step<'_>> {
    path.iter()
        .map(|s| match s {
            Owned::Key(k) => Key(k),
            Owned::Index(i) => Index(*i),
        })
        .collect()
}

fn at<'v>(value: &'v Value, path: &[Owned]) -> &'v Value {
    path.iter().fold(value, |v, s| match s {
        Owned::Key(k) => &v[k.as_str()],
        Owned::Index(i) => &v[*i],
    })
}

fn at_mut<'v>(value: &'v mut Value, path: &[Owned]) -> &'v mut Value {
    path.iter().fold(value, |v, s| match s {
        Owned::Key(k) => v.get_mut(k.as_str()).unwrap(),
        Owned::Index(i) => v.get_mut(*i).unwrap(),
    })
}

fn span_at<'s>(span: &'s Span, path: &[Owned]) -> &'s Span {
    path.iter().fold(span, |s, step| match (step, &s.inner) {
        (Owned::Key(k), Inner::Object(props)) => &props.iter().find(|p| &p.0 == k).unwrap().2,
        (Owned::Index(i), Inner::Array(elements)) => &elements[*i],
        _ => panic!("the scanner disagrees with serde_json about {path:?}"),
    })
}

/// Every object (or array) in `value`, in document order.
fn containers(value: &Value, path: &mut Vec<Owned>, objects: bool, out: &mut Vec<Vec<Owned>>) {
    match value {
        Value::Object(map) => {
            if objects {
                out.push(path.clone());
            }
            for (k, v) in map {
                path.push(Owned::Key(k.clone()));
                containers(v, path, objects, out);
                path.pop();
            }
        }
        Value::Array(elements) => {
            if !objects {
                out.push(path.clone());
            }
            for (i, v) in elements.iter().enumerate() {
                path.push(Owned::Index(i));
                containers(v, path, objects, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// An edit, its choices made against the document as it is when it comes.
#[derive(Clone, Debug)]
enum Op {
    /// In an object: set a key (one it has, or one of `KEYS`) or remove it.
    Set {
        object: usize,
        key: usize,
        value: Option<Value>,
        after: Vec<usize>,
    },
    /// In an object with keys: set one to the value it has.
    Keep {
        object: usize,
        key: usize,
    },
    Push {
        array: usize,
        value: Value,
    },
    /// A member of an object or an array.
    Remove {
        container: usize,
        member: usize,
        object: bool,
    },
}

fn new_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Decimals that parse back exactly.
        (-100_000i32..100_000, 0u32..4)
            .prop_map(|(m, e)| Value::from(f64::from(m) / 10f64.powi(e as i32))),
        "[a-zü\"\\\\\n\t\u{1} ]{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..3).prop_map(|props| {
                Value::Object(props.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            any::<usize>(),
            any::<usize>(),
            prop::option::weighted(0.8, new_value()),
            prop::collection::vec(any::<usize>(), 0..3)
        )
            .prop_map(|(object, key, value, after)| Op::Set {
                object,
                key,
                value,
                after
            }),
        (any::<usize>(), any::<usize>()).prop_map(|(object, key)| Op::Keep { object, key }),
        (any::<usize>(), new_value()).prop_map(|(array, value)| Op::Push { array, value }),
        (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(container, member, object)| {
            Op::Remove {
                container,
                member,
                object,
            }
        }),
    ]
}

/// The bytes `start..end` of the text before an edit are what it changes; `removed`: the
/// edit only takes them out.
struct Expected {
    start: usize,
    end: usize,
    removed: bool,
}

/// Members' bytes (a property from its key) and the brackets around them.
fn members(span: &Span) -> Vec<(usize, usize)> {
    match &span.inner {
        Inner::Object(props) => props.iter().map(|(_, k, v)| (*k, v.end)).collect(),
        Inner::Array(elements) => elements.iter().map(|e| (e.start, e.end)).collect(),
        Inner::Leaf => unreachable!(),
    }
}

fn removal(span: &Span, index: usize) -> Expected {
    let m = members(span);
    let (start, end) = match index {
        _ if m.len() == 1 => (span.start + 1, span.end - 1),
        0 => (m[0].0, m[1].0),
        i => (m[i - 1].1, m[i].1),
    };
    Expected {
        start,
        end,
        removed: true,
    }
}

fn insertion(span: &Span, after: Option<usize>) -> Expected {
    let m = members(span);
    let (start, end) = match m.len() {
        0 => (span.start + 1, span.end - 1),
        n => {
            let at = m[after.unwrap_or(n - 1)].1;
            (at, at)
        }
    };
    Expected {
        start,
        end,
        removed: false,
    }
}

/// Where `key` is among the keys of `map`.
fn position(map: &Map<String, Value>, key: &str) -> Option<usize> {
    map.keys().position(|k| k == key)
}

/// Order-aware: serde_json's `==` on maps ignores the order of keys.
fn written(value: &Value) -> String {
    serde_json::to_string(value).unwrap()
}

/// Applies `op` to the tree and to the expected value; says which bytes it may change, or
/// nothing when it does not apply to this document.
fn apply(op: &Op, tree: &mut Tree, expected: &mut Value, text: &str) -> Option<Expected> {
    let root = spans(text);
    match op {
        Op::Set {
            object,
            key,
            value,
            after,
        } => Some(apply_set(
            (*object, *key, value.as_ref(), after),
            tree,
            expected,
            &root,
        )),
        Op::Keep { object, key } => {
            let mut objects = Vec::new();
            containers(expected, &mut Vec::new(), true, &mut objects);
            objects.retain(|p| !at(expected, p).as_object().unwrap().is_empty());
            if objects.is_empty() {
                return None;
            }
            let path = &objects[object % objects.len()];
            let map = at(expected, path).as_object().unwrap();
            let (key, value) = map.iter().nth(key % map.len()).unwrap();
            tree.set(&steps(path), key, Some(value), &[]).unwrap();
            Some(Expected {
                start: 0,
                end: 0,
                removed: true,
            })
        }
        Op::Push { array, value } => {
            let mut arrays = Vec::new();
            containers(expected, &mut Vec::new(), false, &mut arrays);
            if arrays.is_empty() {
                return None;
            }
            let path = &arrays[array % arrays.len()];
            let change = insertion(span_at(&root, path), None);
            at_mut(expected, path)
                .as_array_mut()
                .unwrap()
                .push(value.clone());
            tree.push(&steps(path), value).unwrap();
            Some(change)
        }
        Op::Remove {
            container,
            member,
            object,
        } => apply_remove((*container, *member, *object), tree, expected, &root),
    }
}

/// `Op::Set`: sets or removes a key of one of the objects.
fn apply_set(
    (object, key, value, after): (usize, usize, Option<&Value>, &[usize]),
    tree: &mut Tree,
    expected: &mut Value,
    root: &Span,
) -> Expected {
    let mut objects = Vec::new();
    containers(expected, &mut Vec::new(), true, &mut objects);
    let path = &objects[object % objects.len()];
    let map = at(expected, path).as_object().unwrap();
    let keys: Vec<String> = map
        .keys()
        .cloned()
        .chain(KEYS.iter().map(|k| (*k).to_owned()))
        .collect();
    let key = keys[key % keys.len()].clone();
    let after: Vec<&str> = after
        .iter()
        .map(|a| keys[a % keys.len()].as_str())
        .collect();
    let span = span_at(root, path);
    let change = match (position(map, &key), value) {
        (Some(index), None) => Some(removal(span, index)),
        (Some(_), Some(value)) if written(&map[&key]) == written(value) => None,
        (Some(index), Some(_)) => {
            let Inner::Object(props) = &span.inner else {
                unreachable!()
            };
            let value = &props[index].2;
            Some(Expected {
                start: value.start,
                end: value.end,
                removed: false,
            })
        }
        (None, Some(_)) => Some(insertion(span, after.iter().find_map(|a| position(map, a)))),
        (None, None) => None,
    };
    let map = at_mut(expected, path).as_object_mut().unwrap();
    match value {
        Some(value) if map.contains_key(&key) => {
            map.insert(key.clone(), value.clone());
        }
        Some(value) => {
            let index = after
                .iter()
                .find_map(|a| position(map, a))
                .map_or(map.len(), |i| i + 1);
            map.shift_insert(index, key.clone(), value.clone());
        }
        None => {
            map.shift_remove(&key);
        }
    }
    tree.set(&steps(path), &key, value, &after).unwrap();
    change.unwrap_or(Expected {
        start: 0,
        end: 0,
        removed: true,
    })
}

/// `Op::Remove`: removes a member of one of the containers.
fn apply_remove(
    (container, member, object): (usize, usize, bool),
    tree: &mut Tree,
    expected: &mut Value,
    root: &Span,
) -> Option<Expected> {
    let mut found = Vec::new();
    containers(expected, &mut Vec::new(), object, &mut found);
    found.retain(|p| match at(expected, p) {
        Value::Object(map) => !map.is_empty(),
        Value::Array(elements) => !elements.is_empty(),
        _ => false,
    });
    if found.is_empty() {
        return None;
    }
    let path = &found[container % found.len()];
    let mut path_to_member = path.clone();
    let change;
    match at_mut(expected, path) {
        Value::Object(map) => {
            let index = member % map.len();
            let key = map.keys().nth(index).unwrap().clone();
            change = removal(span_at(root, path), index);
            map.shift_remove(&key);
            path_to_member.push(Owned::Key(key));
        }
        Value::Array(elements) => {
            let index = member % elements.len();
            change = removal(span_at(root, path), index);
            elements.remove(index);
            path_to_member.push(Owned::Index(index));
        }
        _ => unreachable!(),
    }
    tree.remove(&steps(&path_to_member)).unwrap();
    Some(change)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn edits_change_only_their_bytes_and_give_the_expected_value(
        document in document(),
        style in style(),
        ops in prop::collection::vec(op(), 1..8),
    ) {
        let written_text = render(&document, &style);
        let mut tree = Tree::parse(&written_text).unwrap();
        prop_assert_eq!(tree.text(), written_text.clone());
        let mut expected: Value =
            serde_json::from_str(written_text.trim_start_matches('\u{feff}')).unwrap();
        for op in &ops {
            let before = tree.text();
            let old = before.strip_prefix('\u{feff}').unwrap_or(&before).to_owned();
            let Some(change) = apply(op, &mut tree, &mut expected, &old) else {
                continue;
            };
            let after = tree.text();
            prop_assert_eq!(after.starts_with('\u{feff}'), style.bom, "the BOM after {:?}", op);
            let new = after.strip_prefix('\u{feff}').unwrap_or(&after);
            let value: Value = serde_json::from_str(new)
                .map_err(|e| TestCaseError::fail(format!("not JSON after {op:?}: {e}\n{new}")))?;
            prop_assert_eq!(written(&value), written(&expected), "after {:?}:\n{}", op, new);
            let (start, end) = (change.start, change.end);
            if change.removed {
                prop_assert_eq!(new, format!("{}{}", &old[..start], &old[end..]), "after {:?}", op);
            } else {
                prop_assert!(
                    new.starts_with(&old[..start])
                        && new.ends_with(&old[end..])
                        && new.len() >= start + old.len() - end,
                    "bytes outside {}..{} changed by {:?}:\n{}\n---\n{}", start, end, op, old, new
                );
            }
            // Line breaks the editor writes are the file's (LF in a file without any).
            if written_text.contains("\r\n") {
                prop_assert!(!new.replace("\r\n", "").contains('\n'), "a bare LF after {:?}:\n{}", op, new);
            } else {
                prop_assert!(!new.contains('\r'), "a CR after {:?}:\n{}", op, new);
            }
        }
    }
}
