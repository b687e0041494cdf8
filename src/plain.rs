//! The plain-language check for text written for the resident (language level B1): long
//! sentences, long words, and terms from the method file's jargon list. Advice, never a
//! block: the professional decides. No egui here.

use crate::i18n::{Language, tr_args};
use crate::method::Jargon;

/// More words than this in one sentence is hard to read at B1.
pub const MAX_SENTENCE_WORDS: usize = 20;
/// A word with this many syllables or more is hard to read at B1.
pub const LONG_WORD_SYLLABLES: usize = 6;
/// A word with this many letters or more is hard to read, whatever its syllables.
pub const LONG_WORD_LETTERS: usize = 18;

/// One thing that makes a text harder to read than it needs to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlainIssue {
    /// A sentence of this many words, starting with these words.
    LongSentence {
        words: usize,
        start: String,
    },
    LongWord(String),
    /// A method or policy term, with a plainer way to say it (may be empty).
    Jargon {
        term: String,
        plain: String,
    },
}

/// What is hard to read in `text`, each issue once, in the order found.
pub fn check(text: &str, language: Language, jargon: &[Jargon]) -> Vec<PlainIssue> {
    let mut issues = Vec::new();
    for sentence in sentences(text) {
        let words: Vec<&str> = words(sentence).collect();
        if words.len() > MAX_SENTENCE_WORDS {
            let start = words[..4].join(" ");
            issues.push(PlainIssue::LongSentence {
                words: words.len(),
                start: format!("{start} …"),
            });
        }
    }
    for word in words(text) {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= LONG_WORD_LETTERS || syllables(word) >= LONG_WORD_SYLLABLES {
            push_once(&mut issues, PlainIssue::LongWord(word.to_owned()));
        }
    }
    let folded = fold(text);
    for term in jargon {
        let wanted = fold(term.term.get(language));
        if !wanted.is_empty() && contains_term(&folded, &wanted) {
            push_once(
                &mut issues,
                PlainIssue::Jargon {
                    term: term.term.get(language).to_owned(),
                    plain: term
                        .plain
                        .as_ref()
                        .map(|p| p.get(language).to_owned())
                        .unwrap_or_default(),
                },
            );
        }
    }
    issues
}

/// One issue in words, in `language`: what the screen and the command line say.
pub fn describe(language: Language, issue: &PlainIssue) -> String {
    match issue {
        PlainIssue::LongSentence { words, start } => tr_args(
            language,
            "plain.long_sentence",
            &[("words", &words.to_string()), ("start", start)],
        ),
        PlainIssue::LongWord(word) => tr_args(language, "plain.long_word", &[("word", word)]),
        PlainIssue::Jargon { term, plain } if plain.is_empty() => {
            tr_args(language, "plain.jargon", &[("term", term)])
        }
        PlainIssue::Jargon { term, plain } => tr_args(
            language,
            "plain.jargon_plain",
            &[("term", term), ("plain", plain)],
        ),
    }
}

/// The texts of a case that the resident reads in the letter, each with a short name
/// for it (the first words), for the command line's check before a letter goes out.
pub fn letter_texts(case: &crate::model::Case) -> Vec<&str> {
    let mut texts: Vec<&str> = case
        .chosen()
        .map(|o| o.plan.for_resident.as_str())
        .collect();
    texts.extend([case.letter.heard.as_str(), case.letter.passed_on.as_str()]);
    texts.retain(|t| !t.trim().is_empty());
    texts
}

fn push_once(issues: &mut Vec<PlainIssue>, issue: PlainIssue) {
    if !issues.contains(&issue) {
        issues.push(issue);
    }
}

/// Sentences end at . ! ? or a line break; "bijv." and "1.5" cut a little too often,
/// which only makes a sentence look shorter, never longer.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['.', '!', '?', '\n'])
        .filter(|s| !s.trim().is_empty())
}

/// Words: runs of letters, digits, hyphens and apostrophes.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\'' || c == '’'))
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// Syllables, counted as groups of vowels: close enough for Dutch and English to tell
/// "gemeente" (3) from "mantelzorgondersteuning" (7).
fn syllables(word: &str) -> usize {
    let mut count = 0;
    let mut in_vowels = false;
    for c in fold(word).chars() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if vowel && !in_vowels {
            count += 1;
        }
        in_vowels = vowel;
    }
    count
}

/// Lower case without diacritics, so "Wmo" matches "WMO" and "één" matches "een".
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            other => other,
        })
        .collect()
}

/// Whether `term` occurs in `text` at the start of a word: "interventie" is found in
/// "interventies", "niveau" in "niveaus", but "wmo" not in "zwemmode".
fn contains_term(text: &str, term: &str) -> bool {
    text.match_indices(term).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::Text;

    fn jargon() -> Vec<Jargon> {
        vec![Jargon {
            term: Text {
                nl: "interventie".into(),
                en: "intervention".into(),
            },
            plain: Some(Text {
                nl: "wat we gaan doen".into(),
                en: "what we will do".into(),
            }),
        }]
    }

    #[test]
    fn a_short_plain_text_has_no_issues() {
        let text = "U krijgt hulp bij het huishouden. Anna belt u voor vrijdag.";
        assert_eq!(check(text, Language::Nl, &jargon()), vec![]);
    }

    #[test]
    fn long_sentences_long_words_and_jargon_are_found_once() {
        let long = "Wij hebben met het hele team heel lang en heel goed gesproken over wat u \
                    nodig heeft om weer zelf naar de winkel en de markt te gaan.";
        let issues = check(long, Language::Nl, &[]);
        assert!(
            matches!(issues[0], PlainIssue::LongSentence { words: 28, .. }),
            "{issues:?}"
        );

        let text = "De maatwerkvoorziening en de interventies. Nog een maatwerkvoorziening.";
        assert_eq!(
            check(text, Language::Nl, &jargon()),
            vec![
                PlainIssue::LongWord("maatwerkvoorziening".into()),
                PlainIssue::Jargon {
                    term: "interventie".into(),
                    plain: "wat we gaan doen".into()
                },
            ]
        );
        assert_eq!(
            check("Two interventions.", Language::En, &jargon()).len(),
            1,
            "English terms in an English text"
        );
    }

    #[test]
    fn a_term_is_found_only_at_the_start_of_a_word() {
        assert!(contains_term("de wmo-consulent", "wmo"));
        assert!(!contains_term("zwemmode", "wmo"));
        assert_eq!(syllables("gemeente"), 3);
        assert_eq!(syllables("maatwerkvoorziening"), 5);
        assert_eq!(syllables("mantelzorgondersteuning"), 7);
    }
}
