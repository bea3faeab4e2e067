//! `fora site`: the programme site of the 2020 week as golden pages, the same bytes on
//! every run, links that resolve (followed by Python's html.parser, not by fora), text that
//! stays text, calendars byte for byte what `fora ics` writes, a selection that joins into
//! what `fora ics --only` writes, and a site built on the one before it.
//!
//! The real browser (axe-core, the script, 320 px) is `tests/browser.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

const WEEK: &str = "schedules/engagementkongress-2020.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fora(args: &[&str]) -> Output {
    Command::cargo_bin("fora")
        .unwrap()
        .current_dir(root())
        .env("LANG", "C")
        .env_remove("SOURCE_DATE_EPOCH")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> Vec<u8> {
    assert!(
        output.status.success(),
        "fora failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout.clone()
}

/// Writes the site of `week` (with `args`) into a new folder and returns it.
fn site(week: &Path, args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let mut all = vec!["site", week.to_str().unwrap(), "-o", out.to_str().unwrap()];
    all.extend(args);
    stdout(&fora(&all));
    dir
}

fn public(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("public")
}

/// Every file of a folder by its path within it.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                found.insert(name, fs::read(&path).unwrap());
            }
        }
    }
    found
}

fn text(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_pages_of_the_2020_week_are_golden() {
    let dir = site(
        &root().join(WEEK),
        &["--base-url", "https://example.org/ekw"],
    );
    let public = public(&dir);
    for (name, path) in [
        ("root", "index.html"),
        ("de-programme", "de/index.html"),
        ("en-programme", "en/index.html"),
        ("de-forum", "de/fora/eroeffnung.html"),
        ("en-forum", "en/fora/fachforum-digital.html"),
        ("de-room", "de/rooms/praxisraum.html"),
        ("en-speaker", "en/speakers/moderation.html"),
    ] {
        insta::assert_snapshot!(name, text(&public, path));
    }
}

#[test]
fn two_runs_give_the_same_bytes() {
    let week = root().join(WEEK);
    let (first, second) = (site(&week, &[]), site(&week, &[]));
    let (first, second) = (files(&public(&first)), files(&public(&second)));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(&second[path] == bytes, "{path} differs between two runs");
    }
    // Pages and calendars in both languages, each forum, room, speaker and day.
    for path in [
        "index.html",
        "favicon.svg",
        "week.json",
        "assets/fora.css",
        "assets/fora.js",
        "de/index.html",
        "en/index.html",
        "de/fora/eroeffnung.html",
        "en/rooms/plenum.html",
        "de/speakers/netzwerk-engagiert-in-nrw.html",
        "de/calendar/week.ics",
        "en/calendar/day-2020-06-26.ics",
    ] {
        assert!(first.contains_key(path), "the site has {path}");
    }
    let pages = first.keys().filter(|p| p.ends_with(".html")).count();
    // The root, and in each language: the programme, 15 fora, 2 rooms, 12 speakers.
    assert_eq!(pages, 1 + 2 * (1 + 15 + 2 + 12));
}

#[test]
fn every_local_link_resolves_inside_the_site() {
    let dir = site(
        &root().join(WEEK),
        &["--base-url", "https://example.org/ekw/"],
    );
    let output = std::process::Command::new("python3")
        .arg(root().join("tests/scripts/site_links.py"))
        .arg(public(&dir))
        .output()
        .expect("python3 runs (the README lists it)");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "broken links:\n{said}");
    // It followed the links of every page: the root, and 30 pages a language.
    assert_eq!(said.lines().count(), 61, "{said}");
    let links: usize = said
        .lines()
        .filter_map(|l| l.rsplit(' ').next()?.parse::<usize>().ok())
        .sum();
    assert!(links > 1000, "{links} links followed");
}

#[test]
fn titles_names_and_descriptions_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let week = dir.path().join("week.json");
    fs::write(
        &week,
        r#"{"id": "xss", "name": "Woche <b>fett</b>", "timezone": "Europe/Berlin",
  "start": "2021-06-22", "end": "2021-06-23", "language": "de",
  "rooms": [{"id": "r", "name": "Raum \"><img src=x onerror=alert(2)>", "url": "https://example.org/r?a=1&b=2"}],
  "fora": [{"id": "x", "title": "\"><script>alert(1)</script>", "start": "2021-06-22T10:00",
            "duration": "60m", "room": "r", "speakers": ["</script><script>alert(3)</script>"],
            "format": "<i>Format</i>", "description": "<!-- & </script> -->"}]}"#,
    )
    .unwrap();
    let built = site(&week, &[]);
    let out = public(&built);
    for (path, bytes) in files(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let page = String::from_utf8(bytes).unwrap();
        for markup in ["<script>alert", "<img", "<b>fett", "<i>Format", "<!-- &"] {
            assert!(!page.contains(markup), "{path} holds {markup} as markup");
        }
        // Only the site's own scripts: the data, the script file, on the programme the
        // calendar pieces.
        let scripts = page.matches("<script").count();
        let expected = if path.ends_with("/index.html") { 3 } else { 2 };
        if path != "index.html" {
            assert_eq!(scripts, expected, "{path}: {scripts} script elements");
            assert_eq!(page.matches("</script>").count(), expected, "{path}");
        }
    }
    let forum = text(&out, "de/fora/x.html");
    assert!(
        forum.contains("<h1 id=\"title\">&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;</h1>")
    );
    assert!(forum.contains("&#60;/script&#62;&#60;script&#62;alert(3)&#60;/script&#62;"));
    assert!(text(&out, "de/rooms/r.html").contains("https://example.org/r?a=1&#38;b=2"));
    // The embedded data keeps the text exactly, read as JSON.
    let programme = text(&out, "de/index.html");
    let calendar = embedded(&programme, "fora-calendar");
    assert!(
        calendar["events"][0]["text"]
            .as_str()
            .unwrap()
            .contains("SUMMARY;LANGUAGE=de:\"><script>alert(1)</script>")
    );
}

/// The JSON of the `<script type="application/json" id="…">` element of a page.
fn embedded(page: &str, id: &str) -> Value {
    let open = format!("<script type=\"application/json\" id=\"{id}\">");
    let start = page
        .find(&open)
        .unwrap_or_else(|| panic!("the page has #{id}"))
        + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

#[test]
fn every_calendar_is_what_fora_ics_writes() {
    let dir = site(&root().join(WEEK), &[]);
    let public = public(&dir);
    let split = tempfile::tempdir().unwrap();
    for lang in ["de", "en"] {
        let site_file = |path: &str| fs::read(public.join(lang).join(path)).unwrap();
        let ics = |args: &[&str]| {
            let mut all = vec!["--lang", lang, "ics", WEEK];
            all.extend(args);
            stdout(&fora(&all))
        };
        assert!(site_file("calendar/week.ics") == ics(&[]), "{lang} week");
        for day in ["2020-06-23", "2020-06-24", "2020-06-25", "2020-06-26"] {
            let path = format!("calendar/day-{day}.ics");
            assert!(site_file(&path) == ics(&["--day", day]), "{lang} {path}");
        }
        for room in ["plenum", "praxisraum"] {
            let path = format!("calendar/room-{room}.ics");
            assert!(site_file(&path) == ics(&["--room", room]), "{lang} {path}");
        }
        let folder = split.path().join(lang);
        ics(&["--split", folder.to_str().unwrap()]);
        let forum_files = files(&public.join(lang).join("calendar"))
            .into_keys()
            .filter(|name| name.starts_with("forum-"))
            .count();
        assert_eq!(forum_files, 15);
        for (name, bytes) in files(&folder) {
            let path = format!("calendar/forum-{name}");
            assert!(site_file(&path) == bytes, "{lang} {path}");
        }
    }
}

#[test]
fn a_selection_joins_into_what_fora_ics_only_writes() {
    let dir = site(&root().join(WEEK), &[]);
    for lang in ["de", "en"] {
        let page = text(&public(&dir), &format!("{lang}/index.html"));
        let pieces = embedded(&page, "fora-calendar");
        let events = pieces["events"].as_array().unwrap();
        assert_eq!(events.len(), 15);
        for picked in [
            vec!["eroeffnung"],
            vec!["abschluss", "eroeffnung"],
            vec!["praxis-laendlicher-raum", "fachforum-digital", "eroeffnung"],
        ] {
            // What the page's script does: keep the picked events in order, join them.
            let chosen: Vec<&Value> = events
                .iter()
                .filter(|e| picked.contains(&e["id"].as_str().unwrap()))
                .collect();
            let years = |i: usize| chosen.iter().map(move |e| e["years"][i].as_i64().unwrap());
            let zone = format!("{}-{}", years(0).min().unwrap(), years(1).max().unwrap());
            let mut joined = pieces["header"].as_str().unwrap().to_owned();
            joined += pieces["zones"][&zone].as_str().unwrap();
            for event in &chosen {
                joined += event["text"].as_str().unwrap();
            }
            joined += pieces["end"].as_str().unwrap();
            let only = picked.join(",");
            let written = stdout(&fora(&["--lang", lang, "ics", WEEK, "--only", &only]));
            assert!(
                joined.as_bytes() == written,
                "{lang} {only}:\n{joined}\n---\n{}",
                String::from_utf8_lossy(&written)
            );
        }
    }
}

#[test]
fn a_site_built_on_the_one_before_says_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let week = dir.path().join("week.json");
    fs::copy(root().join(WEEK), &week).unwrap();
    let out = dir.path().join("public");
    let (week_arg, out_arg) = (week.to_str().unwrap(), out.to_str().unwrap());
    stdout(&fora(&["site", week_arg, "-o", out_arg]));
    let published = fs::read(out.join("de/calendar/week.ics")).unwrap();
    let old = dir.path().join("published.ics");
    fs::write(&old, &published).unwrap();
    stdout(&fora(&["move", week_arg, "eroeffnung", "--by", "30m"]));
    stdout(&fora(&[
        "set",
        week_arg,
        "abschluss",
        "title=Abschluss und Ausblick",
    ]));
    // Built over itself: the folder is read, then replaced.
    stdout(&fora(&[
        "--lang",
        "de",
        "site",
        week_arg,
        "-o",
        out_arg,
        "--previous",
        out_arg,
    ]));
    let changes = text(&out, "de/changes.html");
    assert!(changes.contains("Verschoben"), "{changes}");
    assert!(changes.contains("Neuer Titel"), "{changes}");
    assert!(changes.contains("Di 23.06. 10:00–11:00"), "{changes}");
    assert!(changes.contains("Di 23.06. 10:30–11:30"), "{changes}");
    assert!(text(&out, "en/changes.html").contains("Moved"));
    assert!(text(&out, "de/index.html").contains("href=\"changes.html\""));
    // The calendar raised what changed, exactly as fora ics --previous does.
    let ics = stdout(&fora(&[
        "ics",
        week_arg,
        "--previous",
        old.to_str().unwrap(),
    ]));
    let now = fs::read(out.join("de/calendar/week.ics")).unwrap();
    assert!(now == ics);
    assert!(String::from_utf8_lossy(&now).contains("SEQUENCE:1"));
    // The published week is the file as it is now.
    assert!(fs::read(out.join("week.json")).unwrap() == fs::read(&week).unwrap());
    // No temporary folder is left beside the site.
    let beside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside.len(), 3, "{beside:?}");
}

#[test]
fn the_published_week_leaves_out_who_registered() {
    let dir = tempfile::tempdir().unwrap();
    let week = dir.path().join("week.json");
    let source = fs::read_to_string(root().join(WEEK)).unwrap().replacen(
        "\"room\": \"plenum\",",
        "\"room\": \"plenum\", \"registrations\": 2, \"attendees\": [\"1042\", \"T-7\"],",
        1,
    );
    fs::write(&week, &source).unwrap();
    let built = site(&week, &[]);
    let out = public(&built);
    let published = text(&out, "week.json");
    assert!(!published.contains("attendees") && !published.contains("T-7"));
    assert!(published.contains("\"registrations\": 2,"));
    assert_eq!(
        published,
        source.replacen(", \"attendees\": [\"1042\", \"T-7\"]", "", 1)
    );
}

#[test]
fn subscriptions_are_offered_under_the_base_url() {
    let dir = site(
        &root().join(WEEK),
        &["--base-url", "https://example.org/ekw"],
    );
    let page = text(&public(&dir), "de/index.html");
    assert!(page.contains("href=\"webcal://example.org/ekw/de/calendar/week.ics\""));
    assert!(page.contains("<code>https://example.org/ekw/de/calendar/week.ics</code>"));
    let forum = text(&public(&dir), "en/fora/eroeffnung.html");
    assert!(forum.contains(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&#38;text=Gemeinsames+Er%C3%B6ffnungsgespr%C3%A4ch&#38;dates=20200623T080000Z%2F20200623T090000Z"
    ));
    assert!(forum.contains("https://outlook.office.com/calendar/action/compose?rru=addevent"));
    // Without it, only downloads: no address to subscribe to.
    let plain = site(&root().join(WEEK), &[]);
    assert!(!text(&public(&plain), "de/index.html").contains("webcal:"));
}

#[test]
fn bad_input_is_refused_with_exit_code_2_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    fs::create_dir(&full).unwrap();
    fs::write(full.join("notes.txt"), "mine").unwrap();
    let full_arg = full.to_str().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["--lang", "de", "site", WEEK, "-o", full_arg],
            "ist nicht leer und enthält keine Site von fora (week.json fehlt); wählen Sie einen leeren Ordner",
        ),
        (
            &[
                "--lang",
                "en",
                "site",
                WEEK,
                "-o",
                "/nonexistent/x",
                "--previous",
                full_arg,
            ],
            "holds no site of fora to compare with (week.json is missing)",
        ),
        (
            &[
                "--lang",
                "en",
                "site",
                WEEK,
                "-o",
                "/nonexistent/x",
                "--css",
                "/nonexistent/my.css",
            ],
            "/nonexistent/my.css",
        ),
        (
            &[
                "--lang",
                "de",
                "site",
                WEEK,
                "-o",
                "/nonexistent/x",
                "--base-url",
                "ftp://x",
            ],
            "--base-url",
        ),
        (
            &[
                "--lang",
                "de",
                "site",
                "schedules/draft-with-conflicts.json",
                "-o",
                "/nonexistent/x",
            ],
            "Fehler[duplicate-id]: die Fora Nr. 11 und Nr. 12 haben beide die Kennung „abschluss“\nFehler: schedules/draft-with-conflicts.json: fora site braucht Kennungen, die keine zwei Fora oder Räume teilen",
        ),
    ];
    for (args, said) in cases {
        let output = fora(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(said), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert_eq!(fs::read_to_string(full.join("notes.txt")).unwrap(), "mine");
    assert_eq!(fs::read_dir(&full).unwrap().count(), 1);
    assert!(!Path::new("/nonexistent/x").exists());
}

#[test]
fn an_organisers_stylesheet_comes_after_the_sites_own() {
    let dir = tempfile::tempdir().unwrap();
    let css = dir.path().join("gemeinde.css");
    fs::write(&css, ":root { --link: #005a32; }\n").unwrap();
    let styled = site(&root().join(WEEK), &["--css", css.to_str().unwrap()]);
    let out = public(&styled);
    assert_eq!(
        fs::read(out.join("assets/organiser.css")).unwrap(),
        fs::read(&css).unwrap()
    );
    for (path, bytes) in files(&out) {
        if path.ends_with(".html") && path != "index.html" {
            let page = String::from_utf8(bytes).unwrap();
            let (own, theirs) = (
                page.find("assets/fora.css\">").unwrap(),
                page.find("assets/organiser.css\">")
                    .unwrap_or_else(|| panic!("{path} links the organiser's stylesheet")),
            );
            assert!(own < theirs, "{path}");
        }
    }
    // Without --css, no page asks for it.
    let plain = site(&root().join(WEEK), &[]);
    assert!(!text(&public(&plain), "de/index.html").contains("organiser.css"));
}

#[cfg(unix)]
#[test]
fn a_link_to_the_web_servers_folder_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let served = dir.path().join("www");
    fs::create_dir(&served).unwrap();
    let link = dir.path().join("public");
    std::os::unix::fs::symlink(&served, &link).unwrap();
    let (week, out) = (root().join(WEEK), link.to_str().unwrap().to_owned());
    for _ in 0..2 {
        stdout(&fora(&["site", week.to_str().unwrap(), "-o", &out]));
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(served.join("de/index.html").is_file());
    }
    // Beside the site: the link, the folder it leads to, nothing left over.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}
