//! How `fora check` shows a report: for people, or as JSON for scripts, in the language
//! asked for (kind names and JSON keys stay English).

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::check::{Finding, Kind, Report, Severity, Summary};
use crate::model::{Language, Week};
use crate::text::{self, DateStyle, t};

/// How errors are labelled on a terminal.
pub(crate) const ERROR: Style = AnsiColor::Red.on_default().bold();
/// How warnings are labelled on a terminal.
pub(crate) const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const HEADING: Style = Style::new().bold();

/// One finding on a line: `error[room-overlap]: …`, styled.
pub fn write_finding(
    finding: &Finding,
    week: &Week,
    language: Language,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (style, label) = label(finding.severity(), language);
    writeln!(
        out,
        "{style}{label}[{}]{style:#}: {}",
        finding.kind.name(),
        finding.message(week, language)
    )
}

/// The label and style of a severity: `error`/`Fehler`, red.
pub(crate) fn label(severity: Severity, language: Language) -> (Style, String) {
    match severity {
        Severity::Error => (ERROR, t!(language, "severity-error")),
        Severity::Warning => (WARNING, t!(language, "severity-warning")),
    }
}

/// The summary, then the findings kept, worst first, with a line for each kind of which
/// more were counted, then the counts. Styled: write through an `anstream` stream, which
/// drops the colours where they are not wanted.
pub fn write_human(
    report: &Report,
    week: &Week,
    language: Language,
    out: &mut dyn Write,
) -> io::Result<()> {
    let l = language;
    let summary = &report.summary;
    writeln!(out, "{HEADING}{}{HEADING:#}", week.name)?;
    writeln!(
        out,
        "{}",
        t!(
            l,
            "check-dates",
            start = text::date(l, week.start, DateStyle::Numeric),
            end = text::date(l, week.end, DateStyle::Numeric),
            zone = week.timezone.name()
        )
    )?;
    writeln!(out)?;
    write_figures(summary, l, out)?;
    writeln!(out)?;
    let mut kinds = report.findings.iter().map(|f| f.kind).peekable();
    for finding in &report.findings {
        write_finding(finding, week, l, out)?;
        kinds.next();
        if kinds.peek() != Some(&finding.kind) {
            write_left_out(report, finding.kind, l, out)?;
        }
    }
    // Kinds of which none was kept (--max-findings 0).
    for kind in Kind::ALL {
        if !report.findings.iter().any(|f| f.kind == kind) {
            write_left_out(report, kind, l, out)?;
        }
    }
    if report.count(Severity::Error) + report.count(Severity::Warning) == 0 {
        return writeln!(out, "{}", t!(l, "check-no-findings"));
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        t!(
            l,
            "check-totals",
            errors = report.count(Severity::Error),
            warnings = report.count(Severity::Warning)
        )
    )
}

/// The figures of the programme, and each day's.
fn write_figures(summary: &Summary, l: Language, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        t!(
            l,
            "check-summary",
            fora = summary.fora,
            cancelled = summary.cancelled,
            scheduled = summary.scheduled,
            days = summary.days,
            hours = text::hours(l, summary.programme_minutes),
            covered = text::hours(l, summary.covered_minutes)
        )
    )?;
    let people = match (summary.registrations, summary.participants) {
        (Some(r), Some(p)) => Some(t!(l, "check-people", registrations = r, participants = p)),
        (Some(r), None) => Some(t!(l, "check-registrations", registrations = r)),
        (None, Some(p)) => Some(t!(l, "check-participants", participants = p)),
        (None, None) => None,
    };
    // The fora's registrations beside the week's: one person counts once a forum.
    let seats = summary
        .forum_registrations
        .map(|r| t!(l, "check-forum-registrations", registrations = r));
    let line: Vec<String> = people.into_iter().chain(seats).collect();
    if !line.is_empty() {
        writeln!(out, "{}", line.join(", "))?;
    }
    let rows: Vec<[String; 4]> = summary
        .per_day
        .iter()
        .map(|day| {
            [
                text::date(l, day.date, DateStyle::WeekdayNumeric),
                t!(l, "count-fora", fora = day.fora),
                text::hours(l, day.programme_minutes),
                day.forum_registrations
                    .map(|r| t!(l, "count-registrations", registrations = r))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let width = |column: usize| {
        rows.iter()
            .map(|r| r[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (fora_width, hours_width, seats_width) = (width(1), width(2), width(3));
    for [day, fora, hours, seats] in &rows {
        let line =
            format!("  {day}  {fora:>fora_width$}  {hours:>hours_width$}  {seats:>seats_width$}");
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// "… and 41 more room-overlap findings (--max-findings N shows more)", when some were left out.
fn write_left_out(report: &Report, kind: Kind, l: Language, out: &mut dyn Write) -> io::Result<()> {
    let more = report.left_out(kind);
    if more == 0 {
        return Ok(());
    }
    let (style, label) = label(kind.severity(), l);
    writeln!(
        out,
        "{style}{label}[{}]{style:#}: {}",
        kind.name(),
        t!(l, "check-more", more = more)
    )
}

/// The report as JSON.
#[derive(Serialize)]
struct Document<'a> {
    week: WeekInfo<'a>,
    summary: &'a Summary,
    findings: Vec<FindingInfo<'a>>,
}

/// The week a report is about.
#[derive(Serialize)]
struct WeekInfo<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    name: &'a str,
    timezone: &'a str,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
}

/// One finding as JSON: its message in the language asked for.
#[derive(Serialize)]
struct FindingInfo<'a> {
    severity: Severity,
    kind: Kind,
    fora: Vec<&'a str>,
    message: String,
}

/// The report as one JSON document: `week`, `summary` (with `finding_counts` and
/// `truncated`) and the findings kept, each with its `message` in `language`.
pub fn write_json(
    report: &Report,
    week: &Week,
    language: Language,
    out: &mut dyn Write,
) -> io::Result<()> {
    let document = Document {
        week: WeekInfo {
            id: week.id.as_deref(),
            name: &week.name,
            timezone: week.timezone.name(),
            start: week.start,
            end: week.end,
        },
        summary: &report.summary,
        findings: report
            .findings
            .iter()
            .map(|finding| FindingInfo {
                severity: finding.severity(),
                kind: finding.kind,
                fora: finding.ids(week),
                message: finding.message(week, language),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
