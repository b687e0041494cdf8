//! Exports of a case: one pure function builds a format-independent `Report` (the plan
//! and what led to it), and each format renders that report. CSV is the one exception:
//! it is a table of interventions, built from the same rows as the report's plan table.
//! No egui here.

pub mod compare;
pub mod csv;
pub mod document;
pub mod docx;
pub mod follow_up;
mod fonts;
pub mod html;
pub mod letter;
pub mod markdown;
pub mod meeting;
pub mod pdf;
pub mod plan;
pub mod signals;
pub mod style;
mod summary;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::i18n::Language;
use crate::method::Method;
use crate::model::Case;

pub use document::{Block, Column, Report, Table};
pub use plan::ReflectionChoice;
pub use style::{LogoProblem, ReportStyle, StyleColour, StyleError, StyleProblem};

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
    /// The letter to the resident is a document, not a table: no CSV.
    #[error("the letter to the resident cannot be made as {format:?}")]
    LetterFormat { format: Format },
    /// Interventions were chosen, but none has a text for the resident: the letter
    /// would say nothing was agreed.
    #[error("none of the {chosen} chosen interventions has a text for the resident")]
    LetterWithoutAgreements { format: Format, chosen: usize },
}

/// Which document to make of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ReportKind {
    /// The team's report: a summary first, then the details.
    #[default]
    Team,
    /// "Wat we met u afspreken": the letter to the resident, in plain language.
    Letter,
    /// The signals of the case, by receiver and theme (CSV: one row per signal).
    Signals,
}

impl ReportKind {
    pub const ALL: [ReportKind; 3] = [ReportKind::Team, ReportKind::Letter, ReportKind::Signals];

    /// The name on the command line (`--report team`).
    pub fn name(self) -> &'static str {
        match self {
            ReportKind::Team => "team",
            ReportKind::Letter => "letter",
            ReportKind::Signals => "signals",
        }
    }

    pub fn from_name(name: &str) -> Option<ReportKind> {
        let name = name.to_ascii_lowercase();
        ReportKind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            ReportKind::Team => "export.report.team",
            ReportKind::Letter => "export.report.letter",
            ReportKind::Signals => "export.report.signals",
        }
    }

    /// The formats this document can be made in.
    pub fn formats(self) -> &'static [Format] {
        match self {
            ReportKind::Team | ReportKind::Signals => &Format::ALL,
            ReportKind::Letter => &[Format::Pdf, Format::Docx, Format::Html],
        }
    }
}

/// What goes into an export: which document, for a team report which personal
/// reflection (a student's hand-in), if any, pseudonyms or real names, and the name of
/// the case file it came from (shown in the CSV; `None` for a case not saved yet).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Contents {
    pub kind: ReportKind,
    pub reflection: ReflectionChoice,
    pub names: Names,
    pub file_name: Option<String>,
}

/// Whether an export shows the pseudonyms (the default) or the registered real names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Names {
    #[default]
    Pseudonymised,
    Real,
}

/// The team report of a case, as the bytes of a file in `format`.
pub fn export(
    case: &Case,
    method: &Method,
    style: &ReportStyle,
    language: Language,
    format: Format,
    names: Names,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let contents = Contents {
        names,
        ..Contents::default()
    };
    export_contents(case, method, style, language, format, today, &contents)
}

/// The chosen document of a case, as the bytes of a file in `format`.
pub fn export_contents(
    case: &Case,
    method: &Method,
    style: &ReportStyle,
    language: Language,
    format: Format,
    today: NaiveDate,
    contents: &Contents,
) -> Result<Vec<u8>, ExportError> {
    let names = contents.names;
    if !contents.kind.formats().contains(&format) {
        return Err(ExportError::LetterFormat { format });
    }
    if contents.kind == ReportKind::Letter && letter::would_mislead(case) {
        let chosen = case.chosen().count();
        return Err(ExportError::LetterWithoutAgreements { format, chosen });
    }
    let file_name = contents.file_name.clone().unwrap_or_default();
    if contents.kind == ReportKind::Signals {
        let loaded = crate::signals::LoadedCase {
            path: file_name.into(),
            case: case.clone(),
        };
        let gathered = crate::signals::gather(&[loaded], method, language, names);
        return render_signals(&gathered, &[], (method, style), language, format, today);
    }
    // Chosen on the original: the pseudonymised case has no real names left.
    let addressee = letter_addressee(case, names);
    let pseudonymised;
    let (case, file_name) = match names {
        Names::Pseudonymised => {
            let hidden = crate::privacy::pseudonymise_text(case, language, &file_name);
            pseudonymised = crate::privacy::pseudonymise(case, language);
            (&pseudonymised, hidden)
        }
        Names::Real => (case, file_name),
    };
    let report = || match contents.kind {
        ReportKind::Letter => letter::build_letter(case, language, today, &addressee),
        _ => plan::build_report_with(case, method, language, today, contents.reflection),
    };
    match format {
        Format::Csv => Ok(csv::render(
            &plan::intervention_rows(case, method, language),
            language,
            &file_name,
        )),
        _ => render(&report(), style, format),
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
    (method, style): (&Method, &ReportStyle),
    language: Language,
    format: Format,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => Ok(signals::render_csv(gathered, method, language)),
        _ => {
            let report = signals::build_report(gathered, skipped, method, language, today);
            render(&report, style, format)
        }
    }
}

/// Whom the letter addresses: the chosen person's real name when the user chose so (or
/// exports with real names), their pseudonym otherwise; nobody when no person is chosen.
fn letter_addressee(case: &Case, names: Names) -> String {
    let Some(person) = case
        .letter
        .addressee
        .and_then(|id| case.persons.iter().find(|p| p.id == id))
    else {
        return String::new();
    };
    let real = person.real_name.trim();
    if (case.letter.by_real_name || names == Names::Real) && !real.is_empty() {
        real.to_owned()
    } else {
        person.pseudonym.trim().to_owned()
    }
}
