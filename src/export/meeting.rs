//! How the meeting went, for the report: time per step (and per level in a phase), the
//! speaking rounds, and the silent round's outcome. Only when the meeting kept a record.

use super::document::Block;
use super::plan::level_name;
use crate::i18n::{Language, tr, tr_args, tr_count};
use crate::method::Method;
use crate::model::{Case, Level, Stage};

pub(super) fn meeting_section(
    case: &Case,
    method: &Method,
    language: Language,
    blocks: &mut Vec<Block>,
) {
    let meeting = &case.meeting;
    if meeting.seconds_spent.is_empty()
        && meeting.rounds.is_empty()
        && meeting.silent_round.is_none()
    {
        return;
    }
    let t = |key| tr(language, key).to_owned();
    blocks.push(Block::Heading {
        level: 1,
        text: t("report.meeting"),
    });
    let times = time_lines(case, method, language);
    if !times.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: t("report.meeting.time"),
        });
        blocks.push(Block::List(times));
    }
    let rounds = round_lines(case, method, language);
    if !rounds.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: t("report.meeting.rounds"),
        });
        blocks.push(Block::List(rounds));
    }
    silent_round_blocks(case, method, language, blocks);
}

/// "Fase 1 · Wat speelt er?: 12 min (gepland 20), waarvan niveau 2: 2 min".
pub fn time_lines(case: &Case, method: &Method, language: Language) -> Vec<String> {
    Stage::ALL
        .into_iter()
        .filter_map(|stage| {
            let (total, levels) = case.meeting.spent(stage);
            if total == 0 {
                return None;
            }
            let title = method.stage_title(language, stage);
            let planned = case.meeting.planned(stage, method.suggested_minutes(stage));
            let mut line = tr_args(
                language,
                "report.meeting.time_line",
                &[
                    ("step", &title),
                    ("minutes", &minutes(total)),
                    ("planned", &planned.to_string()),
                ],
            );
            let per_level: Vec<String> = Level::ALL
                .into_iter()
                .filter(|l| levels[l.index()] > 0)
                .map(|l| {
                    tr_args(
                        language,
                        "report.meeting.level_time",
                        &[
                            ("number", &l.number().to_string()),
                            ("minutes", &minutes(levels[l.index()])),
                        ],
                    )
                })
                .collect();
            if !per_level.is_empty() {
                line.push_str(&format!(" — {}", per_level.join(", ")));
            }
            Some(line)
        })
        .collect()
}

/// Whole minutes, rounded, at least 1 when any time was spent.
pub fn minutes(seconds: u64) -> String {
    ((seconds + 30) / 60).max(1).to_string()
}

fn round_lines(case: &Case, method: &Method, language: Language) -> Vec<String> {
    case.meeting
        .rounds
        .iter()
        .map(|round| {
            let title = method.stage_title(language, round.stage);
            let spoke = round.turns.iter().filter(|t| !t.passed).count();
            let passed: Vec<String> = round
                .turns
                .iter()
                .filter(|t| t.passed)
                .filter_map(|t| case.participant(t.participant))
                .map(|p| p.name.trim().to_owned())
                .collect();
            let mut line = tr_count(language, "report.meeting.round", spoke, &[("step", &title)]);
            if !passed.is_empty() {
                line.push_str(&tr_args(
                    language,
                    "report.meeting.passed",
                    &[("names", &passed.join(", "))],
                ));
            }
            line
        })
        .collect()
}

fn silent_round_blocks(case: &Case, method: &Method, language: Language, blocks: &mut Vec<Block>) {
    let Some(round) = &case.meeting.silent_round else {
        return;
    };
    blocks.push(Block::Heading {
        level: 2,
        text: tr(language, "report.meeting.silent").to_owned(),
    });
    if !round.revealed {
        blocks.push(Block::Paragraph(tr_count(
            language,
            "report.meeting.silent_hidden",
            round.entries.len(),
            &[],
        )));
        return;
    }
    for spread in round.spread(case) {
        let mut lines = Vec::new();
        for (option, votes) in spread.votes {
            if votes.is_empty() {
                continue;
            }
            let text = match option.and_then(|id| case.option(id)) {
                Some(o) => o.entry.text.trim().to_owned(),
                None => tr(language, "silent.none").to_owned(),
            };
            let reasons: Vec<String> = votes
                .iter()
                .map(|(who, reason, certainty)| {
                    let name = case
                        .participant(*who)
                        .map(|p| p.name.trim().to_owned())
                        .unwrap_or_default();
                    let sure = certainty
                        .map(|c| tr_args(language, "silent.sure", &[("value", &c.to_string())]))
                        .unwrap_or_default();
                    format!("{name}{sure}: {}", reason.trim())
                })
                .collect();
            let count = tr_count(language, "silent.votes", votes.len(), &[]);
            lines.push(format!("{text} — {count}. {}", reasons.join("; ")));
        }
        if !lines.is_empty() {
            blocks.push(Block::Heading {
                level: 3,
                text: level_name(method, language, spread.level),
            });
            blocks.push(Block::List(lines));
        }
    }
}
