//! How `fora check` shows a report: for people, or as JSON for scripts.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::check::{Finding, Report, Severity, hours};

/// How errors are labelled on a terminal.
pub(crate) const ERROR: Style = AnsiColor::Red.on_default().bold();
/// How warnings are labelled on a terminal.
pub(crate) const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const HEADING: Style = Style::new().bold();

/// One finding on a line: `error[room-overlap]: …`, styled.
pub fn write_finding(finding: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let (style, label) = match finding.severity {
        Severity::Error => (ERROR, "error"),
        Severity::Warning => (WARNING, "warning"),
    };
    writeln!(
        out,
        "{style}{label}[{}]{style:#}: {}",
        finding.kind.name(),
        finding.message
    )
}

/// The summary, then every finding worst first, then the count. Styled: write through an
/// `anstream` stream, which drops the colours where they are not wanted.
pub fn write_human(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let week = &report.week;
    let summary = &report.summary;
    writeln!(out, "{HEADING}{}{HEADING:#}", week.name)?;
    writeln!(out, "{} to {} ({})", week.start, week.end, week.timezone)?;
    writeln!(out)?;
    let cancelled = match summary.cancelled {
        0 => String::new(),
        n => format!(", {n} cancelled"),
    };
    writeln!(
        out,
        "{}{cancelled}, {} scheduled, {}, {} h of programme ({} h covered)",
        count(summary.fora, "forum", "fora"),
        summary.scheduled,
        count(summary.days, "day", "days"),
        hours(summary.programme_minutes),
        hours(summary.covered_minutes)
    )?;
    match (summary.registrations, summary.participants) {
        (Some(r), Some(p)) => writeln!(out, "{r} registrations, {p} participants")?,
        (Some(r), None) => writeln!(out, "{r} registrations")?,
        (None, Some(p)) => writeln!(out, "{p} participants")?,
        (None, None) => {}
    }
    for day in &summary.per_day {
        writeln!(
            out,
            "  {}  {:>9}  {:>5} h",
            day.date.format("%a %Y-%m-%d"),
            count(day.fora, "forum", "fora"),
            hours(day.programme_minutes)
        )?;
    }
    writeln!(out)?;
    for finding in &report.findings {
        write_finding(finding, out)?;
    }
    if report.findings.is_empty() {
        return writeln!(out, "no findings");
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}, {}",
        count(report.count(Severity::Error), "error", "errors"),
        count(report.count(Severity::Warning), "warning", "warnings")
    )
}

/// The report as one JSON document (the shape is documented on [`Report`]).
pub fn write_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// `1 forum`, `2 fora`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
