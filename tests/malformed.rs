//! Bad files: every file under tests/malformed is refused with its own clear message in
//! both languages, by the loader, by `swan-casus check` and in the window, and is never
//! changed. Files too large to check in are made here.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::start;
use egui_kittest::kittest::Queryable;
use swan_casus::i18n::Language;
use swan_casus::messages;
use swan_casus::method::Method;
use swan_casus::storage::{self, LoadError};

/// Every malformed case file, what kind of refusal it gets, and on which line when the
/// problem has a place. The kind is the error's name, with the syntax problem's name.
const CASES: &[(&str, &str, Option<usize>)] = &[
    ("bad-escape.swan.ron", "Syntax/BadEscape", Some(18)),
    ("control-character.swan.ron", "Syntax/Expected", Some(4)),
    ("cut-off-after-version.swan.ron", "Syntax/CutOff", Some(2)),
    ("cut-off-halfway.swan.ron", "Syntax/CutOff", Some(21)),
    ("cut-off-inside-text.swan.ron", "Syntax/CutOff", Some(18)),
    ("date-impossible.swan.ron", "Syntax/NoSuchDate", Some(7)),
    ("date-nonsense.swan.ron", "Syntax/NotADate", Some(7)),
    ("date-without-some.swan.ron", "Syntax/Expected", Some(7)),
    ("duplicate-id.swan.ron", "BadId", None),
    ("empty.swan.ron", "Empty", None),
    ("field-twice.swan.ron", "Syntax/DuplicateField", Some(6)),
    (
        "format-version-as-text.swan.ron",
        "Syntax/Expected",
        Some(2),
    ),
    (
        "format-version-negative.swan.ron",
        "Syntax/NumberOutOfRange",
        Some(2),
    ),
    ("format-version-zero.swan.ron", "UnknownVersion", None),
    ("id-negative.swan.ron", "Syntax/NumberOutOfRange", Some(25)),
    ("id-overflows.swan.ron", "Syntax/NumberOutOfRange", Some(25)),
    ("id-too-large.swan.ron", "BadId", None),
    ("json-instead-of-ron.swan.ron", "NotACaseFile", None),
    ("latin1-instead-of-utf8.swan.ron", "NotText", None),
    ("markdown.swan.ron", "NotACaseFile", None),
    ("missing-comma.swan.ron", "Syntax/Expected", Some(5)),
    ("misspelled-field.swan.ron", "Syntax/UnknownField", Some(6)),
    ("nested-brackets.swan.ron", "Syntax/Expected", Some(1)),
    ("newer-format-version.swan.ron", "NewerVersion", None),
    ("no-format-version.swan.ron", "NotACaseFile", None),
    (
        "note-without-phase.swan.ron",
        "Syntax/MissingField",
        Some(28),
    ),
    ("nul-bytes.swan.ron", "NotACaseFile", None),
    ("only-format-version.swan.ron", "Syntax/Expected", Some(1)),
    ("only-whitespace.swan.ron", "Empty", None),
    (
        "participants-not-a-list.swan.ron",
        "Syntax/Expected",
        Some(8),
    ),
    ("plain-dutch-text.swan.ron", "NotACaseFile", None),
    ("quote-left-open.swan.ron", "Syntax/QuoteOpen", Some(4)),
    ("random-bytes.swan.ron", "NotText", None),
    ("tags-not-a-list.swan.ron", "Syntax/Expected", Some(20)),
    (
        "text-after-the-end.swan.ron",
        "Syntax/TrailingText",
        Some(50),
    ),
    ("title-is-a-number.swan.ron", "Syntax/Expected", Some(4)),
    (
        "two-cases-in-one-file.swan.ron",
        "Syntax/TrailingText",
        Some(50),
    ),
    ("unclosed-bracket.swan.ron", "Syntax/CutOff", Some(49)),
    ("unclosed-comment.swan.ron", "Syntax/CutOff", Some(51)),
    (
        "unknown-decision.swan.ron",
        "Syntax/UnknownChoice",
        Some(36),
    ),
    ("unknown-level.swan.ron", "Syntax/UnknownChoice", Some(27)),
    ("unknown-phase.swan.ron", "Syntax/UnknownChoice", Some(26)),
    ("unknown-stage.swan.ron", "Syntax/UnknownChoice", Some(47)),
    ("utf16.swan.ron", "NotText", None),
    ("word-document.swan.ron", "NotText", None),
];

fn malformed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/malformed/case")
        .join(name)
}

/// `NotText { offset: 3 }` → "NotText"; a syntax error also names its problem.
fn kind(error: &LoadError) -> String {
    let name = |debug: String| {
        debug
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap()
            .to_owned()
    };
    match error {
        LoadError::Syntax(e) => format!("Syntax/{}", name(format!("{:?}", e.problem))),
        other => name(format!("{other:?}")),
    }
}

/// A message fit for a user: filled in, no raw keys or placeholders left.
fn assert_readable(message: &str, path: &Path) {
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(!message.contains('{'), "placeholder left: {message}");
    assert!(!message.contains("error."), "raw key: {message}");
}

#[test]
fn every_file_in_the_folder_is_in_the_table() {
    let mut on_disk: Vec<String> = std::fs::read_dir(malformed(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let in_table: Vec<String> = CASES.iter().map(|(f, ..)| f.to_string()).collect();
    assert_eq!(on_disk, in_table);
    assert!(CASES.len() >= 30);
}

#[test]
fn every_malformed_file_is_refused_with_a_translated_message_and_left_alone() {
    for &(file, expected_kind, expected_line) in CASES {
        let path = malformed(file);
        let before = std::fs::read(&path).unwrap();
        let error = storage::load_case(&path).expect_err(file);
        assert_eq!(kind(&error), expected_kind, "{file}: {error:?}");
        assert_eq!(
            error.position().map(|(line, _)| line),
            expected_line,
            "{file}"
        );
        let nl = messages::load_error_with_path(Language::Nl, &path, &error);
        let en = messages::load_error_with_path(Language::En, &path, &error);
        assert_ne!(nl, en, "{file}: the same text in both languages");
        assert_readable(&nl, &path);
        assert_readable(&en, &path);
        if let Some((line, column)) = error.position() {
            assert!(
                nl.contains(&format!("regel {line}, kolom {column}")),
                "{nl}"
            );
            assert!(
                en.contains(&format!("line {line}, column {column}")),
                "{en}"
            );
        }
        assert_eq!(std::fs::read(&path).unwrap(), before, "{file} changed");
        assert!(
            !storage::backup_path(&path).exists(),
            "{file}: a .bak appeared"
        );
    }
}

#[test]
fn check_reports_every_malformed_file_on_its_own_line() {
    let out = Command::new(env!("CARGO_BIN_EXE_swan-casus"))
        .args(["check", "--lang", "nl"])
        .args(CASES.iter().map(|(f, ..)| malformed(f)))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for &(file, _, line) in CASES {
        let prefix = match line {
            Some(line) => format!("{}:{line}:", malformed(file).display()),
            None => format!("{}: ", malformed(file).display()),
        };
        let reported = stderr.lines().filter(|l| l.starts_with(&prefix)).count();
        assert_eq!(reported, 1, "{file} not reported once:\n{stderr}");
    }
}

#[test]
fn the_window_shows_the_message_and_keeps_the_open_case() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Voorbeeld openen: Scootmobielaanvraag met een ander verhaal");
    let open_case = app.app().document().unwrap().case.clone();
    for &(file, ..) in CASES {
        let path = malformed(file);
        let before = std::fs::read(&path).unwrap();
        app.dialogs.push(&path);
        app.press(egui::Modifiers::COMMAND, egui::Key::O);
        let error = app.app().error().expect(file).to_owned();
        assert!(error.contains(file), "{error}");
        assert!(
            app.harness.query_by_label("Dat lukte niet").is_some(),
            "{file}"
        );
        app.click("OK");
        assert!(app.app().error().is_none());
        let doc = app.app().document().expect("the open case stays open");
        assert_eq!(doc.case, open_case, "{file}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{file} changed");
    }
}

#[test]
fn a_file_of_70_megabytes_is_refused_before_it_is_read() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("groot.swan.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(70 * 1024 * 1024).unwrap();
    drop(file);
    let error = storage::load_case(&path).unwrap_err();
    assert!(matches!(error, LoadError::TooLarge { .. }), "{error:?}");
    let nl = messages::load_error_with_path(Language::Nl, &path, &error);
    assert!(nl.contains("73.4 MB"), "{nl}");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 70 * 1024 * 1024);
}

#[test]
fn an_impossible_date_and_an_open_quote_are_named_as_such() {
    let error = storage::load_case(&malformed("date-impossible.swan.ron")).unwrap_err();
    let nl = messages::load_error(Language::Nl, &error);
    assert!(nl.contains("31 februari 2026 bestaat niet"), "{nl}");
    let error = storage::load_case(&malformed("quote-left-open.swan.ron")).unwrap_err();
    assert_eq!(error.position(), Some((4, 16)), "{error:?}");
    let en = messages::load_error(Language::En, &error);
    assert!(en.contains("is not closed"), "{en}");
}

#[test]
fn a_text_longer_than_the_limit_is_refused_on_load() {
    let long = "x".repeat(swan_casus::model::MAX_TEXT_CHARS + 1);
    let text = format!("(format_version: 3, case: (title: \"{long}\"))");
    let error = storage::case_from_str(&text).unwrap_err();
    assert!(matches!(error, LoadError::TextTooLong { .. }), "{error:?}");
    let nl = messages::load_error(Language::Nl, &error);
    assert!(nl.contains("100000"), "{nl}");
}

#[test]
fn a_folder_or_a_missing_file_cannot_be_read() {
    let temp = tempfile::tempdir().unwrap();
    let error = storage::load_case(temp.path()).unwrap_err();
    assert_eq!(error, LoadError::NotAFile);
    for path in [temp.path().to_path_buf(), temp.path().join("weg.swan.ron")] {
        let error = storage::load_case(&path).unwrap_err();
        assert!(
            matches!(error, LoadError::Read(_) | LoadError::NotAFile),
            "{error:?}"
        );
        assert_readable(
            &messages::load_error_with_path(Language::En, &path, &error),
            &path,
        );
    }
}

/// Files that look odd but hold a case are opened, not refused.
#[test]
fn tolerated_variations_still_load() {
    let v1 = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats/v1.swan.ron"),
    )
    .unwrap();
    let reference = storage::case_from_str(&v1).unwrap();
    let with_bom = format!("\u{feff}{v1}");
    let windows_line_ends = v1.replace('\n', "\r\n");
    for text in [&with_bom, &windows_line_ends] {
        assert_eq!(storage::case_from_str(text).unwrap(), reference);
    }
    let sparse = "(format_version: 1, case: (title: \"Alleen een titel\"))";
    let case = storage::case_from_str(sparse).unwrap();
    assert_eq!(case.title, "Alleen een titel");
    assert!(case.notes.is_empty() && case.meeting_date.is_none());
    let unknown_contributor = v1.replace("contributor: Some(2)", "contributor: Some(77)");
    let case = storage::case_from_str(&unknown_contributor).unwrap();
    assert_eq!(
        case.notes[0].entry.contributor,
        Some(swan_casus::model::ItemId(77))
    );
}

#[test]
fn bad_or_missing_method_files_are_refused_with_a_message() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed/method");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.push(folder.join("bestaat-niet.ron"));
    for path in paths {
        let error = Method::load(&path).expect_err(&path.display().to_string());
        let nl = messages::method_error(Language::Nl, &path, &error);
        let en = messages::method_error(Language::En, &path, &error);
        assert_ne!(nl, en);
        assert_readable(&nl, &path);
        assert_readable(&en, &path);
    }
}

#[test]
fn a_bad_method_file_on_the_command_line_keeps_the_builtin_method() {
    let temp = tempfile::tempdir().unwrap();
    let dirs = swan_casus::settings::AppDirs::inside(temp.path());
    let mut options = swan_casus::ui::StartOptions::new(dirs);
    options.method =
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed/method/cut-off.ron"));
    let app = swan_casus::ui::SwanApp::new(options);
    assert_eq!(app.method(), &Method::builtin());
    let error = app.error().expect("the problem is shown");
    assert!(error.contains("cut-off.ron"), "{error}");
}
