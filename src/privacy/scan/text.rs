//! Small helpers on bytes and chars, shared by the matchers (and by the name matcher
//! in `privacy::names`).

pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Combining diacritical marks: part of the letter before them.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// No letter or digit right before `i`.
pub(crate) fn starts_word(text: &str, i: usize) -> bool {
    !char_before(text, i).is_some_and(is_word_char)
}

/// No letter or digit at `i`.
pub(crate) fn ends_word(text: &str, i: usize) -> bool {
    !char_at(text, i).is_some_and(is_word_char)
}

pub(crate) fn is_digit_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit)
}

pub(crate) fn digits_end(b: &[u8], mut i: usize) -> usize {
    while is_digit_at(b, i) {
        i += 1;
    }
    i
}

pub(crate) fn alnum_end(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// Chars that glue digits into one number: 1.250, 12-11-2026, 12,5, 14:30, 3/4.
const NUMBER_GLUE: &[u8] = b".,-/:";

/// A number may start at `i`: not glued to a word or to the digits of another number,
/// nor part of an identifier (id_364622490, pagina/364622490).
pub(crate) fn starts_number(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let before = |k: usize| i.checked_sub(k).and_then(|j| b.get(j)).copied();
    let glued = before(1).is_some_and(|c| NUMBER_GLUE.contains(&c))
        && before(2).is_some_and(|c| c.is_ascii_digit());
    let identifier = before(1) == Some(b'_')
        || (before(1) == Some(b'/') && before(2).is_some_and(|c| c.is_ascii_alphabetic()));
    starts_word(text, i) && !glued && !identifier
}

/// A number may end at `i`: not followed by a word or by more glued digits.
pub(crate) fn ends_number(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let glued = b.get(i).is_some_and(|c| NUMBER_GLUE.contains(c)) && is_digit_at(b, i + 1);
    ends_word(text, i) && !glued && b.get(i) != Some(&b'_')
}

pub(crate) fn starts_with_ci(b: &[u8], i: usize, pattern: &[u8]) -> bool {
    b.get(i..i.saturating_add(pattern.len()))
        .is_some_and(|s| s.eq_ignore_ascii_case(pattern))
}

/// `b` ends with the word `word` (ASCII, any case), not with the tail of a longer word.
pub(crate) fn ends_with_word_ci(b: &[u8], word: &[u8]) -> bool {
    b.len() >= word.len()
        && b[b.len() - word.len()..].eq_ignore_ascii_case(word)
        && !b
            .len()
            .checked_sub(word.len() + 1)
            .is_some_and(|k| b[k].is_ascii_alphabetic())
}

pub(crate) fn skip_spaces(b: &[u8], mut i: usize, max: usize) -> usize {
    let start = i;
    while b.get(i) == Some(&b' ') && i - start < max {
        i += 1;
    }
    i
}
