//! Finds personal data in free text before a case leaves the app.
//!
//! Small hand-made matchers, no regular expressions: BSN (11-test), IBAN (ISO 13616,
//! mod 97), Dutch phone numbers, e-mail addresses, postcodes (with the house number when
//! the address gives one), dates that the text calls a birth date, and the real names
//! registered in the case.
//!
//! The shapes other than names and e-mail addresses are ASCII, so those matchers work on
//! bytes, and every range they report starts and ends next to an ASCII byte: always a
//! char boundary. E-mail addresses are walked char by char; names are matched (in
//! `privacy::names`) on a folded copy of the text (lower case, diacritics dropped) that
//! remembers where each folded char came from. Indexes are checked or bounded, so no input
//! can panic.
//!
//! Where a shape alone is ambiguous the scanner leans on context: a BSN must pass the
//! 11-test and not be an amount, a date only counts with a birth cue next to it, and
//! numbers inside web addresses are not reported as BSN, phone, postcode or date.
//!
//! One file per kind; this one runs them all and settles overlaps.

mod birth_date;
mod bsn;
mod email;
mod iban;
mod phone;
mod postcode;
pub(crate) mod text;

use std::collections::BTreeMap;

use super::names;
use text::{starts_with_ci, starts_word};

/// What kind of personal data a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    Bsn,
    Iban,
    Phone,
    Email,
    PostcodeWithNumber,
    DateOfBirth,
    RegisteredName,
}

/// One piece of personal data in a text: its kind and its byte range in that text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    pub start: usize,
    pub end: usize,
}

impl Finding {
    /// The text of this finding in the text it was found in.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Every finding in `text`, in order of position, not overlapping (when two overlap keep
/// the more specific/longer one). `names` are the real names registered in the case; they
/// match case-insensitively as whole words (a name of several words matches with any run
/// of white space between the words); empty or whitespace-only names are ignored.
///
/// Names also match without their diacritics ("Zoe" finds "Zoë", "IJsbrand" finds
/// "Ĳsbrand"): a name written without its accents is still the same person.
pub fn scan(text: &str, names: &[&str]) -> Vec<Finding> {
    let names = names::find_names(text, names).into_iter().map(|(r, _)| r);
    scan_with_names(text, names)
}

/// The same, with the places of the names found already (by the case's name matcher).
pub fn scan_with_names(
    text: &str,
    names: impl IntoIterator<Item = std::ops::Range<usize>>,
) -> Vec<Finding> {
    let mut found = Vec::new();
    iban::find_ibans(text, &mut found);
    bsn::find_bsns(text, &mut found);
    phone::find_phones(text, &mut found);
    email::find_emails(text, &mut found);
    postcode::find_postcodes(text, &mut found);
    birth_date::find_dates_of_birth(text, &mut found);
    for range in names {
        push(
            &mut found,
            FindingKind::RegisteredName,
            range.start,
            range.end,
        );
    }
    drop_numbers_in_links(text, &mut found);
    keep_best(found)
}

/// Web addresses are full of long numbers (ids, dates in paths) that only look like a
/// BSN, phone, postcode or date. Names, e-mail addresses and IBANs in them still count.
fn drop_numbers_in_links(text: &str, found: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut links: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts_link = matches!(b[i], b'h' | b'H' | b'w' | b'W')
            && (starts_with_ci(b, i, b"http://")
                || starts_with_ci(b, i, b"https://")
                || starts_with_ci(b, i, b"www."))
            && starts_word(text, i);
        if starts_link {
            let end = b[i..]
                .iter()
                .position(|c| c.is_ascii_whitespace() || matches!(c, b'<' | b'>' | b'"'))
                .map_or(b.len(), |n| i + n);
            links.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    if links.is_empty() {
        return;
    }
    found.retain(|f| {
        let numeric = matches!(
            f.kind,
            FindingKind::Bsn
                | FindingKind::Phone
                | FindingKind::PostcodeWithNumber
                | FindingKind::DateOfBirth
        );
        let k = links.partition_point(|l| l.1 <= f.start);
        !(numeric && links.get(k).is_some_and(|l| l.0 <= f.start && f.end <= l.1))
    });
}

/// Among overlapping findings keeps the longest, then the most specific kind.
fn keep_best(mut found: Vec<Finding>) -> Vec<Finding> {
    found.retain(|f| f.start < f.end);
    found.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then_with(|| specificity(a.kind).cmp(&specificity(b.kind)))
            .then_with(|| a.start.cmp(&b.start))
    });
    // The kept findings never overlap, so the one starting last before `f.end` is the
    // only one that can reach into `f`.
    let mut kept: BTreeMap<usize, Finding> = BTreeMap::new();
    for f in found {
        let clash = kept
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, g)| g.end > f.start);
        if !clash {
            kept.insert(f.start, f);
        }
    }
    kept.into_values().collect()
}

/// Lower is more specific: a checksum beats a shape, a shape beats a word.
fn specificity(kind: FindingKind) -> u8 {
    match kind {
        FindingKind::Iban => 0,
        FindingKind::Bsn => 1,
        FindingKind::Email => 2,
        FindingKind::DateOfBirth => 3,
        FindingKind::Phone => 4,
        FindingKind::PostcodeWithNumber => 5,
        FindingKind::RegisteredName => 6,
    }
}

fn push(out: &mut Vec<Finding>, kind: FindingKind, start: usize, end: usize) {
    out.push(Finding { kind, start, end });
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the tests of the scan and of each kind.

    use super::{Finding, FindingKind, scan};

    pub(crate) fn found(text: &str, names: &[&str]) -> Vec<(FindingKind, String)> {
        let findings = scan(text, names);
        check_invariants(text, &findings);
        findings
            .iter()
            .map(|f| (f.kind, f.text(text).to_string()))
            .collect()
    }

    pub(crate) fn check_invariants(text: &str, findings: &[Finding]) {
        for f in findings {
            assert!(f.start < f.end && f.end <= text.len(), "{f:?} in {text:?}");
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                "{f:?} in {text:?}"
            );
        }
        for pair in findings.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "overlap or disorder {pair:?} in {text:?}"
            );
        }
    }

    /// `text` holds a finding of `kind` whose text is exactly `expected`.
    pub(crate) fn assert_finds(text: &str, names: &[&str], kind: FindingKind, expected: &str) {
        let all = found(text, names);
        assert!(
            all.iter().any(|(k, t)| *k == kind && t == expected),
            "{text:?}: expected {kind:?} {expected:?}, found {all:?}"
        );
    }

    pub(crate) fn assert_no(text: &str, names: &[&str], kind: FindingKind) {
        let all = found(text, names);
        assert!(
            all.iter().all(|(k, _)| *k != kind),
            "{text:?}: no {kind:?} expected, found {all:?}"
        );
    }
}

mod corpus; // test only: `#![cfg(test)]` inside

#[cfg(test)]
mod tests {
    use super::testing::found;
    use super::*;
    use std::time::Instant;

    use FindingKind::*;

    #[test]
    fn links_keep_only_what_is_certain() {
        let text = "Zie https://www.example.nl/zaak/123456782/06-12345678?iban=NL91ABNA0417164300 en mail jan@example.nl";
        assert_eq!(
            found(text, &[]),
            vec![
                (Iban, "NL91ABNA0417164300".to_string()),
                (Email, "jan@example.nl".to_string())
            ]
        );
    }

    #[test]
    fn overlaps_keep_the_longer_finding() {
        let text = "Mail jan.jansen@example.nl of bel +31 6 12345678.";
        assert_eq!(
            found(text, &["Jansen"]),
            vec![
                (Email, "jan.jansen@example.nl".to_string()),
                (Phone, "+31 6 12345678".to_string())
            ]
        );
        // An IBAN's digits are not reported as a phone or BSN as well.
        assert_eq!(
            found("NL91 ABNA 0417 1643 00", &[]),
            vec![(Iban, "NL91 ABNA 0417 1643 00".to_string())]
        );
    }

    /// Ordinary case text: no personal data, no finding.
    #[test]
    fn ordinary_case_text_has_no_findings() {
        let names = ["Jan", "Eva", "Els", "Ali", "Mo", "Bas", "Tim"];
        for text in ORDINARY {
            let all = found(text, &names);
            assert!(all.is_empty(), "{text:?}: {all:?}");
        }
    }

    const ORDINARY: &[&str] = &[
        "De wachttijd voor schuldhulp is acht weken.",
        "Op 12-11-2026 bespreken we de casus in het wijkteam.",
        "Ze betaalt €1.250 huur per maand.",
        "Het buurthuis sloot in 2025; 3 van de 5 ouderen komen niet meer buiten.",
        "Kosten: 123,45 euro",
        "Zaaknummer 2026-04812.",
        "Niveau 3: gemeente en beleid",
        "Bel de huisarts na 14.00 uur",
        "De evaluatie in januari liet zien dat de basis op orde is.",
        "Mevrouw Janssen woont elders; haar moeder helpt met de administratie.",
        "Het spreekuur is van 09.00 tot 12.30 uur, daarna van 13.30-17.00 uur.",
        "Volgens artikel 2.3.5 van de Wmo 2015 beslist de gemeente binnen 6 weken.",
        "De gemeente begroot € 125.000.000 voor het sociaal domein in 2027.",
        "Tussen 2019 en 2023 verdubbelde het aantal meldingen tot 1.840.",
        "Ze werkt 0,8 fte en heeft 2 kinderen van 4 en 7 jaar.",
        "Bel bij acuut gevaar 112; voor advies Veilig Thuis via 0800-2000.",
        "De meldcode heeft 5 stappen; stap 3 is wegen.",
        "Ze woont aan de Dorpsstraat 12 in Ede, vlak bij de supermarkt.",
        "Ze is geboren en getogen in Zwolle en verhuisde op 1 mei 2020 naar Deventer.",
        "Haar moeder is in 1950 geboren, haar vader in 1948.",
        "De GGD, het CJG en de SVB overleggen in Q3 2026 over 4 wijken.",
        "Op 01.02.2026 12 aanmeldingen, op 15.02.2026 nog eens 9.",
        "Het budget van 111.222.333 euro is voor 2026 al verdeeld.",
        "Versie 1.4.2 van het protocol geldt vanaf 2026-01-01.",
        "Er staan 48 mensen op de wachtlijst (peildatum 1 maart 2026).",
        "Kamer 2.14 in het gemeentehuis is geboekt van 10:00 tot 11:30.",
        "Factuurnummer 2026004812 is op 3-2-2026 betaald.",
        "Ze krijgt 1500 mg paracetamol, 2 keer per dag.",
        "Verhouding 1:4 tussen vrijwilligers en cliënten; 62% is ouder dan 65.",
        "Het project loopt in 6 wijken met 4200 huishoudens.",
        "Dossiernummer 123456789 staat op de brief van de SVB.",
        "De uitkering steeg met 2,5% naar € 1.432,18 per maand.",
        "In week 12 en 13 is er geen inloop; de deadline is 31-03-2026.",
        "Postcodegebied 35 heeft de langste wachtlijst van de regio.",
        "Het oude rekeningnummer NL91 ABNA 0417 1643 01 bestaat niet.",
    ];

    #[test]
    fn long_input_is_fast() {
        let unit = "Op 12-11-2026 belde Zoë (06-12345678) over haar BSN 123456782 en IBAN NL91ABNA0417164300; geb. 3 maart 1945, Dorpsstraat 12, 1234 AB Utrecht, zoe@example.nl. ";
        let text = unit.repeat(2000);
        let started = Instant::now();
        let findings = scan(&text, &["Zoë", "Jan"]);
        let elapsed = started.elapsed();
        println!(
            "{} bytes, {} findings in {elapsed:?}",
            text.len(),
            findings.len()
        );
        assert_eq!(findings.len(), 2000 * 7);
        let worst = "1".repeat(100_000) + &"@a".repeat(20_000) + &" 0".repeat(20_000);
        let started = Instant::now();
        scan(&worst, &["a a a a"]);
        assert!(started.elapsed().as_secs() < 5);
    }
}
