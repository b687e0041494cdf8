//! One row per chosen intervention (of the first meeting and of every follow-up), for Excel, each with its case and meeting date so
//! the plans of several cases can be pooled in one sheet. UTF-8 with a byte-order mark
//! (so Excel reads é and ĳ right) and semicolons (the list separator under Dutch
//! regional settings, where a comma is the decimal sign).

use super::plan::InterventionRow;
use crate::i18n::{Language, tr};

const SEPARATOR: char = ';';

/// The interventions; `file_name` is the case file's name when known (else empty), so a
/// pooled sheet says where each row came from.
pub fn render(rows: &[InterventionRow], language: Language, file_name: &str) -> Vec<u8> {
    let header = [
        "csv.case",
        "csv.meeting_date",
        "csv.level",
        "csv.description",
        "csv.justification",
        "csv.alternatives",
        "csv.conditions",
        "csv.owner",
        "csv.co_owner",
        "csv.first_step",
        "csv.deadline",
        "csv.follow_up",
        "csv.status",
        "csv.session",
        "csv.verdict",
        "csv.file",
    ]
    .map(|key| tr(language, key).to_owned());
    table(
        &header,
        rows.iter().map(|row| {
            [
                row.case_title.as_str(),
                &row.meeting_date,
                &row.level_name,
                &row.description,
                &row.justification,
                &row.alternatives,
                &row.conditions,
                &row.owner,
                &row.co_owner,
                &row.first_step,
                &row.deadline,
                &row.follow_up,
                &row.status,
                &row.session,
                &row.verdict,
                file_name,
            ]
        }),
    )
}

/// A header and rows as a CSV file.
pub fn table<R, S>(header: &[String], rows: impl IntoIterator<Item = R>) -> Vec<u8>
where
    R: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::from('\u{feff}');
    push_record(&mut out, header);
    for row in rows {
        push_record(&mut out, row);
    }
    out.into_bytes()
}

pub(super) fn push_record<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    let fields: Vec<String> = fields.into_iter().map(|f| field(f.as_ref())).collect();
    out.push_str(&fields.join(&SEPARATOR.to_string()));
    out.push_str("\r\n");
}

/// The characters with which a spreadsheet starts a formula (or, for tab and carriage
/// return, with which a formula can hide behind them).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One field, quoted when needed. A text that Excel would run as a formula gets a
/// leading apostrophe, so a pasted "=…" or "-2+3+cmd|…" stays text.
fn field(text: &str) -> String {
    let text = text.trim_matches(|c: char| c == ' ' || c == '\n');
    let text = if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([SEPARATOR, '"', '\n', '\r', ',']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(field("gewoon"), "gewoon");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("zei \"ja\""), "\"zei \"\"ja\"\"\"");
        assert_eq!(field("twee\nregels"), "\"twee\nregels\"");
        assert_eq!(field("=SOM(A1)"), "'=SOM(A1)");
        for hostile in ["-2+3+cmd|' /C calc'!A0", "+1", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(
                field(hostile).trim_start_matches('"').starts_with('\''),
                "{hostile}"
            );
        }
    }
}
