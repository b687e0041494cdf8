//! Tests of the whole scan on generated text: a corpus of case snippets with and without
//! personal data, and arbitrary input.
#![cfg(test)]

mod clean;
mod identifiers;

use std::time::Instant;

use super::FindingKind::{self, *};
use super::testing::check_invariants;
use super::{Finding, scan};
use clean::clean_sentence;
use identifiers::*;

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
