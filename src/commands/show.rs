//! `fora show`: everything about one forum.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::check::{Focus, Options, check_with};
use crate::export::show::Card;
use crate::model::Language;
use crate::{Error, ExitCode, known, output};

/// What `fora show` is asked.
#[derive(Clone, Debug)]
pub struct ShowOptions {
    /// The week file.
    pub file: PathBuf,
    /// The forum's id.
    pub id: String,
    /// For people, or JSON for scripts.
    pub format: super::ReportFormat,
    /// The language of the words.
    pub language: Option<Language>,
}

/// Shows the forum; exits with 1 when it takes part in an error finding, with 2 when the
/// week has no forum of this id.
pub fn show(options: &ShowOptions) -> Result<ExitCode, Error> {
    let week = super::load(&options.file)?;
    let language = Language::resolve(options.language, week.language);
    known::forum(&week, &options.id).map_err(|e| Error::value("", e))?;
    // Of fora sharing an id, the first: the duplicate-id finding names the others.
    let index = week
        .fora
        .iter()
        .position(|f| f.id == options.id)
        .expect("known above");
    // Every finding of this forum is kept, however many of its kind there are.
    let report = check_with(
        &week,
        Options {
            max_findings: 0,
            focus: Focus::Forum(index),
        },
    );
    let card = Card::new(&week, index, &report.focused, language);
    match options.format {
        super::ReportFormat::Json => {
            output::write_to("-".as_ref(), |out| card.write_json(out))?;
        }
        super::ReportFormat::Human => {
            // Colours only where wanted, as `fora check` does.
            let mut out = anstream::AutoStream::auto(io::stdout().lock());
            output::stdout_written(card.write_human(&mut out).and_then(|()| out.flush()))?;
        }
    }
    Ok(if card.has_errors() {
        ExitCode::Findings
    } else {
        ExitCode::Clean
    })
}
