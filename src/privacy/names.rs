//! Registered real names in free text: whole words, any case, diacritics ignored, any
//! run of white space between the words of a name. Used to pseudonymise and to scan.
//!
//! Names are matched on a folded copy of the text (lower case, diacritics dropped) that
//! remembers where each folded char came from, so every range is on char boundaries.

use std::ops::Range;

use super::scan::text::{is_mark, is_word_char};

/// Where each of `names` occurs in `text` (whole words, any case, diacritics ignored,
/// any run of white space between the words): byte range and the index of the name.
/// Where matches overlap, the earliest wins, and at the same place the longest. The one
/// name matcher, so what the check finds is exactly what pseudonymisation replaces.
pub fn find_names(text: &str, names: &[&str]) -> Vec<(Range<usize>, usize)> {
    NamePatterns::new(names).find(text)
}

/// Names folded once and sorted by how they begin, to be found in many texts: a case of
/// a dozen persons has hundreds of name forms, one of a thousand persons tens of
/// thousands, and only the few that begin like the word at hand are tried there.
pub struct NamePatterns {
    /// Per beginning (the first `KEY_CHARS` folded chars of the first word, or all of a
    /// shorter one): the index of the name and its folded words.
    by_start: std::collections::HashMap<Vec<char>, Vec<(usize, FoldedName)>>,
}

/// A name folded for matching: its words, each as lower-case chars without diacritics.
type FoldedName = Vec<Vec<char>>;

const KEY_CHARS: usize = 3;

impl NamePatterns {
    pub fn new(names: &[&str]) -> NamePatterns {
        let mut by_start: std::collections::HashMap<Vec<char>, Vec<_>> = Default::default();
        for (i, name) in names.iter().enumerate() {
            if let Some(words) = fold_name(name) {
                let key = words[0][..words[0].len().min(KEY_CHARS)].to_vec();
                by_start.entry(key).or_default().push((i, words));
            }
        }
        NamePatterns { by_start }
    }

    /// See [`find_names`].
    pub fn find(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        if self.by_start.is_empty() {
            return Vec::new();
        }
        let folded = fold_text(text);
        let mut all = Vec::new();
        let mut key = Vec::with_capacity(KEY_CHARS);
        for k in 0..folded.len() {
            if !folded[k].first || (k > 0 && is_word_char(folded[k - 1].ch)) {
                continue;
            }
            key.clear();
            for f in folded[k..].iter().take(KEY_CHARS) {
                key.push(f.ch);
                let Some(candidates) = self.by_start.get(&key) else {
                    continue;
                };
                for (index, words) in candidates {
                    if let Some(p) = match_words(&folded, k, words) {
                        all.push((folded[k].start..folded[p - 1].end, *index));
                    }
                }
            }
        }
        // At one place the longest match wins; among equals, the first name given.
        all.sort_by_key(|(range, index)| (range.start, std::cmp::Reverse(range.end), *index));
        let mut chosen: Vec<(Range<usize>, usize)> = Vec::new();
        for (range, index) in all {
            if chosen
                .last()
                .is_none_or(|(last, _)| range.start >= last.end)
            {
                chosen.push((range, index));
            }
        }
        chosen
    }
}

/// Replaces every occurrence of a name by its replacement (`pairs` of name and
/// replacement; names that are empty are skipped).
pub fn replace_names(text: &str, pairs: &[(&str, &str)]) -> String {
    let names: Vec<&str> = pairs.iter().map(|(name, _)| *name).collect();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, index) in find_names(text, &names) {
        out.push_str(&text[last..range.start]);
        out.push_str(pairs[index].1);
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// The words of a name from `k`, whole words, white space between them. Returns the end.
fn match_words(folded: &[Folded], k: usize, words: &[Vec<char>]) -> Option<usize> {
    let mut p = k;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let gap = p;
            while folded.get(p).is_some_and(|f| f.ch.is_whitespace()) {
                p += 1;
            }
            if p == gap {
                return None;
            }
        }
        let here = folded.get(p..p + word.len())?;
        if !here.iter().zip(word).all(|(f, &c)| f.ch == c) {
            return None;
        }
        p += word.len();
        if !folded[p - 1].last || folded.get(p).is_some_and(|f| is_word_char(f.ch)) {
            return None;
        }
    }
    Some(p)
}

/// One char of the folded text, and the source char it came from.
struct Folded {
    ch: char,
    start: usize,
    end: usize,
    /// The first (or last) folded char of its source char: a match must begin (end) here.
    first: bool,
    last: bool,
}

/// Lower case without diacritics: "Ë" → "e", "Ĳ" → "ij", "ß" → "ss", ’ → '.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        match l {
            'à'..='å' | 'ā' | 'ă' | 'ą' => out('a'),
            'æ' => {
                out('a');
                out('e');
            }
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => out('c'),
            'ď' | 'đ' => out('d'),
            'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => out('e'),
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => out('g'),
            'ĥ' | 'ħ' => out('h'),
            'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => out('i'),
            'ĳ' => {
                out('i');
                out('j');
            }
            'ĵ' => out('j'),
            'ķ' => out('k'),
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => out('l'),
            'ñ' | 'ń' | 'ņ' | 'ň' => out('n'),
            'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => out('o'),
            'œ' => {
                out('o');
                out('e');
            }
            'ŕ' | 'ŗ' | 'ř' => out('r'),
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => out('s'),
            'ß' => {
                out('s');
                out('s');
            }
            'ţ' | 'ť' | 'ŧ' | 'ț' => out('t'),
            'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => out('u'),
            'ŵ' => out('w'),
            'ý' | 'ÿ' | 'ŷ' => out('y'),
            'ź' | 'ż' | 'ž' => out('z'),
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{00B4}' => out('\''),
            m if is_mark(m) => {}
            other => out(other),
        }
    }
}

fn fold_text(text: &str) -> Vec<Folded> {
    let mut folded: Vec<Folded> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if is_mark(c) {
            // "e" + U+0308 is "ë": the mark belongs to the letter before it.
            if let Some(prev) = folded.last_mut() {
                prev.end = end;
            }
            continue;
        }
        let from = folded.len();
        fold_char(c, &mut |ch| {
            folded.push(Folded {
                ch,
                start: i,
                end,
                first: false,
                last: false,
            });
        });
        if folded.len() > from {
            folded[from].first = true;
            let last = folded.len() - 1;
            folded[last].last = true;
        }
    }
    folded
}

/// The folded words of a name; `None` when it has none.
fn fold_name(name: &str) -> Option<FoldedName> {
    let words: Vec<Vec<char>> = name
        .split_whitespace()
        .map(|w| {
            let mut folded = Vec::new();
            for c in w.chars() {
                fold_char(c, &mut |f| folded.push(f));
            }
            folded
        })
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then_some(words)
}

/// Words that begin a Dutch (or Arabic, French, German…) surname without being its core:
/// "de Vries", "van der Berg", "El Amrani", "ter Horst".
const PREFIX_WORDS: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "uit", "uijt", "aan",
    "bij", "onder", "over", "voor", "vd", "v.d.", "el", "al", "la", "le", "du", "da", "di", "dos",
    "das", "del", "della", "von", "zu", "ibn", "bin", "ben", "abu", "'s", "d'",
];

/// Social forms of address that stand before a surname or a first name. Not "mr." or
/// "dr.": those are degrees, and "mr." is also the English "Mr.".
const TITLES: &[&str] = &[
    "mevrouw",
    "mevr.",
    "mevr",
    "mw.",
    "mw",
    "mevrouwtje",
    "meneer",
    "mijnheer",
    "mnr.",
    "dhr.",
    "dhr",
    "de heer",
    "heer",
    "juffrouw",
    "juf",
    "mej.",
    "mejuffrouw",
    "mrs.",
    "ms.",
    "miss",
    "tante",
    "oom",
    "opa",
    "oma",
];

/// The ways people write a person's name, from the real name and the other names (a
/// nickname, a maiden name; separated by commas or line breaks): the whole name; the
/// first name(s); the surname with and without its prefix ("de Vries", "Vries"), and
/// each part of a double one ("Jansen", "Bakker"); initials with the surname ("Z. de
/// Vries", "A.B. de Vries"); a title with the surname or first name ("mevrouw De
/// Vries", "meneer Jan"); and the possessive with s ("Miekes"). Case and diacritics are
/// the matcher's business. A form needs two letters: an initial alone is not a name.
pub fn name_forms(real_name: &str, other_names: &str) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    let names = std::iter::once(real_name).chain(other_names.split([',', ';', '\n']));
    for name in names {
        add_forms_of(name, &mut forms);
    }
    let mut seen = std::collections::HashSet::new();
    forms.retain(|f| f.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    forms.retain(|f| seen.insert(fold_key(f)));
    forms
}

fn fold_key(s: &str) -> Vec<Vec<char>> {
    fold_name(s).unwrap_or_default()
}

fn is_prefix_word(w: &str) -> bool {
    PREFIX_WORDS.iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// A word that is only an initial or initials: "A.", "A.B.", "J".
fn is_initials(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters == 1 || (w.contains('.') && w.split('.').all(|p| p.chars().count() <= 1))
}

fn add_forms_of(name: &str, forms: &mut Vec<String>) {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() {
        return;
    }
    forms.push(words.join(" "));
    // Given names, surname prefix and the core of the surname.
    let (given, prefix, core): (&[&str], &[&str], &[&str]) = if words.len() == 1 {
        (&words[..], &[], &[])
    } else {
        let start = (1..words.len() - 1).find(|&k| is_prefix_word(words[k]));
        match start {
            Some(k) => {
                let mut m = k;
                while m < words.len() - 1 && is_prefix_word(words[m]) {
                    m += 1;
                }
                (&words[..k], &words[k..m], &words[m..])
            }
            None => (&words[..words.len() - 1], &[], &words[words.len() - 1..]),
        }
    };
    let given: Vec<&str> = given.iter().copied().filter(|w| !is_initials(w)).collect();
    let mut firsts: Vec<String> = given.iter().map(|w| (*w).to_owned()).collect();
    if given.len() > 1 {
        firsts.push(given.join(" "));
    }
    let mut surnames: Vec<String> = Vec::new();
    if !core.is_empty() {
        let core_text = core.join(" ");
        if !prefix.is_empty() {
            surnames.push(format!("{} {core_text}", prefix.join(" ")));
        }
        surnames.push(core_text.clone());
        // A double surname: each part, with and without its own prefix.
        let parts: Vec<&str> = core_text
            .split('-')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() > 1 {
            for part in parts {
                surnames.push(part.to_owned());
                let part_words: Vec<&str> = part.split_whitespace().collect();
                if let Some(k) = part_words.iter().position(|w| !is_prefix_word(w))
                    && k > 0
                {
                    surnames.push(part_words[k..].join(" "));
                }
            }
        }
    }
    // Where the surname starts is a guess ("Goyaerts van Waderle" is one surname): every
    // tail of the name after the first word may be the surname, with the first initial.
    if words.len() > 2 {
        let initial = words[0].chars().find(|c| c.is_alphabetic());
        for k in 1..words.len() - 1 {
            let tail = words[k..].join(" ");
            if let Some(c) = initial {
                forms.push(format!("{}. {tail}", c.to_uppercase()));
            }
            // "Wouters van Eijndhoven-Waas": also "Wouters van Eijndhoven".
            if let Some((head, _)) = tail.split_once('-') {
                surnames.push(head.trim().to_owned());
            }
            if !surnames.contains(&tail) {
                surnames.push(tail);
            }
        }
    }
    // Initials come from every given name, also one written as an initial.
    let initials: Vec<char> = words[..words.len() - prefix.len() - core.len()]
        .iter()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .collect();
    let full_surname = surnames.first().cloned();
    if let Some(surname) = &full_surname
        && !initials.is_empty()
    {
        let dotted: String = initials.iter().map(|c| format!("{c}.")).collect();
        let spaced: Vec<String> = initials.iter().map(|c| format!("{c}.")).collect();
        forms.push(format!("{dotted} {surname}"));
        forms.push(format!("{} {surname}", spaced.join(" ")));
        forms.push(format!("{}. {surname}", initials[0]));
        forms.push(format!("{} {surname}", initials[0]));
    }
    let mut bases: Vec<String> = Vec::new();
    bases.extend(firsts);
    bases.extend(surnames);
    for base in bases.clone() {
        for title in TITLES {
            forms.push(format!("{title} {base}"));
        }
    }
    bases.push(words.join(" "));
    for base in bases {
        // Dutch possessive: "Miekes", "Jans"; after s, x or z an apostrophe, which the
        // matcher already allows ("Kees'").
        let last = base.chars().last().unwrap_or(' ').to_ascii_lowercase();
        if !matches!(last, 's' | 'x' | 'z' | '.') {
            forms.push(format!("{base}s"));
        }
        forms.push(base);
    }
}

/// The text folded for comparing: lower case, no diacritics.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| !is_mark(c)) {
        fold_char(c, &mut |f| out.push(f));
    }
    out
}

/// The words around `range` in `text` (two before, two after, folded), which tell one
/// place of a word apart from another: "wandelen in het bos met de".
pub fn context_of(text: &str, range: Range<usize>) -> String {
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..text.len());
    }
    let first = words.partition_point(|w| w.end <= range.start);
    let last = words.partition_point(|w| w.start < range.end);
    let from = first.saturating_sub(2);
    let to = (last + 2).min(words.len());
    words[from..to]
        .iter()
        .map(|w| fold(&text[w.clone()]))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::scan::FindingKind::RegisteredName;
    use crate::privacy::scan::testing::{assert_finds, assert_no};

    fn matched<'a>(text: &'a str, names: &[&str]) -> Vec<&'a str> {
        find_names(text, names)
            .into_iter()
            .map(|(range, _)| &text[range])
            .collect()
    }

    #[test]
    fn names_match_whole_words_in_any_case() {
        let names = ["Zoë de Vries", "Jan", "Zoë"];
        assert_eq!(
            matched(
                "ZOË DE  VRIES belde; zoë zei: jan komt. Janssen in januari niet.",
                &names
            ),
            ["ZOË DE  VRIES", "zoë", "jan"]
        );
        assert_eq!(matched("Jan-Willem en Jan.", &["Jan"]), ["Jan", "Jan"]);
        assert!(matched("Zoëtje", &["Zoë"]).is_empty());
        // Typed without the diaeresis, or with ij for ĳ: still her name.
        assert_eq!(matched("Zoe belt", &["Zoë"]), ["Zoe"]);
        assert_eq!(matched("mevrouw Bijl", &["Bĳl"]), ["Bijl"]);
        assert!(matched("iets", &["", "  "]).is_empty());
    }

    #[test]
    fn names_are_replaced_by_their_pseudonyms() {
        let pairs = [("Zoë de Vries", "mevrouw V."), ("Kees", "zoon")];
        assert_eq!(
            replace_names("Zoë de Vries en KEES; Keesje niet.", &pairs),
            "mevrouw V. en zoon; Keesje niet."
        );
    }

    #[test]
    fn name_table() {
        for (text, names, name) in [
            ("Jan komt morgen.", &["Jan"][..], "Jan"),
            ("Gesprek met JAN over de huur.", &["jan"], "JAN"),
            ("Volgens Anna's zus gaat het slecht.", &["Anna"], "Anna"),
            ("ZOË belde terug.", &["Zoë"], "ZOË"),
            ("Zoe belde terug.", &["Zoë"], "Zoe"),
            ("Zoe\u{308} belde terug.", &["Zoë"], "Zoe\u{308}"),
            ("Meneer BIJL is verhuisd.", &["Bĳl"], "BIJL"),
            ("Meneer Bĳl is verhuisd.", &["Bijl"], "Bĳl"),
            (
                "zoë  de\nvries kwam niet",
                &["Zoë de Vries"],
                "zoë  de\nvries",
            ),
            (
                "Met Zoë\u{a0}de Vries gesproken.",
                &["  Zoë   de Vries "],
                "Zoë\u{a0}de Vries",
            ),
            ("Ayşe Öztürk belde.", &["AYŞE ÖZTÜRK"], "Ayşe Öztürk"),
            ("Mei-Ling komt.", &["mei-ling"], "Mei-Ling"),
        ] {
            assert_finds(text, names, RegisteredName, name);
        }
        for (text, names) in [
            ("Janssen komt morgen.", &["Jan"][..]),
            ("In januari starten we.", &["Jan"]),
            ("Zoë de Vriesland belde.", &["Zoë de Vries"]),
            ("Zoë Jansen belde.", &["Zoë de Vries"]),
            ("De evaluatie is klaar.", &["Eva"]),
            ("Een lege naam telt niet.", &["", "   ", "\n"]),
            ("Ĳsbrand", &["Ĳ"]),
        ] {
            assert_no(text, names, RegisteredName);
        }
    }
}
