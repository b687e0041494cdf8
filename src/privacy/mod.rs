//! Privacy of case data: the real names registered in a case replaced by pseudonyms, on
//! the projector and in exports.

pub mod names;
pub mod scan;

use crate::i18n::{Language, tr_args};
use crate::model::{Case, Entry, ItemId, Owner, Stage};
pub use scan::FindingKind;

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
    let fix = |_: Place, text: &mut String| *text = names::replace_names(text, &refs);
    for_each_text(&mut copy, fix);
    for person in &mut copy.persons {
        person.real_name.clear();
    }
    copy
}

/// Personal data found in a case: where, what kind, and the text itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseFinding {
    pub place: Place,
    pub kind: FindingKind,
    pub found: String,
}

/// Every piece of personal data in the texts of the case, registered real names
/// included, in the order of the case.
pub fn check_case(case: &Case) -> Vec<CaseFinding> {
    let real_names: Vec<String> = case
        .persons
        .iter()
        .map(|p| p.real_name.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    let names: Vec<&str> = real_names.iter().map(String::as_str).collect();
    let mut findings = Vec::new();
    let mut copy = case.clone();
    for_each_text(&mut copy, |place, text| {
        for finding in scan::scan(text, &names) {
            findings.push(CaseFinding {
                place,
                kind: finding.kind,
                found: finding.text(text).to_owned(),
            });
        }
    });
    findings
}

/// Replaces a finding in the case: a registered name by its pseudonym, anything else by
/// a marker such as "[verwijderd]". Every occurrence at that place is replaced.
pub fn replace_finding(case: &mut Case, finding: &CaseFinding, language: Language) {
    let replacement = match finding.kind {
        FindingKind::RegisteredName => name_pairs(case, language)
            .into_iter()
            .find(|(name, _)| names::find_names(&finding.found, &[name.as_str()]).len() == 1)
            .map(|(_, pseudonym)| pseudonym),
        _ => None,
    }
    .unwrap_or_else(|| crate::i18n::tr(language, "privacy.removed").to_owned());
    for_each_text(case, |place, text| {
        if place == finding.place && text.contains(&finding.found) {
            *text = text.replace(&finding.found, &replacement);
        }
    });
}

/// The key of a finding kind's name in the translation files.
pub fn kind_key(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Bsn => "privacy.kind.bsn",
        FindingKind::Iban => "privacy.kind.iban",
        FindingKind::Phone => "privacy.kind.phone",
        FindingKind::Email => "privacy.kind.email",
        FindingKind::PostcodeWithNumber => "privacy.kind.postcode",
        FindingKind::DateOfBirth => "privacy.kind.birth_date",
        FindingKind::RegisteredName => "privacy.kind.name",
    }
}

/// Where a finding is, in words: "Notitie in fase 1, niveau 2".
pub fn place_label(case: &Case, place: Place, language: Language) -> String {
    let t = |key| crate::i18n::tr(language, key).to_owned();
    match place {
        Place::Title => t("case.title"),
        Place::Description => t("case.description"),
        Place::Question => t("case.question"),
        Place::OpeningNotes => t("case.opening_notes"),
        Place::Participant(id) => tr_args(
            language,
            "privacy.place.participant",
            &[("name", case.participant(id).map_or("", |p| p.name.as_str()))],
        ),
        Place::Note(id) => match case.notes.iter().find(|n| n.id == id) {
            Some(n) => tr_args(
                language,
                "privacy.place.note",
                &[
                    ("phase", &n.phase.number().to_string()),
                    ("level", &n.level.number().to_string()),
                ],
            ),
            None => String::new(),
        },
        Place::Option(id) => match case.option(id) {
            Some(o) => tr_args(
                language,
                "privacy.place.option",
                &[("level", &o.level.number().to_string())],
            ),
            None => String::new(),
        },
        Place::Closing => t("privacy.place.closing"),
    }
}

/// Where in a case a text is: what the findings of a scan point to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Title,
    Description,
    Question,
    OpeningNotes,
    Participant(ItemId),
    Note(ItemId),
    /// The option itself, its reason, its plan or its signal.
    Option(ItemId),
    Closing,
}

impl Place {
    /// The step of the stepper where this text is edited.
    pub fn stage(self, case: &Case) -> Stage {
        match self {
            Place::Title
            | Place::Description
            | Place::Question
            | Place::OpeningNotes
            | Place::Participant(_) => Stage::Opening,
            Place::Note(id) => case
                .notes
                .iter()
                .find(|n| n.id == id)
                .map_or(Stage::Opening, |n| Stage::Phase(n.phase)),
            Place::Option(_) => Stage::Plan,
            Place::Closing => Stage::Closing,
        }
    }
}

/// Calls `f` on every free text of the case that a user typed, with where it is.
pub fn for_each_text(case: &mut Case, mut f: impl FnMut(Place, &mut String)) {
    f(Place::Title, &mut case.title);
    f(Place::Description, &mut case.description);
    f(Place::Question, &mut case.question);
    f(Place::OpeningNotes, &mut case.opening_notes);
    for participant in &mut case.participants {
        f(Place::Participant(participant.id), &mut participant.name);
        f(
            Place::Participant(participant.id),
            &mut participant.discipline,
        );
    }
    for note in &mut case.notes {
        entry_texts(Place::Note(note.id), &mut note.entry, &mut f);
    }
    for option in &mut case.options {
        let place = Place::Option(option.id);
        entry_texts(place, &mut option.entry, &mut f);
        f(place, &mut option.decision_reason);
        let plan = &mut option.plan;
        f(place, &mut plan.alternatives);
        f(place, &mut plan.first_step);
        for owner in [&mut plan.owner, &mut plan.co_owner] {
            if let Owner::Named(name) = owner {
                f(place, name);
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
        f(Place::Closing, text);
    }
}

fn entry_texts(place: Place, entry: &mut Entry, f: &mut impl FnMut(Place, &mut String)) {
    f(place, &mut entry.text);
    if let Some(signal) = &mut entry.signal {
        f(place, &mut signal.to);
        f(place, &mut signal.change);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Person, Phase, Signal};

    #[test]
    fn no_registered_name_survives_pseudonymisation() {
        let mut case = Case {
            persons: vec![
                Person {
                    id: crate::model::ItemId(1),
                    real_name: "Zoë de Vries".into(),
                    pseudonym: "mevrouw V.".into(),
                },
                Person {
                    id: crate::model::ItemId(2),
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
