//! Undo and redo through the real interface: every kind of edit, typing as one step, the
//! text field's own undo first, and the menu saying what it will undo.

mod common;

use common::{TestApp, stage_label, start};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use swan_casus::i18n::Language;
use swan_casus::method::Method;
use swan_casus::model::{Case, Decision, Phase, Stage};

const NL: Language = Language::Nl;

fn case(app: &TestApp) -> Case {
    app.app().document().expect("a case is open").case.clone()
}

fn undo(app: &mut TestApp) {
    app.press(Modifiers::COMMAND, Key::Z);
}

fn redo(app: &mut TestApp) {
    app.press(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
}

/// Clicks somewhere neutral, so no text field has the focus.
fn leave_fields(app: &mut TestApp) {
    app.harness.key_press(Key::Escape);
    app.harness.run();
}

fn add_note(app: &mut TestApp, text: &str) {
    app.type_into("Nieuwe notitie op niveau 1", text);
    app.click("Notitie toevoegen op niveau 1");
}

#[test]
fn every_edit_is_undone_and_redone_through_the_keys() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 1400.0));
    app.click("Nieuwe casus");
    app.click_button(&stage_label(NL, Stage::Phase(Phase::Understand)));
    let mut states = vec![case(&app)];
    let step = |app: &mut TestApp, states: &mut Vec<Case>| {
        leave_fields(app);
        let now = case(app);
        assert_ne!(states.last(), Some(&now), "the step changed nothing");
        states.push(now);
    };

    add_note(&mut app, "Mevrouw woont alleen");
    step(&mut app, &mut states);
    add_note(&mut app, "Dochter woont ver weg");
    step(&mut app, &mut states);
    // Edit the first note in place.
    app.type_into("Notitie 1, niveau 1", ", sinds kort");
    step(&mut app, &mut states);
    // Reorder.
    app.click("Notitie 1, niveau 1 omlaag");
    step(&mut app, &mut states);
    // Tag.
    let method = Method::builtin();
    let condition = &method.conditions[2];
    app.click("Labels van Notitie 1, niveau 1");
    app.harness
        .get_by_label(&format!("{} ({})", condition.title.nl, condition.value.nl))
        .click();
    app.harness.run();
    app.harness.key_press(Key::Escape);
    app.harness.run();
    step(&mut app, &mut states);
    // Delete, through the confirmation.
    app.click("Notitie 2, niveau 1 verwijderen");
    app.click_button("Verwijderen");
    step(&mut app, &mut states);
    // Decide on an option in phase 3.
    app.click_button(&stage_label(NL, Stage::Phase(Phase::Possibilities)));
    app.type_into("Nieuwe optie op niveau 2", "Buurtkamer");
    app.click("Optie toevoegen op niveau 2");
    step(&mut app, &mut states);
    app.click_button(&stage_label(NL, Stage::Phase(Phase::Choice)));
    app.click("Kiezen: Optie 1, niveau 2");
    step(&mut app, &mut states);
    assert_eq!(case(&app).options[0].decision, Decision::Chosen);

    for expected in states.iter().rev().skip(1) {
        undo(&mut app);
        let now = case(&app);
        assert_eq!(
            (&now.notes, &now.options),
            (&expected.notes, &expected.options)
        );
    }
    assert!(case(&app).notes.is_empty());
    assert!(
        !app.app().document().unwrap().dirty(),
        "undone back to the new, empty case: nothing unsaved"
    );
    for expected in states.iter().skip(1) {
        redo(&mut app);
        let now = case(&app);
        assert_eq!(
            (&now.notes, &now.options),
            (&expected.notes, &expected.options)
        );
    }
    // Ctrl+Y redoes as well: undo one, redo it with Y.
    undo(&mut app);
    app.press(Modifiers::COMMAND, Key::Y);
    assert_eq!(case(&app).options[0].decision, Decision::Chosen);
}

#[test]
fn a_typed_sentence_is_one_step_and_the_menu_says_what_it_undoes() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    app.harness.get_by_label("Titel").click();
    app.harness.run();
    for word in ["Scootmobiel ", "maar ", "eigenlijk ", "eenzaamheid"] {
        app.harness.get_by_label("Titel").type_text(word);
        app.harness.run();
    }
    assert_eq!(case(&app).title, "Scootmobiel maar eigenlijk eenzaamheid");
    leave_fields(&mut app);
    app.click("Bewerken");
    // A menu entry's accessible name ends with its shortcut.
    app.harness
        .get_by_label("Ongedaan maken: tekst wijzigen Ctrl+Z")
        .click();
    app.harness.run();
    assert_eq!(case(&app).title, "", "the whole sentence in one step");
    app.click("Bewerken");
    assert!(
        app.harness
            .query_by_label_contains("Ongedaan maken: tekst wijzigen")
            .is_none(),
        "nothing more to undo"
    );
    app.harness
        .get_by_label("Opnieuw: tekst wijzigen Ctrl+Shift+Z")
        .click();
    app.harness.run();
    assert_eq!(case(&app).title, "Scootmobiel maar eigenlijk eenzaamheid");
}

#[test]
fn inside_a_text_field_the_field_undoes_its_own_typing_first() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    app.click("+ Deelnemer toevoegen");
    let participants = case(&app).participants.len();
    app.type_into("Titel", "Buurtkamer");
    // The focus is still in the title: Ctrl+Z is the field's, the participant stays.
    undo(&mut app);
    assert_eq!(case(&app).title, "");
    assert_eq!(case(&app).participants.len(), participants);
    // Out of the field, Ctrl+Z undoes case edits again.
    leave_fields(&mut app);
    undo(&mut app);
    undo(&mut app);
    assert!(case(&app).participants.is_empty());
}

#[test]
fn a_recovery_folder_that_cannot_be_written_is_shown_in_the_status_bar() {
    let temp = tempfile::tempdir().unwrap();
    let dirs = swan_casus::settings::AppDirs::inside(temp.path());
    // A file where the recovery folder should be: it can never be created.
    let recovery = swan_casus::storage::recovery::recovery_dir(&dirs.data);
    std::fs::create_dir_all(recovery.parent().unwrap()).unwrap();
    std::fs::write(&recovery, "not a folder").unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    app.type_into("Titel", "Iets om te bewaren");
    app.app().flush_autosave();
    app.harness.run();
    let shown = app
        .harness
        .query_by_label_contains("herstelkopie kan niet worden geschreven");
    assert!(
        shown.is_some(),
        "the status bar says the recovery copy failed"
    );
}

#[test]
fn f1_shows_every_shortcut_from_the_action_table() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.press(Modifiers::NONE, Key::F1);
    assert!(
        app.harness
            .query_by_label("Ctrl+Shift+Z · Ctrl+Y")
            .is_some()
    );
    assert!(app.harness.query_by_label("Ctrl+PageDown").is_some());
    app.click_button("Sluiten");
    assert!(app.harness.query_by_label("Ctrl+PageDown").is_none());
}
