//! Turns typed errors into sentences in the user's language, for the window and the CLI.

use std::path::Path;

use crate::export::style::FONT_SIZES;
use crate::export::{ExportError, LogoProblem, StyleColour, StyleError, StyleProblem};
use crate::i18n::{Language, tr, tr_args};
use crate::method::{MethodError, MethodProblem};
use crate::model::{IdProblem, MAX_ITEM_ID};
use crate::storage::{LoadError, SaveError};
use crate::syntax::{SyntaxError, SyntaxProblem};

/// One sentence (or two) that says what is wrong with a case file and what to do.
pub fn load_error(language: Language, error: &LoadError) -> String {
    let t = |key| tr(language, key).to_owned();
    match error {
        LoadError::Read(kind) => tr_args(
            language,
            "error.load.read",
            &[("reason", &io_kind_reason(language, *kind))],
        ),
        LoadError::TooLarge { size, limit } => tr_args(
            language,
            "error.load.too_large",
            &[("size", &megabytes(*size)), ("limit", &megabytes(*limit))],
        ),
        LoadError::NotText { offset } => tr_args(
            language,
            "error.load.not_text",
            &[("offset", &offset.to_string())],
        ),
        LoadError::Empty => t("error.load.empty"),
        LoadError::NotACaseFile => t("error.load.not_case_file"),
        LoadError::NotAFile => t("error.load.not_a_file"),
        LoadError::TextTooLong { chars, limit } => tr_args(
            language,
            "error.load.text_too_long",
            &[("chars", &chars.to_string()), ("limit", &limit.to_string())],
        ),
        LoadError::NewerVersion { found, supported } => tr_args(
            language,
            "error.load.newer",
            &[
                ("found", &found.to_string()),
                ("supported", &supported.to_string()),
            ],
        ),
        LoadError::UnknownVersion(v) => tr_args(
            language,
            "error.load.unknown_version",
            &[("version", &v.to_string())],
        ),
        LoadError::Syntax(e) => syntax_error(language, "error.load.syntax", e),
        LoadError::BadId(IdProblem::Duplicate(id)) => tr_args(
            language,
            "error.load.duplicate_id",
            &[("id", &id.to_string())],
        ),
        LoadError::BadId(IdProblem::TooLarge(id)) => tr_args(
            language,
            "error.load.id_too_large",
            &[("id", &id.to_string()), ("max", &MAX_ITEM_ID.to_string())],
        ),
    }
}

/// The message for a file that failed to open, with its path in front.
pub fn load_error_with_path(language: Language, path: &Path, error: &LoadError) -> String {
    tr_args(
        language,
        "error.load.with_path",
        &[
            ("path", &path.display().to_string()),
            ("message", &load_error(language, error)),
        ],
    )
}

/// Why saving failed, with advice for the window ("Opslaan als…").
pub fn save_error(language: Language, path: &Path, error: &SaveError) -> String {
    save_error_with(language, path, error, "error.save")
}

/// Why writing failed, with advice for the command line.
pub fn save_error_cli(language: Language, path: &Path, error: &SaveError) -> String {
    match error {
        SaveError::SameAsInput(_) => tr_args(
            language,
            "cli.export.same_file",
            &[("path", &path.display().to_string())],
        ),
        _ => save_error_with(language, path, error, "cli.error.save"),
    }
}

fn save_error_with(language: Language, path: &Path, error: &SaveError, key: &str) -> String {
    use std::io::ErrorKind;
    if let Some(refusal) = save_refusal(language, error) {
        return refusal;
    }
    let reason = match error.io_kind() {
        Some(ErrorKind::PermissionDenied) => tr(language, "error.save.permission").to_owned(),
        Some(ErrorKind::StorageFull) | Some(ErrorKind::QuotaExceeded) => {
            tr(language, "error.save.full").to_owned()
        }
        Some(ErrorKind::ReadOnlyFilesystem) => tr(language, "error.save.read_only").to_owned(),
        Some(ErrorKind::NotFound) => tr(language, "error.save.no_folder").to_owned(),
        Some(kind) => io_kind_reason(language, kind),
        None => tr(language, "error.save.serialise").to_owned(),
    };
    tr_args(
        language,
        key,
        &[("path", &path.display().to_string()), ("reason", &reason)],
    )
}

/// A save the app refused itself, to keep a file safe: the whole sentence.
fn save_refusal(language: Language, error: &SaveError) -> Option<String> {
    let with_path =
        |key, path: &Path| tr_args(language, key, &[("path", &path.display().to_string())]);
    Some(match error {
        SaveError::NotAFile(path) => with_path("error.save.not_a_file", path),
        SaveError::ReadOnly(path) => with_path("error.save.read_only_file", path),
        SaveError::ChangedOnDisk(path) => with_path("error.save.changed", path),
        SaveError::SameAsInput(path) => with_path("error.save.same_as_input", path),
        SaveError::HardLinked { path, links } => tr_args(
            language,
            "error.save.hard_linked",
            &[
                ("path", &path.display().to_string()),
                ("links", &links.to_string()),
            ],
        ),
        SaveError::TooLarge { size, limit } => tr_args(
            language,
            "error.save.too_large",
            &[("size", &megabytes(*size)), ("limit", &megabytes(*limit))],
        ),
        SaveError::Write { .. } | SaveError::Serialise(_) => return None,
    })
}

/// The operating system's reason for a failed file operation, in the user's language.
pub fn io_reason(language: Language, error: &std::io::Error) -> String {
    io_kind_reason(language, error.kind())
}

/// The same, from the kind of error alone.
pub fn io_kind_reason(language: Language, kind: std::io::ErrorKind) -> String {
    use std::io::ErrorKind;
    let key = match kind {
        ErrorKind::NotFound => "io.not_found",
        ErrorKind::PermissionDenied => "io.permission",
        ErrorKind::AlreadyExists => "io.exists",
        ErrorKind::IsADirectory => "io.is_directory",
        ErrorKind::NotADirectory => "io.not_directory",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "io.full",
        ErrorKind::ReadOnlyFilesystem => "io.read_only",
        ErrorKind::InvalidData => "io.invalid_data",
        ErrorKind::Interrupted | ErrorKind::TimedOut | ErrorKind::WouldBlock => "io.busy",
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => "io.busy",
        ErrorKind::FileTooLarge => "io.too_large",
        ErrorKind::InvalidFilename => "io.bad_name",
        ErrorKind::CrossesDevices => "io.crosses_devices",
        _ => "io.other",
    };
    tr(language, key).to_owned()
}

pub fn export_error(language: Language, error: &ExportError) -> String {
    let (format, detail) = match error {
        ExportError::Render { format, detail } => (format, detail.clone()),
        ExportError::Style { format, problem } => (format, style_problem(language, problem)),
        ExportError::LetterFormat { format } => {
            (format, tr(language, "error.letter_format").to_owned())
        }
        ExportError::LetterWithoutAgreements { format, chosen } => (
            format,
            crate::i18n::tr_count(language, "error.letter_without_agreements", *chosen, &[]),
        ),
    };
    tr_args(
        language,
        "error.export",
        &[
            ("format", tr(language, format.label_key())),
            ("detail", &detail),
        ],
    )
}

fn style_problem(language: Language, problem: &StyleProblem) -> String {
    match problem {
        StyleProblem::Colour { colour, value } => tr_args(
            language,
            match colour {
                StyleColour::Accent => "error.export.style.accent",
                StyleColour::Light => "error.export.style.light",
            },
            &[("value", value)],
        ),
        StyleProblem::FontSize(size) => tr_args(
            language,
            "error.export.style.font_size",
            &[
                ("size", &size.to_string()),
                ("min", &FONT_SIZES.start().to_string()),
                ("max", &FONT_SIZES.end().to_string()),
            ],
        ),
    }
}

/// Why an organisation's style file cannot be used, naming the file.
pub fn style_error(language: Language, path: &Path, error: &StyleError) -> String {
    let detail = match error {
        StyleError::Read(kind) => io_kind_reason(language, *kind),
        StyleError::Syntax(e) => syntax_error(language, "error.style.syntax", e),
        StyleError::Invalid(problem) => style_problem(language, problem),
        StyleError::Logo { path, problem } => {
            let reason = match problem {
                LogoProblem::Read(kind) => tr_args(
                    language,
                    "error.style.logo_read",
                    &[("reason", &io_kind_reason(language, *kind))],
                ),
                LogoProblem::TooBig { bytes } => tr_args(
                    language,
                    "error.style.logo_too_big",
                    &[
                        ("size", &kilobytes(*bytes)),
                        ("max", &kilobytes(crate::export::style::MAX_LOGO_BYTES)),
                    ],
                ),
                LogoProblem::NotAnImage => tr(language, "error.style.logo_not_image").to_owned(),
            };
            tr_args(
                language,
                "error.style.logo",
                &[("path", &path.display().to_string()), ("reason", &reason)],
            )
        }
    };
    tr_args(
        language,
        "error.style",
        &[("path", &path.display().to_string()), ("detail", &detail)],
    )
}

/// A file size in whole kilobytes, rounded up: "1025 kB".
fn kilobytes(bytes: u64) -> String {
    format!("{} kB", bytes.div_ceil(1024))
}

pub fn method_error(language: Language, path: &Path, error: &MethodError) -> String {
    let detail = match error {
        MethodError::Read(kind) => io_kind_reason(language, *kind),
        MethodError::Syntax(e) => syntax_error(language, "error.method.syntax", e),
        MethodError::Invalid(problem) => method_problem(language, problem),
    };
    tr_args(
        language,
        "error.method",
        &[("path", &path.display().to_string()), ("detail", &detail)],
    )
}

fn method_problem(language: Language, problem: &MethodProblem) -> String {
    match problem {
        MethodProblem::LevelCount(n) => tr_args(
            language,
            "error.method.levels",
            &[("count", &n.to_string())],
        ),
        MethodProblem::PhaseCount(n) => tr_args(
            language,
            "error.method.phases",
            &[("count", &n.to_string())],
        ),
        MethodProblem::PromptLevels { phase, found } => tr_args(
            language,
            "error.method.prompt_levels",
            &[("phase", &phase.to_string()), ("count", &found.to_string())],
        ),
        MethodProblem::Empty(what) => tr_args(language, "error.method.empty", &[("what", what)]),
        MethodProblem::DuplicateKey(key) => {
            tr_args(language, "error.method.duplicate", &[("key", key)])
        }
    }
}

/// A mistake at a place in a RON file, through the sentence `key` that names the place.
fn syntax_error(language: Language, key: &str, error: &SyntaxError) -> String {
    tr_args(
        language,
        key,
        &[
            ("line", &error.line.to_string()),
            ("column", &error.column.to_string()),
            ("detail", &syntax_problem(language, &error.problem)),
        ],
    )
}

fn syntax_problem(language: Language, problem: &SyntaxProblem) -> String {
    let t = |key| tr(language, key).to_owned();
    match problem {
        SyntaxProblem::CutOff => t("error.syntax.cut_off"),
        SyntaxProblem::Expected(what) => tr_args(
            language,
            "error.syntax.expected",
            &[("what", tr(language, what.key()))],
        ),
        SyntaxProblem::UnknownField { field } => {
            tr_args(language, "error.syntax.unknown_field", &[("field", field)])
        }
        SyntaxProblem::UnknownChoice { found, expected } => tr_args(
            language,
            "error.syntax.unknown_choice",
            &[("found", found), ("expected", expected)],
        ),
        SyntaxProblem::MissingField(field) => {
            tr_args(language, "error.syntax.missing_field", &[("field", field)])
        }
        SyntaxProblem::DuplicateField(field) => tr_args(
            language,
            "error.syntax.duplicate_field",
            &[("field", field)],
        ),
        SyntaxProblem::WrongValue { expected, found } => tr_args(
            language,
            "error.syntax.wrong_value",
            &[("expected", expected), ("found", found)],
        ),
        SyntaxProblem::NumberOutOfRange => t("error.syntax.number_range"),
        SyntaxProblem::BadEscape => t("error.syntax.bad_escape"),
        SyntaxProblem::UnexpectedChar(c) => tr_args(
            language,
            "error.syntax.unexpected_char",
            &[("char", &c.escape_debug().to_string())],
        ),
        SyntaxProblem::TrailingText => t("error.syntax.trailing"),
        SyntaxProblem::TooDeep => t("error.syntax.too_deep"),
        SyntaxProblem::NotADate => t("error.syntax.not_a_date"),
        SyntaxProblem::NoSuchDate { year, month, day } => {
            let month_name = tr(language, &format!("month.{month}"));
            let date = format!("{day} {month_name} {year}");
            tr_args(language, "error.syntax.no_such_date", &[("date", &date)])
        }
        SyntaxProblem::QuoteOpen => t("error.syntax.quote_open"),
        SyntaxProblem::Other(detail) => {
            tr_args(language, "error.syntax.other", &[("detail", detail)])
        }
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// What `check` says about a hand edit that loads but does harm, with the keys the
/// method knows where a key is wrong.
pub fn lint_finding(
    language: Language,
    method: &crate::method::Method,
    finding: &crate::lint::Finding,
) -> String {
    use crate::lint::Finding;
    let keys = |list: Vec<&str>| list.join(", ");
    let (key, id, value, known) = match finding {
        Finding::UnknownCondition { item, key } => (
            "check.unknown_condition",
            item,
            key.clone(),
            keys(method.conditions.iter().map(|c| c.key.as_str()).collect()),
        ),
        Finding::UnknownFactor { item, key } => (
            "check.unknown_factor",
            item,
            key.clone(),
            keys(method.factors.iter().map(|f| f.key.as_str()).collect()),
        ),
        Finding::UnknownRole { participant, key } => (
            "check.unknown_role",
            participant,
            key.clone(),
            keys(method.roles.iter().map(|r| r.key.as_str()).collect()),
        ),
        Finding::UnknownContributor { item, participant } => {
            let value = participant.to_string();
            ("check.unknown_contributor", item, value, String::new())
        }
        Finding::UnknownOwner { item, participant } => {
            let value = participant.to_string();
            ("check.unknown_owner", item, value, String::new())
        }
        Finding::HiddenNote { item } => ("check.hidden_note", item, String::new(), String::new()),
    };
    tr_args(
        language,
        key,
        &[
            ("id", &id.to_string()),
            ("value", &value),
            ("known", &known),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;

    #[test]
    fn a_broken_report_style_is_explained_in_the_users_language() {
        let error = ExportError::Style {
            format: Format::Docx,
            problem: StyleProblem::FontSize(72.0),
        };
        let nl = export_error(Language::Nl, &error);
        assert!(
            nl.contains("lettergrootte 72 pt") && nl.contains("tussen 5 en 40 pt"),
            "{nl}"
        );
        let error = ExportError::Style {
            format: Format::Pdf,
            problem: StyleProblem::Colour {
                colour: StyleColour::Light,
                value: "blue".into(),
            },
        };
        let en = export_error(Language::En, &error);
        assert!(en.contains("light colour ‘blue’"), "{en}");
    }
}
