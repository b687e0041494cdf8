//! Privacy of case data: the real names registered in a case replaced by pseudonyms, on
//! the projector and in exports.

pub mod names;

use crate::i18n::{Language, tr_args};
use crate::model::{Case, Owner};

/// Each registered real name with what is shown instead. A person without a pseudonym
/// is shown as "persoon 2".
pub fn name_pairs(case: &Case, language: Language) -> Vec<(String, String)> {
    case.persons
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.real_name.trim().is_empty())
        .map(|(i, p)| {
            let shown = if p.pseudonym.trim().is_empty() {
                tr_args(
                    language,
                    "privacy.person_number",
                    &[("number", &(i + 1).to_string())],
                )
            } else {
                p.pseudonym.trim().to_owned()
            };
            (p.real_name.trim().to_owned(), shown)
        })
        .collect()
}

/// A copy of the case in which no registered real name occurs: every text has them
/// replaced by the pseudonyms, and the persons keep only their pseudonyms.
pub fn pseudonymise(case: &Case, language: Language) -> Case {
    let pairs = name_pairs(case, language);
    let mut copy = case.clone();
    if pairs.is_empty() {
        return copy;
    }
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, p)| (n.as_str(), p.as_str()))
        .collect();
    let fix = |text: &mut String| *text = names::replace_names(text, &refs);
    for_each_text(&mut copy, fix);
    for person in &mut copy.persons {
        person.real_name.clear();
    }
    copy
}

/// Calls `f` on every free text of the case that a user typed.
pub fn for_each_text(case: &mut Case, mut f: impl FnMut(&mut String)) {
    for text in [
        &mut case.title,
        &mut case.description,
        &mut case.question,
        &mut case.opening_notes,
    ] {
        f(text);
    }
    for participant in &mut case.participants {
        f(&mut participant.name);
        f(&mut participant.discipline);
    }
    for entry in case.entries_mut() {
        f(&mut entry.text);
        if let Some(signal) = &mut entry.signal {
            f(&mut signal.to);
            f(&mut signal.change);
        }
    }
    for option in &mut case.options {
        f(&mut option.decision_reason);
        let plan = &mut option.plan;
        f(&mut plan.alternatives);
        f(&mut plan.first_step);
        for owner in [&mut plan.owner, &mut plan.co_owner] {
            if let Owner::Named(name) = owner {
                f(name);
            }
        }
    }
    let closing = &mut case.closing;
    for text in [
        &mut closing.neglected_level,
        &mut closing.lessons,
        &mut closing.case_bringer_takeaway,
        &mut closing.reflection.what_happened,
        &mut closing.reflection.thoughts_and_feelings,
        &mut closing.reflection.what_went_well,
        &mut closing.reflection.do_differently,
    ] {
        f(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entry, Level, Person, Phase, Signal};

    #[test]
    fn no_registered_name_survives_pseudonymisation() {
        let mut case = Case {
            persons: vec![
                Person {
                    id: 1,
                    real_name: "Zoë de Vries".into(),
                    pseudonym: "mevrouw V.".into(),
                },
                Person {
                    id: 2,
                    real_name: "Bram".into(),
                    pseudonym: String::new(),
                },
            ],
            title: "Casus Zoë de Vries".into(),
            ..Case::default()
        };
        let mut entry = Entry::new("bram belt ZOË DE VRIES elke week");
        entry.signal = Some(Signal {
            to: "teamleider".into(),
            change: "Bram verdient hulp".into(),
        });
        case.add_note(Phase::Understand, Level::Individual, entry);
        let option = case.add_option(Level::Individual, Entry::new("Bram helpt"));
        case.option_mut(option).unwrap().plan.owner = Owner::Named("Bram".into());
        let shown = pseudonymise(&case, Language::Nl);
        let text = crate::storage::case_to_string(&shown)
            .unwrap()
            .to_lowercase();
        assert!(!text.contains("zoë de vries"), "{text}");
        assert!(!text.contains("bram"), "{text}");
        assert_eq!(shown.title, "Casus mevrouw V.");
        assert_eq!(
            shown.notes[0].entry.text,
            "persoon 2 belt mevrouw V. elke week"
        );
        // The original is untouched.
        assert_eq!(case.title, "Casus Zoë de Vries");
    }
}
