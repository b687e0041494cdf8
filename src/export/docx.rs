//! The report as a Word document (DOCX), built with docx-rs.
//!
//! Real Word structure throughout, so the file behaves like one a person made in Word or
//! LibreOffice: the title in the Title style, headings in the built-in "heading 1..3"
//! styles (they show in the navigation pane), bullets from a numbering definition, tables
//! whose header row repeats on every page, and a footer with PAGE and NUMPAGES fields.
//!
//! docx-rs cannot write some of what this module needs, so it is added to the XML parts
//! docx-rs produces, before they are zipped: `w:tblHeader` on the header row of each plan
//! table, the document language in the style defaults, the core properties (title,
//! language), and the element order the schema prescribes (see `schema_order`).

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, BorderType, BreakType, Docx, FieldCharType, Footer, IndentLevel,
    InstrNUMPAGES, InstrPAGE, InstrText, Level, LevelJc, LevelText, LineSpacing, LineSpacingType,
    NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Shading, SpecialIndentType, Start,
    Style, StyleType, Tab, TabValueType, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::{Block, ExportError, Format, Report, ReportStyle};
use crate::i18n::Language;

/// A4 in twips (twentieths of a point).
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// 2 cm.
const MARGIN: i32 = 1134;
/// From the page edge to the header and footer text: 1 cm.
const HEADER_FOOTER_DISTANCE: i32 = 567;
/// The width between the margins, which the tables fill.
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * MARGIN as usize;

const FONT: &str = "Arial";
/// Table rules: a soft grey, 1/2 pt (border sizes are in eighths of a point).
const RULE_GREY: &str = "BFBFBF";
const RULE_SIZE: usize = 4;
/// Secondary text: subtitle and footer.
const MUTED: &str = "595959";
/// The footer's size in half-points: 8 pt.
const FOOTER_SIZE: usize = 16;

/// The bullets' abstract and concrete numbering id. docx-rs always writes a numbered
/// definition of its own with id 1.
const BULLETS: usize = 2;
/// Left and right padding in the cells of a plan table, in twips: 1.5 mm.
const CELL_PADDING: usize = 85;
/// Room for the estimate of a word's width to be a little short: 1 pt.
const WORD_SLACK: usize = 20;
const FIELD_LABEL_SHARE: usize = 30;

/// The report as the bytes of a .docx file.
pub fn render(report: &Report, style: &ReportStyle) -> Result<Vec<u8>, ExportError> {
    let look = Look::from_style(style)?;
    let language = language_tag(report.language);
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: HEADER_FOOTER_DISTANCE,
            footer: HEADER_FOOTER_DISTANCE,
            gutter: 0,
        })
        .default_fonts(fonts())
        .default_size(look.body)
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .default_tab_stop(709)
        .add_abstract_numbering(bullet_definition())
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .footer(footer(report));
    for s in styles(&look) {
        docx = docx.add_style(s);
    }

    // Which of the document's tables, in order, have a header row to repeat.
    let mut header_tables = Vec::new();

    let organisation = style.organisation.trim();
    if !organisation.is_empty() {
        docx = docx.add_paragraph(styled("Organisation", organisation));
    }
    docx = docx.add_paragraph(styled("Title", &report.title));
    if !report.subtitle.trim().is_empty() {
        docx = docx.add_paragraph(styled("Subtitle", &report.subtitle));
    }

    for block in &report.blocks {
        match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 3);
                docx = docx.add_paragraph(styled(&format!("Heading{level}"), text));
            }
            Block::Paragraph(text) => {
                docx = docx.add_paragraph(with_text(Paragraph::new(), text, Run::new()));
            }
            Block::Fields(fields) => {
                if !fields.is_empty() {
                    docx = docx.add_table(fields_table(fields)).add_paragraph(gap());
                    header_tables.push(false);
                }
            }
            Block::List(items) => {
                for item in items {
                    let p = Paragraph::new()
                        .style("ListBullet")
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
                    docx = docx.add_paragraph(with_text(p, item, Run::new()));
                }
            }
            Block::Table(table) => {
                if let Some(t) = plan_table(table, &look) {
                    docx = docx.add_table(t).add_paragraph(gap());
                    header_tables.push(true);
                }
            }
            Block::Notice(text) => {
                docx = docx.add_paragraph(styled("Notice", text));
            }
        }
    }

    let mut xml = docx.build();
    xml.document = mark_header_rows(&xml.document, &header_tables)?;
    xml.styles = set_language(&xml.styles, language)?;
    for part in [
        &mut xml.document,
        &mut xml.styles,
        &mut xml.numberings,
        &mut xml.settings,
    ]
    .into_iter()
    .chain(xml.footers.iter_mut())
    {
        *part = schema_order::canonical(part)?;
    }
    xml.doc_props.core = core_properties(report, organisation, language).into_bytes();

    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes)
        .map_err(|e| failure(format!("cannot zip the document: {e}")))?;
    Ok(bytes.into_inner())
}

/// The report style, checked and turned into what the document needs.
struct Look {
    accent: String,
    light: String,
    /// Body text in half-points, as DOCX measures font sizes.
    body: usize,
}

impl Look {
    fn from_style(style: &ReportStyle) -> Result<Look, ExportError> {
        let colour = |name: &str, hex: &str| {
            if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                Ok(hex.to_ascii_uppercase())
            } else {
                Err(failure(format!(
                    "the {name} colour must be written as #rrggbb, not {hex:?}"
                )))
            }
        };
        let size = style.font_size;
        if !(size.is_finite() && (4.0..=72.0).contains(&size)) {
            return Err(failure(format!(
                "the font size must be between 4 and 72 pt, not {size}"
            )));
        }
        Ok(Look {
            accent: colour("accent", style.accent_hex())?,
            light: colour("light", style.light_hex())?,
            body: (size * 2.0).round() as usize,
        })
    }

    /// Text in table cells, in half-points.
    fn table_size(&self) -> usize {
        self.scaled(0.9)
    }

    /// `body` times `factor`, in half-points.
    fn scaled(&self, factor: f32) -> usize {
        (self.body as f32 * factor).round() as usize
    }
}

fn failure(detail: String) -> ExportError {
    ExportError::Render {
        format: Format::Docx,
        detail,
    }
}

fn language_tag(language: Language) -> &'static str {
    match language {
        Language::Nl => "nl-NL",
        Language::En => "en-GB",
    }
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// The paragraph styles the document uses. "Normal" comes from docx-rs; the body font,
/// size and spacing are the document defaults it inherits.
fn styles(look: &Look) -> Vec<Style> {
    let paragraph = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
    };
    let spacing = |before: u32, after: u32| LineSpacing::new().before(before).after(after);

    let mut title = paragraph("Title", "Title")
        .size(look.scaled(2.1))
        .bold()
        .color(&look.accent)
        .line_spacing(spacing(0, 60).line(240).line_rule(LineSpacingType::Auto));
    title.paragraph_property = title.paragraph_property.keep_next(true);

    let mut subtitle = paragraph("Subtitle", "Subtitle")
        .size(look.scaled(1.25))
        .color(MUTED)
        .line_spacing(spacing(0, 360));
    subtitle.paragraph_property = subtitle.paragraph_property.keep_next(true).set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(8)
                .space(6)
                .color(&look.accent),
        ),
    );

    let organisation = paragraph("Organisation", "Organisation")
        .size(look.body)
        .bold()
        .color(MUTED)
        .line_spacing(spacing(0, 240));

    let headings = [(1.5, 360, 120), (1.25, 280, 100), (1.1, 200, 60)]
        .into_iter()
        .enumerate()
        .map(|(i, (factor, before, after))| {
            let level = i + 1;
            let mut heading = paragraph(&format!("Heading{level}"), &format!("heading {level}"))
                .size(look.scaled(factor))
                .bold()
                .color(&look.accent)
                .line_spacing(spacing(before, after))
                .outline_lvl(i)
                .ui_priority(9);
            heading.paragraph_property =
                heading.paragraph_property.keep_next(true).keep_lines(true);
            heading
        });

    let list = paragraph("ListBullet", "List Bullet").line_spacing(spacing(0, 60));

    let mut notice = paragraph("Notice", "Notice").line_spacing(spacing(120, 240));
    notice.paragraph_property = notice
        .paragraph_property
        .shading(Shading::new().fill(&look.light))
        .keep_lines(true)
        .indent(Some(113), None, Some(113), None)
        .set_borders(
            // A bar in the accent colour on the left; the other borders, in the shading's
            // colour, only pad the text.
            [
                (ParagraphBorderPosition::Left, &look.accent, 24),
                (ParagraphBorderPosition::Top, &look.light, 4),
                (ParagraphBorderPosition::Bottom, &look.light, 4),
                (ParagraphBorderPosition::Right, &look.light, 4),
            ]
            .into_iter()
            .fold(
                ParagraphBorders::with_empty(),
                |borders, (position, colour, size)| {
                    borders.set(
                        ParagraphBorder::new(position)
                            .val(BorderType::Single)
                            .size(size)
                            .space(4)
                            .color(colour),
                    )
                },
            ),
        );

    // Table cells a little smaller than the body, so that narrow columns such as a
    // deadline still hold a date or a word on one line.
    let table_text = paragraph("TableText", "Table Text")
        .size(look.table_size())
        .line_spacing(spacing(0, 0));
    let field_text = paragraph("FieldText", "Field Text").line_spacing(spacing(0, 0));

    let footer = paragraph("Footer", "footer")
        .size(FOOTER_SIZE)
        .color(MUTED)
        .line_spacing(spacing(0, 0));

    [title, subtitle, organisation]
        .into_iter()
        .chain(headings)
        .chain([list, notice, table_text, field_text, footer])
        .collect()
}

/// An empty 6 pt line after a table: space before what follows, and it keeps two tables
/// in a row from merging into one when Word opens the file.
fn gap() -> Paragraph {
    Paragraph::new().line_spacing(
        LineSpacing::new()
            .before(0)
            .after(0)
            .line(120)
            .line_rule(LineSpacingType::Exact),
    )
}

/// A paragraph in `style_id` holding `text`.
fn styled(style_id: &str, text: &str) -> Paragraph {
    with_text(Paragraph::new().style(style_id), text, Run::new())
}

/// Adds `text` to `paragraph` as one run formatted like `run`: a line break for every
/// `\n`, a tab for every `\t`, and nothing for characters XML cannot hold.
fn with_text(paragraph: Paragraph, text: &str, mut run: Run) -> Paragraph {
    let mut piece = String::new();
    for ch in text.chars() {
        match ch {
            '\n' | '\t' => {
                if !piece.is_empty() {
                    run = run.add_text(std::mem::take(&mut piece));
                }
                run = if ch == '\n' {
                    run.add_break(BreakType::TextWrapping)
                } else {
                    run.add_tab()
                };
            }
            c if allowed_in_xml(c) => piece.push(c),
            _ => {}
        }
    }
    if !piece.is_empty() {
        run = run.add_text(piece);
    }
    paragraph.add_run(run)
}

/// XML 1.0 forbids most control characters; `\r` is dropped too (a `\r\n` is one break).
fn allowed_in_xml(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}' | '\u{fffe}' | '\u{ffff}')
}

fn bullet_definition() -> AbstractNumbering {
    let bullet = |level: usize, symbol: &str| {
        let left = 360 * (level as i32 + 1);
        Level::new(
            level,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new(symbol),
            LevelJc::new("left"),
        )
        .indent(
            Some(left),
            Some(SpecialIndentType::Hanging(284)),
            None,
            None,
        )
        .fonts(fonts())
    };
    AbstractNumbering::new(BULLETS)
        .add_level(bullet(0, "\u{2022}"))
        .add_level(bullet(1, "\u{2013}"))
}

/// Label–value pairs as a borderless two-column table, the labels bold.
fn fields_table(fields: &[(String, String)]) -> docx_rs::Table {
    let label_width = TEXT_WIDTH * FIELD_LABEL_SHARE / 100;
    let widths = [label_width, TEXT_WIDTH - label_width];
    let rows = fields
        .iter()
        .map(|(label, value)| {
            TableRow::new(vec![
                cell("FieldText", label, widths[0], Run::new().bold()),
                cell("FieldText", value, widths[1], Run::new()),
            ])
            .cant_split()
        })
        .collect();
    let none = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Nil)
            .size(0)
    };
    docx_rs::Table::new(rows)
        .set_grid(widths.to_vec())
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(all_borders(none))
        .margins(TableCellMargins::new().margin(30, 113, 30, 0))
}

/// A table of the report as a real Word table: grid widths in the columns' proportions,
/// soft grey rules, and a shaded header row that repeats on every page.
fn plan_table(table: &super::Table, look: &Look) -> Option<docx_rs::Table> {
    let count = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.columns.len()])
        .max()
        .unwrap_or(0);
    if count == 0 {
        return None;
    }
    let weights: Vec<usize> = (0..count)
        .map(|i| table.columns.get(i).map_or(1, |c| usize::from(c.width)))
        .collect();
    // Each column at least as wide as its longest word, so that a word such as
    // "welzijnsorganisatie" is not broken in the middle when its column is narrow.
    let needs: Vec<usize> = (0..count)
        .map(|i| {
            let title = table.columns.get(i).map(|c| (c.title.as_str(), true));
            let cells = table
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|t| (t.as_str(), false));
            let longest = title
                .into_iter()
                .chain(cells)
                .map(|(text, bold)| longest_word(text, bold, look.table_size()))
                .max()
                .unwrap_or(0);
            longest + 2 * CELL_PADDING + WORD_SLACK
        })
        .collect();
    let widths = fit(TEXT_WIDTH, &weights, &needs);

    let header = TableRow::new(
        widths
            .iter()
            .enumerate()
            .map(|(i, &width)| {
                let title = table.columns.get(i).map_or("", |c| c.title.as_str());
                cell(
                    "TableText",
                    title,
                    width,
                    Run::new().bold().color(&look.accent),
                )
                .shading(Shading::new().fill(&look.light))
            })
            .collect(),
    )
    .cant_split();
    let body = table.rows.iter().map(|row| {
        TableRow::new(
            widths
                .iter()
                .enumerate()
                .map(|(i, &width)| {
                    let text = row.get(i).map_or("", String::as_str);
                    cell("TableText", text, width, Run::new())
                })
                .collect(),
        )
        .cant_split()
    });

    let rule = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(RULE_SIZE)
            .color(RULE_GREY)
    };
    Some(
        docx_rs::Table::new(std::iter::once(header).chain(body).collect())
            .set_grid(widths)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_borders(all_borders(rule))
            .margins(TableCellMargins::new().margin(50, CELL_PADDING, 50, CELL_PADDING)),
    )
}

fn all_borders(border: impl Fn(TableBorderPosition) -> TableBorder) -> TableBorders {
    [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::with_empty(), |borders, p| {
        borders.set(border(p))
    })
}

/// A table cell holding `text` in paragraph style `style_id`, its runs like `run`.
fn cell(style_id: &str, text: &str, width: usize, run: Run) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top)
        .add_paragraph(with_text(Paragraph::new().style(style_id), text, run))
}

/// `total` split in the proportions of `weights`, except that a part is never smaller than
/// its entry in `needs` while the others can give way: parts that need more get what they
/// need (up to two fifths of `total`), and the rest is shared by the others in their
/// proportions. When not all needs fit, plain proportions.
fn fit(total: usize, weights: &[usize], needs: &[usize]) -> Vec<usize> {
    let needs: Vec<usize> = needs.iter().map(|&n| n.min(total * 2 / 5)).collect();
    let mut fixed = vec![false; weights.len()];
    loop {
        let taken: usize = (0..weights.len())
            .filter(|&i| fixed[i])
            .map(|i| needs[i])
            .sum();
        if taken > total {
            return share(total, weights);
        }
        let free: Vec<usize> = (0..weights.len()).filter(|&i| !fixed[i]).collect();
        let free_weights: Vec<usize> = free.iter().map(|&i| weights[i]).collect();
        let shared = if free.is_empty() {
            Vec::new()
        } else {
            share(total - taken, &free_weights)
        };
        let short: Vec<usize> = free
            .iter()
            .zip(&shared)
            .filter(|&(&i, &part)| part < needs[i])
            .map(|(&i, _)| i)
            .collect();
        if short.is_empty() {
            let mut parts = needs.clone();
            for (&i, &part) in free.iter().zip(&shared) {
                parts[i] = part;
            }
            // What is left when every part is fixed goes to the last one.
            let rest = total - parts.iter().sum::<usize>().min(total);
            if let Some(last) = parts.last_mut() {
                *last += rest;
            }
            return if parts.iter().sum::<usize>() == total {
                parts
            } else {
                share(total, weights)
            };
        }
        for i in short {
            fixed[i] = true;
        }
    }
}

/// The width in twips of the longest unbreakable piece of `text` in Arial at `size`
/// half-points: lines break at spaces and after hyphens and slashes. The widths are
/// Arial's (the same as Helvetica's) for ASCII, and a typical width for other letters.
fn longest_word(text: &str, bold: bool, size: usize) -> usize {
    let em = |c: char| -> usize {
        let c = match c {
            'à'..='å' => 'a',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ò'..='ö' => 'o',
            'ù'..='ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'À'..='Å' => 'A',
            'È'..='Ë' => 'E',
            'Ò'..='Ö' => 'O',
            'Ü' => 'U',
            other => other,
        };
        match c {
            'f' | 't' | 'I' | ',' | '.' | ':' | ';' | '/' | '!' | '\u{2019}' | '\u{2018}' => 278,
            'i' | 'j' | 'l' | '\'' => 222,
            'r' | '-' | '(' | ')' | '[' | ']' => 333,
            'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' | '"' => 500,
            'm' | 'M' => 833,
            'w' | 'C' | 'D' | 'H' | 'N' | 'R' | 'U' | '&' => 722,
            'G' | 'O' | 'Q' => 778,
            'W' => 944,
            'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' | '\u{0132}' => 667,
            'F' | 'T' | 'Z' => 611,
            '\u{2014}' | '@' => 1000,
            _ => 556,
        }
    };
    let mut longest = 0;
    let mut word = 0;
    for c in text.chars() {
        if c.is_whitespace() {
            word = 0;
            continue;
        }
        word += em(c);
        longest = longest.max(word);
        if matches!(c, '-' | '/' | '\u{2013}' | '\u{2014}') {
            word = 0;
        }
    }
    // Bold Arial is about a tenth wider. Twips: em/1000 × size/2 pt × 20.
    let longest = if bold { longest * 11 / 10 } else { longest };
    longest * size / 100
}

/// `total` split in the proportions of `weights`, the parts adding up to `total`. Weights
/// that are all zero share equally.
fn share(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    let weights: Vec<usize> = if sum == 0 {
        vec![1; weights.len()]
    } else {
        weights.to_vec()
    };
    let sum: usize = weights.iter().sum();
    let mut parts: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let rest = total - parts.iter().sum::<usize>();
    if let Some(last) = parts.last_mut() {
        *last += rest;
    }
    parts
}

/// The footer: the report's footer text on the left, "Pagina 1 van 3" on the right.
fn footer(report: &Report) -> Footer {
    let mut p = with_text(
        Paragraph::new()
            .style("Footer")
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH)),
        &report.footer,
        Run::new(),
    )
    .add_run(Run::new().add_tab());
    for piece in page_label(&report.page_label) {
        p = match piece {
            LabelPiece::Text(text) => with_text(p, text, Run::new()),
            LabelPiece::Field { page } => p.add_run(
                Run::new()
                    .add_field_char(FieldCharType::Begin, false)
                    .add_instr_text(if page {
                        InstrText::PAGE(InstrPAGE::new())
                    } else {
                        InstrText::NUMPAGES(InstrNUMPAGES::new())
                    })
                    .add_field_char(FieldCharType::Separate, false)
                    .add_text("1")
                    .add_field_char(FieldCharType::End, false),
            ),
        };
    }
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(RULE_SIZE)
                .space(4)
                .color(RULE_GREY),
        ),
    );
    Footer::new().add_paragraph(p)
}

enum LabelPiece<'a> {
    Text(&'a str),
    /// A PAGE field, or NUMPAGES when false.
    Field {
        page: bool,
    },
}

/// "Pagina {page} van {total}" as text and PAGE / NUMPAGES fields.
fn page_label(label: &str) -> Vec<LabelPiece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = label;
    loop {
        let next = [("{page}", true), ("{total}", false)]
            .into_iter()
            .filter_map(|(mark, page)| rest.find(mark).map(|at| (at, mark, page)))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, mark, page)) = next else { break };
        if at > 0 {
            pieces.push(LabelPiece::Text(&rest[..at]));
        }
        pieces.push(LabelPiece::Field { page });
        rest = &rest[at + mark.len()..];
    }
    if !rest.is_empty() {
        pieces.push(LabelPiece::Text(rest));
    }
    pieces
}

/// Adds `<w:tblHeader/>` to the first row of each table whose entry in `header_tables`
/// is true; the entries follow the tables in document order. docx-rs has no API for it.
fn mark_header_rows(document: &[u8], header_tables: &[bool]) -> Result<Vec<u8>, ExportError> {
    let xml = std::str::from_utf8(document)
        .map_err(|e| failure(format!("docx-rs wrote a document that is not UTF-8: {e}")))?;
    let mut out = String::with_capacity(xml.len() + 32 * header_tables.len());
    let mut rest = xml;
    let mut tables = header_tables.iter();
    while let Some(at) = rest.find("<w:tbl>") {
        let (before, from_table) = rest.split_at(at);
        out.push_str(before);
        let mark = tables
            .next()
            .ok_or_else(|| failure("the document has more tables than were written".into()))?;
        if *mark {
            // Every row has properties (cantSplit), so the first row starts with <w:trPr>.
            let row = from_table
                .find("<w:trPr>")
                .ok_or_else(|| failure("a table's header row has no properties".into()))?;
            let split = row + "<w:trPr>".len();
            out.push_str(&from_table[..split]);
            out.push_str("<w:tblHeader />");
            rest = &from_table[split..];
        } else {
            out.push_str("<w:tbl>");
            rest = &from_table["<w:tbl>".len()..];
        }
    }
    out.push_str(rest);
    Ok(out.into_bytes())
}

/// Puts the document language in the style defaults, so spelling and hyphenation follow
/// the report's language. docx-rs has no API for `w:lang`.
fn set_language(styles: &[u8], language: &str) -> Result<Vec<u8>, ExportError> {
    let xml = std::str::from_utf8(styles)
        .map_err(|e| failure(format!("docx-rs wrote styles that are not UTF-8: {e}")))?;
    let defaults = "<w:rPrDefault><w:rPr>";
    let at = xml
        .find(defaults)
        .and_then(|start| xml[start..].find("</w:rPr>").map(|end| start + end))
        .ok_or_else(|| failure("the styles have no run defaults".into()))?;
    Ok(format!(
        "{}<w:lang w:val=\"{language}\" w:eastAsia=\"{language}\" w:bidi=\"{language}\" />{}",
        &xml[..at],
        &xml[at..]
    )
    .into_bytes())
}

/// docProps/core.xml with the report's title and language. docx-rs can set neither.
fn core_properties(report: &Report, organisation: &str, language: &str) -> String {
    let escape = |text: &str| {
        text.chars()
            .filter(|&c| allowed_in_xml(c) || c == '\n' || c == '\t')
            .fold(String::new(), |mut out, c| {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' => out.push_str("&apos;"),
                    _ => out.push(c),
                }
                out
            })
    };
    let creator = if organisation.is_empty() {
        String::new()
    } else {
        format!("<dc:creator>{}</dc:creator>", escape(organisation))
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>{creator}",
            "<dc:language>{language}</dc:language></cp:coreProperties>"
        ),
        title = escape(&report.title),
        subject = escape(&report.subtitle),
        creator = creator,
        language = language,
    )
}

/// Puts the children of WordprocessingML elements in the order the schema (ECMA-376,
/// wml.xsd) prescribes. docx-rs writes some of them in its own order, `w:rPr` before
/// `w:pStyle` in a paragraph's properties for one; LibreOffice does not mind, but Word
/// checks sequences more strictly. Also drops what the schema does not allow there:
/// the `w:type` that docx-rs puts on `w:gridCol` and the empty `w:rPr` it puts in the
/// paragraph properties of styles and numbering levels.
///
/// The parser handles the XML docx-rs writes: elements, attributes in quotes, text,
/// and the declaration; no comments, CDATA or DOCTYPE.
mod schema_order {
    use super::{ExportError, failure};

    /// The schema's sequence for each element whose children are reordered. `*` stands
    /// for every child not named; `a|b` share a place (a choice in the schema). Elements
    /// whose children are a choice in the schema (`w:rPr`, `w:trPr`) are not listed.
    #[rustfmt::skip]
    const ORDERS: &[(&str, &[&str])] = &[
        ("w:body", &["*", "sectPr"]),
        ("w:p", &["pPr", "*"]),
        ("w:r", &["rPr", "*"]),
        ("w:tbl", &["tblPr", "tblGrid", "*"]),
        ("w:tr", &["tblPrEx", "trPr", "*"]),
        ("w:tc", &["tcPr", "*"]),
        ("w:pPr", &["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr",
            "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs",
            "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
            "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing",
            "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
            "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
            "cnfStyle", "rPr", "sectPr", "pPrChange"]),
        ("w:style", &["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden",
            "uiPriority", "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal",
            "personalCompose", "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr",
            "tblStylePr"]),
        ("w:tblPr", &["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
            "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
            "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
            "tblPrChange"]),
        ("w:tcPr", &["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd",
            "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers",
            "cellIns|cellDel|cellMerge", "tcPrChange"]),
        ("w:sectPr", &["headerReference|footerReference", "footnotePr", "endnotePr", "type",
            "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols",
            "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter",
            "docGrid", "printerSettings", "sectPrChange"]),
        ("w:numPr", &["ilvl", "numId", "numberingChange", "ins"]),
        ("w:tblBorders", &["top", "start", "left", "bottom", "end", "right", "insideH",
            "insideV"]),
        ("w:tcBorders", &["top", "start", "left", "bottom", "end", "right", "insideH",
            "insideV", "tl2br", "tr2bl"]),
        ("w:pBdr", &["top", "left", "bottom", "right", "between", "bar"]),
        ("w:tblCellMar", &["top", "start", "left", "bottom", "end", "right"]),
        ("w:tcMar", &["top", "start", "left", "bottom", "end", "right"]),
        ("w:styles", &["docDefaults", "latentStyles", "style"]),
        ("w:docDefaults", &["rPrDefault", "pPrDefault"]),
        ("w:numbering", &["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"]),
        ("w:abstractNum", &["nsid", "multiLevelType", "tmpl", "name", "styleLink",
            "numStyleLink", "lvl"]),
        ("w:lvl", &["start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText",
            "lvlPicBulletId", "legacy", "lvlJc", "pPr", "rPr"]),
        ("w:settings", &["writeProtection", "view", "zoom", "removePersonalInformation",
            "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
            "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
            "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts", "saveFormsData",
            "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
            "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
            "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign",
            "attachedTemplate", "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod",
            "documentType", "mailMerge", "revisionView", "trackRevisions", "doNotTrackMoves",
            "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
            "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
            "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
            "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
            "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
            "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
            "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
            "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
            "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
            "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
            "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
            "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
            "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
            "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace",
            "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
            "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
            "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
            "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
            "doNotEmbedSmartTags", "decimalSymbol", "listSeparator", "*"]),
    ];

    enum Node<'a> {
        /// An element: its start tag (without the closing `>` or `/>`), its name, and
        /// its content; `None` for an empty element.
        Element {
            start: &'a str,
            name: &'a str,
            children: Option<Vec<Node<'a>>>,
        },
        /// Text, a declaration: copied as they are.
        Raw(&'a str),
    }

    /// `part` with the children of every element in `ORDERS` in schema order.
    pub(super) fn canonical(part: &[u8]) -> Result<Vec<u8>, ExportError> {
        let xml = std::str::from_utf8(part)
            .map_err(|e| failure(format!("docx-rs wrote a part that is not UTF-8: {e}")))?;
        let mut rest = xml;
        let nodes = parse(&mut rest, None)?;
        let mut out = String::with_capacity(xml.len());
        for node in nodes {
            write(node, &mut out);
        }
        Ok(out.into_bytes())
    }

    fn broken(what: &str) -> ExportError {
        failure(format!("docx-rs wrote XML this module cannot read: {what}"))
    }

    /// Nodes up to the end tag of `parent` (or the end of the text).
    fn parse<'a>(rest: &mut &'a str, parent: Option<&str>) -> Result<Vec<Node<'a>>, ExportError> {
        let mut nodes = Vec::new();
        loop {
            let Some(open) = rest.find('<') else {
                if !rest.is_empty() {
                    nodes.push(Node::Raw(rest));
                }
                *rest = "";
                return match parent {
                    None => Ok(nodes),
                    Some(name) => Err(broken(&format!("{name} is not closed"))),
                };
            };
            if open > 0 {
                nodes.push(Node::Raw(&rest[..open]));
                *rest = &rest[open..];
            }
            if let Some(after) = rest.strip_prefix("</") {
                let end = after
                    .find('>')
                    .ok_or_else(|| broken("an end tag is cut off"))?;
                if Some(after[..end].trim()) != parent {
                    return Err(broken(&format!("unexpected </{}>", &after[..end])));
                }
                *rest = &after[end + 1..];
                return Ok(nodes);
            }
            if rest.starts_with("<?") {
                let end = rest
                    .find("?>")
                    .ok_or_else(|| broken("a declaration is cut off"))?;
                nodes.push(Node::Raw(&rest[..end + 2]));
                *rest = &rest[end + 2..];
                continue;
            }
            if rest.starts_with("<!") {
                return Err(broken("comments, CDATA or DOCTYPE"));
            }
            // A start tag: find its `>`, skipping quoted attribute values.
            let mut quote = None;
            let end = rest
                .char_indices()
                .find(|&(_, c)| match quote {
                    Some(q) => {
                        if c == q {
                            quote = None;
                        }
                        false
                    }
                    None if c == '"' || c == '\'' => {
                        quote = Some(c);
                        false
                    }
                    None => c == '>',
                })
                .map(|(i, _)| i)
                .ok_or_else(|| broken("a start tag is cut off"))?;
            let tag = &rest[..end];
            *rest = &rest[end + 1..];
            let empty = tag.ends_with('/');
            let start = if empty {
                tag[..tag.len() - 1].trim_end()
            } else {
                tag
            };
            let name = start[1..]
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or_default();
            let children = if empty {
                None
            } else {
                Some(parse(rest, Some(name))?)
            };
            nodes.push(Node::Element {
                start,
                name,
                children,
            });
        }
    }

    /// Where `child` goes among the children of an element with this `order`.
    fn rank(order: &[&str], child: &str) -> usize {
        let local = child.strip_prefix("w:").unwrap_or("\u{0}");
        order
            .iter()
            .position(|entry| entry.split('|').any(|n| n == local))
            .or_else(|| order.iter().position(|entry| *entry == "*"))
            .unwrap_or(order.len())
    }

    fn write(node: Node<'_>, out: &mut String) {
        match node {
            Node::Raw(text) => out.push_str(text),
            Node::Element {
                start,
                name,
                children,
            } => {
                if name == "w:gridCol" {
                    out.push_str(&start.replace(" w:type=\"dxa\"", ""));
                } else {
                    out.push_str(start);
                }
                let Some(mut children) = children else {
                    out.push_str(" />");
                    return;
                };
                out.push('>');
                let order = ORDERS.iter().find(|(n, _)| *n == name).map(|(_, o)| *o);
                let only_elements = children.iter().all(|c| matches!(c, Node::Element { .. }));
                if let (Some(order), true) = (order, only_elements) {
                    // A stable sort: children of equal rank keep their order.
                    children.sort_by_key(|c| match c {
                        Node::Element { name, .. } => rank(order, name),
                        Node::Raw(_) => 0,
                    });
                }
                for child in children {
                    // An empty w:rPr says nothing, and docx-rs puts one in the paragraph
                    // properties of styles and numbering levels, where the schema has none.
                    if !matches!(
                        child,
                        Node::Element {
                            start: "<w:rPr",
                            children: None,
                            ..
                        }
                    ) {
                        write(child, out);
                    }
                }
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
    }

    #[cfg(test)]
    pub(super) fn unknown_children(part: &[u8]) -> Vec<String> {
        fn walk(nodes: &[Node<'_>], parent: &str, found: &mut Vec<String>) {
            let order = ORDERS.iter().find(|(n, _)| *n == parent).map(|(_, o)| *o);
            for node in nodes {
                if let Node::Element { name, children, .. } = node {
                    if let Some(order) = order
                        && rank(order, name) == order.len()
                    {
                        found.push(format!("{name} in {parent}"));
                    }
                    if let Some(children) = children {
                        walk(children, name, found);
                    }
                }
            }
        }
        let mut rest = std::str::from_utf8(part).expect("UTF-8");
        let nodes = parse(&mut rest, None).expect("parses");
        let mut found = Vec::new();
        walk(&nodes, "", &mut found);
        found
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    use super::*;
    use crate::export::{Column, Table};

    /// Every block kind, with Dutch diacritics, typographic quotes and XML's special
    /// characters, and a table long enough to run over a page.
    fn sample() -> Report {
        let row = |i: usize| {
            vec![
                format!("Niveau {i}: cliënt & gezin"),
                format!("Gesprek <{i}> met ‘de coördinator’"),
                "wijkteam".to_string(),
            ]
        };
        Report {
            language: Language::Nl,
            title: "Casus Ĳsselmonde: “Één gezin” & <vragen>".into(),
            subtitle: "Interventieplan – SWAN-casusbespreking".into(),
            footer: "Gemaakt met SWAN Casus op 3 maart 2025".into(),
            page_label: "Pagina {page} van {total}".into(),
            blocks: vec![
                Block::Heading { level: 1, text: "Fase 1: De vraag ‘achter’ de vraag".into() },
                Block::Fields(vec![
                    ("Datum".into(), "3 maart 2025".into()),
                    ("Hulpvraag".into(), "Hoe houdt de naïeve cliënt \"grip\" op z'n geld?".into()),
                ]),
                Block::Paragraph(
                    "Eerste regel met café, reünie en ideeën.\nTweede regel: a < b > c & d ' e \" f."
                        .into(),
                ),
                Block::Heading { level: 2, text: "Niveau 2 – het netwerk".into() },
                Block::List(vec![
                    "Ĳverige buurvrouw".into(),
                    "Zoë’s school & de “mentor”".into(),
                ]),
                Block::Heading { level: 3, text: "Item 3: geëvalueerd".into() },
                Block::Notice("Let op: dit plan heeft nog geen eigenaar <onbekend>.".into()),
                Block::Heading { level: 1, text: "Het plan".into() },
                Block::Table(Table {
                    columns: vec![
                        Column { title: "Niveau".into(), width: 2 },
                        Column { title: "Interventie".into(), width: 5 },
                        Column { title: "Wie".into(), width: 2 },
                    ],
                    rows: (1..=45).map(row).collect(),
                }),
                Block::Paragraph("Einde van het plan.".into()),
            ],
        }
    }

    fn part(docx: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip file");
        let mut file = archive
            .by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the docx"));
        let mut text = String::new();
        file.read_to_string(&mut text).expect("UTF-8");
        text
    }

    /// The text a reader sees in a WordprocessingML part: tags dropped, breaks and tabs as
    /// characters, entities resolved.
    fn visible_text(xml: &str) -> String {
        let mut out = String::new();
        let mut rest = xml;
        while let Some(start) = rest.find('<') {
            out.push_str(&rest[..start]);
            let end = start + rest[start..].find('>').expect("a closed tag");
            let tag = &rest[start + 1..end];
            let name = tag.split([' ', '/']).next().unwrap_or("");
            match name {
                "w:br" => out.push('\n'),
                "w:tab" if !tag.contains("w:val") => out.push('\t'),
                _ if tag == "/w:p" => out.push('\n'),
                "w:instrText" => {
                    // Field code, not text: skip to its end.
                    let close = rest[end..].find("</w:instrText>").expect("closed");
                    rest = &rest[end + close + "</w:instrText>".len()..];
                    continue;
                }
                _ => {}
            }
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&#xA;", "\n")
            .replace("&amp;", "&")
    }

    #[test]
    fn every_block_kind_renders_as_word_structure() {
        let report = sample();
        let docx = render(&report, &ReportStyle::builtin()).expect("renders");
        let document = part(&docx, "word/document.xml");
        let text = visible_text(&document);
        for expected in report.texts().filter(|t| *t != report.footer) {
            for line in expected.split('\n') {
                assert!(text.contains(line), "{line:?} is not in the document");
            }
        }
        // The specials are escaped, never raw.
        assert!(document.contains("&lt;vragen&gt;"));
        assert!(document.contains("cliënt &amp; gezin"));
        assert!(!document.contains("<vragen>") && !document.contains("<onbekend>"));
        // A line break inside a paragraph is a real break.
        assert!(document.contains("ideeën.</w:t><w:br w:type=\"textWrapping\" />"));

        for level in 1..=3 {
            assert!(document.contains(&format!("<w:pStyle w:val=\"Heading{level}\" />")));
        }
        assert!(document.contains("<w:pStyle w:val=\"Title\" />"));
        assert!(document.contains("<w:pStyle w:val=\"Notice\" />"));
        assert!(
            document.contains("<w:numId w:val=\"2\" />"),
            "bullets use numbering"
        );
        assert_eq!(
            document.matches("<w:tblHeader />").count(),
            1,
            "one plan table"
        );
        assert!(document.contains("<w:trPr><w:tblHeader /><w:cantSplit />"));
        assert!(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""));
        // Grid in the columns' proportions 2 : 5 : 2 of the text width.
        assert!(document.contains(concat!(
            r#"<w:tblGrid><w:gridCol w:w="2141" /><w:gridCol w:w="5354" />"#,
            r#"<w:gridCol w:w="2143" /></w:tblGrid>"#
        )));

        let styles = part(&docx, "word/styles.xml");
        for level in 1..=3 {
            assert!(styles.contains(&format!(
                "w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\" />"
            )));
        }
        assert!(
            styles.contains("<w:color w:val=\"1F4E79\" />"),
            "accent colour"
        );
        assert!(styles.contains("<w:lang w:val=\"nl-NL\""));
        assert!(styles.contains("w:ascii=\"Arial\""));
        assert!(styles.contains("<w:sz w:val=\"21\" />"), "10.5 pt body");
        assert!(styles.contains("<w:sz w:val=\"19\" />"), "9.5 pt in tables");
        assert!(part(&docx, "word/numbering.xml").contains("<w:numFmt w:val=\"bullet\" />"));

        let footer = part(&docx, "word/footer1.xml");
        assert!(footer.contains("Gemaakt met SWAN Casus op 3 maart 2025"));
        assert!(footer.contains(">PAGE<") && footer.contains(">NUMPAGES<"));
        assert!(visible_text(&footer).contains("Pagina 1 van 1"));

        let core = part(&docx, "docProps/core.xml");
        assert!(
            core.contains(
                "<dc:title>Casus Ĳsselmonde: “Één gezin” &amp; &lt;vragen&gt;</dc:title>"
            )
        );
        assert!(core.contains("<dc:language>nl-NL</dc:language>"));
    }

    #[test]
    fn english_reports_say_so_and_the_organisation_heads_the_page() {
        let mut report = sample();
        report.language = Language::En;
        let mut style = ReportStyle::builtin();
        style.organisation = "Wijkteam Noord & Zuid".into();
        let docx = render(&report, &style).expect("renders");
        assert!(part(&docx, "word/styles.xml").contains("<w:lang w:val=\"en-GB\""));
        assert!(part(&docx, "docProps/core.xml").contains("<dc:language>en-GB</dc:language>"));
        let document = part(&docx, "word/document.xml");
        let organisation = document
            .find("Wijkteam Noord &amp; Zuid")
            .expect("organisation");
        assert!(organisation < document.find("Casus Ĳsselmonde").expect("title"));
    }

    #[test]
    fn odd_tables_and_control_characters_still_make_a_valid_document() {
        let report = Report {
            language: Language::Nl,
            title: "Leeg\u{0}\u{8}".into(),
            subtitle: String::new(),
            footer: String::new(),
            page_label: "{total}/{page}".into(),
            blocks: vec![
                Block::Heading {
                    level: 0,
                    text: "Nul".into(),
                },
                Block::Heading {
                    level: 9,
                    text: "Negen".into(),
                },
                Block::Fields(vec![]),
                Block::List(vec![]),
                Block::Table(Table {
                    columns: vec![],
                    rows: vec![],
                }),
                Block::Table(Table {
                    columns: vec![Column {
                        title: "A".into(),
                        width: 0,
                    }],
                    rows: vec![vec![], vec!["1".into(), "2\r\n3".into()]],
                }),
            ],
        };
        let docx = render(&report, &ReportStyle::builtin()).expect("renders");
        let document = part(&docx, "word/document.xml");
        assert!(!document.contains('\u{0}') && !document.contains('\u{8}'));
        assert!(document.contains("<w:pStyle w:val=\"Heading1\" />"));
        assert!(document.contains("<w:pStyle w:val=\"Heading3\" />"));
        assert_eq!(document.matches("<w:tbl>").count(), 1);
        assert_eq!(
            document.matches("<w:gridCol ").count(),
            2,
            "a column for the extra cell"
        );
        assert!(visible_text(&document).contains("2\n3"));
        let footer = visible_text(&part(&docx, "word/footer1.xml"));
        assert!(footer.contains("1/1"));
    }

    #[test]
    fn a_broken_style_is_an_error_not_a_broken_file() {
        let mut style = ReportStyle::builtin();
        style.accent = "blue".into();
        let error = render(&sample(), &style).unwrap_err();
        assert!(matches!(
            error,
            ExportError::Render {
                format: Format::Docx,
                ..
            }
        ));
        let mut style = ReportStyle::builtin();
        style.font_size = f32::NAN;
        assert!(render(&sample(), &style).is_err());
    }

    #[test]
    fn every_child_element_has_its_place_in_the_schema_order() {
        let docx = render(&sample(), &ReportStyle::builtin()).expect("renders");
        for name in [
            "word/document.xml",
            "word/styles.xml",
            "word/numbering.xml",
            "word/settings.xml",
            "word/footer1.xml",
        ] {
            let xml = part(&docx, name);
            assert_eq!(
                schema_order::unknown_children(xml.as_bytes()),
                Vec::<String>::new()
            );
            assert!(!xml.contains("w:type=\"dxa\" /><w:gridCol"), "{name}");
        }
        let document = part(&docx, "word/document.xml");
        assert!(document.contains("<w:pPr><w:pStyle w:val=\"Title\" /></w:pPr>"));
        assert!(document.contains("<w:sectPr><w:footerReference "));
    }

    #[test]
    fn reordering_keeps_text_attributes_and_declarations() {
        let xml = concat!(
            r#"<?xml version="1.0"?><w:p a="x>y/"><w:r><w:t xml:space="preserve"> a &amp; b </w:t>"#,
            r#"<w:rPr><w:b /></w:rPr></w:r><w:pPr><w:rPr /><w:pStyle w:val="T" /></w:pPr></w:p>"#
        );
        let out = String::from_utf8(schema_order::canonical(xml.as_bytes()).unwrap()).unwrap();
        assert_eq!(
            out,
            concat!(
                r#"<?xml version="1.0"?><w:p a="x>y/"><w:pPr><w:pStyle w:val="T" /></w:pPr>"#,
                r#"<w:r><w:rPr><w:b /></w:rPr><w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p>"#
            )
        );
        assert!(schema_order::canonical(b"<w:p><w:r></w:p>").is_err());
    }

    #[test]
    fn a_column_is_as_wide_as_its_longest_word_when_the_others_can_give_way() {
        // Proportional widths when every word fits.
        assert_eq!(fit(9000, &[1, 2], &[1000, 1000]), vec![3000, 6000]);
        // The narrow column takes what its word needs; the others share the rest.
        let parts = fit(9000, &[1, 1, 4], &[2000, 500, 500]);
        assert_eq!(parts[0], 2000);
        assert_eq!(parts.iter().sum::<usize>(), 9000);
        assert_eq!(parts[1] * 4, parts[2]);
        // A need is capped at two fifths of the whole; if the needs cannot all be met,
        // plain proportions.
        assert_eq!(fit(10000, &[1, 3], &[9000, 100]), vec![4000, 6000]);
        assert_eq!(
            fit(9000, &[1, 1, 1], &[3500, 3500, 3500]),
            vec![3000, 3000, 3000]
        );

        // "welzijnsorganisatie," in 9.5 pt Arial is about 82 pt wide.
        let width = longest_word("door welzijnsorganisatie, met Noor", false, 19);
        assert!((1600..1700).contains(&width), "{width}");
        assert!(longest_word("Wmo-consultant", false, 19) < width);
        assert!(longest_word("Deadline", true, 19) > longest_word("Deadline", false, 19));
    }

    #[test]
    fn shares_add_up_to_the_whole() {
        assert_eq!(share(100, &[1, 1, 1]), vec![33, 33, 34]);
        assert_eq!(share(10, &[0, 0]), vec![5, 5]);
        assert_eq!(
            share(TEXT_WIDTH, &[3, 0, 7]).iter().sum::<usize>(),
            TEXT_WIDTH
        );
    }

    fn on_path(names: &[&str]) -> Option<PathBuf> {
        let path = std::env::var_os("PATH")?;
        names.iter().find_map(|name| {
            std::env::split_paths(&path)
                .map(|dir| dir.join(name))
                .find(|candidate| candidate.is_file())
        })
    }

    /// Runs `command`, giving up after `limit`.
    fn run(mut command: Command, limit: Duration) -> bool {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the program starts");
        let start = Instant::now();
        loop {
            if let Some(status) = child.try_wait().expect("waits") {
                return status.success();
            }
            if start.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                return false;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn squeeze(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// LibreOffice opens the file and lays it out as intended: every text arrives intact,
    /// the header row repeats on the second page, and the footer counts the pages.
    /// Set SWAN_DOCX_KEEP=DIR to keep the DOCX and PDF there for a look.
    #[test]
    fn libreoffice_reads_the_document() {
        let Some(soffice) = on_path(&["soffice", "libreoffice"]) else {
            eprintln!("LibreOffice not installed: skipped the real-client check");
            return;
        };
        let Some(pdftotext) = on_path(&["pdftotext"]) else {
            eprintln!("pdftotext not installed: skipped the real-client check");
            return;
        };
        let temp = tempfile::tempdir().expect("a temporary directory");
        let keep = std::env::var_os("SWAN_DOCX_KEEP").map(PathBuf::from);
        let out: &Path = keep.as_deref().unwrap_or(temp.path());
        std::fs::create_dir_all(out).expect("the output directory");

        let report = sample();
        let docx = out.join("plan.docx");
        std::fs::write(
            &docx,
            render(&report, &ReportStyle::builtin()).expect("renders"),
        )
        .expect("writes");
        let profile = temp.path().join("profile");
        let mut convert = Command::new(&soffice);
        convert
            .env("HOME", temp.path())
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(out)
            .arg(&docx);
        assert!(
            run(convert, Duration::from_secs(180)),
            "LibreOffice converts the DOCX"
        );

        let pdf = out.join("plan.pdf");
        let txt = out.join("plan.txt");
        let mut extract = Command::new(pdftotext);
        extract.args(["-enc", "UTF-8"]).arg(&pdf).arg(&txt);
        assert!(
            run(extract, Duration::from_secs(60)),
            "pdftotext reads the PDF"
        );
        let text = std::fs::read_to_string(&txt).expect("the text");
        let flat = squeeze(&text);
        for expected in report.texts() {
            for line in expected.split('\n') {
                assert!(
                    flat.contains(&squeeze(line)),
                    "{line:?} is not in the PDF:\n{text}"
                );
            }
        }
        let pages = text.matches('\u{c}').count();
        assert!(pages >= 2, "the long table runs over a page");
        for page in 1..=pages {
            assert!(
                flat.contains(&format!("Pagina {page} van {pages}")),
                "{text}"
            );
        }
        assert!(
            flat.matches("Interventie").count() >= 2,
            "the header row repeats: {text}"
        );
    }
}
