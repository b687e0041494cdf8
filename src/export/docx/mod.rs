//! The report as a Word document (DOCX), built with docx-rs.
//!
//! Real Word structure throughout, so the file behaves like one a person made in Word or
//! LibreOffice: the title in the Title style, headings in the built-in "heading 1..3"
//! styles (they show in the navigation pane), bullets from a numbering definition, tables
//! whose header row repeats on every page, and a footer with PAGE and NUMPAGES fields.
//!
//! docx-rs cannot write some of what this module needs, so it is added to the XML parts
//! docx-rs produces, before they are zipped (see `xml`): `w:tblHeader` on the header row
//! of each plan table, the document language in the style defaults, and the element order
//! the schema prescribes; and the core properties (title, language) are written here.
//!
//! - `styles`: Word styles, fonts and the bullet numbering.
//! - `columns`: the widths of table columns, from the words in them.
//! - `xml`: the patches to the XML.

pub(crate) mod columns;
mod styles;
mod xml;

use std::io::Cursor;

use docx_rs::{
    BorderType, BreakType, Docx, FieldCharType, Footer, IndentLevel, InstrNUMPAGES, InstrPAGE,
    InstrText, LineSpacing, LineSpacingType, NumberingId, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Pic, Run, Shading, Tab, TabValueType, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType, XMLDocx,
};

use super::style::LogoFormat;
use super::{Block, ExportError, Format, Report, ReportStyle};
use crate::i18n::Language;
use columns::CELL_PADDING;
use styles::BULLETS;

/// A4 in twips (twentieths of a point).
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// 2 cm.
const MARGIN: i32 = 1134;
/// From the page edge to the header and footer text: 1 cm.
const HEADER_FOOTER_DISTANCE: i32 = 567;
/// The width between the margins, which the tables fill.
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * MARGIN as usize;

/// Table rules: a soft grey, 1/2 pt (border sizes are in eighths of a point).
const RULE_GREY: &str = "BFBFBF";
const RULE_SIZE: usize = 4;
const FIELD_LABEL_SHARE: usize = 30;

/// The report as the bytes of a .docx file.
pub fn render(report: &Report, style: &ReportStyle) -> Result<Vec<u8>, ExportError> {
    let look = Look::from_style(style)?;
    let language = language_tag(report.language);
    let organisation = style.organisation.trim();
    let (docx, header_tables) = add_blocks(document(report, &look, style), report, &look);
    let mut xml = docx.build();
    patch(&mut xml, &header_tables, language)?;
    xml.doc_props.core = core_properties(report, organisation, language).into_bytes();

    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes)
        .map_err(|e| failure(format!("cannot zip the document: {e}")))?;
    Ok(bytes.into_inner())
}

/// The page, the defaults, the styles, the footer, and the lines above the first heading.
fn document(report: &Report, look: &Look, style: &ReportStyle) -> Docx {
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
        .default_fonts(styles::fonts())
        .default_size(look.body)
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .default_tab_stop(709)
        .add_abstract_numbering(styles::bullet_definition())
        .add_numbering(docx_rs::Numbering::new(BULLETS, BULLETS))
        .footer(footer(report));
    for s in styles::styles(look) {
        docx = docx.add_style(s);
    }
    if let Some(logo) = logo(style) {
        docx = docx.add_paragraph(logo);
    }
    let organisation = style.organisation.trim();
    let contact = style.contact.trim();
    if !organisation.is_empty() {
        let mut paragraph = styled("Organisation", organisation);
        if !contact.is_empty() {
            paragraph = paragraph.line_spacing(LineSpacing::new().before(0).after(40));
        }
        docx = docx.add_paragraph(paragraph);
    }
    if !contact.is_empty() {
        docx = docx.add_paragraph(styled("Contact", contact));
    }
    docx = docx.add_paragraph(styled("Title", &report.title));
    if !report.subtitle.trim().is_empty() {
        docx = docx.add_paragraph(styled("Subtitle", &report.subtitle));
    }
    docx
}

/// The logo, 1.5 cm high (at most 8 cm wide), in a paragraph of its own. Word has no
/// plain SVG picture (it needs a PNG beside it), so an SVG logo is left out of the DOCX.
fn logo(style: &ReportStyle) -> Option<Paragraph> {
    const EMU_PER_CM: u64 = 360_000;
    let logo = style.logo.as_ref()?;
    let (LogoFormat::Png, Some((width, height))) = (logo.format, logo.pixels) else {
        return None;
    };
    let height_emu = 15 * EMU_PER_CM / 10;
    let width_emu = (height_emu * u64::from(width) / u64::from(height)).min(8 * EMU_PER_CM);
    let height_emu = height_emu.min(width_emu * u64::from(height) / u64::from(width).max(1));
    let picture = Pic::new_with_dimensions(logo.data.to_vec(), width, height).size(
        u32::try_from(width_emu).ok()?,
        u32::try_from(height_emu).ok()?,
    );
    Some(
        Paragraph::new()
            .line_spacing(LineSpacing::new().before(0).after(160))
            .add_run(Run::new().add_image(picture)),
    )
}

/// `docx` with the report's blocks, and which of its tables, in order, have a header row
/// to repeat.
fn add_blocks(mut docx: Docx, report: &Report, look: &Look) -> (Docx, Vec<bool>) {
    let mut header_tables = Vec::new();
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
                if let Some(t) = plan_table(table, look) {
                    docx = docx.add_table(t).add_paragraph(gap());
                    header_tables.push(true);
                }
            }
            Block::Notice(text) => {
                docx = docx.add_paragraph(styled("Notice", text));
            }
            Block::WriteIn {
                label,
                lines,
                checkbox,
            } => {
                let label = if *checkbox {
                    format!("☐ {label}")
                } else {
                    label.clone()
                };
                let p = Paragraph::new().keep_next(*lines > 0);
                docx = docx.add_paragraph(with_text(p, &label, Run::new()));
                for line in 0..*lines {
                    let ruled = Paragraph::new()
                        .style("WriteInLine")
                        .keep_next(line + 1 < *lines);
                    docx = docx.add_paragraph(ruled);
                }
            }
        }
    }
    (docx, header_tables)
}

/// What docx-rs cannot write, added to its XML: header rows, the language, schema order.
fn patch(xml: &mut XMLDocx, header_tables: &[bool], language: &str) -> Result<(), ExportError> {
    xml.document = xml::mark_header_rows(&xml.document, header_tables)?;
    xml.styles = xml::set_language(&xml.styles, language)?;
    for part in [
        &mut xml.document,
        &mut xml.styles,
        &mut xml.numberings,
        &mut xml.settings,
    ]
    .into_iter()
    .chain(xml.footers.iter_mut())
    {
        *part = xml::canonical(part)?;
    }
    Ok(())
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
        style.validate(Format::Docx)?;
        Ok(Look {
            accent: style.accent_hex().to_ascii_uppercase(),
            light: style.light_hex().to_ascii_uppercase(),
            body: (style.font_size * 2.0).round() as usize,
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
    let widths = columns::widths(table, TEXT_WIDTH, look.table_size());
    if widths.is_empty() {
        return None;
    }
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

/// docProps/core.xml with the report's title and language. docx-rs can set neither.
fn core_properties(report: &Report, organisation: &str, language: &str) -> String {
    let escape = |text: &str| {
        let kept: String = text
            .chars()
            .filter(|&c| allowed_in_xml(c) || c == '\n' || c == '\t')
            .collect();
        quick_xml::escape::escape(kept).into_owned()
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
        assert!(document.contains("<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>"));
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
            ExportError::Style {
                format: Format::Docx,
                ..
            }
        ));
        // The same limits as the PDF: 4 pt was accepted here once, not any more.
        for size in [f32::NAN, 4.0, 41.0] {
            let mut style = ReportStyle::builtin();
            style.font_size = size;
            assert!(render(&sample(), &style).is_err(), "{size}");
        }
    }

    /// Every element with an order list has its children in that order, and none the
    /// list does not know, in every XML part with WordprocessingML content.
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
            assert_eq!(xml::order_problems(&xml), Vec::<String>::new(), "{name}");
            assert!(!xml.contains("w:type=\"dxa\" /><w:gridCol"), "{name}");
            assert!(!xml.contains("<w:rPr />"), "{name}");
        }
        let document = part(&docx, "word/document.xml");
        assert!(document.contains("<w:pPr><w:pStyle w:val=\"Title\" /></w:pPr>"));
        assert!(document.contains("<w:sectPr><w:footerReference "));
        // Bold before the colour in a run, as CT_RPr has them.
        assert!(document.contains("<w:rPr><w:b /><w:bCs /><w:color w:val=\"1F4E79\" />"));
        let styles = part(&docx, "word/styles.xml");
        assert!(styles.contains(concat!(
            r#"<w:rPr><w:b /><w:bCs /><w:color w:val="1F4E79" /><w:sz w:val="32" />"#,
            r#"<w:szCs w:val="32" /></w:rPr>"#
        )));
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
