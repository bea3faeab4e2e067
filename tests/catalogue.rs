//! The catalogues are complete: German and English have the same messages, each with the
//! same arguments, and both are valid Fluent. (That the code asks only for messages the
//! English catalogue has, with the arguments it names, `fl!` checks when the crate compiles.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};

const LANGUAGES: [&str; 2] = ["en", "de"];

/// Every message of a catalogue with the variables it uses.
fn messages(language: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/text/locales")
        .join(language)
        .join("fora.ftl");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the catalogue {} is missing: {e}", path.display()));
    let resource = fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(_, errors)| {
        panic!("{} is not valid Fluent: {errors:#?}", path.display())
    });
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                let id = message.id.name.to_owned();
                assert!(
                    messages.insert(id.clone(), variables).is_none(),
                    "{language}: {id} twice"
                );
            }
            Entry::Junk { content } => panic!("{language}: not Fluent: {content}"),
            _ => {}
        }
    }
    messages
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_arguments() {
    let english = messages("en");
    let german = messages("de");
    assert!(english.len() > 200, "the English catalogue is whole");
    let missing: Vec<&String> = english
        .keys()
        .filter(|id| !german.contains_key(*id))
        .collect();
    let extra: Vec<&String> = german
        .keys()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(missing.is_empty(), "not in German: {missing:?}");
    assert!(extra.is_empty(), "only in German: {extra:?}");
    for (id, variables) in &english {
        assert_eq!(&german[id], variables, "the arguments of {id}");
    }
}

#[test]
fn no_message_is_left_in_english() {
    let load = |language: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("src/text/locales/{language}/fora.ftl"));
        std::fs::read_to_string(path).unwrap()
    };
    let (english, german) = (load(LANGUAGES[0]), load(LANGUAGES[1]));
    let values = |text: &str| -> BTreeMap<String, String> {
        text.lines()
            .filter_map(|line| line.split_once(" = "))
            .filter(|(id, _)| !id.starts_with(' ') && !id.starts_with('#'))
            .map(|(id, value)| (id.to_owned(), value.to_owned()))
            .collect()
    };
    let (english, german) = (values(&english), values(&german));
    // Words the languages share.
    let same = [
        "word-format",
        "diff-status",
        "diff-link",
        "diff-column-forum",
        "column-status",
        "column-link",
        "site-outlook-com",
        "site-outlook-365",
    ];
    // The words of a value, leaving out its placeables (`{ $fora -> …`).
    let words = |value: &str| {
        let mut depth = 0;
        value.chars().any(|c| {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            depth == 0 && c.is_alphabetic()
        })
    };
    let untranslated: Vec<&String> = english
        .iter()
        .filter(|(id, value)| {
            !same.contains(&id.as_str())
                && !id.starts_with("date-")
                && words(value)
                && german.get(*id) == Some(value)
        })
        .map(|(id, _)| id)
        .collect();
    assert!(
        untranslated.is_empty(),
        "the same in German as in English: {untranslated:?}"
    );
}
