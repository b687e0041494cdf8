//! IBAN: country code, check digits, account; mod 97 == 1.

use super::text::{alnum_end, ends_word, starts_word};
use super::{Finding, FindingKind, push};

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

pub(super) fn find_ibans(text: &str, out: &mut Vec<Finding>) {
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
/// separated by single spaces, dashes or dots (NL91 ABNA 0417 1643 00, NL10-KNAB-9367-
/// 5982-82, NL 91 ABNA 0417 1643 00 with a space after the country code).
fn iban_at(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
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
        if !matches!(b.get(e), Some(b' ' | b'-' | b'.'))
            || !b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            break;
        }
        p = e + 1;
    }
    let head_ok = len >= 4
        && chars[0].is_ascii_alphabetic()
        && chars[1].is_ascii_alphabetic()
        && chars[2].is_ascii_digit()
        && chars[3].is_ascii_digit()
        // The country code is a group of its own or the start of one: "NL 91", "NL91".
        && ends[0].0 != 1
        && ends[0].0 != 3;
    if !head_ok {
        return None;
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

#[cfg(test)]
mod tests {
    use crate::privacy::scan::FindingKind::Iban;
    use crate::privacy::scan::testing::{assert_finds, assert_no, found};

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
            ("rek. NL10-KNAB-9367-5982-82.", "NL10-KNAB-9367-5982-82"),
            ("NL 91 ABNA 0417 1643 00", "NL 91 ABNA 0417 1643 00"),
            ("NL91.ABNA.0417.1643.00 t.n.v.", "NL91.ABNA.0417.1643.00"),
            ("nl91-abna-0417164300", "nl91-abna-0417164300"),
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
        // Written with dashes or a space after the country code: an IBAN, no phone.
        for text in ["NL10-KNAB-9367-5982-82", "NL 91 ABNA 0417 1643 00"] {
            assert_eq!(found(text, &[]), [(Iban, text.to_string())]);
        }
    }
}
