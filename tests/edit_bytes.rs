//! Edits through the real binary change the bytes of what they change and nothing else:
//! hand-formatted fixtures (odd spacing, `1.50`, a 30-digit integer, `\u00fc` escapes, no
//! final newline, CRLF) against golden files; and the file itself is handled as an editor
//! handles it: a symbolic link is followed, a read-only file refused, owner, group and mode
//! kept, and what a killed write left behind cleaned up.
//!
//! After an intended change, `FORA_BLESS=1 cargo test --test edit_bytes` rewrites the golden
//! files for review.

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

/// Copies fixture `name` into a new folder and runs `fora` with `args`, the copy's path
/// in place of `FILE`; gives back the folder and the file's bytes afterwards.
fn edited(name: &str, args: &[&str]) -> (tempfile::TempDir, Vec<u8>) {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join(name);
    fs::copy(fixture(name), &file)
        .unwrap_or_else(|e| panic!("the fixture {} is missing: {e}", fixture(name).display()));
    let args: Vec<String> = args
        .iter()
        .map(|a| a.replace("FILE", &file.display().to_string()))
        .collect();
    fora().args(&args).assert().code(0);
    let bytes = fs::read(&file).unwrap();
    (folder, bytes)
}

/// Compares `bytes` with the golden file `expected`, or writes it under `FORA_BLESS=1`.
fn golden(expected: &str, bytes: &[u8]) {
    let path = fixture(expected);
    if std::env::var_os("FORA_BLESS").is_some() {
        fs::write(&path, bytes).unwrap();
        return;
    }
    let want = fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "the golden file {} is missing ({e}); `FORA_BLESS=1 cargo test --test edit_bytes` writes it",
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

#[test]
fn each_edit_of_a_hand_formatted_file_changes_only_its_own_bytes() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["set", "FILE", "podium", "title=Podium: Engagement vor Ort"],
            "hand.set.json",
        ),
        (&["cancel", "FILE", "eroeffnung"], "hand.cancel.json"),
        (&["move", "FILE", "podium", "--by", "30m"], "hand.move.json"),
        (&["rm", "FILE", "eroeffnung"], "hand.rm.json"),
        (
            &[
                "add",
                "FILE",
                "--title",
                "Werkstatt für Vereine",
                "--duration",
                "45m",
                "--start",
                "2020-06-24T10:00",
                "--room",
                "plenum",
                "--speaker",
                "Müller",
            ],
            "hand.add.json",
        ),
        (
            &[
                "room",
                "add",
                "FILE",
                "--id",
                "werkstatt",
                "--name",
                "Werkstatt",
            ],
            "hand.room.json",
        ),
    ];
    let original = fs::read(fixture("hand.json")).unwrap();
    for (args, expected) in cases {
        let (_folder, bytes) = edited("hand.json", args);
        // The golden files were read byte by byte when they were written.
        golden(expected, &bytes);
        assert_ne!(bytes, original, "{args:?} changed something");
    }
}

#[test]
fn a_value_the_file_holds_already_is_no_change() {
    // "Müller" is written `M\u00fcller` in the file: the same value, so not a byte moves.
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("hand.json");
    fs::copy(fixture("hand.json"), &file).unwrap();
    fora()
        .args(["set"])
        .arg(&file)
        .args(["podium", "speakers=Müller, Anna", "duration=90"])
        .assert()
        .code(0)
        .stdout(format!(
            "nothing to change: {} already says so\n",
            file.display()
        ));
    assert_eq!(
        fs::read(&file).unwrap(),
        fs::read(fixture("hand.json")).unwrap()
    );
}

#[test]
fn a_crlf_file_stays_crlf() {
    let (_folder, bytes) = edited("crlf.json", &["cancel", "FILE", "eroeffnung"]);
    golden("crlf.cancel.json", &bytes);
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
}

#[cfg(unix)]
#[test]
fn an_edit_through_a_symbolic_link_changes_the_file_it_leads_to() {
    let folder = tempfile::tempdir().unwrap();
    let real = folder.path().join("real.json");
    let link = folder.path().join("link.json");
    fs::copy(fixture("hand.json"), &real).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    fora()
        .arg("cancel")
        .arg(&link)
        .arg("podium")
        .assert()
        .code(0);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = fs::read_to_string(&real).unwrap();
    assert!(text.contains(r#""status":"cancelled""#), "{text}");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_and_kept() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("week.json");
    fs::copy(fixture("hand.json"), &file).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&file).unwrap();
    fora()
        .arg("cancel")
        .arg(&file)
        .arg("podium")
        .assert()
        .code(2)
        .stderr(format!(
            "error: {}: the file is read-only; nothing was written (make it writable first, with chmod u+w)\n",
            file.display()
        ));
    assert_eq!(fs::read(&file).unwrap(), before);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o444
    );
    // Only the week file is in the folder: nothing half-written was left.
    assert_eq!(fs::read_dir(folder.path()).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn owner_group_and_mode_are_kept_and_a_killed_writes_leftovers_cleaned_up() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("week.json");
    fs::copy(fixture("hand.json"), &file).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
    // Another owner and group, where the tests may give them (as root, as CI runs).
    let other = (65534, 65534);
    let given = std::os::unix::fs::chown(&file, Some(other.0), Some(other.1)).is_ok();
    let before = fs::metadata(&file).unwrap();
    let stale = folder.path().join(".week.json.fora-XyZ123.tmp");
    fs::write(&stale, "half a week").unwrap();
    let unrelated = folder.path().join(".other.json.fora-XyZ123.tmp");
    fs::write(&unrelated, "another file's").unwrap();
    fora()
        .arg("cancel")
        .arg(&file)
        .arg("podium")
        .assert()
        .code(0);
    let after = fs::metadata(&file).unwrap();
    assert_ne!(after.ino(), before.ino(), "replaced in one step");
    assert_eq!(after.permissions().mode() & 0o7777, 0o640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    if given {
        assert_eq!((after.uid(), after.gid()), other);
    }
    assert!(!stale.exists(), "the leftover of a killed write is gone");
    assert!(unrelated.exists(), "another file's is not ours to clean");
}
