//! The team report's summary page, the letter to the resident, and a student's hand-in:
//! golden files in both languages, the PDF's text, the command line, and the plan screen
//! where the resident's texts are written and checked for plain language.
//!
//! Regenerate the golden files after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test reports`, and read the diff before committing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use common::{assert_golden, start};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use swan_casus::export::{self, Contents, Format, ReflectionChoice, ReportKind, ReportStyle};
use swan_casus::i18n::Language;
use swan_casus::method::Method;
use swan_casus::model::{Case, ItemId, Stage};
use swan_casus::storage;

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report.swan.ron")
}

fn fixture() -> Case {
    storage::load_case(&fixture_path()).unwrap()
}

fn made_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn exported(case: &Case, language: Language, format: Format, contents: &Contents) -> Vec<u8> {
    let method = Method::builtin();
    let style = ReportStyle::builtin();
    export::export_contents(case, &method, &style, language, format, made_on(), contents).unwrap()
}

fn letter() -> Contents {
    Contents {
        kind: ReportKind::Letter,
        ..Contents::default()
    }
}

#[test]
fn the_summary_the_letter_and_a_hand_in_match_the_golden_files() {
    let case = fixture();
    let noor = Contents {
        reflection: ReflectionChoice::Of(ItemId(3)),
        ..Contents::default()
    };
    for (language, code) in [(Language::Nl, "nl"), (Language::En, "en")] {
        let team = exported(&case, language, Format::Markdown, &Contents::default());
        assert_golden(&format!("report.{code}.md"), &team);
        let letter_html = exported(&case, language, Format::Html, &letter());
        assert_golden(&format!("letter.{code}.html"), &letter_html);
        let hand_in = exported(&case, language, Format::Markdown, &noor);
        assert_golden(&format!("hand-in.{code}.md"), &hand_in);
    }
}

/// What comes first, and what the team report leaves out.
#[test]
fn the_team_report_opens_with_status_question_answer_and_choices() {
    let case = fixture();
    let md = String::from_utf8(exported(
        &case,
        Language::Nl,
        Format::Markdown,
        &Contents::default(),
    ))
    .unwrap();
    let position = |text: &str| md.find(text).unwrap_or_else(|| panic!("missing {text}"));
    // The summary comes before any phase, and holds status, conclusion and choices.
    let phase_one = position("Fase 1");
    for first in [
        "Definitief, versie 2, 23 november 2026",
        "mevrouw Z.",
        "Meer dan een scootmobiel",
        "Proefrit met de leverancier plannen",
        "1 december 2026",
        "Volgende evaluatie",
        "15 januari 2027",
        "Bewaren tot",
        "12 mei 2027",
    ] {
        assert!(position(first) < phase_one, "{first} comes after phase 1");
    }
    // Options are numbered once; later sections refer to the number.
    assert_eq!(md.matches("Buurtapp voor ouderen").count(), 1, "{md}");
    assert!(md.contains("Optie 4 — Ze heeft geen smartphone"), "{md}");
    // The reason of an option still open is in the report.
    assert!(
        md.contains("Eerst horen wat de gemeente al van plan is."),
        "{md}"
    );
    // No personal reflection unless asked for.
    assert!(!md.contains("onzeker over niveau 3"), "{md}");
    assert!(!md.contains("Iedereen kwam aan het woord"), "{md}");
}

#[test]
fn a_hand_in_holds_one_students_reflection_and_no_other() {
    let case = fixture();
    let ahmed = Contents {
        reflection: ReflectionChoice::Of(ItemId(4)),
        ..Contents::default()
    };
    let md = String::from_utf8(exported(&case, Language::Nl, Format::Markdown, &ahmed)).unwrap();
    assert!(md.contains("Persoonlijke reflectie van Ahmed"), "{md}");
    assert!(md.contains("Niveau 2: de buurt zag ik niet."), "{md}");
    assert!(
        !md.contains("onzeker over niveau 3"),
        "Noor's reflection stays out"
    );
}

/// The letter holds what was written for the resident, and nothing of the team's.
#[test]
fn the_letter_speaks_to_the_resident_and_leaves_the_team_out() {
    let case = fixture();
    for (language, greeting) in [
        (Language::Nl, "Beste mevrouw Z.,"),
        (Language::En, "Dear mevrouw Z.,"),
    ] {
        let html = String::from_utf8(exported(&case, language, Format::Html, &letter())).unwrap();
        assert!(html.contains(greeting), "{html}");
        for resident in [
            "U krijgt een scootmobiel.",
            "We openen samen uw post.",
            "024 - 123 45 67",
            "We vragen de gemeente om een plek in de wijk",
        ] {
            assert!(html.contains(resident), "missing {resident}");
        }
        for team in [
            "Ongeopende brieven",
            "Buurtapp",
            "Regiotaxi",
            "onzeker over niveau 3",
            "SWAN",
            "voorwaarde",
            "Kees",
            "Zoë",
        ] {
            assert!(!html.contains(team), "{team} is in the letter");
        }
    }
    // By real name only when chosen.
    let mut named = case.clone();
    named.letter.by_real_name = true;
    let html = String::from_utf8(exported(&named, Language::Nl, Format::Html, &letter())).unwrap();
    assert!(html.contains("Beste Zoë,"), "{html}");
}

fn poppler(tool: &str, args: &[&std::ffi::OsStr]) -> Option<(String, String)> {
    match Command::new(tool).args(args).output() {
        Ok(out) => Some((
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )),
        Err(_) if std::env::var_os("CI").is_some() => panic!("{tool} is needed under CI"),
        Err(_) => {
            eprintln!("{tool} is not installed; skipping the PDF text check");
            None
        }
    }
}

#[test]
fn the_letter_as_pdf_and_docx_reads_as_a_letter() {
    let case = fixture();
    let temp = tempfile::tempdir().unwrap();
    let pdf = temp.path().join("brief.pdf");
    std::fs::write(&pdf, exported(&case, Language::Nl, Format::Pdf, &letter())).unwrap();
    if let Some((text, _)) = poppler("pdftotext", &[pdf.as_os_str(), "-".as_ref()]) {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Wat we met u afspreken",
            "Beste mevrouw Z.,",
            "Afspraak 1",
            "vóór 1 december 2026",
            "Uw reactie",
            "Ik ben het eens met deze afspraken.",
            "Handtekening",
        ] {
            assert!(flat.contains(expected), "missing {expected} in {flat}");
        }
    }
    let docx = exported(&case, Language::En, Format::Docx, &letter());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    for expected in ["What we agreed with you", "Your response", "Signature"] {
        assert!(document.contains(expected), "missing {expected}");
    }
}

fn swan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_swan-casus"))
}

#[test]
fn the_command_line_makes_the_letter_and_a_hand_in() {
    let temp = tempfile::tempdir().unwrap();
    let input = temp.path().join("zoe.swan.ron");
    std::fs::copy(fixture_path(), &input).unwrap();
    // The fixture's real name is registered and pseudonymised; nothing else is personal.
    let run = |args: &[&str]| {
        let out = swan()
            .arg("export")
            .arg(&input)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(&["--report", "letter", "--format", "pdf"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(temp.path().join("zoe - brief.pdf").is_file());

    let (code, stderr) = run(&["--report", "letter", "--format", "csv", "--lang", "en"]);
    assert_ne!(code, Some(0));
    assert!(
        stderr.contains("can only be made as PDF, Word or web page"),
        "{stderr}"
    );
    assert!(!temp.path().join("zoe - letter.csv").exists());

    let (code, stderr) = run(&["--report", "brief", "--format", "pdf"]);
    assert_ne!(code, Some(0));
    assert!(
        stderr.contains("onbekend soort verslag ‘brief’"),
        "{stderr}"
    );

    let out = temp.path().join("inlevering.md");
    let (code, stderr) = run(&[
        "--format",
        "md",
        "--reflection",
        "noor",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("Persoonlijke reflectie van Noor"), "{md}");

    let (code, stderr) = run(&["--format", "md", "--reflection", "Sanne"]);
    assert_ne!(code, Some(0));
    assert!(
        stderr.contains("Sanne heeft nog geen reflectie geschreven"),
        "{stderr}"
    );
    let (code, stderr) = run(&["--format", "md", "--reflection", "Piet"]);
    assert_ne!(code, Some(0));
    assert!(stderr.contains("geen deelnemer ‘Piet’"), "{stderr}");
    assert!(stderr.contains("Sanne, Kees, Noor, Ahmed"), "{stderr}");
}

/// The resident's texts are written on the plan screen, checked for plain language, and
/// the letter is exported from the export dialog.
#[test]
fn the_plan_screen_fills_the_letter_warns_about_jargon_and_exports_it() {
    let temp = tempfile::tempdir().unwrap();
    let case_path = temp.path().join("casus.swan.ron");
    let mut case = fixture();
    case.stage = Stage::Plan;
    case.letter = Default::default();
    for option in &mut case.options {
        option.plan.for_resident.clear();
    }
    storage::save_case(&case_path, &case).unwrap();
    let mut app = start(temp.path(), Some(case_path), (1280.0, 6000.0));
    assert_eq!(app.app().document().unwrap().case.stage, Stage::Plan);
    assert!(
        app.harness
            .query_all_by_label_contains("Niet in de brief zolang")
            .next()
            .is_some()
    );

    app.click("Voor wie is de brief?");
    app.click("mevrouw Z.");
    app.type_into(
        "Voor de inwoner — Optie 1, niveau 1",
        "De maatwerkvoorziening wordt via het voorliggend veld als interventie geregeld.",
    );
    app.type_into("Wat we van u hoorden", "U wilt zelf naar de markt.");
    // A job title in the contact line is not jargon to the resident who knows her.
    app.type_into("Contactpersoon", "Sanne, Wmo-consultant, 024 - 123 45 67");
    app.harness.run();
    for warning in [
        "Lang woord: ‘maatwerkvoorziening’",
        "Vakterm: ‘voorliggend veld’",
        "Vakterm: ‘interventie’. Zeg liever: ‘wat we gaan doen’",
    ] {
        assert!(
            app.harness
                .query_all_by_label_contains(warning)
                .next()
                .is_some(),
            "no warning {warning}"
        );
    }
    // Plain words clear the warnings.
    let field = "Voor de inwoner — Optie 1, niveau 1";
    app.harness.get_by_label(field).click();
    app.harness.run();
    app.press(Modifiers::COMMAND, Key::A);
    app.harness
        .get_by_label(field)
        .type_text("U krijgt een scootmobiel.");
    app.harness.run();
    app.harness.run();
    assert!(
        app.harness
            .query_all_by_label_contains("Vakterm")
            .next()
            .is_none()
    );

    let target = temp.path().join("brief.html");
    app.dialogs.push(&target);
    app.press(Modifiers::COMMAND, Key::E);
    app.click("Brief aan de inwoner: ‘Wat we met u afspreken’");
    app.click("Webpagina (HTML)");
    app.harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Exporteren…")
        .click();
    app.harness.step();
    for _ in 0..500 {
        if !app.app().export_running() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.harness.step();
    }
    app.harness.run();
    assert!(app.app().error().is_none(), "{:?}", app.app().error());
    let html = std::fs::read_to_string(&target).unwrap();
    for expected in [
        "Wat we met u afspreken",
        "Beste mevrouw Z.,",
        "U krijgt een scootmobiel.",
        "U wilt zelf naar de markt.",
        "024 - 123 45 67",
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
}

/// Each student writes their own reflection on the closing screen; one student's does
/// not show in another's, and the hand-in export holds the chosen one.
#[test]
fn each_student_writes_an_own_reflection_in_the_closing() {
    let temp = tempfile::tempdir().unwrap();
    let case_path = temp.path().join("casus.swan.ron");
    let mut case = fixture();
    case.stage = Stage::Closing;
    case.closing.personal.clear();
    storage::save_case(&case_path, &case).unwrap();
    let mut app = start(temp.path(), Some(case_path), (1280.0, 3000.0));

    app.click("Reflectie van");
    app.click("Noor");
    app.type_into(
        "Welk niveau zag ik over het hoofd, en waarom?",
        "Niveau 3, omdat ik beleid eng vond.",
    );
    app.click("Reflectie van");
    app.click("Ahmed");
    app.harness.run();
    assert!(
        app.harness
            .query_by_label_contains("Niveau 3, omdat ik beleid eng vond.")
            .is_none(),
        "Noor's reflection shows under Ahmed"
    );
    app.type_into("Wat ging goed?", "Het geldplan.");

    let case = &app.app().document().unwrap().case;
    let noor = case.closing.personal(ItemId(3)).unwrap();
    assert_eq!(noor.overlooked_level, "Niveau 3, omdat ik beleid eng vond.");
    assert_eq!(
        case.closing.personal(ItemId(4)).unwrap().what_went_well,
        "Het geldplan."
    );
    let hand_in = Contents {
        reflection: ReflectionChoice::Of(ItemId(4)),
        ..Contents::default()
    };
    let md = String::from_utf8(exported(case, Language::Nl, Format::Markdown, &hand_in)).unwrap();
    assert!(md.contains("Het geldplan."), "{md}");
    assert!(!md.contains("beleid eng"), "{md}");
}

/// A letter never tells the resident nothing was agreed while the team chose
/// interventions; one that leaves some out says which.
#[test]
fn the_letter_is_not_made_when_it_would_say_nothing_was_agreed() {
    let temp = tempfile::tempdir().unwrap();
    let input = temp.path().join("zoe.swan.ron");
    let mut case = fixture();
    let first = case.chosen().next().unwrap().id;
    let text = case.option(first).unwrap().entry.text.clone();
    case.option_mut(first).unwrap().plan.for_resident.clear();
    storage::save_case(&input, &case).unwrap();
    let run = || {
        let out = swan()
            .arg("export")
            .arg(&input)
            .args(["--report", "letter", "--format", "html"])
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let letter = temp.path().join("zoe - brief.html");
    let (code, stderr) = run();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("1 gekozen interventie staat niet in de brief"),
        "{stderr}"
    );
    assert!(stderr.contains(text.trim()), "{stderr}");
    // The plain-language check of the screen, on the command line too.
    assert!(stderr.contains("Taalcheck (B1)"), "{stderr}");
    assert!(stderr.contains("Vakterm: ‘voorliggend veld’"), "{stderr}");
    assert!(letter.is_file());
    std::fs::remove_file(&letter).unwrap();

    for option in &mut case.options {
        option.plan.for_resident.clear();
    }
    storage::save_case(&input, &case).unwrap();
    let (code, stderr) = run();
    assert_ne!(code, Some(0));
    assert!(stderr.contains("niets is afgesproken"), "{stderr}");
    assert!(stderr.contains("Voor de inwoner"), "{stderr}");
    assert!(!letter.exists());
}

/// In the export dialog, a letter that would say nothing was agreed cannot be made, and
/// the dialog says what to fill in.
#[test]
fn the_export_dialog_does_not_offer_a_letter_without_agreements() {
    let temp = tempfile::tempdir().unwrap();
    let case_path = temp.path().join("casus.swan.ron");
    let mut case = fixture();
    for option in &mut case.options {
        option.plan.for_resident.clear();
    }
    storage::save_case(&case_path, &case).unwrap();
    let mut app = start(temp.path(), Some(case_path), (1280.0, 800.0));
    app.press(Modifiers::COMMAND, Key::E);
    app.click("Brief aan de inwoner: ‘Wat we met u afspreken’");
    assert!(
        app.harness
            .query_by_label_contains("terwijl er 3 interventies zijn gekozen")
            .is_some()
    );
    let go = app
        .harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Exporteren…");
    assert!(go.accesskit_node().is_disabled());
    // The team report can still be made.
    app.click("Verslag voor het team");
    let go = app
        .harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Exporteren…");
    assert!(!go.accesskit_node().is_disabled());
}
