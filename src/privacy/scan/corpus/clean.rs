//! Clean sentences full of look-alikes (dates, times, amounts, doses, house numbers,
//! months, common words that are also names) that the scan must leave alone.
#![cfg(test)]

use super::identifiers::*;

pub(super) fn clean_sentence(r: &mut Rng) -> String {
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
