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
    let patterns: Vec<(usize, Vec<Vec<char>>)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| fold_name(n).map(|words| (i, words)))
        .collect();
    if patterns.is_empty() {
        return Vec::new();
    }
    let folded = fold_text(text);
    let mut all = Vec::new();
    for (index, words) in &patterns {
        let first = words[0][0];
        for k in 0..folded.len() {
            if folded[k].ch != first
                || !folded[k].first
                || (k > 0 && is_word_char(folded[k - 1].ch))
            {
                continue;
            }
            if let Some(p) = match_words(&folded, k, words) {
                all.push((folded[k].start..folded[p - 1].end, *index));
            }
        }
    }
    all.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
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
fn fold_name(name: &str) -> Option<Vec<Vec<char>>> {
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
