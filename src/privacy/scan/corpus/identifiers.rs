//! Generated personal data in the notations people write it: valid and invalid
//! citizen service numbers, IBANs, phone numbers, e-mail addresses, postcodes,
//! dates of birth and names, from a small seeded random generator.
#![cfg(test)]

use super::super::bsn::eleven_test;

/// SplitMix64: small, seeded, good enough to vary test data.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub(super) fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    pub(super) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    pub(super) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub(super) fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

pub(super) const MONTH_NAMES: [&str; 12] = [
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
pub(super) const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.",
];
pub(super) const ENGLISH_MONTHS: [&str; 12] = [
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
pub(super) const STREETS: &[&str] = &[
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
pub(super) const CITIES: &[&str] = &[
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
pub(super) const FIRST_NAMES: &[&str] = &[
    "Zoë", "Fatima", "Mohammed", "Anouk", "Daan", "Noë", "Chloé", "Ilse", "Kees", "Sanne", "Thijs",
    "Eline", "Bram", "Youssef", "Ayşe", "Mei-Ling", "René", "Marieke", "Joëlle", "Ĳsbrand",
    "Wouter", "Priya", "Günther", "Ömer",
];
pub(super) const LAST_NAMES: &[&str] = &[
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
pub(super) const NEAR_MISS_NAMES: &[&str] = &["Jan", "Eva", "Els", "Ali", "Mo", "Bas", "Tim"];

pub(super) fn valid_bsn(r: &mut Rng) -> String {
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
pub(super) fn invalid_bsn(r: &mut Rng) -> String {
    loop {
        let s = format!("{}{}", r.range(1, 9), r.digits(8));
        let d: Vec<u8> = s.bytes().map(|c| c - b'0').collect();
        if !eleven_test(&d.try_into().unwrap()) {
            return s;
        }
    }
}

pub(super) fn iban_with_check(country: &str, bban: &str) -> String {
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

pub(super) fn group4(s: &str) -> String {
    s.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn gen_iban(r: &mut Rng) -> String {
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

pub(super) fn gen_phone(r: &mut Rng) -> String {
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

pub(super) fn plain(s: &str) -> String {
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

pub(super) fn gen_email(r: &mut Rng) -> String {
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

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// An address with a postcode, and the part of it that must be found.
pub(super) fn gen_postcode(r: &mut Rng) -> (String, String) {
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

pub(super) fn gen_birth_date(r: &mut Rng) -> String {
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

pub(super) fn ordinal(day: usize) -> &'static str {
    match day {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    }
}

/// A name as registered, the name as written in the text.
pub(super) fn gen_name(r: &mut Rng) -> (Vec<String>, String) {
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
