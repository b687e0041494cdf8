//! Exports of a case: one pure function builds a format-independent `Report` (the plan
//! and what led to it), and each format renders that report. CSV is the one exception:
//! it is a table of interventions, built from the same rows as the report's plan table.
//! No egui here.

pub mod csv;
pub mod document;
pub mod docx;
pub mod follow_up;
mod fonts;
pub mod html;
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

/// The whole export of a case, as the bytes of a file in `format`.
pub fn export(
    case: &Case,
    method: &Method,
    language: Language,
    format: Format,
    names: Names,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let pseudonymised;
    let case = match names {
        Names::Pseudonymised => {
            pseudonymised = crate::privacy::pseudonymise(case, language);
            &pseudonymised
        }
        Names::Real => case,
    };
    let style = ReportStyle::builtin();
    let report = || plan::build_report(case, method, language, today);
    match format {
        Format::Pdf => pdf::render(&report(), &style),
        Format::Docx => docx::render(&report(), &style),
        Format::Html => Ok(html::render(&report(), &style).into_bytes()),
        Format::Markdown => Ok(markdown::render(&report()).into_bytes()),
        Format::Csv => Ok(csv::render(
            &plan::intervention_rows(case, method, language),
            language,
        )),
    }
}
