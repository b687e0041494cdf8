//! Phone: Dutch numbers (10 digits from the leading 0, or +31/0031 and 9 digits), and
//! international numbers written with + or 00.

use super::text::{digits_end, ends_number, is_digit_at, skip_spaces, starts_number};
use super::{Finding, FindingKind, push};

pub(super) fn find_phones(text: &str, out: &mut Vec<Finding>) {
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
            // The trunk zero written twice or in the wrong place: +31 06 12345678,
            // +3106-5223756 (nine digits), still a Dutch number.
            let (end, g) = read_groups(b, p, 10, 2)?;
            (g.digits == 9 || (g.digits == 10 && nonzero(p + 1))).then_some(end)?
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
        if !(10..=15).contains(&g) {
            // 0071 788817: ten digits from a 0, a domestic number after all.
            let (end, g) = read_groups(b, start, 10, 3)?;
            return (g.digits == 10 && g.count <= 3 && ends_number(text, end)).then_some(end);
        }
        end
    } else if b[start] == b'(' {
        // (010) 123 45 67, (06) 12345678, (0318) 12 34 56
        let p = start + 1;
        let e = digits_end(b, p);
        let area = e - p;
        if !(2..=4).contains(&area) || b[p] != b'0' || b.get(e) != Some(&b')') {
            return None;
        }
        // (010) 123 45 67, (043)-5138529
        let q = phone_sep(b, e + 1).map_or(e + 1, |(n, _)| e + 1 + n);
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

#[cfg(test)]
mod tests {
    use crate::privacy::scan::FindingKind::Phone;
    use crate::privacy::scan::testing::{assert_finds, assert_no};

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
            ("(043)-5138529", "(043)-5138529"),
            ("+3106-5223756", "+3106-5223756"),
            ("+31(0)058-144017", "+31(0)058-144017"),
            ("0071 788817", "0071 788817"),
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
}
