//! The whole flow through the real interface, driven by accessible labels.

mod common;

use common::{TestApp, stage_label, start};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use swan_casus::i18n::Language;
use swan_casus::method::Method;
use swan_casus::model::{Case, Decision, Level, Phase, Stage};

const NL: Language = Language::Nl;

fn go_to(app: &mut TestApp, stage: Stage) {
    app.click_button(&stage_label(NL, stage));
    assert_eq!(app.app().document().unwrap().case.stage, stage);
}

fn add_on_every_level(app: &mut TestApp, phase: Phase) {
    let (field, button) = match phase {
        Phase::Possibilities => ("Nieuwe optie op niveau", "Optie toevoegen op niveau"),
        _ => ("Nieuwe notitie op niveau", "Notitie toevoegen op niveau"),
    };
    for level in Level::ALL {
        let n = level.number();
        app.type_into(
            &format!("{field} {n}"),
            &format!("Fase {} niveau {n}", phase.number()),
        );
        app.click(&format!("{button} {n}"));
    }
}

#[test]
fn a_case_goes_through_every_phase_and_survives_save_and_open() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));

    app.click("Nieuwe casus");
    assert!(app.app().document().is_some());
    app.type_into("Titel", "Buurtkamer gesloten");
    app.type_into(
        "Vraag van de casusinbrenger aan de groep",
        "Hoe bereiken we haar?",
    );
    app.type_into("Datum van de bespreking", "12-11-2026");

    app.click("+ Deelnemer toevoegen");
    app.click("+ Deelnemer toevoegen");
    app.type_into("Naam van deelnemer 1", "Sanne");
    app.type_into("Naam van deelnemer 2", "Joris");

    go_to(&mut app, Stage::Phase(Phase::Understand));
    add_on_every_level(&mut app, Phase::Understand);

    // Tag the first note with a condition and a factor through its tag menu.
    let method = Method::builtin();
    let condition = &method.conditions[2];
    let condition_label = format!("{} ({})", condition.title.nl, condition.value.nl);
    let factor_label = method.factors[0].title.nl.clone();
    app.reveal("Notitie 1, niveau 1");
    app.click("Labels van Notitie 1, niveau 1");
    app.harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, &condition_label)
        .click();
    app.harness.run();
    // The menu may close after a tick; open it again for the factor.
    if app
        .harness
        .query_by_role_and_label(egui::accesskit::Role::CheckBox, &factor_label)
        .is_none()
    {
        app.reveal("Notitie 1, niveau 1");
        app.click("Labels van Notitie 1, niveau 1");
    }
    app.harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, &factor_label)
        .click();
    app.harness.run();
    app.harness.key_press(Key::Escape);
    app.harness.run();

    go_to(&mut app, Stage::Phase(Phase::Possibilities));
    add_on_every_level(&mut app, Phase::Possibilities);

    go_to(&mut app, Stage::Phase(Phase::Choice));
    app.click("Kiezen: Optie 1, niveau 2");
    app.type_into("Waarom, bij Optie 1, niveau 2", "Past bij de buurt");
    app.click("Afwijzen: Optie 1, niveau 3");
    add_on_every_level(&mut app, Phase::Choice);

    go_to(&mut app, Stage::Closing);
    app.type_into(
        "Wat leren we voor de volgende casus?",
        "Eerder aan niveau 3 denken",
    );

    // Save through the app's own command: Ctrl+S asks where, the dialog answers.
    let path = temp.path().join("buurtkamer.swan.ron");
    app.dialogs.push(&path);
    app.press(Modifiers::COMMAND, Key::S);
    assert!(
        path.exists(),
        "status: {:?}, error: {:?}",
        app.app().status(),
        app.app().error()
    );
    assert!(!app.app().document().unwrap().dirty());
    assert!(!app.app().title().starts_with('*'));

    // A fresh app opens the file; everything is where it was put.
    let fresh = start(
        &temp.path().join("second"),
        Some(path.clone()),
        (1280.0, 800.0),
    );
    let case = &fresh.app().document().expect("file opened").case;
    assert_eq!(case.title, "Buurtkamer gesloten");
    assert_eq!(
        case.meeting_date,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 12)
    );
    let names: Vec<_> = case.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Sanne", "Joris"]);
    for phase in [Phase::Understand, Phase::Choice] {
        for level in Level::ALL {
            let texts: Vec<_> = case
                .notes_in(phase, level)
                .map(|n| n.entry.text.clone())
                .collect();
            assert_eq!(
                texts,
                [format!("Fase {} niveau {}", phase.number(), level.number())]
            );
        }
    }
    for level in Level::ALL {
        let texts: Vec<_> = case
            .options_in(level)
            .map(|o| o.entry.text.clone())
            .collect();
        assert_eq!(texts, [format!("Fase 2 niveau {}", level.number())]);
    }
    let tagged = case
        .notes_in(Phase::Understand, Level::Individual)
        .next()
        .unwrap();
    assert_eq!(
        tagged.entry.conditions,
        std::slice::from_ref(&condition.key)
    );
    assert_eq!(
        tagged.entry.factors,
        std::slice::from_ref(&method.factors[0].key)
    );
    let chosen = case.options_in(Level::Community).next().unwrap();
    assert_eq!(chosen.decision, Decision::Chosen);
    assert_eq!(chosen.decision_reason, "Past bij de buurt");
    assert_eq!(
        case.options_in(Level::Policy).next().unwrap().decision,
        Decision::Rejected
    );
    assert_eq!(case.closing.lessons, "Eerder aan niveau 3 denken");

    // And the fresh window shows the notes on the right phase screen.
    let mut fresh = fresh;
    fresh.click_button(&stage_label(NL, Stage::Phase(Phase::Understand)));
    assert!(
        fresh
            .harness
            .query_all_by_value("Fase 1 niveau 2")
            .next()
            .is_some()
    );
    assert!(
        fresh
            .harness
            .query_all_by_value("Fase 3 niveau 2")
            .next()
            .is_none()
    );
}

#[test]
fn switching_to_english_shows_the_english_phase_titles() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    app.click("EN");
    let english = stage_label(Language::En, Stage::Phase(Phase::Possibilities));
    assert!(english.contains("What could be done"), "{english}");
    app.click_button(&english);
    assert!(
        app.harness
            .query_by_label("New option on level 1")
            .is_some()
    );
    // The choice is remembered for the next start.
    let again = start(temp.path(), None, (1280.0, 800.0));
    assert_eq!(again.app().language(), Language::En);
    assert!(again.harness.query_by_label("New case").is_some());
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1024.0, 768.0));
    app.click("Nieuwe casus");
    app.type_into("Titel", "Onbewaard");
    assert!(app.app().title().starts_with("* Onbewaard"));
    // Asking for a new case must not throw the typed title away without a question.
    app.press(Modifiers::COMMAND, Key::N);
    assert!(app.harness.query_by_label("Wijzigingen opslaan?").is_some());
    app.click("Annuleren");
    assert_eq!(app.app().document().unwrap().case.title, "Onbewaard");
    app.press(Modifiers::COMMAND, Key::N);
    app.click("Niet opslaan");
    assert_eq!(app.app().document().unwrap().case.title, "");
}

#[test]
fn a_broken_file_gives_a_message_and_stays_untouched() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("kapot.swan.ron");
    let content = "(\n  format_version: 1,\n  case: (title: \"x\",, )\n";
    std::fs::write(&path, content).unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.dialogs.push(&path);
    app.click("Casus openen…");
    let error = app.app().error().expect("an error is shown").to_owned();
    assert!(error.contains("regel 3"), "{error}");
    assert!(app.harness.query_by_label("Dat lukte niet").is_some());
    app.click("OK");
    assert!(app.app().document().is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), content);
}

#[test]
fn every_screen_renders_at_projector_size_in_both_languages() {
    let temp = tempfile::tempdir().unwrap();
    for (language, size) in [
        (Language::Nl, (1024.0, 768.0)),
        (Language::En, (1024.0, 768.0)),
        (Language::Nl, (1280.0, 800.0)),
    ] {
        let mut app = start(temp.path(), None, size);
        if app.app().language() != language {
            app.click(&language.code().to_uppercase());
        }
        app.click(if language == Language::Nl {
            "Voorbeeld openen: Scootmobielaanvraag met een ander verhaal"
        } else {
            "Open example: A mobility scooter request with another story"
        });
        let doc = app.app().document().expect("example opened");
        assert!(!doc.case.notes.is_empty());
        for stage in Stage::ALL {
            app.click_button(&stage_label(language, stage));
            assert_eq!(app.app().document().unwrap().case.stage, stage);
        }
    }
}

#[test]
fn the_projector_view_shows_pseudonyms_instead_of_real_names() {
    let temp = tempfile::tempdir().unwrap();
    // Tall, so the privacy section below the case fields is on screen.
    let mut app = start(temp.path(), None, (1280.0, 2000.0));
    app.click("Nieuwe casus");
    app.click("+ Persoon toevoegen");
    app.type_into("Pseudoniem van persoon 1", "bewoner");
    app.type_into("Echte naam van persoon 1", "Truus Bakker");
    go_to(&mut app, Stage::Phase(Phase::Understand));
    app.type_into("Nieuwe notitie op niveau 1", "Truus Bakker woont alleen");
    app.click("Notitie toevoegen op niveau 1");
    assert!(shows(&app, "Truus Bakker woont alleen"));

    app.press(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    assert!(!shows(&app, "Truus"), "the real name is still on screen");
    assert!(shows(&app, "bewoner woont alleen"));
    assert!(shows(&app, "Pseudoniemen aan"));
    // Moving between steps works in the projector view, and shows the new step.
    go_to(&mut app, Stage::Phase(Phase::Possibilities));
    assert!(shows(&app, "Nieuwe optie op niveau 1"));
    go_to(&mut app, Stage::Phase(Phase::Understand));
    assert!(shows(&app, "bewoner woont alleen"));
    // The case itself keeps the real name; only the screen shows the pseudonym.
    let case = &app.app().document().unwrap().case;
    assert_eq!(case.notes[0].entry.text, "Truus Bakker woont alleen");

    app.press(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    assert!(shows(&app, "Truus Bakker woont alleen"));
}

/// Whether any node on screen shows `text` in its label or its value (a text field).
fn shows(app: &TestApp, text: &str) -> bool {
    app.harness
        .query_all_by(|node| {
            node.label().is_some_and(|l| l.contains(text))
                || node.value().is_some_and(|v| v.contains(text))
        })
        .next()
        .is_some()
}

#[test]
fn on_the_projector_no_file_name_title_or_message_names_a_person() {
    let temp = tempfile::tempdir().unwrap();
    let mut case = Case {
        title: "Mevrouw Jansen en de trap".into(),
        ..Case::default()
    };
    let id = case.add_person();
    case.persons[0].real_name = "Marian Jansen".into();
    case.persons[0].pseudonym = "bewoner".into();
    assert_eq!(case.persons[0].id, id);
    let path = temp.path().join("Casus Jansen.swan.ron");
    swan_casus::storage::save_case(&path, &case).unwrap();
    let mut app = start(temp.path(), Some(path.clone()), (1280.0, 800.0));
    // Opening names the file in the status bar; the title names it too.
    assert!(shows(&app, "Jansen"));

    app.press(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    assert!(!shows(&app, "Jansen"), "a name is still on screen");
    let title = app.app().title();
    assert!(!title.contains("Jansen"), "{title}");
    assert!(title.contains("Casus bewoner.swan.ron"), "{title}");
    // Saving reports the file, by its pseudonymised name.
    app.press(Modifiers::COMMAND, Key::S);
    assert!(shows(&app, "bewoner.swan.ron"));
    assert!(!shows(&app, "Jansen"));
    // Closed, the start screen keeps the recent files to itself.
    app.harness.get_by_label("Bestand").click();
    app.harness.run();
    app.click("Casus sluiten");
    assert!(shows(&app, "Recente bestanden zijn verborgen"));
    assert!(!shows(&app, "Jansen"));

    app.press(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    assert!(shows(&app, "Casus Jansen.swan.ron"));
}
