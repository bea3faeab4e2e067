//! `fora check`: the week's summary and its findings.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::check::{self as checker, Options};
use crate::model::Language;
use crate::{Error, ExitCode, output, report};

/// How `fora check` prints its report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReportFormat {
    /// A summary and findings for people.
    #[default]
    Human,
    /// One JSON document.
    Json,
}

/// What `fora check` is asked.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// The week file.
    pub file: PathBuf,
    /// For people or for scripts.
    pub format: ReportFormat,
    /// The language of the output; the file's, else the environment's, else English.
    pub language: Option<Language>,
    /// How many findings of each kind are shown (all are counted).
    pub max_findings: usize,
}

/// Checks the week and prints what was found; exits with 1 when there are errors.
pub fn check(options: &CheckOptions) -> Result<ExitCode, Error> {
    let week = super::load(&options.file)?;
    let language = Language::resolve(options.language, week.language);
    let report = checker::check_with(
        &week,
        Options {
            max_findings: options.max_findings,
            ..Options::default()
        },
    );
    match options.format {
        ReportFormat::Json => output::write_to("-".as_ref(), |out| {
            report::write_json(&report, &week, language, out)
        })?,
        ReportFormat::Human => {
            // Colours only where wanted: anstream drops them off a terminal and under NO_COLOR.
            let mut out = anstream::AutoStream::auto(io::stdout().lock());
            output::stdout_written(
                report::write_human(&report, &week, language, &mut out).and_then(|()| out.flush()),
            )?;
        }
    }
    Ok(super::exit_code(&report))
}
