//! The command line beside the window: `check` for teachers' batches and for tests.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::export::{Format, Names};
use crate::i18n::{Language, tr, tr_args, tr_count};
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

/// A command line that does not make sense, said in the words of the user's language
/// (the one asked for with `--lang`, wherever it stands).
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError {
    pub message: String,
    pub language: Language,
}

/// The language asked for with `--lang`, looked up before anything else so that every
/// complaint about the command line is in that language.
fn requested_language(args: &[String]) -> Language {
    let mut iter = args.iter();
    let mut found = None;
    while let Some(arg) = iter.next() {
        let value = match arg.strip_prefix("--lang=") {
            Some(value) => Some(value),
            None if arg == "--lang" => iter.next().map(String::as_str),
            None if arg == "--" => break,
            None => None,
        };
        if let Some(language) = value.and_then(Language::from_code) {
            found = Some(language);
        }
    }
    found.unwrap_or_default()
}

/// The options and words of a command line, before they are checked against each other.
#[derive(Default)]
struct Flags {
    language: Option<Language>,
    method: Option<PathBuf>,
    positional: Vec<String>,
    format: Option<Format>,
    output: Option<PathBuf>,
    names: Names,
    allow_personal_data: bool,
    help: bool,
    version: bool,
}

/// Makes a usage error in the language asked for.
struct Usage(Language);

impl Usage {
    fn error(&self, key: &str, args: &[(&str, &str)]) -> UsageError {
        UsageError {
            message: tr_args(self.0, key, args),
            language: self.0,
        }
    }

    fn language(&self, value: &str) -> Result<Language, UsageError> {
        Language::from_code(value)
            .ok_or_else(|| self.error("cli.error.lang_unknown", &[("value", value)]))
    }

    fn format(&self, value: &str) -> Result<Format, UsageError> {
        Format::from_extension(value)
            .ok_or_else(|| self.error("cli.error.format_unknown", &[("value", value)]))
    }
}

pub fn parse(args: &[String]) -> Result<Invocation, UsageError> {
    let usage = Usage(requested_language(args));
    let flags = read_flags(args, &usage)?;
    invocation(flags, &usage)
}

fn read_flags(args: &[String], usage: &Usage) -> Result<Flags, UsageError> {
    let mut flags = Flags::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value_of = |missing: &str| iter.next().ok_or_else(|| usage.error(missing, &[]));
        match arg.as_str() {
            "--" => {
                flags.positional.extend(iter.cloned());
                break;
            }
            "-h" | "--help" => flags.help = true,
            "--with-names" => flags.names = Names::Real,
            "--allow-personal-data" => flags.allow_personal_data = true,
            "-V" | "--version" => flags.version = true,
            "--lang" => flags.language = Some(usage.language(value_of("cli.error.lang_missing")?)?),
            "--method" => {
                flags.method = Some(PathBuf::from(value_of("cli.error.method_missing")?));
            }
            "--format" | "-f" => {
                flags.format = Some(usage.format(value_of("cli.error.format_missing")?)?);
            }
            "--output" | "-o" => {
                flags.output = Some(PathBuf::from(value_of("cli.error.output_missing")?));
            }
            other => {
                if let Some(value) = other.strip_prefix("--format=") {
                    flags.format = Some(usage.format(value)?);
                } else if let Some(value) = other.strip_prefix("--output=") {
                    flags.output = Some(PathBuf::from(value));
                } else if let Some(value) = other.strip_prefix("--lang=") {
                    flags.language = Some(usage.language(value)?);
                } else if other.starts_with('-') && other.len() > 1 {
                    return Err(usage.error("cli.error.unknown_option", &[("option", other)]));
                } else {
                    flags.positional.push(arg.clone());
                }
            }
        }
    }
    Ok(flags)
}

fn invocation(mut flags: Flags, usage: &Usage) -> Result<Invocation, UsageError> {
    let lang = flags.language.unwrap_or_default();
    if flags.help {
        return Ok(Invocation::Help(lang));
    }
    if flags.version {
        return Ok(Invocation::Version);
    }
    let command = flags.positional.first().map(String::as_str);
    let files = || -> Vec<PathBuf> { flags.positional[1..].iter().map(PathBuf::from).collect() };
    if command == Some("export") {
        let files = files();
        if files.is_empty() {
            return Err(usage.error("cli.error.no_files", &[("command", "export")]));
        }
        let format = flags
            .format
            .ok_or_else(|| usage.error("cli.error.format_missing", &[]))?;
        return Ok(Invocation::Export(ExportOptions {
            language: lang,
            files,
            format,
            output: flags.output,
            method: flags.method,
            names: flags.names,
            allow_personal_data: flags.allow_personal_data,
        }));
    }
    let export_only = flags.format.is_some()
        || flags.output.is_some()
        || flags.names == Names::Real
        || flags.allow_personal_data;
    if export_only {
        return Err(usage.error("cli.error.export_only", &[]));
    }
    if let Some(command @ ("check" | "upgrade")) = command {
        let files = files();
        if files.is_empty() {
            return Err(usage.error("cli.error.no_files", &[("command", command)]));
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
    if flags.positional.len() > 1 {
        return Err(usage.error("cli.error.one_file", &[]));
    }
    Ok(Invocation::Gui(GuiOptions {
        file: flags.positional.pop().map(PathBuf::from),
        method: flags.method,
        language: flags.language,
    }))
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
    let text = if total == 1 {
        tr(language, &format!("{key}.single")).to_owned()
    } else {
        tr_count(language, key, bad, &[("total", &total.to_string())])
    };
    let _ = writeln!(err, "{text}");
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
    let stem = storage::case_stem(&file_name);
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
        tr_count(language, "cli.export.personal_data", findings.len(), &[])
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
        let target = export_target(path, options.output.as_deref(), several, options.format);
        match export_one(options, &method, path, &target, today, err) {
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
            Err(Reported) => bad += 1,
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

/// A failure that has been printed already.
struct Reported;

/// Loads, checks and exports one file to `target`; says on `err` why not.
fn export_one(
    options: &ExportOptions,
    method: &Method,
    path: &Path,
    target: &Path,
    today: chrono::NaiveDate,
    err: &mut impl Write,
) -> Result<(), Reported> {
    let language = options.language;
    let case = storage::load_case(path).map_err(|error| {
        report_load_error(language, path, &error, err);
        Reported
    })?;
    if !options.allow_personal_data {
        let leaving = match options.names {
            Names::Pseudonymised => crate::privacy::pseudonymise(&case, language),
            Names::Real => case.clone(),
        };
        let findings = crate::privacy::check_case(&leaving);
        if !findings.is_empty() {
            report_findings(language, path, &leaving, &findings, err);
            return Err(Reported);
        }
    }
    if target == path {
        let same = tr_args(
            language,
            "cli.export.same_file",
            &[("path", &path.display().to_string())],
        );
        let _ = writeln!(err, "{same}");
        return Err(Reported);
    }
    let format = options.format;
    crate::export::export(&case, method, language, format, options.names, today)
        .map_err(|e| messages::export_error(language, &e))
        .and_then(|bytes| {
            storage::write_atomically(target, &bytes, false)
                .map_err(|e| messages::save_error(language, target, &e))
        })
        .map_err(|message| {
            let _ = writeln!(err, "{}: {message}", path.display());
            Reported
        })
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
