//! The Word styles, fonts and bullet numbering of the document. "Normal" comes from
//! docx-rs; the body font, size and spacing are the document defaults it inherits.

use docx_rs::{
    AbstractNumbering, BorderType, Level, LevelJc, LevelText, LineSpacing, LineSpacingType,
    NumberFormat, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, RunFonts, Shading,
    SpecialIndentType, Start, Style, StyleType,
};

use super::Look;

pub(super) const FONT: &str = "Arial";
/// Secondary text: subtitle and footer.
const MUTED: &str = "595959";
/// The footer's size in half-points: 8 pt.
const FOOTER_SIZE: usize = 16;
/// The bullets' abstract and concrete numbering id. docx-rs always writes a numbered
/// definition of its own with id 1.
pub(super) const BULLETS: usize = 2;

pub(super) fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// The paragraph styles the document uses.
pub(super) fn styles(look: &Look) -> Vec<Style> {
    front_page(look)
        .into_iter()
        .chain(headings(look))
        .chain([
            paragraph("ListBullet", "List Bullet").line_spacing(spacing(0, 60)),
            notice(look),
            write_in_line(),
        ])
        .chain(body(look))
        .collect()
}

/// A paragraph style based on "Normal", followed by "Normal".
fn paragraph(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

/// Title, subtitle (with a rule under it) and the organisation's lines above the title.
fn front_page(look: &Look) -> [Style; 4] {
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
    let contact = paragraph("Contact", "Contact")
        .size(look.scaled(0.9))
        .color(MUTED)
        .line_spacing(spacing(0, 240));
    [title, subtitle, organisation, contact]
}

/// Word's built-in "heading 1..3", so that they show in the navigation pane.
fn headings(look: &Look) -> impl Iterator<Item = Style> + '_ {
    [(1.5, 360, 120), (1.25, 280, 100), (1.1, 200, 60)]
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
        })
}

/// An empty paragraph ruled at the bottom: a line to write on by hand.
fn write_in_line() -> Style {
    let mut line = paragraph("WriteInLine", "Write-in line").line_spacing(spacing(360, 240));
    let rule = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .size(4)
        .space(1)
        .color("888888");
    line.paragraph_property = line
        .paragraph_property
        .set_borders(ParagraphBorders::with_empty().set(rule));
    line
}

/// A shaded box with a bar in the accent colour on the left.
fn notice(look: &Look) -> Style {
    let mut notice = paragraph("Notice", "Notice").line_spacing(spacing(120, 240));
    // The borders other than the bar, in the shading's colour, only pad the text.
    let borders = [
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
    );
    notice.paragraph_property = notice
        .paragraph_property
        .shading(Shading::new().fill(&look.light))
        .keep_lines(true)
        .indent(Some(113), None, Some(113), None)
        .set_borders(borders);
    notice
}

/// The text in tables and the footer.
fn body(look: &Look) -> [Style; 3] {
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
    [table_text, field_text, footer]
}

/// The bullets: a round one, and a dash on the second level.
pub(super) fn bullet_definition() -> AbstractNumbering {
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
