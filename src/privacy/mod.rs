//! Privacy of case data: the real names registered in a case replaced by pseudonyms, on
//! the projector and in exports.

pub mod names;
pub mod scan;

use crate::i18n::{Language, tr_args};
use std::ops::Range;

use crate::model::{Case, Entry, ItemId, NotAName, Owner, Stage};
pub use scan::FindingKind;

/// One text of the case (or about it, such as the window title) with every registered
/// name replaced by its pseudonym, as `pseudonymise` does.
pub fn pseudonymise_text(case: &Case, language: Language, text: &str) -> String {
    TextPseudonymiser::new(case, language).apply(text)
}

/// Replaces the registered names of one case in loose texts (the window title, file
/// names, messages), made once per version of the case rather than once per text.
pub struct TextPseudonymiser {
    matcher: NameMatcher,
    shown: Vec<String>,
}

impl TextPseudonymiser {
    pub fn new(case: &Case, language: Language) -> TextPseudonymiser {
        TextPseudonymiser {
            matcher: NameMatcher::new(case),
            shown: shown_names(case, language),
        }
    }

    pub fn apply(&self, text: &str) -> String {
        replace_ranges(text, self.matcher.find(text), |person| &self.shown[person])
    }
}

/// The registered names of a case in every form people write them, and the places the
/// user marked "geen naam": the one matcher behind the check, pseudonymisation and
/// replacement, so what is found is exactly what is replaced.
pub struct NameMatcher {
    forms: Vec<String>,
    /// The forms, folded once for all the texts of the case.
    patterns: names::NamePatterns,
    /// The index in `case.persons` of each form's person.
    person_of: Vec<usize>,
    not_names: std::collections::HashSet<(String, String)>,
}

impl NameMatcher {
    pub fn new(case: &Case) -> NameMatcher {
        let mut forms = Vec::new();
        let mut person_of = Vec::new();
        for (i, person) in case.persons.iter().enumerate() {
            for form in names::name_forms(&person.real_name, &person.other_names) {
                forms.push(form);
                person_of.push(i);
            }
        }
        let not_names = case
            .not_names
            .iter()
            .map(|n| (names::fold(&n.word), n.context.clone()))
            .collect();
        let patterns = {
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            names::NamePatterns::new(&forms)
        };
        NameMatcher {
            forms,
            patterns,
            person_of,
            not_names,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Where a registered person's name occurs in `text`: byte range and the index of
    /// the person. Whole words only, and never a place marked "geen naam".
    pub fn find(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        if self.forms.is_empty() {
            return Vec::new();
        }
        self.patterns
            .find(text)
            .into_iter()
            .filter(|(range, _)| {
                self.not_names.is_empty()
                    || !self.not_names.contains(&(
                        names::fold(&text[range.clone()]),
                        names::context_of(text, range.clone()),
                    ))
            })
            .map(|(range, form)| (range, self.person_of[form]))
            .collect()
    }
}

/// A copy of the case in which no registered real name occurs in any of its forms: every
/// text has them replaced by the pseudonyms, and the persons keep only their pseudonyms.
pub fn pseudonymise(case: &Case, language: Language) -> Case {
    let matcher = NameMatcher::new(case);
    let shown = shown_names(case, language);
    let mut copy = case.clone();
    for person in &mut copy.persons {
        person.real_name.clear();
        person.other_names.clear();
    }
    // The words around a place marked "geen naam" may hold a name.
    copy.not_names.clear();
    if matcher.is_empty() {
        return copy;
    }
    for_each_text(&mut copy, |_, text| {
        *text = replace_ranges(text, matcher.find(text), |person| &shown[person]);
    });
    copy
}

/// What each person is shown as: the pseudonym, or "persoon 2".
fn shown_names(case: &Case, language: Language) -> Vec<String> {
    case.persons
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if p.pseudonym.trim().is_empty() {
                tr_args(
                    language,
                    "privacy.person_number",
                    &[("number", &(i + 1).to_string())],
                )
            } else {
                p.pseudonym.trim().to_owned()
            }
        })
        .collect()
}

/// `text` with each range replaced; the ranges are in order and do not overlap.
fn replace_ranges<'a, T>(
    text: &str,
    ranges: Vec<(Range<usize>, T)>,
    by: impl Fn(T) -> &'a str,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, what) in ranges {
        out.push_str(&text[last..range.start]);
        out.push_str(by(what));
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Personal data found in a case: where, what kind, and the text itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseFinding {
    pub place: Place,
    pub kind: FindingKind,
    pub found: String,
    /// Which of the findings of this kind and text at this place it is (0 for the
    /// first), so a replacement changes this one and nothing else.
    pub occurrence: usize,
    /// The words around it (folded), to remember it as "geen naam".
    pub context: String,
}

/// Every piece of personal data in the texts of the case, registered names in every form
/// included (except the places marked "geen naam"), in the order of the case.
pub fn check_case(case: &Case) -> Vec<CaseFinding> {
    let matcher = NameMatcher::new(case);
    let mut findings: Vec<CaseFinding> = Vec::new();
    let mut copy = case.clone();
    for_each_text(&mut copy, |place, text| {
        let names = matcher.find(text).into_iter().map(|(range, _)| range);
        for finding in scan::scan_with_names(text, names) {
            let found = finding.text(text).to_owned();
            let occurrence = findings
                .iter()
                .filter(|f| f.place == place && f.kind == finding.kind && f.found == found)
                .count();
            findings.push(CaseFinding {
                place,
                kind: finding.kind,
                context: names::context_of(text, finding.start..finding.end),
                found,
                occurrence,
            });
        }
    });
    findings
}

/// What stops an export: the personal data in the case as it leaves the app. With the
/// real names shown (`--with-names`, or chosen in the export dialog) the registered
/// names are meant to be there and are no finding; every other kind still is.
pub fn check_export(case: &Case, real_names: bool, language: Language) -> Vec<CaseFinding> {
    if real_names {
        let mut findings = check_case(case);
        findings.retain(|f| f.kind != FindingKind::RegisteredName);
        findings
    } else {
        check_case(&pseudonymise(case, language))
    }
}

/// Replaces a finding in the case. A registered name: every form of that person's name
/// at that place, as whole words, by the pseudonym. Anything else: exactly the bytes of
/// that finding, by a marker such as "[verwijderd]". Nothing else changes.
pub fn replace_finding(case: &mut Case, finding: &CaseFinding, language: Language) {
    let matcher = NameMatcher::new(case);
    if finding.kind == FindingKind::RegisteredName {
        let whole = 0..finding.found.len();
        let Some((_, person)) = matcher
            .find(&finding.found)
            .into_iter()
            .find(|(range, _)| *range == whole)
        else {
            return;
        };
        let shown = shown_names(case, language);
        for_each_text(case, |place, text| {
            if place == finding.place {
                let own = matcher.find(text);
                let own = own.into_iter().filter(|(_, p)| *p == person);
                *text = replace_ranges(text, own.collect(), |p| &shown[p]);
            }
        });
        return;
    }
    let marker = crate::i18n::tr(language, "privacy.removed");
    let mut seen = 0;
    for_each_text(case, |place, text| {
        if place != finding.place || seen > finding.occurrence {
            return;
        }
        let names = matcher.find(text).into_iter().map(|(range, _)| range);
        for f in scan::scan_with_names(text, names) {
            if f.kind == finding.kind && f.text(text) == finding.found {
                if seen == finding.occurrence {
                    text.replace_range(f.start..f.end, marker);
                    seen += 1;
                    return;
                }
                seen += 1;
            }
        }
    });
}

/// Marks a name finding as "geen naam": the word at this place is an ordinary word
/// ("bos", "jan."), not reported or replaced again.
pub fn mark_not_a_name(case: &mut Case, finding: &CaseFinding) {
    let mark = NotAName {
        word: finding.found.clone(),
        context: finding.context.clone(),
    };
    if !case.not_names.contains(&mark) {
        case.not_names.push(mark);
    }
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
        Place::FollowUp(session) => crate::method::follow_up_title(language, session),
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
    /// What happened to an intervention and why it goes on, at this follow-up.
    FollowUp(crate::model::Session),
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
                .map_or(Stage::Opening, |n| match n.session {
                    0 => Stage::Phase(n.phase),
                    session => Stage::FollowUp(session),
                }),
            Place::Option(id) => match case.option(id).map(|o| o.session) {
                Some(session) if session > 0 => Stage::FollowUp(session),
                _ => Stage::Plan,
            },
            Place::Closing => Stage::Closing,
            Place::FollowUp(session) => Stage::FollowUp(session),
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
    for (index, follow_up) in case.follow_ups.iter_mut().enumerate() {
        let place = Place::FollowUp(crate::model::Session::try_from(index + 1).unwrap_or(0));
        for evaluation in &mut follow_up.evaluations {
            f(place, &mut evaluation.what_happened);
            f(place, &mut evaluation.reason);
        }
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
                    ..Person::default()
                },
                Person {
                    id: crate::model::ItemId(2),
                    real_name: "Bram".into(),
                    pseudonym: String::new(),
                    ..Person::default()
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

    fn case_with(persons: &[(&str, &str, &str)], note: &str) -> Case {
        let mut case = Case::default();
        for (real_name, pseudonym, other_names) in persons {
            let id = case.add_person();
            let person = case.persons.iter_mut().find(|p| p.id == id).unwrap();
            person.real_name = (*real_name).into();
            person.pseudonym = (*pseudonym).into();
            person.other_names = (*other_names).into();
        }
        case.add_note(Phase::Understand, Level::Individual, Entry::new(note));
        case
    }

    fn names_found(case: &Case) -> Vec<String> {
        check_case(case)
            .into_iter()
            .filter(|f| f.kind == FindingKind::RegisteredName)
            .map(|f| f.found)
            .collect()
    }

    #[test]
    fn replacing_a_name_leaves_longer_words_alone() {
        let text = "Jan belt Janssen, Jansen en Jannie in januari; jan. is kort, JAN's fiets.";
        let mut case = case_with(&[("Jan", "zoon", "")], text);
        // "jan." may be the month, but it is also how the name is written: found, and
        // the user can mark it "geen naam".
        assert_eq!(names_found(&case), ["Jan", "jan", "JAN"]);
        let findings = check_case(&case);
        mark_not_a_name(&mut case, &findings[1]);
        replace_finding(&mut case, &findings[0], Language::Nl);
        assert_eq!(
            case.notes[0].entry.text,
            "zoon belt Janssen, Jansen en Jannie in januari; jan. is kort, zoon's fiets."
        );
    }

    #[test]
    fn replacing_other_data_changes_only_its_own_bytes() {
        let text = "Bel 06-12345678 of 06-12345678; geen 106-12345678.";
        let mut case = case_with(&[], text);
        let findings = check_case(&case);
        assert_eq!(findings.len(), 2, "{findings:?}");
        replace_finding(&mut case, &findings[1], Language::Nl);
        assert_eq!(
            case.notes[0].entry.text,
            "Bel 06-12345678 of [verwijderd]; geen 106-12345678."
        );
    }

    #[test]
    fn names_are_found_in_the_forms_people_write() {
        let persons = [
            ("Zoë de Vries", "mevrouw V.", ""),
            ("Emre Ünal", "buurman", ""),
            ("Mieke Jansen-Bakker", "moeder", "Miek"),
            ("Anna Baker van der Berg", "A", ""),
            ("Kees Dijkstra", "vader", ""),
            ("Fatima El Amrani", "F", ""),
            ("Bjørn Sørensen", "B", ""),
        ];
        for (note, form) in [
            ("Gesprek met mevrouw De Vries vandaag.", "mevrouw De Vries"),
            ("De Vries belt morgen.", "De Vries"),
            ("Vries wil niet.", "Vries"),
            ("Zoë belt.", "Zoë"),
            ("zoe belt.", "zoe"),
            ("ZOËS dochter", "ZOËS"),
            ("Afspraak met Z. de Vries.", "Z. de Vries"),
            ("Ünal kwam.", "Ünal"),
            ("Unal kwam.", "Unal"),
            ("dhr. Ünal kwam.", "dhr. Ünal"),
            ("Jansen belt.", "Jansen"),
            ("Bakker belt.", "Bakker"),
            ("Miekes zus belt.", "Miekes"),
            ("Miek belt.", "Miek"),
            ("mw. Jansen-Bakker belt.", "mw. Jansen-Bakker"),
            ("A.B. van der Berg belt.", "A.B. van der Berg"),
            ("A. B. van der Berg belt.", "A. B. van der Berg"),
            ("Van der Berg belt.", "Van der Berg"),
            ("de heer Dijkstra belt.", "de heer Dijkstra"),
            ("Kees' fiets is weg.", "Kees"),
            ("meneer El Amrani belt.", "meneer El Amrani"),
            ("Amrani belt.", "Amrani"),
            ("B. Sørensen belt.", "B. Sørensen"),
            ("b. sorensen belt.", "b. sorensen"),
        ] {
            let case = case_with(&persons, note);
            assert_eq!(names_found(&case), [form], "{note}");
            let shown = pseudonymise(&case, Language::Nl).notes[0]
                .entry
                .text
                .clone();
            assert!(!shown.contains(form), "{note} → {shown}");
        }
        for note in [
            "Zoëtje en Vriesland",
            "Bakkerij en Jansenhuis",
            "In het Engels: the bakery.",
            "De A. en B. staan voor niveaus.",
        ] {
            let case = case_with(&persons, note);
            assert!(
                names_found(&case).is_empty(),
                "{note}: {:?}",
                names_found(&case)
            );
        }
    }

    #[test]
    fn a_place_marked_not_a_name_stays_unreported_and_unreplaced() {
        let text = "Mevrouw Bos wandelt graag in het bos achter de flat.";
        let mut case = case_with(&[("Truus Bos", "bewoner", "")], text);
        let findings = check_case(&case);
        assert_eq!(names_found(&case), ["Mevrouw Bos", "bos"]);
        mark_not_a_name(&mut case, &findings[1]);
        assert_eq!(names_found(&case), ["Mevrouw Bos"]);
        assert_eq!(
            pseudonymise(&case, Language::Nl).notes[0].entry.text,
            "bewoner wandelt graag in het bos achter de flat."
        );
        // Remembered in the file, and gone from a pseudonymised copy.
        let saved = crate::storage::case_to_string(&case).unwrap();
        let loaded = crate::storage::case_from_str(&saved).unwrap();
        assert_eq!(names_found(&loaded), ["Mevrouw Bos"]);
        assert!(pseudonymise(&case, Language::Nl).not_names.is_empty());
    }

    #[test]
    fn with_real_names_only_other_kinds_stop_an_export() {
        let case = case_with(
            &[("Truus Bakker", "bewoner", "")],
            "Truus Bakker, IBAN NL91 ABNA 0417 1643 00.",
        );
        let kinds = |real| {
            check_export(&case, real, Language::Nl)
                .into_iter()
                .map(|f| f.kind)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(true), [FindingKind::Iban]);
        assert_eq!(kinds(false), [FindingKind::Iban]);
        let plain = case_with(&[("Truus Bakker", "bewoner", "")], "Truus Bakker belt.");
        assert!(check_export(&plain, true, Language::Nl).is_empty());
        assert!(check_export(&plain, false, Language::Nl).is_empty());
        assert_eq!(check_case(&plain).len(), 1);
    }
}
