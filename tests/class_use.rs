//! Class use through the real interface: the example cases on the start screen, saving a
//! case as a teacher's template, and a group's session started from one, which never
//! writes the template.

mod common;

use common::{TestApp, stage_label, start};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use swan_casus::examples::EXAMPLES;
use swan_casus::i18n::{Language, tr};
use swan_casus::model::{Level, Phase, Stage};
use swan_casus::storage;

const NL: Language = Language::Nl;

fn shows(app: &TestApp, text: &str) -> bool {
    app.harness.query_by_label_contains(text).is_some()
}

/// File → Opslaan als sjabloon…, and click the lock (ticks it when it was off).
fn open_template_dialog_and_lock(app: &mut TestApp) {
    app.click("Bestand");
    app.click("Opslaan als sjabloon…");
    // A widget that just appeared takes a click once the pointer has been over it.
    app.harness
        .get_by_label("Beschrijving en vraag vastzetten")
        .hover();
    app.harness.run();
    app.click("Beschrijving en vraag vastzetten");
}

/// A teacher's case, saved as a locked template with a question of their own for
/// phase 1, through the menu and the dialog.
fn save_template(app: &mut TestApp, path: &std::path::Path) {
    app.click("Nieuwe casus");
    app.type_into("Titel", "Jonge mantelzorger");
    app.type_into(
        "Korte beschrijving (geanonimiseerd)",
        "Een meisje van 15 zorgt voor haar moeder.",
    );
    app.type_into(
        "Vraag van de casusinbrenger aan de groep",
        "Wat heeft zij nodig?",
    );
    app.click("+ Deelnemer toevoegen");
    app.click("+ Deelnemer toevoegen");
    app.type_into("Naam van deelnemer 1", "Docent");
    app.type_into(
        "Discipline of perspectief van deelnemer 1",
        "Wmo-consultant",
    );
    app.type_into("Discipline of perspectief van deelnemer 2", "Opbouwwerker");

    open_template_dialog_and_lock(app);
    let method = swan_casus::method::Method::builtin();
    let phase_1 = format!("Fase 1: {}", method.phase(Phase::Understand).title.nl);
    app.type_into(&phase_1, "Wie op school weet hiervan?");
    app.dialogs.push(path);
    app.click("Sjabloon opslaan…");
}

#[test]
fn a_template_keeps_roles_without_names_and_the_teachers_setup() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    let path = temp.path().join("mantelzorger-sjabloon.swan.ron");
    save_template(&mut app, &path);
    assert!(path.exists(), "error: {:?}", app.app().error());

    let template = storage::load_case(&path).unwrap();
    assert!(template.is_template);
    assert_eq!(
        template.description,
        "Een meisje van 15 zorgt voor haar moeder."
    );
    assert_eq!(template.participants.len(), 2);
    assert!(template.participants.iter().all(|p| p.name.is_empty()));
    assert_eq!(template.participants[1].discipline, "Opbouwwerker");
    let teacher = template.teacher.as_ref().expect("the teacher's setup");
    assert!(teacher.locked);
    assert_eq!(
        teacher.prompts_in(Phase::Understand).collect::<Vec<_>>(),
        ["Wie op school weet hiervan?"]
    );
    // The teacher's own case stays theirs: named, unsaved, with the questions to see in
    // the phases, and not locked: the lock is for the students' sessions.
    let doc = app.app().document().unwrap();
    assert_eq!(doc.case.participants[0].name, "Docent");
    assert!(doc.path.is_none());
    assert!(!doc.case.description_locked());
    assert_eq!(doc.case.teacher_prompts(Phase::Understand).len(), 1);
    app.type_into(
        "Vraag van de casusinbrenger aan de groep",
        " En haar broer?",
    );
    let case = &app.app().document().unwrap().case;
    assert_eq!(case.question, "Wat heeft zij nodig? En haar broer?");
    // The dialog remembers the lock for the next template from this window.
    app.click("Bestand");
    app.click("Opslaan als sjabloon…");
    let lock = app.harness.get_by_label("Beschrijving en vraag vastzetten");
    assert_eq!(
        lock.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
}

#[test]
fn a_cancelled_template_changes_nothing_in_the_teachers_case() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    app.type_into("Titel", "Jonge mantelzorger");
    let before = app.app().document().unwrap().case.clone();
    open_template_dialog_and_lock(&mut app);
    // The file dialog is cancelled (an empty answer queue answers "cancelled").
    app.click("Sjabloon opslaan…");
    let doc = app.app().document().unwrap();
    assert_eq!(doc.case, before);
    assert!(!doc.case.description_locked());
}

#[test]
fn a_session_from_a_template_never_writes_the_template() {
    let temp = tempfile::tempdir().unwrap();
    let class = temp.path().join("klas");
    std::fs::create_dir(&class).unwrap();
    let template_path = class.join("mantelzorger-sjabloon.swan.ron");
    {
        let mut teacher = start(&temp.path().join("teacher"), None, (1280.0, 800.0));
        save_template(&mut teacher, &template_path);
    }
    let before = std::fs::read(&template_path).unwrap();

    // A student opens the template from the command line: a new, unsaved session.
    let mut app = start(
        &temp.path().join("student"),
        Some(template_path.clone()),
        (1280.0, 800.0),
    );
    let doc = app.app().document().expect("session started");
    assert!(doc.path.is_none());
    assert!(!doc.case.is_template);
    assert!(doc.case.participants.iter().all(|p| p.name.is_empty()));
    assert!(shows(&app, "Vastgezet door de docent"));

    // The locked description and question cannot be edited.
    app.type_into("Korte beschrijving (geanonimiseerd)", "Iets heel anders");
    app.type_into("Vraag van de casusinbrenger aan de groep", "Andere vraag");
    let case = &app.app().document().unwrap().case;
    assert_eq!(
        case.description,
        "Een meisje van 15 zorgt voor haar moeder."
    );
    assert_eq!(case.question, "Wat heeft zij nodig?");

    // The group fills in its names and works.
    app.type_into("Naam van deelnemer 1", "Sanne");
    app.type_into("Naam van deelnemer 2", "Joris");
    app.click_button(&stage_label(NL, Stage::Phase(Phase::Understand)));
    assert!(shows(&app, "Vragen van de docent"));
    assert!(shows(&app, "Wie op school weet hiervan?"));
    app.type_into(
        "Nieuwe notitie op niveau 1",
        "Ze noemt zich geen mantelzorger",
    );
    app.click("Notitie toevoegen op niveau 1");
    // On the projector too, for the whole class to read.
    assert!(!shows(&app, "• Wie op school weet hiervan?"));
    app.press(Modifiers::SHIFT, Key::F5);
    assert!(shows(&app, "• Wie op school weet hiervan?"));
    app.harness.key_press(Key::Escape);
    app.harness.run();

    // Saving over the template is refused, also when chosen by hand.
    app.dialogs.push(&template_path);
    app.press(Modifiers::COMMAND, Key::S);
    assert!(app.app().error().is_some_and(|e| e.contains("sjabloon")));
    app.harness.key_press(Key::Enter);
    app.harness.run();
    assert_eq!(std::fs::read(&template_path).unwrap(), before);

    // The group's own file.
    let session = class.join("mantelzorger-Sanne-Joris.swan.ron");
    app.dialogs.push(&session);
    app.press(Modifiers::COMMAND, Key::S);
    assert!(session.exists(), "error: {:?}", app.app().error());
    assert_eq!(std::fs::read(&template_path).unwrap(), before);
    let saved = storage::load_case(&session).unwrap();
    assert!(!saved.is_template);
    assert_eq!(saved.participants[0].name, "Sanne");
    assert_eq!(
        saved.notes_in(Phase::Understand, Level::Individual).count(),
        1
    );
    // The lock and the questions travel with the group's file.
    assert!(saved.description_locked());
    assert_eq!(saved.teacher_prompts(Phase::Understand).len(), 1);

    // Saving again writes the group's file, never the template.
    app.type_into("Nieuwe notitie op niveau 2", "School weet het niet");
    app.click("Notitie toevoegen op niveau 2");
    app.press(Modifiers::COMMAND, Key::S);
    assert_eq!(std::fs::read(&template_path).unwrap(), before);
    assert_eq!(storage::load_case(&session).unwrap().notes.len(), 2);

    // A template made from the session, unlocked: the session itself stays locked.
    // (The dialog starts locked, as the session is; the click unticks it.)
    open_template_dialog_and_lock(&mut app);
    let own_template = class.join("eigen-sjabloon.swan.ron");
    app.dialogs.push(&own_template);
    app.click("Sjabloon opslaan…");
    assert!(own_template.exists(), "error: {:?}", app.app().error());
    assert!(
        !storage::load_case(&own_template)
            .unwrap()
            .description_locked()
    );
    assert!(app.app().document().unwrap().case.description_locked());
}

#[test]
fn the_start_screen_offers_every_example_and_opens_each_as_a_new_case() {
    let temp = tempfile::tempdir().unwrap();
    for (language, size) in [
        (Language::Nl, (1024.0, 768.0)),
        (Language::En, (1280.0, 800.0)),
    ] {
        let mut app = start(temp.path(), None, size);
        if app.app().language() != language {
            app.click(&language.code().to_uppercase());
        }
        for (index, example) in EXAMPLES.iter().enumerate() {
            let case = storage::case_from_str(example.source(language)).unwrap();
            assert!(shows(&app, tr(language, example.summary_key)), "{index}");
            let label = format!("{}: {}", tr(language, "start.open_example"), case.title);
            app.click(&label);
            let doc = app.app().document().expect("example opened");
            assert_eq!(doc.case.title, case.title);
            // A copy: saving asks where, the bundled file is never the case's file.
            assert!(doc.path.is_none());
            app.click(tr(language, "menu.file"));
            app.click(tr(language, "action.close_case"));
            assert!(app.app().document().is_none());
        }
    }
}
