//! The first page of the team report: what the document is and who stands behind it,
//! then the question, the answer, what was chosen per level, the signals and the next
//! evaluation. Split from `plan.rs`, which builds the details that follow.

use chrono::NaiveDate;

use super::document::{Block, Table};
use super::plan::{Words, column, filled_fields, heading, level_name, or_dash, owner_name};
use crate::dates::long_date;
use crate::method::Method;
use crate::model::{Case, Consent, DocumentStatus, ItemId, Level};

/// Options numbered in the order phase 2 lists them (level by level), so that later
/// sections can refer to "option 3" instead of repeating its text.
pub(super) struct OptionNumbers(std::collections::HashMap<ItemId, usize>);

impl OptionNumbers {
    pub(super) fn of(case: &Case) -> OptionNumbers {
        let ids = Level::ALL
            .into_iter()
            .flat_map(|level| case.options_in(level).map(|o| o.id));
        OptionNumbers(ids.zip(1..).collect())
    }

    /// "Optie 3".
    pub(super) fn name(&self, w: &Words, id: ItemId) -> String {
        let number = self.0.get(&id).copied().unwrap_or_default();
        w.args("report.option_number", &[("number", &number.to_string())])
    }
}

/// A date in words, or nothing.
pub(super) fn long(date: Option<NaiveDate>, w: &Words) -> String {
    date.map(|d| long_date(d, w.language)).unwrap_or_default()
}

/// What the document is and who stands behind it: status and version, the dates, who
/// approved it, who was there, the consent and until when the file is kept.
pub(super) fn status_fields(
    case: &Case,
    method: &Method,
    w: &Words,
    today: NaiveDate,
    blocks: &mut Vec<Block>,
) {
    let info = &case.report;
    let status = w.args(
        match info.status {
            DocumentStatus::Concept => "report.status.concept",
            DocumentStatus::Final => "report.status.final",
        },
        &[
            ("version", &info.shown_version().to_string()),
            ("date", &long_date(today, w.language)),
        ],
    );
    let approved = match (info.approved_by.trim(), info.approved_on) {
        ("", None) => String::new(),
        (who, Some(on)) => w.args(
            "report.approved_on",
            &[("who", &or_dash(who)), ("date", &long_date(on, w.language))],
        ),
        (who, None) => who.to_owned(),
    };
    let present: Vec<String> = case
        .participants
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .map(|p| {
            let role = method
                .role(&p.role)
                .filter(|_| p.role != "participant")
                .map(|r| format!(", {}", r.title.get(w.language).to_lowercase()))
                .unwrap_or_default();
            match p.discipline.trim() {
                "" => format!("{}{role}", p.name.trim()),
                discipline => format!("{} ({discipline}{role})", p.name.trim()),
            }
        })
        .collect();
    let consent = match case.consent {
        Consent::Unknown => String::new(),
        Consent::Given => w.t("privacy.consent.given"),
        Consent::NotGiven => w.t("privacy.consent.not_given"),
    };
    blocks.extend(filled_fields(vec![
        (w.t("report.status"), &status),
        (w.t("report.meeting_date"), &long(case.meeting_date, w)),
        (w.t("report.approved_by"), &approved),
        (w.t("report.present"), &present.join("; ")),
        (w.t("report.consent"), &consent),
        (w.t("report.delete_by"), &long(case.delete_by, w)),
    ]));
}

/// The first page: the question and the answer, what was chosen per level with owner,
/// first step and deadline, the signals, and when the plan is evaluated.
pub(super) fn summary_section(
    case: &Case,
    method: &Method,
    w: &Words,
    numbers: &OptionNumbers,
    blocks: &mut Vec<Block>,
) {
    blocks.push(heading(1, w.t("report.summary")));
    blocks.extend(filled_fields(vec![
        (w.t("report.question"), &case.question),
        (w.t("report.conclusion"), &case.report.conclusion),
    ]));
    blocks.push(heading(2, w.t("report.chosen")));
    for level in Level::ALL {
        blocks.push(heading(3, level_name(method, w.language, level)));
        // The first meeting's choices, then those of follow-ups, each with what the
        // latest follow-up decided: the summary tells where the plan stands now.
        let rows: Vec<Vec<String>> = case
            .chosen()
            .chain(case.chosen_at_follow_ups())
            .filter(|o| o.level == level)
            .map(|o| {
                let plan = &o.plan;
                let owner = match (
                    owner_name(case, &plan.owner),
                    owner_name(case, &plan.co_owner),
                ) {
                    (owner, co) if co.is_empty() => or_dash(&owner),
                    (owner, co) if owner.is_empty() => {
                        w.args("report.co_owner_only", &[("co", &co)])
                    }
                    (owner, co) => w.args("report.owner_and_co", &[("owner", &owner), ("co", &co)]),
                };
                let name = match o.session {
                    crate::model::follow_up::FIRST_SESSION => numbers.name(w, o.id),
                    session => crate::method::follow_up_title(w.language, session),
                };
                let mut text = format!("{name}: {}", o.entry.text.trim());
                if let Some((follow_up, evaluation)) = case.latest_evaluation(o.id)
                    && evaluation.verdict != crate::model::Verdict::Undecided
                {
                    let verdict = w.t(super::follow_up::verdict_key(evaluation.verdict));
                    let date = long(follow_up.date, w);
                    let said = w.args(
                        "report.latest_verdict",
                        &[("verdict", &verdict), ("date", &date)],
                    );
                    text = format!("{text} ({said})");
                }
                vec![
                    text,
                    owner,
                    or_dash(&plan.first_step),
                    or_dash(&long(plan.deadline, w)),
                ]
            })
            .collect();
        if rows.is_empty() {
            blocks.push(Block::Paragraph(w.t("report.no_intervention")));
        } else {
            blocks.push(Block::Table(Table {
                columns: vec![
                    column(w.t("plan.intervention"), 7),
                    column(w.t("plan.owner"), 4),
                    column(w.t("plan.first_step"), 5),
                    column(w.t("plan.deadline"), 3),
                ],
                rows,
            }));
        }
    }
    let signals: Vec<String> = case
        .signals()
        .map(
            |(_, entry, signal)| match (signal.to.trim(), signal.change.trim()) {
                ("", "") => entry.text.trim().to_owned(),
                (to, "") => format!("{to}: {}", entry.text.trim()),
                ("", change) => change.to_owned(),
                (to, change) => format!("{to}: {change}"),
            },
        )
        .collect();
    if !signals.is_empty() {
        blocks.push(heading(2, w.t("report.signals")));
        blocks.push(Block::List(signals));
    }
    // A date on or before the latest follow-up has been: the next one is after it.
    let held = case.follow_ups.iter().filter_map(|f| f.date).max();
    let ahead = |date: &NaiveDate| held.is_none_or(|held| *date > held);
    let stopped = |id: ItemId| {
        case.latest_evaluation(id)
            .is_some_and(|(_, e)| e.verdict == crate::model::Verdict::Stop)
    };
    let evaluation = case.report.next_evaluation.filter(ahead).or_else(|| {
        case.chosen()
            .chain(case.chosen_at_follow_ups())
            .filter(|o| !stopped(o.id))
            .filter_map(|o| o.plan.follow_up)
            .filter(ahead)
            .min()
    });
    blocks.extend(filled_fields(vec![(
        w.t("report.next_evaluation"),
        &long(evaluation, w),
    )]));
}
