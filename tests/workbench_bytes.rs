//! The week's own edits (`week set`, `rules set`, `expect set`, `room set`, `room rm
//! --reassign`) through the real binary change the bytes of what they change (and
//! `updated`) and nothing else, in hand-formatted fixtures against golden files; and a
//! `rules` or `expect` the file lacks is written in its neighbours' style.
//!
//! After an intended change, `FORA_BLESS=1 cargo test --test workbench_bytes` rewrites the
//! golden files for review.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `updated` of every edit: 2015-11-06 08:00 UTC.
const EPOCH: &str = "1446796800";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/edit")
        .join(name)
}

fn fora() -> Command {
    let mut command = Command::cargo_bin("fora").expect("the binary is built");
    command
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    command
}

/// Runs `fora` with `args` on a copy of fixture `name` (`FILE` in `args`); the copy's bytes.
fn edited(name: &str, args: &[&str]) -> Vec<u8> {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join(name);
    fs::copy(fixture(name), &file).unwrap();
    let args: Vec<String> = args
        .iter()
        .map(|a| a.replace("FILE", &file.display().to_string()))
        .collect();
    fora().args(&args).assert().code(0);
    fs::read(&file).unwrap()
}

fn golden(expected: &str, bytes: &[u8]) {
    let path = fixture(expected);
    if std::env::var_os("FORA_BLESS").is_some() {
        fs::write(&path, bytes).unwrap();
        return;
    }
    let want = fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "the golden file {} is missing ({e}); `FORA_BLESS=1 cargo test --test workbench_bytes` writes it",
            path.display()
        )
    });
    assert!(
        want == bytes,
        "{expected} differs:\n--- expected\n{}\n--- got\n{}",
        String::from_utf8_lossy(&want),
        String::from_utf8_lossy(bytes)
    );
}

/// The lines of `after` that are not lines of `before`: what an edit wrote.
fn changed_lines(before: &[u8], after: &[u8]) -> Vec<String> {
    let before = String::from_utf8_lossy(before);
    let old: Vec<&str> = before.lines().collect();
    String::from_utf8_lossy(after)
        .lines()
        .filter(|line| !old.contains(line))
        .map(str::to_owned)
        .collect()
}

#[test]
fn each_edit_of_the_week_changes_only_its_own_bytes() {
    let cases: [(&[&str], &str, &[&str]); 5] = [
        (
            &[
                "week",
                "set",
                "FILE",
                "end=2020-06-25",
                "registrations=1.200",
                "contact_email=buero@example.org",
            ],
            "settings.week.json",
            &[
                r#""end":"2020-06-25""#,
                "1200",
                r#""email":"buero@example.org""#,
            ],
        ),
        (
            &[
                "rules",
                "set",
                "FILE",
                "max_hours_per_day=6,5",
                "day_end=18:00",
                "min_gap=0m",
                "parallel=ja",
            ],
            "settings.rules.json",
            // 6.50 is 6,5 already: it keeps its spelling.
            &[
                r#""day_end":"18:00""#,
                r#""min_gap" : "0m""#,
                r#""parallel":true"#,
            ],
        ),
        (
            &["expect", "set", "FILE", "fora=3", "hours=3,5"],
            "settings.expect.json",
            &[r#""hours":3.5}"#, r#""fora":3,"#],
        ),
        (
            &[
                "room",
                "set",
                "FILE",
                "werkstatt",
                "capacity=25",
                "url=https://example.org/w",
            ],
            "settings.roomset.json",
            &[r#""capacity" :25"#, r#""url":"https://example.org/w""#],
        ),
        (
            &["room", "rm", "FILE", "werkstatt", "--reassign", "plenum"],
            "settings.roomrm.json",
            &[r#""room":"plenum"}"#],
        ),
    ];
    let original = fs::read(fixture("settings.json")).unwrap();
    for (args, expected, written) in cases {
        let bytes = edited("settings.json", args);
        golden(expected, &bytes);
        // Independently of the golden file: what changed holds what was asked, and the
        // rest of the file is there line for line.
        let text = String::from_utf8(bytes.clone()).unwrap();
        for piece in written {
            assert!(text.contains(piece), "{args:?}: {piece} in\n{text}");
        }
        let changed = changed_lines(&original, &bytes);
        let new_lines = text.lines().count() as isize
            - String::from_utf8_lossy(&original).lines().count() as isize;
        assert!(changed.len() <= 4, "{args:?} changed {changed:?}");
        assert!(new_lines.abs() <= 1, "{args:?}");
        assert!(
            text.contains(r#""updated":"2015-11-06T08:00:00Z""#),
            "{text}"
        );
        assert!(text.contains("123456789012345678901234567890") && text.contains("1.50"));
        assert_ne!(bytes, original);
    }
}

#[test]
fn rules_and_expect_a_file_lacks_are_written_as_one_object_among_its_keys() {
    let bytes = edited(
        "hand.json",
        &[
            "rules",
            "set",
            "FILE",
            "day_start=09:00",
            "day_end=18:00",
            "max_hours_per_day=6,5",
        ],
    );
    golden("hand.rules.json", &bytes);
    let bytes = edited(
        "hand.json",
        &["expect", "set", "FILE", "fora=2", "hours=2,5"],
    );
    golden("hand.expect.json", &bytes);
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(
        value["expect"],
        serde_json::json!({"fora": 2, "hours": 2.5})
    );
}

#[test]
fn a_rule_emptied_goes_and_the_last_one_takes_its_object_along() {
    let bytes = edited(
        "settings.json",
        &[
            "rules",
            "set",
            "FILE",
            "day_start=",
            "min_gap=",
            "max_hours_per_day=",
        ],
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains("\"rules\""), "{text}");
    // Everything else is as it was.
    let original = fs::read_to_string(fixture("settings.json")).unwrap();
    let without = original.replace(
        "  \"rules\":{ \"day_start\":\"09:00\",   \"min_gap\" : \"15m\", \"max_hours_per_day\":6.50 },\n",
        "",
    );
    assert_eq!(
        text.replace("\n  \"updated\":\"2015-11-06T08:00:00Z\",", ""),
        without
    );
}
