//! The report as one self-contained HTML file: inline CSS, a print stylesheet, no
//! scripts and nothing loaded from elsewhere.

use super::document::{Block, Report, Table};
use super::style::{LogoFormat, ReportStyle};

const STYLESHEET: &str = include_str!("../../assets/report/report.css");

pub fn render(report: &Report, style: &ReportStyle) -> String {
    let mut out = page_start(report.language.code(), &report.title, style, "");
    title_html(&mut out, style, &report.title, &report.subtitle);
    for block in &report.blocks {
        match block {
            Block::Heading { level, text } => {
                let h = (level + 1).clamp(2, 4);
                out.push_str(&format!("<h{h}>{}</h{h}>\n", escape(text)));
            }
            Block::Paragraph(text) => {
                out.push_str(&format!("<p class=\"text\">{}</p>\n", escape(text)));
            }
            Block::Fields(fields) => {
                out.push_str("<dl class=\"fields\">\n");
                for (label, value) in fields {
                    out.push_str(&format!(
                        "<dt>{}</dt><dd class=\"text\">{}</dd>\n",
                        escape(label),
                        escape(value)
                    ));
                }
                out.push_str("</dl>\n");
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!("<li class=\"text\">{}</li>\n", escape(item)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(table) => table_html(table, &mut out),
            Block::Notice(text) => {
                out.push_str(&format!("<p class=\"notice\">{}</p>\n", escape(text)));
            }
            Block::WriteIn {
                label,
                lines,
                checkbox,
            } => {
                let tick = if *checkbox {
                    "<span class=\"box\"></span>"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "<div class=\"write-in\"><p>{tick}{}</p>{}</div>\n",
                    escape(label),
                    "<div class=\"line\"></div>".repeat(usize::from(*lines))
                ));
            }
        }
    }
    page_end(&mut out, &report.footer);
    out
}

/// The page up to `<main>`: the report's stylesheet with the style's colours and size,
/// then `extra_css` for a document of another kind.
pub(super) fn page_start(lang: &str, title: &str, style: &ReportStyle, extra_css: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n:root {{ --accent: {}; --light: {}; --size: {}pt; }}\n{}{}</style>\n\
         </head>\n<body>\n<main>\n",
        lang,
        escape(title),
        escape(&style.accent),
        escape(&style.light),
        style.font_size,
        STYLESHEET,
        extra_css,
    )
}

/// The organisation line (if the style has one), the title and the subtitle.
pub(super) fn title_html(out: &mut String, style: &ReportStyle, title: &str, subtitle: &str) {
    organisation_lines(style, out);
    out.push_str(&format!("<h1 class=\"title\">{}</h1>\n", escape(title)));
    out.push_str(&format!("<p class=\"subtitle\">{}</p>\n", escape(subtitle)));
}

/// Closes `<main>` and the page, with the footer.
pub(super) fn page_end(out: &mut String, footer: &str) {
    out.push_str(&format!(
        "</main>\n<footer>{}</footer>\n</body>\n</html>\n",
        escape(footer)
    ));
}

fn table_html(table: &Table, out: &mut String) {
    let total: u32 = table
        .columns
        .iter()
        .map(|c| u32::from(c.width.max(1)))
        .sum();
    out.push_str("<table>\n<colgroup>");
    for column in &table.columns {
        let percent = u32::from(column.width.max(1)) * 100 / total.max(1);
        out.push_str(&format!("<col style=\"width: {percent}%\">"));
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for column in &table.columns {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(&column.title)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!("<td class=\"text\">{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The logo (inline, as a data URL), the organisation's name and its contact line.
fn organisation_lines(style: &ReportStyle, out: &mut String) {
    let name = style.organisation.trim();
    let contact = style.contact.trim();
    if style.logo.is_none() && name.is_empty() && contact.is_empty() {
        return;
    }
    out.push_str("<header class=\"organisation\">\n");
    if let Some(logo) = &style.logo {
        let mime = match logo.format {
            LogoFormat::Png => "image/png",
            LogoFormat::Svg => "image/svg+xml",
        };
        out.push_str(&format!(
            "<img class=\"logo\" alt=\"{}\" src=\"data:{mime};base64,{}\">\n",
            escape(name),
            base64(&logo.data)
        ));
    }
    if !name.is_empty() {
        out.push_str(&format!("<p class=\"name\">{}</p>\n", escape(name)));
    }
    if !contact.is_empty() {
        out.push_str(&format!("<p class=\"contact\">{}</p>\n", escape(contact)));
    }
    out.push_str("</header>\n");
}

/// Standard base64 with padding (RFC 4648), for the logo's data URL.
fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let bytes = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from_be_bytes([0, bytes[0], bytes[1], bytes[2]]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn user_text_is_escaped() {
        assert_eq!(
            super::escape("<script>\"x\" & 'y'"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;"
        );
    }
}
