//! Generated cases of any size, for the benchmarks and the scale tests: a case as a long
//! meeting series leaves it (notes on every level, tags, contributors, signals, options
//! with decisions and plans, persons named in the notes), made from a seed so every run
//! measures the same case. Not checked in as a file, so it can grow with the model.

use chrono::NaiveDate;

use super::{
    Case, Consent, Decision, Entry, ItemId, Level, Owner, Phase, PlanStatus, Signal, Stage,
};

/// How big a generated case is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampleSize {
    /// Notes, spread over the three phases and levels.
    pub notes: usize,
    /// Intervention options; about half are chosen, with a plan.
    pub options: usize,
    /// People in the case, named in the notes.
    pub persons: usize,
}

impl SampleSize {
    /// The large case of the benchmarks: a long meeting series on one case.
    pub const LARGE: SampleSize = SampleSize {
        notes: 300,
        options: 80,
        persons: 12,
    };
    /// Far beyond any meeting: the window must still keep up.
    pub const HUGE: SampleSize = SampleSize {
        notes: 5_000,
        options: 80,
        persons: 12,
    };
}

/// Condition and factor keys of the built-in method, so tags show as chips.
const CONDITIONS: [&str; 4] = [
    "socio_economic_security",
    "social_inclusion",
    "social_cohesion",
    "social_empowerment",
];
const FACTORS: [&str; 5] = [
    "resident_and_network",
    "professional",
    "team",
    "organisation",
    "policy_and_context",
];

const FIRST_NAMES: [&str; 12] = [
    "Marian", "Kees", "Fatima", "Joost", "Zoë", "Emre", "Annelies", "Mohamed", "Bram", "Ingrid",
    "Sevda", "Henk",
];
const SURNAMES: [&str; 12] = [
    "de Vries",
    "Jansen",
    "El Amrani",
    "van der Berg",
    "Ünal",
    "Smulders",
    "Bakker",
    "Hendriks",
    "Yılmaz",
    "Sørensen",
    "van Dijk",
    "Kramer",
];

const OPENINGS: [&str; 10] = [
    "{name} vertelt dat",
    "Volgens de wijkverpleegkundige",
    "Bij het keukentafelgesprek bleek dat",
    "De mantelzorger geeft aan dat",
    "Uit het dossier blijkt dat",
    "{name} zegt zelf dat",
    "De huisarts meldt dat",
    "Buren hebben gezien dat",
    "In het vorige overleg is afgesproken dat",
    "De casusinbrenger vermoedt dat",
];
const MIDDLES: [&str; 12] = [
    "de trap naar de voordeur niet meer lukt",
    "de post al weken ongeopend blijft liggen",
    "er schulden zijn bij de energieleverancier",
    "de dochter overbelast raakt door de zorg",
    "de buurtkamer op dinsdag een koffieochtend heeft",
    "de woningcorporatie geen aanpassing wil betalen",
    "het vervoer naar de dagbesteding is weggevallen",
    "er weinig contact is met de buren in de flat",
    "de wachtlijst voor begeleiding zes maanden is",
    "de scootmobiel niet in de gang past",
    "het voorliggend veld nog niet is benaderd",
    "de regels voor een maatwerkvoorziening onduidelijk zijn",
];
const ENDINGS: [&str; 8] = [
    ".",
    ", en dat speelt al sinds het voorjaar.",
    "; dat geldt voor meer bewoners in de wijk.",
    ", maar daar is nog niets mee gedaan.",
    ". Dit moet bij het volgende overleg terugkomen.",
    ", wat spanning geeft in het gezin.",
    " (nagevraagd bij de praktijkondersteuner).",
    ", al wisselt dat per week.",
];
const INTERVENTIONS: [&str; 10] = [
    "Keukentafelgesprek met {name} en de dochter over de taakverdeling",
    "Aanmelden bij de vrijwillige thuisadministratie",
    "Respijtzorg regelen zodat de mantelzorger kan bijkomen",
    "Koffieochtend in de buurtkamer samen bezoeken",
    "Signaal aan de woningcorporatie over trapliften in de flat",
    "Maatwerkvoorziening aanvragen voor een woningaanpassing",
    "Buurtbewoners vragen om een boodschappenrondje",
    "Met de gemeente de wachtlijst voor begeleiding bespreken",
    "Schuldhulpverlening inschakelen via het sociaal wijkteam",
    "Casus inbrengen bij het overleg met de huisarts",
];

/// Small, seeded pseudo-random numbers (xorshift): the same case on every machine.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A case of the given size, the same for the same size.
pub fn generate(size: SampleSize) -> Case {
    let mut rng = Rng(0x5EED_CA5E_u64 ^ size.notes as u64);
    let mut case = Case {
        title: "Mevrouw met de scootmobiel (gegenereerd)".into(),
        description: "Een bewoner van 78 jaar woont alleen op de derde verdieping; de lift \
                      is vaak stuk en de dochter doet de boodschappen."
            .into(),
        question: "Hoe kan zij zelfstandig blijven wonen zonder dat de dochter overbelast raakt?"
            .into(),
        meeting_date: NaiveDate::from_ymd_opt(2026, 12, 9),
        consent: Consent::Given,
        delete_by: NaiveDate::from_ymd_opt(2027, 12, 9),
        opening_notes: "Vraag: hoe vaak komt de dochter? Antwoord: drie keer per week.".into(),
        ..Case::default()
    };
    let participants = add_participants(&mut case);
    let names = add_persons(&mut case, size.persons);
    for i in 0..size.notes {
        let phase = [Phase::Understand, Phase::Choice][usize::from(i % 4 == 3)];
        let text = sentence(&mut rng, &names);
        let entry = sample_entry(&mut rng, &participants, text);
        case.add_note(phase, Level::ALL[i % 3], entry);
    }
    for i in 0..size.options {
        let text = fill(rng.pick(&INTERVENTIONS), &names, &mut rng);
        let entry = sample_entry(&mut rng, &participants, format!("{text} ({})", i + 1));
        let id = case.add_option(Level::ALL[i % 3], entry);
        decide(&mut case, id, i, &mut rng, &participants);
    }
    case.closing.neglected_level = "Het niveau van organisatie en beleid kwam pas laat.".into();
    case.closing.lessons = "Eerst alle niveaus verkennen voordat we oplossingen noemen.".into();
    case.stage = Stage::Phase(Phase::Understand);
    case
}

fn add_participants(case: &mut Case) -> Vec<ItemId> {
    [
        ("Wmo-consultant A", "Wmo-consultant", "facilitator"),
        ("Wijkverpleegkundige B", "wijkverpleging", "case_bringer"),
        ("Opbouwwerker C", "opbouwwerk", "participant"),
        ("Schuldhulpverlener D", "schuldhulp", "participant"),
        ("Beleidsmedewerker E", "gemeente, beleid", "expert"),
        ("Student F", "social work", "note_taker"),
    ]
    .into_iter()
    .map(|(name, discipline, role)| case.add_participant(name, discipline, role))
    .collect()
}

/// Adds the persons and returns the names the notes mention them by.
fn add_persons(case: &mut Case, count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            // 12 × 12 × 12 different names: a second first name past the first 144.
            let first = FIRST_NAMES[i % FIRST_NAMES.len()];
            let surname = SURNAMES[(i / FIRST_NAMES.len()) % SURNAMES.len()];
            let second = i / (FIRST_NAMES.len() * SURNAMES.len());
            let name = match second {
                0 => format!("{first} {surname}"),
                n => format!("{first} {} {surname}", FIRST_NAMES[n % FIRST_NAMES.len()]),
            };
            let id = case.add_person();
            let person = case.persons.iter_mut().find(|p| p.id == id).unwrap();
            person.real_name = name.clone();
            person.pseudonym = format!("persoon {}", i + 1);
            name
        })
        .collect()
}

fn fill(template: &str, names: &[String], rng: &mut Rng) -> String {
    let name = names
        .get(rng.below(names.len()))
        .map_or("de bewoner", |n| n);
    template.replace("{name}", name)
}

fn sentence(rng: &mut Rng, names: &[String]) -> String {
    let opening = fill(rng.pick(&OPENINGS), names, rng);
    let mut text = format!("{opening} {}{}", rng.pick(&MIDDLES), rng.pick(&ENDINGS));
    // Some notes run to a paragraph, as when the note taker writes a whole turn.
    if rng.chance(20) {
        for _ in 0..rng.below(4) + 1 {
            let more = fill(rng.pick(&OPENINGS), names, rng);
            text.push_str(&format!(
                " {more} {}{}",
                rng.pick(&MIDDLES),
                rng.pick(&ENDINGS)
            ));
        }
    }
    text
}

fn sample_entry(rng: &mut Rng, participants: &[ItemId], text: String) -> Entry {
    let mut entry = Entry::new(text);
    if rng.chance(60) {
        entry.contributor = Some(participants[rng.below(participants.len())]);
    }
    if rng.chance(40) {
        entry.conditions.push(rng.pick(&CONDITIONS).to_owned());
    }
    if rng.chance(30) {
        entry.factors.push(rng.pick(&FACTORS).to_owned());
    }
    if rng.chance(5) {
        entry.signal = Some(Signal {
            to: "beleidsmedewerker Wmo".into(),
            change: "Trapliften in flats zonder lift opnemen in het woonbeleid.".into(),
        });
    }
    entry
}

fn decide(case: &mut Case, id: ItemId, i: usize, rng: &mut Rng, participants: &[ItemId]) {
    let chosen = i.is_multiple_of(2);
    let owner = if rng.chance(50) {
        Owner::Participant(participants[rng.below(participants.len())])
    } else {
        Owner::Named("sociaal wijkteam".into())
    };
    let Some(option) = case.option_mut(id) else {
        return;
    };
    option.decision = match i % 4 {
        0 | 2 => Decision::Chosen,
        1 => Decision::Rejected,
        _ => Decision::Open,
    };
    option.decision_reason = if chosen {
        "Sluit aan bij wat de bewoner zelf wil en ontlast de mantelzorger.".into()
    } else {
        "Te weinig draagvlak; eerst het voorliggend veld proberen.".into()
    };
    if chosen {
        let plan = &mut option.plan;
        plan.owner = owner;
        plan.first_step = "Bellen en een afspraak maken voor een huisbezoek.".into();
        plan.alternatives = "Alleen thuiszorg: lost de eenzaamheid niet op.".into();
        plan.deadline = NaiveDate::from_ymd_opt(2027, 1 + (i % 12) as u32, 1 + (i % 28) as u32);
        plan.follow_up = NaiveDate::from_ymd_opt(2027, 3, 1);
        plan.status = PlanStatus::ALL[i % 3];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_case_has_its_size_and_is_the_same_every_time() {
        let case = generate(SampleSize::LARGE);
        assert_eq!(case.notes.len(), 300);
        assert_eq!(case.options.len(), 80);
        assert_eq!(case.persons.len(), 12);
        assert_eq!(case.id_problem(), None);
        assert_eq!(case, generate(SampleSize::LARGE));
        for phase in [Phase::Understand, Phase::Choice] {
            for level in Level::ALL {
                assert!(case.notes_in(phase, level).count() > 20);
            }
        }
        assert!(case.options.iter().any(|o| o.decision == Decision::Chosen));
        assert!(case.notes.iter().any(|n| n.entry.signal.is_some()));
    }

    #[test]
    fn a_thousand_persons_have_a_thousand_names() {
        let size = SampleSize {
            persons: 1000,
            ..SampleSize::LARGE
        };
        let case = generate(size);
        let names: std::collections::HashSet<_> =
            case.persons.iter().map(|p| p.real_name.as_str()).collect();
        assert_eq!(names.len(), 1000);
    }
}
