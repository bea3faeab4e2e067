//! Runs one command line: parse it, hand the options to the command, say an error in the
//! user's language, and choose the exit code.

use std::ffi::OsString;
use std::io::Write;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, Parser};

use crate::cli::{Cli, ColorWhen, Invocation};
use crate::model::Language;
use crate::text::{Render, t};
use crate::{Error, ExitCode, commands, output, report};

/// Parses `args` (the program name first), runs the command and returns the exit code.
/// Errors are printed to standard error.
pub fn main(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> i32 {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, asked_language(&args)),
    };
    anstream::ColorChoice::write_global(match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    // Messages follow --lang, else the week file's language, else the environment's.
    let file = cli.week_file().map(std::path::Path::to_path_buf);
    // `fora new --language de` makes a German week: its errors are German already.
    let asked = cli.lang.or(match &cli.command {
        crate::cli::Command::New { language, .. } => *language,
        _ => None,
    });
    match run(cli) {
        Ok(code) => code as i32,
        Err(e) => {
            let file_language = file.and_then(|f| crate::model::sniff_language(&f));
            let language = Language::resolve(asked, file_language);
            let (style, label) = (report::ERROR, t!(language, "error-label"));
            let _ = writeln!(
                anstream::stderr(),
                "{style}{label}{style:#}: {}",
                e.render(language)
            );
            e.exit_code() as i32
        }
    }
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.invocation() {
        Invocation::Check(options) => commands::check(&options),
        Invocation::Timetable(options) => commands::timetable(&options),
        Invocation::List(options) => commands::list(&options),
        Invocation::Show(options) => commands::show(&options),
        Invocation::Ics(options) => commands::ics(&options),
        Invocation::Export(options) => commands::export(&options),
        Invocation::Site(options) => commands::site(&options),
        Invocation::Diff(options) => commands::diff(&options),
        Invocation::New(options) => commands::new(&options),
        Invocation::Edit(options, change) => commands::edit(&options, change),
        Invocation::Free(options) => commands::free(&options),
        Invocation::Plan(options) => commands::plan(&options),
        Invocation::RoomList(options) => commands::room_list(&options),
        Invocation::Registrations(options) => commands::registrations(&options),
        Invocation::Import(options) => commands::import(&options),
        Invocation::Completions(shell) => {
            output::write_to("-".as_ref(), |out| {
                clap_complete::generate(shell, &mut Cli::command(), "fora", out);
                Ok(())
            })?;
            Ok(ExitCode::Clean)
        }
        Invocation::Man => {
            output::write_to("-".as_ref(), |out| {
                clap_mangen::Man::new(Cli::command()).render(out)
            })?;
            Ok(ExitCode::Clean)
        }
        Invocation::Schema => {
            output::write_to("-".as_ref(), |out| {
                out.write_all(crate::model::WEEK_SCHEMA.as_bytes())
            })?;
            Ok(ExitCode::Clean)
        }
    }
}

/// The language asked for with `--lang` among `args`, read before they are parsed (to say
/// what is wrong with them), else the environment's.
fn asked_language(args: &[OsString]) -> Language {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let asked = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some(rest) if rest.starts_with('=') => Language::parse(&rest[1..]),
            Some("") => args.get(i + 1).and_then(|next| Language::parse(next)),
            _ => None,
        });
    Language::resolve(asked, None)
}

/// Prints what clap found wrong with the command line (or the help and version it was
/// asked for) and returns the exit code: 0 for help and version, 2 otherwise.
fn usage_error(error: &clap::Error, language: Language) -> i32 {
    if !error.use_stderr() {
        let _ = error.print();
        return ExitCode::Clean as i32;
    }
    match said(error, language) {
        // What clap says in English is its own; in German, what fora knows how to say.
        Some(said) if language == Language::De || invalid_value(error) => {
            let (style, label) = (report::ERROR, t!(language, "error-label"));
            let mut stderr = anstream::stderr();
            let _ = writeln!(stderr, "{style}{label}{style:#}: {said}");
            let _ = writeln!(stderr);
            let _ = writeln!(stderr, "{}", t!(language, "usage-hint"));
        }
        _ => {
            let _ = error.print();
        }
    }
    ExitCode::Input as i32
}

/// Whether clap rejected a value with one of fora's own errors.
fn invalid_value(error: &clap::Error) -> bool {
    error.kind() == ErrorKind::ValueValidation && own_error(error).is_some()
}

/// The error of fora's that a value parser gave, if it was one.
fn own_error(error: &clap::Error) -> Option<&dyn Render> {
    let source = std::error::Error::source(error)?;
    if let Some(error) = source.downcast_ref::<crate::error::ValueError>() {
        return Some(error);
    }
    source
        .downcast_ref::<crate::model::DurationError>()
        .map(|e| e as &dyn Render)
}

/// A clap error in words of `language`, for the kinds organisers meet.
fn said(error: &clap::Error, l: Language) -> Option<String> {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => Some(texts.join(", ")),
        _ => None,
    };
    // clap may suggest several: name the one most like what was typed.
    let closest = |kind, typed: ContextKind| match error.get(kind) {
        Some(ContextValue::Strings(texts)) => {
            let typed = context(typed).unwrap_or_default();
            crate::suggest::nearest(&typed, texts.iter().map(String::as_str))
                .map(|(name, _)| name.to_owned())
        }
        _ => context(kind),
    };
    // `--day <DATE>` names the flag as `--day`.
    let flag = || {
        context(ContextKind::InvalidArg)
            .map(|arg| arg.split([' ', '=']).next().unwrap_or_default().to_owned())
            .unwrap_or_default()
    };
    Some(match error.kind() {
        ErrorKind::ValueValidation => match own_error(error) {
            Some(own) => format!("{} {}", flag(), own.render(l)),
            None => t!(
                l,
                "usage-invalid-value",
                flag = flag(),
                value = context(ContextKind::InvalidValue)?
            ),
        },
        ErrorKind::InvalidValue => t!(
            l,
            "usage-possible-values",
            flag = flag(),
            value = context(ContextKind::InvalidValue)?,
            values = context(ContextKind::ValidValue).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => {
            match closest(ContextKind::SuggestedArg, ContextKind::InvalidArg) {
                Some(closest) => t!(
                    l,
                    "usage-unknown-argument-closest",
                    argument = context(ContextKind::InvalidArg)?,
                    closest = closest
                ),
                None => t!(
                    l,
                    "usage-unknown-argument",
                    argument = context(ContextKind::InvalidArg)?
                ),
            }
        }
        ErrorKind::InvalidSubcommand => match closest(
            ContextKind::SuggestedSubcommand,
            ContextKind::InvalidSubcommand,
        ) {
            Some(closest) => t!(
                l,
                "usage-unknown-command-closest",
                command = context(ContextKind::InvalidSubcommand)?,
                closest = closest
            ),
            None => t!(
                l,
                "usage-unknown-command",
                command = context(ContextKind::InvalidSubcommand)?
            ),
        },
        ErrorKind::MissingRequiredArgument => {
            t!(
                l,
                "usage-missing",
                arguments = context(ContextKind::InvalidArg)?
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            t!(l, "usage-missing-command")
        }
        ErrorKind::ArgumentConflict => t!(
            l,
            "usage-conflict",
            argument = flag(),
            other = context(ContextKind::PriorArg).unwrap_or_default()
        ),
        _ => return None,
    })
}
