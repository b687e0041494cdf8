//! The follow-up meetings in the report: per meeting its date and who was there, then
//! each intervention as agreed beside what became of it, and what was new. The first
//! meeting's sections are left as they were; this comes after the plan.

use super::document::{Block, Column, Table};
use super::plan::{level_name, owner_name, status_key};
use crate::dates::long_date;
use crate::i18n::{Language, tr, tr_args};
use crate::method::{Method, follow_up_title};
use crate::model::{Case, Decision, Evaluation, FollowUp, InterventionOption, Level, Verdict};

/// Appends one chapter per follow-up meeting, in the order they were held.
pub fn follow_up_section(
    case: &Case,
    method: &Method,
    language: Language,
    blocks: &mut Vec<Block>,
) {
    for (session, follow_up) in (1..).zip(&case.follow_ups) {
        let report = Section {
            case,
            method,
            language,
            session,
            follow_up,
        };
        report.blocks(blocks);
    }
}

/// What one follow-up's chapter is made from.
struct Section<'a> {
    case: &'a Case,
    method: &'a Method,
    language: Language,
    session: crate::model::Session,
    follow_up: &'a FollowUp,
}

impl Section<'_> {
    fn t(&self, key: &str) -> String {
        tr(self.language, key).to_owned()
    }

    fn date_or_none(&self, date: Option<chrono::NaiveDate>) -> String {
        date.map(|d| long_date(d, self.language))
            .unwrap_or_else(|| self.t("follow_up.no_date"))
    }

    fn blocks(&self, blocks: &mut Vec<Block>) {
        let (case, language) = (self.case, self.language);
        let date = self.date_or_none(self.follow_up.date);
        blocks.push(heading(
            1,
            tr_args(
                language,
                "report.follow_up.heading",
                &[
                    ("title", &follow_up_title(language, self.session)),
                    ("date", &date),
                ],
            ),
        ));
        let present: Vec<String> = self
            .follow_up
            .present
            .iter()
            .filter_map(|id| case.participant(*id))
            .map(|p| p.name.trim().to_owned())
            .filter(|name| !name.is_empty())
            .collect();
        let mut fields = vec![
            (self.t("follow_up.date"), date.clone()),
            (
                self.t("follow_up.first_notes"),
                self.date_or_none(case.meeting_date),
            ),
        ];
        if !present.is_empty() {
            fields.push((self.t("report.follow_up.present"), present.join(", ")));
        }
        blocks.push(Block::Fields(fields));
        self.evaluations(blocks);
        self.new_notes(blocks);
        self.new_options(blocks);
    }

    /// Each intervention agreed before, as agreed beside as found, with the decision.
    fn evaluations(&self, blocks: &mut Vec<Block>) {
        let (case, language) = (self.case, self.language);
        let agreed: Vec<&InterventionOption> = case.agreed_before(self.session).collect();
        if agreed.is_empty() {
            return;
        }
        blocks.push(heading(2, self.t("report.follow_up.evaluations")));
        let first = self.date_or_none(case.meeting_date);
        let now = self.date_or_none(self.follow_up.date);
        let rows = agreed
            .iter()
            .map(|option| {
                let evaluation = self.follow_up.evaluation(option.id);
                vec![
                    format!(
                        "{} ({})",
                        option.entry.text.trim(),
                        level_name(self.method, language, option.level)
                    ),
                    self.agreed_text(option),
                    self.found_text(option, evaluation),
                    self.verdict_text(evaluation),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(self.t("plan.intervention"), 4),
                column(
                    tr_args(language, "report.follow_up.agreed_on", &[("date", &first)]),
                    5,
                ),
                column(
                    tr_args(language, "report.follow_up.found_on", &[("date", &now)]),
                    5,
                ),
                column(self.t("follow_up.verdict"), 4),
            ],
            rows,
        }));
    }

    /// Owner, first step and deadline as the first meeting agreed them.
    fn agreed_text(&self, option: &InterventionOption) -> String {
        let plan = &option.plan;
        let by = plan.deadline.map(|date| {
            tr_args(
                self.language,
                "report.follow_up.by",
                &[("date", &long_date(date, self.language))],
            )
        });
        let parts = [
            owners(self.case, self.language, option),
            plan.first_step.trim().to_owned(),
            by.unwrap_or_default(),
        ];
        joined(parts)
    }

    /// The status found, then what happened.
    fn found_text(&self, option: &InterventionOption, evaluation: Option<&Evaluation>) -> String {
        let status = evaluation.map_or(option.plan.status, |e| e.status);
        let happened = evaluation.map_or("", |e| e.what_happened.trim());
        joined([self.t(status_key(status)), happened.to_owned()])
    }

    fn verdict_text(&self, evaluation: Option<&Evaluation>) -> String {
        let verdict = evaluation.map_or(Verdict::Undecided, |e| e.verdict);
        let reason = evaluation.map_or("", |e| e.reason.trim());
        joined([self.t(verdict_key(verdict)), reason.to_owned()])
    }

    /// The notes written at this follow-up, level by level; nothing when there are none.
    fn new_notes(&self, blocks: &mut Vec<Block>) {
        let per_level: Vec<(Level, Vec<String>)> = Level::ALL
            .into_iter()
            .map(|level| {
                let lines = self
                    .case
                    .session_notes(self.session, level)
                    .map(|n| n.entry.text.trim().to_owned())
                    .collect();
                (level, lines)
            })
            .filter(|(_, lines): &(Level, Vec<String>)| !lines.is_empty())
            .collect();
        if per_level.is_empty() {
            return;
        }
        blocks.push(heading(2, self.t("report.follow_up.new_notes")));
        for (level, lines) in per_level {
            blocks.push(heading(3, level_name(self.method, self.language, level)));
            blocks.push(Block::List(lines));
        }
    }

    /// The options raised at this follow-up, with their decision and, when chosen, who
    /// does what by when.
    fn new_options(&self, blocks: &mut Vec<Block>) {
        let lines: Vec<String> = Level::ALL
            .into_iter()
            .flat_map(|level| self.case.session_options(self.session, level))
            .map(|option| {
                let decision = self.t(match option.decision {
                    Decision::Open => "report.decision.open",
                    Decision::Chosen => "report.decision.chosen",
                    Decision::Rejected => "report.decision.rejected",
                });
                let plan = match option.decision {
                    Decision::Chosen => self.agreed_text(option),
                    _ => option.decision_reason.trim().to_owned(),
                };
                let head = format!(
                    "{} ({}) — {decision}",
                    option.entry.text.trim(),
                    level_name(self.method, self.language, option.level)
                );
                joined([head, plan])
            })
            .collect();
        if lines.is_empty() {
            return;
        }
        blocks.push(heading(2, self.t("report.follow_up.new_options")));
        blocks.push(Block::List(lines));
    }
}

/// "Sanne (Wmo-consultant), met welzijnsorganisatie": owner and co-owner as the plan
/// names them; empty when there is neither.
pub fn owners(case: &Case, language: Language, option: &InterventionOption) -> String {
    let owner = owner_name(case, &option.plan.owner);
    let co = owner_name(case, &option.plan.co_owner);
    match (owner.is_empty(), co.is_empty()) {
        (_, true) => owner,
        (true, false) => tr_args(language, "report.co_owner_only", &[("co", &co)]),
        (false, false) => tr_args(
            language,
            "report.owner_and_co",
            &[("owner", &owner), ("co", &co)],
        ),
    }
}

/// The translation key of a follow-up decision.
pub fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Undecided => "follow_up.verdict.undecided",
        Verdict::Continue => "follow_up.verdict.continue",
        Verdict::Adjust => "follow_up.verdict.adjust",
        Verdict::Stop => "follow_up.verdict.stop",
    }
}

/// The non-empty parts, with " · " between them; "—" when all are empty.
fn joined<const N: usize>(parts: [String; N]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join(" · ")
    }
}

fn heading(level: u8, text: String) -> Block {
    Block::Heading { level, text }
}

fn column(title: String, width: u8) -> Column {
    Column { title, width }
}
