use super::*;

/// The three hand-written sessions of tests/fixtures/compare.
fn fixtures() -> Vec<Session> {
    [
        (
            "groep-a.swan.ron",
            include_str!("../../tests/fixtures/compare/groep-a.swan.ron"),
        ),
        (
            "groep-b.swan.ron",
            include_str!("../../tests/fixtures/compare/groep-b.swan.ron"),
        ),
        (
            "groep-c.swan.ron",
            include_str!("../../tests/fixtures/compare/groep-c.swan.ron"),
        ),
    ]
    .into_iter()
    .map(|(name, source)| Session {
        path: PathBuf::from(name),
        case: storage::case_from_str(source).expect(name),
    })
    .collect()
}

fn built(language: Language) -> Comparison {
    compare(
        &fixtures(),
        &[],
        &Method::builtin(),
        language,
        Names::Pseudonymised,
    )
    .unwrap()
}

fn row<'a>(comparison: &'a Comparison, section: usize, label_contains: &str) -> &'a Row {
    comparison.sections[section]
        .rows
        .iter()
        .find(|r| r.label.contains(label_contains))
        .unwrap_or_else(|| panic!("no row {label_contains} in section {section}"))
}

fn texts(row: &Row) -> Vec<&str> {
    row.cells.iter().map(|c| c.text.as_str()).collect()
}

fn marked(row: &Row) -> Vec<bool> {
    row.cells.iter().map(|c| c.marked).collect()
}

#[test]
fn counts_per_phase_and_level_with_the_empty_level_marked() {
    let c = built(Language::Nl);
    assert_eq!(c.groups.len(), 3);
    assert_eq!(c.groups[1].name, "Groep 2");
    assert_eq!(c.groups[1].file, "groep-b.swan.ron");
    // Phase 1, level 2: group B has nothing while A and C have a note.
    let level2 = row(&c, 1, "Niveau 2");
    assert_eq!(texts(level2), ["1", "0", "1"]);
    assert_eq!(marked(level2), [false, true, false]);
    let words = level2.difference.as_deref().unwrap();
    assert!(words.contains("Groep 2"), "{words}");
    assert!(words.contains("Groep 1 en Groep 3"), "{words}");
    // Phase 2 counts options: group B has none on level 2.
    assert_eq!(texts(row(&c, 2, "Niveau 1")), ["2", "1", "1"]);
    assert_eq!(marked(row(&c, 2, "Niveau 2")), [false, true, false]);
    // Phase 3: only A has a note on level 1, only C on level 2.
    assert_eq!(texts(row(&c, 3, "Niveau 1")), ["1", "0", "0"]);
    assert_eq!(marked(row(&c, 3, "Niveau 1")), [false, true, true]);
    // Nobody has a phase-3 note on level 3: nothing to mark, nothing said.
    let none = row(&c, 3, "Niveau 3");
    assert_eq!(marked(none), [false, false, false]);
    assert_eq!(none.difference, None);
}

#[test]
fn chosen_interventions_and_a_level_without_choice() {
    let c = built(Language::Nl);
    let level3 = row(&c, 4, "Niveau 3");
    assert!(level3.cells[0].text.contains("Signaal aan de gemeente"));
    assert_eq!(level3.cells[2].text, "geen interventie gekozen");
    assert_eq!(marked(level3), [false, false, true]);
    assert_eq!(marked(row(&c, 4, "Niveau 2")), [false, true, true]);
}

#[test]
fn conditions_by_their_names_from_the_method() {
    let c = built(Language::En);
    let cohesion = row(&c, 5, "Social cohesion");
    assert_eq!(cohesion.label, "Social cohesion (Solidarity)");
    assert_eq!(marked(cohesion), [false, true, false]);
    assert_eq!(texts(cohesion)[1], "not covered");
    assert_eq!(texts(cohesion)[0], "covered (2×)");
    let inclusion = row(&c, 5, "Social inclusion");
    assert_eq!(marked(inclusion), [true, false, false]);
    assert!(inclusion.difference.as_deref().unwrap().contains("Group 1"));
}

#[test]
fn signals_and_time_where_recorded() {
    let c = built(Language::Nl);
    let count = row(&c, 6, "Aantal");
    assert_eq!(texts(count), ["1", "1", "0"]);
    assert_eq!(marked(count), [false, false, true]);
    let time = &c.sections[7];
    assert_eq!(time.rows[0].cells[0].text, "9 min");
    assert_eq!(time.rows[0].cells[1].text, "—");
    let total = time.rows.last().unwrap();
    assert_eq!(total.cells[0].text, "64 min");
    assert_eq!(total.cells[2].text, "niet bijgehouden");
}

#[test]
fn names_are_pseudonymised_unless_asked() {
    let c = built(Language::Nl);
    let all: String = c
        .sections
        .iter()
        .flat_map(|s| {
            s.rows
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| c.text.clone()))
        })
        .collect();
    assert!(!all.contains("Visser"), "{all}");
    assert!(all.contains("de zoon (14)"), "{all}");
    let real = compare(
        &fixtures(),
        &[],
        &Method::builtin(),
        Language::Nl,
        Names::Real,
    )
    .unwrap();
    assert!(format!("{real:?}").contains("Daan Visser"));
}

#[test]
fn another_case_is_warned_about_and_the_same_case_is_not() {
    // B has another title but the same description, C the same title: one case.
    assert!(built(Language::Nl).warnings.is_empty());
    let mut sessions = fixtures();
    sessions[2].case.title = "Eenzame buurman".into();
    let c = compare(
        &sessions,
        &[],
        &Method::builtin(),
        Language::Nl,
        Names::Pseudonymised,
    )
    .unwrap();
    assert_eq!(c.warnings.len(), 1);
    assert!(c.warnings[0].contains("Groep 3"), "{}", c.warnings[0]);
}

#[test]
fn skipped_files_are_listed_and_one_session_is_too_few() {
    let skipped = [Skipped {
        path: PathBuf::from("/tmp/kapot.swan.ron"),
        error: LoadError::Empty,
    }];
    let c = compare(
        &fixtures(),
        &skipped,
        &Method::builtin(),
        Language::En,
        Names::Pseudonymised,
    )
    .unwrap();
    assert!(
        c.warnings[0].starts_with("kapot.swan.ron"),
        "{}",
        c.warnings[0]
    );
    let one = &fixtures()[..1];
    let err = compare(
        one,
        &skipped,
        &Method::builtin(),
        Language::En,
        Names::Pseudonymised,
    )
    .unwrap_err();
    assert_eq!(err, TooFew { loaded: 1 });
    assert!(too_few_message(Language::En, &err).contains("1"));
}

#[test]
fn a_folder_loads_its_case_files_in_order_and_lists_broken_ones() {
    let dir = tempfile::tempdir().unwrap();
    for (i, session) in fixtures().iter().enumerate() {
        let path = dir.path().join(format!("{}.swan.ron", ["c", "a", "b"][i]));
        storage::save_case(&path, &session.case).unwrap();
    }
    std::fs::write(
        dir.path().join("kapot.swan.ron"),
        "(format_version: 5, case: (title: 1))",
    )
    .unwrap();
    std::fs::write(dir.path().join("notities.txt"), "geen casus").unwrap();
    let a = dir.path().join("a.swan.ron");
    // The folder, and a file in it named again: loaded once.
    let loaded = load_sessions(&[dir.path().to_path_buf(), a]);
    let names: Vec<String> = loaded.sessions.iter().map(|s| file_name(&s.path)).collect();
    assert_eq!(names, ["a.swan.ron", "b.swan.ron", "c.swan.ron"]);
    assert_eq!(loaded.skipped.len(), 1);
    assert_eq!(file_name(&loaded.skipped[0].path), "kapot.swan.ron");
}
