//! Date of birth: a date with a cue such as "geboren", "geb.", "geboortedatum", "born".

use super::text::{
    digits_end, ends_number, ends_word, skip_spaces, starts_number, starts_with_ci, starts_word,
};
use super::{Finding, FindingKind, push};

/// Words that say the date next to them is a birth date (ASCII, any case).
const BIRTH_CUES: &[&[u8]] = &[
    b"geboortedatum",
    b"geboortejaar",
    b"geb.jaar",
    b"year of birth",
    b"birth year",
    b"geboorte datum",
    b"geb.datum",
    b"geb. datum",
    b"geb.dat.",
    b"geboren",
    b"geb",
    b"date of birth",
    b"birth date",
    b"birthdate",
    b"born",
    b"d.o.b",
    b"dob",
];

pub(super) fn find_dates_of_birth(text: &str, out: &mut Vec<Finding>) {
    let cues = find_cues(text);
    if cues.is_empty() {
        return;
    }
    find_years_of_birth(text, &cues, out);
    for (s, e) in find_dates(text) {
        let k = cues.partition_point(|c| c.1 <= s);
        let before = k > 0 && {
            let (cs, ce) = cues[k - 1];
            if text.get(cs..ce) == Some("°") {
                // Flemish "°3-3-1945"; "20°C op 3 maart" is a temperature.
                text.get(ce..s).is_some_and(|g| g.trim().is_empty())
            } else {
                cue_gap_ok(text, ce, s)
            }
        };
        // Dutch puts the verb last: "Ze is op 3 maart 1945 in Deventer geboren."
        let after = cues.get(k).is_some_and(|&(cs, ce)| {
            let verb = text.get(cs..ce).is_some_and(|w| {
                w.eq_ignore_ascii_case("geboren") || w.eq_ignore_ascii_case("born")
            });
            let gap = text.get(e..cs).unwrap_or(".");
            verb && cs >= e
                && gap.len() <= 30
                && gap.chars().all(|c| c.is_alphabetic() || c == ' ')
                && gap.split(' ').filter(|w| !w.is_empty()).count() <= 3
        });
        if before || after {
            push(out, FindingKind::DateOfBirth, s, e);
        }
    }
}

/// A year alone right after a cue: "geb. 1960", "geboren in 1948", "geboortejaar:
/// 1939", "born in 1951". Only after the cue: "in 1950 geboren" says less.
fn find_years_of_birth(text: &str, cues: &[(usize, usize)], out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    for &(_, ce) in cues {
        let mut p = ce;
        while matches!(b.get(p), Some(b' ' | b':' | b'(' | b'\t')) && p - ce < 4 {
            p += 1;
        }
        for word in [
            b"in ".as_slice(),
            b"anno ",
            b"ca. ",
            b"circa ",
            b"rond ",
            b"omstreeks ",
        ] {
            if starts_with_ci(b, p, word) {
                p = skip_spaces(b, p + word.len(), 2);
                break;
            }
        }
        if p > ce
            && digits_end(b, p) == p + 4
            && starts_number(text, p)
            && ends_number(text, p + 4)
            && year_end(b, p, false).is_some()
        {
            push(out, FindingKind::DateOfBirth, p, p + 4);
        }
    }
}

fn find_cues(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut cues = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with("°".as_bytes()) {
            cues.push((i, i + 2));
            i += 2;
        } else if matches!(b[i].to_ascii_lowercase(), b'g' | b'd' | b'b')
            && starts_word(text, i)
            && let Some(len) = BIRTH_CUES
                .iter()
                .filter(|cue| starts_with_ci(b, i, cue) && ends_word(text, i + cue.len()))
                .map(|cue| cue.len())
                .max()
        {
            let mut end = i + len;
            // The dot of an abbreviation belongs to the cue: "geb.", "d.o.b.".
            if matches!(&b[i..end], [.., b'b' | b'B']) && b.get(end) == Some(&b'.') {
                end += 1;
            }
            cues.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    cues
}

/// The text between a cue and its date (`start..end`): short, one clause, no other number.
fn cue_gap_ok(text: &str, start: usize, end: usize) -> bool {
    let Some(gap) = text.get(start..end) else {
        return false;
    };
    let b = gap.as_bytes();
    if b.len() > 40
        || b.iter()
            .any(|c| c.is_ascii_digit() || matches!(c, b'!' | b'?' | b';'))
    {
        return false;
    }
    // A sentence ends in between: ". Het", also when the next sentence is the date's.
    let with_next = text
        .as_bytes()
        .get(start..(end + 1).min(text.len()))
        .unwrap_or(b);
    if with_next
        .windows(3)
        .any(|w| w[0] == b'.' && w[1].is_ascii_whitespace() && w[2].is_ascii_uppercase())
    {
        return false;
    }
    let words = gap
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    // A line break only between a label and its value ("Geboortedatum:\n3-3-1945").
    words <= 4 && (words == 0 || !b.contains(&b'\n'))
}

fn find_dates(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut dates = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let may_start = (c.is_ascii_digit() && starts_number(text, i))
            || (c.is_ascii_alphabetic() && starts_word(text, i));
        if may_start && let Some(e) = date_at(text, i) {
            dates.push((i, e));
            i = e;
        } else {
            i += 1;
        }
    }
    dates
}

const MONTHS: &[(&[u8], u32)] = &[
    (b"januari", 1),
    (b"january", 1),
    (b"jan", 1),
    (b"februari", 2),
    (b"february", 2),
    (b"febr", 2),
    (b"feb", 2),
    (b"maart", 3),
    (b"march", 3),
    (b"mrt", 3),
    (b"mar", 3),
    (b"mei", 5),
    (b"april", 4),
    (b"apr", 4),
    (b"may", 5),
    (b"juni", 6),
    (b"june", 6),
    (b"jun", 6),
    (b"juli", 7),
    (b"july", 7),
    (b"jul", 7),
    (b"augustus", 8),
    (b"august", 8),
    (b"aug", 8),
    (b"september", 9),
    (b"sept", 9),
    (b"sep", 9),
    (b"oktober", 10),
    (b"october", 10),
    (b"okt", 10),
    (b"oct", 10),
    (b"november", 11),
    (b"nov", 11),
    (b"december", 12),
    (b"dec", 12),
];

/// A month name or abbreviation at `p` (with its abbreviation dot): (month, end).
fn month_at(text: &str, p: usize) -> Option<(u32, usize)> {
    let b = text.as_bytes();
    let (month, len) = MONTHS
        .iter()
        .filter(|(name, _)| starts_with_ci(b, p, name) && ends_word(text, p + name.len()))
        .map(|&(name, m)| (m, name.len()))
        .max_by_key(|&(_, len)| len)?;
    let mut end = p + len;
    if b.get(end) == Some(&b'.') {
        end += 1;
    }
    Some((month, end))
}

fn valid_day(day: u32, month: u32) -> bool {
    let max = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=max).contains(&day)
}

/// A number of 1 or 2 digits at `p`: (value, end).
fn small_number(b: &[u8], p: usize) -> Option<(u32, usize)> {
    let e = digits_end(b, p);
    if !(1..=2).contains(&(e - p)) {
        return None;
    }
    Some((
        b[p..e].iter().fold(0, |v, &d| v * 10 + u32::from(d - b'0')),
        e,
    ))
}

/// A year at `p`: 1880..2100 in four digits, or two digits (with or without an apostrophe
/// when `short` allows it). Returns its end.
fn year_end(b: &[u8], p: usize, short: bool) -> Option<usize> {
    let (p, apostrophe) = match b.get(p) {
        Some(b'\'') => (p + 1, true),
        _ => (p, false),
    };
    let e = digits_end(b, p);
    match e - p {
        4 if !apostrophe => {
            let year = b[p..e]
                .iter()
                .fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'));
            (1880..=2100).contains(&year).then_some(e)
        }
        2 if short || apostrophe => Some(e),
        _ => None,
    }
}

/// "st", "nd", "rd", "th" or "e" after a day number.
fn skip_ordinal(text: &str, p: usize) -> usize {
    let b = text.as_bytes();
    for suffix in [b"st".as_slice(), b"nd", b"rd", b"th", b"e"] {
        if starts_with_ci(b, p, suffix) && ends_word(text, p + suffix.len()) {
            return p + suffix.len();
        }
    }
    p
}

/// A date starting at `i`: 3-3-1945, 03/03/1945, 3.3.45, 1945-03-03, 3 maart 1945,
/// 3 mrt. 1945, 3rd of March 1945, March 3, 1945. Returns its end.
fn date_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let end = if b.get(i)?.is_ascii_digit() {
        if digits_end(b, i) - i == 4 {
            year_first_end(b, i)?
        } else {
            day_first_end(text, i)?
        }
    } else {
        month_first_end(text, i)?
    };
    ends_number(text, end).then_some(end)
}

/// 1945-03-03, 1945/3/3, 1945.03.03 at `i`. Returns its end.
fn year_first_end(b: &[u8], i: usize) -> Option<usize> {
    let e1 = digits_end(b, i);
    let sep = *b.get(e1)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let (month, e2) = small_number(b, e1 + 1)?;
    if b.get(e2) != Some(&sep) {
        return None;
    }
    let (day, e3) = small_number(b, e2 + 1)?;
    (year_end(b, i, false).is_some() && valid_day(day, month)).then_some(e3)
}

/// 3-3-1945, 03/03/1945, 3.3.45, 3-mrt-1945, 3 maart 1945, 3rd of March 1945 at `i`.
/// Returns its end.
fn day_first_end(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let (day, e1) = small_number(b, i)?;
    let (month, end) = match b.get(e1) {
        Some(&sep @ (b'-' | b'/' | b'.')) => {
            // 3-mrt-1945, or all in digits (then the year may be short).
            let (month, e2, short) = if b.get(e1 + 1).is_some_and(u8::is_ascii_alphabetic) {
                let (month, e2) = month_at(text, e1 + 1)?;
                (month, e2, false)
            } else {
                let (month, e2) = small_number(b, e1 + 1)?;
                (month, e2, true)
            };
            if b.get(e2) != Some(&sep) {
                return None;
            }
            (month, year_end(b, e2 + 1, short)?)
        }
        _ => {
            // 3 maart 1945, 3rd of March 1945
            let mut p = skip_ordinal(text, e1);
            let q = skip_spaces(b, p, 2);
            if q == p {
                return None;
            }
            p = q;
            if starts_with_ci(b, p, b"of ") {
                p += 3;
            }
            let (month, e) = month_at(text, p)?;
            (month, year_after(b, e)?)
        }
    };
    valid_day(day, month).then_some(end)
}

/// March 3, 1945 at `i`. Returns its end.
fn month_first_end(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let (month, e) = month_at(text, i)?;
    let p = skip_spaces(b, e, 2);
    if p == e {
        return None;
    }
    let (day, e) = small_number(b, p)?;
    let end = year_after(b, skip_ordinal(text, e))?;
    valid_day(day, month).then_some(end)
}

/// A four-digit year after `p`, behind an optional comma and one or two spaces. Returns
/// its end.
fn year_after(b: &[u8], mut p: usize) -> Option<usize> {
    if b.get(p) == Some(&b',') {
        p += 1;
    }
    let q = skip_spaces(b, p, 2);
    if q == p {
        return None;
    }
    year_end(b, q, false)
}

#[cfg(test)]
mod tests {
    use crate::privacy::scan::FindingKind::DateOfBirth;
    use crate::privacy::scan::testing::{assert_finds, found};

    #[test]
    fn date_of_birth_table() {
        for (text, date) in [
            ("geboren op 3 maart 1945", "3 maart 1945"),
            ("geb. 03-03-1945", "03-03-1945"),
            ("geboortedatum: 1945-03-03", "1945-03-03"),
            ("born 3 March 1945", "3 March 1945"),
            ("date of birth 03/03/1945", "03/03/1945"),
            ("Mevrouw (geb. 12-1-1950) woont alleen.", "12-1-1950"),
            ("Geboortedatum:\n3-3-1945", "3-3-1945"),
            ("born on March 3, 1945", "March 3, 1945"),
            ("geb. 3 mrt. 1945", "3 mrt. 1945"),
            ("Ze is op 3 maart 1945 in Deventer geboren.", "3 maart 1945"),
            (
                "Zijn geboortedatum is 12.01.1950, volgens de BRP.",
                "12.01.1950",
            ),
            ("DOB: 1st of May 1960", "1st of May 1960"),
            ("geb. 3-3-'45", "3-3-'45"),
            ("De cliënt (°12/04/1951) verhuisde.", "12/04/1951"),
            ("Geb.dat.: 3-mrt-1945", "3-mrt-1945"),
            ("Mevrouw (geb. 1960) woont alleen.", "1960"),
            ("Hij is geboren in 1948 in Deventer.", "1948"),
            ("geboortejaar 1939", "1939"),
            ("Geboortejaar: 1939", "1939"),
            ("born in 1951", "1951"),
            ("geb. 03-03-1945", "03-03-1945"),
        ] {
            assert_finds(text, &[], DateOfBirth, date);
        }
        for text in [
            "Op 3 maart 1945 begon de hongerwinter voor haar familie.",
            "Op 12-11-2026 bespreken we de casus in het wijkteam.",
            "De deadline is 2026-03-01.",
            "Ze is geboren en getogen in Zwolle en verhuisde op 1 mei 2020 naar Deventer.",
            "Haar moeder is in 1950 geboren.",
            "Geboren: 3-3-1945. Overleden: 5-6-2020.",
            "geboren op 31-02-1945",
            "Het was 20°C op 3 maart 2026.",
            "Ze is geboren en getogen in Zwolle, sinds 1980 woont ze in Ede.",
            "Geboren op de boerderij; in 1960 verhuisd.",
            "geboren in 12 stappen",
        ] {
            let all = found(text, &[]);
            let dobs: Vec<_> = all.iter().filter(|(k, _)| *k == DateOfBirth).collect();
            assert!(
                dobs.len() <= usize::from(text.starts_with("Geboren")),
                "{text:?}: {all:?}"
            );
        }
    }
}
