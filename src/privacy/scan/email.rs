//! E-mail: local@domain.tld, also local(at)domain.tld.

use super::text::{char_at, ends_word, skip_spaces, starts_with_ci, starts_word};
use super::{Finding, FindingKind, push};

pub(super) fn find_emails(text: &str, out: &mut Vec<Finding>) {
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

#[cfg(test)]
mod tests {
    use crate::privacy::scan::FindingKind::Email;
    use crate::privacy::scan::testing::{assert_finds, assert_no};

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
}
