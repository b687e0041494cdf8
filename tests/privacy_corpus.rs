//! The personal-data check measured on an independent corpus: Dutch case notes made
//! with Faker by `scripts/privacy_corpus.py`, each labelled with what a reader expects
//! to be found, plus clean notes full of look-alikes. Reads the file checked in, so no
//! Python is needed. `cargo test --test privacy_corpus -- --nocapture` prints the figures.

use std::collections::BTreeMap;

use serde::Deserialize;
use swan_casus::i18n::Language;
use swan_casus::model::{Case, Entry, Level, Phase};
use swan_casus::privacy::{self, FindingKind};

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Name,
    Bsn,
    Iban,
    Phone,
    Email,
    Postcode,
    Birth,
}

impl Kind {
    fn finding_kind(self) -> FindingKind {
        match self {
            Kind::Name => FindingKind::RegisteredName,
            Kind::Bsn => FindingKind::Bsn,
            Kind::Iban => FindingKind::Iban,
            Kind::Phone => FindingKind::Phone,
            Kind::Email => FindingKind::Email,
            Kind::Postcode => FindingKind::PostcodeWithNumber,
            Kind::Birth => FindingKind::DateOfBirth,
        }
    }
}

#[derive(Deserialize)]
struct Note {
    text: String,
    persons: Vec<String>,
    /// Kind, text, and for a name the form it is written in ("title", "initials"…).
    expected: Vec<(Kind, String, String)>,
}

fn case_of(note: &Note) -> Case {
    let mut case = Case::default();
    for (i, name) in note.persons.iter().enumerate() {
        let id = case.add_person();
        let person = case.persons.iter_mut().find(|p| p.id == id).unwrap();
        person.real_name = name.clone();
        person.pseudonym = format!("persoon{i}");
    }
    case.add_note(
        Phase::Understand,
        Level::Individual,
        Entry::new(note.text.clone()),
    );
    case
}

#[test]
fn the_check_finds_what_the_corpus_expects_and_little_else() {
    // PRIVACY_CORPUS=FILE measures another corpus (a held-out seed) with the same test.
    let path = std::env::var("PRIVACY_CORPUS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/privacy_corpus.ron"
        )
        .to_owned()
    });
    let notes: Vec<Note> = ron::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let labelled = notes.iter().filter(|n| !n.expected.is_empty()).count();
    let clean: Vec<&Note> = notes.iter().filter(|n| n.expected.is_empty()).collect();
    assert!(labelled >= 2000 && clean.len() >= 500);

    // Per kind: (expected, found); a finding counts when it is of that kind and holds the
    // expected text (a postcode finding may include the house number).
    let mut recall: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    let mut by_form: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut leaks = Vec::new();
    for note in notes.iter().filter(|n| !n.expected.is_empty()) {
        let case = case_of(note);
        let findings = privacy::check_case(&case);
        let shown = privacy::pseudonymise(&case, Language::Nl).notes[0]
            .entry
            .text
            .clone();
        for (kind, text, form) in &note.expected {
            let hit = findings
                .iter()
                .any(|f| f.kind == kind.finding_kind() && f.found.contains(text.as_str()));
            let entry = recall.entry(*kind).or_default();
            entry.0 += 1;
            entry.1 += usize::from(hit);
            if *kind == Kind::Name {
                let entry = by_form.entry(form.as_str()).or_default();
                entry.0 += 1;
                entry.1 += usize::from(hit);
            }
            if !hit {
                misses.push(format!("{kind:?} {text:?} in {:?}", note.text));
            }
            // Every name form is gone from the pseudonymised text too.
            if *kind == Kind::Name && still_there(&shown, text) {
                leaks.push(format!("{text:?} in {shown:?}"));
            }
        }
    }
    let mut flagged = Vec::new();
    for note in &clean {
        let findings = privacy::check_case(&case_of(note));
        if !findings.is_empty() {
            let what: Vec<_> = findings.iter().map(|f| (f.kind, &f.found)).collect();
            flagged.push(format!("{what:?} in {:?}", note.text));
        }
    }

    println!("{labelled} labelled notes, {} clean notes", clean.len());
    for (kind, (expected, found)) in &recall {
        let share = *found as f64 / *expected as f64;
        println!("  {kind:?}: recall {share:.4} ({found}/{expected})");
    }
    for (form, (expected, found)) in &by_form {
        let share = *found as f64 / *expected as f64;
        println!("    name form {form}: recall {share:.4} ({found}/{expected})");
    }
    let false_alarms = flagged.len() as f64 / clean.len() as f64;
    println!(
        "  clean notes with a finding: {false_alarms:.4} ({}/{})",
        flagged.len(),
        clean.len()
    );
    for line in flagged.iter().chain(&misses).chain(&leaks).take(60) {
        println!("  {line}");
    }
    for (kind, (expected, found)) in recall
        .iter()
        .map(|(k, v)| (format!("{k:?}"), v))
        .chain(by_form.iter().map(|(f, v)| (format!("name form {f}"), v)))
    {
        assert!(
            *found as f64 >= 0.99 * *expected as f64,
            "recall for {kind:?}: {found}/{expected}"
        );
    }
    assert!(
        false_alarms <= 0.01,
        "{} clean notes flagged",
        flagged.len()
    );
    assert!(leaks.is_empty(), "{} name forms left", leaks.len());
}

/// `form` still in `text` as a whole word (any case).
fn still_there(text: &str, form: &str) -> bool {
    let (text, form) = (text.to_lowercase(), form.to_lowercase());
    text.match_indices(&form).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + form.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
