//! Postcode: 1234 AB, with the house number when the address gives one.

use super::text::{
    alnum_end, char_before, digits_end, ends_number, ends_word, is_digit_at, skip_spaces,
    starts_number, starts_with_ci, starts_word,
};
use super::{Finding, FindingKind, push};

pub(super) fn find_postcodes(text: &str, out: &mut Vec<Finding>) {
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

/// Letter pairs after four digits that are units, sizes or amounts, not postcodes
/// ("1000 MG", "2000 XL", "1500ml"), in any case. Only a street and number before make
/// them a postcode.
const UNITS: &[&[u8; 2]] = &[
    b"ML", b"MG", b"KG", b"KM", b"CM", b"MM", b"GR", b"KW", b"MB", b"GB", b"KB", b"TB", b"PK",
    b"HZ", b"CC", b"CL", b"DL", b"LT", b"XL", b"XS", b"XX", b"MW", b"GW", b"KJ", b"PM", b"AM",
    b"BC", b"AD", b"NM", b"MA", b"WH",
];

/// Abbreviations that follow a year ("sinds 2024 NL-breed"), not a postcode.
const AFTER_YEAR: &[&[u8; 2]] = &[b"NL", b"VS", b"BV", b"NV", b"VN", b"HR", b"DG", b"MT"];

/// Short words that follow a number in a sentence ("tussen 2024 en 2025", "in 2019 na 2
/// jaar"): in lower or mixed case they are words, not the letters of a postcode.
const WORDS: &[&[u8; 2]] = &[
    b"EN", b"DE", b"TE", b"NA", b"AL", b"ZE", b"JE", b"WE", b"ME", b"ER", b"CA", b"DD", b"EX",
];

/// Words before a number that make it a model, size or reference, not a postcode:
/// "type 2000 XL", "model 1200 LX".
const NOT_BEFORE: &[&[u8]] = &[
    b"type",
    b"model",
    b"serie",
    b"versie",
    b"art.",
    b"artikel",
    b"artikelnummer",
    b"code",
    b"nr.",
    b"nummer",
    b"ordernummer",
    b"kamer",
    b"lokaal",
    b"maat",
    b"formaat",
    b"klasse",
];

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
    if !(l1.is_ascii_alphabetic() && l2.is_ascii_alphabetic()) {
        return None;
    }
    let upper = l1.is_ascii_uppercase() && l2.is_ascii_uppercase();
    // PostNL never uses F, I, O, Q, U, Y, nor the pairs SA, SD and SS.
    let pair = [l1.to_ascii_uppercase(), l2.to_ascii_uppercase()];
    if pair.iter().any(|c| b"FIOQUY".contains(c)) || matches!(&pair, b"SA" | b"SD" | b"SS") {
        return None;
    }
    let end = p + 2;
    let unit = UNITS.contains(&&pair);
    let word = !upper && WORDS.contains(&&pair);
    // With a street and number before it, the postcode is certain.
    if ends_word(text, end)
        && let Some(s) = house_number_before(text, i)
    {
        return Some((s, end));
    }
    if word || model_before(text, i) {
        return None; // tussen 2024 en 2025, type 2000 XL 3
    }
    // "KG", "MG", "PK" are postcode letters too ("5729 KG 186"): with such a pair the
    // address must show, by a word such as "postcode" or "woont" before it, a house
    // number not followed by a dose ("1000 MG 2 dd"), or a place name after it.
    let cue = address_cue_before(text, i);
    let number_ok = |e: usize| !unit || cue || (upper && !dose_after(text, e));
    if is_digit_at(b, end)
        && (upper || !spaced)
        && let Some(e) = house_number_end(text, end)
        && number_ok(e)
    {
        return Some((i, e)); // 1234AB12
    }
    if !ends_word(text, end) {
        return None;
    }
    if let Some(e) = house_number_after(text, end)
        && number_ok(e)
    {
        return Some((i, e)); // 1234 AB 12, 6525 aj 12-II
    }
    if unit && !(upper && (cue || place_after(text, end))) {
        return None; // 1500 ml, 2000 XL
    }
    let year = b[i..i + 4]
        .iter()
        .fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'));
    if (1900..=2099).contains(&year) && AFTER_YEAR.contains(&&[l1, l2]) {
        return None; // sinds 2024 EU-breed
    }
    // Lower case alone is too weak a sign; upper case alone narrows to a street, when
    // the text shows it is an address ("woont in 3511 LX", "3511 LX Utrecht") and not a
    // product code ("hoortoestel 4128 PX").
    let in_before = super::text::ends_with_word_ci(b[..i].trim_ascii_end(), b"in");
    (upper && (cue || in_before || place_after(text, end))).then_some((i, end))
}

/// Words shortly before a postcode that say an address follows.
const ADDRESS_CUES: &[&[u8]] = &[
    b"postcode",
    b"adres",
    b"woonadres",
    b"postadres",
    b"woont",
    b"wonend",
    b"woonachtig",
    b"verhuist",
    b"verhuisd",
    b"verblijft",
    b"naar",
    b"op",
    b"te",
    b"address",
];

fn address_cue_before(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let mut e = i;
    while e > 0 && matches!(b[e - 1], b' ' | b':' | b',') {
        e -= 1;
    }
    e < i
        && ADDRESS_CUES
            .iter()
            .any(|w| super::text::ends_with_word_ci(&b[..e], w))
}

/// A dose or count after a number: "2 dd", "3x per dag", "2 keer", "1 tablet".
fn dose_after(text: &str, e: usize) -> bool {
    let b = text.as_bytes();
    let p = skip_spaces(b, e, 2);
    [
        b"dd".as_slice(),
        b"x",
        b"keer",
        b"maal",
        b"per",
        b"tablet",
        b"tabl",
        b"stuk",
        b"caps",
        b"druppel",
        b"dagen",
        b"weken",
    ]
    .iter()
    .any(|w| starts_with_ci(b, p, w) && ends_word(text, p + w.len()))
        || matches!(b.get(e), Some(b'x' | b'X'))
}

/// A place name after the postcode: a capital and at least two more letters.
fn place_after(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    let p = skip_spaces(b, end, 2);
    p > end
        && b.get(p).is_some_and(u8::is_ascii_uppercase)
        && b.get(p + 1..p + 3)
            .is_some_and(|w| w.iter().all(u8::is_ascii_lowercase))
}

/// A word such as "type" or "model" right before the number at `i`.
fn model_before(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let mut e = i;
    while e > 0 && matches!(b[e - 1], b' ' | b':') {
        e -= 1;
    }
    if e == i {
        return false;
    }
    NOT_BEFORE
        .iter()
        .any(|w| super::text::ends_with_word_ci(&b[..e], w))
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

#[cfg(test)]
mod tests {
    use crate::privacy::scan::FindingKind::PostcodeWithNumber;
    use crate::privacy::scan::testing::{assert_finds, assert_no};

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
            ("6525 aj 12", "6525 aj 12"),
            ("postcode 6525aj, nr. 12", "6525aj, nr. 12"),
            ("1234AB 12a", "1234AB 12a"),
            ("1234 AB 12-II", "1234 AB 12-II"),
            ("1234 Ab 3", "1234 Ab 3"),
            ("Heuvelweg 4, 1012 mg Amsterdam", "4, 1012 mg"),
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
            "Metformine 1000 MG 2 dd 1 tablet",
            "Metformine 1000 mg 2 dd 1 tablet",
            "Scootmobiel type 2000 XL",
            "Scootmobiel type 2000 XL 3 jaar oud",
            "tussen 2024 en 2025 en in 2019 na 2 jaar",
            "in 2020 ze 3 keer gebeld",
            "Rolstoel model 1200 LX 4 wielen",
            "Paracetamol 1000MG 3x per dag",
            "Zo'n 1500 km 2 keer per jaar",
        ] {
            assert_no(text, &[], PostcodeWithNumber);
        }
    }
}
