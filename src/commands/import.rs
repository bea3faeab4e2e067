//! `fora import`: a programme from another world (frab, pretalx, the CCC hub, a
//! spreadsheet) made into a week file.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::import::{self, Dropped, Imported, Options, Source};
use crate::model::Language;
use crate::output;
use crate::text::{self, DateStyle, Render, t};
use crate::{Error, ExitCode};

/// What `fora import` is asked.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The file to read.
    pub source: PathBuf,
    /// The week file to write; `-` for standard output.
    pub output: PathBuf,
    /// Its format, when it is not recognised from the content.
    pub from: Option<Source>,
    /// What the reader is told: zone, name, language, whether to skip bad rows.
    pub read: Options,
    /// Replace the week file if it exists.
    pub force: bool,
    /// The language of this command's messages.
    pub language: Option<Language>,
}

/// Reads the source, writes the week file, and says on standard error what came in and
/// what was left out.
pub fn import(options: &ImportOptions) -> Result<ExitCode, Error> {
    let path = &options.source;
    let read = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(path)
    };
    let bytes = read.map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })?;
    let failed = |error| Error::Import {
        path: path.clone(),
        error,
    };
    let source = match options.from {
        Some(source) => source,
        None if import::is_week(&bytes) => return Err(failed(import::ImportError::IsWeek)),
        None => import::recognise(&bytes).ok_or(failed(import::ImportError::Unrecognised))?,
    };
    let programme = import::read(source, &bytes, &options.read).map_err(failed)?;
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut read = options.read.clone();
    // A week says what language it is in; a source that does not say gets the organiser's
    // (--lang, else the environment's), as `fora new` gives it.
    if read.language.is_none() && programme.language.is_none() {
        read.language = Some(Language::resolve(options.language, None));
    }
    let imported = import::build(programme, &read, &stem).map_err(failed)?;
    let l = Language::resolve(options.language, imported.week.language);
    if options.output == Path::new("-") {
        output::write_to(&options.output, |out| {
            out.write_all(imported.text.as_bytes())
        })?;
    } else {
        output::write_new(&options.output, options.force, |out| {
            out.write_all(imported.text.as_bytes())
        })?;
    }
    let mut said = String::new();
    for warning in &imported.warnings {
        said.push_str(&warning.render(l));
        said.push('\n');
    }
    said.push_str(&summary(&imported, source, &options.output, l));
    said.push('\n');
    if let Some(dropped) = dropped(&imported, l) {
        said.push_str(&dropped);
        said.push('\n');
    }
    let _ = std::io::stderr().write_all(said.as_bytes());
    Ok(ExitCode::Clean)
}

/// "523 Fora aus frab-xml in 12 Räumen, 27.12.2019 bis 30.12.2019 (Europe/Berlin) → w.json".
fn summary(imported: &Imported, source: Source, output: &Path, l: Language) -> String {
    let week = &imported.week;
    t!(
        l,
        "said-imported",
        fora = week.fora.len(),
        format = source.code(),
        rooms = (week.rooms.as_ref().map_or(0, Vec::len)),
        start = text::date(l, week.start, DateStyle::Numeric),
        end = text::date(l, week.end, DateStyle::Numeric),
        zone = week.timezone.name(),
        file = (if output == Path::new("-") {
            t!(l, "word-standard-output")
        } else {
            output.display().to_string()
        })
    )
}

/// "Nicht übernommen: 120 Untertitel, 30 Links", when anything was left out.
fn dropped(imported: &Imported, l: Language) -> Option<String> {
    if imported.dropped.is_empty() {
        return None;
    }
    let what: Vec<String> = imported
        .dropped
        .iter()
        .map(|(dropped, &count)| match dropped {
            Dropped::Subtitle => t!(l, "dropped-subtitle", count = count),
            Dropped::Link => t!(l, "dropped-link", count = count),
            Dropped::Attachment => t!(l, "dropped-attachment", count = count),
            Dropped::Recording => t!(l, "dropped-recording", count = count),
            Dropped::Track => t!(l, "dropped-track", count = count),
            Dropped::Abstract => t!(l, "dropped-abstract", count = count),
        })
        .collect();
    Some(t!(l, "said-dropped", what = (what.join(", "))))
}
