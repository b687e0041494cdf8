//! Interface texts in Dutch and English, read from assets/i18n/*.ron.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The interface language. Dutch is the default: the users are Dutch professionals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Nl, Language::En];

    /// The code used on the command line and in file names.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        match code.to_ascii_lowercase().as_str() {
            "nl" => Some(Language::Nl),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Nl => "Nederlands",
            Language::En => "English",
        }
    }
}

pub const DUTCH_SOURCE: &str = include_str!("../assets/i18n/nl.ron");
pub const ENGLISH_SOURCE: &str = include_str!("../assets/i18n/en.ron");

type Table = HashMap<String, String>;

fn tables() -> &'static [Table; 2] {
    static TABLES: OnceLock<[Table; 2]> = OnceLock::new();
    TABLES.get_or_init(|| {
        // A broken translation file is a build defect caught by the tests; fall back to keys.
        let parse = |s: &str| ron::from_str::<Table>(s).unwrap_or_default();
        [parse(DUTCH_SOURCE), parse(ENGLISH_SOURCE)]
    })
}

/// Looks up the text for `key`; the key itself shows when a text is missing, so a gap is
/// visible instead of silent.
pub fn tr(language: Language, key: &str) -> &'static str {
    let table = &tables()[match language {
        Language::Nl => 0,
        Language::En => 1,
    }];
    match table.get(key) {
        Some(text) => text.as_str(),
        None => leak_key(key),
    }
}

fn leak_key(key: &str) -> &'static str {
    static MISSING: OnceLock<std::sync::Mutex<HashMap<String, &'static str>>> = OnceLock::new();
    let mut map = MISSING
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    map.entry(key.to_owned())
        .or_insert_with(|| Box::leak(key.to_owned().into_boxed_str()))
}

/// Fills `{name}` placeholders in a translated text.
pub fn tr_args(language: Language, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = tr(language, key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// A text with a number in it, in the right plural form: the key with `.one` when the
/// number is 1, with `.other` otherwise ("1 bestand", "2 bestanden"). `{count}` is
/// filled in, and so are `args`.
pub fn tr_count(language: Language, key: &str, count: usize, args: &[(&str, &str)]) -> String {
    let form = if count == 1 { "one" } else { "other" };
    let count_text = count.to_string();
    let mut all = vec![("count", count_text.as_str())];
    all.extend_from_slice(args);
    tr_args(language, &format!("{key}.{form}"), &all)
}

/// The keys of a translation file, for the completeness tests.
pub fn keys(source: &str) -> Result<Vec<String>, ron::error::SpannedError> {
    let table: Table = ron::from_str(source)?;
    let mut keys: Vec<String> = table.into_keys().collect();
    keys.sort();
    Ok(keys)
}
