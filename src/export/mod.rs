//! Exports of a case: one pure function builds a format-independent `Report` (the plan
//! and what led to it), and each format renders that report. CSV is the one exception:
//! it is a table of interventions, built from the same rows as the report's plan table.
//! No egui here.

pub mod csv;
pub mod document;
pub mod docx;
mod fonts;
pub mod html;
pub mod markdown;
pub mod meeting;
pub mod pdf;
pub mod plan;
pub mod signals;
pub mod style;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::i18n::Language;
use crate::method::Method;
use crate::model::Case;

pub use document::{Block, Column, Report, Table};
pub use style::{ReportStyle, StyleColour, StyleProblem};

/// The formats a case can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    Pdf,
    Docx,
    Html,
    Markdown,
    Csv,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Pdf,
        Format::Docx,
        Format::Html,
        Format::Markdown,
        Format::Csv,
    ];

    /// The file extension, which is also the name on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
        }
    }

    pub fn from_extension(name: &str) -> Option<Format> {
        let name = name.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.extension() == name || (name == "markdown" && *f == Format::Markdown))
    }

    /// The key of the format's name in the translation files.
    pub fn label_key(self) -> &'static str {
        match self {
            Format::Pdf => "export.format.pdf",
            Format::Docx => "export.format.docx",
            Format::Html => "export.format.html",
            Format::Markdown => "export.format.md",
            Format::Csv => "export.format.csv",
        }
    }
}

/// Why an export could not be made. Nothing is written when this happens.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("cannot make the {format:?} file: {detail}")]
    Render { format: Format, detail: String },
    /// The report style (assets/report/style.ron) has a value no format can use.
    #[error("cannot make the {format:?} file: {problem}")]
    Style {
        format: Format,
        problem: StyleProblem,
    },
}

/// Whether an export shows the pseudonyms (the default) or the registered real names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Names {
    #[default]
    Pseudonymised,
    Real,
}

/// Which report of a case is made. The team report is the default: the plan and what
/// led to it. Add a kind here, with its name on the command line and in the dialog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReportKind {
    /// The intervention plan and the discussion (CSV: the interventions).
    #[default]
    Team,
    /// The signals of the case, by receiver and theme (CSV: one row per signal).
    Signals,
}

impl ReportKind {
    pub const ALL: [ReportKind; 2] = [ReportKind::Team, ReportKind::Signals];

    /// The name on the command line (`--report signals`).
    pub fn name(self) -> &'static str {
        match self {
            ReportKind::Team => "team",
            ReportKind::Signals => "signals",
        }
    }

    pub fn from_name(name: &str) -> Option<ReportKind> {
        let name = name.to_ascii_lowercase();
        ReportKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The key of the kind's name in the translation files.
    pub fn label_key(self) -> &'static str {
        match self {
            ReportKind::Team => "export.report.team",
            ReportKind::Signals => "export.report.signals",
        }
    }
}

/// What an export is made of besides the case: which report, and the name of the case
/// file it came from (shown in the CSV; `None` for a case not saved yet).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSource {
    pub report: ReportKind,
    pub file_name: Option<String>,
}

/// The team report of a case, as the bytes of a file in `format`.
pub fn export(
    case: &Case,
    method: &Method,
    language: Language,
    format: Format,
    names: Names,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    export_from(
        case,
        method,
        language,
        format,
        names,
        today,
        &ExportSource::default(),
    )
}

/// The report `source.report` of a case, as the bytes of a file in `format`.
pub fn export_from(
    case: &Case,
    method: &Method,
    language: Language,
    format: Format,
    names: Names,
    today: NaiveDate,
    source: &ExportSource,
) -> Result<Vec<u8>, ExportError> {
    let file_name = source.file_name.clone().unwrap_or_default();
    if source.report == ReportKind::Signals {
        let loaded = crate::signals::LoadedCase {
            path: file_name.into(),
            case: case.clone(),
        };
        let gathered = crate::signals::gather(&[loaded], method, language, names);
        return render_signals(&gathered, &[], method, language, format, today);
    }
    let pseudonymised;
    let (case, file_name) = match names {
        Names::Pseudonymised => {
            let hidden = crate::privacy::pseudonymise_text(case, language, &file_name);
            pseudonymised = crate::privacy::pseudonymise(case, language);
            (&pseudonymised, hidden)
        }
        Names::Real => (case, file_name),
    };
    let style = ReportStyle::builtin();
    let report = || plan::build_report(case, method, language, today);
    match format {
        Format::Csv => Ok(csv::render(
            &plan::intervention_rows(case, method, language),
            language,
            &file_name,
        )),
        _ => render(&report(), &style, format),
    }
}

/// A report in one of the document formats (not CSV, which is a table of its own).
fn render(report: &Report, style: &ReportStyle, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Pdf => pdf::render(report, style),
        Format::Docx => docx::render(report, style),
        Format::Html => Ok(html::render(report, style).into_bytes()),
        Format::Markdown | Format::Csv => Ok(markdown::render(report).into_bytes()),
    }
}

/// The signals of one case or many, gathered, in `format`; `skipped` names the files
/// that could not be read, with why.
pub fn render_signals(
    gathered: &crate::signals::Gathered,
    skipped: &[signals::Skipped],
    method: &Method,
    language: Language,
    format: Format,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => Ok(signals::render_csv(gathered, method, language)),
        _ => {
            let report = signals::build_report(gathered, skipped, method, language, today);
            render(&report, &ReportStyle::builtin(), format)
        }
    }
}
