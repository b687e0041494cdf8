//! Tests of the whole scan on generated text: a corpus of case snippets with and without
//! personal data, and arbitrary input.
#![cfg(test)]

use std::time::Instant;

use super::FindingKind::{self, *};
use super::bsn::eleven_test;
use super::testing::check_invariants;
use super::{Finding, scan};

/// SplitMix64: small, seeded, good enough to vary test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

const MONTH_NAMES: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.",
];
const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const STREETS: &[&str] = &[
    "Dorpsstraat",
    "Kerkweg",
    "Molenlaan",
    "Burgemeester de Withstraat",
    "Van Goghplein",
    "Lange Nieuwstraat",
    "Oudegracht",
    "Julianalaan",
    "Stationsweg",
    "Prins Hendrikkade",
    "Ds. Kuypersingel",
    "Graaf Florisstraat",
    "Hoofdweg",
];
const CITIES: &[&str] = &[
    "Utrecht",
    "Ede",
    "Den Haag",
    "'s-Hertogenbosch",
    "Amersfoort",
    "Zwolle",
    "Deventer",
    "Rotterdam",
    "Almere",
    "Nijmegen",
];
const FIRST_NAMES: &[&str] = &[
    "Zoë", "Fatima", "Mohammed", "Anouk", "Daan", "Noë", "Chloé", "Ilse", "Kees", "Sanne", "Thijs",
    "Eline", "Bram", "Youssef", "Ayşe", "Mei-Ling", "René", "Marieke", "Joëlle", "Ĳsbrand",
    "Wouter", "Priya", "Günther", "Ömer",
];
const LAST_NAMES: &[&str] = &[
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "El Amrani",
    "Öztürk",
    "Visser",
    "Smit",
    "de Jong",
    "van Dijk",
    "Meijer",
    "Mulder",
    "Bĳl",
    "Çelik",
    "Nguyen",
    "Kramer",
    "d'Ancona",
    "Jansen-Bakker",
];
/// Registered with every sample; the clean text only holds longer words that start
/// the same (januari, evaluatie, elders, …).
const NEAR_MISS_NAMES: &[&str] = &["Jan", "Eva", "Els", "Ali", "Mo", "Bas", "Tim"];

fn valid_bsn(r: &mut Rng) -> String {
    loop {
        let d: Vec<u8> = (0..8).map(|_| r.below(10) as u8).collect();
        let weighted: u32 = d
            .iter()
            .zip((2..=9).rev())
            .map(|(&x, w)| u32::from(x) * w)
            .sum();
        let check = weighted % 11;
        if check < 10 && d.iter().any(|&x| x != 0) {
            return d
                .iter()
                .chain([&(check as u8)])
                .map(|&x| char::from(b'0' + x))
                .collect();
        }
    }
}

/// Nine digits that fail the 11-test.
fn invalid_bsn(r: &mut Rng) -> String {
    loop {
        let s = format!("{}{}", r.range(1, 9), r.digits(8));
        let d: Vec<u8> = s.bytes().map(|c| c - b'0').collect();
        if !eleven_test(&d.try_into().unwrap()) {
            return s;
        }
    }
}

fn iban_with_check(country: &str, bban: &str) -> String {
    let mut chars = format!("{country}00{bban}").into_bytes();
    let mut r = 0u32;
    for &c in chars[4..].iter().chain(&chars[..4]) {
        r = if c.is_ascii_digit() {
            (r * 10 + u32::from(c - b'0')) % 97
        } else {
            (r * 100 + u32::from(c - b'A') + 10) % 97
        };
    }
    let check = format!("{:02}", 98 - r);
    chars[2..4].copy_from_slice(check.as_bytes());
    String::from_utf8(chars).unwrap()
}

fn group4(s: &str) -> String {
    s.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

fn gen_iban(r: &mut Rng) -> String {
    let iban = match r.below(10) {
        0 => iban_with_check("DE", &r.digits(18)),
        1 => iban_with_check("BE", &r.digits(12)),
        2 => iban_with_check(
            "GB",
            &format!("{}{}", r.pick(&["WEST", "NWBK", "BARC"]), r.digits(14)),
        ),
        3 => iban_with_check("FR", &r.digits(23)),
        _ => {
            let bank = r.pick(&[
                "ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB",
            ]);
            iban_with_check("NL", &format!("{bank}{}", r.digits(10)))
        }
    };
    match r.below(8) {
        0 | 1 => iban,
        6 => format!("{} {} {}", &iban[..4], &iban[4..8], &iban[8..]),
        7 => format!("{} {}", &iban[..4], &iban[4..]),
        2 => iban.to_lowercase(),
        3 => group4(&iban).to_lowercase(),
        _ => group4(&iban),
    }
}

fn gen_phone(r: &mut Rng) -> String {
    let sub = |r: &mut Rng, n: usize| format!("{}{}", r.range(2, 9), r.digits(n - 1));
    if r.chance(55) {
        let m = sub(r, 8);
        let (a, b) = m.split_at(4);
        let pairs = format!("{} {} {} {}", &m[..2], &m[2..4], &m[4..6], &m[6..]);
        match r.below(20) {
            14 => format!("06 \u{2013} {m}"),
            15 => format!("06.{}", pairs.replace(' ', ".")),
            16 => format!("+31-6-{m}"),
            17 => format!("(+31) 6 {m}"),
            18 => format!("06/{m}"),
            19 => format!("+31 (0) 6 {} {} {}", &m[..3], &m[3..6], &m[6..]),
            0 => format!("06-{m}"),
            1 => format!("06 {m}"),
            2 => format!("06{m}"),
            3 => format!("06 {pairs}"),
            4 => format!("06-{a} {b}"),
            5 => format!("+31 6 {m}"),
            6 => format!("+31 (0)6 {m}"),
            7 => format!("+31(0)6-{m}"),
            8 => format!("+316{m}"),
            9 => format!("0031 6 {m}"),
            10 => format!("+31 6 {a} {b}"),
            11 => format!("06 - {m}"),
            12 => format!("(06) {m}"),
            _ => format!("06-{pairs}"),
        }
    } else if r.chance(60) {
        let area = r.pick(&[
            "10", "20", "30", "40", "50", "70", "13", "15", "23", "24", "26", "33", "35", "38",
            "43", "45", "53", "55", "71", "73", "76", "79",
        ]);
        let n = sub(r, 7);
        let (a, b) = n.split_at(3);
        match r.below(8) {
            0 => format!("0{area}-{n}"),
            1 => format!("0{area} {a} {b}"),
            2 => format!("0{area} {a} {} {}", &b[..2], &b[2..]),
            3 => format!("(0{area}) {n}"),
            4 => format!("+31 {area} {n}"),
            5 => format!("+31 (0){area} {a} {b}"),
            6 => format!("0{area}-{a} {} {}", &b[..2], &b[2..]),
            _ => format!("0{area}{n}"),
        }
    } else {
        let area = r.pick(&[
            "318", "113", "165", "180", "222", "294", "314", "341", "413", "499", "511", "591",
        ]);
        let n = sub(r, 6);
        match r.below(6) {
            0 => format!("0{area}-{n}"),
            1 => format!("0{area} {} {} {}", &n[..2], &n[2..4], &n[4..]),
            2 => format!("(0{area}) {n}"),
            3 => format!("+31 {area} {n}"),
            4 => format!("0{area} {n}"),
            _ => format!("0{area}-{} {} {}", &n[..2], &n[2..4], &n[4..]),
        }
    }
}

fn plain(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'ë' | 'é' => Some('e'),
            'ö' => Some('o'),
            'ü' => Some('u'),
            'ç' | 'Ç' => Some('c'),
            'ş' => Some('s'),
            'Ĳ' | 'ĳ' => Some('y'),
            'Ö' => Some('o'),
            ' ' | '\'' => None,
            c => Some(c.to_ascii_lowercase()),
        })
        .collect()
}

fn gen_email(r: &mut Rng) -> String {
    let first = plain(r.pick(FIRST_NAMES));
    let last = plain(r.pick(LAST_NAMES));
    let initial = &first[..1];
    let local = match r.below(8) {
        0 => format!("{first}.{last}"),
        1 => format!("{initial}.{last}"),
        2 => format!("{first}{last}{}", r.range(50, 99)),
        3 => format!("{first}_{last}"),
        4 => format!("{first}+zorg"),
        5 => format!(
            "{initial}.{}",
            r.pick(LAST_NAMES)
                .split(' ')
                .map(plain)
                .collect::<Vec<_>>()
                .join(".")
        ),
        6 => format!("{first}-{last}"),
        _ => format!("{first}{}", r.range(1, 9999)),
    };
    let domain = r.pick(&[
        "gmail.com",
        "hotmail.com",
        "hotmail.nl",
        "ziggo.nl",
        "kpnmail.nl",
        "outlook.com",
        "live.nl",
        "xs4all.nl",
        "planet.nl",
        "home.nl",
        "gemeente-utrecht.nl",
        "wijkteam.amsterdam.nl",
        "zorg-en-welzijn.nl",
        "icloud.com",
        "yahoo.co.uk",
    ]);
    match r.below(12) {
        0 => format!("{}@{}", capitalise(&local), capitalise(domain)),
        1 => format!("{local}(at){domain}"),
        10 => format!("{local}@{domain}").to_uppercase(),
        11 => format!("{local} [at] {domain}"),
        _ => format!("{local}@{domain}"),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// An address with a postcode, and the part of it that must be found.
fn gen_postcode(r: &mut Rng) -> (String, String) {
    const LETTERS: &[u8] = b"ABCDEGHJKLMNPRSTVWXZ";
    let letters = loop {
        let pair = [r.pick(LETTERS), r.pick(LETTERS)];
        if !matches!(&pair, b"SA" | b"SD" | b"SS") {
            break String::from_utf8(pair.to_vec()).unwrap();
        }
    };
    let digits = format!("{}{}", r.range(1, 9), r.digits(3));
    let pc = format!("{digits} {letters}");
    let glued = format!("{digits}{letters}");
    let number = format!(
        "{}{}",
        r.range(1, 250),
        r.pick(&["", "", "", "", "a", "B", "-2", "-hs", " A", "-II", "bis"])
    );
    let street = r.pick(STREETS);
    let city = r.pick(CITIES);
    match r.below(14) {
        10 => (format!("{pc} {city}, {street} {number}"), pc),
        11 => (
            format!("{street} {number},\r\n{pc} {}", city.to_uppercase()),
            format!("{number},\r\n{pc}"),
        ),
        12 => (format!("Postbus {}, {pc} {city}", r.range(1, 9999)), pc),
        13 => {
            let n = number.replace(' ', "");
            (format!("{street} {n} {glued}"), format!("{n} {glued}"))
        }
        0 => {
            let n = number.replace(' ', "");
            (format!("{pc} {n}"), format!("{pc} {n}"))
        }
        1 => {
            let n = number.replace(' ', "");
            (format!("{glued}, {n}"), format!("{glued}, {n}"))
        }
        2 | 3 => (
            format!("{street} {number}, {pc} {city}"),
            format!("{number}, {pc}"),
        ),
        4 => (
            format!("{street} {number} {glued} {city}"),
            format!("{number} {glued}"),
        ),
        5 => (
            format!("{street} {number}\n{pc}  {city}"),
            format!("{number}\n{pc}"),
        ),
        6 => (format!("{pc} {city}"), pc),
        7 => {
            let n = number.replace(' ', "");
            let lower = glued.to_lowercase();
            (
                format!("{street} {n}, {lower} {city}"),
                format!("{n}, {lower}"),
            )
        }
        8 => {
            let n = number.replace(' ', "");
            (
                format!("postcode {pc}, huisnummer {n}"),
                format!("{pc}, huisnummer {n}"),
            )
        }
        _ => (
            format!("{street} {number}, {glued}"),
            format!("{number}, {glued}"),
        ),
    }
}

fn gen_birth_date(r: &mut Rng) -> String {
    let year = r.range(1925, 2012);
    let month = r.range(1, 12);
    let day = r.range(1, 28);
    match r.below(14) {
        11 => format!("{day}/{month}/{:02}", year % 100),
        12 => format!(
            "{day}{} of {}, {year}",
            ordinal(day),
            ENGLISH_MONTHS[month - 1]
        ),
        13 => format!("{}-{}-{year}", day, MONTH_NAMES[month - 1]),
        0 => format!("{day} {} {year}", MONTH_NAMES[month - 1]),
        1 => format!("{day:02}-{month:02}-{year}"),
        2 => format!("{day}-{month}-{year}"),
        3 => format!("{year}-{month:02}-{day:02}"),
        4 => format!("{day:02}/{month:02}/{year}"),
        5 => format!("{day} {} {year}", MONTH_ABBREVIATIONS[month - 1]),
        6 => format!("{day:02}.{month:02}.{year}"),
        7 => format!("{day} {} {year}", ENGLISH_MONTHS[month - 1]),
        8 => format!("{} {day}, {year}", ENGLISH_MONTHS[month - 1]),
        9 => format!("{day}-{month}-'{:02}", year % 100),
        _ => format!("{day} {} {year}", capitalise(MONTH_NAMES[month - 1])),
    }
}

fn ordinal(day: usize) -> &'static str {
    match day {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    }
}

/// A name as registered, the name as written in the text.
fn gen_name(r: &mut Rng) -> (Vec<String>, String) {
    let first = r.pick(FIRST_NAMES);
    let last = r.pick(LAST_NAMES);
    let full = format!("{first} {last}");
    let (registered, written) = match r.below(3) {
        0 => (vec![first.to_string()], first.to_string()),
        1 => (vec![full.clone()], full.clone()),
        _ => (vec![first.to_string(), full.clone()], full.clone()),
    };
    let written = match r.below(9) {
        8 => written.replace('\'', "\u{2019}"),
        0 => written.to_uppercase(),
        1 => written.to_lowercase(),
        2 => written.replacen(' ', "  ", 1),
        3 => written.replacen(' ', "\n", 1),
        4 => written.replacen(' ', "\u{a0}", 1),
        _ => written,
    };
    (registered, written)
}

fn clean_sentence(r: &mut Rng) -> String {
    let (day, month, year) = (r.range(1, 28), r.range(1, 12), r.range(2019, 2027));
    let date = match r.below(5) {
        0 => format!("{day:02}-{month:02}-{year}"),
        1 => format!("{day}-{month}-{year}"),
        2 => format!("{day} {} {year}", MONTH_NAMES[month - 1]),
        3 => format!("{day:02}.{month:02}.{year}"),
        _ => format!("{year}-{month:02}-{day:02}"),
    };
    let date2 = format!("{:02}-{:02}-{year}", r.range(1, 28), r.range(1, 12));
    let amount = match r.below(4) {
        0 => format!("€{}.{:03}", r.range(1, 9), r.below(1000)),
        1 => format!("€ {},{:02}", r.below(900), r.below(100)),
        2 => format!("{} euro", r.range(10, 999)),
        _ => format!("€ {}.{:03},-", r.range(1, 99), r.below(1000)),
    };
    let time = format!("{:02}.{:02}", r.range(8, 17), r.pick(&[0, 15, 30, 45]));
    let time2 = format!("{}:{:02}", r.range(9, 20), r.pick(&[0, 15, 30, 45]));
    let n = r.range(2, 60);
    let city = r.pick(CITIES);
    match r.below(52) {
        36 => format!(
            "Ze woont op de {} {}-{} in {city}.",
            r.pick(STREETS),
            r.range(1, 99),
            r.range(1, 4)
        ),
        37 => format!(
            "Het gesprek is verplaatst naar {} {} {year} om {time} uur.",
            r.range(1, 28),
            MONTH_NAMES[month - 1]
        ),
        38 => format!("De gebiedsmanager komt op {date} langs bij het team."),
        39 => format!(
            "Huur € {},- per maand; servicekosten € {},-.",
            r.range(400, 999),
            r.range(10, 99)
        ),
        40 => format!(
            "Ze heeft {} kinderen, geboren tussen {} en {year}.",
            r.range(2, 5),
            year - 12
        ),
        41 => format!(
            "Meldingen {}: {}.{:03}; {year}: {}.{:03}.",
            year - 1,
            r.range(1, 9),
            r.below(1000),
            r.range(1, 9),
            r.below(1000)
        ),
        42 => format!("Het rapport van {n} pagina's is op {date} verstuurd."),
        43 => format!("De regels gelden sinds {year} EU-breed, zegt de jurist."),
        44 => format!(
            "Groep {} en {} van de basisschool doen mee aan het project.",
            r.range(1, 7),
            r.range(7, 8)
        ),
        45 => format!(
            "Op {}-{}-{year} {} nieuwe aanmeldingen; op {date2} nog eens {n}.",
            r.range(1, 28),
            r.range(1, 12),
            r.range(2, 40)
        ),
        46 => format!(
            "Hij heeft een schuld van € {}.{:03},{:02} bij {} schuldeisers.",
            r.range(1, 99),
            r.below(1000),
            r.below(100),
            r.range(2, 15)
        ),
        47 => format!(
            "Tel. spreekuur: ma t/m vr {time}-{}.00 uur.",
            r.range(12, 17)
        ),
        48 => format!(
            "De meeting on {} {} {year} was moved to {date2}.",
            r.range(1, 28),
            ENGLISH_MONTHS[month - 1]
        ),
        49 => format!(
            "Zij wil op {} {} met haar dochter naar de verjaardag van haar kleinzoon.",
            r.range(1, 28),
            MONTH_NAMES[month - 1]
        ),
        50 => format!("In {year} zijn in de wijk {n} kinderen geboren."),
        51 => format!(
            "Het huis aan de {} {} staat sinds {year} leeg.",
            r.pick(STREETS),
            r.range(1, 300)
        ),
        0 => format!("Op {date} bespreken we de casus in het wijkteam."),
        1 => format!("De wachttijd voor schuldhulp is {n} weken."),
        2 => format!("Ze betaalt {amount} huur per maand."),
        3 => format!(
            "Het buurthuis sloot in {year}; {} van de {} ouderen komen niet meer buiten.",
            r.range(1, 4),
            r.range(5, 9)
        ),
        4 => format!("Kosten: {},{:02} euro", r.range(1, 999), r.below(100)),
        5 => format!("Zaaknummer {year}-{:05}.", r.below(100_000)),
        6 => format!("Niveau {}: gemeente en beleid", r.range(1, 4)),
        7 => format!("Bel de huisarts na {time} uur."),
        8 => format!("De deadline voor het verslag is {date}."),
        9 => format!(
            "Hij woont aan de {} {} in {city}, vlak bij de supermarkt.",
            r.pick(STREETS),
            r.range(1, 200)
        ),
        10 => format!("Dossiernummer {} staat op de brief.", invalid_bsn(r)),
        11 => format!(
            "De uitkering steeg met {},{}% naar {amount}.",
            r.range(1, 9),
            r.below(10)
        ),
        12 => format!(
            "Tussen {} en {year} verdubbelde het aantal meldingen.",
            year - 4
        ),
        13 => format!("Het spreekuur is van {time} tot {time2} uur op dinsdag."),
        14 => format!(
            "Ze is {} jaar en woont sinds {year} in de wijk.",
            r.range(18, 97)
        ),
        15 => format!("Er staan {n} mensen op de wachtlijst (peildatum {date})."),
        16 => format!(
            "Volgens artikel {}.{}.{} van de Wmo 2015 beslist de gemeente binnen {} weken.",
            r.range(1, 8),
            r.range(1, 9),
            r.range(1, 12),
            r.range(2, 8)
        ),
        17 => format!(
            "In de wijk wonen ongeveer {}.{:03} mensen.",
            r.range(2, 99),
            r.below(1000)
        ),
        18 => format!(
            "Ze werkt 0,{} fte en heeft {} kinderen van {} en {} jaar.",
            r.range(1, 9),
            r.range(2, 4),
            r.range(1, 9),
            r.range(10, 17)
        ),
        19 => format!(
            "Bel bij acuut gevaar 112; voor advies Veilig Thuis via 0800-2000, of de gemeente via 14 0{}.",
            r.range(10, 99)
        ),
        20 => format!(
            "De meldcode heeft 5 stappen; stap {} is wegen.",
            r.range(1, 5)
        ),
        21 => format!(
            "Versie {}.{}.{} van het protocol geldt vanaf {date}.",
            r.range(1, 4),
            r.range(0, 9),
            r.range(0, 20)
        ),
        22 => format!(
            "De gemeente begroot € {}.{:03}.{:03} voor het sociaal domein.",
            r.range(100, 999),
            r.below(1000),
            r.below(1000)
        ),
        23 => format!(
            "Het budget van {}.{:03}.{:03} euro is voor {year} al verdeeld.",
            r.range(100, 999),
            r.below(1000),
            r.below(1000)
        ),
        24 => format!(
            "De GGD, het CJG en de SVB overleggen in Q{} {year}.",
            r.range(1, 4)
        ),
        25 => format!(
            "Op {day:02}.{month:02}.{year} {n} aanmeldingen, daarna nog {}.",
            r.range(1, 30)
        ),
        26 => format!(
            "Ze is geboren en getogen in {city} en verhuisde op {date} naar {}.",
            r.pick(CITIES)
        ),
        27 => format!(
            "Haar moeder is in {} geboren, haar vader in {}.",
            r.range(1930, 1970),
            r.range(1925, 1970)
        ),
        28 => {
            format!("De baby wordt rond {date} verwacht; de kraamzorg is op {date2} geregeld.")
        }
        29 => format!(
            "Factuurnummer {}{} is op {date} betaald.",
            r.range(1, 9),
            r.digits(9)
        ),
        30 => format!(
            "Het project loopt in {} wijken met {} huishoudens.",
            r.range(2, 9),
            r.range(1000, 9999)
        ),
        31 => format!("Van {date} tot {date2} is het wijkteam gesloten."),
        32 => format!(
            "Postcodegebied {} heeft de langste wachtlijst.",
            r.range(10, 99)
        ),
        33 => format!("Het gesprek op {date} om {time} uur duurde {n} minuten."),
        34 => format!(
            "Verhouding 1:{} tussen vrijwilligers en cliënten; {}% is ouder dan {}.",
            r.range(2, 9),
            r.range(10, 90),
            r.range(55, 80)
        ),
        _ => r
            .pick(&[
                "De evaluatie in januari liet zien dat de basis op orde is.",
                "Mevrouw Janssen woont elders; haar moeder helpt met de administratie.",
                "Zie alinea 4 van het verslag; de timing van het gesprek was slecht.",
                "Het team evalueert elk kwartaal, ook met de moeder en de buren.",
                "Ze krijgt 1500 mg paracetamol, 2 keer per dag.",
                "Hij fietst elke dag 12 km naar zijn werk.",
            ])
            .to_string(),
    }
}

struct Sample {
    text: String,
    names: Vec<String>,
    expected: Option<(FindingKind, usize, usize)>,
}

const KINDS: [FindingKind; 7] = [
    Bsn,
    Iban,
    Phone,
    Email,
    PostcodeWithNumber,
    DateOfBirth,
    RegisteredName,
];

fn templates(kind: FindingKind) -> &'static [&'static str] {
    match kind {
        Bsn => &[
            "Het BSN van cliënt is {}.",
            "BSN: {}",
            "bsn {} (gecontroleerd in de BRP)",
            "Burgerservicenummer: {}",
            "Zijn burgerservicenummer is {} en staat op de beschikking.",
            "Aanvraag Wmo ingediend onder BSN {}, nog geen reactie.",
            "Ze gaf haar BSN ({}) door aan de schuldhulpverlener.",
            "{} is het BSN van de moeder.",
            "Bij de intake noemde hij zijn bsn: {}; dat klopt met de brief van de SVB.",
            "BSN:{}",
            "bsn-nummer {} staat verkeerd in het systeem",
            "BSN nr. {}\nAdres onbekend",
            "| BSN | {} |",
            "Sofinummer (nu BSN) {}.",
        ],
        Iban => &[
            "IBAN: {}",
            "De huur wordt afgeschreven van {}.",
            "Ze wil het geld op rekening {} t.n.v. haar dochter.",
            "rekeningnummer {} (bij de bewindvoerder bekend)",
            "Betalingen via {}, zegt de bewindvoerder.",
            "Nieuw rekeningnummer: {}; het oude is opgeheven.",
            "Stort het voorschot op {} en meld het aan de budgetcoach.",
            "IBAN:{}",
            "Rekening: {}.",
            "(IBAN {})",
        ],
        Phone => &[
            "Bel haar op {}.",
            "Telefoon: {}",
            "tel. {} (na 17.00 uur)",
            "Haar zoon is bereikbaar via {}, maar neemt vaak niet op.",
            "Mobiel {}; voicemail staat aan.",
            "Contact via de buurvrouw: {}",
            "{} is het nummer van de mantelzorger.",
            "Hij belde vanaf {} naar het wijkteam.",
            "tel:{}",
            "Tel.nr.: {}\nBereikbaar na 16.00 uur",
            "Nummer dochter {}; zoon onbekend.",
        ],
        Email => &[
            "Mail: {}",
            "Stuur het verslag naar {}.",
            "Ze mailt vanaf {}, niet vanaf haar werkadres.",
            "Contact loopt via de dochter ({}).",
            "E-mail <{}>",
            "E-mailadres {}; graag niet delen.",
            "mailto:{}",
            "Zijn adres is {}!",
            "Mail naar '{}' gaat niet aan.",
            "e-mail: {}\ntel: onbekend",
            "Bereikbaar via {}, telefonisch niet.",
        ],
        PostcodeWithNumber => &[
            "Ze woont op {}.",
            "Adres: {}",
            "Nieuw adres per 1 mei: {}",
            "Post gaat naar {} (bij haar zus).",
            "Hij verhuist naar {} en zoekt daar een nieuwe huisarts.",
            "Woonadres {}; geen post naar het oude adres.",
            "Adres:\n{}\n(tijdelijk)",
            "Ze verblijft sinds maart op {}, bij een vriendin.",
        ],
        DateOfBirth => &[
            "geboren op {}",
            "Geb. {}",
            "Mevrouw (geb. {}) woont alleen.",
            "Geboortedatum: {}",
            "geboortedatum {}",
            "geb.datum: {}",
            "Date of birth: {}",
            "born {}",
            "DOB {}",
            "Cliënt, geboren {}, woont sinds kort in de wijk.",
            "Mevrouw is geboren op {} in Deventer.",
            "Zijn geboortedatum is {}, volgens de BRP.",
            "Ze is op {} geboren.",
            "Hij is {} in Paramaribo geboren.",
            "Geb.: {}",
            "geboren: {}",
            "Geboortedatum (dd-mm-jjjj): {}",
            "Ze is geboren op {} en woont alleen.",
            "Geboortedatum\t{}",
            "Cliënt is born on {} in Den Haag.",
            "geboren op zondag {}",
        ],
        RegisteredName => &[
            "{} komt sinds maart naar de inloop.",
            "Gesprek met {} over de schulden.",
            "De buurvrouw van {} belde het wijkteam.",
            "Volgens {}'s zus gaat het slecht.",
            "{} wil geen hulp van de GGD.",
            "Afspraak: {} belt zelf terug.",
            "Zorgen om {}: ze eet slecht en komt niet buiten.",
            "(Aanwezig: {}, de wijkagent en de huisarts.)",
            "Volgens {}\u{2019}s zus gaat het slecht.",
            "Huisbezoek bij {}.",
            "{}\nkomt niet meer naar de inloop.",
            "Verslag gesprek \"{}\" d.d. 3 maart",
        ],
    }
}

fn sample(r: &mut Rng, kind: FindingKind) -> Sample {
    let mut names: Vec<String> = NEAR_MISS_NAMES.iter().map(|n| n.to_string()).collect();
    let (value, expected) = match kind {
        Bsn => {
            let bsn = valid_bsn(r);
            let value = match r.below(7) {
                6 => format!("{}-{}-{}", &bsn[..3], &bsn[3..6], &bsn[6..]),
                0 => format!("{}.{}.{}", &bsn[..3], &bsn[3..6], &bsn[6..]),
                1 => format!("{} {} {}", &bsn[..3], &bsn[3..6], &bsn[6..]),
                2 => format!("{}.{}.{}", &bsn[..4], &bsn[4..6], &bsn[6..]),
                3 => format!("{} {} {}", &bsn[..4], &bsn[4..6], &bsn[6..]),
                _ => bsn,
            };
            (value.clone(), value)
        }
        Iban => {
            let v = gen_iban(r);
            (v.clone(), v)
        }
        Phone => {
            let v = gen_phone(r);
            (v.clone(), v)
        }
        Email => {
            let v = gen_email(r);
            (v.clone(), v)
        }
        PostcodeWithNumber => gen_postcode(r),
        DateOfBirth => {
            let v = gen_birth_date(r);
            (v.clone(), v)
        }
        RegisteredName => {
            let (registered, written) = gen_name(r);
            names.extend(registered);
            (written.clone(), written)
        }
    };
    let template = r.pick(templates(kind));
    let at = template.find("{}").unwrap();
    let mut text = String::new();
    if r.chance(50) {
        text.push_str(&clean_sentence(r));
        text.push(' ');
    }
    text.push_str(&template[..at]);
    let start = text.len() + value.find(&expected).unwrap();
    text.push_str(&value);
    text.push_str(&template[at + 2..]);
    if r.chance(50) {
        text.push(' ');
        text.push_str(&clean_sentence(r));
    }
    Sample {
        text,
        names,
        expected: Some((kind, start, start + expected.len())),
    }
}

fn corpus() -> Vec<Sample> {
    let mut r = Rng(0x5EED_CA5E_2026);
    let mut samples = Vec::new();
    for _ in 0..160 {
        for kind in KINDS {
            samples.push(sample(&mut r, kind));
        }
    }
    for _ in 0..800 {
        let mut text = clean_sentence(&mut r);
        if r.chance(40) {
            text.push(' ');
            text.push_str(&clean_sentence(&mut r));
        }
        let names = NEAR_MISS_NAMES.iter().map(|n| n.to_string()).collect();
        samples.push(Sample {
            text,
            names,
            expected: None,
        });
    }
    samples
}

#[test]
fn generated_corpus_recall_and_false_positives() {
    let samples = corpus();
    let started = Instant::now();
    let results: Vec<Vec<Finding>> = samples
        .iter()
        .map(|s| {
            let names: Vec<&str> = s.names.iter().map(String::as_str).collect();
            scan(&s.text, &names)
        })
        .collect();
    let elapsed = started.elapsed();
    let bytes: usize = samples.iter().map(|s| s.text.len()).sum();

    let mut total = [0usize; 7];
    let mut hits = [0usize; 7];
    let mut exact = [0usize; 7];
    let mut extra_in_dirty = 0;
    let mut false_positives = 0;
    let mut misses = Vec::new();
    let mut noise = Vec::new();
    for (s, findings) in samples.iter().zip(&results) {
        check_invariants(&s.text, findings);
        match s.expected {
            Some((kind, start, end)) => {
                let k = KINDS.iter().position(|&x| x == kind).unwrap();
                total[k] += 1;
                let hit = findings
                    .iter()
                    .position(|f| f.kind == kind && f.start <= start && f.end >= end);
                if let Some(h) = hit {
                    hits[k] += 1;
                    if findings[h].start == start && findings[h].end == end {
                        exact[k] += 1;
                    }
                } else {
                    misses.push(format!(
                        "{kind:?} {:?} in {:?}: {:?}",
                        &s.text[start..end],
                        s.text,
                        findings
                    ));
                }
                for (i, f) in findings.iter().enumerate() {
                    if Some(i) != hit {
                        extra_in_dirty += 1;
                        noise.push(format!(
                            "{:?} {:?} in {:?}",
                            f.kind,
                            f.text(&s.text),
                            s.text
                        ));
                    }
                }
            }
            None => {
                for f in findings {
                    false_positives += 1;
                    noise.push(format!(
                        "{:?} {:?} in {:?}",
                        f.kind,
                        f.text(&s.text),
                        s.text
                    ));
                }
            }
        }
    }
    let clean = samples.iter().filter(|s| s.expected.is_none()).count();
    println!(
        "corpus: {} snippets ({} with personal data, {clean} clean), {bytes} bytes, scanned in {elapsed:?}",
        samples.len(),
        samples.len() - clean
    );
    for (k, kind) in KINDS.iter().enumerate() {
        println!(
            "  {:<20} recall {:.3} ({}/{}), exact span {}/{}",
            format!("{kind:?}"),
            hits[k] as f64 / total[k] as f64,
            hits[k],
            total[k],
            exact[k],
            total[k]
        );
    }
    println!(
        "  false positives on clean snippets: {false_positives}; extra findings in snippets with data: {extra_in_dirty}"
    );
    for m in misses.iter().take(40) {
        println!("  MISS {m}");
    }
    for n in noise.iter().take(40) {
        println!("  NOISE {n}");
    }
    for (k, kind) in KINDS.iter().enumerate() {
        assert!(
            hits[k] as f64 / total[k] as f64 >= 0.95,
            "recall for {kind:?} below 0.95"
        );
    }
    assert_eq!(false_positives, 0, "false positives on the clean snippets");
    assert_eq!(
        extra_in_dirty, 0,
        "extra findings in the snippets with personal data"
    );
}

/// Arbitrary input never panics, and the findings keep their promises.
#[test]
fn no_panic_on_arbitrary_input() {
    const PIECES: &[&str] = &[
        "0",
        "1",
        "3",
        "6",
        "9",
        "06",
        "+31",
        "0031",
        "(0)",
        "NL",
        "nl91",
        "AB",
        "SA",
        "a",
        "Z",
        "ĳ",
        "Ĳ",
        "é",
        "ë",
        "\u{308}",
        "😀",
        "İ",
        "ß",
        "\u{a0}",
        " ",
        "  ",
        "\n",
        "\t",
        ".",
        ",",
        "-",
        "/",
        ":",
        "+",
        "(",
        ")",
        "[at]",
        "(at)",
        "@",
        "'",
        "’",
        "€",
        "geb.",
        "geboren",
        "born",
        "maart",
        "March",
        "Jan",
        "jan",
        "Zoë",
        "1234",
        "1945",
        "123456782",
        "x",
    ];
    let mut r = Rng(42);
    let name_pool = [
        "",
        " ",
        "Jan",
        "ĳ",
        "\u{308}",
        "zoë de vries",
        "😀",
        "a b",
        "ß",
        "İ",
    ];
    for round in 0..4000 {
        let len = r.range(0, 60);
        let text: String = (0..len).map(|_| r.pick(PIECES)).collect();
        let names: Vec<&str> = (0..r.below(4)).map(|_| r.pick(&name_pool)).collect();
        let findings = scan(&text, &names);
        check_invariants(&text, &findings);
        // Also raw bytes turned into text, and every prefix of some texts.
        if round % 50 == 0 {
            for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                check_invariants(&text[..end], &scan(&text[..end], &names));
            }
        }
        let bytes: Vec<u8> = (0..r.range(0, 40)).map(|_| r.next() as u8).collect();
        let lossy = String::from_utf8_lossy(&bytes);
        check_invariants(&lossy, &scan(&lossy, &names));
    }
}
