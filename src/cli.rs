//! The command line beside the window: `check` for teachers' batches and for tests.

use std::io::Write;
use std::path::PathBuf;

use crate::i18n::{Language, tr, tr_args};
use crate::messages;
use crate::storage;

/// What the user asked for on the command line.
#[derive(Debug, PartialEq, Eq)]
pub enum Invocation {
    /// Open the window, optionally with a case file.
    Gui(GuiOptions),
    /// Validate case files.
    Check {
        language: Language,
        files: Vec<PathBuf>,
    },
    /// Rewrite case files in the current format, atomically, keeping a .bak.
    Upgrade {
        language: Language,
        files: Vec<PathBuf>,
    },
    Help(Language),
    Version,
}

#[derive(Debug, PartialEq, Eq, Default)]
pub struct GuiOptions {
    pub file: Option<PathBuf>,
    pub method: Option<PathBuf>,
    /// Overrides the remembered interface language for this run.
    pub language: Option<Language>,
}

/// A command line that does not make sense, said in the words of the user's language.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

pub fn parse(args: &[String]) -> Result<Invocation, UsageError> {
    let mut language: Option<Language> = None;
    let mut method = None;
    let mut positional = Vec::new();
    let mut help = false;
    let mut version = false;
    let mut only_files = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if only_files {
            positional.push(arg.clone());
            continue;
        }
        match arg.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => help = true,
            "-V" | "--version" => version = true,
            "--lang" => {
                let value = iter
                    .next()
                    .ok_or_else(|| usage("cli.error.lang_missing", &[]))?;
                language = Some(
                    Language::from_code(value)
                        .ok_or_else(|| usage("cli.error.lang_unknown", &[("value", value)]))?,
                );
            }
            "--method" => {
                let value = iter
                    .next()
                    .ok_or_else(|| usage("cli.error.method_missing", &[]))?;
                method = Some(PathBuf::from(value));
            }
            other if other.starts_with("--lang=") => {
                let value = &other["--lang=".len()..];
                language = Some(
                    Language::from_code(value)
                        .ok_or_else(|| usage("cli.error.lang_unknown", &[("value", value)]))?,
                );
            }
            other if other.starts_with('-') && other.len() > 1 => {
                return Err(usage("cli.error.unknown_option", &[("option", other)]));
            }
            _ => positional.push(arg.clone()),
        }
    }
    let lang = language.unwrap_or_default();
    if help {
        return Ok(Invocation::Help(lang));
    }
    if version {
        return Ok(Invocation::Version);
    }
    let command = positional.first().map(String::as_str);
    if let Some(command @ ("check" | "upgrade")) = command {
        let files: Vec<PathBuf> = positional[1..].iter().map(PathBuf::from).collect();
        if files.is_empty() {
            return Err(UsageError(tr_args(
                lang,
                "cli.error.no_files",
                &[("command", command)],
            )));
        }
        return Ok(if command == "check" {
            Invocation::Check {
                language: lang,
                files,
            }
        } else {
            Invocation::Upgrade {
                language: lang,
                files,
            }
        });
    }
    if positional.len() > 1 {
        return Err(UsageError(tr(lang, "cli.error.one_file").to_owned()));
    }
    Ok(Invocation::Gui(GuiOptions {
        file: positional.pop().map(PathBuf::from),
        method,
        language,
    }))
}

fn usage(key: &str, args: &[(&str, &str)]) -> UsageError {
    UsageError(tr_args(Language::default(), key, args))
}

pub fn help_text(language: Language) -> String {
    tr_args(
        language,
        "cli.help",
        &[("version", env!("CARGO_PKG_VERSION"))],
    )
}

pub fn version_text() -> String {
    format!("swan-casus {}", env!("CARGO_PKG_VERSION"))
}

/// Prints the line for a file that failed to load: `path:line:column: message`, the
/// form editors and CI logs recognise.
fn report_load_error(
    language: Language,
    path: &std::path::Path,
    error: &storage::LoadError,
    err: &mut impl Write,
) {
    let place = match error.position() {
        Some((line, column)) => format!("{}:{line}:{column}", path.display()),
        None => path.display().to_string(),
    };
    let _ = writeln!(err, "{place}: {}", messages::load_error(language, error));
}

fn summary(language: Language, bad: usize, total: usize, err: &mut impl Write) -> i32 {
    if bad == 0 {
        return 0;
    }
    let _ = writeln!(
        err,
        "{}",
        tr_args(
            language,
            "cli.check.summary",
            &[("bad", &bad.to_string()), ("total", &total.to_string())],
        )
    );
    1
}

/// Rewrites each file in the current format. A file that does not load is left alone.
pub fn upgrade(
    language: Language,
    files: &[PathBuf],
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let mut bad = 0;
    for path in files {
        let result = storage::load_case(path);
        match result {
            Ok(case) => match storage::save_case(path, &case) {
                Ok(()) => {
                    let _ = writeln!(
                        out,
                        "{}",
                        tr_args(
                            language,
                            "cli.upgrade.ok",
                            &[("path", &path.display().to_string())]
                        )
                    );
                }
                Err(error) => {
                    bad += 1;
                    let _ = writeln!(err, "{}", messages::save_error(language, path, &error));
                }
            },
            Err(error) => {
                bad += 1;
                report_load_error(language, path, &error, err);
            }
        }
    }
    summary(language, bad, files.len(), err)
}

/// Loads each file; prints one line per file. Returns the process exit code: 0 when all
/// files are valid, 1 otherwise.
pub fn check(
    language: Language,
    files: &[PathBuf],
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let mut bad = 0;
    for path in files {
        match storage::load_case(path) {
            Ok(case) => {
                let _ = writeln!(
                    out,
                    "{}",
                    tr_args(
                        language,
                        "cli.check.ok",
                        &[
                            ("path", &path.display().to_string()),
                            ("title", &case.title),
                        ],
                    )
                );
            }
            Err(error) => {
                bad += 1;
                report_load_error(language, path, &error, err);
            }
        }
    }
    summary(language, bad, files.len(), err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_gui_file_method_and_language() {
        assert_eq!(
            parse(&args(&[
                "case.swan.ron",
                "--method",
                "m.ron",
                "--lang",
                "en"
            ])),
            Ok(Invocation::Gui(GuiOptions {
                file: Some("case.swan.ron".into()),
                method: Some("m.ron".into()),
                language: Some(Language::En),
            }))
        );
        assert_eq!(
            parse(&args(&[])),
            Ok(Invocation::Gui(GuiOptions::default()))
        );
    }

    #[test]
    fn parses_check_help_and_version() {
        assert_eq!(
            parse(&args(&["check", "a", "b", "--lang=en"])),
            Ok(Invocation::Check {
                language: Language::En,
                files: vec!["a".into(), "b".into()]
            })
        );
        assert_eq!(
            parse(&args(&["--help"])),
            Ok(Invocation::Help(Language::Nl))
        );
        assert_eq!(parse(&args(&["-V"])), Ok(Invocation::Version));
    }

    #[test]
    fn rejects_nonsense() {
        assert!(parse(&args(&["--frobnicate"])).is_err());
        assert!(parse(&args(&["--lang", "fr"])).is_err());
        assert!(parse(&args(&["check"])).is_err());
        assert!(parse(&args(&["a", "b"])).is_err());
    }
}
