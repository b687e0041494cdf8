//! The command line beside the window: `check` for teachers' batches and for tests.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use crate::export::{Format, Names, ReportKind};
use crate::i18n::{Language, tr_args};

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
    /// Gather the signals of the case files in folders (and files) into one report.
    Signals(SignalsOptions),
    /// Compare the sessions of several groups on one case, as HTML or CSV.
    Compare(CompareOptions),
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
    /// `--style FILE`: the organisation's report style instead of the built-in one.
    pub style: Option<PathBuf>,
    /// `--with-names`: real names instead of pseudonyms.
    pub names: Names,
    /// `--allow-personal-data`: export even when the check finds personal data.
    pub allow_personal_data: bool,
    /// `--report team|letter`: the team's report (default) or the letter to the resident.
    pub report: ReportKind,
    /// `--reflection NAME`: a student's hand-in, with that participant's own reflection.
    pub reflection: Option<String>,
}

/// `swan-casus signals DIR_OR_FILE… --format F [--output FILE]`.
#[derive(Debug, PartialEq, Eq)]
pub struct SignalsOptions {
    pub language: Language,
    /// Folders (their `*.swan.ron` files, not their subfolders) and files.
    pub inputs: Vec<PathBuf>,
    pub format: Format,
    /// The report file, or a folder to put it in; in the first input's folder when not
    /// given.
    pub output: Option<PathBuf>,
    pub method: Option<PathBuf>,
    pub names: Names,
}

#[derive(Debug, PartialEq, Eq)]
pub struct CompareOptions {
    pub language: Language,
    /// Case files and folders of case files.
    pub inputs: Vec<PathBuf>,
    /// HTML or CSV.
    pub format: Format,
    /// The file to write; standard output when not given.
    pub output: Option<PathBuf>,
    pub method: Option<PathBuf>,
    /// `--with-names`: real names instead of pseudonyms.
    pub names: Names,
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
fn requested_language(args: &[OsString]) -> Language {
    let mut iter = args.iter().map(|a| a.to_str());
    let mut found = None;
    while let Some(arg) = iter.next() {
        let value = match arg {
            Some("--lang") => iter.next().flatten(),
            Some("--") => break,
            Some(arg) => arg.strip_prefix("--lang="),
            None => None,
        };
        if let Some(language) = value.and_then(Language::from_code) {
            found = Some(language);
        }
    }
    found.unwrap_or_default()
}

/// The value of `--name=VALUE`, also when the value is not UTF-8 (a file name).
fn value_after(arg: &OsStr, prefix: &str) -> Option<OsString> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let rest = arg.as_bytes().strip_prefix(prefix.as_bytes())?;
        Some(OsStr::from_bytes(rest).to_owned())
    }
    #[cfg(not(unix))]
    {
        arg.to_str()?.strip_prefix(prefix).map(OsString::from)
    }
}

/// The options and words of a command line, before they are checked against each other.
#[derive(Default)]
struct Flags {
    language: Option<Language>,
    method: Option<PathBuf>,
    positional: Vec<OsString>,
    format: Option<Format>,
    output: Option<PathBuf>,
    style: Option<PathBuf>,
    names: Names,
    allow_personal_data: bool,
    report: Option<ReportKind>,
    reflection: Option<String>,
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

    fn report(&self, value: &str) -> Result<ReportKind, UsageError> {
        ReportKind::from_name(value)
            .ok_or_else(|| self.error("cli.unknown_report", &[("name", value)]))
    }

    fn format(&self, value: &str) -> Result<Format, UsageError> {
        Format::from_extension(value)
            .ok_or_else(|| self.error("cli.error.format_unknown", &[("value", value)]))
    }
}

/// Reads the command line. Arguments are file names as the system gives them, so a
/// name that is not UTF-8 is a file like any other.
pub fn parse(args: &[OsString]) -> Result<Invocation, UsageError> {
    let usage = Usage(requested_language(args));
    let flags = read_flags(args, &usage)?;
    invocation(flags, &usage)
}

fn read_flags(args: &[OsString], usage: &Usage) -> Result<Flags, UsageError> {
    let mut flags = Flags::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value_of = |missing: &str| iter.next().ok_or_else(|| usage.error(missing, &[]));
        let text = |value: &OsString| value.to_string_lossy().into_owned();
        match arg.to_str().unwrap_or("") {
            "--" => {
                flags.positional.extend(iter.cloned());
                break;
            }
            "-h" | "--help" => flags.help = true,
            "--with-names" => flags.names = Names::Real,
            "--allow-personal-data" => flags.allow_personal_data = true,
            "-V" | "--version" => flags.version = true,
            "--lang" => {
                let value = text(value_of("cli.error.lang_missing")?);
                flags.language = Some(usage.language(&value)?);
            }
            "--method" => {
                flags.method = Some(PathBuf::from(value_of("cli.error.method_missing")?));
            }
            "--format" | "-f" => {
                let value = text(value_of("cli.error.format_missing")?);
                flags.format = Some(usage.format(&value)?);
            }
            "--report" => {
                let value = text(value_of("cli.error.report_missing")?);
                flags.report = Some(usage.report(&value)?);
            }
            "--reflection" => {
                flags.reflection = Some(text(value_of("cli.error.reflection_missing")?));
            }
            "--output" | "--out" | "-o" => {
                flags.output = Some(PathBuf::from(value_of("cli.error.output_missing")?));
            }
            "--style" => {
                flags.style = Some(PathBuf::from(value_of("cli.error.style_missing")?));
            }
            _ => read_other(arg, usage, &mut flags)?,
        }
    }
    Ok(flags)
}

/// An `--option=value`, an unknown option, or a word (a command or a file).
fn read_other(arg: &OsString, usage: &Usage, flags: &mut Flags) -> Result<(), UsageError> {
    let lossy = arg.to_string_lossy();
    if let Some(value) = lossy.strip_prefix("--format=") {
        flags.format = Some(usage.format(value)?);
    } else if let Some(value) = value_after(arg, "--output=").or_else(|| value_after(arg, "--out="))
    {
        flags.output = Some(PathBuf::from(value));
    } else if let Some(value) = lossy.strip_prefix("--report=") {
        flags.report = Some(usage.report(value)?);
    } else if let Some(value) = lossy.strip_prefix("--reflection=") {
        flags.reflection = Some(value.to_owned());
    } else if let Some(value) = value_after(arg, "--style=") {
        flags.style = Some(PathBuf::from(value));
    } else if let Some(value) = lossy.strip_prefix("--lang=") {
        flags.language = Some(usage.language(value)?);
    } else if lossy.starts_with('-') && lossy.len() > 1 {
        let option = printable(&lossy);
        return Err(usage.error("cli.error.unknown_option", &[("option", &option)]));
    } else {
        flags.positional.push(arg.clone());
    }
    Ok(())
}

fn invocation(mut flags: Flags, usage: &Usage) -> Result<Invocation, UsageError> {
    let lang = flags.language.unwrap_or_default();
    if flags.help {
        return Ok(Invocation::Help(lang));
    }
    if flags.version {
        return Ok(Invocation::Version);
    }
    let command = flags.positional.first().and_then(|c| c.to_str());
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
            style: flags.style,
            names: flags.names,
            allow_personal_data: flags.allow_personal_data,
            report: flags.report.unwrap_or_default(),
            reflection: flags.reflection,
        }));
    }
    if command == Some("signals") && flags.report.is_none() && !flags.allow_personal_data {
        let inputs = files();
        if inputs.is_empty() {
            return Err(usage.error("cli.error.no_files", &[("command", "signals")]));
        }
        let format = flags
            .format
            .ok_or_else(|| usage.error("cli.error.signals_format", &[]))?;
        return Ok(Invocation::Signals(SignalsOptions {
            language: lang,
            inputs,
            format,
            output: flags.output,
            method: flags.method,
            names: flags.names,
        }));
    }
    if command == Some("compare") {
        return compare_invocation(flags, usage);
    }
    let export_only = flags.format.is_some()
        || flags.output.is_some()
        || flags.style.is_some()
        || flags.names == Names::Real
        || flags.allow_personal_data
        || flags.report.is_some()
        || flags.reflection.is_some();
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

/// `compare FILE_OR_DIR… --format html|csv [--output FILE]`.
fn compare_invocation(flags: Flags, usage: &Usage) -> Result<Invocation, UsageError> {
    let inputs: Vec<PathBuf> = flags.positional[1..].iter().map(PathBuf::from).collect();
    if inputs.is_empty() {
        return Err(usage.error("cli.error.no_files", &[("command", "compare")]));
    }
    let format = flags
        .format
        .ok_or_else(|| usage.error("cli.error.format_missing", &[]))?;
    if !matches!(format, Format::Html | Format::Csv) {
        let value = format.extension();
        return Err(usage.error("cli.error.compare_format", &[("value", value)]));
    }
    if flags.allow_personal_data {
        return Err(usage.error("cli.error.export_only", &[]));
    }
    Ok(Invocation::Compare(CompareOptions {
        language: flags.language.unwrap_or_default(),
        inputs,
        format,
        output: flags.output,
        method: flags.method,
        names: flags.names,
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

mod run;

pub use run::{Terminal, check, compare, export, printable, signals, upgrade};

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
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
    fn parses_compare_with_files_folders_and_out() {
        assert_eq!(
            parse(&args(&[
                "compare",
                "a.swan.ron",
                "klas",
                "--format",
                "csv",
                "--out",
                "v.csv"
            ])),
            Ok(Invocation::Compare(CompareOptions {
                language: Language::Nl,
                inputs: vec!["a.swan.ron".into(), "klas".into()],
                format: Format::Csv,
                output: Some("v.csv".into()),
                method: None,
                names: Names::Pseudonymised,
            }))
        );
        assert!(parse(&args(&["compare", "a", "b"])).is_err(), "no format");
        assert!(
            parse(&args(&["compare", "--format", "html"])).is_err(),
            "no files"
        );
        let pdf = parse(&args(&[
            "compare", "a", "b", "--format", "pdf", "--lang", "en",
        ]));
        assert!(pdf.unwrap_err().message.contains("only html or csv"));
    }

    #[test]
    fn rejects_nonsense() {
        assert!(parse(&args(&["--frobnicate"])).is_err());
        assert!(parse(&args(&["--lang", "fr"])).is_err());
        assert!(parse(&args(&["check"])).is_err());
        assert!(parse(&args(&["a", "b"])).is_err());
    }
}
