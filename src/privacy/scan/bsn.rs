//! BSN (citizen service number): nine digits that pass the 11-test.

use super::text::{
    digits_end, ends_number, ends_with_word_ci, is_digit_at, starts_number, starts_with_ci,
};
use super::{Finding, FindingKind, push};

pub(super) fn find_bsns(text: &str, out: &mut Vec<Finding>) {
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
pub(super) fn eleven_test(d: &[u8; 9]) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::privacy::scan::FindingKind::Bsn;
    use crate::privacy::scan::testing::{assert_finds, assert_no};

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
}
