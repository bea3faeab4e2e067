//! A JSON document's text, edited in place: every byte outside an edit stays as it was.
//!
//! serde_json reads a week file into values and writes them back in its own layout: a
//! hand-written file loses its spacing, `1.50` becomes `1.5` and a 30-digit integer a float.
//! A [`Tree`] keeps the text instead and changes only the bytes an edit is about, as toml_edit
//! does for `cargo add`:
//!
//! - a replaced value: exactly the bytes of the old value;
//! - a new property or element: inserted next to its neighbours and written in their style,
//!   with the separator they use between them, their spacing around the colon, and, for a new
//!   object in an array, the line breaks and indentation of the object before it;
//! - a removed property or element: it and exactly one separator beside it.
//!
//! Each edit parses the current text again (jsonc-parser, held to strict JSON), whose syntax
//! tree gives the byte range of every value, works out the one splice the edit needs, and
//! makes it. Edits are a handful per command, so being plainly right beats being fast here.
//!
//! The module uses nothing of the crate around it: only std, jsonc-parser, serde_json and
//! thiserror.

use std::fmt;

use jsonc_parser::ast::{Array, Object, ObjectProp, ObjectPropName, Value as Node};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
use serde_json::{Map, Value};

/// One step from a value to a value inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step<'a> {
    /// The value of the property with this key, in an object.
    Key(&'a str),
    /// The element at this position (from 0), in an array.
    Index(usize),
}

/// One change of [`Tree::set_many`]: what [`Tree::set`] takes.
#[derive(Clone, Debug)]
pub struct Set<'a> {
    /// The object's path.
    pub path: Vec<Step<'a>>,
    /// The key to set.
    pub key: &'a str,
    /// Its value; `None` removes it.
    pub value: Option<Value>,
    /// The keys a new key follows, nearest first.
    pub after: &'a [&'a str],
}

/// A JSON document's text, edited in place.
///
/// ```
/// use fora::edit::tree::{Step, Tree};
///
/// let mut tree = Tree::parse("{\"price\": 1.50,  \"tags\": [\"a\"]}\n").unwrap();
/// tree.push(&[Step::Key("tags")], &serde_json::json!("b")).unwrap();
/// tree.set(&[], "currency", Some(&serde_json::json!("EUR")), &["price"]).unwrap();
/// assert_eq!(
///     tree.text(),
///     "{\"price\": 1.50,  \"currency\": \"EUR\",  \"tags\": [\"a\", \"b\"]}\n"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tree {
    /// The document's text, without a leading byte-order mark.
    text: String,
    /// Whether the text began with a byte-order mark (U+FEFF), which [`Tree::text`] restores.
    bom: bool,
    /// The line break the editor writes: `"\r\n"` when the file's first line break is one,
    /// else `"\n"`.
    newline: &'static str,
}

/// The kind of a JSON value, as an error names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `{…}`
    Object,
    /// `[…]`
    Array,
    /// `"…"`
    String,
    /// `1.50`
    Number,
    /// `true` or `false`
    Boolean,
    /// `null`
    Null,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Object => "an object",
            Kind::Array => "an array",
            Kind::String => "a string",
            Kind::Number => "a number",
            Kind::Boolean => "a boolean",
            Kind::Null => "null",
        })
    }
}

/// Why an edit could not be made (a path that is not there, a value of another type, text
/// that is not JSON).
///
/// A path is given as a JSON Pointer (RFC 6901): `/fora/3/title`, and `""` for the document's
/// top-level value.
#[derive(Debug, thiserror::Error)]
pub enum TreeError {
    /// The text is not strict JSON (or holds no value at all). Line and column count from 1,
    /// in characters, without the byte-order mark.
    #[error("not JSON: {message} on line {line} column {column}")]
    NotJson {
        /// The line of the first error.
        line: usize,
        /// The column of the first error, in characters.
        column: usize,
        /// What is wrong there (jsonc-parser's words).
        message: String,
    },
    /// A step of the path leads nowhere: the object has no such key, the array no such index.
    #[error("{} is not in the document", shown(.path))]
    Missing {
        /// The path up to and with the step that leads nowhere.
        path: String,
    },
    /// A step of the path, or the edit, needs a value of another kind.
    #[error("{} is {found}, not {expected}", shown(.path))]
    WrongKind {
        /// The value of the wrong kind.
        path: String,
        /// What the step or the edit needs.
        expected: Kind,
        /// What the value is.
        found: Kind,
    },
    /// The object has the key more than once, so which one is meant is unclear.
    #[error("{} has the key {key:?} more than once", shown(.path))]
    DuplicateKey {
        /// The object.
        path: String,
        /// The key it holds twice or more.
        key: String,
    },
    /// [`Tree::remove`] was given the empty path: the document itself cannot be removed.
    #[error("the document's top-level value cannot be removed")]
    RemoveRoot,
}

/// A path for a message: the pointer, or words for the top level.
fn shown(path: &str) -> &str {
    if path.is_empty() {
        "the top-level value"
    } else {
        path
    }
}

/// The JSON Pointer of a path: `/fora/3/title`; `~` and `/` in keys written `~0` and `~1`.
fn pointer(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Key(key) => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Step::Index(index) => out.push_str(&index.to_string()),
        }
    }
    out
}

impl Tree {
    /// Parses strict JSON (the caller has already validated the file; a leading U+FEFF BOM is
    /// kept aside and written back).
    ///
    /// Anything else is refused, also what jsonc-parser alone would take: white space other
    /// than JSON's four between tokens, and raw control characters inside strings.
    pub fn parse(text: &str) -> Result<Tree, TreeError> {
        let (bom, text) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        strict(text, &parse_text(text)?)?;
        let newline = match text.find('\n') {
            Some(i) if text[..i].ends_with('\r') => "\r\n",
            _ => "\n",
        };
        Ok(Tree {
            text: text.to_owned(),
            bom,
            newline,
        })
    }

    /// The document's text now, BOM restored.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 3);
        if self.bom {
            out.push('\u{feff}');
        }
        out.push_str(&self.text);
        out
    }

    /// In the object at `path`: sets `key` to `value` (replacing only the value's bytes when
    /// the key exists), or removes the property when `value` is None. A new key goes right
    /// after the first key of `after` that the object has, else at the end.
    ///
    /// An existing value that already equals `value` (`1.50` for `1.5`, with its key order
    /// for an object) is left as written, and removing a key the object lacks does nothing.
    pub fn set(
        &mut self,
        path: &[Step],
        key: &str,
        value: Option<&Value>,
        after: &[&str],
    ) -> Result<(), TreeError> {
        let splice = {
            let root = parse_text(&self.text)?;
            self.doc(&root).set(path, key, value, after)?
        };
        self.apply(splice);
        Ok(())
    }

    /// Makes many [`Tree::set`]s at once, as if one after the other, reading the text once:
    /// a planned week sets the start and room of a thousand fora. Each change is worked
    /// out on the text as it was; two that touch the same bytes are made one by one.
    pub fn set_many(&mut self, changes: &[Set<'_>]) -> Result<(), TreeError> {
        let mut splices = {
            let root = parse_text(&self.text)?;
            let doc = self.doc(&root);
            let mut splices = Vec::with_capacity(changes.len());
            for (order, change) in changes.iter().enumerate() {
                if let Some(splice) = doc.set(
                    &change.path,
                    change.key,
                    change.value.as_ref(),
                    change.after,
                )? {
                    splices.push((order, splice));
                }
            }
            splices
        };
        // From the end, so that earlier places stay where they were; of two insertions at
        // one place, the later change first, so that the earlier ends up first.
        splices.sort_by(|(a, x), (b, y)| (y.start, y.end, b).cmp(&(x.start, x.end, a)));
        let apart = splices.windows(2).all(|w| w[1].1.end <= w[0].1.start);
        if !apart {
            for change in changes {
                self.set(
                    &change.path,
                    change.key,
                    change.value.as_ref(),
                    change.after,
                )?;
            }
            return Ok(());
        }
        for (_, splice) in splices {
            self.text
                .replace_range(splice.start..splice.end, &splice.with);
        }
        debug_assert_json(&self.text);
        Ok(())
    }

    /// Appends `value` to the array at `path`.
    pub fn push(&mut self, path: &[Step], value: &Value) -> Result<(), TreeError> {
        let splice = {
            let root = parse_text(&self.text)?;
            self.doc(&root).push(path, value)?
        };
        self.apply(Some(splice));
        Ok(())
    }

    /// The keys of the object at `path`, in file order; `None` when there is no object there.
    pub fn keys(&self, path: &[Step]) -> Option<Vec<String>> {
        let root = parse_text(&self.text).ok()?;
        let object = self.doc(&root).object(path).ok()?;
        Some(
            object
                .properties
                .iter()
                .map(|prop| prop.name.as_str().to_owned())
                .collect(),
        )
    }

    /// Removes the element or property `path` points at.
    pub fn remove(&mut self, path: &[Step]) -> Result<(), TreeError> {
        let Some((last, parent)) = path.split_last() else {
            return Err(TreeError::RemoveRoot);
        };
        let splice = {
            let root = parse_text(&self.text)?;
            let doc = self.doc(&root);
            let (items, index) = match *last {
                Step::Key(key) => {
                    let object = doc.object(parent)?;
                    let (index, _) =
                        find_key(object, key, parent)?.ok_or_else(|| TreeError::Missing {
                            path: pointer(path),
                        })?;
                    (Items::of_object(object), index)
                }
                Step::Index(index) => {
                    let array = doc.array(parent)?;
                    if index >= array.elements.len() {
                        return Err(TreeError::Missing {
                            path: pointer(path),
                        });
                    }
                    (Items::of_array(array), index)
                }
            };
            items.remove(index)
        };
        self.apply(Some(splice));
        Ok(())
    }

    fn doc<'s, 'n>(&'s self, root: &'n Node<'s>) -> Doc<'s, 'n> {
        Doc {
            text: &self.text,
            root,
            newline: self.newline,
        }
    }

    fn apply(&mut self, splice: Option<Splice>) {
        if let Some(splice) = splice {
            self.text
                .replace_range(splice.start..splice.end, &splice.with);
            debug_assert_json(&self.text);
        }
    }
}

/// In tests and debug builds: an edit leaves strict JSON.
fn debug_assert_json(text: &str) {
    debug_assert!(
        parse_text(text)
            .and_then(|root| strict(text, &root))
            .is_ok(),
        "an edit left text that is not JSON:\n{text}"
    );
}

/// jsonc-parser held to strict JSON, as far as its options go.
fn strict_options() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// The syntax tree of `text`, whose ranges are byte offsets into it.
fn parse_text(text: &str) -> Result<Node<'_>, TreeError> {
    let parsed =
        parse_to_ast(text, &CollectOptions::default(), &strict_options()).map_err(|error| {
            TreeError::NotJson {
                line: error.line_display(),
                column: error.column_display(),
                message: error.kind().to_string(),
            }
        })?;
    parsed.value.ok_or_else(|| TreeError::NotJson {
        line: text.matches('\n').count() + 1,
        column: text.rsplit('\n').next().unwrap_or_default().chars().count() + 1,
        message: "the text holds no value".to_owned(),
    })
}

/// Refuses what jsonc-parser takes even held to strict JSON: white space other than space, tab,
/// LF and CR between tokens (it takes U+00A0, U+2028, vertical tab, form feed), and control
/// characters, line breaks among them, inside strings.
fn strict(text: &str, root: &Node) -> Result<(), TreeError> {
    fn refuse(text: &str, at: usize, what: &str) -> TreeError {
        let line_start = line_start(text, at);
        let c = text[at..].chars().next().unwrap_or_default();
        TreeError::NotJson {
            line: text[..at].matches('\n').count() + 1,
            column: text[line_start..at].chars().count() + 1,
            message: format!("{what} U+{:04X}", u32::from(c)),
        }
    }
    /// White space with perhaps the punctuation the parser has already checked.
    fn gap(text: &str, start: usize, end: usize) -> Result<(), TreeError> {
        match text[start..end]
            .char_indices()
            .find(|(_, c)| !matches!(c, ' ' | '\t' | '\n' | '\r' | ',' | ':'))
        {
            Some((i, _)) => Err(refuse(
                text,
                start + i,
                "white space that JSON does not know:",
            )),
            None => Ok(()),
        }
    }
    fn string(text: &str, start: usize, end: usize) -> Result<(), TreeError> {
        match text.as_bytes()[start..end].iter().position(|b| *b < 0x20) {
            Some(i) => Err(refuse(
                text,
                start + i,
                "a control character inside a string:",
            )),
            None => Ok(()),
        }
    }
    fn walk(text: &str, node: &Node) -> Result<(), TreeError> {
        match node {
            Node::StringLit(s) => string(text, s.range.start, s.range.end),
            Node::Object(object) => {
                let mut at = object.range.start + 1;
                for prop in &object.properties {
                    gap(text, at, prop.range.start)?;
                    let name = match &prop.name {
                        ObjectPropName::String(name) => name.range,
                        ObjectPropName::Word(name) => name.range,
                    };
                    string(text, name.start, name.end)?;
                    gap(text, name.end, prop.value.start())?;
                    walk(text, &prop.value)?;
                    at = prop.range.end;
                }
                gap(text, at, object.range.end - 1)
            }
            Node::Array(array) => {
                let mut at = array.range.start + 1;
                for element in &array.elements {
                    gap(text, at, element.start())?;
                    walk(text, element)?;
                    at = element.end();
                }
                gap(text, at, array.range.end - 1)
            }
            _ => Ok(()),
        }
    }
    gap(text, 0, root.start())?;
    walk(text, root)?;
    gap(text, root.end(), text.len())
}

/// Replace the bytes `start..end` with `with`.
#[derive(Debug)]
struct Splice {
    start: usize,
    end: usize,
    with: String,
}

impl Splice {
    fn insert(at: usize, with: String) -> Splice {
        Splice {
            start: at,
            end: at,
            with,
        }
    }
}

fn kind(node: &Node) -> Kind {
    match node {
        Node::Object(_) => Kind::Object,
        Node::Array(_) => Kind::Array,
        Node::StringLit(_) => Kind::String,
        Node::NumberLit(_) => Kind::Number,
        Node::BooleanLit(_) => Kind::Boolean,
        Node::NullKeyword(_) => Kind::Null,
    }
}

/// The property with `key` and its position; an error when the key is there twice.
fn find_key<'n, 't>(
    object: &'n Object<'t>,
    key: &str,
    at: &[Step],
) -> Result<Option<(usize, &'n ObjectProp<'t>)>, TreeError> {
    let mut found = None;
    for (index, prop) in object.properties.iter().enumerate() {
        if prop.name.as_str() == key {
            if found.is_some() {
                return Err(TreeError::DuplicateKey {
                    path: pointer(at),
                    key: key.to_owned(),
                });
            }
            found = Some((index, prop));
        }
    }
    Ok(found)
}

/// The members of an object or array: where its brackets are and where each member (a
/// property from its key to the end of its value, or an element) starts and ends.
struct Items {
    /// The byte of `{` or `[`.
    open: usize,
    /// The byte of `}` or `]`.
    close: usize,
    /// Each member's bytes.
    members: Vec<(usize, usize)>,
}

impl Items {
    fn of_object(object: &Object) -> Items {
        Items {
            open: object.range.start,
            close: object.range.end - 1,
            members: object
                .properties
                .iter()
                .map(|p| (p.range.start, p.range.end))
                .collect(),
        }
    }

    fn of_array(array: &Array) -> Items {
        Items {
            open: array.range.start,
            close: array.range.end - 1,
            members: array
                .elements
                .iter()
                .map(|e| (e.start(), e.end()))
                .collect(),
        }
    }

    /// The text between each member and the next: `, ` or `,\n  `.
    fn separators<'t>(&self, text: &'t str) -> Vec<&'t str> {
        self.members
            .windows(2)
            .map(|pair| &text[pair[0].1..pair[1].0])
            .collect()
    }

    /// Whether a line break stands between the opening bracket and the first member or
    /// between the last member and the closing bracket: the members do not sit between the
    /// brackets on one line (values inside them may span lines).
    fn multi_line(&self, text: &str) -> bool {
        match (self.members.first(), self.members.last()) {
            (Some(first), Some(last)) => {
                has_break(&text[self.open + 1..first.0]) || has_break(&text[last.1..self.close])
            }
            _ => has_break(&text[self.open + 1..self.close]),
        }
    }

    /// Removes member `index` with one separator beside it: the one before, or for the first
    /// member the one after; the only member leaves `{}` or `[]`.
    fn remove(&self, index: usize) -> Splice {
        let (start, end) = match index {
            _ if self.members.len() == 1 => (self.open + 1, self.close),
            0 => (self.members[0].0, self.members[1].0),
            i => (self.members[i - 1].1, self.members[i].1),
        };
        Splice {
            start,
            end,
            with: String::new(),
        }
    }
}

/// The styles a document uses where an edit has no neighbour to copy.
struct Defaults {
    /// Around the colon: that of the document's first property, else `": "`.
    colon: String,
    /// Between members on one line: `","` when the document's first such separator is that
    /// (or, with none, when its colon is a bare `:`), else `", "`.
    inline_separator: String,
    /// One indentation step: the indentation of the first indented line, else two spaces.
    step: String,
}

/// How to write a value on one line: the colon and the separator between members.
struct Inline<'a> {
    colon: &'a str,
    separator: &'a str,
}

/// How a new object in an array is laid out: as a model object is (the object element before
/// it, see `Doc::model`), moved to the new object's indentation.
struct Layout<'m> {
    /// Between `{` and the first property.
    open: String,
    /// Around each colon.
    colon: String,
    /// Between two properties on one line.
    inline_separator: String,
    /// Between two properties with a line break, when the model has one.
    break_separator: Option<String>,
    /// Between the last value and `}`.
    close: String,
    /// Each key of the model and the line it is on (counted from the first property's).
    lines: Vec<(&'m str, usize)>,
}

/// One parse of the text, and what an edit needs to know of it.
struct Doc<'t, 'n> {
    text: &'t str,
    root: &'n Node<'t>,
    newline: &'static str,
}

impl<'t, 'n> Doc<'t, 'n> {
    fn resolve(&self, path: &[Step]) -> Result<&'n Node<'t>, TreeError> {
        let mut node = self.root;
        for (i, step) in path.iter().enumerate() {
            node = match (*step, node) {
                (Step::Key(key), Node::Object(object)) => {
                    match find_key(object, key, &path[..i])? {
                        Some((_, prop)) => &prop.value,
                        None => {
                            return Err(TreeError::Missing {
                                path: pointer(&path[..=i]),
                            });
                        }
                    }
                }
                (Step::Index(index), Node::Array(array)) => match array.elements.get(index) {
                    Some(element) => element,
                    None => {
                        return Err(TreeError::Missing {
                            path: pointer(&path[..=i]),
                        });
                    }
                },
                (step, other) => {
                    return Err(TreeError::WrongKind {
                        path: pointer(&path[..i]),
                        expected: match step {
                            Step::Key(_) => Kind::Object,
                            Step::Index(_) => Kind::Array,
                        },
                        found: kind(other),
                    });
                }
            };
        }
        Ok(node)
    }

    fn object(&self, path: &[Step]) -> Result<&'n Object<'t>, TreeError> {
        match self.resolve(path)? {
            Node::Object(object) => Ok(object),
            other => Err(TreeError::WrongKind {
                path: pointer(path),
                expected: Kind::Object,
                found: kind(other),
            }),
        }
    }

    fn array(&self, path: &[Step]) -> Result<&'n Array<'t>, TreeError> {
        match self.resolve(path)? {
            Node::Array(array) => Ok(array),
            other => Err(TreeError::WrongKind {
                path: pointer(path),
                expected: Kind::Array,
                found: kind(other),
            }),
        }
    }

    fn set(
        &self,
        path: &[Step],
        key: &str,
        value: Option<&Value>,
        after: &[&str],
    ) -> Result<Option<Splice>, TreeError> {
        let object = self.object(path)?;
        Ok(match (find_key(object, key, path)?, value) {
            (Some((_, prop)), Some(value)) => {
                let old = &self.text[prop.value.start()..prop.value.end()];
                if serde_json::from_str::<Value>(old).is_ok_and(|old| same(&old, value)) {
                    None
                } else {
                    let defaults = self.defaults();
                    let colon = one_line_colon(self.colon(prop), &defaults);
                    let separator = self.inline_separator(&Items::of_object(object), &defaults);
                    Some(Splice {
                        start: prop.value.start(),
                        end: prop.value.end(),
                        with: inline(value, &Inline { colon, separator }),
                    })
                }
            }
            (Some((index, _)), None) => Some(Items::of_object(object).remove(index)),
            (None, Some(value)) => Some(self.insert_property(object, key, value, after)),
            (None, None) => None,
        })
    }

    /// A new property in `object`, after the first key of `after` it has, else at the end.
    fn insert_property(&self, object: &Object, key: &str, value: &Value, after: &[&str]) -> Splice {
        let defaults = self.defaults();
        let props = &object.properties;
        let items = Items::of_object(object);
        if props.is_empty() {
            let property = format!(
                "{}{}{}",
                quoted(key),
                defaults.colon,
                inline(
                    value,
                    &Inline {
                        colon: &defaults.colon,
                        separator: &defaults.inline_separator,
                    }
                )
            );
            let one_line = self.shares_its_line(&items, true);
            return self.first_member(&items, property, one_line, &defaults);
        }
        let anchor = after
            .iter()
            .find_map(|k| props.iter().position(|p| p.name.as_str() == *k))
            .unwrap_or(props.len() - 1);
        let separators = items.separators(self.text);
        let separator = match separators
            .get(anchor)
            .or(separators.get(anchor.wrapping_sub(1)))
        {
            Some(next_to) => house_separator(&separators, next_to),
            None if items.multi_line(self.text) => {
                format!(",{}{}", self.newline, self.column(props[0].range.start))
            }
            None => defaults.inline_separator.clone(),
        };
        let colon = self.colon(&props[anchor]);
        let nested = Inline {
            colon: one_line_colon(colon, &defaults),
            separator: self.inline_separator(&items, &defaults),
        };
        Splice::insert(
            props[anchor].range.end,
            format!(
                "{separator}{}{colon}{}",
                quoted(key),
                inline(value, &nested)
            ),
        )
    }

    /// Whether the line of the container of `items` holds other text than it, white space and
    /// commas: after it, or (with `before`) before or after it.
    fn shares_its_line(&self, items: &Items, before: bool) -> bool {
        let text = self.text;
        let other_text = |s: &str| s.chars().any(|c| !c.is_whitespace() && c != ',');
        other_text(&text[items.close + 1..line_end(text, items.close + 1)])
            || before && other_text(&text[line_start(text, items.open)..items.open])
    }

    /// The first member, `member`, of the empty object or array of `items`: between the
    /// brackets (`one_line`), else on a line of its own one indentation step deeper.
    fn first_member(
        &self,
        items: &Items,
        member: String,
        one_line: bool,
        defaults: &Defaults,
    ) -> Splice {
        let text = self.text;
        let with = if one_line {
            member
        } else {
            let indent = indentation(text, items.open);
            let newline = self.newline;
            format!(
                "{newline}{indent}{}{member}{newline}{indent}",
                defaults.step
            )
        };
        Splice {
            start: items.open + 1,
            end: items.close,
            with,
        }
    }

    fn push(&self, path: &[Step], value: &Value) -> Result<Splice, TreeError> {
        let array = self.array(path)?;
        let items = Items::of_array(array);
        let defaults = self.defaults();
        let Some(last) = items.members.last() else {
            // `[value]` when the line goes on after the array, else one step deeper.
            let one_line = self.shares_its_line(&items, false);
            let indent = format!("{}{}", indentation(self.text, items.open), defaults.step);
            let member = if one_line {
                inline(
                    value,
                    &Inline {
                        colon: &defaults.colon,
                        separator: &defaults.inline_separator,
                    },
                )
            } else {
                self.element(value, array, &indent, &defaults)
            };
            return Ok(self.first_member(&items, member, one_line, &defaults));
        };
        let separators = items.separators(self.text);
        let separator = match separators.last() {
            Some(last) => house_separator(&separators, last),
            None if items.multi_line(self.text) => {
                format!(",{}{}", self.newline, self.column(items.members[0].0))
            }
            None => defaults.inline_separator.clone(),
        };
        let indent = match separator.rfind('\n') {
            Some(i) => leading_space(&separator[i + 1..]).to_owned(),
            None => indentation(self.text, last.1).to_owned(),
        };
        let element = self.element(value, array, &indent, &defaults);
        Ok(Splice::insert(last.1, format!("{separator}{element}")))
    }

    /// A new element of `array` whose line is indented by `indent`: an object laid out like
    /// a model object, anything else on one line.
    fn element(
        &self,
        value: &Value,
        array: &'n Array<'t>,
        indent: &str,
        defaults: &Defaults,
    ) -> String {
        if let Value::Object(map) = value
            && !map.is_empty()
            && let Some(model) = self.model(array)
        {
            return render_like(map, &self.layout(model, indent, defaults));
        }
        let separator = self.inline_separator(&Items::of_array(array), defaults);
        inline(
            value,
            &Inline {
                colon: &defaults.colon,
                separator,
            },
        )
    }

    /// The object a new object in `array` is laid out like: the last object element of the
    /// array; else the last object element of the document's first array that has one; else
    /// the top-level object. Only objects with properties serve.
    fn model(&self, array: &'n Array<'t>) -> Option<&'n Object<'t>> {
        fn usable<'n, 't>(node: &'n Node<'t>) -> Option<&'n Object<'t>> {
            node.as_object().filter(|o| !o.properties.is_empty())
        }
        fn last_object<'n, 't>(array: &'n Array<'t>) -> Option<&'n Object<'t>> {
            array.elements.iter().rev().find_map(usable)
        }
        fn first_array_with_object<'n, 't>(node: &'n Node<'t>) -> Option<&'n Object<'t>> {
            match node {
                Node::Array(array) => last_object(array)
                    .or_else(|| array.elements.iter().find_map(first_array_with_object)),
                Node::Object(object) => object
                    .properties
                    .iter()
                    .find_map(|p| first_array_with_object(&p.value)),
                _ => None,
            }
        }
        array
            .elements
            .iter()
            .rev()
            .find_map(usable)
            .or_else(|| first_array_with_object(self.root))
            .or_else(|| usable(self.root))
    }

    /// How `model` is laid out, moved from the indentation of its line to `indent`.
    fn layout<'m>(&self, model: &'m Object<'m>, indent: &str, defaults: &Defaults) -> Layout<'m> {
        let text = self.text;
        let items = Items::of_object(model);
        let (first, last) = (items.members[0], items.members[items.members.len() - 1]);
        let base = indentation(text, model.range.start);
        let open = rebase(&collapse(&text[items.open + 1..first.0]), base, indent);
        let close = rebase(&collapse(&text[last.1..items.close]), base, indent);
        let separators = items.separators(text);
        let break_separator = match separators.iter().find(|s| has_break(s)) {
            Some(s) => Some(rebase(&house_separator(&separators, s), base, indent)),
            None if has_break(&open) => Some(format!(",{open}")),
            None => None,
        };
        Layout {
            colon: self.colon(&model.properties[0]).to_owned(),
            inline_separator: self.inline_separator(&items, defaults).to_owned(),
            break_separator,
            lines: model
                .properties
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let breaks = separators[..i].iter().filter(|s| has_break(s)).count();
                    (p.name.as_str(), breaks)
                })
                .collect(),
            open,
            close,
        }
    }

    /// The text around a property's colon: `: `, `:` or ` : `.
    fn colon(&self, prop: &ObjectProp) -> &'t str {
        let name_end = match &prop.name {
            ObjectPropName::String(name) => name.range.end,
            ObjectPropName::Word(name) => name.range.end,
        };
        &self.text[name_end..prop.value.start()]
    }

    /// The first separator between members of `items` that has no line break, else the
    /// document's.
    fn inline_separator<'d>(&self, items: &Items, defaults: &'d Defaults) -> &'d str
    where
        't: 'd,
    {
        match items
            .separators(self.text)
            .into_iter()
            .find(|s| !has_break(s))
        {
            Some(separator) => separator,
            None => &defaults.inline_separator,
        }
    }

    /// `pos`'s column on its line as white space: tabs kept, every other character a space.
    fn column(&self, pos: usize) -> String {
        self.text[line_start(self.text, pos)..pos]
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect()
    }

    fn defaults(&self) -> Defaults {
        fn first_prop<'n, 't>(node: &'n Node<'t>) -> Option<&'n ObjectProp<'t>> {
            match node {
                Node::Object(object) => object.properties.first(),
                Node::Array(array) => array.elements.iter().find_map(first_prop),
                _ => None,
            }
        }
        /// The first separator in document order without a line break.
        fn first_inline<'t>(text: &'t str, node: &Node) -> Option<&'t str> {
            let (children, items): (Vec<&Node>, Items) = match node {
                Node::Object(object) => (
                    object.properties.iter().map(|p| &p.value).collect(),
                    Items::of_object(object),
                ),
                Node::Array(array) => (array.elements.iter().collect(), Items::of_array(array)),
                _ => return None,
            };
            let separators = items.separators(text);
            children.iter().enumerate().find_map(|(i, child)| {
                first_inline(text, child)
                    .or_else(|| separators.get(i).copied().filter(|s| !has_break(s)))
            })
        }
        let colon = first_prop(self.root)
            .map(|p| self.colon(p))
            .filter(|c| !has_break(c))
            .unwrap_or(": ")
            .to_owned();
        let compact = match first_inline(self.text, self.root) {
            Some(separator) => separator == ",",
            None => colon == ":",
        };
        let inline_separator = if compact { "," } else { ", " }.to_owned();
        Defaults {
            colon,
            inline_separator,
            step: indent_step(self.text).to_owned(),
        }
    }
}

/// `colon` when it has no line break (for a value written on one line), else the document's.
fn one_line_colon<'a>(colon: &'a str, defaults: &'a Defaults) -> &'a str {
    if has_break(colon) {
        &defaults.colon
    } else {
        colon
    }
}

/// A new object laid out like the model.
fn render_like(map: &Map<String, Value>, layout: &Layout) -> String {
    let nested = Inline {
        colon: if has_break(&layout.colon) {
            ": "
        } else {
            &layout.colon
        },
        separator: &layout.inline_separator,
    };
    let mut out = String::from("{");
    out.push_str(&layout.open);
    let line = |key: &str| {
        layout
            .lines
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, line)| *line)
    };
    let mut previous = None;
    for (key, value) in map {
        if let Some(previous) = previous {
            // Two keys the model has on one line share a line; any other key starts one.
            let same_line = matches!((line(previous), line(key)), (Some(a), Some(b)) if a == b);
            match &layout.break_separator {
                Some(separator) if !same_line => out.push_str(separator),
                _ => out.push_str(&layout.inline_separator),
            }
        }
        previous = Some(key);
        out.push_str(&quoted(key));
        out.push_str(&layout.colon);
        out.push_str(&inline(value, &nested));
    }
    out.push_str(&layout.close);
    out.push('}');
    out
}

/// `value` on one line, as serde_json writes strings and numbers (UTF-8 kept; `"`, `\` and
/// control characters escaped).
fn inline(value: &Value, style: &Inline) -> String {
    match value {
        Value::Array(elements) => {
            let elements: Vec<String> = elements.iter().map(|e| inline(e, style)).collect();
            format!("[{}]", elements.join(style.separator))
        }
        Value::Object(map) => {
            let props: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}{}{}", quoted(k), style.colon, inline(v, style)))
                .collect();
            format!("{{{}}}", props.join(style.separator))
        }
        scalar => scalar.to_string(),
    }
}

fn quoted(s: &str) -> String {
    Value::from(s).to_string()
}

/// Equal as JSON values, key order included (serde_json's `==` on maps ignores order).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (a, b) => a == b,
    }
}

fn has_break(s: &str) -> bool {
    s.contains('\n')
}

/// The separator to copy, `next_to`: as it is when every separator of its container has a
/// blank line in it (blank lines are then the style), else without its blank lines (they
/// group members; a new member joins its neighbour's group).
fn house_separator(separators: &[&str], next_to: &str) -> String {
    if separators.iter().all(|s| s.matches('\n').count() > 1) {
        next_to.to_owned()
    } else {
        collapse(next_to)
    }
}

/// White space (with perhaps a comma) without its blank lines: what comes before the first
/// line break, one line break, and what follows the last.
fn collapse(s: &str) -> String {
    match (s.find('\n'), s.rfind('\n')) {
        (Some(first), Some(last)) if first != last => {
            let first = if s[..first].ends_with('\r') {
                first - 1
            } else {
                first
            };
            let last = if s[..last].ends_with('\r') {
                last - 1
            } else {
                last
            };
            format!("{}{}", &s[..first], &s[last..])
        }
        _ => s.to_owned(),
    }
}

/// `piece` (white space around members, perhaps a comma) moved from an object whose line is
/// indented by `from` to one indented by `to`: its last line's indentation gets `to` for
/// `from`. A piece on one line, or indented less than `from`, stays as it is.
fn rebase(piece: &str, from: &str, to: &str) -> String {
    match piece.rfind('\n') {
        Some(i) => {
            let (head, line) = piece.split_at(i + 1);
            match line.strip_prefix(from) {
                Some(rest) => format!("{head}{to}{rest}"),
                None => piece.to_owned(),
            }
        }
        None => piece.to_owned(),
    }
}

fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(text: &str, pos: usize) -> usize {
    text[pos..].find('\n').map_or(text.len(), |i| pos + i)
}

/// The spaces and tabs `s` starts with.
fn leading_space(s: &str) -> &str {
    &s[..s.len() - s.trim_start_matches([' ', '\t']).len()]
}

/// The indentation of the line `pos` is on.
fn indentation(text: &str, pos: usize) -> &str {
    leading_space(&text[line_start(text, pos)..])
}

/// One indentation step: the indentation of the document's first indented line, else two
/// spaces.
fn indent_step(text: &str) -> &str {
    text.split('\n')
        .skip(1)
        .map(leading_space)
        .find(|s| !s.is_empty())
        .unwrap_or("  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn edited(text: &str, edit: impl FnOnce(&mut Tree) -> Result<(), TreeError>) -> String {
        let mut tree = Tree::parse(text).unwrap();
        edit(&mut tree).unwrap();
        tree.text()
    }

    #[test]
    fn parse_keeps_the_bom_aside_and_finds_the_newline() {
        let tree = Tree::parse("\u{feff}{\r\n  \"a\": 1\r\n}").unwrap();
        assert!(tree.bom);
        assert_eq!(tree.newline, "\r\n");
        assert_eq!(tree.text, "{\r\n  \"a\": 1\r\n}");
        assert_eq!(tree.text(), "\u{feff}{\r\n  \"a\": 1\r\n}");
        let tree = Tree::parse("{\"a\": 1}").unwrap();
        assert!(!tree.bom);
        assert_eq!(tree.newline, "\n");
        // A CRLF further down does not count: the first line break decides.
        assert_eq!(Tree::parse("{\n\"a\": 1\r\n}").unwrap().newline, "\n");
    }

    #[test]
    fn jsonc_parser_rejects_a_bom_so_parse_must_strip_it() {
        assert!(parse_text("\u{feff}{}").is_err());
    }

    #[test]
    fn ranges_are_byte_offsets() {
        let text = "{\"ä\": \"ü\", \"b\": 1}";
        let root = parse_text(text).unwrap();
        let object = root.as_object().unwrap();
        let b = &object.properties[1];
        assert_eq!(&text[b.range.start..b.range.end], "\"b\": 1");
        assert_eq!(&text[b.value.start()..b.value.end()], "1");
    }

    #[test]
    fn text_that_is_not_strict_json_is_refused() {
        for bad in [
            "",
            "  \n",
            "{\"a\": 1,}",
            "{a: 1}",
            "{\"a\": 1 // no\n}",
            "{'a': 1}",
            "[0x1]",
            "[+1]",
            "[.5]",
            "[NaN]",
            "[\"\\x41\"]",
            "[1 2]",
            "{} {}",
            // jsonc-parser takes these, held to strict JSON as far as its options go.
            "{\"a\": \"x\ny\"}",
            "{\"a\u{1}\": 1}",
            "{\u{a0}\"a\": 1}",
            "[1,\u{2028}2]",
            "[1\u{b}]",
            "\u{c}[]",
            "[]\u{3000}",
        ] {
            assert!(
                matches!(Tree::parse(bad), Err(TreeError::NotJson { .. })),
                "{bad:?} was taken"
            );
        }
        let Err(TreeError::NotJson { line, column, .. }) = Tree::parse("{\n  \"a\": 1,\n}") else {
            panic!("a trailing comma was taken");
        };
        assert_eq!((line, column), (2, 9));
        let Err(TreeError::NotJson {
            line,
            column,
            message,
        }) = Tree::parse("{\n  \"ä\": \"a\tb\"}")
        else {
            panic!("a tab in a string was taken");
        };
        assert_eq!((line, column), (2, 10));
        assert_eq!(message, "a control character inside a string: U+0009");
        // What strict JSON allows still parses: its four white space characters anywhere
        // between tokens, escapes in strings.
        Tree::parse(" \t\r\n{ \"a\\n\" : [ 1 , \"\\t\" ] , \"b\":{}}\r\n\t ").unwrap();
    }

    #[test]
    fn pointers_escape_tilde_and_slash() {
        assert_eq!(pointer(&[]), "");
        assert_eq!(
            pointer(&[Step::Key("fora"), Step::Index(3), Step::Key("a/b~c")]),
            "/fora/3/a~1b~0c"
        );
    }

    #[test]
    fn paths_that_lead_nowhere_say_where() {
        let mut tree =
            Tree::parse("{\"fora\": [{\"id\": \"a\"}], \"n\": 1, \"d\": 1, \"d\": 2}").unwrap();
        let err = tree
            .set(&[Step::Key("fora"), Step::Index(1)], "x", None, &[])
            .unwrap_err();
        assert!(
            matches!(&err, TreeError::Missing { path } if path == "/fora/1"),
            "{err:?}"
        );
        assert_eq!(err.to_string(), "/fora/1 is not in the document");
        let err = tree.push(&[Step::Key("n")], &json!(1)).unwrap_err();
        assert!(
            matches!(&err, TreeError::WrongKind { path, expected: Kind::Array, found: Kind::Number } if path == "/n"),
            "{err:?}"
        );
        assert_eq!(err.to_string(), "/n is a number, not an array");
        let err = tree.push(&[], &json!(1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the top-level value is an object, not an array"
        );
        let err = tree.remove(&[Step::Key("n"), Step::Key("x")]).unwrap_err();
        assert!(
            matches!(&err, TreeError::WrongKind { path, expected: Kind::Object, .. } if path == "/n"),
            "{err:?}"
        );
        let err = tree
            .remove(&[Step::Key("fora"), Step::Key("x")])
            .unwrap_err();
        assert!(
            matches!(
                &err,
                TreeError::WrongKind {
                    expected: Kind::Object,
                    found: Kind::Array,
                    ..
                }
            ),
            "{err:?}"
        );
        let err = tree.remove(&[Step::Key("d")]).unwrap_err();
        assert!(
            matches!(&err, TreeError::DuplicateKey { path, key } if path.is_empty() && key == "d"),
            "{err:?}"
        );
        assert!(matches!(tree.remove(&[]), Err(TreeError::RemoveRoot)));
        assert!(
            matches!(tree.remove(&[Step::Key("none")]), Err(TreeError::Missing { path }) if path == "/none")
        );
        assert!(matches!(
            tree.remove(&[Step::Key("fora"), Step::Index(1)]),
            Err(TreeError::Missing { .. })
        ));
        // Nothing was changed by the refused edits.
        assert_eq!(
            tree.text(),
            "{\"fora\": [{\"id\": \"a\"}], \"n\": 1, \"d\": 1, \"d\": 2}"
        );
    }

    #[test]
    fn an_equal_value_keeps_its_spelling_and_a_missing_key_removes_nothing() {
        let text = "{\"a\": 1.50, \"b\": {\"y\": 1, \"x\": 2}}";
        assert_eq!(
            edited(text, |t| t.set(&[], "a", Some(&json!(1.5)), &[])),
            text
        );
        assert_eq!(edited(text, |t| t.set(&[], "zz", None, &[])), text);
        assert_eq!(
            edited(text, |t| t.set(
                &[],
                "b",
                Some(&json!({"y": 1, "x": 2})),
                &[]
            )),
            text
        );
        // The same keys in another order are another value.
        assert_eq!(
            edited(text, |t| t.set(
                &[],
                "b",
                Some(&json!({"x": 2, "y": 1})),
                &[]
            )),
            "{\"a\": 1.50, \"b\": {\"x\": 2, \"y\": 1}}"
        );
    }

    #[test]
    fn the_indent_step_is_the_first_indentation() {
        assert_eq!(indent_step("{\n    \"a\": 1\n}"), "    ");
        assert_eq!(indent_step("{\n\t\"a\": 1\n}"), "\t");
        assert_eq!(indent_step("{\r\n\r\n  \"a\": 1\r\n}"), "  ");
        assert_eq!(indent_step("{\"a\": 1}"), "  ");
    }

    #[test]
    fn collapse_drops_blank_lines_only() {
        assert_eq!(collapse(",\n\n  "), ",\n  ");
        assert_eq!(collapse(",\r\n  \r\n\t"), ",\r\n\t");
        assert_eq!(collapse(",\n  "), ",\n  ");
        assert_eq!(collapse(", "), ", ");
        assert_eq!(collapse("\n\n  , "), "\n  , ");
    }

    #[test]
    fn rebase_moves_the_last_line_only() {
        assert_eq!(rebase(",\n     ", "    ", "  "), ",\n   ");
        assert_eq!(rebase("\n", "", "    "), "\n    ");
        assert_eq!(rebase(", ", "    ", ""), ", ");
        assert_eq!(rebase("\n  ", "    ", ""), "\n  ");
    }

    #[test]
    fn house_separator_keeps_blank_lines_only_when_all_have_them() {
        assert_eq!(
            house_separator(&[",\n\n  ", ",\n\n  "], ",\n\n  "),
            ",\n\n  "
        );
        assert_eq!(house_separator(&[",\n  ", ",\n\n  "], ",\n\n  "), ",\n  ");
    }

    #[test]
    fn inline_values_escape_as_serde_json_does() {
        let style = Inline {
            colon: ": ",
            separator: ", ",
        };
        assert_eq!(
            inline(&json!({"a": ["ü\"\\\n\u{1}", 1.5, null], "b": {}}), &style),
            r#"{"a": ["ü\"\\\n\u0001", 1.5, null], "b": {}}"#
        );
    }

    #[test]
    fn same_minds_key_order() {
        assert!(same(&json!({"a": 1, "b": [1]}), &json!({"a": 1, "b": [1]})));
        assert!(!same(&json!({"a": 1, "b": 2}), &json!({"b": 2, "a": 1})));
        assert!(!same(&json!([1]), &json!([1.0])));
    }
}
