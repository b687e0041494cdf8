//! The plan as a format-independent document: headings, paragraphs, fields, lists and
//! tables. `plan::build_report` fills it from a case; each format renders it.

use crate::i18n::Language;

/// One report, ready to be rendered in any format.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub language: Language,
    /// The case title.
    pub title: String,
    /// What kind of document this is: "Interventieplan — SWAN-casusbespreking".
    pub subtitle: String,
    /// The credit and the date it was made, at the foot of every page.
    pub footer: String,
    /// "Pagina {page} van {total}": the renderer fills in the numbers.
    pub page_label: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1 is a chapter (phase, plan, signals), 2 a level within it, 3 an item.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// Label–value pairs, such as date and question.
    Fields(Vec<(String, String)>),
    /// Bullet points.
    List(Vec<String>),
    Table(Table),
    /// Something the reader should notice: a warning about the plan.
    Notice(String),
    /// Room to write by hand on paper: a label, optionally with a box to tick, then so
    /// many ruled lines (the resident's response, a date, a signature).
    WriteIn {
        label: String,
        lines: u8,
        checkbox: bool,
    },
}

/// A table whose header row is repeated on every page it spans.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub title: String,
    /// Relative width: the columns share the page width in these proportions.
    pub width: u8,
}

impl Report {
    /// Every piece of text in reading order; for tests and for a plain-text view.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        [self.title.as_str(), self.subtitle.as_str()]
            .into_iter()
            .chain(
                self.blocks
                    .iter()
                    .flat_map(|block| -> Box<dyn Iterator<Item = &str>> {
                        match block {
                            Block::Heading { text, .. }
                            | Block::Paragraph(text)
                            | Block::Notice(text)
                            | Block::WriteIn { label: text, .. } => {
                                Box::new(std::iter::once(text.as_str()))
                            }
                            Block::Fields(fields) => {
                                Box::new(fields.iter().flat_map(|(l, v)| [l.as_str(), v.as_str()]))
                            }
                            Block::List(items) => Box::new(items.iter().map(String::as_str)),
                            Block::Table(table) => Box::new(
                                table
                                    .columns
                                    .iter()
                                    .map(|c| c.title.as_str())
                                    .chain(table.rows.iter().flatten().map(String::as_str)),
                            ),
                        }
                    }),
            )
            .chain(std::iter::once(self.footer.as_str()))
    }
}
