//! `fora registrations`: a registration system's export read into the week's fora.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::check::{self, Kind};
use crate::edit::{self, Added, Document, Outcome, Said};
use crate::import::registrations::{self as export, Columns};
use crate::model::{Language, Week};
use crate::text::t;
use crate::{Error, ExitCode};

/// What `fora registrations` is asked.
#[derive(Clone, Debug)]
pub struct RegistrationsOptions {
    /// The week file.
    pub file: PathBuf,
    /// The export: one row per attendee and forum.
    pub export: PathBuf,
    /// The columns, when their headers are not guessed.
    pub columns: Columns,
    /// Write even when the change adds error findings (over capacity).
    pub force: bool,
    /// Only say what would change.
    pub dry_run: bool,
    /// The language of the messages.
    pub language: Option<Language>,
}

/// Reads the export and sets the registrations and attendees of each forum it names, as an
/// edit: checked, refused when it puts a forum over its capacity (unless forced).
pub fn registrations(options: &RegistrationsOptions) -> Result<ExitCode, Error> {
    let now = edit::now()?;
    let bytes = std::fs::read(&options.export).map_err(|source| Error::Read {
        path: options.export.clone(),
        source,
    })?;
    let mut document = Document::open(&options.file)?;
    let language = Language::resolve(options.language, document.week().language);
    let read =
        export::read(document.week(), &bytes, &options.columns).map_err(|error| Error::Export {
            path: options.export.clone(),
            error,
        })?;
    let over_before = over_capacity(document.week());
    let said = edit::registrations(&mut document, &options.export.display().to_string(), &read);
    let mut outcome = document.save(
        edit::Options {
            force: options.force,
            dry_run: options.dry_run,
        },
        now,
    )?;
    if let Outcome::Written(added) | Outcome::DryRun(added) | Outcome::Refused(added) = &mut outcome
    {
        list_over_capacity(added, &over_before);
    }
    let edit_options = super::EditOptions {
        file: options.file.clone(),
        force: options.force,
        dry_run: options.dry_run,
        language: options.language,
    };
    Ok(super::edit::tell(&said, outcome, &edit_options, language))
}

/// The ids of the fora over their capacity.
fn over_capacity(week: &Week) -> HashSet<String> {
    let report = check::check_with(
        week,
        check::Options {
            max_findings: week.fora.len(),
            ..check::Options::default()
        },
    );
    report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::OverCapacity)
        .flat_map(|f| f.ids(week))
        .map(str::to_owned)
        .collect()
}

/// An edit of one forum lists its new error findings; this one changes many fora at once,
/// so the fora it puts over their capacity are listed here rather than only counted.
fn list_over_capacity(added: &mut Added, before: &HashSet<String>) {
    if added.more == 0 {
        return;
    }
    let report = check::check_with(
        &added.week,
        check::Options {
            max_findings: added.week.fora.len(),
            ..check::Options::default()
        },
    );
    let new: Vec<_> = report
        .findings
        .into_iter()
        .filter(|f| f.kind == Kind::OverCapacity)
        .filter(|f| f.ids(&added.week).iter().all(|id| !before.contains(*id)))
        .collect();
    added.more = added.more.saturating_sub(new.len() as u64);
    added.findings.extend(new);
}

/// What `fora registrations` did, in words: a line of totals, then a line a forum changed.
pub(super) fn said(said: &Said, l: Language) -> String {
    let Said::Registrations {
        export,
        registrations,
        repeated,
        fora,
        changed,
        untouched,
    } = said
    else {
        unreachable!("said of registrations");
    };
    let mut text = t!(
        l,
        "said-registrations",
        export = export.as_str(),
        registrations = (*registrations),
        repeated = (*repeated),
        fora = (*fora),
        changed = changed.len(),
        unchanged = (fora - changed.len()),
        untouched = (*untouched)
    );
    for (id, before, after) in changed {
        let before = match before {
            Some(before) => crate::text::number(l, *before as f64),
            None => t!(l, "said-registrations-none"),
        };
        text.push('\n');
        text += &t!(
            l,
            "said-registrations-forum",
            id = id.as_str(),
            before = before,
            after = crate::text::number(l, *after as f64)
        );
    }
    text
}
