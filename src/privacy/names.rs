//! Registered real names in free text: whole words, any case, diacritics ignored, any
//! run of white space between the words of a name. Used to pseudonymise and to scan.

use std::ops::Range;

/// Where each of `names` occurs in `text`: byte range and the index of the name. The
/// scanner's matcher, so what the check finds is exactly what pseudonymisation replaces.
pub fn find_names(text: &str, names: &[&str]) -> Vec<(Range<usize>, usize)> {
    super::scan::name_matches(text, names)
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
}
