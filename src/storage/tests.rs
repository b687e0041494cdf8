use chrono::NaiveDate;

use super::*;
use crate::model::{Decision, Entry, Level, Phase, Stage, TagKind};

/// A case in which every field has a value that differs from its default.
pub fn full_case() -> Case {
    let mut case = Case {
        title: "Scootmobiel met een ander verhaal".into(),
        description: "Mevrouw (78) vraagt een scootmobiel; café, crème, coöperatie, ĳs.".into(),
        question: "Wat doen we met de \"andere\" vraag?\nTweede regel.".into(),
        meeting_date: NaiveDate::from_ymd_opt(2026, 11, 12),
        opening_notes: "Is er mantelzorg? Nee.".into(),
        stage: Stage::Phase(Phase::Choice),
        ..Case::default()
    };
    let sanne = case.add_participant("Sanne", "Wmo-consultant", "case_bringer");
    case.add_participant("Joris", "opbouwwerker", "participant");
    let mut entry = Entry::new("Ongeopende post");
    entry.contributor = Some(sanne);
    entry.toggle_tag(TagKind::Condition, "socio_economic_security");
    entry.toggle_tag(TagKind::Factor, "resident_and_network");
    case.add_note(Phase::Understand, Level::Individual, entry.clone());
    case.add_note(
        Phase::Choice,
        Level::Policy,
        Entry::new("Signaal naar de gemeente"),
    );
    let option = case.add_option(Level::Community, entry);
    let o = case.option_mut(option).unwrap();
    o.decision = Decision::Chosen;
    o.decision_reason = "Past bij haar wens".into();
    case.closing.neglected_level = "Niveau 3".into();
    case.closing.lessons = "Eerder doorvragen".into();
    case.closing.case_bringer_takeaway = "Buurtkamer".into();
    case.closing.reflection.what_happened = "a".into();
    case.closing.reflection.thoughts_and_feelings = "b".into();
    case.closing.reflection.what_went_well = "c".into();
    case.closing.reflection.do_differently = "d".into();
    let mut teacher = crate::model::TeacherSetup {
        locked: true,
        ..Default::default()
    };
    teacher.set_prompts_text(
        Phase::Possibilities,
        "Wat kan de school doen?\nWie betaalt?",
    );
    case.teacher = Some(teacher);
    case.is_template = true;
    case
}

#[test]
fn every_field_survives_save_and_load() {
    let case = full_case();
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("casus.swan.ron");
    save_case(&path, &case).unwrap();
    assert_eq!(load_case(&path).unwrap(), case);
}

#[test]
fn file_starts_with_the_format_version() {
    let text = case_to_string(&full_case()).unwrap();
    assert!(
        text.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},")),
        "{text}"
    );
}

#[test]
fn missing_optional_fields_are_tolerated() {
    let case = case_from_str("(format_version: 1, case: (title: \"Alleen een titel\"))").unwrap();
    assert_eq!(case.title, "Alleen een titel");
    assert!(case.notes.is_empty());
    let case = case_from_str("(format_version: 1)").unwrap();
    assert_eq!(case, Case::default());
}

#[test]
fn newer_versions_are_refused_even_with_unknown_fields() {
    let err = case_from_str("(format_version: 7, case: (), hologram: true)").unwrap_err();
    assert_eq!(
        err,
        LoadError::NewerVersion {
            found: 7,
            supported: FORMAT_VERSION
        }
    );
}

#[test]
fn broken_files_say_where() {
    let err = case_from_str("(\n  format_version: 1,\n  case: (title: 5),\n)").unwrap_err();
    assert_eq!(err.position().map(|p| p.0), Some(3), "{err:?}");
    assert_eq!(case_from_str("   \n"), Err(LoadError::Empty));
    assert_eq!(case_from_str("(case: ())"), Err(LoadError::NotACaseFile));
    assert_eq!(
        case_from_str("(format_version: 0)"),
        Err(LoadError::UnknownVersion(0))
    );
}

#[test]
fn save_keeps_the_previous_version_as_backup() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("casus.swan.ron");
    let mut case = full_case();
    save_case(&path, &case).unwrap();
    let first = std::fs::read_to_string(&path).unwrap();
    case.title = "Tweede versie".into();
    save_case(&path, &case).unwrap();
    assert_eq!(std::fs::read_to_string(backup_path(&path)).unwrap(), first);
    assert_eq!(load_case(&path).unwrap().title, "Tweede versie");
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(temp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn binary_and_huge_files_are_refused_without_change() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("bad.swan.ron");
    std::fs::write(&path, [0x28, 0xff, 0xfe, 0x00]).unwrap();
    assert_eq!(load_case(&path), Err(LoadError::NotText { offset: 1 }));
    let big = temp.path().join("big.swan.ron");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    assert!(matches!(load_case(&big), Err(LoadError::TooLarge { .. })));
    assert_eq!(std::fs::read(&path).unwrap(), [0x28, 0xff, 0xfe, 0x00]);
}

#[test]
fn saving_into_a_missing_folder_fails_cleanly() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("no-such-folder").join("casus.swan.ron");
    let err = save_case(&path, &full_case()).unwrap_err();
    assert_eq!(err.io_kind(), Some(std::io::ErrorKind::NotFound));
}

#[test]
fn extension_is_added_when_missing() {
    assert_eq!(
        with_case_extension(PathBuf::from("/tmp/casus")),
        PathBuf::from("/tmp/casus.swan.ron")
    );
    assert_eq!(
        with_case_extension(PathBuf::from("/tmp/casus.swan.ron")),
        PathBuf::from("/tmp/casus.swan.ron")
    );
}

#[test]
fn a_same_size_change_with_the_old_time_is_noticed() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("casus.swan.ron");
    save_case(&path, &full_case()).unwrap();
    let (case, stamp) = load_case_stamped(&path).unwrap();
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap().replace("Sanne", "Sanna");
    fs::write(&path, &text).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let now = file_stamp(&path).unwrap();
    assert!(!stamp.same_content(&now));
    // A save that expects the version it read refuses, and leaves the other one.
    let options = WriteOptions {
        expected: Some(&stamp),
        ..WriteOptions::default()
    };
    let err = save_case_with(&path, &case, &options).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk(_)), "{err:?}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert!(!backup_path(&path).exists());
}

#[test]
fn a_case_too_large_to_read_back_is_not_saved() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("groot.swan.ron");
    save_case(&path, &full_case()).unwrap();
    let before = fs::read(&path).unwrap();
    let mut case = full_case();
    let text = "x".repeat(crate::model::MAX_TEXT_CHARS);
    let notes = (MAX_SAVE_BYTES as usize / text.len()) + 1;
    for _ in 0..notes {
        case.add_note(
            Phase::Understand,
            Level::Community,
            Entry::new(text.clone()),
        );
    }
    let err = save_case(&path, &case).unwrap_err();
    assert!(matches!(err, SaveError::TooLarge { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn devices_are_refused_before_they_are_read() {
    for device in ["/dev/zero", "/dev/null"] {
        assert_eq!(load_case(Path::new(device)), Err(LoadError::NotAFile));
    }
}
