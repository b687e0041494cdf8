//! Sessions compared: golden files of the HTML and the CSV in Dutch and English, the
//! command line, and the comparison screen driven through its labels.
//!
//! The three sessions in tests/fixtures/compare are written by hand: group B has
//! nothing on level 2, the groups cover different conditions, only group A timed the
//! meeting. Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test --test compare`
//! and read them before committing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use common::{assert_golden, start};
use egui_kittest::kittest::{NodeT, Queryable};
use swan_casus::compare::{self, Comparison};
use swan_casus::export::{self, Names};
use swan_casus::i18n::Language;
use swan_casus::method::Method;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare")
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

fn compared(language: Language) -> Comparison {
    let loaded = compare::load_sessions(&[fixtures()]);
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    compare::compare(
        &loaded.sessions,
        &loaded.skipped,
        &Method::builtin(),
        language,
        Names::Pseudonymised,
    )
    .unwrap()
}

#[test]
fn a_copied_session_is_pointed_out() {
    let temp = tempfile::tempdir().unwrap();
    let a = temp.path().join("groep-a.swan.ron");
    let copy = temp.path().join("groep-a-kopie.swan.ron");
    std::fs::copy(fixture("groep-a.swan.ron"), &a).unwrap();
    std::fs::copy(fixture("groep-a.swan.ron"), &copy).unwrap();
    std::fs::copy(
        fixture("groep-b.swan.ron"),
        temp.path().join("groep-b.swan.ron"),
    )
    .unwrap();
    let loaded = compare::load_sessions(&[temp.path().to_path_buf()]);
    let comparison = compare::compare(
        &loaded.sessions,
        &loaded.skipped,
        &Method::builtin(),
        Language::Nl,
        Names::Pseudonymised,
    )
    .unwrap();
    // Sorted by name, the copy comes first: group 1, and group 2 is the same.
    assert_eq!(
        comparison.warnings,
        [
            "Groep 2 is precies gelijk aan Groep 1: twee keer hetzelfde bestand, of een kopie? Kijk of dit de goede bestanden zijn."
        ]
    );
    // The hand-written sessions are all different.
    assert!(compared(Language::Nl).warnings.is_empty());
}

#[test]
fn html_and_csv_match_the_golden_files() {
    let made_on = NaiveDate::from_ymd_opt(2027, 2, 4).unwrap();
    for language in Language::ALL {
        let comparison = compared(language);
        let code = language.code();
        let style = export::ReportStyle::builtin();
        let html = export::compare::html(&comparison, &style, made_on);
        assert_golden(&format!("compare.{code}.html"), html.as_bytes());
        assert_golden(
            &format!("compare.{code}.csv"),
            &export::compare::csv(&comparison),
        );
        // Self-contained, and every difference said in words, not by colour alone.
        assert!(
            !html.contains("<script") && !html.contains("http"),
            "{code}"
        );
        for difference in comparison.differences.iter().flat_map(|(_, said)| said) {
            let escaped = difference.replace('&', "&amp;").replace('\'', "&#39;");
            assert!(html.contains(&escaped), "{difference}");
        }
        assert!(
            !html.contains("Visser"),
            "a registered name in the {code} export"
        );
    }
}

fn swan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_swan-casus"))
}

#[test]
fn the_command_line_compares_skips_a_broken_file_and_writes_the_output() {
    let temp = tempfile::tempdir().unwrap();
    let broken = temp.path().join("kapot.swan.ron");
    std::fs::write(&broken, "(format_version: 5, case: (title: 42))").unwrap();
    let out = swan()
        .args(["compare", "--format", "csv", "--lang", "en"])
        .arg(fixture("groep-a.swan.ron"))
        .arg(&broken)
        .arg(fixture("groep-b.swan.ron"))
        .arg(fixture("groep-c.swan.ron"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with(&broken.display().to_string()),
        "{stderr}"
    );
    // The CSV on standard output as it is: byte-order mark, CR LF, the skipped file named.
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with('\u{feff}'), "{csv}");
    assert!(csv.contains("\r\n"));
    assert!(csv.contains("Group 3 (groep-c.swan.ron)"), "{csv}");

    let target = temp.path().join("vergelijking.html");
    let out = swan()
        .args(["compare", "--format", "html", "--out"])
        .arg(&target)
        .arg(fixtures())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("3 sessies"), "{stdout}");
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.contains("<html lang=\"nl\">") && html.contains("Groep 3"));
}

#[test]
fn the_command_line_refuses_one_session_and_other_formats() {
    let out = swan()
        .args(["compare", "--format", "html", "--lang", "en"])
        .arg(fixture("groep-a.swan.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs at least two"), "{stderr}");

    let out = swan()
        .args(["compare", "--format", "pdf"])
        .arg(fixtures())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("alleen html of csv"));

    // Never over one of the sessions.
    let temp = tempfile::tempdir().unwrap();
    let a = temp.path().join("a.swan.ron");
    let b = temp.path().join("b.swan.ron");
    std::fs::copy(fixture("groep-a.swan.ron"), &a).unwrap();
    std::fs::copy(fixture("groep-b.swan.ron"), &b).unwrap();
    let before = std::fs::read(&a).unwrap();
    let out = swan()
        .args(["compare", "--format", "html", "--out"])
        .arg(&a)
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&a).unwrap(), before);
}

/// Whether some text on screen is `label` (a group's name heads every section).
fn shows(app: &common::TestApp, label: &str) -> bool {
    app.harness.query_all_by_label(label).next().is_some()
}

/// Runs frames until `label` shows: the sessions load on a thread, and the spinner keeps
/// repainting meanwhile, so frame by frame.
fn wait_for(app: &mut common::TestApp, label: &str) {
    for _ in 0..200 {
        app.harness.step();
        if shows(app, label) {
            app.harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{label} never showed");
}

fn open_comparison(app: &mut common::TestApp, choice: &str) {
    app.click("Bestand");
    app.click("Sessies vergelijken…");
    app.harness
        .get_by_role_and_label(egui::accesskit::Role::Button, choice)
        .click();
    app.harness.step();
}

#[test]
fn the_window_compares_a_folder_then_exports_and_closes() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.dialogs.push(fixtures());
    open_comparison(&mut app, "Map kiezen…");
    wait_for(&mut app, "Groep 3");
    let h = &app.harness;
    assert!(shows(&app, "groep-b.swan.ron"));
    // Group 2 has nothing on level 2 in phase 1: marked, and said in words.
    let contains = |text: &str| h.query_all_by_label_contains(text).next().is_some();
    assert!(contains("niet bij Groep 2"));
    assert!(shows(&app, "♦ geen interventie gekozen"));
    assert!(contains("Sociale cohesie"));
    assert!(!contains("Visser"), "a registered name on screen");

    let target = temp.path().join("vergelijking.csv");
    app.dialogs.push(&target);
    app.click_button("Opslaan als CSV…");
    let csv = std::fs::read_to_string(&target).unwrap();
    assert!(csv.contains("Groep 2 (groep-b.swan.ron)"), "{csv}");

    app.click_button("Sluiten");
    assert!(!shows(&app, "Groep 3"));
}

#[test]
fn without_a_file_dialog_the_sessions_are_typed_and_esc_returns() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1024.0, 768.0));
    app.dialogs.push_unavailable();
    open_comparison(&mut app, "Bestanden kiezen…");
    let typed: Vec<String> = ["groep-a.swan.ron", "groep-c.swan.ron"]
        .iter()
        .map(|n| fixture(n).display().to_string())
        .collect();
    app.harness.run();
    let field = "Pad naar de map of de bestanden";
    app.harness.get_by_label(field).click();
    app.harness.run();
    app.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.harness
        .get_by_label(field)
        .type_text(&typed.join(" ; "));
    app.harness.run();
    app.harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "OK")
        .click();
    wait_for(&mut app, "Groep 2");
    assert!(!shows(&app, "Groep 3"));
    app.press(egui::Modifiers::NONE, egui::Key::Escape);
    assert!(!shows(&app, "Groep 2"));

    // One file is not a comparison: said, not shown.
    app.dialogs.push(fixture("groep-a.swan.ron"));
    open_comparison(&mut app, "Bestanden kiezen…");
    for _ in 0..200 {
        app.harness.step();
        if app.app().error().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let error = app.app().error().unwrap_or_default().to_owned();
    assert!(error.contains("minstens twee"), "{error}");
}

#[test]
fn more_groups_than_fit_are_paged_and_the_labels_stay() {
    // Seven groups on a 4:3 projector: three at a time beside the row labels, in whole
    // pages, so no group shows on two pages.
    let temp = tempfile::tempdir().unwrap();
    let folder = temp.path().join("klas");
    std::fs::create_dir(&folder).unwrap();
    for (i, name) in ["a", "b", "c", "d", "e", "f", "g"].iter().enumerate() {
        let source = ["groep-a", "groep-b", "groep-c"][i % 3];
        let target = folder.join(format!("groep-{name}.swan.ron"));
        std::fs::copy(fixture(&format!("{source}.swan.ron")), target).unwrap();
    }
    let mut app = start(temp.path(), None, (1024.0, 768.0));
    app.dialogs.push(&folder);
    open_comparison(&mut app, "Map kiezen…");
    wait_for(&mut app, "Groep 1");
    assert!(shows(&app, "Groepen 1–3 van 7"));
    assert!(shows(&app, "Groep 3") && !shows(&app, "Groep 4"));
    let previous = "◀ Vorige groepen";
    let next = "Volgende groepen ▶";
    let enabled = |app: &common::TestApp, label: &str| {
        !app.harness
            .get_by_role_and_label(egui::accesskit::Role::Button, label)
            .accesskit_node()
            .is_disabled()
    };
    assert!(!enabled(&app, previous) && enabled(&app, next));

    app.click_button(next);
    assert!(shows(&app, "Groepen 4–6 van 7"));
    assert!(shows(&app, "Groep 6") && !shows(&app, "Groep 3") && !shows(&app, "Groep 7"));
    // The row labels are still there beside the later groups.
    assert!(shows(&app, "Deelnemers") && shows(&app, "Titel van de casus"));
    app.click_button(next);
    assert!(shows(&app, "Groep 7 van 7"));
    assert!(shows(&app, "Groep 7") && !shows(&app, "Groep 6"));
    assert!(enabled(&app, previous) && !enabled(&app, next));
    app.click_button(previous);
    app.click_button(previous);
    assert!(shows(&app, "Groep 1") && !shows(&app, "Groep 4"));
}

#[test]
fn the_case_behind_the_comparison_is_not_changed_by_its_shortcuts() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    app.type_into("Titel", "Eigen casus");
    app.dialogs.push(fixtures());
    open_comparison(&mut app, "Map kiezen…");
    wait_for(&mut app, "Groep 3");
    // Undo and the next step would act on a case no one sees.
    app.press(egui::Modifiers::COMMAND, egui::Key::Z);
    app.press(egui::Modifiers::COMMAND, egui::Key::PageDown);
    let case = &app.app().document().unwrap().case;
    assert_eq!(case.title, "Eigen casus");
    assert_eq!(case.stage, swan_casus::model::Stage::Opening);
    // Back on the case they work again.
    app.press(egui::Modifiers::NONE, egui::Key::Escape);
    app.press(egui::Modifiers::COMMAND, egui::Key::PageDown);
    let case = &app.app().document().unwrap().case;
    assert_ne!(case.stage, swan_casus::model::Stage::Opening);
}
