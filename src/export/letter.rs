//! The letter to the resident, "Wat we met u afspreken": what we heard, what will happen,
//! who does what and when, the contact person, what the team passes on for the resident,
//! and room for the resident's response. Built only from the fields written for the
//! resident: no notes, tags, reflections, method terms or other people in the case.

use chrono::NaiveDate;

use super::document::{Block, Report};
use super::plan::owner_name;
use crate::dates::long_date;
use crate::i18n::{Language, tr, tr_args};
use crate::model::Case;

/// The chosen interventions the letter leaves out because nothing was written for the
/// resident: the screen and the command line say so before the letter goes out.
pub fn left_out(case: &Case) -> Vec<&crate::model::InterventionOption> {
    case.chosen()
        .filter(|o| o.plan.for_resident.trim().is_empty())
        .collect()
}

/// The warning for the chosen interventions the letter leaves out, in `language`; none
/// when every one has its text for the resident.
pub fn left_out_warning(case: &Case, language: Language) -> Option<String> {
    let left: Vec<String> = left_out(case)
        .iter()
        .map(|o| format!("‘{}’", o.entry.text.trim()))
        .collect();
    (!left.is_empty()).then(|| {
        let list = left.join(", ");
        crate::i18n::tr_count(language, "letter.left_out", left.len(), &[("list", &list)])
    })
}

/// Whether the letter would tell the resident nothing was agreed while the team chose
/// interventions: then it is not made.
pub fn would_mislead(case: &Case) -> bool {
    let chosen = case.chosen().count();
    chosen > 0 && left_out(case).len() == chosen
}

/// The letter, in `language`, dated `today`, to `addressee` (a pseudonym or, when the
/// user chose so, the real name; empty for a letter without a name).
pub fn build_letter(case: &Case, language: Language, today: NaiveDate, addressee: &str) -> Report {
    let t = |key: &str| tr(language, key).to_owned();
    let date = |d: NaiveDate| long_date(d, language);
    let mut blocks = vec![Block::Fields(vec![(t("letter.date"), date(today))])];
    blocks.push(Block::Paragraph(match addressee.trim() {
        "" => t("letter.dear_unnamed"),
        name => tr_args(language, "letter.dear", &[("name", name)]),
    }));
    blocks.push(Block::Paragraph(match case.meeting_date {
        Some(met) => tr_args(language, "letter.intro_on", &[("date", &date(met))]),
        None => t("letter.intro"),
    }));
    if !case.letter.heard.trim().is_empty() {
        blocks.push(heading(t("letter.heard")));
        blocks.push(Block::Paragraph(case.letter.heard.trim().to_owned()));
    }
    blocks.push(heading(t("letter.what_happens")));
    let agreed: Vec<_> = case
        .chosen()
        .filter(|o| !o.plan.for_resident.trim().is_empty())
        .collect();
    if agreed.is_empty() {
        blocks.push(Block::Paragraph(t("letter.nothing_agreed")));
    }
    for (number, option) in agreed.into_iter().enumerate() {
        let plan = &option.plan;
        let who = match (
            owner_name(case, &plan.owner),
            owner_name(case, &plan.co_owner),
        ) {
            (owner, co) if co.is_empty() => owner,
            (owner, co) if owner.is_empty() => co,
            (owner, co) => tr_args(
                language,
                "letter.who_and",
                &[("owner", &owner), ("co", &co)],
            ),
        };
        let when = plan
            .deadline
            .map(|d| tr_args(language, "letter.before", &[("date", &date(d))]))
            .unwrap_or_default();
        let mut fields = vec![(
            tr_args(
                language,
                "letter.agreement",
                &[("number", &(number + 1).to_string())],
            ),
            plan.for_resident.trim().to_owned(),
        )];
        fields.extend(
            [(t("letter.who"), who), (t("letter.when"), when)]
                .into_iter()
                .filter(|(_, value)| !value.trim().is_empty()),
        );
        blocks.push(Block::Fields(fields));
    }
    if !case.letter.passed_on.trim().is_empty() {
        blocks.push(heading(t("letter.passed_on")));
        blocks.push(Block::Paragraph(case.letter.passed_on.trim().to_owned()));
    }
    let evaluation = case
        .report
        .next_evaluation
        .or_else(|| case.chosen().filter_map(|o| o.plan.follow_up).min());
    if let Some(evaluation) = evaluation {
        blocks.push(heading(t("letter.next")));
        blocks.push(Block::Paragraph(tr_args(
            language,
            "letter.next_on",
            &[("date", &date(evaluation))],
        )));
    }
    if !case.letter.contact.trim().is_empty() {
        blocks.push(heading(t("letter.contact")));
        blocks.push(Block::Paragraph(case.letter.contact.trim().to_owned()));
    }
    response_blocks(language, &mut blocks);
    Report {
        language,
        title: t("letter.title"),
        subtitle: case
            .meeting_date
            .map(|met| tr_args(language, "letter.subtitle_on", &[("date", &date(met))]))
            .unwrap_or_else(|| t("letter.subtitle")),
        footer: t("letter.footer"),
        page_label: t("report.page"),
        blocks,
    }
}

fn heading(text: String) -> Block {
    Block::Heading { level: 1, text }
}

/// "Uw reactie": agree, disagree or add, with room to write, a date and a signature.
fn response_blocks(language: Language, blocks: &mut Vec<Block>) {
    let t = |key: &str| tr(language, key).to_owned();
    blocks.push(heading(t("letter.response")));
    blocks.push(Block::Paragraph(t("letter.response_intro")));
    let write_in = |label: &str, lines: u8, checkbox: bool| Block::WriteIn {
        label: t(label),
        lines,
        checkbox,
    };
    blocks.push(write_in("letter.agree", 0, true));
    blocks.push(write_in("letter.disagree", 3, true));
    blocks.push(write_in("letter.add", 3, true));
    blocks.push(write_in("letter.response_date", 1, false));
    blocks.push(write_in("letter.signature", 1, false));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decision, Entry, Level, Owner};

    fn case() -> Case {
        let mut case = Case {
            meeting_date: "2026-11-19".parse().ok(),
            ..Case::default()
        };
        case.letter.heard = "U wilt zelf naar de markt kunnen.".into();
        case.letter.contact = "Anna de Vries, 06-12345678".into();
        for (level, text, plain) in [
            (
                Level::Individual,
                "Scootmobiel via maatwerk",
                "U krijgt een scootmobiel.",
            ),
            (Level::Community, "Buurtbus", ""),
        ] {
            let id = case.add_option(level, Entry::new(text));
            let option = case.option_mut(id).unwrap();
            option.decision = Decision::Chosen;
            option.plan.for_resident = plain.into();
            option.plan.owner = Owner::Named("wijkteam".into());
            option.plan.deadline = "2026-12-01".parse().ok();
        }
        case
    }

    #[test]
    fn the_letter_holds_only_what_was_written_for_the_resident() {
        let today = "2026-11-20".parse().unwrap();
        let letter = build_letter(&case(), Language::Nl, today, "mevrouw V.");
        let text: Vec<&str> = letter.texts().collect();
        let all = text.join("\n");
        assert!(all.contains("Beste mevrouw V.,"), "{all}");
        assert!(all.contains("19 november 2026"), "{all}");
        assert!(all.contains("U krijgt een scootmobiel."), "{all}");
        assert!(all.contains("vóór 1 december 2026"), "{all}");
        assert!(all.contains("Anna de Vries"), "{all}");
        // The team's wording and an intervention without a text for the resident stay out.
        assert!(!all.contains("maatwerk"), "{all}");
        assert!(!all.contains("Buurtbus"), "{all}");
        assert!(
            letter
                .blocks
                .iter()
                .any(|b| matches!(b, Block::WriteIn { .. }))
        );
    }
}
