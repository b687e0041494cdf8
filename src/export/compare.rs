//! The comparison of sessions as a file: one self-contained, printable HTML page in the
//! report's look, or a CSV for a spreadsheet (the same BOM, separator and quoting as the
//! plan's CSV). Both say in words what the screen marks, so colour is never the only
//! sign of a difference.

use chrono::NaiveDate;

use super::Format;
use super::csv::push_record;
use super::html::{escape, page_end, page_start, title_html};
use super::style::ReportStyle;
use crate::compare::{Comparison, MARK};
use crate::i18n::{tr, tr_args};

/// The comparison's look beside the report's: wide tables scroll on screen and print
/// landscape; a differing cell has a mark, a border and a tint, and its words below.
const EXTRA_CSS: &str = "body { max-width: 90rem; }
.wide { overflow-x: auto; }
.wide table { min-width: 40rem; }
th[scope=row] { background: #fafafa; color: #1c1c1c; font-weight: 600; }
th .file { display: block; font-weight: normal; color: #444; font-size: 0.9em; }
td.differs { background: #fff4d6; border-left: 4px solid #b26b00; }
.mark { font-weight: 700; color: #8a4f00; }
tr.difference td { font-style: italic; color: #333; border-top: none; }
.legend { color: #333; }
@media print {
  @page { size: A4 landscape; }
  td.differs { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

/// The comparison in `format` (HTML or CSV), made on `today`.
pub fn render(comparison: &Comparison, format: Format, today: NaiveDate) -> Vec<u8> {
    match format {
        Format::Csv => csv(comparison),
        _ => html(comparison, &ReportStyle::builtin(), today).into_bytes(),
    }
}

pub fn html(comparison: &Comparison, style: &ReportStyle, today: NaiveDate) -> String {
    let language = comparison.language;
    let mut out = page_start(language.code(), &comparison.title, style, EXTRA_CSS);
    let count = comparison.groups.len().to_string();
    let subtitle = tr_args(language, "compare.subtitle", &[("count", &count)]);
    title_html(&mut out, style, &comparison.title, &subtitle);
    for warning in &comparison.warnings {
        out.push_str(&format!("<p class=\"notice\">{}</p>\n", escape(warning)));
    }
    out.push_str(&format!(
        "<p class=\"legend\">{}</p>\n",
        escape(&comparison.legend)
    ));
    out.push_str(&format!(
        "<h2>{}</h2>\n",
        escape(tr(language, "compare.differences"))
    ));
    if comparison.differences.is_empty() {
        out.push_str(&format!(
            "<p>{}</p>\n",
            escape(tr(language, "compare.no_differences"))
        ));
    } else {
        out.push_str("<ul>\n");
        for (section, said) in &comparison.differences {
            out.push_str(&format!("<li>{}\n<ul>\n", escape(section)));
            for difference in said {
                out.push_str(&format!("<li>{}</li>\n", escape(difference)));
            }
            out.push_str("</ul></li>\n");
        }
        out.push_str("</ul>\n");
    }
    let columns = comparison.groups.len() + 1;
    for section in &comparison.sections {
        out.push_str(&format!("<h2>{}</h2>\n", escape(&section.title)));
        out.push_str("<div class=\"wide\"><table>\n<thead><tr>");
        out.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            escape(tr(language, "compare.item"))
        ));
        for group in &comparison.groups {
            out.push_str(&format!(
                "<th scope=\"col\">{}<span class=\"file\">{}</span></th>",
                escape(&group.name),
                escape(&group.file)
            ));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &section.rows {
            out.push_str(&format!(
                "<tr><th scope=\"row\">{}</th>",
                escape(&row.label)
            ));
            for cell in &row.cells {
                if cell.marked {
                    out.push_str(&format!(
                        "<td class=\"text differs\"><span class=\"mark\">{MARK}</span> {}</td>",
                        escape(&cell.text)
                    ));
                } else {
                    out.push_str(&format!("<td class=\"text\">{}</td>", escape(&cell.text)));
                }
            }
            out.push_str("</tr>\n");
            if let Some(difference) = &row.difference {
                out.push_str(&format!(
                    "<tr class=\"difference\"><td colspan=\"{columns}\"><span class=\"mark\">{MARK}</span> {}</td></tr>\n",
                    escape(difference)
                ));
            }
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
    let footer = tr_args(
        language,
        "compare.footer",
        &[
            ("date", &crate::dates::format_date(today)),
            ("credit", &comparison.credit),
        ],
    );
    page_end(&mut out, &footer);
    out
}

/// One line per row compared: section, item, one column per group, and the difference
/// in words. UTF-8 with a byte-order mark and semicolons, as the plan's CSV.
pub fn csv(comparison: &Comparison) -> Vec<u8> {
    let language = comparison.language;
    let mut header: Vec<String> = vec![
        tr(language, "compare.csv.section").to_owned(),
        tr(language, "compare.item").to_owned(),
    ];
    header.extend(
        comparison
            .groups
            .iter()
            .map(|g| format!("{} ({})", g.name, g.file)),
    );
    header.push(tr(language, "compare.csv.difference").to_owned());
    let mut out = String::from('\u{feff}');
    push_record(&mut out, header.iter().map(String::as_str));
    for section in &comparison.sections {
        for row in &section.rows {
            let fields = [section.title.as_str(), row.label.as_str()]
                .into_iter()
                .chain(row.cells.iter().map(|c| c.text.as_str()))
                .chain(std::iter::once(row.difference.as_deref().unwrap_or("")));
            push_record(&mut out, fields);
        }
    }
    out.into_bytes()
}
