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

#[test]
fn check_report_human() {
    let mut out = Vec::new();
    report::write_human(&check(&week(DRAFT)), &mut out).unwrap();
    insta::assert_snapshot!(
        anstream::adapter::strip_str(&String::from_utf8(out).unwrap()).to_string()
    );
}

#[test]
fn check_report_json() {
    let mut out = Vec::new();
    report::write_json(&check(&week(DRAFT)), &mut out).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}
