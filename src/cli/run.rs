//! The commands: `check`, `upgrade` and `export`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CompareOptions, ExportOptions, SignalsOptions};
use crate::export::{Contents, Format, Names, ReflectionChoice, ReportKind, ReportStyle};
use crate::i18n::{Language, tr, tr_args, tr_count};
use crate::messages;
use crate::method::Method;
use crate::model::Case;
use crate::storage;

/// Prints the line for a file that failed to load: `path:line:column: message`, the
/// form editors and CI logs recognise.
fn report_load_error(
    language: Language,
    path: &std::path::Path,
    error: &storage::LoadError,
    err: &mut impl Write,
) {
    let place = load_place(path, error);
    let _ = writeln!(err, "{place}: {}", messages::load_error(language, error));
}

/// `path:line:column` when the problem has a place in the file, else the path.
fn load_place(path: &Path, error: &storage::LoadError) -> String {
    match error.position() {
        Some((line, column)) => format!("{}:{line}:{column}", path.display()),
        None => path.display().to_string(),
    }
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

/// Prints the sentence `key` with these paths filled in.
fn say(out: &mut impl Write, language: Language, key: &str, paths: &[(&str, &Path)]) {
    let shown: Vec<(&str, String)> = paths
        .iter()
        .map(|(name, path)| (*name, path.display().to_string()))
        .collect();
    let args: Vec<(&str, &str)> = shown.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let _ = writeln!(out, "{}", tr_args(language, key, &args));
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
        match storage::load_case_stamped(path) {
            Ok((case, stamp)) => match upgrade_one(path, &case, &stamp) {
                Ok(()) => say(out, language, "cli.upgrade.ok", &[("path", path)]),
                Err(error) => {
                    bad += 1;
                    let _ = writeln!(err, "{}", messages::save_error_cli(language, path, &error));
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

/// Writes the case back, unless the file changed since it was read (then nothing is
/// written: another program's save is never lost).
fn upgrade_one(
    path: &Path,
    case: &crate::model::Case,
    read: &storage::FileStamp,
) -> Result<(), storage::SaveError> {
    let options = storage::WriteOptions {
        expected: Some(read),
        ..Default::default()
    };
    storage::save_case_with(path, case, &options)
}

/// Where the export of `input` goes: the given file, into the given folder, or next to
/// the input, named after it with the format's extension.
fn export_target(
    input: &Path,
    output: Option<&Path>,
    several: bool,
    (format, kind, language): (Format, ReportKind, Language),
) -> PathBuf {
    let mut name = storage::case_stem_os(input.file_name().unwrap_or_default());
    if kind == ReportKind::Letter {
        name.push(" - ");
        name.push(tr(language, "letter.file_name"));
    }
    name.push(".");
    name.push(format.extension());
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
/// any failed (those outputs are not written at all), 2 when the method, the style or the
/// output folder is unusable.
pub fn export(options: &ExportOptions, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let language = options.language;
    let Some(method) = method_for(language, options.method.as_deref(), err) else {
        return 2;
    };
    let style = match &options.style {
        Some(path) => match ReportStyle::load(path) {
            Ok(style) => style,
            Err(error) => {
                let _ = writeln!(err, "{}", messages::style_error(language, path, &error));
                return 2;
            }
        },
        None => ReportStyle::builtin(),
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
    let targets: Vec<PathBuf> = options
        .files
        .iter()
        .map(|path| {
            let kind = (options.format, options.report, options.language);
            export_target(path, options.output.as_deref(), several, kind)
        })
        .collect();
    if let Err(message) = check_targets(language, &options.files, &targets) {
        let _ = writeln!(err, "{message}");
        return 2;
    }
    let today = chrono::Local::now().date_naive();
    let mut bad = 0;
    for (path, target) in options.files.iter().zip(&targets) {
        match export_one(options, (&method, &style), path, target, today, err) {
            Ok(()) => {
                let paths = [("path", path.as_path()), ("output", target.as_path())];
                say(out, language, "cli.export.ok", &paths);
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

/// The method file asked for, else the built-in method; says on `err` why a file is
/// unusable.
fn method_or_builtin(
    language: Language,
    path: Option<&Path>,
    err: &mut impl Write,
) -> Result<Method, Reported> {
    match path {
        Some(path) => Method::load(path).map_err(|error| {
            let _ = writeln!(err, "{}", messages::method_error(language, path, &error));
            Reported
        }),
        None => Ok(Method::builtin()),
    }
}

/// Compares the sessions in the files and folders named, writing the HTML or CSV to
/// the output file, or to `data` (standard output) when none is given. Files that do not
/// load are listed on `err` and left out. Returns 0 when the comparison was written, 1
/// when fewer than two sessions loaded or the output could not be written, 2 when the
/// method or the output is unusable.
pub fn compare(
    options: &CompareOptions,
    data: &mut impl Write,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let language = options.language;
    let Ok(method) = method_or_builtin(language, options.method.as_deref(), err) else {
        return 2;
    };
    let loaded = crate::compare::load_sessions(&options.inputs);
    for skipped in &loaded.skipped {
        report_load_error(language, &skipped.path, &skipped.error, err);
    }
    let comparison = match crate::compare::compare(
        &loaded.sessions,
        &loaded.skipped,
        &method,
        language,
        options.names,
    ) {
        Ok(comparison) => comparison,
        Err(too_few) => {
            let _ = writeln!(
                err,
                "{}",
                crate::compare::too_few_message(language, &too_few)
            );
            return 1;
        }
    };
    let today = chrono::Local::now().date_naive();
    let bytes = crate::export::compare::render(&comparison, options.format, today);
    let Some(target) = &options.output else {
        return match data.write_all(&bytes).and_then(|()| data.flush()) {
            Ok(()) => 0,
            Err(_) => 1,
        };
    };
    let inputs: Vec<&Path> = loaded.sessions.iter().map(|s| s.path.as_path()).collect();
    if let Err(e) = storage::check_output(target, &inputs) {
        let _ = writeln!(err, "{}", messages::save_error_cli(language, target, &e));
        return 2;
    }
    if let Err(e) = storage::write_atomically(target, &bytes, false) {
        let _ = writeln!(err, "{}", messages::save_error_cli(language, target, &e));
        return 1;
    }
    let count = loaded.sessions.len().to_string();
    let output = target.display().to_string();
    let _ = writeln!(
        out,
        "{}",
        tr_args(
            language,
            "cli.compare.written",
            &[("count", &count), ("output", &output)]
        )
    );
    0
}

/// Refuses, before anything is written, outputs that would replace an input (however
/// either is spelt), that are not a regular file or a new name, or that two inputs
/// would both write.
fn check_targets(
    language: Language,
    inputs: &[PathBuf],
    targets: &[PathBuf],
) -> Result<(), String> {
    let input_refs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let mut seen: Vec<(PathBuf, &Path)> = Vec::new();
    for (input, target) in inputs.iter().zip(targets) {
        storage::check_output(target, &input_refs)
            .map_err(|e| messages::save_error_cli(language, target, &e))?;
        let key = same_place(target);
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            return Err(tr_args(
                language,
                "cli.export.same_output",
                &[
                    ("output", &target.display().to_string()),
                    ("first", &first.display().to_string()),
                    ("second", &input.display().to_string()),
                ],
            ));
        }
        seen.push((key, input));
    }
    Ok(())
}

/// The path with its folder spelt canonically, to compare outputs that may not exist yet.
fn same_place(path: &Path) -> PathBuf {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(folder), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// A failure that has been printed already.
struct Reported;

/// Loads, checks and exports one file to `target`; says on `err` why not.
fn export_one(
    options: &ExportOptions,
    (method, style): (&Method, &ReportStyle),
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
        let real_names = options.names == Names::Real;
        let findings = crate::privacy::check_export(&case, real_names, language);
        let leaving = match options.names {
            Names::Pseudonymised => crate::privacy::pseudonymise(&case, language),
            Names::Real => case.clone(),
        };
        if !findings.is_empty() {
            report_findings(language, path, &leaving, &findings, err);
            return Err(Reported);
        }
    }
    let format = options.format;
    let reflection = match &options.reflection {
        None => ReflectionChoice::LeftOut,
        Some(name) => student_reflection(language, &case, name).map_err(|message| {
            let _ = writeln!(err, "{}: {message}", path.display());
            Reported
        })?,
    };
    let contents = Contents {
        kind: options.report,
        reflection,
        names: options.names,
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
    };
    if options.report == crate::export::ReportKind::Letter
        && !crate::export::letter::would_mislead(&case)
    {
        letter_warnings(options, method, &case, path, err);
    }
    crate::export::export_contents(&case, method, style, language, format, today, &contents)
        .map_err(|e| messages::export_error(language, &e))
        .and_then(|bytes| {
            storage::write_atomically(target, &bytes, false)
                .map_err(|e| messages::save_error_cli(language, target, &e))
        })
        .map_err(|message| {
            let _ = writeln!(err, "{}: {message}", path.display());
            Reported
        })
}

/// Before a letter goes out: the chosen interventions it leaves out, and what the
/// plain-language check finds in the texts the resident reads. Advice on `err`, never a
/// refusal; pseudonymised like the letter, as the lines may end up in a log.
fn letter_warnings(
    options: &ExportOptions,
    method: &Method,
    case: &Case,
    path: &Path,
    err: &mut impl Write,
) {
    let language = options.language;
    let shown = match options.names {
        Names::Pseudonymised => crate::privacy::pseudonymise(case, language),
        Names::Real => case.clone(),
    };
    if let Some(warning) = crate::export::letter::left_out_warning(&shown, language) {
        let _ = writeln!(err, "{}: {warning}", path.display());
    }
    for text in crate::plain::letter_texts(&shown) {
        let issues = crate::plain::check(text, language, &method.jargon);
        if issues.is_empty() {
            continue;
        }
        let start: Vec<&str> = text.split_whitespace().take(6).collect();
        let found: Vec<String> = issues
            .iter()
            .map(|issue| crate::plain::describe(language, issue))
            .collect();
        let _ = writeln!(
            err,
            "{}: {} — ‘{} …’: {}",
            path.display(),
            tr(language, "plain.title"),
            start.join(" "),
            found.join(" · ")
        );
    }
}

/// The method asked for with `--method`, or the built-in one; says on `err` why not.
fn method_for(language: Language, path: Option<&Path>, err: &mut impl Write) -> Option<Method> {
    match path {
        Some(path) => match Method::load(path) {
            Ok(method) => Some(method),
            Err(error) => {
                let _ = writeln!(err, "{}", messages::method_error(language, path, &error));
                None
            }
        },
        None => Some(Method::builtin()),
    }
}

/// Where the signals report goes: the file given, into the folder given, or into the
/// first input's folder, named "signalen" (or "signals") with the format's extension.
fn signals_target(options: &SignalsOptions) -> PathBuf {
    let name = format!(
        "{}.{}",
        tr(options.language, "cli.signals.file_name"),
        options.format.extension()
    );
    match &options.output {
        Some(out) if out.is_dir() => out.join(name),
        Some(out) => out.clone(),
        None => {
            let first = options.inputs.first().map(PathBuf::as_path);
            let folder = match first {
                Some(p) if p.is_dir() => p.to_path_buf(),
                Some(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
                None => PathBuf::new(),
            };
            folder.join(name)
        }
    }
}

/// Gathers the signals of every case file the inputs name into one report. A file that
/// does not load is said on `err` and skipped. Returns 0 when the report was written,
/// 1 when there was no case to gather from or it could not be written, 2 when the
/// method or the output is unusable.
pub fn signals(options: &SignalsOptions, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let language = options.language;
    let Some(method) = method_for(language, options.method.as_deref(), err) else {
        return 2;
    };
    let target = signals_target(options);
    let (files, _) = crate::signals::load::case_files(&options.inputs);
    let inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    if let Err(e) = storage::check_output(&target, &inputs) {
        let _ = writeln!(err, "{}", messages::save_error_cli(language, &target, &e));
        return 2;
    }
    let loaded = crate::signals::load::load(&options.inputs);
    for (path, error) in &loaded.skipped {
        let place = load_place(path, error);
        let message = messages::load_error(language, error);
        let line = tr_args(
            language,
            "cli.signals.skipped",
            &[("place", &place), ("message", &message)],
        );
        let _ = writeln!(err, "{line}");
    }
    let skipped = crate::signals::load::skipped_lines(&loaded.skipped, language);
    if loaded.cases.is_empty() {
        let text = if loaded.skipped.is_empty() {
            let paths: Vec<String> = options
                .inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            tr_args(
                language,
                "cli.signals.no_cases",
                &[("paths", &paths.join(", "))],
            )
        } else {
            tr_count(
                language,
                "cli.signals.none_loaded",
                loaded.skipped.len(),
                &[],
            )
        };
        let _ = writeln!(err, "{text}");
        return 1;
    }
    let gathered = crate::signals::gather(&loaded.cases, &method, language, options.names);
    for copy in &gathered.copies {
        say(
            err,
            language,
            "cli.signals.copy",
            &[("path", &copy.path), ("first", &copy.same_as)],
        );
    }
    let today = chrono::Local::now().date_naive();
    let style = ReportStyle::builtin();
    let written = crate::export::render_signals(
        &gathered,
        &skipped,
        (&method, &style),
        language,
        options.format,
        today,
    )
    .map_err(|e| messages::export_error(language, &e))
    .and_then(|bytes| {
        storage::write_atomically(&target, &bytes, false)
            .map_err(|e| messages::save_error_cli(language, &target, &e))
    });
    match written {
        Ok(()) => {
            let shown = target.display().to_string();
            let text = tr_count(
                language,
                "cli.signals.ok",
                gathered.cases.len(),
                &[("output", &shown)],
            );
            let _ = writeln!(out, "{text}");
            0
        }
        Err(message) => {
            let _ = writeln!(err, "{message}");
            1
        }
    }
}

/// The participant named `name` (any case), whose own reflection goes into a hand-in.
fn student_reflection(
    language: Language,
    case: &Case,
    name: &str,
) -> Result<ReflectionChoice, String> {
    let wanted = name.trim().to_lowercase();
    let Some(student) = case
        .participants
        .iter()
        .find(|p| p.name.trim().to_lowercase() == wanted)
    else {
        let names: Vec<&str> = case.participants.iter().map(|p| p.name.trim()).collect();
        return Err(tr_args(
            language,
            "cli.no_such_student",
            &[("name", name.trim()), ("names", &names.join(", "))],
        ));
    };
    match case.closing.personal(student.id) {
        Some(_) => Ok(ReflectionChoice::Of(student.id)),
        None => Err(tr_args(
            language,
            "cli.no_reflection",
            &[("name", student.name.trim())],
        )),
    }
}

/// Loads each file; prints one line per file, and one more per hand edit that loads
/// but does harm (`lint`). Returns the process exit code: 0 when all files are valid,
/// 1 otherwise.
pub fn check(
    language: Language,
    files: &[PathBuf],
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let method = Method::builtin();
    let mut bad = 0;
    for path in files {
        let case = match storage::load_case(path) {
            Ok(case) => case,
            Err(error) => {
                bad += 1;
                report_load_error(language, path, &error, err);
                continue;
            }
        };
        let findings = crate::lint::lint(&case, &method);
        for finding in &findings {
            let message = messages::lint_finding(language, &method, finding);
            let _ = writeln!(err, "{}: {message}", path.display());
        }
        if findings.is_empty() {
            let ok = tr_args(
                language,
                "cli.check.ok",
                &[
                    ("path", &path.display().to_string()),
                    ("title", &printable(&case.title)),
                ],
            );
            let _ = writeln!(out, "{ok}");
        } else {
            bad += 1;
        }
    }
    summary(language, bad, files.len(), err)
}

/// Text safe to print to a terminal: control characters (escape sequences, carriage
/// returns, bells) from a file's title or name are shown as �, never run.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// A terminal or a log: every line written through it is made printable, keeping only
/// its line breaks.
pub struct Terminal<W>(pub W);

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let clean: String = text
            .split('\n')
            .map(printable)
            .collect::<Vec<_>>()
            .join("\n");
        self.0.write_all(clean.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
