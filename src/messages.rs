//! Turns typed errors into sentences in the user's language, for the window and the CLI.

use std::path::Path;

use crate::i18n::{Language, tr, tr_args};
use crate::method::{MethodError, MethodProblem};
use crate::storage::{LoadError, SaveError};

/// One sentence (or two) that says what is wrong with a case file and what to do.
pub fn load_error(language: Language, error: &LoadError) -> String {
    let t = |key| tr(language, key).to_owned();
    match error {
        LoadError::Read(reason) => tr_args(language, "error.load.read", &[("reason", reason)]),
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
        LoadError::Syntax {
            line,
            column,
            message,
        } => tr_args(
            language,
            "error.load.syntax",
            &[
                ("line", &line.to_string()),
                ("column", &column.to_string()),
                ("detail", message),
            ],
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

pub fn save_error(language: Language, path: &Path, error: &SaveError) -> String {
    use std::io::ErrorKind;
    let reason = match error.io_kind() {
        Some(ErrorKind::PermissionDenied) => tr(language, "error.save.permission").to_owned(),
        Some(ErrorKind::StorageFull) | Some(ErrorKind::QuotaExceeded) => {
            tr(language, "error.save.full").to_owned()
        }
        Some(ErrorKind::ReadOnlyFilesystem) => tr(language, "error.save.read_only").to_owned(),
        Some(ErrorKind::NotFound) => tr(language, "error.save.no_folder").to_owned(),
        _ => error.to_string(),
    };
    tr_args(
        language,
        "error.save",
        &[("path", &path.display().to_string()), ("reason", &reason)],
    )
}

pub fn method_error(language: Language, path: &Path, error: &MethodError) -> String {
    let detail = match error {
        MethodError::Read(reason) => reason.clone(),
        MethodError::Syntax {
            line,
            column,
            message,
        } => tr_args(
            language,
            "error.method.syntax",
            &[
                ("line", &line.to_string()),
                ("column", &column.to_string()),
                ("detail", message),
            ],
        ),
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

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}
