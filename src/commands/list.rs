//! `fora list`: the fora one a line, with their ids.

use std::path::PathBuf;

use crate::check::{Options, check_with};
use crate::export::list::List;
use crate::model::Language;
use crate::{Error, ExitCode, output};

/// How `fora list` prints the fora.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListOutput {
    /// A table for people.
    #[default]
    Table,
    /// One JSON array.
    Json,
    /// One id a line, for scripts.
    Ids,
}

/// What `fora list` is asked.
#[derive(Clone, Debug)]
pub struct ListOptions {
    /// The week file.
    pub file: PathBuf,
    /// The language of headings and times.
    pub language: Option<Language>,
    /// Which fora.
    pub filter: super::Filter,
    /// How.
    pub output: ListOutput,
    /// How wide the table may be; `None`: the terminal's width on a terminal, else as wide
    /// as it needs.
    pub width: Option<usize>,
}

/// Lists the fora the filters let through; exits with 1 when the week has errors.
pub fn list(options: &ListOptions) -> Result<ExitCode, Error> {
    let week = super::load(&options.file)?;
    let language = Language::resolve(options.language, week.language);
    let selection = super::selected(&week, &options.filter, "--format")?;
    let report = check_with(&week, Options::COUNTS);
    let list = List::new(&week, &report, language, &selection);
    let width = options.width.or_else(output::terminal_width);
    output::write_to("-".as_ref(), |out| match options.output {
        ListOutput::Table => list.write_table(out, width),
        ListOutput::Json => list.write_json(out),
        ListOutput::Ids => list.write_ids(out),
    })?;
    Ok(super::noted(&report, &options.file, language))
}
