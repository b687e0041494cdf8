//! The signals report: the signals of one case or of many (`crate::signals::gather`),
//! grouped by receiver and theme, as a `Report` (PDF, DOCX, HTML, Markdown) or as CSV
//! with one row per signal per case. Pure, like the other exports.

use chrono::NaiveDate;

use super::document::{Block, Column, Report, Table};
use crate::dates::format_date;
use crate::i18n::{Language, tr, tr_args, tr_count};
use crate::method::Method;
use crate::signals::{Gathered, Theme, ThemeGroup};

/// A file that was not read, with the reason in the report's language.
pub type Skipped = (String, String);

/// The theme as a heading: "Voorwaarde: Wonen" or "Woorden: wachtlijst, begeleiding".
pub fn theme_label(theme: &Theme, language: Language) -> String {
    match theme {
        Theme::Conditions(titles) => tr_args(
            language,
            "signals.theme.conditions",
            &[("names", &titles.join(", "))],
        ),
        Theme::Words(words) if words.is_empty() => tr(language, "signals.theme.none").to_owned(),
        Theme::Words(words) => tr_args(
            language,
            "signals.theme.words",
            &[("words", &words.join(", "))],
        ),
    }
}

/// The key of a format's name when it holds signals: the CSV has a row per signal.
pub fn format_label_key(format: crate::export::Format) -> &'static str {
    match format {
        crate::export::Format::Csv => "signals.format.csv",
        other => other.label_key(),
    }
}

/// The receiver as a heading, or "no receiver named".
pub fn receiver_label(receiver: &str, language: Language) -> String {
    if receiver.trim().is_empty() {
        tr(language, "signals.no_receiver").to_owned()
    } else {
        tr_args(language, "signals.to", &[("receiver", receiver)])
    }
}

/// The meeting dates of a theme's cases, each once, in order.
pub fn theme_dates(gathered: &Gathered, theme: &ThemeGroup) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = theme
        .cases()
        .into_iter()
        .filter_map(|c| gathered.cases[c].meeting_date)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_else(|| "—".to_owned())
}

/// The report of the gathered signals, in `language`, made on `today`.
pub fn build_report(
    gathered: &Gathered,
    skipped: &[Skipped],
    method: &Method,
    language: Language,
    today: NaiveDate,
) -> Report {
    let t = |key: &str| tr(language, key).to_owned();
    let count = |key: &str, n: usize| tr_count(language, key, n, &[]);
    let title = match gathered.cases.as_slice() {
        [one] if !one.title.is_empty() => one.title.clone(),
        [_] => t("case.untitled"),
        cases => count("signals.title", cases.len()),
    };
    let mut blocks = Vec::new();
    let with_signals = gathered
        .cases
        .iter()
        .enumerate()
        .filter(|(i, _)| gathered.rows().any(|(_, _, s)| s.case == *i))
        .count();
    let mut fields = vec![
        (t("signals.cases_read"), gathered.cases.len().to_string()),
        (t("signals.cases_with"), with_signals.to_string()),
        (t("signals.count"), gathered.signal_count().to_string()),
    ];
    if let Some((first, last)) = gathered.period() {
        let period = if first == last {
            format_date(first)
        } else {
            format!("{} – {}", format_date(first), format_date(last))
        };
        fields.push((t("signals.period"), period));
    }
    blocks.push(Block::Fields(fields));
    if gathered.receivers.is_empty() {
        blocks.push(Block::Paragraph(t("signals.none")));
    }
    for receiver in &gathered.receivers {
        blocks.push(Block::Heading {
            level: 1,
            text: receiver_label(&receiver.receiver, language),
        });
        blocks.push(Block::Paragraph(tr_count(
            language,
            "signals.summary",
            receiver.signal_count(),
            &[("cases", &count("signals.cases", receiver.cases().len()))],
        )));
        for theme in &receiver.themes {
            theme_blocks(gathered, theme, language, &mut blocks);
        }
    }
    if !gathered.copies.is_empty() {
        blocks.push(Block::Heading {
            level: 1,
            text: t("signals.copies"),
        });
        blocks.push(Block::List(
            gathered
                .copies
                .iter()
                .map(|c| {
                    tr_args(
                        language,
                        "signals.copy",
                        &[("file", &c.file_name), ("first", &c.same_as_name)],
                    )
                })
                .collect(),
        ));
    }
    if !skipped.is_empty() {
        blocks.push(Block::Heading {
            level: 1,
            text: t("signals.skipped"),
        });
        blocks.push(Block::List(
            skipped
                .iter()
                .map(|(file, reason)| format!("{file}: {reason}"))
                .collect(),
        ));
    }
    Report {
        language,
        title,
        subtitle: t("signals.subtitle"),
        footer: super::plan::capitalised(&tr_args(
            language,
            "report.footer",
            &[
                ("credit", method.credit.get(language)),
                ("date", &format_date(today)),
            ],
        )),
        page_label: t("report.page"),
        blocks,
    }
}

fn theme_blocks(
    gathered: &Gathered,
    theme: &ThemeGroup,
    language: Language,
    blocks: &mut Vec<Block>,
) {
    let t = |key: &str| tr(language, key).to_owned();
    blocks.push(Block::Heading {
        level: 2,
        text: theme_label(&theme.theme, language),
    });
    let dates: Vec<String> = theme_dates(gathered, theme)
        .into_iter()
        .map(format_date)
        .collect();
    let mut fields = vec![(t("signals.raised_by"), theme.cases().len().to_string())];
    if !dates.is_empty() {
        fields.push((t("signals.dates"), dates.join(", ")));
    }
    blocks.push(Block::Fields(fields));
    blocks.push(Block::Table(Table {
        columns: vec![
            Column {
                title: t("report.level_number"),
                width: 2,
            },
            Column {
                title: t("signal.what"),
                width: 5,
            },
            Column {
                title: t("signal.change"),
                width: 5,
            },
            Column {
                title: t("signals.col.case"),
                width: 3,
            },
            Column {
                title: t("signals.col.date"),
                width: 3,
            },
            Column {
                title: t("signals.col.file"),
                width: 4,
            },
        ],
        rows: theme
            .signals
            .iter()
            .map(|s| {
                let case = &gathered.cases[s.case];
                vec![
                    s.level.number().to_string(),
                    dash(&s.source),
                    dash(&s.change),
                    if case.title.is_empty() {
                        t("case.untitled")
                    } else {
                        case.title.clone()
                    },
                    date_text(case.meeting_date),
                    case.file_name.clone(),
                ]
            })
            .collect(),
    }));
}

fn dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

/// One row per signal per case: receiver; theme; level; change asked; source text;
/// case title; meeting date; file name. Separators, quoting and formula protection as
/// in the intervention CSV.
pub fn render_csv(gathered: &Gathered, method: &Method, language: Language) -> Vec<u8> {
    let header = [
        "signals.csv.receiver",
        "signals.csv.theme",
        "csv.level",
        "signals.csv.change",
        "signals.csv.source",
        "csv.case",
        "csv.meeting_date",
        "csv.file",
    ]
    .map(|key| tr(language, key).to_owned());
    let rows = gathered.rows().map(|(receiver, theme, s)| {
        let case = &gathered.cases[s.case];
        [
            receiver.receiver.clone(),
            theme_label(&theme.theme, language),
            super::plan::level_name(method, language, s.level),
            s.change.clone(),
            s.source.clone(),
            case.title.clone(),
            case.meeting_date.map(format_date).unwrap_or_default(),
            case.file_name.clone(),
        ]
    });
    super::csv::table(&header, rows)
}
