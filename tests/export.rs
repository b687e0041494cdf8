//! Exports: golden files for Markdown, HTML and CSV; the text inside the PDF and the
//! DOCX; the command line for every format; and an export through the window.
//!
//! Regenerate the golden files after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test export`, and read the diff before committing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use common::{assert_golden, start};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use swan_casus::export::{self, Format, ReportStyle};
use swan_casus::i18n::Language;
use swan_casus::method::Method;
use swan_casus::model::{Case, Decision, Entry, Level, Owner, Stage};
use swan_casus::storage;
use swan_casus::ui::Notice;

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan.swan.ron")
}

fn fixture() -> Case {
    storage::load_case(&fixture_path()).unwrap()
}

/// A fixed "today", so the footer's date does not change the golden files.
fn made_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn exported(case: &Case, language: Language, format: Format) -> Vec<u8> {
    exported_in(case, &ReportStyle::builtin(), language, format)
}

fn exported_in(case: &Case, style: &ReportStyle, language: Language, format: Format) -> Vec<u8> {
    export::export(
        case,
        &Method::builtin(),
        style,
        language,
        format,
        export::Names::Real,
        made_on(),
    )
    .unwrap()
}

/// User text that tries to become a formula in a spreadsheet or structure in Markdown
/// stays text: look at these golden files when they change.
#[test]
fn hostile_text_is_neutralised_in_csv_and_markdown() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile.swan.ron");
    let case = storage::load_case(&path).unwrap();
    let csv = exported(&case, Language::Nl, Format::Csv);
    assert_golden("hostile.nl.csv", &csv);
    let csv = String::from_utf8(csv).unwrap();
    for cell in csv.lines().skip(1).flat_map(|line| line.split(';')) {
        let cell = cell.trim_start_matches('"');
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?}"
        );
    }
    let markdown = exported(&case, Language::Nl, Format::Markdown);
    assert_golden("hostile.nl.md", &markdown);
    let markdown = String::from_utf8(markdown).unwrap();
    for line in markdown.lines() {
        let line = line.trim_start();
        for structure in [
            "~~~", "```", "1. ", "2) ", "## En", "# Geen", "> geen", "| geen",
        ] {
            assert!(!line.starts_with(structure), "{line}");
        }
    }
}

#[test]
fn markdown_html_and_csv_match_the_golden_files() {
    let case = fixture();
    for (format, language, name) in [
        (Format::Markdown, Language::Nl, "plan.nl.md"),
        (Format::Markdown, Language::En, "plan.en.md"),
        (Format::Html, Language::Nl, "plan.nl.html"),
        (Format::Csv, Language::Nl, "plan.nl.csv"),
        (Format::Csv, Language::En, "plan.en.csv"),
    ] {
        assert_golden(name, &exported(&case, language, format));
    }
}

/// Every intervention, owner and signal of the fixture, as the reports must show them.
fn must_appear(case: &Case) -> Vec<String> {
    let mut texts = Vec::new();
    for option in case.chosen() {
        texts.push(option.entry.text.clone());
        for owner in [&option.plan.owner, &option.plan.co_owner] {
            match owner {
                Owner::Participant(id) => texts.push(case.participant(*id).unwrap().name.clone()),
                Owner::Named(name) => texts.push(name.clone()),
                Owner::Nobody => {}
            }
        }
    }
    for (_, entry, signal) in case.signals() {
        texts.push(entry.text.clone());
        texts.push(signal.to.clone());
        texts.push(signal.change.clone());
    }
    texts.push("Nĳmegen".into());
    texts.push("Zoë".into());
    texts
}

/// Text with all runs of white space as one space, and words hyphenated at a line end
/// (with a soft hyphen) joined again, so line breaks in table cells do not matter.
fn flat(text: &str) -> String {
    text.replace("\u{ad}\n", "")
        .replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs a poppler tool; `None` (and a note) when it is not installed outside CI.
fn poppler(tool: &str, args: &[&std::ffi::OsStr]) -> Option<String> {
    match Command::new(tool).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(_) if std::env::var_os("CI").is_some() => {
            panic!("{tool} (poppler-utils) is needed in CI; .ci/run installs it")
        }
        Err(_) => {
            eprintln!("{tool} not installed: skipped the PDF text check");
            None
        }
    }
}

fn pdf_text(pdf: &Path, page: Option<usize>) -> Option<String> {
    let mut args: Vec<std::ffi::OsString> = Vec::new();
    if let Some(page) = page {
        args.extend([
            "-f".into(),
            page.to_string().into(),
            "-l".into(),
            page.to_string().into(),
        ]);
    }
    args.push(pdf.as_os_str().to_owned());
    args.push("-".into());
    let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    poppler("pdftotext", &refs)
}

fn pdf_pages(pdf: &Path) -> Option<usize> {
    let info = poppler("pdfinfo", &[pdf.as_os_str()])?;
    let line = info.lines().find(|l| l.starts_with("Pages:"))?;
    line["Pages:".len()..].trim().parse().ok()
}

#[test]
fn the_pdf_holds_every_intervention_owner_and_signal_with_diacritics() {
    let case = fixture();
    let temp = tempfile::tempdir().unwrap();
    let pdf = temp.path().join("plan.pdf");
    let bytes = exported(&case, Language::Nl, Format::Pdf);
    assert!(bytes.starts_with(b"%PDF"));
    std::fs::write(&pdf, bytes).unwrap();
    let Some(text) = pdf_text(&pdf, None) else {
        return;
    };
    let text = flat(&text);
    for expected in must_appear(&case) {
        assert!(
            text.contains(&flat(&expected)),
            "missing in PDF: {expected}\n{text}"
        );
    }
    assert!(text.contains("Gebaseerd op SWAN"), "{text}");
}

/// A case with `count` chosen interventions, spread over the levels.
fn big_case(count: usize) -> Case {
    let mut case = fixture();
    for i in 0..count {
        let level = Level::ALL[i % 3];
        let id = case.add_option(
            level,
            Entry::new(format!(
                "Interventie nummer {i} met een wat langere omschrijving"
            )),
        );
        let option = case.option_mut(id).unwrap();
        option.decision = Decision::Chosen;
        option.decision_reason = "Omdat het werkt.".into();
        option.plan.owner = Owner::Named(format!("Team{i}"));
        option.plan.deadline = NaiveDate::from_ymd_opt(2027, 1, 1 + (i % 28) as u32);
    }
    case
}

#[test]
fn a_plan_of_100_interventions_paginates_with_every_intervention_whole() {
    let case = big_case(100);
    let temp = tempfile::tempdir().unwrap();
    let pdf = temp.path().join("groot.pdf");
    std::fs::write(&pdf, exported(&case, Language::Nl, Format::Pdf)).unwrap();
    let Some(pages) = pdf_pages(&pdf) else {
        return;
    };
    assert!(pages >= 4, "only {pages} pages");
    // An intervention's plan is one block that is not split: a page of the plan section
    // (its headings read "Optie 7 · niveau 1") with an owner on it has that owner's labels
    // too. The summary's table names the owners as well, with its header on every page.
    let mut pages_with_owners = 0;
    for page in 1..=pages {
        let text = pdf_text(&pdf, Some(page)).unwrap();
        if !text.contains(" · niveau ") {
            continue;
        }
        // "Team12" and the like; "Teamleider" is someone else.
        let owners = text
            .match_indices("Team")
            .filter(|(at, _)| text[at + 4..].starts_with(|c: char| c.is_ascii_digit()))
            .count();
        if owners > 0 {
            pages_with_owners += 1;
            assert!(
                text.matches("Eigenaar").count() >= owners,
                "page {page} has an intervention split from its owner:\n{text}"
            );
        }
    }
    assert!(pages_with_owners >= 2, "the plan should span pages");
    let all = flat(&pdf_text(&pdf, None).unwrap());
    for i in 0..100 {
        assert!(
            all.contains(&format!("Interventie nummer {i} ")),
            "row {i} missing"
        );
    }
}

#[test]
fn the_docx_is_a_word_document_with_the_content() {
    let case = fixture();
    let bytes = exported(&case, Language::Nl, Format::Docx);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let text = flat(&xml_text(&xml));
    for expected in must_appear(&case) {
        assert!(
            text.contains(&flat(&expected)),
            "missing in DOCX: {expected}"
        );
    }
    assert!(xml.contains("w:tblHeader"), "table headers should repeat");
    assert!(xml.contains("Heading1"), "headings should be real headings");
}

/// The text of a WordprocessingML document: the contents of its w:t elements, with
/// entities decoded.
fn xml_text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<w:t") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        if rest[..open_end].ends_with('/') {
            rest = &rest[open_end + 1..];
            continue;
        }
        let body = &rest[open_end + 1..];
        let Some(close) = body.find("</w:t>") else {
            break;
        };
        out.push_str(
            &body[..close]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
        rest = &body[close..];
    }
    out
}

/// Clicks the button that starts an export, and steps the window (the spinner keeps it
/// repainting) until the export is done.
fn click_and_wait_for_export(app: &mut common::TestApp, button: &str) {
    app.harness
        .get_by_role_and_label(egui::accesskit::Role::Button, button)
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
}

fn swan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_swan-casus"))
}

#[test]
fn a_pseudonymised_export_holds_no_registered_name_in_any_format() {
    let case = fixture();
    assert_eq!(case.persons[0].real_name, "Zoë");
    let temp = tempfile::tempdir().unwrap();
    for format in Format::ALL {
        let bytes = export::export(
            &case,
            &Method::builtin(),
            &ReportStyle::builtin(),
            Language::Nl,
            format,
            export::Names::Pseudonymised,
            made_on(),
        )
        .unwrap();
        let text = match format {
            Format::Pdf => {
                let pdf = temp.path().join("plan.pdf");
                std::fs::write(&pdf, &bytes).unwrap();
                match pdf_text(&pdf, None) {
                    Some(text) => text,
                    None => continue,
                }
            }
            Format::Docx => {
                let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
                let mut all = String::new();
                for i in 0..archive.len() {
                    let mut part = archive.by_index(i).unwrap();
                    let mut xml = String::new();
                    if std::io::Read::read_to_string(&mut part, &mut xml).is_ok() {
                        all.push_str(&xml_text(&xml));
                        all.push_str(&xml);
                    }
                }
                all
            }
            _ => String::from_utf8(bytes).unwrap(),
        };
        let lower = flat(&text).to_lowercase();
        assert!(!lower.contains("zoë"), "{format:?} holds the real name");
        // The CSV has only the interventions, where she is not named.
        if format != Format::Csv {
            assert!(
                lower.contains("mevrouw z."),
                "{format:?} lacks the pseudonym"
            );
        }
    }
}

#[test]
fn the_command_line_exports_every_format() {
    let temp = tempfile::tempdir().unwrap();
    for format in Format::ALL {
        let out = swan()
            .arg("export")
            .arg(fixture_path())
            .args(["--format", format.extension(), "--output"])
            .arg(temp.path())
            .args(["--lang", "en"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = temp.path().join(format!("plan.{}", format.extension()));
        let bytes = std::fs::read(&written).unwrap();
        assert!(!bytes.is_empty(), "{format:?}");
        if matches!(format, Format::Markdown | Format::Html | Format::Csv) {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains("Scootmobiel verstrekken"), "{format:?}");
            // English labels, Dutch case text.
            assert!(text.contains("Owner"), "{format:?}: {text}");
        }
    }
    // Several files into a folder, and a named output file.
    let named = temp.path().join("mijn-plan.md");
    let out = swan()
        .arg("export")
        .arg(fixture_path())
        .args(["--format=md", "-o"])
        .arg(&named)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&named)
            .unwrap()
            .contains("Interventieplan")
    );
}

#[test]
fn the_command_line_refuses_bad_input_and_writes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let broken = temp.path().join("kapot.swan.ron");
    std::fs::write(&broken, "(format_version: 2, case: (title: \"Kap").unwrap();
    let out = swan()
        .arg("export")
        .arg(&broken)
        .args(["--format", "pdf", "--lang", "nl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("kapot.swan.ron:1:"), "{stderr}");
    assert!(stderr.contains("te vroeg op"), "{stderr}");
    let leftovers: Vec<_> = std::fs::read_dir(temp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "only the broken file: {leftovers:?}");

    // A format that does not exist, and a folder that does not, are usage errors.
    let out = swan()
        .arg("export")
        .arg(fixture_path())
        .args(["--format", "odt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = swan()
        .arg("export")
        .arg(fixture_path())
        .arg(fixture_path())
        .args(["--format", "md", "--output"])
        .arg(temp.path().join("bestaat-niet"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_window_exports_a_plan_with_owner_deadline_and_justification() {
    let temp = tempfile::tempdir().unwrap();
    let case_path = temp.path().join("casus.swan.ron");
    let mut case = fixture();
    case.stage = Stage::Plan;
    // A fresh option, still open, to choose and fill in through the window.
    case.add_option(
        Level::Policy,
        Entry::new("Vast aanspreekpunt bij de woningcorporatie"),
    );
    storage::save_case(&case_path, &case).unwrap();
    // Tall enough that the whole plan is on screen: widgets scrolled out of view do not
    // take clicks.
    let mut app = start(temp.path(), Some(case_path), (1280.0, 4000.0));
    assert_eq!(app.app().document().unwrap().case.stage, Stage::Plan);

    let name = "Optie 2, niveau 3";
    app.click(&format!("Kiezen: {name}"));
    app.type_into(
        &format!("Waarom deze interventie — {name}"),
        "Het probleem speelt bij meer bewoners in de flat.",
    );
    app.click(&format!("Eigenaar — {name}"));
    app.click("Andere organisatie of persoon…");
    app.type_into(
        &format!("Naam van organisatie of persoon, Eigenaar — {name}"),
        "gemeente, beleid",
    );
    app.type_into(&format!("Deadline — {name}"), "15-01-2027");

    let option = app
        .app()
        .document()
        .unwrap()
        .case
        .options_in(Level::Policy)
        .nth(1)
        .unwrap()
        .clone();
    assert_eq!(option.decision, Decision::Chosen);
    assert_eq!(option.plan.owner, Owner::Named("gemeente, beleid".into()));
    assert_eq!(option.plan.deadline, NaiveDate::from_ymd_opt(2027, 1, 15));

    let target = temp.path().join("export").join("plan.html");
    std::fs::create_dir(target.parent().unwrap()).unwrap();
    app.dialogs.push(&target);
    app.press(Modifiers::COMMAND, Key::E);
    app.click("Webpagina (HTML)");
    click_and_wait_for_export(&mut app, "Exporteren…");
    assert!(!app.app().export_running(), "the export did not finish");
    assert!(app.app().error().is_none(), "{:?}", app.app().error());
    let html = std::fs::read_to_string(&target).unwrap();
    for expected in [
        "Vast aanspreekpunt bij de woningcorporatie",
        "gemeente, beleid",
        "15 januari 2027",
        "Het probleem speelt bij meer bewoners in de flat.",
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
    assert!(
        app.harness
            .query_by_label_contains("Geëxporteerd naar")
            .is_some(),
        "the status bar says where the file went"
    );
}

/// The fixture with a citizen service number and a phone number typed into it.
fn case_with_personal_data(dir: &Path) -> PathBuf {
    let mut case = fixture();
    case.description
        .push_str(" BSN 111222333, bereikbaar op 06-12345678.");
    let path = dir.join("met-bsn.swan.ron");
    storage::save_case(&path, &case).unwrap();
    path
}

#[test]
fn the_command_line_refuses_personal_data_unless_allowed() {
    let temp = tempfile::tempdir().unwrap();
    let path = case_with_personal_data(temp.path());
    let output = temp.path().join("plan.md");
    let out = swan()
        .arg("export")
        .arg(&path)
        .args(["--format", "md", "--lang", "nl", "--output"])
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 keer persoonsgegevens"), "{stderr}");
    assert!(stderr.contains("BSN: “111222333”"), "{stderr}");
    assert!(stderr.contains("Telefoonnummer: “06-12345678”"), "{stderr}");
    assert!(!output.exists(), "nothing is written");

    let out = swan()
        .arg("export")
        .arg(&path)
        .args(["--format", "md", "--allow-personal-data", "--output"])
        .arg(&output)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&output)
            .unwrap()
            .contains("111222333")
    );
}

#[test]
fn the_window_asks_about_personal_data_before_it_exports() {
    let temp = tempfile::tempdir().unwrap();
    let path = case_with_personal_data(temp.path());
    let mut app = start(temp.path(), Some(path), (1280.0, 800.0));
    let target = temp.path().join("plan.md");
    app.dialogs.push(&target);
    app.press(Modifiers::COMMAND, Key::E);
    app.click("Markdown (voor zaaksystemen en wiki's)");
    app.click_button("Exporteren…");
    // The check stops the export and shows both findings.
    assert!(
        app.harness
            .query_by_label("Persoonsgegevens in de casus")
            .is_some()
    );
    assert!(!app.app().export_running() && !target.exists());
    // Replace the phone number; accept the BSN knowingly.
    app.click("Vervangen: Telefoonnummer “06-12345678”");
    let description = &app.app().document().unwrap().case.description;
    assert!(description.contains("[verwijderd]"), "{description}");
    assert!(!description.contains("06-12345678"));
    app.click("Bewust accepteren: BSN “111222333”");
    click_and_wait_for_export(&mut app, "Toch exporteren");
    let markdown = std::fs::read_to_string(&target).unwrap();
    assert!(markdown.contains("111222333"));
    assert!(!markdown.contains("06-12345678"));
}

#[test]
fn the_example_cases_hold_no_personal_data() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    for entry in std::fs::read_dir(dir).unwrap() {
        let case = storage::load_case(&entry.unwrap().path()).unwrap();
        let findings = swan_casus::privacy::check_case(&case);
        assert!(findings.is_empty(), "{}: {findings:?}", case.title);
    }
}

/// The fixture with a registered person whose real name is in the text.
fn case_with_registered_name(dir: &Path, extra: &str) -> PathBuf {
    let mut case = fixture();
    let id = case.add_person();
    let person = case.persons.iter_mut().find(|p| p.id == id).unwrap();
    person.real_name = "Jan de Boer".into();
    person.pseudonym = "zoon".into();
    case.description = format!("Jan de Boer belt Janssen elke week.{extra}");
    let path = dir.join("met-naam.swan.ron");
    storage::save_case(&path, &case).unwrap();
    path
}

#[test]
fn with_names_the_names_may_be_shown_but_other_personal_data_still_stops_the_export() {
    let temp = tempfile::tempdir().unwrap();
    let output = temp.path().join("plan.md");
    let export = |path: &Path, names: bool| {
        let mut command = swan();
        command.arg("export").arg(path).args(["--format", "md"]);
        if names {
            command.arg("--with-names");
        }
        command.arg("--output").arg(&output).output().unwrap()
    };
    let path = case_with_registered_name(temp.path(), "");
    let out = export(&path, true);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let markdown = std::fs::read_to_string(&output).unwrap();
    assert!(markdown.contains("Jan de Boer belt Janssen"), "{markdown}");
    // Pseudonymised (the default): no finding either, and no name in the file.
    let out = export(&path, false);
    assert!(out.status.success());
    let markdown = std::fs::read_to_string(&output).unwrap();
    assert!(markdown.contains("zoon belt Janssen"), "{markdown}");
    std::fs::remove_file(&output).unwrap();

    let path = case_with_registered_name(temp.path(), " IBAN NL91 ABNA 0417 1643 00.");
    let out = export(&path, true);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 keer persoonsgegevens"), "{stderr}");
    assert!(
        stderr.contains("IBAN: “NL91 ABNA 0417 1643 00”"),
        "{stderr}"
    );
    assert!(!stderr.contains("Echte naam"), "{stderr}");
    assert!(!output.exists(), "nothing is written");
}

#[test]
fn replacing_a_name_in_the_check_leaves_longer_words_intact() {
    let temp = tempfile::tempdir().unwrap();
    let path = case_with_registered_name(temp.path(), " Jan komt in januari.");
    let mut app = start(temp.path(), Some(path), (1280.0, 800.0));
    app.harness.get_by_label("Bestand").click();
    app.harness.run();
    app.click("Persoonsgegevens controleren…");
    assert!(
        app.harness
            .query_by_label("Persoonsgegevens in de casus")
            .is_some()
    );
    // Pointer clicks may not reach a button in a modal; a screen reader's click does.
    app.harness
        .get_by_label("Vervangen: Echte naam “Jan de Boer”")
        .click_accesskit();
    app.harness.run();
    let description = &app.app().document().unwrap().case.description;
    assert_eq!(
        description,
        "zoon belt Janssen elke week. zoon komt in januari."
    );
    // The check is run again: that name is found no more (the fixture's other people
    // still are).
    let left: Vec<String> = app
        .harness
        .query_all_by_label_contains("Echte naam “Jan")
        .map(|n| format!("{n:?}"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn csv_rows_of_two_cases_pooled_in_one_sheet_tell_their_case_apart() {
    let mut first = fixture();
    first.title = "Eerste casus".into();
    let mut second = fixture();
    second.title = "Tweede casus".into();
    second.meeting_date = NaiveDate::from_ymd_opt(2027, 2, 3);
    let mut sheet = String::new();
    for case in [&first, &second] {
        let csv = String::from_utf8(exported(case, Language::Nl, Format::Csv)).unwrap();
        // Each file's header, then its rows: pooled, the rows follow one another.
        sheet.extend(csv.lines().skip(1).map(|line| format!("{line}\n")));
    }
    let rows: Vec<&str> = sheet.lines().collect();
    let chosen = first.chosen().count();
    assert_eq!(rows.len(), 2 * chosen);
    for row in &rows[..chosen] {
        assert!(row.starts_with("Eerste casus;12-11-2026;"), "{row}");
    }
    for row in &rows[chosen..] {
        assert!(row.starts_with("Tweede casus;03-02-2027;"), "{row}");
    }
    // The justification is a column of its own.
    let option = first.chosen().next().unwrap();
    assert!(
        rows[0].contains(option.decision_reason.trim()),
        "{}",
        rows[0]
    );
}

/// pdfinfo's complaints about a PDF: its standard error, which is empty for a sound file.
fn pdfinfo_complaints(pdf: &Path) -> Option<String> {
    poppler("pdfinfo", &[pdf.as_os_str()])?;
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    Some(String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The large case (300 notes, 80 options) reads like a document: no soft hyphens in the
/// text (nothing is hyphenated), every owner's name whole on one line, and nothing
/// pdfinfo complains about. In both languages.
#[test]
fn the_large_case_pdf_has_no_soft_hyphen_no_broken_owner_and_no_pdfinfo_complaint() {
    use swan_casus::model::sample::{SampleSize, generate};
    let case = generate(SampleSize::LARGE);
    let temp = tempfile::tempdir().unwrap();
    for language in [Language::Nl, Language::En] {
        let pdf = temp.path().join(format!("groot-{}.pdf", language.code()));
        std::fs::write(&pdf, exported(&case, language, Format::Pdf)).unwrap();
        let Some(complaints) = pdfinfo_complaints(&pdf) else {
            return;
        };
        assert_eq!(complaints, "", "pdfinfo complains about the PDF");
        let text = pdf_text(&pdf, None).unwrap();
        assert!(!text.contains('\u{ad}'), "a soft hyphen in the PDF's text");
        let rows = export::plan::intervention_rows(&case, &Method::builtin(), language);
        assert!(rows.len() >= 30, "the large case has a real plan");
        for row in rows.iter().filter(|r| !r.owner.is_empty()) {
            assert!(
                text.lines().any(|line| line.contains(&row.owner)),
                "the owner {:?} is broken over lines",
                row.owner
            );
        }
    }
}

fn example_style_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/report/example-style/huisstijl.ron")
}

/// An organisation's style puts its name and contact line (and its logo) on the report,
/// in each of the three formats that have a look.
#[test]
fn the_organisation_style_shows_in_the_pdf_docx_and_html() {
    let style = ReportStyle::load(&example_style_path()).unwrap();
    let case = fixture();
    let name = "Wijkteam Noordoever";
    let contact = "wijkteam@noordoever.example";

    let html = String::from_utf8(exported_in(&case, &style, Language::Nl, Format::Html)).unwrap();
    assert!(html.contains(name) && html.contains(contact), "{html}");
    assert!(html.contains("src=\"data:image/png;base64,iVBORw0KGgo"));
    assert!(html.contains("--accent: #2e7d32"));

    let docx = exported_in(&case, &style, Language::Nl, Format::Docx);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let text = xml_text(&xml);
    assert!(text.contains(name) && text.contains(contact), "{text}");
    assert!(
        archive.file_names().any(|f| f.starts_with("word/media/")),
        "the logo is in the DOCX"
    );

    let temp = tempfile::tempdir().unwrap();
    let pdf = temp.path().join("huisstijl.pdf");
    std::fs::write(&pdf, exported_in(&case, &style, Language::Nl, Format::Pdf)).unwrap();
    let Some(first) = pdf_text(&pdf, Some(1)) else {
        return;
    };
    assert!(first.contains(name) && first.contains(contact), "{first}");
    // From the second page on, the page header names the organisation.
    let second = pdf_text(&pdf, Some(2)).unwrap();
    assert!(second.contains(name), "{second}");
    assert_eq!(pdfinfo_complaints(&pdf).unwrap(), "");
}

#[test]
fn the_command_line_exports_in_an_organisation_style_and_refuses_a_bad_one() {
    let temp = tempfile::tempdir().unwrap();
    let out = swan()
        .arg("export")
        .arg(fixture_path())
        .args(["--format", "html", "--output"])
        .arg(temp.path())
        .arg("--style")
        .arg(example_style_path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(temp.path().join("plan.html")).unwrap();
    assert!(html.contains("Wijkteam Noordoever"));

    // A bad colour, a missing logo, a field the format does not have, a missing file:
    // exit code 2, a sentence naming the file and the mistake, and nothing written.
    let cases = [
        ("(accent: \"groen\")", "nl", "‘groen’"),
        ("(logo: \"weg.png\")", "nl", "weg.png"),
        (
            "(\n  organisation: \"X\",\n  kleur: \"#000000\",\n)",
            "en",
            "line 3",
        ),
    ];
    for (i, (text, lang, expected)) in cases.into_iter().enumerate() {
        let style = temp.path().join(format!("stijl-{i}.ron"));
        std::fs::write(&style, text).unwrap();
        let output = temp.path().join(format!("uit-{i}"));
        std::fs::create_dir(&output).unwrap();
        let out = swan()
            .arg("export")
            .arg(fixture_path())
            .args(["--format", "pdf", "--lang", lang, "--output"])
            .arg(&output)
            .arg(format!("--style={}", style.display()))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{text}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("stijl-{i}.ron")), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
        assert_eq!(std::fs::read_dir(&output).unwrap().count(), 0, "{text}");
    }
    let out = swan()
        .arg("export")
        .arg(fixture_path())
        .args(["--format", "pdf", "--style"])
        .arg(temp.path().join("nergens.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nergens.ron"));
    let out = swan()
        .arg("export")
        .arg(fixture_path())
        .args(["--format", "pdf", "--style"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--style"));
}

/// Methode → Huisstijl kiezen… makes the window's exports use the organisation's style,
/// and remembers it; a remembered style that has gone missing is said in the status bar
/// and the built-in style is used; Standaardhuisstijl goes back.
#[test]
fn the_window_exports_in_the_chosen_style_and_remembers_it() {
    let temp = tempfile::tempdir().unwrap();
    let style_folder = temp.path().join("huisstijl");
    std::fs::create_dir(&style_folder).unwrap();
    for name in ["huisstijl.ron", "logo.png"] {
        let from = example_style_path().with_file_name(name);
        std::fs::copy(from, style_folder.join(name)).unwrap();
    }
    let style_path = style_folder.join("huisstijl.ron");
    let case_path = temp.path().join("casus.swan.ron");
    storage::save_case(&case_path, &fixture()).unwrap();

    let mut app = start(temp.path(), Some(case_path.clone()), (1280.0, 800.0));
    app.dialogs.push(&style_path);
    app.click("Methode");
    app.click("Huisstijl kiezen…");
    assert_eq!(app.app().style_source(), Some(style_path.as_path()));
    assert!(
        matches!(app.app().status(), Some(Notice::Info(text)) if text.contains("huisstijl.ron")),
        "{:?}",
        app.app().status()
    );
    let target = temp.path().join("plan.html");
    app.dialogs.push(&target);
    app.press(Modifiers::COMMAND, Key::E);
    app.click("Webpagina (HTML)");
    click_and_wait_for_export(&mut app, "Exporteren…");
    assert!(app.app().error().is_none(), "{:?}", app.app().error());
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.contains("Wijkteam Noordoever"));

    // The next start uses the remembered style.
    let again = start(temp.path(), None, (1280.0, 800.0));
    assert_eq!(again.app().style_source(), Some(style_path.as_path()));
    assert!(again.app().status().is_none(), "{:?}", again.app().status());

    // Gone missing: a message in the status bar, the built-in style, still remembered.
    std::fs::remove_file(&style_path).unwrap();
    let mut missing = start(temp.path(), None, (1280.0, 800.0));
    assert_eq!(missing.app().style_source(), None);
    match missing.app().status() {
        Some(Notice::Error(text)) => {
            assert!(text.contains("huisstijl.ron"), "{text}");
            assert!(text.contains("standaardhuisstijl"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        missing.app().settings().style_file,
        Some(style_path.clone())
    );

    // Back to the default style, which is then no longer remembered.
    std::fs::copy(example_style_path(), &style_path).unwrap();
    missing.dialogs.push(&style_path);
    missing.click("Methode");
    missing.click("Huisstijl kiezen…");
    assert_eq!(missing.app().style_source(), Some(style_path.as_path()));
    missing.click("Methode");
    missing.click("Standaardhuisstijl");
    assert_eq!(missing.app().style_source(), None);
    assert_eq!(missing.app().settings().style_file, None);
}

/// The CSV holds every meeting's interventions: the first meeting's with where they
/// stand after the follow-up, and the follow-up's own, dated by their meeting.
#[test]
fn the_csv_holds_the_interventions_of_every_meeting() {
    let case = follow_up_fixture();
    let csv = String::from_utf8(exported(&case, Language::Nl, Format::Csv)).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with("Status;Bespreking;Besluit laatste vervolgbespreking;Bestand"));
    let row = |text: &str| {
        *lines
            .iter()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no row for {text}: {csv}"))
    };
    let scooter = row("Scootmobiel verstrekken");
    assert!(scooter.contains(";12-11-2026;"), "{scooter}");
    assert!(
        scooter.contains(";Afgerond;Eerste bespreking;"),
        "{scooter}"
    );
    assert!(
        scooter.contains("Bijstellen: Ze gebruikt hem dagelijks"),
        "{scooter}"
    );
    let shed = row("Stalling voor de scootmobiel bij de flat");
    assert!(shed.contains(";15-01-2027;"), "{shed}");
    assert!(shed.contains(";Vervolgbespreking;"), "{shed}");
    // Chosen in the first meeting (3) and in the follow-up (1), and the header.
    assert_eq!(lines.len(), 5, "{csv}");
}

fn follow_up_fixture() -> Case {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/follow_up.swan.ron");
    storage::load_case(&path).unwrap()
}

/// The texts of the follow-up that every format must carry: what happened, the
/// decisions and the new note and option, with both meetings' dates.
fn follow_up_texts(language: Language) -> Vec<&'static str> {
    let mut texts = match language {
        Language::Nl => vec!["15 januari 2027", "12 november 2026"],
        Language::En => vec!["15 January 2027", "12 November 2026"],
    };
    texts.extend([
        "Proefrit gedaan; de scootmobiel is op 5 december geleverd.",
        "een stalling regelen",
        "Ze rijdt zelf naar de markt; de post is op orde.",
        "Stalling voor de scootmobiel bij de flat",
    ]);
    texts.extend(match language {
        Language::Nl => ["Vervolgbespreking", "Bijstellen", "Voortzetten", "Stoppen"],
        Language::En => ["Follow-up meeting", "Adjust", "Continue", "Stop"],
    });
    texts
}

/// The report shows both meetings, dated: the first as it was (the follow-up's notes and
/// option stay out of its phases and plan), then the follow-up beside it.
#[test]
fn a_follow_up_is_reported_after_the_plan_in_every_format() {
    let case = follow_up_fixture();
    for (format, language, name) in [
        (Format::Markdown, Language::Nl, "follow_up.nl.md"),
        (Format::Markdown, Language::En, "follow_up.en.md"),
        (Format::Html, Language::Nl, "follow_up.nl.html"),
        (Format::Html, Language::En, "follow_up.en.html"),
    ] {
        assert_golden(name, &exported(&case, language, format));
    }
    let markdown = String::from_utf8(exported(&case, Language::Nl, Format::Markdown)).unwrap();
    let plan = markdown.find("# Interventieplan").expect("the plan");
    let follow_up = markdown.find("# Vervolgbespreking").expect("the follow-up");
    assert!(plan < follow_up, "the follow-up comes after the plan");
    // The summary tells where the plan stands now (below); the first meeting's own
    // sections, from the participants on, stay as they were.
    let details = markdown.find("## Deelnemers").expect("the details");
    let first_meeting = &markdown[details..follow_up];
    for new in [
        "Ze rijdt zelf naar de markt",
        "Stalling voor de scootmobiel",
    ] {
        assert!(
            !first_meeting.contains(new),
            "{new} is not of the first meeting"
        );
    }
    // The first meeting's report is what it was without the follow-up.
    let mut without = case.clone();
    without.follow_ups.clear();
    without.notes.retain(|n| n.session == 0);
    without.options.retain(|o| o.session == 0);
    let before = String::from_utf8(exported(&without, Language::Nl, Format::Markdown)).unwrap();
    let before_details = &before[before.find("## Deelnemers").unwrap()..];
    assert!(
        before_details.starts_with(first_meeting),
        "the first meeting changed"
    );
    // The summary: each choice with the latest decision about it, the follow-up's own
    // choice, and no next evaluation that has already been held.
    let summary = &markdown[..details];
    assert!(
        summary.contains("(Stoppen, vervolgbespreking 15 januari 2027)"),
        "{summary}"
    );
    assert!(
        summary.contains("Vervolgbespreking: Stalling voor de scootmobiel"),
        "{summary}"
    );
    assert!(
        !summary.contains("Volgende evaluatie: 15 januari 2027"),
        "{summary}"
    );

    let temp = tempfile::tempdir().unwrap();
    for language in Language::ALL {
        let bytes = exported(&case, language, Format::Docx);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        let text = flat(&xml_text(&xml));
        for expected in follow_up_texts(language) {
            assert!(
                text.contains(&flat(expected)),
                "missing in DOCX: {expected}"
            );
        }
        let pdf = temp.path().join(format!("vervolg-{language:?}.pdf"));
        std::fs::write(&pdf, exported(&case, language, Format::Pdf)).unwrap();
        if let Some(text) = pdf_text(&pdf, None) {
            let text = flat(&text);
            for expected in follow_up_texts(language) {
                assert!(
                    text.contains(&flat(expected)),
                    "missing in PDF: {expected}\n{text}"
                );
            }
        }
    }
}
