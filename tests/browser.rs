//! The programme site in a real browser: `fora site` builds it from the 2020 week, and
//! `tests/browser/run.mjs` drives Debian's Chromium over it through playwright-core, with
//! axe-core for accessibility (see that file for every check). Screenshots of each page land
//! in `target/browser-screenshots/` to be looked at.

use std::path::{Path, PathBuf};
use std::process::Command;

const WEEK_2020: &str = "schedules/engagementkongress-2020.json";

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> PathBuf {
    let path =
        std::env::var_os("FORA_CHROMIUM").map_or_else(|| "/usr/bin/chromium".into(), PathBuf::from);
    assert!(
        path.is_file(),
        "Chromium is not installed at {}: run `apt-get install chromium` (or set FORA_CHROMIUM)",
        path.display()
    );
    path
}

fn screenshots() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| manifest().join("target"), PathBuf::from);
    let dir = target.join("browser-screenshots");
    // A fresh folder, so no screenshot of an earlier run passes for this one's.
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn the_site_passes_in_chromium() {
    let harness = manifest().join("tests/browser");
    assert!(
        harness
            .join("node_modules/playwright-core/package.json")
            .is_file()
            && harness.join("node_modules/axe-core/axe.min.js").is_file(),
        "playwright-core and axe-core are not installed: run `npm ci --prefix tests/browser`"
    );
    let chromium = chromium();
    let fora = env!("CARGO_BIN_EXE_fora");
    let site_of = |week: &Path, out: &Path, previous: Option<&Path>| {
        let mut command = Command::new(fora);
        command
            .current_dir(manifest())
            .arg("site")
            .arg(week)
            .arg("-o")
            .arg(out);
        if let Some(previous) = previous {
            command.arg("--previous").arg(previous);
        }
        let built = command.output().expect("fora runs");
        assert!(
            built.status.success(),
            "fora site failed ({}):\n{}{}",
            built.status,
            String::from_utf8_lossy(&built.stdout),
            String::from_utf8_lossy(&built.stderr)
        );
    };
    // The site as it was published before: the opening half an hour earlier, so the
    // 2020 week's site has a page of changes to check too.
    let before = tempfile::tempdir().expect("a temporary folder");
    let old_week = before.path().join("week.json");
    let text = std::fs::read_to_string(manifest().join(WEEK_2020)).expect("the 2020 week");
    let moved = text.replacen(
        "\"start\": \"2020-06-23T10:00\"",
        "\"start\": \"2020-06-23T09:30\"",
        1,
    );
    assert_ne!(moved, text, "the opening's start is in the week file");
    std::fs::write(&old_week, moved).expect("the old week is written");
    let published = before.path().join("site");
    site_of(&old_week, &published, None);
    let site = tempfile::tempdir().expect("a temporary folder");
    site_of(&manifest().join(WEEK_2020), site.path(), Some(&published));
    let shots = screenshots();
    let run = Command::new("node")
        .current_dir(&harness)
        .arg(harness.join("run.mjs"))
        .arg("--site")
        .arg(site.path())
        .arg("--week")
        .arg(manifest().join(WEEK_2020))
        .args(["--fora", fora])
        .arg("--screenshots")
        .arg(&shots)
        .arg("--previous")
        .arg(&published)
        .env("FORA_CHROMIUM", &chromium)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap_or_else(|error| panic!("node did not start ({error}): Node.js is needed"));
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    println!("{report}");
    assert!(
        run.status.success(),
        "the browser checks failed ({}); screenshots in {}:\n{report}",
        run.status,
        shots.display()
    );
    // The run must have looked at something: every page's screenshot is there.
    for name in [
        "de-index-light.png",
        "en-index-dark.png",
        "de-index-320.png",
        "de-changes-light.png",
    ] {
        assert!(
            shots.join(name).is_file(),
            "no screenshot {name} in {}",
            shots.display()
        );
    }
}
