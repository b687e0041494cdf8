//! The command line beside the window: `check` for teachers' batches and for tests.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::export::{Format, Names};
use crate::i18n::{Language, tr, tr_args};
use crate::messages;
use crate::method::Method;
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
    /// Export case files as a plan in one format, one output per input.
    Export(ExportOptions),
    Help(Language),
    Version,
}

#[derive(Debug, PartialEq, Eq)]
pub struct ExportOptions {
    pub language: Language,
    pub files: Vec<PathBuf>,
    pub format: Format,
    /// A file (one input) or a folder; next to each input when not given.
    pub output: Option<PathBuf>,
    pub method: Option<PathBuf>,
    /// `--with-names`: real names instead of pseudonyms.
    pub names: Names,
    /// `--allow-personal-data`: export even when the check finds personal data.
    pub allow_personal_data: bool,
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
    let mut format: Option<Format> = None;
    let mut output: Option<PathBuf> = None;
    let mut names = Names::Pseudonymised;
    let mut allow_personal_data = false;
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
            "--with-names" => names = Names::Real,
            "--allow-personal-data" => allow_personal_data = true,
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
            "--format" | "-f" => {
                let value = iter
                    .next()
                    .ok_or_else(|| usage("cli.error.format_missing", &[]))?;
                format = Some(parse_format(value)?);
            }
            "--output" | "-o" => {
                let value = iter
                    .next()
                    .ok_or_else(|| usage("cli.error.output_missing", &[]))?;
                output = Some(PathBuf::from(value));
            }
            other if other.starts_with("--format=") => {
                format = Some(parse_format(&other["--format=".len()..])?);
            }
            other if other.starts_with("--output=") => {
                output = Some(PathBuf::from(&other["--output=".len()..]));
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
    if command == Some("export") {
        let files: Vec<PathBuf> = positional[1..].iter().map(PathBuf::from).collect();
        if files.is_empty() {
            return Err(UsageError(tr_args(
                lang,
                "cli.error.no_files",
                &[("command", "export")],
            )));
        }
        let format =
            format.ok_or_else(|| UsageError(tr(lang, "cli.error.format_missing").to_owned()))?;
        return Ok(Invocation::Export(ExportOptions {
            language: lang,
            files,
            format,
            output,
            method,
            names,
            allow_personal_data,
        }));
    }
    if format.is_some() || output.is_some() || names == Names::Real || allow_personal_data {
        return Err(UsageError(tr(lang, "cli.error.export_only").to_owned()));
    }
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

fn parse_format(value: &str) -> Result<Format, UsageError> {
    Format::from_extension(value)
        .ok_or_else(|| usage("cli.error.format_unknown", &[("value", value)]))
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
    summary_with(language, "cli.check.summary", bad, total, err)
}

fn summary_with(
    language: Language,
    key: &str,
    bad: usize,
    total: usize,
    err: &mut impl Write,
) -> i32 {
    if bad == 0 {
        return 0;
    }
    let _ = writeln!(
        err,
        "{}",
        tr_args(
            language,
            key,
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

/// Where the export of `input` goes: the given file, into the given folder, or next to
/// the input, named after it with the format's extension.
fn export_target(input: &Path, output: Option<&Path>, several: bool, format: Format) -> PathBuf {
    let file_name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = file_name
        .strip_suffix(".swan.ron")
        .or_else(|| file_name.strip_suffix(".ron"))
        .unwrap_or(&file_name);
    let name = format!("{stem}.{}", format.extension());
    match output {
        Some(out) if several || out.is_dir() => out.join(name),
        Some(out) => out.to_path_buf(),
        None => input.with_file_name(name),
    }
}

/// The refusal of an export with personal data: one line per finding, and what to do.
fn report_findings(
    language: Language,
    path: &Path,
    case: &crate::model::Case,
    findings: &[crate::privacy::CaseFinding],
    err: &mut impl Write,
) {
    let _ = writeln!(
        err,
        "{}: {}",
        path.display(),
        tr_args(
            language,
            "cli.export.personal_data",
            &[("count", &findings.len().to_string())]
        )
    );
    for finding in findings {
        let _ = writeln!(
            err,
            "  {}: {}: “{}”",
            crate::privacy::place_label(case, finding.place, language),
            tr(language, crate::privacy::kind_key(finding.kind)),
            finding.found
        );
    }
}

/// Exports each file; prints where each went. Returns 0 when all were written, 1 when
/// any failed (those outputs are not written at all), 2 when the method or the output
/// folder is unusable.
pub fn export(options: &ExportOptions, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let language = options.language;
    let method = match &options.method {
        Some(path) => match Method::load(path) {
            Ok(method) => method,
            Err(error) => {
                let _ = writeln!(err, "{}", messages::method_error(language, path, &error));
                return 2;
            }
        },
        None => Method::builtin(),
    };
    let several = options.files.len() > 1;
    if let Some(folder) = &options.output
        && several
        && !folder.is_dir()
    {
        let _ = writeln!(
            err,
            "{}",
            tr_args(
                language,
                "cli.export.no_folder",
                &[("path", &folder.display().to_string())]
            )
        );
        return 2;
    }
    let today = chrono::Local::now().date_naive();
    let mut bad = 0;
    for path in &options.files {
        let case = match storage::load_case(path) {
            Ok(case) => case,
            Err(error) => {
                bad += 1;
                report_load_error(language, path, &error, err);
                continue;
            }
        };
        if !options.allow_personal_data {
            let leaving = match options.names {
                Names::Pseudonymised => crate::privacy::pseudonymise(&case, language),
                Names::Real => case.clone(),
            };
            let findings = crate::privacy::check_case(&leaving);
            if !findings.is_empty() {
                bad += 1;
                report_findings(language, path, &leaving, &findings, err);
                continue;
            }
        }
        let target = export_target(path, options.output.as_deref(), several, options.format);
        if target == *path {
            bad += 1;
            let _ = writeln!(
                err,
                "{}",
                tr_args(
                    language,
                    "cli.export.same_file",
                    &[("path", &path.display().to_string())]
                )
            );
            continue;
        }
        let written = crate::export::export(
            &case,
            &method,
            language,
            options.format,
            options.names,
            today,
        )
        .map_err(|e| messages::export_error(language, &e))
        .and_then(|bytes| {
            storage::write_atomically(&target, &bytes, false)
                .map_err(|e| messages::save_error(language, &target, &e))
        });
        match written {
            Ok(()) => {
                let _ = writeln!(
                    out,
                    "{}",
                    tr_args(
                        language,
                        "cli.export.ok",
                        &[
                            ("path", &path.display().to_string()),
                            ("output", &target.display().to_string()),
                        ],
                    )
                );
            }
            Err(message) => {
                bad += 1;
                let _ = writeln!(err, "{}: {message}", path.display());
            }
        }
    }
    summary_with(
        language,
        "cli.export.summary",
        bad,
        options.files.len(),
        err,
    )
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

    /// A double-click runs `swan-casus %f`: the launcher passes the path as one argument,
    /// spaces and all.
    #[test]
    fn opens_a_path_with_spaces_from_the_desktop_launcher() {
        let path = "/home/wmo consultant/Mijn casussen/Scootmobiel mevrouw (78).swan.ron";
        assert_eq!(
            parse(&args(&[path])),
            Ok(Invocation::Gui(GuiOptions {
                file: Some(path.into()),
                ..GuiOptions::default()
            }))
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
