//! The PDF report, laid out by typst. The look lives in one template an organisation can
//! change, assets/report/report.typ; this module only hands the report and the style to it
//! as data (`sys.inputs`), so user text is never read as typst markup. The template and
//! the fonts (Liberation Sans, SIL OFL 1.1) are built into the program: rendering touches
//! no file and no network.

use std::sync::OnceLock;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Array, Bytes, Dict, IntoValue, Value};
use typst_as_lib::{TypstAsLibError, TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

use super::docx::columns;
use super::style::{Logo, LogoFormat};
use super::{Block, ExportError, Format, Report, ReportStyle, Table, fonts};
use crate::i18n::Language;

const TEMPLATE: &str = include_str!("../../assets/report/report.typ");

/// The width of the text on the page in twips (1/20 pt): A4, 210 mm, less the template's
/// margins of 2.2 cm on either side.
const TEXT_WIDTH: usize = 9411;
/// The template's table cell inset on either side, 6 pt, in twips.
const CELL_PADDING: usize = 120;

const FONTS: [&[u8]; 4] = [
    fonts::REGULAR,
    fonts::BOLD,
    fonts::ITALIC,
    fonts::BOLD_ITALIC,
];

/// The report as a PDF file.
pub fn render(report: &Report, style: &ReportStyle) -> Result<Vec<u8>, ExportError> {
    style.validate(Format::Pdf)?;
    let inputs = inputs(report, style);
    let document: PagedDocument = engine()
        .compile_with_input(inputs)
        .output
        .map_err(|e| failure(describe(&e)))?;
    let options = typst_pdf::PdfOptions::default();
    typst_pdf::pdf(&document, &options)
        .map(without_suspects_false)
        .map_err(|diagnostics| failure(messages(&diagnostics)))
}

/// The mark-information dictionary that typst (krilla) writes for a tagged PDF.
const MARK_INFO: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";
const SUSPECTS_FALSE: &[u8] = b"/Suspects false";

/// Blanks out `/Suspects false` in the catalog's mark information. The entry is optional
/// and false is its default, so the file means the same without it (PDF/UA asks only that
/// it is not true); but poppler up to 25.11 wrongly reports a false value as "Syntax
/// Error: Suspects object is wrong type (boolean)", so pdfinfo and pdftotext complain about
/// every report. The entry is overwritten by spaces of the same length, so every byte
/// offset in the cross-reference table stays right. Only the exact dictionary krilla
/// writes is touched, once; anything else leaves the file as it is.
fn without_suspects_false(mut pdf: Vec<u8>) -> Vec<u8> {
    let mut found = pdf
        .windows(MARK_INFO.len())
        .enumerate()
        .filter(|(_, w)| *w == MARK_INFO)
        .map(|(at, _)| at);
    if let (Some(at), None) = (found.next(), found.next()) {
        let start = at + MARK_INFO.len() - 2 - SUSPECTS_FALSE.len();
        pdf[start..start + SUSPECTS_FALSE.len()].fill(b' ');
    }
    pdf
}

/// How many compilations a piece of typst's memoised work (a laid-out paragraph, the
/// evaluated template) survives unused. typst-as-lib's default, 0, throws it all away after
/// every report; keeping the last report's lets the same case exported again take a fifth
/// of the time (BENCHMARKS.md, "PDF"). After an edit typst lays the report out anew
/// anyway (page numbers and positions change), so more would only hold memory.
const EVICT_AFTER: usize = 1;

/// Forgets all of typst's memoised work, so that the next report is laid out from scratch,
/// as in a fresh process. For benchmarks that measure exactly that.
pub fn forget_layouts() {
    typst::comemo::evict(0);
}

/// The template and the fonts, parsed once for the life of the program.
fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .main_file(TEMPLATE)
            .fonts(FONTS)
            .comemo_evict_max_age(Some(EVICT_AFTER))
            .build()
    })
}

fn failure(detail: String) -> ExportError {
    ExportError::Render {
        format: Format::Pdf,
        detail,
    }
}

fn describe(error: &TypstAsLibError) -> String {
    match error {
        TypstAsLibError::TypstSource(diagnostics) => messages(diagnostics),
        other => other.to_string(),
    }
}

fn messages(diagnostics: &[SourceDiagnostic]) -> String {
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let hints = d.hints.iter().map(|h| format!(" (hint: {})", h.v));
            format!("{}{}", d.message, hints.collect::<String>())
        })
        .collect();
    if errors.is_empty() {
        "typst could not lay out the report".into()
    } else {
        format!("report template: {}", errors.join("; "))
    }
}

// ---- The data the template reads as `sys.inputs` ----------------------------------------
//
// The shape is described at the top of assets/report/report.typ; keep the two together.

fn inputs(report: &Report, style: &ReportStyle) -> Dict {
    let mut inputs = Dict::new();
    inputs.insert("style".into(), style_value(style));
    inputs.insert("report".into(), report_value(report, style));
    inputs
}

fn style_value(style: &ReportStyle) -> Value {
    dict([
        ("accent", string(&style.accent.to_ascii_lowercase())),
        ("light", string(&style.light.to_ascii_lowercase())),
        ("font-size", Value::Float(f64::from(style.font_size))),
        ("organisation", string(&style.organisation)),
        ("contact", string(&style.contact)),
        ("logo", logo_value(style.logo.as_ref())),
    ])
}

/// The logo as a dictionary of its bytes and format, or none.
fn logo_value(logo: Option<&Logo>) -> Value {
    let Some(logo) = logo else {
        return Value::None;
    };
    let format = match logo.format {
        LogoFormat::Png => "png",
        LogoFormat::Svg => "svg",
    };
    dict([
        ("data", Value::Bytes(Bytes::new(logo.data.clone()))),
        ("format", string(format)),
    ])
}

fn report_value(report: &Report, style: &ReportStyle) -> Value {
    let lang = match report.language {
        Language::Nl => "nl",
        Language::En => "en",
    };
    dict([
        ("lang", string(lang)),
        ("title", string(&report.title)),
        ("subtitle", string(&report.subtitle)),
        ("footer", string(&report.footer)),
        ("page-label", string(&report.page_label)),
        (
            "blocks",
            array(report.blocks.iter().map(|b| block_value(b, style))),
        ),
    ])
}

fn block_value(block: &Block, style: &ReportStyle) -> Value {
    match block {
        Block::Heading { level, text } => dict([
            ("kind", string("heading")),
            ("level", Value::Int(i64::from((*level).clamp(1, 3)))),
            ("text", string(text)),
        ]),
        Block::Paragraph(text) => dict([("kind", string("paragraph")), ("text", string(text))]),
        Block::Fields(fields) => dict([
            ("kind", string("fields")),
            (
                "items",
                array(
                    fields
                        .iter()
                        .map(|(label, value)| array([string(label), string(value)])),
                ),
            ),
        ]),
        Block::List(items) => dict([
            ("kind", string("list")),
            ("items", array(items.iter().map(|item| string(item)))),
        ]),
        Block::Table(table) => table_value(table, style),
        Block::Notice(text) => dict([("kind", string("notice")), ("text", string(text))]),
        Block::WriteIn {
            label,
            lines,
            checkbox,
        } => dict([
            ("kind", string("write-in")),
            ("label", string(label)),
            ("lines", Value::Int(i64::from(*lines))),
            ("checkbox", Value::Bool(*checkbox)),
        ]),
    }
}

/// Every row gets exactly one cell per column, so that a short or long row cannot shift
/// the cells after it. A row longer than the header adds untitled columns rather than
/// losing text.
///
/// The widths are the columns' proportions, but every column at least as wide as its
/// longest word (as in the DOCX), so that no word needs breaking: the template does not
/// hyphenate.
fn table_value(table: &Table, style: &ReportStyle) -> Value {
    let longest_row = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    let count = table.columns.len().max(longest_row).max(1);
    // Half-points, rounded up: a column a little too wide is harmless.
    let size = (style.font_size * 2.0).ceil() as usize;
    let mut widths = columns::widths_with_padding(table, TEXT_WIDTH, size, CELL_PADDING);
    widths.resize(count, 1);
    let columns = (0..count).map(|i| {
        let title = table.columns.get(i).map_or("", |c| c.title.as_str());
        let width = i64::try_from(widths[i].max(1)).unwrap_or(1);
        dict([("title", string(title)), ("width", Value::Int(width))])
    });
    let rows = table
        .rows
        .iter()
        .map(|row| array((0..count).map(|i| string(row.get(i).map_or("", String::as_str)))));
    dict([
        ("kind", string("table")),
        ("columns", array(columns)),
        ("rows", array(rows)),
    ])
}

fn string(text: &str) -> Value {
    text.into_value()
}

fn array(values: impl IntoIterator<Item = Value>) -> Value {
    Value::Array(values.into_iter().collect::<Array>())
}

fn dict<const N: usize>(entries: [(&str, Value); N]) -> Value {
    let mut dict = Dict::new();
    for (key, value) in entries {
        dict.insert(key.into(), value);
    }
    Value::Dict(dict)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};
    use std::process::Command;
    use std::time::Instant;

    use super::*;
    use crate::export::{Column, StyleColour, StyleProblem};

    /// Text with Dutch diacritics, typographic quotes and every character typst markup
    /// gives a meaning to.
    const TRICKY: &str = "Café “De Ëik” geëmigreerd — ‘ĳs’ naïef, über façade – #let x = 1; *vet* _schuin_ \
                          $a+b$ [haak] <label> @ref \\ back`tick` ~ // geen commentaar /* */ =kop";

    fn style() -> ReportStyle {
        ReportStyle::builtin()
    }

    fn sample() -> Report {
        Report {
            language: Language::Nl,
            title: "Meneer Jansen en de scootmobiel — één ĳsvogel".into(),
            subtitle: "Interventieplan — SWAN-casusbespreking".into(),
            footer: "Gemaakt met SWAN Casus · 3 maart 2026".into(),
            page_label: "Pagina {page} van {total}".into(),
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "Fase 1: De vraag #1".into(),
                },
                Block::Fields(vec![
                    ("Datum".into(), "3 maart 2026".into()),
                    (
                        "Vraag".into(),
                        "Hoe blijft meneer Jansen zelfstandig? $5 [a] *b*".into(),
                    ),
                ]),
                Block::Paragraph(TRICKY.into()),
                Block::Paragraph(
                    "Eerste regel\ntweede regel\n\nNieuwe alinea met ĳverige ïnzet.".into(),
                ),
                Block::Heading {
                    level: 2,
                    text: "Niveau 2 <persoon>".into(),
                },
                Block::List(vec![
                    "Buurvrouw helpt met boodschappen_".into(),
                    "Wijkteam @gemeente bellen".into(),
                    "Bezwaar \\ indienen".into(),
                ]),
                Block::Heading {
                    level: 3,
                    text: "Item ‘drie’".into(),
                },
                Block::Notice("Let op: er is nog geen eigenaar voor interventie “B”.".into()),
                Block::Table(Table {
                    columns: vec![
                        Column {
                            title: "Interventie".into(),
                            width: 3,
                        },
                        Column {
                            title: "Wie".into(),
                            width: 1,
                        },
                        Column {
                            title: "Wanneer".into(),
                            width: 1,
                        },
                    ],
                    rows: vec![
                        vec![
                            "Aanvraag Wmo-voorziening".into(),
                            "Sanne".into(),
                            "week 12".into(),
                        ],
                        vec!["Kort".into()],
                        vec!["a".into(), "b".into(), "c".into(), "extra kolom".into()],
                    ],
                }),
            ],
        }
    }

    fn long_table_report(rows: usize) -> Report {
        let mut report = sample();
        report.blocks = vec![
            Block::Heading {
                level: 1,
                text: "Het plan".into(),
            },
            Block::Paragraph("Alle interventies op een rij.".into()),
            Block::Table(Table {
                columns: vec![
                    Column {
                        title: "Nr".into(),
                        width: 1,
                    },
                    Column {
                        title: "Interventie".into(),
                        width: 5,
                    },
                    Column {
                        title: "Uitvoerder".into(),
                        width: 2,
                    },
                    Column {
                        title: "Termijn".into(),
                        width: 2,
                    },
                ],
                rows: (1..=rows)
                    .map(|i| {
                        vec![
                            i.to_string(),
                            format!(
                                "Interventie {i}: gesprek met de cliënt en zijn netwerk over \
                                 ondersteuningsbehoeften en de rol van de wijkverpleegkundige"
                            ),
                            "Wijkteam Noord".into(),
                            format!("week {}", 10 + i % 20),
                        ]
                    })
                    .collect(),
            }),
            Block::Paragraph("Einde van het plan.".into()),
        ];
        report
    }

    fn out_dir() -> PathBuf {
        let dir = std::env::temp_dir().join("swan-casus-pdf-tests");
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Whether a poppler tool can be run; without it the test notes that and stops, except
    /// in CI, where it must be there.
    fn have(tool: &str) -> bool {
        let found = Command::new(tool).arg("-v").output().is_ok();
        if !found {
            if std::env::var_os("CI").is_some() {
                panic!(
                    "{tool} (poppler-utils) is needed for the PDF tests in CI: apt-get install poppler-utils"
                );
            }
            eprintln!("note: {tool} not found (poppler-utils); skipping the PDF text checks");
        }
        found
    }

    fn pdftotext(pdf: &Path, page: Option<usize>) -> String {
        let mut command = Command::new("pdftotext");
        command.arg("-enc").arg("UTF-8");
        if let Some(page) = page {
            command.args(["-f", &page.to_string(), "-l", &page.to_string()]);
        }
        let output = command.arg(pdf).arg("-").output().expect("pdftotext runs");
        assert!(output.status.success(), "pdftotext failed: {output:?}");
        String::from_utf8(output.stdout).expect("pdftotext gives UTF-8")
    }

    fn page_count(pdf: &Path) -> usize {
        let output = Command::new("pdfinfo")
            .arg(pdf)
            .output()
            .expect("pdfinfo runs");
        assert!(output.status.success(), "pdfinfo failed: {output:?}");
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("pdfinfo reports the page count")
    }

    /// pdftotext breaks lines where the layout does; compare text with all whitespace
    /// squeezed out of both sides.
    fn squeeze(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn every_block_kind_renders_with_its_text_intact() {
        let report = sample();
        let pdf = render(&report, &style()).expect("the report renders");
        assert!(pdf.starts_with(b"%PDF"));
        let path = out_dir().join("every-block.pdf");
        std::fs::write(&path, &pdf).unwrap();
        if !have("pdftotext") {
            return;
        }
        let text = squeeze(&pdftotext(&path, None));
        for expected in report
            .texts()
            .chain([TRICKY, "Pagina 1 van 1", "extra kolom"])
        {
            assert!(
                text.contains(&squeeze(expected)),
                "the PDF text lacks {expected:?}; it has:\n{text}"
            );
        }
        for word in [
            "é", "ë", "ï", "ĳ", "ü", "ç", "‘", "’", "“", "”", "–", "#", "$", "\\", "//", "<", "@",
        ] {
            assert!(text.contains(word), "the PDF text lacks {word:?}");
        }
    }

    #[test]
    fn a_long_table_repeats_its_header_on_every_page() {
        let report = long_table_report(100);
        let started = Instant::now();
        let pdf = render(&report, &style()).expect("the report renders");
        eprintln!("100-row report rendered in {:?}", started.elapsed());
        assert!(pdf.starts_with(b"%PDF"));
        let path = out_dir().join("long-table.pdf");
        std::fs::write(&path, &pdf).unwrap();
        if !(have("pdfinfo") && have("pdftotext")) {
            return;
        }
        let pages = page_count(&path);
        assert!(
            pages >= 3,
            "100 rows should take at least 3 pages, not {pages}"
        );
        let mut pages_with_rows = 0;
        for page in 1..=pages {
            let text = pdftotext(&path, Some(page));
            assert!(
                text.contains(&format!("Pagina {page} van {pages}")),
                "page {page} lacks its page label:\n{text}"
            );
            if text.contains("Wijkteam Noord") {
                pages_with_rows += 1;
                for title in ["Nr", "Interventie", "Uitvoerder", "Termijn"] {
                    assert!(
                        text.contains(title),
                        "page {page} lacks the header {title:?}:\n{text}"
                    );
                }
            }
        }
        assert!(pages_with_rows >= 3);
    }

    #[test]
    fn organisation_line_and_english_render() {
        let mut report = sample();
        report.language = Language::En;
        report.page_label = "Page {page} of {total}".into();
        let mut style = style();
        style.organisation = "Gemeente Ĳsselstein — Sociaal Wijkteam".into();
        let pdf = render(&report, &style).expect("the report renders");
        let path = out_dir().join("organisation.pdf");
        std::fs::write(&path, &pdf).unwrap();
        if !have("pdftotext") {
            return;
        }
        let text = pdftotext(&path, Some(1));
        assert!(
            text.contains("Gemeente Ĳsselstein — Sociaal Wijkteam"),
            "{text}"
        );
        assert!(text.contains("Page 1 of 1"), "{text}");
    }

    #[test]
    fn a_broken_style_is_an_error_not_a_panic() {
        let mut style = style();
        style.accent = "blue".into();
        let error = render(&sample(), &style).unwrap_err();
        assert!(
            matches!(
                error,
                ExportError::Style {
                    format: Format::Pdf,
                    problem: StyleProblem::Colour {
                        colour: StyleColour::Accent,
                        ..
                    }
                }
            ),
            "{error}"
        );
    }

    #[test]
    fn empty_and_odd_tables_render() {
        let mut report = sample();
        report.blocks = vec![
            Block::Table(Table {
                columns: vec![],
                rows: vec![],
            }),
            Block::Table(Table {
                columns: vec![Column {
                    title: "Alleen kop".into(),
                    width: 0,
                }],
                rows: vec![],
            }),
            Block::Table(Table {
                columns: vec![
                    Column {
                        title: "Smal".into(),
                        width: 1,
                    },
                    Column {
                        title: "Breed".into(),
                        width: 6,
                    },
                ],
                rows: vec![vec![
                    "https://www.gemeente.nl/wmo/aanvraag-ondersteuning".into(),
                    "Arbeidsongeschiktheidsverzekeringsmaatschappijen".into(),
                ]],
            }),
            Block::Fields(vec![]),
            Block::List(vec![]),
            Block::Paragraph(String::new()),
            Block::Heading {
                level: 9,
                text: "Diep".into(),
            },
        ];
        let pdf = render(&report, &style()).expect("the report renders");
        assert!(pdf.starts_with(b"%PDF"));
        std::fs::write(out_dir().join("odd-tables.pdf"), &pdf).unwrap();
    }
}
