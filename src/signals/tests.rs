use std::path::PathBuf;

use super::*;
use crate::model::{Entry, Phase, Signal};

fn signal_entry(text: &str, to: &str, change: &str, conditions: &[&str]) -> Entry {
    let mut entry = Entry::new(text);
    entry.conditions = conditions.iter().map(|c| (*c).to_owned()).collect();
    entry.signal = Some(Signal {
        to: to.into(),
        change: change.into(),
    });
    entry
}

fn case(title: &str, day: u32, entries: Vec<Entry>) -> Case {
    let mut case = Case {
        title: title.into(),
        meeting_date: NaiveDate::from_ymd_opt(2026, 10, day),
        ..Case::default()
    };
    for entry in entries {
        case.add_note(Phase::Understand, Level::Policy, entry);
    }
    case
}

fn loaded(name: &str, case: Case) -> LoadedCase {
    LoadedCase {
        path: PathBuf::from(format!("/team/{name}")),
        case,
    }
}

fn gather_nl(cases: &[LoadedCase]) -> Gathered {
    gather(cases, &Method::builtin(), Language::Nl, Names::Real)
}

#[test]
fn receivers_are_one_whatever_their_case_and_spacing() {
    let cases = [
        loaded(
            "a.swan.ron",
            case("A", 1, vec![signal_entry("x", "Teamleider  Wmo", "y", &[])]),
        ),
        loaded(
            "b.swan.ron",
            case(
                "B",
                2,
                vec![signal_entry("p", " teamleider wmo ", "q", &[])],
            ),
        ),
    ];
    let gathered = gather_nl(&cases);
    assert_eq!(gathered.receivers.len(), 1);
    assert_eq!(gathered.receivers[0].receiver, "Teamleider Wmo");
    assert_eq!(gathered.receivers[0].cases(), [0, 1]);
    assert_eq!(receiver_key(" Team\tLeider "), "team leider");
}

#[test]
fn tagged_signals_group_by_their_conditions_and_count_cases() {
    let housing = |text: &str| signal_entry(text, "gemeente", "meer woningen", &["housing"]);
    let cases = [
        loaded(
            "a.swan.ron",
            case("A", 3, vec![housing("trap"), housing("lift")]),
        ),
        loaded("b.swan.ron", case("B", 1, vec![housing("flat")])),
        loaded(
            "c.swan.ron",
            case(
                "C",
                2,
                vec![signal_entry("x", "gemeente", "y", &["housing", "income"])],
            ),
        ),
    ];
    let gathered = gather_nl(&cases);
    let themes = &gathered.receivers[0].themes;
    assert_eq!(themes.len(), 2, "{themes:?}");
    assert_eq!(themes[0].cases(), [0, 1]);
    assert_eq!(themes[0].signals.len(), 3);
    // By meeting date: case B (1 October) first.
    assert_eq!(themes[0].signals[0].source, "flat");
    assert!(matches!(&themes[0].theme, Theme::Conditions(t) if t.len() == 1));
    assert!(matches!(&themes[1].theme, Theme::Conditions(t) if t.len() == 2));
}

#[test]
fn untagged_signals_group_by_shared_significant_words() {
    let cases = [
        loaded(
            "a.swan.ron",
            case(
                "A",
                1,
                vec![signal_entry(
                    "De wachtlijst voor begeleiding is lang",
                    "gemeente",
                    "Wachtlijst begeleiding korter maken",
                    &[],
                )],
            ),
        ),
        loaded(
            "b.swan.ron",
            case(
                "B",
                2,
                vec![
                    signal_entry(
                        "Maanden wachten op begeleiding; de wachtlijst groeit",
                        "Gemeente",
                        "",
                        &[],
                    ),
                    signal_entry("Geen buurthuis meer", "gemeente", "Subsidie buurthuis", &[]),
                ],
            ),
        ),
    ];
    let gathered = gather_nl(&cases);
    let themes = &gathered.receivers[0].themes;
    assert_eq!(themes.len(), 2, "{themes:?}");
    assert_eq!(themes[0].cases(), [0, 1]);
    assert_eq!(
        themes[0].theme,
        Theme::Words(vec!["wachtlijst".into(), "begeleiding".into()])
    );
    assert_eq!(themes[1].signals[0].source, "Geen buurthuis meer");
}

#[test]
fn significant_words_leave_out_common_words_short_words_and_numbers() {
    assert_eq!(
        significant_words("De lift is al 3 weken stuk, en de Lift van 2026 ook niet!"),
        ["lift", "weken", "stuk"]
    );
}

#[test]
fn a_copy_of_a_case_counts_once() {
    let original = case("A", 1, vec![signal_entry("x", "gemeente", "y", &[])]);
    let cases = [
        loaded("b-kopie.swan.ron", original.clone()),
        loaded("a.swan.ron", original),
        loaded(
            "c.swan.ron",
            case("A", 1, vec![signal_entry("z", "gemeente", "y", &[])]),
        ),
    ];
    let gathered = gather_nl(&cases);
    assert_eq!(gathered.cases.len(), 2);
    assert_eq!(
        gathered.copies,
        [Copy {
            path: "/team/b-kopie.swan.ron".into(),
            same_as: "/team/a.swan.ron".into(),
            file_name: "b-kopie.swan.ron".into(),
            same_as_name: "a.swan.ron".into(),
        }]
    );
    assert_eq!(gathered.signal_count(), 2);
}

#[test]
fn names_are_pseudonymised_per_case_unless_asked() {
    let mut with_person = case(
        "Mevrouw Jansen",
        1,
        vec![signal_entry(
            "Jansen wacht op de lift",
            "gemeente",
            "lift",
            &[],
        )],
    );
    with_person.add_person();
    with_person.persons[0].real_name = "Jansen".into();
    let cases = [loaded("jansen.swan.ron", with_person)];
    let hidden = gather(
        &cases,
        &Method::builtin(),
        Language::Nl,
        Names::Pseudonymised,
    );
    let texts = format!("{hidden:?}");
    let shown_path = format!("{:?}", hidden.cases[0].path);
    assert!(
        !texts.replace(&shown_path, "").contains("Jansen"),
        "{texts}"
    );
    let real = gather(&cases, &Method::builtin(), Language::Nl, Names::Real);
    assert_eq!(real.cases[0].file_name, "jansen.swan.ron");
    assert!(real.rows().any(|(_, _, s)| s.source.contains("Jansen")));
}
