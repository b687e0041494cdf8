//! Exports of a case: one pure function builds a format-independent `Report` (the plan
//! and what led to it), and each format renders that report. CSV is the one exception:
//! it is a table of interventions, built from the same rows as the report's plan table.
//! No egui here.

pub mod csv;
pub mod document;
pub mod docx;
mod fonts;
pub mod html;
pub mod letter;
pub mod markdown;
pub mod meeting;
pub mod pdf;
pub mod plan;
pub mod style;

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
}

/// Which document to make of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ReportKind {
    /// The team's report: a summary first, then the details.
    #[default]
    Team,
    /// "Wat we met u afspreken": the letter to the resident, in plain language.
    Letter,
}

impl ReportKind {
    pub const ALL: [ReportKind; 2] = [ReportKind::Team, ReportKind::Letter];

    /// The name on the command line (`--report team`).
    pub fn name(self) -> &'static str {
        match self {
            ReportKind::Team => "team",
            ReportKind::Letter => "letter",
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
        }
    }

    /// The formats this document can be made in.
    pub fn formats(self) -> &'static [Format] {
        match self {
            ReportKind::Team => &Format::ALL,
            ReportKind::Letter => &[Format::Pdf, Format::Docx, Format::Html],
        }
    }
}

/// What goes into an export: which document, for a team report which personal
/// reflection (a student's hand-in), if any, and pseudonyms or real names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Contents {
    pub kind: ReportKind,
    pub reflection: ReflectionChoice,
    pub names: Names,
}

/// Whether an export shows the pseudonyms (the default) or the registered real names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Names {
    #[default]
    Pseudonymised,
    Real,
}

/// The whole export of a case, as the bytes of a file in `format`, in the organisation's
/// `style` (`ReportStyle::builtin()` when it has none).
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
    export_contents(case, method, style, language, format, today, contents)
}

/// The chosen document of a case, as the bytes of a file in `format`.
pub fn export_contents(
    case: &Case,
    method: &Method,
    style: &ReportStyle,
    language: Language,
    format: Format,
    today: NaiveDate,
    contents: Contents,
) -> Result<Vec<u8>, ExportError> {
    let names = contents.names;
    if !contents.kind.formats().contains(&format) {
        return Err(ExportError::LetterFormat { format });
    }
    // Chosen on the original: the pseudonymised case has no real names left.
    let addressee = letter_addressee(case, names);
    let pseudonymised;
    let case = match names {
        Names::Pseudonymised => {
            pseudonymised = crate::privacy::pseudonymise(case, language);
            &pseudonymised
        }
        Names::Real => case,
    };
    let report = || match contents.kind {
        ReportKind::Team => {
            plan::build_report_with(case, method, language, today, contents.reflection)
        }
        ReportKind::Letter => letter::build_letter(case, language, today, &addressee),
    };
    match format {
        Format::Pdf => pdf::render(&report(), style),
        Format::Docx => docx::render(&report(), style),
        Format::Html => Ok(html::render(&report(), style).into_bytes()),
        Format::Markdown => Ok(markdown::render(&report()).into_bytes()),
        Format::Csv => Ok(csv::render(
            &plan::intervention_rows(case, method, language),
            language,
        )),
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
