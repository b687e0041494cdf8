//! Never lose work: recovery after a crash, and no silent overwrite of others' changes.

mod common;

use common::start;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn an_edit_survives_an_unclean_end_and_is_restored() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    app.type_into("Titel", "Keukentafelgesprek");
    app.type_into(
        "Vraag van de casusinbrenger aan de groep",
        "Wat speelt er echt?",
    );
    app.app().flush_autosave();
    // The app ends without a clean close: no Quit, no window close, just gone (and the
    // system lets go of its locks, as it does when a process dies).
    drop(app.harness);

    let mut second = start(temp.path(), None, (1280.0, 800.0));
    assert_eq!(second.app().recoveries().len(), 1);
    assert!(
        second
            .harness
            .query_by_label("Niet opgeslagen werk teruggevonden")
            .is_some()
    );
    second.click("Herstellen: Keukentafelgesprek");
    let doc = second.app().document().expect("restored");
    assert_eq!(doc.case.question, "Wat speelt er echt?");
    assert!(doc.dirty(), "a restored case is unsaved until saved");
    assert!(second.app().title().starts_with('*'));

    // Saving the restored case removes the recovery copy.
    let path = temp.path().join("keuken.swan.ron");
    second.dialogs.push(&path);
    second.press(Modifiers::COMMAND, Key::S);
    second.app().flush_autosave();
    assert!(path.exists());
    let third = start(temp.path(), None, (1280.0, 800.0));
    assert!(third.app().recoveries().is_empty());
}

#[test]
fn the_first_edit_after_opening_is_in_a_recovery_copy_within_about_a_second() {
    let temp = tempfile::tempdir().unwrap();
    let dirs = swan_casus::settings::AppDirs::inside(temp.path());
    let mut options = swan_casus::ui::StartOptions::new(dirs.clone());
    options.dialogs = Box::new(swan_casus::ui::PresetDialogs::default());
    // The real delays, not the test's zero.
    options.autosave_delay = swan_casus::storage::recovery::AUTOSAVE_DELAY;
    let app = swan_casus::ui::SwanApp::new(options);
    let harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut swan_casus::ui::SwanApp| app.ui(ui), app);
    let mut app = common::TestApp {
        harness,
        dialogs: swan_casus::ui::PresetDialogs::default(),
        dirs: dirs.clone(),
    };
    app.click("Nieuwe casus");
    app.type_into("Titel", "Net begonnen");
    let typed = std::time::Instant::now();
    let folder = swan_casus::storage::recovery::recovery_dir(&dirs.data);
    let copies = |app: &common::TestApp| {
        app.app().flush_autosave();
        swan_casus::storage::recovery::list_recoveries(&folder).len()
    };
    while copies(&app) == 0 && typed.elapsed() < std::time::Duration::from_millis(1500) {
        std::thread::sleep(std::time::Duration::from_millis(100));
        app.harness.run();
    }
    assert_eq!(
        copies(&app),
        1,
        "no copy {:?} after the first edit",
        typed.elapsed()
    );
}

#[test]
fn a_case_open_in_another_window_opens_to_view_only_and_its_copy_is_left_alone() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("gedeeld.swan.ron");
    std::fs::write(&path, "(format_version: 3, case: (title: \"Gedeeld\"))").unwrap();
    let mut first = start(temp.path(), Some(path.clone()), (1280.0, 800.0));
    first.type_into("Titel", " (bezig)");
    first.app().flush_autosave();

    let mut second = start(temp.path(), Some(path.clone()), (1280.0, 800.0));
    assert!(
        second.app().recoveries().is_empty(),
        "the first window's live copy is not offered (nor can it be thrown away)"
    );
    assert!(
        second
            .harness
            .query_by_label("Deze casus is al open")
            .is_some()
    );
    assert!(second.app().document().is_none());
    second.click("Annuleren");
    assert!(second.app().document().is_none());
    second.app_mut_open(&path);
    second.click("Alleen bekijken");
    let doc = second.app().document().expect("open to view");
    assert!(doc.read_only && doc.case.title == "Gedeeld");
    assert!(
        second.app().title().contains("alleen bekijken"),
        "{}",
        second.app().title()
    );
    // Saving the view asks for another name: it never writes over the first window's file.
    let copy = temp.path().join("kopie.swan.ron");
    second.dialogs.push(&copy);
    second.press(Modifiers::COMMAND, Key::S);
    assert!(copy.exists());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(format_version: 3, case: (title: \"Gedeeld\"))"
    );

    // The first window dies: now its copy is offered.
    drop(first.harness);
    let third = start(temp.path(), None, (1280.0, 800.0));
    assert_eq!(third.app().recoveries().len(), 1);
}

#[test]
fn discarding_a_recovery_copy_deletes_it() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1024.0, 768.0));
    app.click("Nieuwe casus");
    app.type_into("Titel", "Weg ermee");
    app.app().flush_autosave();
    drop(app.harness);

    let mut second = start(temp.path(), None, (1024.0, 768.0));
    second.click("Weggooien: Weg ermee");
    assert!(second.app().recoveries().is_empty());
    assert!(second.app().document().is_none());
    let third = start(temp.path(), None, (1024.0, 768.0));
    assert!(third.app().recoveries().is_empty());
}

#[test]
fn a_clean_close_leaves_no_recovery_copy() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    app.type_into("Titel", "Even proberen");
    app.app().flush_autosave();
    app.click("Bestand");
    app.click("Casus sluiten");
    app.click("Niet opslaan");
    assert!(app.app().document().is_none());
    app.app().flush_autosave();
    let second = start(temp.path(), None, (1280.0, 800.0));
    assert!(second.app().recoveries().is_empty());
}

#[test]
fn saving_over_a_file_changed_by_someone_else_asks_first() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("gedeeld.swan.ron");
    std::fs::write(&path, "(format_version: 1, case: (title: \"Gedeeld\"))").unwrap();
    let mut app = start(temp.path(), Some(path.clone()), (1280.0, 800.0));
    app.type_into("Titel", " (mijn versie)");
    // A colleague saves the same file in the meantime.
    let theirs = "(format_version: 1, case: (title: \"Versie van collega, langer\"))";
    std::fs::write(&path, theirs).unwrap();
    app.press(Modifiers::COMMAND, Key::S);
    assert!(
        app.harness
            .query_by_label("Het bestand is intussen gewijzigd")
            .is_some()
    );
    app.click("Annuleren");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(app.app().document().unwrap().dirty());

    // Save as a copy keeps both.
    let copy = temp.path().join("mijn-kopie.swan.ron");
    app.press(Modifiers::COMMAND, Key::S);
    app.dialogs.push(&copy);
    app.click("Opslaan als kopie…");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(
        std::fs::read_to_string(&copy)
            .unwrap()
            .contains("Gedeeld (mijn versie)")
    );
}

#[test]
fn a_failed_save_keeps_the_case_open_and_lets_the_user_save_elsewhere() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    app.type_into("Titel", "Onderweg");
    // The chosen folder does not exist (a USB stick that was pulled out, say).
    let gone = temp.path().join("usb-stick").join("onderweg.swan.ron");
    app.dialogs.push(&gone);
    app.press(Modifiers::COMMAND, Key::S);
    let error = app.app().error().expect("a message").to_owned();
    assert!(error.contains("bestaat niet"), "{error}");
    app.click("OK");
    let doc = app.app().document().unwrap();
    assert!(doc.dirty() && doc.path.is_none());
    assert_eq!(doc.case.title, "Onderweg");
    // The recovery copy still holds the work.
    app.app().flush_autosave();
    let dir = swan_casus::storage::recovery::recovery_dir(&app.dirs.data);
    assert_eq!(
        swan_casus::storage::recovery::list_recoveries(&dir).len(),
        1
    );

    let here = temp.path().join("onderweg.swan.ron");
    app.dialogs.push(&here);
    app.press(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert!(here.exists());
    assert!(!app.app().document().unwrap().dirty());
}

#[test]
fn a_case_past_its_delete_by_date_is_listed_and_deleted_completely() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("oud.swan.ron");
    let mut case = swan_casus::model::Case {
        title: "Oude casus".into(),
        delete_by: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
        ..Default::default()
    };
    swan_casus::storage::save_case(&path, &case).unwrap();
    case.question = "tweede versie".into();
    swan_casus::storage::save_case(&path, &case).unwrap();
    let backup = swan_casus::storage::backup_path(&path);
    assert!(backup.exists());

    // Open it once, edit it so a recovery copy is written, then close without saving:
    // the copy stays, as after a crash.
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.dialogs.push(&path);
    app.click("Casus openen…");
    app.type_into("Titel", " (bewerkt)");
    app.app().flush_autosave();
    let recovery_dir = swan_casus::storage::recovery::recovery_dir(&app.dirs.data);
    let copies = swan_casus::storage::recovery::list_recoveries(&recovery_dir);
    assert_eq!(copies.len(), 1);
    drop(app);

    let mut app = start(temp.path(), None, (1280.0, 800.0));
    // The recovery copy is offered first; decide later.
    app.click("Later beslissen");
    assert_eq!(app.app().overdue().len(), 1);
    app.click("Definitief verwijderen: Oude casus");
    app.click_button("Definitief verwijderen");
    assert!(!path.exists(), "the case file is gone");
    assert!(!backup.exists(), "the .bak is gone");
    assert_eq!(std::fs::read_dir(&recovery_dir).unwrap().count(), 0);
    assert!(app.app().overdue().is_empty());
}

#[test]
fn without_a_file_dialog_the_path_is_typed_in_the_window() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    app.type_into("Titel", "Zonder portal");
    // As on a Linux desktop with neither a desktop portal nor zenity.
    app.dialogs.push_unavailable();
    app.press(Modifiers::COMMAND, Key::S);
    assert!(
        app.harness
            .query_by_label("Kies een bestand door het pad te typen")
            .is_some(),
        "the window says that no file dialog can be shown"
    );
    let field = app.harness.get_by_label("Pad naar het bestand");
    let filled = field.value().unwrap_or_default();
    let documents = swan_casus::ui::dialogs::documents_folder();
    assert!(
        filled.starts_with(&documents.display().to_string()),
        "{filled}"
    );
    assert!(filled.ends_with(".swan.ron"), "{filled}");
    let path = temp.path().join("getypt.swan.ron");
    app.harness.get_by_label("Pad naar het bestand").click();
    app.harness.run();
    app.press(Modifiers::COMMAND, Key::A);
    app.harness
        .get_by_label("Pad naar het bestand")
        .type_text(&path.display().to_string());
    app.harness.run();
    app.click("OK");
    assert!(path.exists(), "saved where the typed path says");
    assert!(!app.app().document().unwrap().dirty());

    // Now the case has a folder: an export is offered beside it.
    app.dialogs.push_unavailable();
    app.press(Modifiers::COMMAND, Key::E);
    app.harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Exporteren…")
        .click();
    app.harness.run();
    let filled = app
        .harness
        .get_by_label("Pad naar het bestand")
        .value()
        .unwrap_or_default();
    assert!(
        filled.starts_with(&temp.path().display().to_string()) && filled.ends_with(".pdf"),
        "{filled}"
    );
}
