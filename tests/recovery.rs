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
    // The app ends without a clean close: no Quit, no window close, just gone.
    std::mem::forget(app.harness);

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
fn discarding_a_recovery_copy_deletes_it() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1024.0, 768.0));
    app.click("Nieuwe casus");
    app.type_into("Titel", "Weg ermee");
    app.app().flush_autosave();
    std::mem::forget(app.harness);

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
    assert_eq!(std::fs::read_dir(&recovery_dir).unwrap().count(), 1);
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
