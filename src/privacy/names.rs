//! Registered real names in free text: whole words, any case, any run of white space
//! between the words of a name. Used to pseudonymise and to scan.

use std::ops::Range;

/// Where each of `names` occurs in `text`: byte range and the index of the name. At a
/// place where several names match, the longest wins; matches do not overlap.
pub fn find_names(text: &str, names: &[&str]) -> Vec<(Range<usize>, usize)> {
    let patterns: Vec<(usize, Vec<String>)> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            (
                i,
                name.split_whitespace().map(lowercase).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, words)| !words.is_empty())
        .collect();
    let mut found = Vec::new();
    if patterns.is_empty() {
        return found;
    }
    let mut position = 0;
    let mut previous: Option<char> = None;
    while position < text.len() {
        let at_word_start = previous.is_none_or(|c| !c.is_alphanumeric());
        let best = at_word_start
            .then(|| {
                patterns
                    .iter()
                    .filter_map(|(i, words)| match_at(text, position, words).map(|end| (end, *i)))
                    .max_by_key(|(end, _)| *end)
            })
            .flatten();
        match best {
            Some((end, index)) => {
                found.push((position..end, index));
                previous = text[..end].chars().next_back();
                position = end;
            }
            None => {
                let c = text[position..].chars().next().expect("inside the text");
                previous = Some(c);
                position += c.len_utf8();
            }
        }
    }
    found
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

fn lowercase(word: &str) -> String {
    word.chars().flat_map(char::to_lowercase).collect()
}

/// The end of `words` matched at `start`, if they match there as whole words.
fn match_at(text: &str, start: usize, words: &[String]) -> Option<usize> {
    let mut position = start;
    for (n, word) in words.iter().enumerate() {
        if n > 0 {
            // At least one white-space character between the words of a name.
            let rest = &text[position..];
            let gap: usize = rest
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(char::len_utf8)
                .sum();
            if gap == 0 {
                return None;
            }
            position += gap;
        }
        position = match_word(text, position, word)?;
    }
    // The name must not run on into a longer word.
    match text[position..].chars().next() {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(position),
    }
}

/// Matches one lower-cased word at `start`, case-insensitively.
fn match_word(text: &str, start: usize, word: &str) -> Option<usize> {
    let mut expected = word.chars();
    let mut position = start;
    let mut pending: Vec<char> = Vec::new();
    loop {
        if pending.is_empty() {
            if expected.as_str().is_empty() {
                return Some(position);
            }
            let c = text[position..].chars().next()?;
            position += c.len_utf8();
            pending.extend(c.to_lowercase());
            pending.reverse();
        }
        let got = pending.pop()?;
        if expected.next() != Some(got) {
            return None;
        }
        if expected.as_str().is_empty() && !pending.is_empty() {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
