//! Every interface text exists in both languages, and every key the code asks for exists.

use std::collections::BTreeSet;
use std::path::Path;

use swan_casus::i18n::{DUTCH_SOURCE, ENGLISH_SOURCE, keys};

#[test]
fn dutch_and_english_have_the_same_keys() {
    let nl: BTreeSet<_> = keys(DUTCH_SOURCE)
        .expect("nl.ron parses")
        .into_iter()
        .collect();
    let en: BTreeSet<_> = keys(ENGLISH_SOURCE)
        .expect("en.ron parses")
        .into_iter()
        .collect();
    let only_nl: Vec<_> = nl.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&nl).collect();
    assert!(only_nl.is_empty(), "only in nl.ron: {only_nl:?}");
    assert!(only_en.is_empty(), "only in en.ron: {only_en:?}");
}

/// String literals in the source that look like text keys ("menu.file"). Tests (from
/// `#[cfg(test)]` on, or a file that is `#![cfg(test)]`) and byte strings (b"geb.datum")
/// are left out: their data (e-mail domains, cue words) only looks like keys.
fn keys_used_in(dir: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            keys_used_in(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            if source.contains("#![cfg(test)]") {
                continue;
            }
            let code = source.split("#[cfg(test)]").next().unwrap_or("");
            let pieces: Vec<&str> = code.split('"').collect();
            for (i, literal) in pieces.iter().copied().enumerate().skip(1).step_by(2) {
                let is_key = !pieces[i - 1].ends_with('b')
                    && literal.contains('.')
                    && literal.split('.').all(|part| {
                        !part.is_empty()
                            && part
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
                    })
                    && literal
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_lowercase())
                    // File names are not keys.
                    && ![".ron", ".bak", ".pdf", ".png", ".docx", ".html", ".md", ".csv", ".xml", ".typ", ".ttf", ".txt"]
                        .iter()
                        .any(|ext| literal.ends_with(ext));
                if is_key {
                    found.insert(literal.to_owned());
                }
            }
        }
    }
}

#[test]
fn every_key_used_in_the_code_exists() {
    let mut used = BTreeSet::new();
    keys_used_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    assert!(used.len() > 50, "the key scan found too little: {used:?}");
    let nl: BTreeSet<_> = keys(DUTCH_SOURCE).unwrap().into_iter().collect();
    // A text with a number has a form per plural: `key.one` and `key.other`.
    let missing: Vec<_> = used
        .difference(&nl)
        .filter(|key| !(nl.contains(&format!("{key}.one")) && nl.contains(&format!("{key}.other"))))
        .collect();
    assert!(
        missing.is_empty(),
        "keys used in src/ but missing in nl.ron: {missing:?}"
    );
}
