//! The report as Markdown, for pasting into case systems and wikis.

use super::document::{Block, Report, Table};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", inline(&report.title)));
    out.push_str(&format!("*{}*\n\n", inline(&report.subtitle)));
    for block in &report.blocks {
        match block {
            Block::Heading { level, text } => {
                let hashes = "#".repeat(usize::from(*level).clamp(1, 4) + 1);
                out.push_str(&format!("{hashes} {}\n\n", inline(text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("{}\n\n", paragraph(text))),
            Block::Fields(fields) => {
                for (label, value) in fields {
                    let value = paragraph(value).replace('\n', "\n  ");
                    // "Waarom?" needs no colon after it.
                    let colon = if label.ends_with(['?', ':']) { "" } else { ":" };
                    out.push_str(&format!("- **{}{colon}** {value}\n", inline(label)));
                }
                out.push('\n');
            }
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", paragraph(item).replace('\n', "\n  ")));
                }
                out.push('\n');
            }
            Block::Table(table) => table_md(table, &mut out),
            Block::Notice(text) => out.push_str(&format!("> {}\n\n", inline(text))),
            Block::WriteIn {
                label,
                lines,
                checkbox,
            } => {
                let tick = if *checkbox { "☐ " } else { "" };
                out.push_str(&format!("{tick}{}\n\n", inline(label)));
                for _ in 0..*lines {
                    out.push_str(
                        "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n",
                    );
                }
            }
        }
    }
    if !report.footer.is_empty() {
        out.push_str(&format!("---\n\n*{}*\n", inline(&report.footer)));
    }
    out
}

fn table_md(table: &Table, out: &mut String) {
    let cell = inline;
    let header: Vec<String> = table.columns.iter().map(|c| cell(&c.title)).collect();
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(table.columns.len())));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

/// Text on one line, with Markdown's special characters escaped so that user text
/// reads as typed.
fn inline(text: &str) -> String {
    escape(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Text that may span lines: each line escaped, line breaks kept as hard breaks.
fn paragraph(text: &str) -> String {
    text.lines()
        .map(|line| escape_line_start(&escape(line.trim())))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("  \n")
}

/// A line that starts like a heading, a list, a quote, a fence or a setext underline
/// would change the document's structure: its first mark is escaped. (Backticks,
/// asterisks, `>` and `|` are escaped everywhere already.)
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '-', '+', '=']) {
        return format!("\\{line}");
    }
    // "1. x" and "1) x" start an ordered list.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    match line[digits..].chars().next() {
        Some(mark @ ('.' | ')')) if digits > 0 => {
            format!("{}\\{mark}{}", &line[..digits], &line[digits + 1..])
        }
        _ => line.to_owned(),
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_become_markup() {
        assert_eq!(escape("a*b_c [x](y) <b>"), "a\\*b\\_c \\[x\\](y) \\<b\\>");
        assert_eq!(paragraph("# kop\n- lijst"), "\\# kop  \n\\- lijst");
        assert_eq!(inline("regel\neen  twee"), "regel een twee");
        assert_eq!(
            paragraph("~~~\n```\n1. x\n12) y\n| a | b |\n> q\n* s\n+ t"),
            "\\~\\~\\~  \n\\`\\`\\`  \n1\\. x  \n12\\) y  \n\\| a \\| b \\|  \n\\> q  \n\\* s  \n\\+ t"
        );
    }
}
