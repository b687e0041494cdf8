//! The example cases that ship with the app. Each is a fictional case in Dutch and in
//! English (a translation, the same case item for item), written so that every level
//! has something to find. The one-line description on the start screen is an interface
//! text, under `summary_key`.

use crate::i18n::Language;

/// One bundled example case.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    /// The interface text that says in one line what the case is about.
    pub summary_key: &'static str,
    nl: &'static str,
    en: &'static str,
}

impl Example {
    /// The case file's text in `language`.
    pub fn source(&self, language: Language) -> &'static str {
        match language {
            Language::Nl => self.nl,
            Language::En => self.en,
        }
    }
}

/// In the order the start screen shows them.
pub const EXAMPLES: &[Example] = &[
    Example {
        summary_key: "example.scooter",
        nl: include_str!("../assets/examples/voorbeeld-scootmobiel.swan.ron"),
        en: include_str!("../assets/examples/example-mobility-scooter.swan.ron"),
    },
    Example {
        summary_key: "example.young_carer",
        nl: include_str!("../assets/examples/voorbeeld-jonge-mantelzorger.swan.ron"),
        en: include_str!("../assets/examples/example-young-carer.swan.ron"),
    },
    Example {
        summary_key: "example.unopened_letters",
        nl: include_str!("../assets/examples/voorbeeld-ongeopende-post.swan.ron"),
        en: include_str!("../assets/examples/example-unopened-letters.swan.ron"),
    },
    Example {
        summary_key: "example.meeting_place",
        nl: include_str!("../assets/examples/voorbeeld-buurthuis-dicht.swan.ron"),
        en: include_str!("../assets/examples/example-closed-community-centre.swan.ron"),
    },
    Example {
        summary_key: "example.moved_alone",
        nl: include_str!("../assets/examples/voorbeeld-verhuisd-en-alleen.swan.ron"),
        en: include_str!("../assets/examples/example-moved-and-alone.swan.ron"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tr;
    use crate::model::{Case, Level, Phase};
    use crate::storage::case_from_str;

    fn load(example: &Example, language: Language) -> Case {
        case_from_str(example.source(language))
            .unwrap_or_else(|e| panic!("{} ({language:?}): {e}", example.summary_key))
    }

    /// What must be the same in a case and its translation: every item in its place,
    /// with the same contributor, tags, decision and signal, and the same dates.
    fn shape(case: &Case) -> impl PartialEq + std::fmt::Debug {
        let participants: Vec<_> = case.participants.iter().map(|p| (p.id, &p.role)).collect();
        let notes: Vec<_> = case
            .notes
            .iter()
            .map(|n| {
                let e = &n.entry;
                (
                    n.id,
                    n.phase,
                    n.level,
                    e.contributor,
                    &e.conditions,
                    &e.factors,
                    e.signal.is_some(),
                )
            })
            .collect();
        let options: Vec<_> = case
            .options
            .iter()
            .map(|o| {
                let e = &o.entry;
                let plan = (
                    &o.plan.owner,
                    o.plan.deadline,
                    o.plan.follow_up,
                    o.plan.status,
                );
                (
                    o.id,
                    o.level,
                    o.decision,
                    e.contributor,
                    &e.conditions,
                    &e.factors,
                    e.signal.is_some(),
                    format!("{plan:?}"),
                )
            })
            .collect();
        let lines = case.opening_notes.lines().count();
        format!(
            "{participants:?} {notes:?} {options:?} {lines} {:?} {:?} {:?}",
            case.meeting_date, case.stage, case.next_id
        )
    }

    #[test]
    fn every_example_loads_in_both_languages_and_is_the_same_case() {
        for example in EXAMPLES {
            let (nl, en) = (load(example, Language::Nl), load(example, Language::En));
            assert_eq!(shape(&nl), shape(&en), "{}", example.summary_key);
            assert_ne!(
                nl.description, en.description,
                "{}: not translated",
                example.summary_key
            );
            for case in [&nl, &en] {
                for text in [&case.title, &case.description, &case.question] {
                    assert!(
                        !text.trim().is_empty(),
                        "{}: empty text",
                        example.summary_key
                    );
                }
                assert!(case.participants.len() >= 4, "{}", example.summary_key);
                // An example is no template: opening one must not start a class session.
                assert!(!case.is_template && case.teacher.is_none());
            }
        }
    }

    #[test]
    fn every_level_has_something_to_find() {
        for example in EXAMPLES {
            for language in Language::ALL {
                let case = load(example, language);
                for level in Level::ALL {
                    assert!(
                        case.notes_in(Phase::Understand, level).next().is_some(),
                        "{} ({language:?}): nothing found on level {}",
                        example.summary_key,
                        level.number()
                    );
                    assert!(
                        case.options_in(level).next().is_some(),
                        "{} ({language:?}): no option on level {}",
                        example.summary_key,
                        level.number()
                    );
                }
                // Something to signal to organisation or policy.
                assert!(
                    case.options_in(Level::Policy)
                        .any(|o| o.entry.signal.is_some())
                        || case.notes.iter().any(|n| n.entry.signal.is_some()),
                    "{}: no signal",
                    example.summary_key
                );
            }
        }
    }

    #[test]
    fn every_example_passes_the_check_and_has_its_one_liner() {
        let method = crate::method::Method::builtin();
        for example in EXAMPLES {
            for language in Language::ALL {
                let case = load(example, language);
                assert_eq!(
                    crate::lint::lint(&case, &method),
                    [],
                    "{}",
                    example.summary_key
                );
                let summary = tr(language, example.summary_key);
                assert_ne!(summary, example.summary_key);
            }
        }
    }
}
