//! Snapshots of every exporter on fixed weeks, so that any change of output is seen in review
//! (`cargo insta review` after an intended change).

use std::path::Path;

use fora::export::{Format, Selection, Timetable};
use fora::{Language, Week, check, report};

fn week(file: &str) -> Week {
    Week::load(Path::new("schedules").join(file).as_path()).expect("a valid week file")
}

fn timetable(file: &str, language: Language, format: Format, selection: &Selection) -> String {
    let week = week(file);
    let report = check(&week);
    let timetable = Timetable::new(&week, &report, language, selection);
    let mut out = Vec::new();
    format.exporter().write(&timetable, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

const WEEK_2020: &str = "engagementkongress-2020.json";
const DRAFT: &str = "draft-with-conflicts.json";

#[test]
fn timetable_table_german() {
    insta::assert_snapshot!(timetable(
        WEEK_2020,
        Language::De,
        Format::Table,
        &Selection::default()
    ));
}

#[test]
fn timetable_table_english_with_marks() {
    insta::assert_snapshot!(timetable(
        DRAFT,
        Language::En,
        Format::Table,
        &Selection::default()
    ));
}

#[test]
fn timetable_markdown() {
    insta::assert_snapshot!(timetable(
        WEEK_2020,
        Language::De,
        Format::Markdown,
        &Selection::default()
    ));
}

#[test]
fn timetable_csv() {
    insta::assert_snapshot!(timetable(
        DRAFT,
        Language::En,
        Format::Csv,
        &Selection::default()
    ));
}

#[test]
fn timetable_of_one_room_without_rooms_column_changes() {
    let selection = Selection {
        room: Some("raum-a".into()),
        ..Selection::default()
    };
    insta::assert_snapshot!(timetable(
        "engagementkongress-2015.json",
        Language::En,
        Format::Table,
        &selection
    ));
}

fn human(language: Language) -> String {
    let week = week(DRAFT);
    let mut out = Vec::new();
    report::write_human(&check(&week), &week, language, &mut out).unwrap();
    anstream::adapter::strip_str(&String::from_utf8(out).unwrap()).to_string()
}

#[test]
fn check_report_human() {
    insta::assert_snapshot!(human(Language::En));
}

#[test]
fn check_report_human_german() {
    insta::assert_snapshot!(human(Language::De));
}

#[test]
fn check_report_json() {
    let week = week(DRAFT);
    let mut out = Vec::new();
    report::write_json(&check(&week), &week, Language::En, &mut out).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

#[test]
fn fora_that_start_together_are_listed_as_the_file_lists_them() {
    let week = Week::from_json(
        r#"{"name": "Ties", "timezone": "Europe/Berlin", "start": "2020-06-23", "end": "2020-06-23",
            "rules": {"max_hours_per_day": 1},
            "fora": [
              {"id": "zeta", "title": "Zeta", "start": "2020-06-23T10:00", "duration": "60m"},
              {"id": "alpha", "title": "Alpha", "start": "2020-06-23T10:00", "duration": "30m"},
              {"id": "early", "title": "Early", "start": "2020-06-23T09:00", "duration": "30m"}
            ]}"#,
    )
    .unwrap();
    let report = check(&week);
    let timetable = Timetable::new(&week, &report, Language::En, &Selection::default());
    let ids: Vec<&str> = timetable.days[0]
        .rows
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["early", "zeta", "alpha"]);
    // Findings name their fora the same way: by start, then as the file lists them.
    let overlaps: Vec<Vec<&str>> = report
        .findings
        .iter()
        .filter(|f| f.kind == fora::Kind::RoomOverlap)
        .map(|f| f.ids(&week))
        .collect();
    assert_eq!(overlaps, [["zeta", "alpha"]]);
    let day = report
        .findings
        .iter()
        .find(|f| f.kind == fora::Kind::DayOverLimit);
    assert_eq!(day.unwrap().ids(&week), ["early", "zeta", "alpha"]);
}
