//! Signals across cases (signaleren, issue 12): every signal of a set of loaded cases,
//! grouped by receiver and by theme, so a team sees which structural problems come back.
//! Pure: the cases come in already loaded (`load` reads them from disk), the groups go
//! out as plain text, and the exports (`export::signals`) and the window render them.
//!
//! How signals are grouped, so the result can be explained to the group:
//! - **Receiver**: the `to` of the signal, compared without case and with runs of white
//!   space as one space ("Team manager" and "team  manager" are one receiver). The
//!   spelling shown is the first met, in the order of the files' paths.
//! - **Theme**, within a receiver: a signal on a note or option tagged with conditions
//!   of social quality belongs with the signals that have exactly the same conditions.
//!   A signal without condition tags is grouped by wording: its significant words are
//!   the words of the change asked and of the note's text, lower-cased, of three letters
//!   or more, without common Dutch and English words ("de", "het", "moet", "the"…).
//!   It joins the first earlier untagged group in which some signal shares at least
//!   [`SHARED_WORDS`] significant words with it, else it starts a group of its own.
//!   Such a group is named after the words its signals share most.
//! - **Copies**: a case equal in every field to one read before (the same file given
//!   twice, or a copy of it under another name) counts once; the copy is listed.

pub mod load;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::export::Names;
use crate::i18n::Language;
use crate::method::Method;
use crate::model::{Case, Level};

/// How many significant words two untagged signals must share to be one theme.
pub const SHARED_WORDS: usize = 2;

/// A case read from a file.
#[derive(Clone, Debug)]
pub struct LoadedCase {
    pub path: PathBuf,
    pub case: Case,
}

/// A case that raised signals (or none), as the report names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseRef {
    /// The file, to open it again.
    pub path: PathBuf,
    /// The file's name as shown: pseudonymised unless real names were asked for.
    pub file_name: String,
    pub title: String,
    pub meeting_date: Option<NaiveDate>,
}

/// One signal of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignalRow {
    pub level: Level,
    /// The receiver as written in this case.
    pub receiver: String,
    /// What should change.
    pub change: String,
    /// The text of the note or option that raised it.
    pub source: String,
    /// Index in `Gathered::cases`.
    pub case: usize,
}

/// What a theme is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Theme {
    /// The titles of the conditions the signals were tagged with (the key when the
    /// method does not know it).
    Conditions(Vec<String>),
    /// The significant words the signals share most (or, for one signal, its first).
    Words(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeGroup {
    pub theme: Theme,
    pub signals: Vec<SignalRow>,
}

impl ThemeGroup {
    /// The cases that raised a signal of this theme, each once, in order.
    pub fn cases(&self) -> Vec<usize> {
        let mut cases: Vec<usize> = self.signals.iter().map(|s| s.case).collect();
        cases.sort_unstable();
        cases.dedup();
        cases
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiverGroup {
    /// As first written; empty when the signals do not say to whom.
    pub receiver: String,
    pub themes: Vec<ThemeGroup>,
}

impl ReceiverGroup {
    pub fn signal_count(&self) -> usize {
        self.themes.iter().map(|t| t.signals.len()).sum()
    }

    pub fn cases(&self) -> Vec<usize> {
        let mut cases: Vec<usize> = self.themes.iter().flat_map(ThemeGroup::cases).collect();
        cases.sort_unstable();
        cases.dedup();
        cases
    }
}

/// A file left out because it holds the same case as an earlier one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copy {
    pub path: PathBuf,
    pub same_as: PathBuf,
    /// Both file names as shown (pseudonymised unless real names were asked for).
    pub file_name: String,
    pub same_as_name: String,
}

/// All signals of a set of cases, grouped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gathered {
    /// Every case read (copies left out), in the order of their paths.
    pub cases: Vec<CaseRef>,
    /// Receivers with the most cases first.
    pub receivers: Vec<ReceiverGroup>,
    pub copies: Vec<Copy>,
}

impl Gathered {
    pub fn signal_count(&self) -> usize {
        self.receivers.iter().map(ReceiverGroup::signal_count).sum()
    }

    /// Every signal with its receiver group and theme, in report order.
    pub fn rows(&self) -> impl Iterator<Item = (&ReceiverGroup, &ThemeGroup, &SignalRow)> {
        self.receivers.iter().flat_map(|r| {
            r.themes
                .iter()
                .flat_map(move |t| t.signals.iter().map(move |s| (r, t, s)))
        })
    }

    /// The first and the last meeting date of the cases that raised signals.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let dates = self
            .rows()
            .filter_map(|(_, _, s)| self.cases[s.case].meeting_date);
        dates.fold(None, |range, d| match range {
            None => Some((d, d)),
            Some((a, b)) => Some((a.min(d), b.max(d))),
        })
    }
}

/// The receiver as compared: lower case, white space collapsed.
pub fn receiver_key(receiver: &str) -> String {
    receiver
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Common words that say nothing about a theme: Dutch and English.
const STOP_WORDS: &[&str] = &[
    "aan", "alle", "als", "bij", "dan", "dat", "deze", "die", "dit", "door", "een", "elk", "elke",
    "geen", "heb", "hebben", "heeft", "het", "hoe", "hun", "iets", "ook", "kan", "komt", "kunnen",
    "maar", "meer", "met", "moet", "moeten", "naar", "niet", "nog", "omdat", "ons", "onze", "ook",
    "over", "per", "te", "tot", "uit", "van", "veel", "voor", "waar", "wat", "wel", "werd", "wie",
    "wij", "wordt", "worden", "zal", "zich", "zij", "zijn", "zoals", "zodat", "zou", "zonder",
    "about", "all", "and", "are", "but", "can", "could", "does", "for", "from", "has", "have",
    "into", "its", "more", "must", "not", "our", "should", "that", "the", "their", "them", "there",
    "they", "this", "too", "was", "were", "what", "when", "which", "who", "will", "with", "would",
    "hem", "haar", "hij", "hier", "daar", "binnen", "alleen", "altijd", "andere", "want", "dus",
    "toch", "even", "heel", "gaat", "gaan", "doen", "doet", "nu", "her", "him", "his", "she",
    "only", "also", "other",
];

/// The significant words of a text, each once, in order.
pub fn significant_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let word = word.to_lowercase();
        if word.chars().count() >= 3
            && !word.chars().all(|c| c.is_ascii_digit())
            && !STOP_WORDS.contains(&word.as_str())
            && !words.contains(&word)
        {
            words.push(word);
        }
    }
    words
}

fn shared(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|w| b.contains(w)).count()
}

/// One signal before grouping.
struct Found {
    row: SignalRow,
    receiver_key: String,
    conditions: Vec<String>,
    words: Vec<String>,
}

/// The cases in the order of their paths, without copies.
fn distinct(cases: &[LoadedCase]) -> (Vec<&LoadedCase>, Vec<Copy>) {
    let mut order: Vec<&LoadedCase> = cases.iter().collect();
    order.sort_by(|a, b| a.path.cmp(&b.path));
    let mut kept: Vec<&LoadedCase> = Vec::new();
    let mut by_key: HashMap<(&str, Option<NaiveDate>, usize), Vec<usize>> = HashMap::new();
    let mut copies = Vec::new();
    for loaded in order {
        let case = &loaded.case;
        let key = (case.title.as_str(), case.meeting_date, case.notes.len());
        let bucket = by_key.entry(key).or_default();
        let same = bucket.iter().copied().find(|&i| kept[i].case == *case);
        match same {
            Some(i) => copies.push(Copy {
                path: loaded.path.clone(),
                same_as: kept[i].path.clone(),
                file_name: file_name(&loaded.path),
                same_as_name: file_name(&kept[i].path),
            }),
            None => {
                bucket.push(kept.len());
                kept.push(loaded);
            }
        }
    }
    (kept, copies)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Gathers and groups the signals of `cases`. With `Names::Pseudonymised` every text
/// (and the file name) has the registered names of its own case replaced.
pub fn gather(cases: &[LoadedCase], method: &Method, language: Language, names: Names) -> Gathered {
    let (kept, mut copies) = distinct(cases);
    if names == Names::Pseudonymised {
        for copy in &mut copies {
            if let Some(copied) = cases.iter().find(|c| c.path == copy.path) {
                let hider = crate::privacy::TextPseudonymiser::new(&copied.case, language);
                copy.file_name = hider.apply(&copy.file_name);
                copy.same_as_name = hider.apply(&copy.same_as_name);
            }
        }
    }
    let mut refs = Vec::with_capacity(kept.len());
    let mut found = Vec::new();
    for (index, loaded) in kept.iter().enumerate() {
        let case = &loaded.case;
        let hider = (names == Names::Pseudonymised && !case.persons.is_empty())
            .then(|| crate::privacy::TextPseudonymiser::new(case, language));
        let hide = |text: String| match &hider {
            Some(h) => h.apply(&text),
            None => text,
        };
        let shown = |text: &str| hide(collapse(text));
        refs.push(CaseRef {
            path: loaded.path.clone(),
            file_name: hide(file_name(&loaded.path)),
            title: shown(&case.title),
            meeting_date: case.meeting_date,
        });
        for (level, entry, signal) in case.signals() {
            let row = SignalRow {
                level,
                receiver: shown(&signal.to),
                change: shown(&signal.change),
                source: shown(&entry.text),
                case: index,
            };
            let words = significant_words(&format!("{} {}", row.change, row.source));
            found.push(Found {
                receiver_key: receiver_key(&row.receiver),
                conditions: entry.conditions.clone(),
                words,
                row,
            });
        }
    }
    Gathered {
        receivers: group(found, method, language, &refs),
        cases: refs,
        copies,
    }
}

fn group(
    found: Vec<Found>,
    method: &Method,
    language: Language,
    cases: &[CaseRef],
) -> Vec<ReceiverGroup> {
    let mut by_receiver: BTreeMap<String, (String, Vec<Found>)> = BTreeMap::new();
    for f in found {
        by_receiver
            .entry(f.receiver_key.clone())
            .or_insert_with(|| (f.row.receiver.clone(), Vec::new()))
            .1
            .push(f);
    }
    let mut receivers: Vec<ReceiverGroup> = by_receiver
        .into_values()
        .map(|(receiver, found)| ReceiverGroup {
            receiver,
            themes: themes(found, method, language, cases),
        })
        .collect();
    receivers.sort_by(|a, b| {
        (
            b.cases().len(),
            a.receiver.is_empty(),
            receiver_key(&a.receiver),
        )
            .cmp(&(
                a.cases().len(),
                b.receiver.is_empty(),
                receiver_key(&b.receiver),
            ))
    });
    receivers
}

/// The themes of one receiver's signals: by condition tags, else by shared words.
fn themes(
    found: Vec<Found>,
    method: &Method,
    language: Language,
    cases: &[CaseRef],
) -> Vec<ThemeGroup> {
    let mut tagged: BTreeMap<Vec<String>, Vec<SignalRow>> = BTreeMap::new();
    // Each untagged group with the words of each of its signals.
    let mut worded: Vec<(Vec<Vec<String>>, Vec<SignalRow>)> = Vec::new();
    for f in found {
        if !f.conditions.is_empty() {
            tagged.entry(f.conditions).or_default().push(f.row);
            continue;
        }
        let similar = worded
            .iter_mut()
            .find(|(words, _)| words.iter().any(|w| shared(w, &f.words) >= SHARED_WORDS));
        match similar {
            Some((words, rows)) => {
                words.push(f.words);
                rows.push(f.row);
            }
            None => worded.push((vec![f.words], vec![f.row])),
        }
    }
    let condition_title = |key: &String| {
        method
            .condition(key)
            .map(|c| c.title.get(language).to_owned())
            .unwrap_or_else(|| key.clone())
    };
    let mut themes: Vec<ThemeGroup> = tagged
        .into_iter()
        .map(|(keys, signals)| ThemeGroup {
            theme: Theme::Conditions(keys.iter().map(condition_title).collect()),
            signals,
        })
        .chain(worded.into_iter().map(|(words, signals)| ThemeGroup {
            theme: Theme::Words(naming_words(&words)),
            signals,
        }))
        .collect();
    for theme in &mut themes {
        theme.signals.sort_by(|a, b| {
            let (ca, cb) = (&cases[a.case], &cases[b.case]);
            (ca.meeting_date, &ca.path).cmp(&(cb.meeting_date, &cb.path))
        });
    }
    // Stable: equal counts keep conditions before wording, each in its own order.
    themes.sort_by_key(|t| std::cmp::Reverse(t.cases().len()));
    themes
}

/// The words that name a group: those in most of its signals (at least two), at most
/// three; for a single signal, its first three.
fn naming_words(words: &[Vec<String>]) -> Vec<String> {
    if words.len() == 1 {
        return words[0].iter().take(3).cloned().collect();
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for word in words.iter().flatten() {
        match counts.iter_mut().find(|(w, _)| w == word) {
            Some((_, n)) => *n += 1,
            None => counts.push((word.clone(), 1)),
        }
    }
    counts.retain(|(_, n)| *n >= 2);
    // Stable: among equal counts the first met comes first.
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    counts.into_iter().take(3).map(|(w, _)| w).collect()
}

#[cfg(test)]
mod tests;
