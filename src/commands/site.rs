//! `fora site`: the programme site, a folder of static pages and calendars.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::check::{Options as CheckOptions, check_with};
use crate::edit::tree::{Step, Tree};
use crate::export::ics::previous::Previous;
use crate::model::{Language, Week};
use crate::site::{self, Before, WEEK_FILE};
use crate::text::t;
use crate::{Error, ExitCode, output};

/// What `fora site` is asked.
#[derive(Clone, Debug)]
pub struct SiteOptions {
    /// The week file.
    pub file: PathBuf,
    /// The folder the site is written to.
    pub output: PathBuf,
    /// Where it is published.
    pub base_url: Option<String>,
    /// The folder of the site published before.
    pub previous: Option<PathBuf>,
    /// An organiser's stylesheet.
    pub css: Option<PathBuf>,
    /// The language of messages (the site has both).
    pub language: Option<Language>,
}

/// Writes the site, replacing the folder's previous site in one step; says what it wrote.
/// Refuses a week whose ids are not unique (pages are named after them), and exits with 1
/// when the week has other error findings (the site is written all the same).
pub fn site(options: &SiteOptions) -> Result<ExitCode, Error> {
    let base_url = options
        .base_url
        .as_deref()
        .map(super::base_url)
        .transpose()?
        .map(|url| crate::model::identity::site_base(&url));
    let week = super::load(&options.file)?;
    let language = Language::resolve(options.language, week.language);
    // The duplicate ids a refusal names, the first few; every kind counted exactly.
    let report = check_with(
        &week,
        CheckOptions {
            max_findings: 10,
            ..CheckOptions::default()
        },
    );
    super::unique_ids(&week, &report, &options.file, "fora site", language)?;
    let week_file = published(&options.file)?;
    let before = options.previous.as_deref().map(before).transpose()?;
    let css = options
        .css
        .as_ref()
        .map(|path| {
            fs::read(path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })
        })
        .transpose()?;
    let site = site::build(
        &week,
        &report,
        &site::Options {
            base_url: base_url.as_ref(),
            previous: before.as_ref(),
            css: css.as_deref(),
            week_file: &week_file,
        },
    );
    output::write_folder(&options.output, &site.files, WEEK_FILE)?;
    let said = t!(
        language,
        "site-said",
        folder = options.output.display().to_string(),
        pages = site.pages(),
        calendars = site.calendars()
    );
    let _ = writeln!(anstream::stdout(), "{said}");
    Ok(super::noted(&report, &options.file, language))
}

/// The week file as the site publishes it: as written, without the pseudonymous numbers
/// of who registered (`attendees`), which are the organisers' alone.
fn published(path: &Path) -> Result<Vec<u8>, Error> {
    let bytes = fs::read(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    // Most weeks list nobody: their file is published as it is, without a parse.
    if !text.contains("\"attendees\"") {
        return Ok(bytes);
    }
    let Ok(mut tree) = Tree::parse(&text) else {
        return Ok(bytes);
    };
    let fora = tree
        .keys(&[])
        .is_some_and(|keys| keys.iter().any(|k| k == "fora"));
    if !fora {
        return Ok(bytes);
    }
    let mut changed = false;
    for index in 0.. {
        let at = [Step::Key("fora"), Step::Index(index)];
        let Some(keys) = tree.keys(&at) else { break };
        if keys.iter().any(|k| k == "attendees") && tree.set(&at, "attendees", None, &[]).is_ok() {
            changed = true;
        }
    }
    Ok(if changed {
        tree.text().into_bytes()
    } else {
        bytes
    })
}

/// The site in `folder`, published before: its week and its calendars.
fn before(folder: &Path) -> Result<Before, Error> {
    let week_file = folder.join(WEEK_FILE);
    if !week_file.is_file() {
        return Err(Error::NoPreviousSite(folder.to_owned()));
    }
    let week = Week::load(&week_file)?;
    let mut calendars = std::collections::BTreeMap::new();
    for language in site::LANGUAGES {
        let dir = folder.join(language.code()).join("calendar");
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "ics") {
                let name = entry.file_name().to_string_lossy().into_owned();
                let previous = Previous::read(&path)?;
                calendars.insert(format!("{}/calendar/{name}", language.code()), previous);
            }
        }
    }
    Ok(Before { week, calendars })
}
