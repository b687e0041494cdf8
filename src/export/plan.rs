//! From a case to the report: what was found per phase and level, the plan, its
//! justification, the signals and the closing. The one place that decides what an
//! export contains; the formats only decide how it looks.

use chrono::NaiveDate;

use super::document::{Block, Column, Report, Table};
use super::summary::{OptionNumbers, long, status_fields, summary_section};
use crate::dates::{format_date, long_date};
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::model::{
    Case, Decision, Entry, InterventionOption, ItemId, Level, Owner, Phase, PlanStatus,
    PlanWarning, ReflectionPart,
};

/// One chosen intervention as a row of plain text: the plan table and the CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterventionRow {
    /// The case and its meeting date on every row, so plans of several cases can be
    /// pooled in one sheet.
    pub case_title: String,
    pub meeting_date: String,
    pub level: Level,
    pub level_name: String,
    pub description: String,
    /// Why it was chosen, and what was weighed against it.
    pub justification: String,
    pub alternatives: String,
    pub conditions: String,
    pub owner: String,
    pub co_owner: String,
    pub first_step: String,
    pub deadline: String,
    pub follow_up: String,
    /// As found at the latest follow-up that looked at it, else as planned.
    pub status: String,
    /// The meeting that chose it: the first, or a follow-up.
    pub session: String,
    /// What the latest follow-up decided about it, with why; empty before any.
    pub verdict: String,
}

/// Texts in the report's language, looked up by key.
pub(super) struct Words {
    pub(super) language: Language,
}

impl Words {
    pub(super) fn t(&self, key: &str) -> String {
        tr(self.language, key).to_owned()
    }

    pub(super) fn args(&self, key: &str, args: &[(&str, &str)]) -> String {
        tr_args(self.language, key, args)
    }
}

/// The chosen interventions as rows of text: the first meeting's level by level, then
/// each follow-up's own, so a pooled sheet holds every meeting of a case.
pub fn intervention_rows(case: &Case, method: &Method, language: Language) -> Vec<InterventionRow> {
    case.chosen()
        .chain(case.chosen_at_follow_ups())
        .map(|option| intervention_row(case, method, language, option))
        .collect()
}

fn intervention_row(
    case: &Case,
    method: &Method,
    language: Language,
    option: &InterventionOption,
) -> InterventionRow {
    let plan = &option.plan;
    let (session, meeting_date) = match option.session {
        crate::model::follow_up::FIRST_SESSION => (
            tr(language, "follow_up.first_notes").to_owned(),
            case.meeting_date,
        ),
        n => (
            crate::method::follow_up_title(language, n),
            case.follow_up(n).and_then(|f| f.date),
        ),
    };
    // The latest follow-up that looked at it says where it stands now.
    let latest = case.latest_evaluation(option.id).map(|(_, e)| e);
    let verdict = latest
        .filter(|e| e.verdict != crate::model::Verdict::Undecided)
        .map(|e| {
            let decided = tr(language, super::follow_up::verdict_key(e.verdict));
            match e.reason.trim() {
                "" => decided.to_owned(),
                reason => format!("{decided}: {reason}"),
            }
        })
        .unwrap_or_default();
    InterventionRow {
        case_title: case.title.trim().to_owned(),
        meeting_date: meeting_date.map(format_date).unwrap_or_default(),
        level: option.level,
        level_name: level_name(method, language, option.level),
        description: option.entry.text.trim().to_owned(),
        justification: option.decision_reason.trim().to_owned(),
        alternatives: plan.alternatives.trim().to_owned(),
        conditions: condition_names(method, language, &option.entry),
        owner: owner_name(case, &plan.owner),
        co_owner: owner_name(case, &plan.co_owner),
        first_step: plan.first_step.trim().to_owned(),
        deadline: plan.deadline.map(format_date).unwrap_or_default(),
        follow_up: plan.follow_up.map(format_date).unwrap_or_default(),
        status: tr(
            language,
            status_key(latest.map_or(plan.status, |e| e.status)),
        )
        .to_owned(),
        session,
        verdict,
    }
}

pub fn status_key(status: PlanStatus) -> &'static str {
    match status {
        PlanStatus::Open => "plan.status.open",
        PlanStatus::InProgress => "plan.status.in_progress",
        PlanStatus::Done => "plan.status.done",
    }
}

/// "Niveau 1 · Individu en huishouden".
pub fn level_name(method: &Method, language: Language, level: Level) -> String {
    tr_args(
        language,
        "level.heading",
        &[
            ("number", &level.number().to_string()),
            ("title", method.level(level).title.get(language)),
        ],
    )
}

/// A participant by name and discipline, or the organisation typed in.
pub fn owner_name(case: &Case, owner: &Owner) -> String {
    match owner {
        Owner::Nobody => String::new(),
        Owner::Named(name) => name.trim().to_owned(),
        Owner::Participant(id) => match case.participant(*id) {
            Some(p) if p.discipline.trim().is_empty() => p.name.trim().to_owned(),
            Some(p) => format!("{} ({})", p.name.trim(), p.discipline.trim()),
            None => String::new(),
        },
    }
}

fn condition_names(method: &Method, language: Language, entry: &Entry) -> String {
    tag_names(&entry.conditions, |key| {
        method.condition(key).map(|c| c.title.get(language))
    })
}

fn factor_names(method: &Method, language: Language, entry: &Entry) -> String {
    tag_names(&entry.factors, |key| {
        method.factor(key).map(|f| f.title.get(language))
    })
}

/// Tag keys as their titles in the method, a key the method does not know as itself.
fn tag_names<'a>(keys: &'a [String], title: impl Fn(&str) -> Option<&'a str>) -> String {
    keys.iter()
        .map(|key| title(key).unwrap_or(key))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A note or option as one line: its text, then who said it and its tags.
fn entry_line(case: &Case, method: &Method, w: &Words, entry: &Entry) -> String {
    let mut details = Vec::new();
    if let Some(p) = entry.contributor.and_then(|id| case.participant(id)) {
        details.push(p.name.trim().to_owned());
    }
    let conditions = condition_names(method, w.language, entry);
    if !conditions.is_empty() {
        details.push(w.args("report.conditions_of", &[("names", &conditions)]));
    }
    let factors = factor_names(method, w.language, entry);
    if !factors.is_empty() {
        details.push(w.args("report.factors_of", &[("names", &factors)]));
    }
    if entry.signal.is_some() {
        details.push(w.t("report.is_signal"));
    }
    let text = entry.text.trim();
    if details.is_empty() {
        text.to_owned()
    } else {
        format!("{text} ({})", details.join(" · "))
    }
}

pub(super) fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.trim().to_owned()
    }
}

pub(super) fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

/// Label–value pairs without the empty ones; `None` when all are empty.
pub(super) fn filled_fields(fields: Vec<(String, &str)>) -> Option<Block> {
    let fields: Vec<(String, String)> = fields
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(l, v)| (l, v.trim().to_owned()))
        .collect();
    (!fields.is_empty()).then_some(Block::Fields(fields))
}

/// Which personal reflection a team report holds. The team report leaves them out; a
/// student's hand-in holds the group's plan and that student's own reflection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReflectionChoice {
    #[default]
    LeftOut,
    /// The reflection not tied to a participant (files from before reflections per student).
    Unnamed,
    Of(ItemId),
}

/// The whole report of a case, in `language`, made on `today`, without reflections.
pub fn build_report(case: &Case, method: &Method, language: Language, today: NaiveDate) -> Report {
    build_report_with(case, method, language, today, ReflectionChoice::LeftOut)
}

/// The whole report of a case: a summary first (status, the question and the answer,
/// what was chosen, the signals), then the details.
pub fn build_report_with(
    case: &Case,
    method: &Method,
    language: Language,
    today: NaiveDate,
    reflection: ReflectionChoice,
) -> Report {
    let w = Words { language };
    let numbers = OptionNumbers::of(case);
    let mut blocks = Vec::new();
    status_fields(case, method, &w, today, &mut blocks);
    summary_section(case, method, &w, &numbers, &mut blocks);
    case_section(case, method, &w, &mut blocks);
    found_per_phase(case, method, &w, &numbers, &mut blocks);
    plan_section(case, method, &w, &numbers, &mut blocks);
    super::follow_up::follow_up_section(case, method, language, &mut blocks);
    signals_section(case, &w, &mut blocks);
    closing_section(case, method, &w, reflection, &mut blocks);
    super::meeting::meeting_section(case, method, language, &mut blocks);
    let title = report_title(case, &w);
    Report {
        language,
        title,
        subtitle: w.t("report.subtitle"),
        footer: capitalised(&w.args(
            "report.footer",
            &[
                ("credit", method.credit.get(language)),
                ("date", &long_date(today, language)),
            ],
        )),
        page_label: w.t("report.page"),
        blocks,
    }
}

pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Who was at the table, the case as told, and the clarifying questions.
fn case_section(case: &Case, method: &Method, w: &Words, blocks: &mut Vec<Block>) {
    let bringers: Vec<&str> = case
        .participants
        .iter()
        .filter(|p| p.role == "case_bringer")
        .map(|p| p.name.trim())
        .collect();
    if !case.participants.is_empty() {
        blocks.push(heading(1, w.t("report.participants")));
        blocks.push(Block::Table(Table {
            columns: vec![
                column(w.t("report.col.name"), 3),
                column(w.t("report.col.discipline"), 3),
                column(w.t("report.col.role"), 2),
            ],
            rows: case
                .participants
                .iter()
                .map(|p| {
                    let role = method
                        .role(&p.role)
                        .map(|r| r.title.get(w.language).to_owned())
                        .unwrap_or_else(|| p.role.clone());
                    vec![or_dash(&p.name), or_dash(&p.discipline), or_dash(&role)]
                })
                .collect(),
        }));
    }
    if !case.description.trim().is_empty() || !case.opening_notes.trim().is_empty() {
        blocks.push(heading(1, w.t("report.case")));
        blocks.extend(filled_fields(vec![(
            w.t("report.case_bringer"),
            &bringers.join(", "),
        )]));
        if !case.description.trim().is_empty() {
            blocks.push(Block::Paragraph(case.description.trim().to_owned()));
        }
        if !case.opening_notes.trim().is_empty() {
            blocks.push(heading(2, w.t("report.opening_notes")));
            blocks.push(Block::Paragraph(case.opening_notes.trim().to_owned()));
        }
    }
}

pub(super) fn column(title: String, width: u8) -> Column {
    Column { title, width }
}

/// Phases 1 to 3 as the group went through them: notes, options and decisions per level.
fn found_per_phase(
    case: &Case,
    method: &Method,
    w: &Words,
    numbers: &OptionNumbers,
    blocks: &mut Vec<Block>,
) {
    for phase in Phase::ALL {
        phase_blocks(case, method, w, numbers, phase, blocks);
    }
}

/// What the group found in one phase, level by level.
fn phase_blocks(
    case: &Case,
    method: &Method,
    w: &Words,
    numbers: &OptionNumbers,
    phase: Phase,
    blocks: &mut Vec<Block>,
) {
    let text = method.phase(phase);
    blocks.push(heading(
        1,
        w.args(
            "report.phase",
            &[
                ("number", &phase.number().to_string()),
                ("title", text.title.get(w.language)),
            ],
        ),
    ));
    blocks.push(Block::Paragraph(
        text.main_question.get(w.language).to_owned(),
    ));
    for level in Level::ALL {
        let mut lines: Vec<String> = case
            .notes_in(phase, level)
            .map(|n| entry_line(case, method, w, &n.entry))
            .collect();
        if phase == Phase::Possibilities {
            lines.extend(case.options_in(level).map(|o| {
                let decision = match o.decision {
                    Decision::Open => w.t("report.decision.open"),
                    Decision::Chosen => w.t("report.decision.chosen"),
                    Decision::Rejected => w.t("report.decision.rejected"),
                };
                let line = entry_line(case, method, w, &o.entry);
                format!("{}: {line} — {decision}", numbers.name(w, o.id))
            }));
        }
        blocks.push(heading(2, level_name(method, w.language, level)));
        if lines.is_empty() {
            blocks.push(Block::Paragraph(w.t("report.nothing_noted")));
        } else {
            blocks.push(Block::List(lines));
        }
    }
}

/// The case title, or a placeholder for an untitled case.
fn report_title(case: &Case, w: &Words) -> String {
    if case.title.trim().is_empty() {
        w.t("case.untitled")
    } else {
        case.title.trim().to_owned()
    }
}

/// One phase as a short report, to copy in the middle of a meeting.
pub fn phase_report(case: &Case, method: &Method, language: Language, phase: Phase) -> Report {
    let w = Words { language };
    let mut blocks = Vec::new();
    phase_blocks(
        case,
        method,
        &w,
        &OptionNumbers::of(case),
        phase,
        &mut blocks,
    );
    let title = report_title(case, &w);
    Report {
        language,
        title,
        subtitle: method.credit.get(language).to_owned(),
        footer: String::new(),
        page_label: String::new(),
        blocks,
    }
}

/// The plan in detail: what it still lacks, then per chosen intervention (by its number)
/// who carries it, the dates, and why; then what was rejected or left open, and why.
fn plan_section(
    case: &Case,
    method: &Method,
    w: &Words,
    numbers: &OptionNumbers,
    blocks: &mut Vec<Block>,
) {
    blocks.push(heading(1, w.t("report.plan")));
    for warning in case.plan_warnings() {
        blocks.push(Block::Notice(warning_text(
            case, method, w.language, warning,
        )));
    }
    if case.chosen().next().is_none() {
        blocks.push(Block::Paragraph(w.t("report.nothing_chosen")));
    }
    for option in case.chosen() {
        blocks.push(heading(
            2,
            w.args(
                "report.option_at_level",
                &[
                    ("option", &numbers.name(w, option.id)),
                    ("number", &option.level.number().to_string()),
                ],
            ),
        ));
        let plan = &option.plan;
        let contributor = option
            .entry
            .contributor
            .and_then(|id| case.participant(id))
            .map(|p| p.name.clone())
            .unwrap_or_default();
        blocks.extend(filled_fields(vec![
            (w.t("plan.owner"), &owner_name(case, &plan.owner)),
            (w.t("plan.co_owner"), &owner_name(case, &plan.co_owner)),
            (w.t("plan.first_step"), &plan.first_step),
            (w.t("plan.deadline"), &long(plan.deadline, w)),
            (w.t("plan.follow_up"), &long(plan.follow_up, w)),
            (w.t("plan.status"), &w.t(status_key(plan.status))),
            (
                w.t("plan.conditions"),
                &condition_names(method, w.language, &option.entry),
            ),
            (w.t("plan.justification"), &option.decision_reason),
            (w.t("plan.alternatives"), &plan.alternatives),
            (
                w.t("report.factors"),
                &factor_names(method, w.language, &option.entry),
            ),
            (w.t("report.contributor"), &contributor),
            (w.t("plan.for_resident"), &plan.for_resident),
        ]));
    }
    for (decision, key) in [
        (Decision::Rejected, "report.rejected"),
        (Decision::Open, "report.still_open"),
    ] {
        let lines: Vec<String> = Level::ALL
            .into_iter()
            .flat_map(|level| case.options_in(level))
            .filter(|o| o.decision == decision)
            .map(|o| match o.decision_reason.trim() {
                "" => numbers.name(w, o.id),
                reason => format!("{} — {reason}", numbers.name(w, o.id)),
            })
            .collect();
        if !lines.is_empty() {
            blocks.push(heading(2, w.t(key)));
            blocks.push(Block::List(lines));
        }
    }
}

/// A plan warning as a sentence, naming the level or the intervention.
pub fn warning_text(
    case: &Case,
    method: &Method,
    language: Language,
    warning: PlanWarning,
) -> String {
    let level = |l: Level| {
        tr_args(
            language,
            "level.phrase",
            &[
                ("number", &l.number().to_string()),
                ("title", method.level(l).title.get(language)),
            ],
        )
    };
    let item = |id| {
        case.option(id)
            .map(|o| o.entry.text.trim().to_owned())
            .unwrap_or_default()
    };
    match warning {
        PlanWarning::NoOption(l) => {
            tr_args(language, "plan.warn.no_option", &[("level", &level(l))])
        }
        PlanWarning::NoChosen(l) => {
            tr_args(language, "plan.warn.no_chosen", &[("level", &level(l))])
        }
        PlanWarning::NoOwner(id) => tr_args(language, "plan.warn.no_owner", &[("what", &item(id))]),
        PlanWarning::NoDeadline(id) => {
            tr_args(language, "plan.warn.no_deadline", &[("what", &item(id))])
        }
        PlanWarning::NoJustification(id) => tr_args(
            language,
            "plan.warn.no_justification",
            &[("what", &item(id))],
        ),
    }
}

fn signals_section(case: &Case, w: &Words, blocks: &mut Vec<Block>) {
    blocks.push(heading(1, w.t("report.signals")));
    let rows: Vec<Vec<String>> = case
        .signals()
        .map(|(level, entry, signal)| {
            vec![
                entry.text.trim().to_owned(),
                level.number().to_string(),
                or_dash(&signal.to),
                or_dash(&signal.change),
            ]
        })
        .collect();
    if rows.is_empty() {
        blocks.push(Block::Paragraph(w.t("report.no_signals")));
        return;
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            // Wide enough for "Niveau" and for a service's name without breaking it.
            column(w.t("signal.what"), 6),
            column(w.t("report.level_number"), 2),
            column(w.t("signal.to"), 4),
            column(w.t("signal.change"), 6),
        ],
        rows,
    }));
}

fn closing_section(
    case: &Case,
    method: &Method,
    w: &Words,
    choice: ReflectionChoice,
    blocks: &mut Vec<Block>,
) {
    let closing = &case.closing;
    let summary = filled_fields(vec![
        (w.t("closing.neglected"), &closing.neglected_level),
        (w.t("closing.lessons"), &closing.lessons),
        (w.t("closing.takeaway"), &closing.case_bringer_takeaway),
    ]);
    let reflection = match choice {
        ReflectionChoice::LeftOut => None,
        ReflectionChoice::Unnamed => Some((w.t("closing.reflection"), &closing.reflection)),
        ReflectionChoice::Of(id) => case
            .participant(id)
            .zip(closing.personal(id))
            .map(|(p, r)| {
                let name = p.name.trim();
                (w.args("report.reflection_of", &[("name", name)]), r)
            }),
    };
    let reflection = reflection.and_then(|(title, r)| {
        let fields = ReflectionPart::ALL
            .into_iter()
            .map(|part| (w.t(part.label_key()), r.part(part).as_str()))
            .collect();
        filled_fields(fields).map(|fields| (title, fields))
    });
    if summary.is_none() && reflection.is_none() {
        return;
    }
    blocks.push(heading(1, method.closing.title.get(w.language)));
    blocks.extend(summary);
    if let Some((title, fields)) = reflection {
        blocks.push(heading(2, title));
        blocks.push(fields);
    }
}
