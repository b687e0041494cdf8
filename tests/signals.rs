//! Signals across cases (issue 12, part 5) and the signals report of one case (issue 11,
//! part 4): golden files from a folder of hand-written cases, the command line on a
//! folder with copies, a broken file, a file from a newer version and an empty folder,
//! and the view in the window.
//!
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test --test signals`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use common::assert_golden;
use egui_kittest::kittest::Queryable;
use swan_casus::export::{self, Contents, Format, Names, ReportKind, ReportStyle};
use swan_casus::i18n::Language;
use swan_casus::method::Method;
use swan_casus::model::{Entry, Level, Phase, Signal};
use swan_casus::signals::{self, load};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/signals")
}

fn made_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn swan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_swan-casus"))
}

fn report(language: Language, format: Format) -> Vec<u8> {
    let method = Method::builtin();
    let loaded = load::load(&[folder()]);
    let gathered = signals::gather(&loaded.cases, &method, language, Names::Pseudonymised);
    let skipped = load::skipped_lines(&loaded.skipped, language);
    let style = export::ReportStyle::builtin();
    export::render_signals(
        &gathered,
        &skipped,
        (&method, &style),
        language,
        format,
        made_on(),
    )
    .unwrap()
}

#[test]
fn the_signals_report_matches_the_golden_files() {
    for (language, format, name) in [
        (Language::Nl, Format::Markdown, "signals.nl.md"),
        (Language::En, Format::Markdown, "signals.en.md"),
        (Language::Nl, Format::Csv, "signals.nl.csv"),
        (Language::En, Format::Csv, "signals.en.csv"),
    ] {
        assert_golden(name, &report(language, format));
    }
}

#[test]
fn the_folder_is_grouped_by_receiver_and_theme() {
    let loaded = load::load(&[folder()]);
    // Four case files directly in the folder (one a copy), not the one in "archief";
    // the broken one and the newer one skipped with their reasons.
    assert_eq!(loaded.cases.len(), 4);
    let skipped: Vec<String> = loaded
        .skipped
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(skipped, ["kapot.swan.ron", "nieuwer.swan.ron"]);
    let gathered = signals::gather(
        &loaded.cases,
        &Method::builtin(),
        Language::Nl,
        Names::Pseudonymised,
    );
    assert_eq!(gathered.cases.len(), 3);
    assert_eq!(gathered.copies.len(), 1);
    let receivers: Vec<(&str, usize)> = gathered
        .receivers
        .iter()
        .map(|r| (r.receiver.as_str(), r.cases().len()))
        .collect();
    assert_eq!(
        receivers,
        [
            ("Teamleider wijkteam", 3),
            ("Gemeente, beleidsmedewerker schulden", 2),
            ("Wethouder sociaal domein", 1),
            ("", 1),
        ]
    );
    // The form problem of two cases is one theme by its wording; respite care another.
    let team_leader = &gathered.receivers[0];
    assert_eq!(team_leader.themes.len(), 2);
    assert_eq!(team_leader.themes[0].cases().len(), 2);
    // The registered person's name is nowhere, pseudonymised by default.
    let text = String::from_utf8(report(Language::Nl, Format::Markdown)).unwrap();
    assert!(!text.contains("Fatima"), "{text}");
    assert!(text.contains("jonge moeder"), "{text}");
}

#[test]
fn the_team_report_shows_the_level_of_each_signal() {
    let mut case = swan_casus::model::Case::default();
    for (level, text) in [(Level::Individual, "een"), (Level::Community, "twee")] {
        let mut entry = Entry::new(text);
        entry.signal = Some(Signal {
            to: "teamleider".into(),
            change: "iets".into(),
        });
        case.add_note(Phase::Understand, level, entry);
    }
    let bytes = export::export(
        &case,
        &Method::builtin(),
        &ReportStyle::builtin(),
        Language::Nl,
        Format::Markdown,
        Names::Real,
        made_on(),
    )
    .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("| een | 1 | teamleider | iets |"), "{text}");
    assert!(text.contains("| twee | 2 | teamleider | iets |"), "{text}");
}

#[test]
fn the_signals_report_of_one_case_and_the_file_column_of_the_csv() {
    let path = folder().join("wijkteam-oost-2026-09.swan.ron");
    let case = swan_casus::storage::load_case(&path).unwrap();
    let source = Contents {
        kind: ReportKind::Signals,
        file_name: Some("wijkteam-oost-2026-09.swan.ron".into()),
        ..Contents::default()
    };
    let method = Method::builtin();
    let style = ReportStyle::builtin();
    let csv = export::export_contents(
        &case,
        &method,
        &style,
        Language::En,
        Format::Csv,
        made_on(),
        &source,
    )
    .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(csv.starts_with("\u{feff}Receiver;Theme;Level;"), "{csv}");
    assert!(csv.contains(";wijkteam-oost-2026-09.swan.ron\r\n"), "{csv}");
    let team = Contents {
        kind: ReportKind::Team,
        ..source
    };
    let plan = export::export_contents(
        &case,
        &method,
        &style,
        Language::Nl,
        Format::Csv,
        made_on(),
        &team,
    )
    .unwrap();
    let plan = String::from_utf8(plan).unwrap();
    let mut lines = plan.lines();
    assert!(lines.next().unwrap().ends_with(";Bestand"), "{plan}");
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(";wijkteam-oost-2026-09.swan.ron"),
        "{plan}"
    );
}

#[test]
fn export_report_signals_on_the_command_line() {
    let temp = tempfile::tempdir().unwrap();
    let input = temp.path().join("casus.swan.ron");
    std::fs::copy(folder().join("wijkteam-oost-2026-10.swan.ron"), &input).unwrap();
    let out = swan()
        .args(["export", "--report", "signals", "--format", "md"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(temp.path().join("casus.md")).unwrap();
    assert!(
        text.contains("## Aan: gemeente, beleidsmedewerker SCHULDEN"),
        "{text}"
    );
    assert!(!text.contains("Fatima"), "{text}");
    let out = swan()
        .args(["export", "--report", "brief", "--format", "md"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("team, letter of signals"));
}

#[test]
fn signals_command_skips_what_does_not_load_and_counts_copies_once() {
    let temp = tempfile::tempdir().unwrap();
    let target = temp.path().join("overzicht.csv");
    let out = swan()
        .args(["signals", "--format", "csv", "--lang", "en", "--out"])
        .arg(&target)
        .arg(folder())
        // The same file named again, spelt differently: read once.
        .arg(folder().join(".").join("wijkteam-west-2026-11.swan.ron"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].contains("kapot.swan.ron:") && lines[0].contains(": skipped: "),
        "{stderr}"
    );
    assert!(
        lines[1].contains("nieuwer.swan.ron: skipped: ") && lines[1].contains("newer version"),
        "{stderr}"
    );
    assert!(
        lines[2].contains("wijkteam-oost-2026-09_kopie.swan.ron: the same case as"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Signals from 3 cases"), "{stdout}");
    let csv = std::fs::read_to_string(&target).unwrap();
    // Header and seven signals; the copy's and the archive's are not there.
    assert_eq!(csv.lines().count(), 8, "{csv}");
    assert!(!csv.contains("_kopie"), "{csv}");
    assert!(!csv.contains("archief"), "{csv}");
}

#[test]
fn signals_command_on_an_empty_folder_says_so_and_fails() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(temp.path().join("notities.txt"), "geen casus").unwrap();
    let out = swan()
        .args(["signals", "--format", "md"])
        .arg(temp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Geen casusbestanden (*.swan.ron) gevonden"),
        "{stderr}"
    );
    assert!(!temp.path().join("signalen.md").exists());
    // Only broken files: nothing to gather either.
    std::fs::write(
        temp.path().join("kapot.swan.ron"),
        "(format_version: 5, case: (",
    )
    .unwrap();
    let out = swan()
        .args(["signals", "--format", "md"])
        .arg(temp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("kon niet worden gelezen"), "{stderr}");
    // Without --out the report goes into the folder, named in the language.
    std::fs::copy(
        folder().join("wijkteam-west-2026-11.swan.ron"),
        temp.path().join("west.swan.ron"),
    )
    .unwrap();
    let out = swan()
        .args(["signals", "--format", "html"])
        .arg(temp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(temp.path().join("signalen.html").exists());
    let out = swan().args(["signals", "--format", "md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Steps the window (a spinner keeps it repainting) until reading or exporting is done.
fn wait_while_busy(app: &mut common::TestApp) {
    app.harness.step();
    for _ in 0..500 {
        if !app.app().signals_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.harness.step();
    }
    app.harness.run();
}

#[test]
fn the_window_shows_the_signals_of_a_folder_and_opens_a_case() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = common::start(temp.path(), None, (1280.0, 800.0));
    app.dialogs.push(folder());
    app.click("Bestand");
    // Reading shows a spinner, so step rather than run until it is done.
    app.harness
        .get_by_label("Signalen uit meerdere casussen…")
        .click();
    wait_while_busy(&mut app);
    app.harness.get_by_label("Aan: Teamleider wijkteam");
    app.harness
        .get_by_label("Woorden: formulierenbrigade, formulieren, onleesbaar");
    app.harness.get_by_label_contains("kapot.swan.ron");
    // Said at the top too: the counts leave those files out.
    app.harness
        .get_by_label_contains("2 bestanden konden niet worden gelezen en tellen niet mee");
    app.harness
        .get_by_label_contains("wijkteam-oost-2026-09_kopie.swan.ron");
    assert!(app.harness.query_by_label_contains("Fatima").is_none());
    // Export the overview as Markdown.
    let target = temp.path().join("overzicht.md");
    app.dialogs.push(&target);
    app.harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Formaat van de export")
        .click();
    app.harness.run();
    app.click("Markdown (voor zaaksystemen en wiki's)");
    app.harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Exporteren…")
        .click();
    wait_while_busy(&mut app);
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains("# Signalen uit 3 casussen"), "{text}");
    // Open the case of the respite-care signal.
    // Both signals of that case have such a button.
    app.harness
        .get_all_by_role_and_label(
            egui::accesskit::Role::Button,
            "wijkteam-west-2026-11.swan.ron openen (Mantelzorger overbelast)",
        )
        .next()
        .unwrap()
        .click();
    app.harness.run();
    let doc = app.app().document().expect("the case is open");
    assert_eq!(doc.case.title, "Mantelzorger overbelast");
    assert!(
        app.harness
            .query_by_label("Aan: Teamleider wijkteam")
            .is_none()
    );
}
