//! Finds personal data in free text before a case leaves the app.
//!
//! Small hand-made matchers, no regular expressions: BSN (11-test), IBAN (ISO 13616,
//! mod 97), Dutch phone numbers, e-mail addresses, postcodes (with the house number when
//! the address gives one), dates that the text calls a birth date, and the real names
//! registered in the case.
//!
//! The shapes other than names and e-mail addresses are ASCII, so those matchers work on
//! bytes, and every range they report starts and ends next to an ASCII byte: always a
//! char boundary. E-mail addresses are walked char by char; names are matched on a
//! folded copy of the text (lower case, diacritics dropped) that remembers where each
//! folded char came from. Indexes are checked or bounded, so no input can panic.
//!
//! Where a shape alone is ambiguous the scanner leans on context: a BSN must pass the
//! 11-test and not be an amount, a date only counts with a birth cue next to it, and
//! numbers inside web addresses are not reported as BSN, phone, postcode or date.

use std::collections::BTreeMap;

/// What kind of personal data a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    Bsn,
    Iban,
    Phone,
    Email,
    PostcodeWithNumber,
    DateOfBirth,
    RegisteredName,
}

/// One piece of personal data in a text: its kind and its byte range in that text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    pub start: usize,
    pub end: usize,
}

impl Finding {
    /// The text of this finding in the text it was found in.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Every finding in `text`, in order of position, not overlapping (when two overlap keep
/// the more specific/longer one). `names` are the real names registered in the case; they
/// match case-insensitively as whole words (a name of several words matches with any run
/// of white space between the words); empty or whitespace-only names are ignored.
///
/// Names also match without their diacritics ("Zoe" finds "Zoë", "IJsbrand" finds
/// "Ĳsbrand"): a name written without its accents is still the same person.
pub fn scan(text: &str, names: &[&str]) -> Vec<Finding> {
    let mut found = Vec::new();
    find_ibans(text, &mut found);
    find_bsns(text, &mut found);
    find_phones(text, &mut found);
    find_emails(text, &mut found);
    find_postcodes(text, &mut found);
    find_dates_of_birth(text, &mut found);
    find_names(text, names, &mut found);
    drop_numbers_in_links(text, &mut found);
    keep_best(found)
}

/// Web addresses are full of long numbers (ids, dates in paths) that only look like a
/// BSN, phone, postcode or date. Names, e-mail addresses and IBANs in them still count.
fn drop_numbers_in_links(text: &str, found: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut links: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts_link = matches!(b[i], b'h' | b'H' | b'w' | b'W')
            && (starts_with_ci(b, i, b"http://")
                || starts_with_ci(b, i, b"https://")
                || starts_with_ci(b, i, b"www."))
            && starts_word(text, i);
        if starts_link {
            let end = b[i..]
                .iter()
                .position(|c| c.is_ascii_whitespace() || matches!(c, b'<' | b'>' | b'"'))
                .map_or(b.len(), |n| i + n);
            links.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    if links.is_empty() {
        return;
    }
    found.retain(|f| {
        let numeric = matches!(
            f.kind,
            FindingKind::Bsn
                | FindingKind::Phone
                | FindingKind::PostcodeWithNumber
                | FindingKind::DateOfBirth
        );
        let k = links.partition_point(|l| l.1 <= f.start);
        !(numeric && links.get(k).is_some_and(|l| l.0 <= f.start && f.end <= l.1))
    });
}

/// Among overlapping findings keeps the longest, then the most specific kind.
fn keep_best(mut found: Vec<Finding>) -> Vec<Finding> {
    found.retain(|f| f.start < f.end);
    found.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then_with(|| specificity(a.kind).cmp(&specificity(b.kind)))
            .then_with(|| a.start.cmp(&b.start))
    });
    // The kept findings never overlap, so the one starting last before `f.end` is the
    // only one that can reach into `f`.
    let mut kept: BTreeMap<usize, Finding> = BTreeMap::new();
    for f in found {
        let clash = kept
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, g)| g.end > f.start);
        if !clash {
            kept.insert(f.start, f);
        }
    }
    kept.into_values().collect()
}

/// Lower is more specific: a checksum beats a shape, a shape beats a word.
fn specificity(kind: FindingKind) -> u8 {
    match kind {
        FindingKind::Iban => 0,
        FindingKind::Bsn => 1,
        FindingKind::Email => 2,
        FindingKind::DateOfBirth => 3,
        FindingKind::Phone => 4,
        FindingKind::PostcodeWithNumber => 5,
        FindingKind::RegisteredName => 6,
    }
}

// ---------------------------------------------------------------------------------------
// Small helpers on bytes and chars.

fn push(out: &mut Vec<Finding>, kind: FindingKind, start: usize, end: usize) {
    out.push(Finding { kind, start, end });
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Combining diacritical marks: part of the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// No letter or digit right before `i`.
fn starts_word(text: &str, i: usize) -> bool {
    !char_before(text, i).is_some_and(is_word_char)
}

/// No letter or digit at `i`.
fn ends_word(text: &str, i: usize) -> bool {
    !char_at(text, i).is_some_and(is_word_char)
}

fn is_digit_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit)
}

fn digits_end(b: &[u8], mut i: usize) -> usize {
    while is_digit_at(b, i) {
        i += 1;
    }
    i
}

fn alnum_end(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// Chars that glue digits into one number: 1.250, 12-11-2026, 12,5, 14:30, 3/4.
const NUMBER_GLUE: &[u8] = b".,-/:";

/// A number may start at `i`: not glued to a word or to the digits of another number,
/// nor part of an identifier (id_364622490, pagina/364622490).
fn starts_number(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let before = |k: usize| i.checked_sub(k).and_then(|j| b.get(j)).copied();
    let glued = before(1).is_some_and(|c| NUMBER_GLUE.contains(&c))
        && before(2).is_some_and(|c| c.is_ascii_digit());
    let identifier = before(1) == Some(b'_')
        || (before(1) == Some(b'/') && before(2).is_some_and(|c| c.is_ascii_alphabetic()));
    starts_word(text, i) && !glued && !identifier
}

/// A number may end at `i`: not followed by a word or by more glued digits.
fn ends_number(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let glued = b.get(i).is_some_and(|c| NUMBER_GLUE.contains(c)) && is_digit_at(b, i + 1);
    ends_word(text, i) && !glued && b.get(i) != Some(&b'_')
}

fn starts_with_ci(b: &[u8], i: usize, pattern: &[u8]) -> bool {
    b.get(i..i.saturating_add(pattern.len()))
        .is_some_and(|s| s.eq_ignore_ascii_case(pattern))
}

/// `b` ends with the word `word` (ASCII, any case), not with the tail of a longer word.
fn ends_with_word_ci(b: &[u8], word: &[u8]) -> bool {
    b.len() >= word.len()
        && b[b.len() - word.len()..].eq_ignore_ascii_case(word)
        && !b
            .len()
            .checked_sub(word.len() + 1)
            .is_some_and(|k| b[k].is_ascii_alphabetic())
}

fn skip_spaces(b: &[u8], mut i: usize, max: usize) -> usize {
    let start = i;
    while b.get(i) == Some(&b' ') && i - start < max {
        i += 1;
    }
    i
}

// ---------------------------------------------------------------------------------------
// BSN: nine digits that pass the 11-test.

fn find_bsns(text: &str, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        if starts_number(text, i)
            && let Some(end) = bsn_at(text, i)
            && !looks_like_money(text, i, end)
        {
            push(out, FindingKind::Bsn, i, end);
        }
        i = digits_end(b, i);
    }
}

/// A BSN starting at `start`: 123456782, 123.456.782, 123 456 782, 1234.56.782, 1234 56 782.
fn bsn_at(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut digits = [0u8; 9];
    let mut count = 0;
    let mut groups = [0usize; 4];
    let mut n_groups = 0;
    let mut sep: Option<u8> = None;
    let mut p = start;
    loop {
        let group_start = p;
        while is_digit_at(b, p) {
            if count == 9 {
                return None; // a longer digit run
            }
            digits[count] = b[p] - b'0';
            count += 1;
            p += 1;
        }
        groups[n_groups] = p - group_start;
        n_groups += 1;
        if count == 9 || n_groups == groups.len() {
            break;
        }
        let Some(&c) = b.get(p) else { break };
        if !matches!(c, b'.' | b' ' | b'-') || sep.is_some_and(|s| s != c) || !is_digit_at(b, p + 1)
        {
            break;
        }
        sep = Some(c);
        p += 1;
    }
    if count != 9 || !matches!(&groups[..n_groups], [9] | [3, 3, 3] | [4, 2, 3]) {
        return None;
    }
    if let Some(s) = sep {
        // The groups go on (123 456 782 12), or this is the tail of a longer grouping.
        let goes_on = b.get(p) == Some(&s) && is_digit_at(b, p + 1);
        let tail = start >= 2 && b[start - 1] == s && b[start - 2].is_ascii_digit();
        if goes_on || tail {
            return None;
        }
    }
    (ends_number(text, p) && eleven_test(&digits)).then_some(p)
}

/// 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11), and not all zeros.
fn eleven_test(d: &[u8; 9]) -> bool {
    let weighted: i32 = d[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(&x, w)| i32::from(x) * w)
        .sum();
    (weighted - i32::from(d[8])).rem_euclid(11) == 0 && d.iter().any(|&x| x != 0)
}

/// An amount such as € 123.456.782 or 123.456.782 euro, which the 11-test can pass by chance.
fn looks_like_money(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let after = text.get(end..).unwrap_or("").trim_start();
    before.ends_with('€')
        || ends_with_word_ci(before.as_bytes(), b"eur")
        || ends_with_word_ci(before.as_bytes(), b"euro")
        || after.starts_with('€')
        || after.starts_with(",-")
        || starts_with_ci(after.as_bytes(), 0, b"eur")
}

// ---------------------------------------------------------------------------------------
// IBAN: country code, check digits, account; mod 97 == 1.

/// IBAN lengths per country (ISO 13616 registry).
const IBAN_LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BI", 27),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DJ", 27),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FK", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MN", 20),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NI", 28),
    (b"NL", 18),
    (b"NO", 15),
    (b"OM", 23),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"RU", 33),
    (b"SA", 24),
    (b"SC", 31),
    (b"SD", 18),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"SO", 23),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
    (b"YE", 30),
];

fn iban_length(country: [u8; 2]) -> Option<usize> {
    IBAN_LENGTHS
        .iter()
        .find(|(c, _)| **c == country)
        .map(|&(_, l)| l)
}

fn find_ibans(text: &str, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic()
            && starts_word(text, i)
            && let Some(end) = iban_at(text, i)
        {
            push(out, FindingKind::Iban, i, end);
            i = end;
        } else {
            i += 1;
        }
    }
}

/// An IBAN starting at `start`, in either case, written in one piece or in groups
/// separated by single spaces (NL91 ABNA 0417 1643 00, NL91 ABNA 0417164300).
fn iban_at(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let head_ok = b.get(start..start + 4).is_some_and(|h| {
        h[0].is_ascii_alphabetic()
            && h[1].is_ascii_alphabetic()
            && h[2].is_ascii_digit()
            && h[3].is_ascii_digit()
    });
    if !head_ok {
        return None;
    }
    let mut chars = [0u8; 34];
    let mut len = 0;
    // Where the IBAN may end: (number of chars, byte end) after each group.
    let mut ends = [(0usize, 0usize); 34];
    let mut n_ends = 0;
    let mut p = start;
    loop {
        let e = alnum_end(b, p);
        if e == p || len + (e - p) > chars.len() {
            break;
        }
        for &c in &b[p..e] {
            chars[len] = c.to_ascii_uppercase();
            len += 1;
        }
        ends[n_ends] = (len, e);
        n_ends += 1;
        if b.get(e) != Some(&b' ') {
            break;
        }
        p = e + 1;
    }
    if len < 15 {
        return None;
    }
    let known = iban_length([chars[0], chars[1]]);
    for (k, &(l, e)) in ends[..n_ends].iter().enumerate().rev() {
        let length_ok = match known {
            Some(want) => l == want,
            // A country missing from the table: only the plain upper-case shape.
            None => {
                k == 0
                    && (15..=34).contains(&l)
                    && b[start..e]
                        .iter()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            }
        };
        if length_ok && ends_word(text, e) && iban_checksum_ok(&chars[..l]) {
            return Some(e);
        }
    }
    None
}

/// ISO 13616: move the first four chars to the end, letters count 10..35, mod 97 == 1.
fn iban_checksum_ok(iban: &[u8]) -> bool {
    if iban.len() < 5 {
        return false;
    }
    let mut r: u32 = 0;
    for &c in iban[4..].iter().chain(&iban[..4]) {
        r = match c {
            b'0'..=b'9' => (r * 10 + u32::from(c - b'0')) % 97,
            b'A'..=b'Z' => (r * 100 + u32::from(c - b'A') + 10) % 97,
            _ => return false,
        };
    }
    r == 1
}

// ---------------------------------------------------------------------------------------
// Phone: Dutch numbers (10 digits from the leading 0, or +31/0031 and 9 digits), and
// international numbers written with + or 00.

fn find_phones(text: &str, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b'+' | b'0' | b'(')
            && starts_number(text, i)
            && !follows_iban_head(b, i)
            && let Some(end) = phone_at(text, i)
        {
            push(out, FindingKind::Phone, i, end);
            i = end;
        } else {
            i += 1;
        }
    }
}

/// `i` follows groups of four such as "NL91 ABNA ": the digits are part of an IBAN
/// (perhaps one with a typo), not a phone number.
fn follows_iban_head(b: &[u8], i: usize) -> bool {
    let mut end = i;
    let mut groups = 0;
    while end >= 5
        && b[end - 1] == b' '
        && b[end - 5..end - 1].iter().all(u8::is_ascii_alphanumeric)
        && (end == 5 || !b[end - 6].is_ascii_alphanumeric())
        && groups < 8
    {
        let g = &b[end - 5..end - 1];
        if g[0].is_ascii_alphabetic()
            && g[1].is_ascii_alphabetic()
            && g[2].is_ascii_digit()
            && g[3].is_ascii_digit()
        {
            return true;
        }
        groups += 1;
        end -= 5;
    }
    false
}

/// The digit groups of a phone number and the separators between them.
#[derive(Default)]
struct DigitGroups {
    lens: [usize; 7],
    seps: [u8; 7],
    count: usize,
    digits: usize,
}

impl DigitGroups {
    /// 12-03-2026, 1.2.2026, 01/02/2026: a date, even when more digits follow.
    fn date_shaped(&self) -> bool {
        self.count >= 3
            && self.lens[0] <= 2
            && self.lens[1] <= 2
            && self.lens[2] == 4
            && self.seps[0] == self.seps[1]
            && self.seps[0] != b' '
    }
}

/// A separator inside a phone number: up to two spaces, one of - – . /, up to two spaces.
fn phone_sep(b: &[u8], p: usize) -> Option<(usize, u8)> {
    let mut q = skip_spaces(b, p, 2);
    let mut kind = b' ';
    if let Some(&c) = b.get(q)
        && matches!(c, b'-' | b'.' | b'/')
    {
        kind = c;
        q = skip_spaces(b, q + 1, 2);
    } else if b.get(q..q + 3) == Some("\u{2013}".as_bytes()) {
        kind = b'-'; // en dash, as word processors write it
        q = skip_spaces(b, q + 3, 2);
    }
    (q > p).then_some((q - p, kind))
}

/// Digit groups from `p` until `max` digits. The first group is at least `first_min`
/// long, the others at least 2.
fn read_groups(
    b: &[u8],
    mut p: usize,
    max: usize,
    first_min: usize,
) -> Option<(usize, DigitGroups)> {
    let mut g = DigitGroups::default();
    loop {
        let e = digits_end(b, p);
        let len = e - p;
        let min = if g.count == 0 { first_min } else { 2 };
        if len == 0 || len < min {
            return None;
        }
        g.lens[g.count] = len;
        g.count += 1;
        g.digits += len;
        p = e;
        if g.digits > max {
            return None;
        }
        if g.digits == max || g.count == g.lens.len() {
            break;
        }
        match phone_sep(b, p) {
            Some((n, kind)) if is_digit_at(b, p + n) => {
                g.seps[g.count - 1] = kind;
                p += n;
            }
            _ => break,
        }
    }
    Some((p, g))
}

/// Optional separator, then optional "(0)", then optional separator.
fn skip_trunk_zero(b: &[u8], mut p: usize) -> usize {
    if let Some((n, _)) = phone_sep(b, p) {
        p += n;
    }
    if b.get(p..p + 3) == Some(b"(0)") {
        p += 3;
        if let Some((n, _)) = phone_sep(b, p) {
            p += n;
        }
    }
    p
}

fn phone_at(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let nonzero = |i: usize| matches!(b.get(i), Some(b'1'..=b'9'));
    let end = if b[start..].starts_with(b"+31") || b[start..].starts_with(b"0031") {
        // +31 6 12345678, +31(0)6-12345678, 0031 10 1234567, +31 06 12345678
        let prefix = if b[start] == b'+' { 3 } else { 4 };
        let p = skip_trunk_zero(b, start + prefix);
        if b.get(p) == Some(&b'0') {
            let (end, g) = read_groups(b, p, 10, 2)?;
            (g.digits == 10 && nonzero(p + 1)).then_some(end)?
        } else {
            let (end, g) = read_groups(b, p, 9, 1)?;
            (g.digits == 9 && nonzero(p)).then_some(end)?
        }
    } else if b[start..].starts_with(b"(+31)") {
        let p = skip_trunk_zero(b, start + 5);
        let (end, g) = read_groups(b, p, 9, 1)?;
        (g.digits == 9 && nonzero(p)).then_some(end)?
    } else if (b[start] == b'+' && nonzero(start + 1))
        || (b[start..].starts_with(b"00") && nonzero(start + 2))
    {
        // Another country: +32 470 12 34 56, 0049 30 1234567.
        let p = start + if b[start] == b'+' { 1 } else { 2 };
        let cc_end = digits_end(b, p);
        let p2 = skip_trunk_zero(b, cc_end);
        let (end, g) = if p2 > cc_end && cc_end - p <= 3 {
            let (end, g) = read_groups(b, p2, 15 - (cc_end - p), 1)?;
            (end, g.digits + (cc_end - p))
        } else if b[start] == b'+' {
            let (end, g) = read_groups(b, p, 15, 1)?;
            (end, g.digits)
        } else {
            return None; // 00 without a separated country code: just zeros and ones
        };
        (10..=15).contains(&g).then_some(end)?
    } else if b[start] == b'(' {
        // (010) 123 45 67, (06) 12345678, (0318) 12 34 56
        let p = start + 1;
        let e = digits_end(b, p);
        let area = e - p;
        if !(2..=4).contains(&area) || b[p] != b'0' || !nonzero(p + 1) || b.get(e) != Some(&b')') {
            return None;
        }
        let q = skip_spaces(b, e + 1, 1);
        let (end, g) = read_groups(b, q, 10 - area, 2)?;
        (g.digits == 10 - area).then_some(end)?
    } else if b[start] == b'0' && nonzero(start + 1) {
        // 06-12345678, 06 12 34 56 78, 010-1234567, 0318 123456
        let (end, g) = read_groups(b, start, 10, 2)?;
        let alphabet = b.get(start..end) == Some(b"0123456789".as_slice());
        (g.digits == 10 && !g.date_shaped() && !alphabet).then_some(end)?
    } else {
        return None;
    };
    ends_number(text, end).then_some(end)
}

// ---------------------------------------------------------------------------------------
// E-mail: local@domain.tld, also local(at)domain.tld.

fn find_emails(text: &str, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let found = if c == b'@' {
            email_around(text, i, i + 1)
        } else if (c == b'(' && starts_with_ci(b, i, b"(at)"))
            || (c == b'[' && starts_with_ci(b, i, b"[at]"))
        {
            let local_end = if i > 0 && b[i - 1] == b' ' { i - 1 } else { i };
            email_around(text, local_end, skip_spaces(b, i + 4, 1))
        } else {
            None
        };
        if let Some((s, e)) = found {
            push(out, FindingKind::Email, s, e);
        }
    }
}

fn email_around(text: &str, local_end: usize, domain_start: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    // Local part, read backwards.
    let mut start = local_end;
    let mut n = 0;
    for (i, c) in text.get(..local_end)?.char_indices().rev() {
        if n < 64 && (c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')) {
            start = i;
            n += 1;
        } else {
            break;
        }
    }
    while start < local_end && b[start] == b'.' {
        start += 1;
    }
    if start == local_end || b[local_end - 1] == b'.' || !starts_word(text, start) {
        return None;
    }
    // Domain labels, read forwards; a dot only counts when a label follows it.
    let mut labels = [(0usize, 0usize); 8];
    let mut n_labels = 0;
    let mut p = domain_start;
    while n_labels < labels.len() {
        let label_start = p;
        for c in text.get(p..)?.chars().take(63) {
            if c.is_alphanumeric() || c == '-' {
                p += c.len_utf8();
            } else {
                break;
            }
        }
        if p == label_start {
            break;
        }
        labels[n_labels] = (label_start, p);
        n_labels += 1;
        if b.get(p) == Some(&b'.') && char_at(text, p + 1).is_some_and(char::is_alphanumeric) {
            p += 1;
        } else {
            break;
        }
    }
    let is_tld = |(s, e): (usize, usize)| {
        (2..=24).contains(&(e - s)) && b[s..e].iter().all(u8::is_ascii_alphabetic)
    };
    while n_labels >= 2 && !is_tld(labels[n_labels - 1]) {
        n_labels -= 1;
    }
    if n_labels < 2 {
        return None;
    }
    let labels = &labels[..n_labels];
    if labels
        .iter()
        .any(|&(s, e)| b[s] == b'-' || b[e - 1] == b'-')
    {
        return None;
    }
    let end = labels[n_labels - 1].1;
    ends_word(text, end).then_some((start, end))
}

// ---------------------------------------------------------------------------------------
// Postcode: 1234 AB, with the house number when the address gives one.

fn find_postcodes(text: &str, out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b'1'..=b'9')
            && starts_number(text, i)
            && let Some((s, e)) = postcode_at(text, i)
        {
            push(out, FindingKind::PostcodeWithNumber, s, e);
            i = e.max(i + 1);
        } else {
            i += 1;
        }
    }
}

/// Letter pairs that, glued to four digits in lower case, are units, not postcodes.
const UNITS: &[&[u8; 2]] = &[
    b"ml", b"mg", b"kg", b"km", b"cm", b"mm", b"gr", b"kw", b"mb", b"gb", b"kb", b"pk", b"hz",
];

/// Abbreviations that follow a year ("sinds 2024 NL-breed"), not a postcode.
const AFTER_YEAR: &[&[u8; 2]] = &[b"NL", b"VS", b"BV", b"NV", b"VN", b"HR", b"DG", b"MT"];

fn postcode_at(text: &str, i: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    if digits_end(b, i) != i + 4 {
        return None;
    }
    let mut p = i + 4;
    let spaced = b.get(p) == Some(&b' ');
    if spaced {
        p += 1;
    }
    let (l1, l2) = (*b.get(p)?, *b.get(p + 1)?);
    let upper = l1.is_ascii_uppercase() && l2.is_ascii_uppercase();
    // "1234ab" is a postcode typed in a hurry; "2024 en 2025" is not.
    let lower = l1.is_ascii_lowercase() && l2.is_ascii_lowercase() && !spaced;
    // PostNL never uses F, I, O, Q, U, Y, nor the pairs SA, SD and SS.
    let pair = [l1.to_ascii_uppercase(), l2.to_ascii_uppercase()];
    if !(upper || lower)
        || pair.iter().any(|c| b"FIOQUY".contains(c))
        || matches!(&pair, b"SA" | b"SD" | b"SS")
    {
        return None;
    }
    let end = p + 2;
    if upper
        && is_digit_at(b, end)
        && let Some(e) = house_number_end(text, end)
    {
        return Some((i, e)); // 1234AB12
    }
    if !ends_word(text, end) {
        return None;
    }
    // With a street and number before it, the postcode is certain.
    if let Some(s) = house_number_before(text, i) {
        return Some((s, end));
    }
    if lower && UNITS.contains(&&[l1, l2]) {
        return None; // 1500ml
    }
    if let Some(e) = house_number_after(text, end) {
        return Some((i, e));
    }
    let year = b[i..i + 4]
        .iter()
        .fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'));
    if (1900..=2099).contains(&year) && AFTER_YEAR.contains(&&[l1, l2]) {
        return None; // sinds 2024 EU-breed
    }
    // Lower case alone is too weak a sign; upper case alone narrows to a street.
    upper.then_some((i, end))
}

/// A house number at `p`: 12, 12a, 12-2, 12-hs, 3/4, 12bis. Returns its end.
fn house_number_end(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    if !matches!(b.get(p), Some(b'1'..=b'9')) {
        return None;
    }
    let e = digits_end(b, p);
    if e - p > 5 {
        return None;
    }
    let mut end = e;
    match b.get(e) {
        Some(b'-' | b'/') => {
            let q = alnum_end(b, e + 1);
            if (1..=4).contains(&(q - e - 1)) {
                end = q;
            }
        }
        Some(c) if c.is_ascii_alphabetic() => {
            let q = e + b[e..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            if !is_number_suffix(&b[e..q]) {
                return None; // 12e, 20km, 3x
            }
            end = q;
        }
        _ => {}
    }
    ends_number(text, end).then_some(end)
}

/// The letters after a house number: 12a, 12 B, 12hs, 12 bis (not the ordinal 12e).
fn is_number_suffix(s: &[u8]) -> bool {
    (s.len() == 1 && s[0] != b'e' && s[0] != b'x')
        || [
            b"hs".as_slice(),
            b"bis",
            b"huis",
            b"bg",
            b"bv",
            b"zw",
            b"rd",
            b"i",
            b"ii",
            b"iii",
        ]
        .iter()
        .any(|w| s.eq_ignore_ascii_case(w))
}

/// "1234 AB 12", "1234AB, 12a", "1234 AB, huisnummer 12": the end of the number.
fn house_number_after(text: &str, pc_end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut q = pc_end;
    if b.get(q) == Some(&b',') {
        q += 1;
    }
    let spaces = skip_spaces(b, q, 3);
    if spaces == q {
        return None;
    }
    q = spaces;
    for label in [b"huisnummer".as_slice(), b"nummer", b"nr.", b"nr", b"no."] {
        if starts_with_ci(b, q, label) {
            let mut r = q + label.len();
            if b.get(r) == Some(&b':') {
                r += 1;
            }
            let after = skip_spaces(b, r, 2);
            if after > r || label.ends_with(b".") {
                q = after;
            }
            break;
        }
    }
    house_number_end(text, q)
}

/// "Dorpsstraat 12, 1234 AB", "Kerkweg 3-2 1234AB", "Laan 5 A\n1234 AB": the start of
/// the number, when a street word stands before it.
fn house_number_before(text: &str, pc_start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut q = pc_start;
    let mut comma = false;
    while q > 0 && pc_start - q < 4 {
        match b[q - 1] {
            b' ' | b'\t' | b'\n' | b'\r' => q -= 1,
            b',' if !comma => {
                comma = true;
                q -= 1;
            }
            _ => break,
        }
    }
    if q == pc_start {
        return None;
    }
    let token_start = |end: usize| {
        let mut s = end;
        while s > 0
            && end - s < 12
            && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'-' || b[s - 1] == b'/')
        {
            s -= 1;
        }
        s
    };
    let number_ending_at = |s: usize, e: usize| {
        s < e
            && starts_word(text, s)
            && house_number_end(text, s) == Some(e)
            && street_before(text, s)
    };
    let s = token_start(q);
    if number_ending_at(s, q) {
        return Some(s);
    }
    // "12 A", "12 hs": a suffix after a space.
    if s >= 2 && s < q && b[s - 1] == b' ' && is_number_suffix(&b[s..q]) {
        let ns = token_start(s - 1);
        if number_ending_at(ns, s - 1) {
            return Some(ns);
        }
    }
    None
}

/// A word (a street name) and a space stand before `s`.
fn street_before(text: &str, s: usize) -> bool {
    s >= 2
        && text.as_bytes()[s - 1] == b' '
        && char_before(text, s - 1).is_some_and(|c| c.is_alphabetic() || c == '.')
}

// ---------------------------------------------------------------------------------------
// Date of birth: a date with a cue such as "geboren", "geb.", "geboortedatum", "born".

/// Words that say the date next to them is a birth date (ASCII, any case).
const BIRTH_CUES: &[&[u8]] = &[
    b"geboortedatum",
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

fn find_dates_of_birth(text: &str, out: &mut Vec<Finding>) {
    let cues = find_cues(text);
    if cues.is_empty() {
        return;
    }
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
        let e1 = digits_end(b, i);
        if e1 - i == 4 {
            // 1945-03-03
            let sep = *b.get(e1)?;
            if !matches!(sep, b'-' | b'/' | b'.') {
                return None;
            }
            let (month, e2) = small_number(b, e1 + 1)?;
            if b.get(e2) != Some(&sep) {
                return None;
            }
            let (day, e3) = small_number(b, e2 + 1)?;
            (year_end(b, i, false).is_some() && valid_day(day, month)).then_some(e3)?
        } else {
            let (day, e1) = small_number(b, i)?;
            match b.get(e1) {
                Some(&sep @ (b'-' | b'/' | b'.')) => {
                    if b.get(e1 + 1).is_some_and(u8::is_ascii_alphabetic) {
                        // 3-mrt-1945
                        let (month, e2) = month_at(text, e1 + 1)?;
                        if b.get(e2) != Some(&sep) {
                            return None;
                        }
                        let e3 = year_end(b, e2 + 1, false)?;
                        return (valid_day(day, month) && ends_number(text, e3)).then_some(e3);
                    }
                    let (month, e2) = small_number(b, e1 + 1)?;
                    if b.get(e2) != Some(&sep) {
                        return None;
                    }
                    let e3 = year_end(b, e2 + 1, true)?;
                    valid_day(day, month).then_some(e3)?
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
                    let mut p = e;
                    if b.get(p) == Some(&b',') {
                        p += 1;
                    }
                    let q = skip_spaces(b, p, 2);
                    if q == p {
                        return None;
                    }
                    let e = year_end(b, q, false)?;
                    valid_day(day, month).then_some(e)?
                }
            }
        }
    } else {
        // March 3, 1945
        let (month, e) = month_at(text, i)?;
        let p = skip_spaces(b, e, 2);
        if p == e {
            return None;
        }
        let (day, e) = small_number(b, p)?;
        let mut p = skip_ordinal(text, e);
        if b.get(p) == Some(&b',') {
            p += 1;
        }
        let q = skip_spaces(b, p, 2);
        if q == p {
            return None;
        }
        let e = year_end(b, q, false)?;
        valid_day(day, month).then_some(e)?
    };
    ends_number(text, end).then_some(end)
}

// ---------------------------------------------------------------------------------------
// Registered names: whole words, any case, with or without diacritics.

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

fn find_names(text: &str, names: &[&str], out: &mut Vec<Finding>) {
    for (range, _) in name_matches(text, names) {
        push(out, FindingKind::RegisteredName, range.start, range.end);
    }
}

/// Where each of `names` occurs in `text` (whole words, any case, diacritics ignored,
/// any run of white space between the words): byte range and the index of the name.
/// Where matches overlap, the earliest wins, and at the same place the longest. The one
/// name matcher: the scan reports these, pseudonymisation replaces them.
pub fn name_matches(text: &str, names: &[&str]) -> Vec<(std::ops::Range<usize>, usize)> {
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
    let mut chosen: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    use FindingKind::*;

    fn found(text: &str, names: &[&str]) -> Vec<(FindingKind, String)> {
        let findings = scan(text, names);
        check_invariants(text, &findings);
        findings
            .iter()
            .map(|f| (f.kind, f.text(text).to_string()))
            .collect()
    }

    fn check_invariants(text: &str, findings: &[Finding]) {
        for f in findings {
            assert!(f.start < f.end && f.end <= text.len(), "{f:?} in {text:?}");
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                "{f:?} in {text:?}"
            );
        }
        for pair in findings.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "overlap or disorder {pair:?} in {text:?}"
            );
        }
    }

    /// `text` holds a finding of `kind` whose text is exactly `expected`.
    fn assert_finds(text: &str, names: &[&str], kind: FindingKind, expected: &str) {
        let all = found(text, names);
        assert!(
            all.iter().any(|(k, t)| *k == kind && t == expected),
            "{text:?}: expected {kind:?} {expected:?}, found {all:?}"
        );
    }

    fn assert_no(text: &str, names: &[&str], kind: FindingKind) {
        let all = found(text, names);
        assert!(
            all.iter().all(|(k, _)| *k != kind),
            "{text:?}: no {kind:?} expected, found {all:?}"
        );
    }

    #[test]
    fn bsn_table() {
        for (text, bsn) in [
            ("111222333", "111222333"),
            ("BSN: 123456782.", "123456782"),
            ("bsn 123.456.782 (gecontroleerd)", "123.456.782"),
            ("Burgerservicenummer 1234 56 782", "1234 56 782"),
            ("Burgerservicenummer 1234.56.782", "1234.56.782"),
            ("zijn bsn is 123 456 782, zegt hij", "123 456 782"),
            ("(BSN 111-222-333)", "111-222-333"),
        ] {
            assert_finds(text, &[], Bsn, bsn);
        }
        for text in [
            "123456789",                  // fails the 11-test
            "000000000",                  // all zeros
            "BSN 1234567820",             // ten digits
            "BSN 12345678",               // eight digits
            "Ze kreeg €123.456.782 mee.", // money
            "123.456.782 euro",
            "Totaal 123456782,50",
            "Zaaknummer 2026-123456782",
            "123 456 782 1",
            "Code A123456782",
            "bestand scan_123456782.pdf",
            "zie pagina/123456782",
            "https://example.org/publication/123456782_Rapport",
        ] {
            assert_no(text, &[], Bsn);
        }
    }

    #[test]
    fn iban_table() {
        for (text, iban) in [
            ("NL91ABNA0417164300", "NL91ABNA0417164300"),
            ("IBAN: NL91 ABNA 0417 1643 00.", "NL91 ABNA 0417 1643 00"),
            ("rekening nl91abna0417164300 t.n.v.", "nl91abna0417164300"),
            (
                "rekening nl91 abna 0417 1643 00 en meer",
                "nl91 abna 0417 1643 00",
            ),
            ("GB82WEST12345698765432", "GB82WEST12345698765432"),
            (
                "naar GB82 WEST 1234 5698 7654 32 over",
                "GB82 WEST 1234 5698 7654 32",
            ),
            ("DE89370400440532013000", "DE89370400440532013000"),
            (
                "(DE89 3704 0044 0532 0130 00)",
                "DE89 3704 0044 0532 0130 00",
            ),
        ] {
            assert_finds(text, &[], Iban, iban);
        }
        for text in [
            "NL92ABNA0417164300",
            "NL91ABNA0417164301",
            "NL91 ABNA 0417 1643 01",
            "GB82WEST12345698765433",
            "DE89370400440532013001",
            "NL91ABNA041716430",
            "NL91ABNA04171643000",
            "XNL91ABNA0417164300",
        ] {
            assert_no(text, &[], Iban);
        }
        // The digits of an IBAN with a typo are no phone number either.
        assert!(found("IBAN NL91 ABNA 0417 1643 01", &[]).is_empty());
    }

    #[test]
    fn phone_table() {
        for (text, phone) in [
            ("Bel 06-12345678.", "06-12345678"),
            ("mobiel 06 12 34 56 78", "06 12 34 56 78"),
            ("0612345678", "0612345678"),
            ("06 - 1234 5678", "06 - 1234 5678"),
            ("(06) 12345678", "(06) 12345678"),
            ("+31 6 12345678", "+31 6 12345678"),
            ("+31(0)6-12345678", "+31(0)6-12345678"),
            ("+31 (0)6 1234 5678", "+31 (0)6 1234 5678"),
            ("+31612345678", "+31612345678"),
            ("0031 6 12345678", "0031 6 12345678"),
            ("+31 06 12345678", "+31 06 12345678"),
            ("tel. 010-1234567 (werk)", "010-1234567"),
            ("020 123 4567", "020 123 4567"),
            ("020-123 45 67", "020-123 45 67"),
            ("(010) 123 45 67", "(010) 123 45 67"),
            ("0318-123456", "0318-123456"),
            ("(0318) 12 34 56", "(0318) 12 34 56"),
            ("+31 10 1234567", "+31 10 1234567"),
            ("+31 318 123456", "+31 318 123456"),
            ("Belgisch nummer +32 470 12 34 56.", "+32 470 12 34 56"),
        ] {
            assert_finds(text, &[], Phone, phone);
        }
        for text in [
            "In 2026 starten we.",
            "Ze betaalt €1.250 huur.",
            "BSN 123456782",
            "1234 AB 12",
            "Op 12-11-2026 om 10.00 uur",
            "Op 01.02.2026 12 aanmeldingen",
            "Factuur 1234567890",
            "Bel 0800-1234 of 112",
            "Bel 14 030",
            "Score 0 1 2 3 4 5 6 7 8 9",
            "06-1234567",
            "06-123456789",
            "Kosten 0,50 per kopie",
            "Cijfers 0123456789",
            "bits: 00100001 00000000",
            "https://example.org/r?id=0612345678",
        ] {
            assert_no(text, &[], Phone);
        }
    }

    #[test]
    fn email_table() {
        for (text, email) in [
            ("Mail jan.jansen@example.nl.", "jan.jansen@example.nl"),
            (
                "J.de.Vries@Gemeente-Utrecht.nl",
                "J.de.Vries@Gemeente-Utrecht.nl",
            ),
            ("info+wijk@zorg.co.uk, graag", "info+wijk@zorg.co.uk"),
            ("a_b%c@x.io", "a_b%c@x.io"),
            ("(jan@ziggo.nl)", "jan@ziggo.nl"),
            ("<j.bakker@hotmail.com>", "j.bakker@hotmail.com"),
            ("mailto:anouk-82@live.nl", "anouk-82@live.nl"),
            ("zoë.jansen@gmail.com", "zoë.jansen@gmail.com"),
            ("adres: j.jansen(at)ziggo.nl", "j.jansen(at)ziggo.nl"),
        ] {
            assert_finds(text, &[], Email, email);
        }
        for text in [
            "jan@",
            "@example.nl",
            "jan@localhost",
            "jan@example.n",
            "mail @ het team",
            "jan.@example.nl",
            "a@b.12",
        ] {
            assert_no(text, &[], Email);
        }
    }

    #[test]
    fn postcode_table() {
        for (text, postcode) in [
            ("1234 AB 12", "1234 AB 12"),
            ("1234AB, 12a", "1234AB, 12a"),
            ("Dorpsstraat 12, 1234 AB Utrecht", "12, 1234 AB"),
            ("Kerkweg 3-2 1234AB Ede", "3-2 1234AB"),
            ("Molenlaan 5 A\n3511 LX  Utrecht", "5 A\n3511 LX"),
            ("postcode 3511 LX, huisnummer 14", "3511 LX, huisnummer 14"),
            ("1234ab 7", "1234ab 7"),
            ("Ze woont in 3511 LX.", "3511 LX"),
        ] {
            assert_finds(text, &[], PostcodeWithNumber, postcode);
        }
        for text in [
            "1234 SA 12",
            "0123 AB 12",
            "Ze woont aan de Dorpsstraat 12.",
            "1234 ab",
            "tussen 2024 en 2025",
            "1500ml 2 keer per dag",
            "In 2025 kwamen 1200 meldingen binnen.",
            "1234ABC",
            "1234 FA 12",
            "1234 QU",
            "Sinds 2024 NL-breed",
            "https://example.org/kaart/1234AB12",
        ] {
            assert_no(text, &[], PostcodeWithNumber);
        }
    }

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
        ] {
            let all = found(text, &[]);
            let dobs: Vec<_> = all.iter().filter(|(k, _)| *k == DateOfBirth).collect();
            assert!(
                dobs.len() <= usize::from(text.starts_with("Geboren")),
                "{text:?}: {all:?}"
            );
        }
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

    #[test]
    fn links_keep_only_what_is_certain() {
        let text = "Zie https://www.example.nl/zaak/123456782/06-12345678?iban=NL91ABNA0417164300 en mail jan@example.nl";
        assert_eq!(
            found(text, &[]),
            vec![
                (Iban, "NL91ABNA0417164300".to_string()),
                (Email, "jan@example.nl".to_string())
            ]
        );
    }

    #[test]
    fn overlaps_keep_the_longer_finding() {
        let text = "Mail jan.jansen@example.nl of bel +31 6 12345678.";
        assert_eq!(
            found(text, &["Jansen"]),
            vec![
                (Email, "jan.jansen@example.nl".to_string()),
                (Phone, "+31 6 12345678".to_string())
            ]
        );
        // An IBAN's digits are not reported as a phone or BSN as well.
        assert_eq!(
            found("NL91 ABNA 0417 1643 00", &[]),
            vec![(Iban, "NL91 ABNA 0417 1643 00".to_string())]
        );
    }

    /// Ordinary case text: no personal data, no finding.
    #[test]
    fn ordinary_case_text_has_no_findings() {
        let names = ["Jan", "Eva", "Els", "Ali", "Mo", "Bas", "Tim"];
        for text in ORDINARY {
            let all = found(text, &names);
            assert!(all.is_empty(), "{text:?}: {all:?}");
        }
    }

    const ORDINARY: &[&str] = &[
        "De wachttijd voor schuldhulp is acht weken.",
        "Op 12-11-2026 bespreken we de casus in het wijkteam.",
        "Ze betaalt €1.250 huur per maand.",
        "Het buurthuis sloot in 2025; 3 van de 5 ouderen komen niet meer buiten.",
        "Kosten: 123,45 euro",
        "Zaaknummer 2026-04812.",
        "Niveau 3: gemeente en beleid",
        "Bel de huisarts na 14.00 uur",
        "De evaluatie in januari liet zien dat de basis op orde is.",
        "Mevrouw Janssen woont elders; haar moeder helpt met de administratie.",
        "Het spreekuur is van 09.00 tot 12.30 uur, daarna van 13.30-17.00 uur.",
        "Volgens artikel 2.3.5 van de Wmo 2015 beslist de gemeente binnen 6 weken.",
        "De gemeente begroot € 125.000.000 voor het sociaal domein in 2027.",
        "Tussen 2019 en 2023 verdubbelde het aantal meldingen tot 1.840.",
        "Ze werkt 0,8 fte en heeft 2 kinderen van 4 en 7 jaar.",
        "Bel bij acuut gevaar 112; voor advies Veilig Thuis via 0800-2000.",
        "De meldcode heeft 5 stappen; stap 3 is wegen.",
        "Ze woont aan de Dorpsstraat 12 in Ede, vlak bij de supermarkt.",
        "Ze is geboren en getogen in Zwolle en verhuisde op 1 mei 2020 naar Deventer.",
        "Haar moeder is in 1950 geboren, haar vader in 1948.",
        "De GGD, het CJG en de SVB overleggen in Q3 2026 over 4 wijken.",
        "Op 01.02.2026 12 aanmeldingen, op 15.02.2026 nog eens 9.",
        "Het budget van 111.222.333 euro is voor 2026 al verdeeld.",
        "Versie 1.4.2 van het protocol geldt vanaf 2026-01-01.",
        "Er staan 48 mensen op de wachtlijst (peildatum 1 maart 2026).",
        "Kamer 2.14 in het gemeentehuis is geboekt van 10:00 tot 11:30.",
        "Factuurnummer 2026004812 is op 3-2-2026 betaald.",
        "Ze krijgt 1500 mg paracetamol, 2 keer per dag.",
        "Verhouding 1:4 tussen vrijwilligers en cliënten; 62% is ouder dan 65.",
        "Het project loopt in 6 wijken met 4200 huishoudens.",
        "Dossiernummer 123456789 staat op de brief van de SVB.",
        "De uitkering steeg met 2,5% naar € 1.432,18 per maand.",
        "In week 12 en 13 is er geen inloop; de deadline is 31-03-2026.",
        "Postcodegebied 35 heeft de langste wachtlijst van de regio.",
        "Het oude rekeningnummer NL91 ABNA 0417 1643 01 bestaat niet.",
    ];

    // -----------------------------------------------------------------------------------
    // A generated corpus.

    /// SplitMix64: small, seeded, good enough to vary test data.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn range(&mut self, low: usize, high: usize) -> usize {
            low + self.below(high - low + 1)
        }

        fn pick<T: Copy>(&mut self, items: &[T]) -> T {
            items[self.below(items.len())]
        }

        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }

        fn digits(&mut self, n: usize) -> String {
            (0..n)
                .map(|_| char::from(b'0' + self.below(10) as u8))
                .collect()
        }
    }

    const MONTH_NAMES: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const MONTH_ABBREVIATIONS: [&str; 12] = [
        "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    ];
    const ENGLISH_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const STREETS: &[&str] = &[
        "Dorpsstraat",
        "Kerkweg",
        "Molenlaan",
        "Burgemeester de Withstraat",
        "Van Goghplein",
        "Lange Nieuwstraat",
        "Oudegracht",
        "Julianalaan",
        "Stationsweg",
        "Prins Hendrikkade",
        "Ds. Kuypersingel",
        "Graaf Florisstraat",
        "Hoofdweg",
    ];
    const CITIES: &[&str] = &[
        "Utrecht",
        "Ede",
        "Den Haag",
        "'s-Hertogenbosch",
        "Amersfoort",
        "Zwolle",
        "Deventer",
        "Rotterdam",
        "Almere",
        "Nijmegen",
    ];
    const FIRST_NAMES: &[&str] = &[
        "Zoë", "Fatima", "Mohammed", "Anouk", "Daan", "Noë", "Chloé", "Ilse", "Kees", "Sanne",
        "Thijs", "Eline", "Bram", "Youssef", "Ayşe", "Mei-Ling", "René", "Marieke", "Joëlle",
        "Ĳsbrand", "Wouter", "Priya", "Günther", "Ömer",
    ];
    const LAST_NAMES: &[&str] = &[
        "de Vries",
        "Jansen",
        "van den Berg",
        "Bakker",
        "El Amrani",
        "Öztürk",
        "Visser",
        "Smit",
        "de Jong",
        "van Dijk",
        "Meijer",
        "Mulder",
        "Bĳl",
        "Çelik",
        "Nguyen",
        "Kramer",
        "d'Ancona",
        "Jansen-Bakker",
    ];
    /// Registered with every sample; the clean text only holds longer words that start
    /// the same (januari, evaluatie, elders, …).
    const NEAR_MISS_NAMES: &[&str] = &["Jan", "Eva", "Els", "Ali", "Mo", "Bas", "Tim"];

    fn valid_bsn(r: &mut Rng) -> String {
        loop {
            let d: Vec<u8> = (0..8).map(|_| r.below(10) as u8).collect();
            let weighted: u32 = d
                .iter()
                .zip((2..=9).rev())
                .map(|(&x, w)| u32::from(x) * w)
                .sum();
            let check = weighted % 11;
            if check < 10 && d.iter().any(|&x| x != 0) {
                return d
                    .iter()
                    .chain([&(check as u8)])
                    .map(|&x| char::from(b'0' + x))
                    .collect();
            }
        }
    }

    /// Nine digits that fail the 11-test.
    fn invalid_bsn(r: &mut Rng) -> String {
        loop {
            let s = format!("{}{}", r.range(1, 9), r.digits(8));
            let d: Vec<u8> = s.bytes().map(|c| c - b'0').collect();
            if !eleven_test(&d.try_into().unwrap()) {
                return s;
            }
        }
    }

    fn iban_with_check(country: &str, bban: &str) -> String {
        let mut chars = format!("{country}00{bban}").into_bytes();
        let mut r = 0u32;
        for &c in chars[4..].iter().chain(&chars[..4]) {
            r = if c.is_ascii_digit() {
                (r * 10 + u32::from(c - b'0')) % 97
            } else {
                (r * 100 + u32::from(c - b'A') + 10) % 97
            };
        }
        let check = format!("{:02}", 98 - r);
        chars[2..4].copy_from_slice(check.as_bytes());
        String::from_utf8(chars).unwrap()
    }

    fn group4(s: &str) -> String {
        s.as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn gen_iban(r: &mut Rng) -> String {
        let iban = match r.below(10) {
            0 => iban_with_check("DE", &r.digits(18)),
            1 => iban_with_check("BE", &r.digits(12)),
            2 => iban_with_check(
                "GB",
                &format!("{}{}", r.pick(&["WEST", "NWBK", "BARC"]), r.digits(14)),
            ),
            3 => iban_with_check("FR", &r.digits(23)),
            _ => {
                let bank = r.pick(&[
                    "ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB",
                ]);
                iban_with_check("NL", &format!("{bank}{}", r.digits(10)))
            }
        };
        match r.below(8) {
            0 | 1 => iban,
            6 => format!("{} {} {}", &iban[..4], &iban[4..8], &iban[8..]),
            7 => format!("{} {}", &iban[..4], &iban[4..]),
            2 => iban.to_lowercase(),
            3 => group4(&iban).to_lowercase(),
            _ => group4(&iban),
        }
    }

    fn gen_phone(r: &mut Rng) -> String {
        let sub = |r: &mut Rng, n: usize| format!("{}{}", r.range(2, 9), r.digits(n - 1));
        if r.chance(55) {
            let m = sub(r, 8);
            let (a, b) = m.split_at(4);
            let pairs = format!("{} {} {} {}", &m[..2], &m[2..4], &m[4..6], &m[6..]);
            match r.below(20) {
                14 => format!("06 \u{2013} {m}"),
                15 => format!("06.{}", pairs.replace(' ', ".")),
                16 => format!("+31-6-{m}"),
                17 => format!("(+31) 6 {m}"),
                18 => format!("06/{m}"),
                19 => format!("+31 (0) 6 {} {} {}", &m[..3], &m[3..6], &m[6..]),
                0 => format!("06-{m}"),
                1 => format!("06 {m}"),
                2 => format!("06{m}"),
                3 => format!("06 {pairs}"),
                4 => format!("06-{a} {b}"),
                5 => format!("+31 6 {m}"),
                6 => format!("+31 (0)6 {m}"),
                7 => format!("+31(0)6-{m}"),
                8 => format!("+316{m}"),
                9 => format!("0031 6 {m}"),
                10 => format!("+31 6 {a} {b}"),
                11 => format!("06 - {m}"),
                12 => format!("(06) {m}"),
                _ => format!("06-{pairs}"),
            }
        } else if r.chance(60) {
            let area = r.pick(&[
                "10", "20", "30", "40", "50", "70", "13", "15", "23", "24", "26", "33", "35", "38",
                "43", "45", "53", "55", "71", "73", "76", "79",
            ]);
            let n = sub(r, 7);
            let (a, b) = n.split_at(3);
            match r.below(8) {
                0 => format!("0{area}-{n}"),
                1 => format!("0{area} {a} {b}"),
                2 => format!("0{area} {a} {} {}", &b[..2], &b[2..]),
                3 => format!("(0{area}) {n}"),
                4 => format!("+31 {area} {n}"),
                5 => format!("+31 (0){area} {a} {b}"),
                6 => format!("0{area}-{a} {} {}", &b[..2], &b[2..]),
                _ => format!("0{area}{n}"),
            }
        } else {
            let area = r.pick(&[
                "318", "113", "165", "180", "222", "294", "314", "341", "413", "499", "511", "591",
            ]);
            let n = sub(r, 6);
            match r.below(6) {
                0 => format!("0{area}-{n}"),
                1 => format!("0{area} {} {} {}", &n[..2], &n[2..4], &n[4..]),
                2 => format!("(0{area}) {n}"),
                3 => format!("+31 {area} {n}"),
                4 => format!("0{area} {n}"),
                _ => format!("0{area}-{} {} {}", &n[..2], &n[2..4], &n[4..]),
            }
        }
    }

    fn plain(s: &str) -> String {
        s.chars()
            .filter_map(|c| match c {
                'ë' | 'é' => Some('e'),
                'ö' => Some('o'),
                'ü' => Some('u'),
                'ç' | 'Ç' => Some('c'),
                'ş' => Some('s'),
                'Ĳ' | 'ĳ' => Some('y'),
                'Ö' => Some('o'),
                ' ' | '\'' => None,
                c => Some(c.to_ascii_lowercase()),
            })
            .collect()
    }

    fn gen_email(r: &mut Rng) -> String {
        let first = plain(r.pick(FIRST_NAMES));
        let last = plain(r.pick(LAST_NAMES));
        let initial = &first[..1];
        let local = match r.below(8) {
            0 => format!("{first}.{last}"),
            1 => format!("{initial}.{last}"),
            2 => format!("{first}{last}{}", r.range(50, 99)),
            3 => format!("{first}_{last}"),
            4 => format!("{first}+zorg"),
            5 => format!(
                "{initial}.{}",
                r.pick(LAST_NAMES)
                    .split(' ')
                    .map(plain)
                    .collect::<Vec<_>>()
                    .join(".")
            ),
            6 => format!("{first}-{last}"),
            _ => format!("{first}{}", r.range(1, 9999)),
        };
        let domain = r.pick(&[
            "gmail.com",
            "hotmail.com",
            "hotmail.nl",
            "ziggo.nl",
            "kpnmail.nl",
            "outlook.com",
            "live.nl",
            "xs4all.nl",
            "planet.nl",
            "home.nl",
            "gemeente-utrecht.nl",
            "wijkteam.amsterdam.nl",
            "zorg-en-welzijn.nl",
            "icloud.com",
            "yahoo.co.uk",
        ]);
        match r.below(12) {
            0 => format!("{}@{}", capitalise(&local), capitalise(domain)),
            1 => format!("{local}(at){domain}"),
            10 => format!("{local}@{domain}").to_uppercase(),
            11 => format!("{local} [at] {domain}"),
            _ => format!("{local}@{domain}"),
        }
    }

    fn capitalise(s: &str) -> String {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    /// An address with a postcode, and the part of it that must be found.
    fn gen_postcode(r: &mut Rng) -> (String, String) {
        const LETTERS: &[u8] = b"ABCDEGHJKLMNPRSTVWXZ";
        let letters = loop {
            let pair = [r.pick(LETTERS), r.pick(LETTERS)];
            if !matches!(&pair, b"SA" | b"SD" | b"SS") {
                break String::from_utf8(pair.to_vec()).unwrap();
            }
        };
        let digits = format!("{}{}", r.range(1, 9), r.digits(3));
        let pc = format!("{digits} {letters}");
        let glued = format!("{digits}{letters}");
        let number = format!(
            "{}{}",
            r.range(1, 250),
            r.pick(&["", "", "", "", "a", "B", "-2", "-hs", " A", "-II", "bis"])
        );
        let street = r.pick(STREETS);
        let city = r.pick(CITIES);
        match r.below(14) {
            10 => (format!("{pc} {city}, {street} {number}"), pc),
            11 => (
                format!("{street} {number},\r\n{pc} {}", city.to_uppercase()),
                format!("{number},\r\n{pc}"),
            ),
            12 => (format!("Postbus {}, {pc} {city}", r.range(1, 9999)), pc),
            13 => {
                let n = number.replace(' ', "");
                (format!("{street} {n} {glued}"), format!("{n} {glued}"))
            }
            0 => {
                let n = number.replace(' ', "");
                (format!("{pc} {n}"), format!("{pc} {n}"))
            }
            1 => {
                let n = number.replace(' ', "");
                (format!("{glued}, {n}"), format!("{glued}, {n}"))
            }
            2 | 3 => (
                format!("{street} {number}, {pc} {city}"),
                format!("{number}, {pc}"),
            ),
            4 => (
                format!("{street} {number} {glued} {city}"),
                format!("{number} {glued}"),
            ),
            5 => (
                format!("{street} {number}\n{pc}  {city}"),
                format!("{number}\n{pc}"),
            ),
            6 => (format!("{pc} {city}"), pc),
            7 => {
                let n = number.replace(' ', "");
                let lower = glued.to_lowercase();
                (
                    format!("{street} {n}, {lower} {city}"),
                    format!("{n}, {lower}"),
                )
            }
            8 => {
                let n = number.replace(' ', "");
                (
                    format!("postcode {pc}, huisnummer {n}"),
                    format!("{pc}, huisnummer {n}"),
                )
            }
            _ => (
                format!("{street} {number}, {glued}"),
                format!("{number}, {glued}"),
            ),
        }
    }

    fn gen_birth_date(r: &mut Rng) -> String {
        let year = r.range(1925, 2012);
        let month = r.range(1, 12);
        let day = r.range(1, 28);
        match r.below(14) {
            11 => format!("{day}/{month}/{:02}", year % 100),
            12 => format!(
                "{day}{} of {}, {year}",
                ordinal(day),
                ENGLISH_MONTHS[month - 1]
            ),
            13 => format!("{}-{}-{year}", day, MONTH_NAMES[month - 1]),
            0 => format!("{day} {} {year}", MONTH_NAMES[month - 1]),
            1 => format!("{day:02}-{month:02}-{year}"),
            2 => format!("{day}-{month}-{year}"),
            3 => format!("{year}-{month:02}-{day:02}"),
            4 => format!("{day:02}/{month:02}/{year}"),
            5 => format!("{day} {} {year}", MONTH_ABBREVIATIONS[month - 1]),
            6 => format!("{day:02}.{month:02}.{year}"),
            7 => format!("{day} {} {year}", ENGLISH_MONTHS[month - 1]),
            8 => format!("{} {day}, {year}", ENGLISH_MONTHS[month - 1]),
            9 => format!("{day}-{month}-'{:02}", year % 100),
            _ => format!("{day} {} {year}", capitalise(MONTH_NAMES[month - 1])),
        }
    }

    fn ordinal(day: usize) -> &'static str {
        match day {
            1 | 21 | 31 => "st",
            2 | 22 => "nd",
            3 | 23 => "rd",
            _ => "th",
        }
    }

    /// A name as registered, the name as written in the text.
    fn gen_name(r: &mut Rng) -> (Vec<String>, String) {
        let first = r.pick(FIRST_NAMES);
        let last = r.pick(LAST_NAMES);
        let full = format!("{first} {last}");
        let (registered, written) = match r.below(3) {
            0 => (vec![first.to_string()], first.to_string()),
            1 => (vec![full.clone()], full.clone()),
            _ => (vec![first.to_string(), full.clone()], full.clone()),
        };
        let written = match r.below(9) {
            8 => written.replace('\'', "\u{2019}"),
            0 => written.to_uppercase(),
            1 => written.to_lowercase(),
            2 => written.replacen(' ', "  ", 1),
            3 => written.replacen(' ', "\n", 1),
            4 => written.replacen(' ', "\u{a0}", 1),
            _ => written,
        };
        (registered, written)
    }

    fn clean_sentence(r: &mut Rng) -> String {
        let (day, month, year) = (r.range(1, 28), r.range(1, 12), r.range(2019, 2027));
        let date = match r.below(5) {
            0 => format!("{day:02}-{month:02}-{year}"),
            1 => format!("{day}-{month}-{year}"),
            2 => format!("{day} {} {year}", MONTH_NAMES[month - 1]),
            3 => format!("{day:02}.{month:02}.{year}"),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
        let date2 = format!("{:02}-{:02}-{year}", r.range(1, 28), r.range(1, 12));
        let amount = match r.below(4) {
            0 => format!("€{}.{:03}", r.range(1, 9), r.below(1000)),
            1 => format!("€ {},{:02}", r.below(900), r.below(100)),
            2 => format!("{} euro", r.range(10, 999)),
            _ => format!("€ {}.{:03},-", r.range(1, 99), r.below(1000)),
        };
        let time = format!("{:02}.{:02}", r.range(8, 17), r.pick(&[0, 15, 30, 45]));
        let time2 = format!("{}:{:02}", r.range(9, 20), r.pick(&[0, 15, 30, 45]));
        let n = r.range(2, 60);
        let city = r.pick(CITIES);
        match r.below(52) {
            36 => format!(
                "Ze woont op de {} {}-{} in {city}.",
                r.pick(STREETS),
                r.range(1, 99),
                r.range(1, 4)
            ),
            37 => format!(
                "Het gesprek is verplaatst naar {} {} {year} om {time} uur.",
                r.range(1, 28),
                MONTH_NAMES[month - 1]
            ),
            38 => format!("De gebiedsmanager komt op {date} langs bij het team."),
            39 => format!(
                "Huur € {},- per maand; servicekosten € {},-.",
                r.range(400, 999),
                r.range(10, 99)
            ),
            40 => format!(
                "Ze heeft {} kinderen, geboren tussen {} en {year}.",
                r.range(2, 5),
                year - 12
            ),
            41 => format!(
                "Meldingen {}: {}.{:03}; {year}: {}.{:03}.",
                year - 1,
                r.range(1, 9),
                r.below(1000),
                r.range(1, 9),
                r.below(1000)
            ),
            42 => format!("Het rapport van {n} pagina's is op {date} verstuurd."),
            43 => format!("De regels gelden sinds {year} EU-breed, zegt de jurist."),
            44 => format!(
                "Groep {} en {} van de basisschool doen mee aan het project.",
                r.range(1, 7),
                r.range(7, 8)
            ),
            45 => format!(
                "Op {}-{}-{year} {} nieuwe aanmeldingen; op {date2} nog eens {n}.",
                r.range(1, 28),
                r.range(1, 12),
                r.range(2, 40)
            ),
            46 => format!(
                "Hij heeft een schuld van € {}.{:03},{:02} bij {} schuldeisers.",
                r.range(1, 99),
                r.below(1000),
                r.below(100),
                r.range(2, 15)
            ),
            47 => format!(
                "Tel. spreekuur: ma t/m vr {time}-{}.00 uur.",
                r.range(12, 17)
            ),
            48 => format!(
                "De meeting on {} {} {year} was moved to {date2}.",
                r.range(1, 28),
                ENGLISH_MONTHS[month - 1]
            ),
            49 => format!(
                "Zij wil op {} {} met haar dochter naar de verjaardag van haar kleinzoon.",
                r.range(1, 28),
                MONTH_NAMES[month - 1]
            ),
            50 => format!("In {year} zijn in de wijk {n} kinderen geboren."),
            51 => format!(
                "Het huis aan de {} {} staat sinds {year} leeg.",
                r.pick(STREETS),
                r.range(1, 300)
            ),
            0 => format!("Op {date} bespreken we de casus in het wijkteam."),
            1 => format!("De wachttijd voor schuldhulp is {n} weken."),
            2 => format!("Ze betaalt {amount} huur per maand."),
            3 => format!(
                "Het buurthuis sloot in {year}; {} van de {} ouderen komen niet meer buiten.",
                r.range(1, 4),
                r.range(5, 9)
            ),
            4 => format!("Kosten: {},{:02} euro", r.range(1, 999), r.below(100)),
            5 => format!("Zaaknummer {year}-{:05}.", r.below(100_000)),
            6 => format!("Niveau {}: gemeente en beleid", r.range(1, 4)),
            7 => format!("Bel de huisarts na {time} uur."),
            8 => format!("De deadline voor het verslag is {date}."),
            9 => format!(
                "Hij woont aan de {} {} in {city}, vlak bij de supermarkt.",
                r.pick(STREETS),
                r.range(1, 200)
            ),
            10 => format!("Dossiernummer {} staat op de brief.", invalid_bsn(r)),
            11 => format!(
                "De uitkering steeg met {},{}% naar {amount}.",
                r.range(1, 9),
                r.below(10)
            ),
            12 => format!(
                "Tussen {} en {year} verdubbelde het aantal meldingen.",
                year - 4
            ),
            13 => format!("Het spreekuur is van {time} tot {time2} uur op dinsdag."),
            14 => format!(
                "Ze is {} jaar en woont sinds {year} in de wijk.",
                r.range(18, 97)
            ),
            15 => format!("Er staan {n} mensen op de wachtlijst (peildatum {date})."),
            16 => format!(
                "Volgens artikel {}.{}.{} van de Wmo 2015 beslist de gemeente binnen {} weken.",
                r.range(1, 8),
                r.range(1, 9),
                r.range(1, 12),
                r.range(2, 8)
            ),
            17 => format!(
                "In de wijk wonen ongeveer {}.{:03} mensen.",
                r.range(2, 99),
                r.below(1000)
            ),
            18 => format!(
                "Ze werkt 0,{} fte en heeft {} kinderen van {} en {} jaar.",
                r.range(1, 9),
                r.range(2, 4),
                r.range(1, 9),
                r.range(10, 17)
            ),
            19 => format!(
                "Bel bij acuut gevaar 112; voor advies Veilig Thuis via 0800-2000, of de gemeente via 14 0{}.",
                r.range(10, 99)
            ),
            20 => format!(
                "De meldcode heeft 5 stappen; stap {} is wegen.",
                r.range(1, 5)
            ),
            21 => format!(
                "Versie {}.{}.{} van het protocol geldt vanaf {date}.",
                r.range(1, 4),
                r.range(0, 9),
                r.range(0, 20)
            ),
            22 => format!(
                "De gemeente begroot € {}.{:03}.{:03} voor het sociaal domein.",
                r.range(100, 999),
                r.below(1000),
                r.below(1000)
            ),
            23 => format!(
                "Het budget van {}.{:03}.{:03} euro is voor {year} al verdeeld.",
                r.range(100, 999),
                r.below(1000),
                r.below(1000)
            ),
            24 => format!(
                "De GGD, het CJG en de SVB overleggen in Q{} {year}.",
                r.range(1, 4)
            ),
            25 => format!(
                "Op {day:02}.{month:02}.{year} {n} aanmeldingen, daarna nog {}.",
                r.range(1, 30)
            ),
            26 => format!(
                "Ze is geboren en getogen in {city} en verhuisde op {date} naar {}.",
                r.pick(CITIES)
            ),
            27 => format!(
                "Haar moeder is in {} geboren, haar vader in {}.",
                r.range(1930, 1970),
                r.range(1925, 1970)
            ),
            28 => {
                format!("De baby wordt rond {date} verwacht; de kraamzorg is op {date2} geregeld.")
            }
            29 => format!(
                "Factuurnummer {}{} is op {date} betaald.",
                r.range(1, 9),
                r.digits(9)
            ),
            30 => format!(
                "Het project loopt in {} wijken met {} huishoudens.",
                r.range(2, 9),
                r.range(1000, 9999)
            ),
            31 => format!("Van {date} tot {date2} is het wijkteam gesloten."),
            32 => format!(
                "Postcodegebied {} heeft de langste wachtlijst.",
                r.range(10, 99)
            ),
            33 => format!("Het gesprek op {date} om {time} uur duurde {n} minuten."),
            34 => format!(
                "Verhouding 1:{} tussen vrijwilligers en cliënten; {}% is ouder dan {}.",
                r.range(2, 9),
                r.range(10, 90),
                r.range(55, 80)
            ),
            _ => r
                .pick(&[
                    "De evaluatie in januari liet zien dat de basis op orde is.",
                    "Mevrouw Janssen woont elders; haar moeder helpt met de administratie.",
                    "Zie alinea 4 van het verslag; de timing van het gesprek was slecht.",
                    "Het team evalueert elk kwartaal, ook met de moeder en de buren.",
                    "Ze krijgt 1500 mg paracetamol, 2 keer per dag.",
                    "Hij fietst elke dag 12 km naar zijn werk.",
                ])
                .to_string(),
        }
    }

    struct Sample {
        text: String,
        names: Vec<String>,
        expected: Option<(FindingKind, usize, usize)>,
    }

    const KINDS: [FindingKind; 7] = [
        Bsn,
        Iban,
        Phone,
        Email,
        PostcodeWithNumber,
        DateOfBirth,
        RegisteredName,
    ];

    fn templates(kind: FindingKind) -> &'static [&'static str] {
        match kind {
            Bsn => &[
                "Het BSN van cliënt is {}.",
                "BSN: {}",
                "bsn {} (gecontroleerd in de BRP)",
                "Burgerservicenummer: {}",
                "Zijn burgerservicenummer is {} en staat op de beschikking.",
                "Aanvraag Wmo ingediend onder BSN {}, nog geen reactie.",
                "Ze gaf haar BSN ({}) door aan de schuldhulpverlener.",
                "{} is het BSN van de moeder.",
                "Bij de intake noemde hij zijn bsn: {}; dat klopt met de brief van de SVB.",
                "BSN:{}",
                "bsn-nummer {} staat verkeerd in het systeem",
                "BSN nr. {}\nAdres onbekend",
                "| BSN | {} |",
                "Sofinummer (nu BSN) {}.",
            ],
            Iban => &[
                "IBAN: {}",
                "De huur wordt afgeschreven van {}.",
                "Ze wil het geld op rekening {} t.n.v. haar dochter.",
                "rekeningnummer {} (bij de bewindvoerder bekend)",
                "Betalingen via {}, zegt de bewindvoerder.",
                "Nieuw rekeningnummer: {}; het oude is opgeheven.",
                "Stort het voorschot op {} en meld het aan de budgetcoach.",
                "IBAN:{}",
                "Rekening: {}.",
                "(IBAN {})",
            ],
            Phone => &[
                "Bel haar op {}.",
                "Telefoon: {}",
                "tel. {} (na 17.00 uur)",
                "Haar zoon is bereikbaar via {}, maar neemt vaak niet op.",
                "Mobiel {}; voicemail staat aan.",
                "Contact via de buurvrouw: {}",
                "{} is het nummer van de mantelzorger.",
                "Hij belde vanaf {} naar het wijkteam.",
                "tel:{}",
                "Tel.nr.: {}\nBereikbaar na 16.00 uur",
                "Nummer dochter {}; zoon onbekend.",
            ],
            Email => &[
                "Mail: {}",
                "Stuur het verslag naar {}.",
                "Ze mailt vanaf {}, niet vanaf haar werkadres.",
                "Contact loopt via de dochter ({}).",
                "E-mail <{}>",
                "E-mailadres {}; graag niet delen.",
                "mailto:{}",
                "Zijn adres is {}!",
                "Mail naar '{}' gaat niet aan.",
                "e-mail: {}\ntel: onbekend",
                "Bereikbaar via {}, telefonisch niet.",
            ],
            PostcodeWithNumber => &[
                "Ze woont op {}.",
                "Adres: {}",
                "Nieuw adres per 1 mei: {}",
                "Post gaat naar {} (bij haar zus).",
                "Hij verhuist naar {} en zoekt daar een nieuwe huisarts.",
                "Woonadres {}; geen post naar het oude adres.",
                "Adres:\n{}\n(tijdelijk)",
                "Ze verblijft sinds maart op {}, bij een vriendin.",
            ],
            DateOfBirth => &[
                "geboren op {}",
                "Geb. {}",
                "Mevrouw (geb. {}) woont alleen.",
                "Geboortedatum: {}",
                "geboortedatum {}",
                "geb.datum: {}",
                "Date of birth: {}",
                "born {}",
                "DOB {}",
                "Cliënt, geboren {}, woont sinds kort in de wijk.",
                "Mevrouw is geboren op {} in Deventer.",
                "Zijn geboortedatum is {}, volgens de BRP.",
                "Ze is op {} geboren.",
                "Hij is {} in Paramaribo geboren.",
                "Geb.: {}",
                "geboren: {}",
                "Geboortedatum (dd-mm-jjjj): {}",
                "Ze is geboren op {} en woont alleen.",
                "Geboortedatum\t{}",
                "Cliënt is born on {} in Den Haag.",
                "geboren op zondag {}",
            ],
            RegisteredName => &[
                "{} komt sinds maart naar de inloop.",
                "Gesprek met {} over de schulden.",
                "De buurvrouw van {} belde het wijkteam.",
                "Volgens {}'s zus gaat het slecht.",
                "{} wil geen hulp van de GGD.",
                "Afspraak: {} belt zelf terug.",
                "Zorgen om {}: ze eet slecht en komt niet buiten.",
                "(Aanwezig: {}, de wijkagent en de huisarts.)",
                "Volgens {}\u{2019}s zus gaat het slecht.",
                "Huisbezoek bij {}.",
                "{}\nkomt niet meer naar de inloop.",
                "Verslag gesprek \"{}\" d.d. 3 maart",
            ],
        }
    }

    fn sample(r: &mut Rng, kind: FindingKind) -> Sample {
        let mut names: Vec<String> = NEAR_MISS_NAMES.iter().map(|n| n.to_string()).collect();
        let (value, expected) = match kind {
            Bsn => {
                let bsn = valid_bsn(r);
                let value = match r.below(7) {
                    6 => format!("{}-{}-{}", &bsn[..3], &bsn[3..6], &bsn[6..]),
                    0 => format!("{}.{}.{}", &bsn[..3], &bsn[3..6], &bsn[6..]),
                    1 => format!("{} {} {}", &bsn[..3], &bsn[3..6], &bsn[6..]),
                    2 => format!("{}.{}.{}", &bsn[..4], &bsn[4..6], &bsn[6..]),
                    3 => format!("{} {} {}", &bsn[..4], &bsn[4..6], &bsn[6..]),
                    _ => bsn,
                };
                (value.clone(), value)
            }
            Iban => {
                let v = gen_iban(r);
                (v.clone(), v)
            }
            Phone => {
                let v = gen_phone(r);
                (v.clone(), v)
            }
            Email => {
                let v = gen_email(r);
                (v.clone(), v)
            }
            PostcodeWithNumber => gen_postcode(r),
            DateOfBirth => {
                let v = gen_birth_date(r);
                (v.clone(), v)
            }
            RegisteredName => {
                let (registered, written) = gen_name(r);
                names.extend(registered);
                (written.clone(), written)
            }
        };
        let template = r.pick(templates(kind));
        let at = template.find("{}").unwrap();
        let mut text = String::new();
        if r.chance(50) {
            text.push_str(&clean_sentence(r));
            text.push(' ');
        }
        text.push_str(&template[..at]);
        let start = text.len() + value.find(&expected).unwrap();
        text.push_str(&value);
        text.push_str(&template[at + 2..]);
        if r.chance(50) {
            text.push(' ');
            text.push_str(&clean_sentence(r));
        }
        Sample {
            text,
            names,
            expected: Some((kind, start, start + expected.len())),
        }
    }

    fn corpus() -> Vec<Sample> {
        let mut r = Rng(0x5EED_CA5E_2026);
        let mut samples = Vec::new();
        for _ in 0..160 {
            for kind in KINDS {
                samples.push(sample(&mut r, kind));
            }
        }
        for _ in 0..800 {
            let mut text = clean_sentence(&mut r);
            if r.chance(40) {
                text.push(' ');
                text.push_str(&clean_sentence(&mut r));
            }
            let names = NEAR_MISS_NAMES.iter().map(|n| n.to_string()).collect();
            samples.push(Sample {
                text,
                names,
                expected: None,
            });
        }
        samples
    }

    #[test]
    fn generated_corpus_recall_and_false_positives() {
        let samples = corpus();
        let started = Instant::now();
        let results: Vec<Vec<Finding>> = samples
            .iter()
            .map(|s| {
                let names: Vec<&str> = s.names.iter().map(String::as_str).collect();
                scan(&s.text, &names)
            })
            .collect();
        let elapsed = started.elapsed();
        let bytes: usize = samples.iter().map(|s| s.text.len()).sum();

        let mut total = [0usize; 7];
        let mut hits = [0usize; 7];
        let mut exact = [0usize; 7];
        let mut extra_in_dirty = 0;
        let mut false_positives = 0;
        let mut misses = Vec::new();
        let mut noise = Vec::new();
        for (s, findings) in samples.iter().zip(&results) {
            check_invariants(&s.text, findings);
            match s.expected {
                Some((kind, start, end)) => {
                    let k = KINDS.iter().position(|&x| x == kind).unwrap();
                    total[k] += 1;
                    let hit = findings
                        .iter()
                        .position(|f| f.kind == kind && f.start <= start && f.end >= end);
                    if let Some(h) = hit {
                        hits[k] += 1;
                        if findings[h].start == start && findings[h].end == end {
                            exact[k] += 1;
                        }
                    } else {
                        misses.push(format!(
                            "{kind:?} {:?} in {:?}: {:?}",
                            &s.text[start..end],
                            s.text,
                            findings
                        ));
                    }
                    for (i, f) in findings.iter().enumerate() {
                        if Some(i) != hit {
                            extra_in_dirty += 1;
                            noise.push(format!(
                                "{:?} {:?} in {:?}",
                                f.kind,
                                f.text(&s.text),
                                s.text
                            ));
                        }
                    }
                }
                None => {
                    for f in findings {
                        false_positives += 1;
                        noise.push(format!(
                            "{:?} {:?} in {:?}",
                            f.kind,
                            f.text(&s.text),
                            s.text
                        ));
                    }
                }
            }
        }
        let clean = samples.iter().filter(|s| s.expected.is_none()).count();
        println!(
            "corpus: {} snippets ({} with personal data, {clean} clean), {bytes} bytes, scanned in {elapsed:?}",
            samples.len(),
            samples.len() - clean
        );
        for (k, kind) in KINDS.iter().enumerate() {
            println!(
                "  {:<20} recall {:.3} ({}/{}), exact span {}/{}",
                format!("{kind:?}"),
                hits[k] as f64 / total[k] as f64,
                hits[k],
                total[k],
                exact[k],
                total[k]
            );
        }
        println!(
            "  false positives on clean snippets: {false_positives}; extra findings in snippets with data: {extra_in_dirty}"
        );
        for m in misses.iter().take(40) {
            println!("  MISS {m}");
        }
        for n in noise.iter().take(40) {
            println!("  NOISE {n}");
        }
        for (k, kind) in KINDS.iter().enumerate() {
            assert!(
                hits[k] as f64 / total[k] as f64 >= 0.95,
                "recall for {kind:?} below 0.95"
            );
        }
        assert_eq!(false_positives, 0, "false positives on the clean snippets");
        assert_eq!(
            extra_in_dirty, 0,
            "extra findings in the snippets with personal data"
        );
    }

    /// Arbitrary input never panics, and the findings keep their promises.
    #[test]
    fn no_panic_on_arbitrary_input() {
        const PIECES: &[&str] = &[
            "0",
            "1",
            "3",
            "6",
            "9",
            "06",
            "+31",
            "0031",
            "(0)",
            "NL",
            "nl91",
            "AB",
            "SA",
            "a",
            "Z",
            "ĳ",
            "Ĳ",
            "é",
            "ë",
            "\u{308}",
            "😀",
            "İ",
            "ß",
            "\u{a0}",
            " ",
            "  ",
            "\n",
            "\t",
            ".",
            ",",
            "-",
            "/",
            ":",
            "+",
            "(",
            ")",
            "[at]",
            "(at)",
            "@",
            "'",
            "’",
            "€",
            "geb.",
            "geboren",
            "born",
            "maart",
            "March",
            "Jan",
            "jan",
            "Zoë",
            "1234",
            "1945",
            "123456782",
            "x",
        ];
        let mut r = Rng(42);
        let name_pool = [
            "",
            " ",
            "Jan",
            "ĳ",
            "\u{308}",
            "zoë de vries",
            "😀",
            "a b",
            "ß",
            "İ",
        ];
        for round in 0..4000 {
            let len = r.range(0, 60);
            let text: String = (0..len).map(|_| r.pick(PIECES)).collect();
            let names: Vec<&str> = (0..r.below(4)).map(|_| r.pick(&name_pool)).collect();
            let findings = scan(&text, &names);
            check_invariants(&text, &findings);
            // Also raw bytes turned into text, and every prefix of some texts.
            if round % 50 == 0 {
                for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                    check_invariants(&text[..end], &scan(&text[..end], &names));
                }
            }
            let bytes: Vec<u8> = (0..r.range(0, 40)).map(|_| r.next() as u8).collect();
            let lossy = String::from_utf8_lossy(&bytes);
            check_invariants(&lossy, &scan(&lossy, &names));
        }
    }

    #[test]
    fn long_input_is_fast() {
        let unit = "Op 12-11-2026 belde Zoë (06-12345678) over haar BSN 123456782 en IBAN NL91ABNA0417164300; geb. 3 maart 1945, Dorpsstraat 12, 1234 AB Utrecht, zoe@example.nl. ";
        let text = unit.repeat(2000);
        let started = Instant::now();
        let findings = scan(&text, &["Zoë", "Jan"]);
        let elapsed = started.elapsed();
        println!(
            "{} bytes, {} findings in {elapsed:?}",
            text.len(),
            findings.len()
        );
        assert_eq!(findings.len(), 2000 * 7);
        let worst = "1".repeat(100_000) + &"@a".repeat(20_000) + &" 0".repeat(20_000);
        let started = Instant::now();
        scan(&worst, &["a a a a"]);
        assert!(started.elapsed().as_secs() < 5);
    }
}
