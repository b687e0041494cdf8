#!/usr/bin/env python3
"""Generates the labelled corpus that measures the personal-data check.

    pip install faker
    python3 scripts/privacy_corpus.py > tests/fixtures/privacy_corpus.ron

Faker (nl_NL, with some Turkish, Moroccan-French and German names) supplies names,
addresses, postcodes, IBANs, phone numbers, e-mail addresses and dates; the notes around
them are short sentences as social workers write them (keukentafelgesprek, mantelzorg,
wijkteam, voorliggend veld, signaleren). Each note lists the persons registered in the
case and the personal data a reader expects the check to find (kind and text). The
CLEAN notes hold no personal data but plenty that looks like it: doses, product types,
dates, times, amounts, house numbers without postcode, months, common-word surnames
used as words.

The seed is fixed, so the output is the same on every run with the same Faker version.
Faker is only needed to regenerate the file; `cargo test` reads the file checked in.
"""

import os
import random
import sys
import unicodedata

from faker import Faker

# Another seed gives a held-out corpus: PRIVACY_CORPUS_SEED=7 python3 scripts/privacy_corpus.py
SEED = int(os.environ.get("PRIVACY_CORPUS_SEED", "20261112"))
N_NOTES = 2000
N_CLEAN = 600

random.seed(SEED)
Faker.seed(SEED)
nl = Faker("nl_NL")
others = [Faker("tr_TR"), Faker("fr_FR"), Faker("de_DE")]

PREFIXES = ["de", "van", "van der", "van den", "van de", "ter", "ten", "El", "van 't", "den"]
TITLES_F = ["mevrouw", "mw.", "mevr.", "Mevrouw", "juffrouw"]
TITLES_M = ["meneer", "dhr.", "de heer", "Meneer", "Dhr."]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
MONTHS_SHORT = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.",
                "okt.", "nov.", "dec."]


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def single_word(name):
    # Faker's first names are one word; some locales add titles ("Öğr.") or two names.
    return [w for w in name.replace(".", "").split() if len(w) > 1][0]


def person():
    """A person: first names, surname prefix, surname core (perhaps double)."""
    f = random.random() < 0.5
    if random.random() < 0.8:
        first = nl.first_name_female() if f else nl.first_name_male()
        last = nl.last_name()
    else:
        other = random.choice(others)
        first = single_word(other.first_name_female() if f else other.first_name_male())
        last = single_word(other.last_name())
    first = single_word(first)
    words = last.split()
    prefix, core = [], words
    while len(core) > 1 and core[0].lower() in {"van", "de", "der", "den", "ter", "ten", "het", "'t", "in", "op"}:
        prefix.append(core[0])
        core = core[1:]
    prefix = " ".join(prefix)
    core = " ".join(core)
    if not prefix and random.random() < 0.25:
        prefix = random.choice(PREFIXES)
    if random.random() < 0.15:
        core = core + "-" + single_word(nl.last_name().split()[-1])
    seconds = []
    if random.random() < 0.3:
        seconds = [single_word(nl.first_name_female() if f else nl.first_name_male())]
    return {"first": first, "seconds": seconds, "prefix": prefix, "core": core, "female": f}


def real_name(p):
    parts = [p["first"]] + p["seconds"] + ([p["prefix"]] if p["prefix"] else []) + [p["core"]]
    return " ".join(parts)


def surname(p, capital=False):
    if p["prefix"]:
        prefix = p["prefix"][0].upper() + p["prefix"][1:] if capital else p["prefix"]
        return prefix + " " + p["core"]
    return p["core"]


def name_form(p):
    """A form of the name as people write it, and what kind of form it is."""
    kind = random.choice(["full", "first", "title", "initials", "possessive", "prefix_cap",
                          "double_part", "lower", "no_diacritics", "core", "upper"])
    if kind == "double_part" and "-" not in p["core"]:
        kind = "title"
    if kind == "prefix_cap" and not p["prefix"]:
        kind = "first"
    titles = TITLES_F if p["female"] else TITLES_M
    return kind, name_text(p, kind, titles)


def name_text(p, kind, titles):
    if kind == "full":
        return real_name(p)
    if kind == "first":
        return p["first"]
    if kind == "title":
        return random.choice(titles) + " " + surname(p, capital=random.random() < 0.5)
    if kind == "initials":
        initials = [n[0].upper() for n in [p["first"]] + p["seconds"]]
        style = random.choice(["dotted", "spaced", "first"])
        if style == "dotted":
            lead = "".join(i + "." for i in initials)
        elif style == "spaced":
            lead = " ".join(i + "." for i in initials)
        else:
            lead = initials[0] + "."
        return lead + " " + surname(p)
    if kind == "possessive":
        base = random.choice([p["first"], p["core"].split("-")[0]])
        return base + ("'" if base[-1] in "sxz" else "s")
    if kind == "prefix_cap":
        return surname(p, capital=True)
    if kind == "double_part":
        return random.choice(p["core"].split("-"))
    if kind == "lower":
        return random.choice([real_name(p), p["first"]]).lower()
    if kind == "no_diacritics":
        return strip_accents(random.choice([real_name(p), p["first"], surname(p)]))
    if kind == "core":
        return p["core"]
    return p["first"].upper()


def eleven_proof():
    while True:
        d = [random.randint(0, 9) for _ in range(8)]
        if d[0] == 0:
            continue
        total = sum(x * w for x, w in zip(d, range(9, 1, -1)))
        last = total % 11
        if last < 10:
            return "".join(map(str, d + [last]))


def bsn():
    b = eleven_proof()
    style = random.choice(["plain", "plain", "dots", "spaces", "dots4"])
    if style == "dots":
        return f"{b[:3]}.{b[3:6]}.{b[6:]}"
    if style == "spaces":
        return f"{b[:3]} {b[3:6]} {b[6:]}"
    if style == "dots4":
        return f"{b[:4]}.{b[4:6]}.{b[6:]}"
    return b


def iban():
    raw = nl.iban()
    groups = [raw[i:i + 4] for i in range(0, len(raw), 4)]
    style = random.choice(["plain", "spaced", "lower", "dashes", "country_space", "dots"])
    if style == "spaced":
        return " ".join(groups)
    if style == "lower":
        return random.choice([raw, " ".join(groups)]).lower()
    if style == "dashes":
        return "-".join(groups)
    if style == "country_space":
        return raw[:2] + " " + raw[2:4] + " " + " ".join(groups[1:])
    if style == "dots":
        return ".".join(groups)
    return raw


def phone():
    if random.random() < 0.4:
        return nl.phone_number()
    mobile = "6" + "".join(str(random.randint(0, 9)) for _ in range(8))
    area = random.choice(["20", "10", "30", "70", "40", "50", "570", "318", "26", "73"])
    rest = "".join(str(random.randint(0, 9)) for _ in range(9 - len(area)))
    style = random.choice(["m_dash", "m_space", "m_plain", "m_31", "m_31_0", "m_0031",
                           "m_groups", "a_dash", "a_paren", "a_space"])
    return {
        "m_dash": f"0{mobile[0]}-{mobile[1:]}",
        "m_space": f"0{mobile[0]} {mobile[1:]}",
        "m_plain": f"0{mobile}",
        "m_31": f"+31 {mobile[0]} {mobile[1:]}",
        "m_31_0": f"+31 (0){mobile[0]} {mobile[1:5]} {mobile[5:]}",
        "m_0031": f"0031 {mobile[0]} {mobile[1:]}",
        "m_groups": f"0{mobile[0]} {mobile[1:3]} {mobile[3:5]} {mobile[5:7]} {mobile[7:]}",
        "a_dash": f"0{area}-{rest}",
        "a_paren": f"(0{area}) {rest}",
        "a_space": f"0{area} {rest[:3]} {rest[3:]}",
    }[style]


def email(p):
    if random.random() < 0.5:
        return nl.email()
    user = strip_accents(p["first"]).lower() + random.choice([".", "_", ""]) + \
        strip_accents(p["core"].split("-")[0]).lower().replace(" ", "")
    return user + "@" + random.choice(["gmail.com", "hotmail.nl", "ziggo.nl", "kpnmail.nl", "outlook.com"])


def postcode():
    """The postcode as written, the text to expect, and the sentence around it."""
    digits = str(random.randint(1000, 9999))
    letters = random.choice("ABCDEGHJKLMNPRSTVWXZ") + random.choice("ABCDEGHJKLMNPRTVWXZ")
    if letters in {"SA", "SD", "SS"}:
        letters = "AB"
    number = str(random.randint(1, 250)) + random.choice(["", "", "", "a", "A", " B", "-II", "-hs", "-2", "bis"])
    style = random.choice(["street", "pc_number", "glued", "lower_number", "label", "city"])
    pc = digits + random.choice([" ", ""]) + letters
    street = nl.street_name()
    city = nl.city()
    if style == "street":
        return pc, f"{street} {number}, {pc} {city}"
    if style == "pc_number":
        return pc, f"{pc} {number}"
    if style == "glued":
        return pc, f"{pc}{number}" if number[0].isdigit() and pc[-1].isalpha() and " " not in number else f"{pc} {number}"
    if style == "lower_number":
        pc = pc.lower()
        return pc, f"{pc} {number}"
    if style == "label":
        return pc, f"postcode {pc}, huisnummer {number}"
    return pc, f"{pc} {city}, {street} {number}"


def birth():
    d = nl.date_of_birth(minimum_age=5, maximum_age=95)
    style = random.choice(["long", "dash", "dash0", "iso", "slash", "short_month", "year", "year", "en"])
    text = {
        "long": f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        "dash": f"{d.day}-{d.month}-{d.year}",
        "dash0": f"{d.day:02}-{d.month:02}-{d.year}",
        "iso": d.isoformat(),
        "slash": f"{d.day:02}/{d.month:02}/{d.year}",
        "short_month": f"{d.day} {MONTHS_SHORT[d.month - 1]} {d.year}",
        "year": str(d.year),
        "en": f"{d.day} {d.strftime('%B')} {d.year}",
    }[style]
    if style == "year":
        cue = random.choice(["geb.", "geboren in", "geboortejaar", "born in", "Geboortejaar:", "(geb."])
        return text, f"{cue} {text}" + (")" if cue.startswith("(") else "")
    if style == "en":
        return text, f"{random.choice(['born', 'born on', 'date of birth'])} {text}"
    cue = random.choice(["geboren op", "geb.", "geboortedatum:", "Geboortedatum", "geb. datum", "geboren"])
    return text, f"{cue} {text}"


NAME_SENTENCES = [
    "Keukentafelgesprek met {n} over de aanvraag voor een scootmobiel.",
    "{n} vertelt dat de mantelzorg haar zwaar valt.",
    "Volgens de buurvrouw komt {n} de deur bijna niet meer uit.",
    "In het wijkteam bespraken we de situatie van {n}.",
    "{n} wil eerst kijken wat het voorliggend veld kan bieden.",
    "De huisarts heeft {n} doorverwezen naar het maatschappelijk werk.",
    "Tijdens het huisbezoek zat {n} erbij en zei weinig.",
    "We signaleren dat {n} al maanden op de wachtlijst staat.",
    "De dochter van {n} doet de boodschappen.",
    "Afspraak: {n} belt zelf de schuldhulpverlening.",
    "Het gesprek met {n} ging over eigen kracht en het netwerk.",
    "Ook {n} maakt zich zorgen over de huur.",
    "Na de melding is {n} bezocht door de Wmo-consultant.",
    "De buurtsportcoach nodigt {n} uit voor de wandelgroep.",
]

DATA_SENTENCES = {
    "bsn": ["BSN {x} staat in het dossier.", "Haar burgerservicenummer is {x}.",
            "bsn: {x}", "Het BSN ({x}) is gecontroleerd bij de BRP."],
    "iban": ["De huur gaat van rekening {x}.", "IBAN: {x} t.n.v. de bewindvoerder.",
             "Het geld is overgemaakt naar {x}.", "rekeningnummer {x}"],
    "phone": ["Bereikbaar op {x}.", "Tel. {x} (na 17 uur).", "Zijn zoon belt vanaf {x}.",
              "Telefoonnummer: {x}", "bel {x} voor een afspraak"],
    "email": ["Mail naar {x} voor de stukken.", "E-mail: {x}", "Ze mailde vanaf {x} dat het goed gaat."],
    "postcode": ["Ze woont op {x}.", "Adres: {x}.", "Post gaat naar {x}.", "Hij verhuist naar {x} in het voorjaar."],
    "birth": ["Mevrouw, {x}, woont alleen.", "Cliënt {x}.", "{x}; alleenstaand.", "De zoon ({x}) helpt mee."],
}

FILLERS = [
    "De wachttijd voor schuldhulp is acht weken.",
    "Ze betaalt 640 euro huur per maand.",
    "Het buurthuis sluit in 2027; dat raakt 12 ouderen.",
    "Om 14.30 uur komt de wijkverpleging.",
    "De mantelzorger is overbelast.",
    "We signaleren dit bij de gemeente.",
    "Het voorliggend veld biedt een maaltijdservice.",
    "",
]


def labelled_note():
    persons = [person() for _ in range(random.choice([1, 1, 2]))]
    parts, expected = [], []
    for _ in range(random.choice([1, 2, 2, 3])):
        kind = random.choice(["name", "name", "bsn", "iban", "phone", "email", "postcode", "birth"])
        if kind == "name":
            p = random.choice(persons)
            form_kind, form = name_form(p)
            parts.append(random.choice(NAME_SENTENCES).format(n=form))
            # "Kees'": the name is "Kees", the apostrophe only marks the possessive.
            expected.append(("name", form.rstrip("'"), form_kind))
        elif kind == "email":
            x = email(random.choice(persons))
            parts.append(random.choice(DATA_SENTENCES["email"]).format(x=x))
            expected.append(("email", x, ""))
        elif kind == "postcode":
            pc, x = postcode()
            parts.append(random.choice(DATA_SENTENCES["postcode"]).format(x=x))
            expected.append(("postcode", pc, ""))
        elif kind == "birth":
            date, x = birth()
            parts.append(random.choice(DATA_SENTENCES["birth"]).format(x=x))
            expected.append(("birth", date, ""))
        else:
            x = {"bsn": bsn, "iban": iban, "phone": phone}[kind]()
            parts.append(random.choice(DATA_SENTENCES[kind]).format(x=x))
            expected.append((kind, x, ""))
        filler = random.choice(FILLERS)
        if filler:
            parts.append(filler)
    random.shuffle(parts)
    return " ".join(parts), [real_name(p) for p in persons], expected


def r(a, b):
    return random.randint(a, b)


CLEAN_SENTENCES = [
    lambda: f"Metformine {random.choice([500, 850, 1000])} {random.choice(['mg', 'MG', 'mg.'])} {r(1, 3)} dd 1 tablet.",
    lambda: f"Paracetamol {random.choice([500, 1000])}MG {r(2, 4)}x per dag.",
    lambda: f"Furosemide {random.choice([20, 40])} mg, {r(1, 2)} keer per dag; Omeprazol {random.choice([20, 40])} mg.",
    lambda: f"Scootmobiel type {random.choice([2000, 3000, 4000])} XL aangevraagd.",
    lambda: f"Rolstoel model {r(1000, 9999)} {random.choice(['LX', 'GT', 'XL', 'SE'])} {r(2, 4)} jaar oud.",
    lambda: f"Douchestoel {random.choice(['type', 'model'])} {r(1000, 9999)} {random.choice(['AB', 'ZX', 'MK'])} is geleverd.",
    lambda: f"Tillift {r(1000, 9999)} kg draagvermogen? Nee, {r(120, 200)} kg.",
    lambda: f"De afspraak is op {r(1, 28)}-{r(1, 12):02}-{r(2025, 2027)} om {r(8, 17)}.{random.choice(['00', '15', '30', '45'])} uur.",
    lambda: f"Evaluatie op {r(1, 28)} {random.choice(MONTHS_SHORT)} {r(2025, 2027)}, daarna in {random.choice(MONTHS)}.",
    lambda: f"Sinds {r(1, 28)} jan. is de thuiszorg gestart; in mei volgt een evaluatie.",
    lambda: f"Ze betaalt € {r(1, 2)}.{r(100, 999)},{r(10, 99)} huur; de toeslag is € {r(100, 400)},{r(10, 99)}.",
    lambda: f"Een schuld van {r(1000, 9999)} euro bij {r(2, 15)} schuldeisers.",
    lambda: f"Ze woont aan de {nl.street_name()} {r(1, 250)}{random.choice(['', 'a', '-II', ' B'])}, vlak bij de supermarkt.",
    lambda: f"Op nummer {r(1, 99)} woont een buurvrouw die helpt; {r(1000, 9999)} huishoudens in de wijk.",
    lambda: f"Zaaknummer {r(2024, 2027)}-{r(10000, 99999)}; factuur {r(2024, 2027)}{r(100000, 999999)}.",
    lambda: f"Tussen {r(2015, 2020)} en {r(2021, 2026)} verdubbelde het aantal meldingen tot {r(1000, 3000)}.",
    lambda: f"Volgens artikel {r(1, 9)}.{r(1, 9)}.{r(1, 20)} van de Wmo 2015 beslist de gemeente binnen {r(2, 8)} weken.",
    lambda: f"Ze fietst {r(1000, 3000)} km {r(2, 5)} keer per jaar naar haar zus.",
    lambda: f"Bij de bakker haalt ze elke ochtend brood; de visser op de markt kent haar.",
    lambda: f"Een wandeling door het bos doet hem goed; groen in de wijk helpt.",
    lambda: f"Het licht staat op groen voor de woningaanpassing; de bakker bezorgt aan huis.",
    lambda: f"In mei start de lotgenotengroep; op {r(1, 28)} jan. was de kick-off.",
    lambda: f"Het buurthuis aan de Dorpsstraat {r(1, 200)} is open van {r(8, 10)}:00 tot {r(16, 22)}:30.",
    lambda: f"Versie {r(1, 3)}.{r(0, 9)}.{r(0, 9)} van het protocol geldt vanaf {r(2025, 2027)}-0{r(1, 9)}-1{r(0, 9)}.",
    lambda: f"Ze werkt {r(1, 9) / 10} fte en heeft {r(1, 4)} kinderen van {r(2, 9)} en {r(10, 17)} jaar.",
    lambda: f"Er staan {r(10, 99)} mensen op de wachtlijst (peildatum {r(1, 28)} maart {r(2025, 2027)}).",
    lambda: f"{r(50, 80)}% van de cliënten is ouder dan {r(60, 80)}; verhouding 1:{r(2, 9)}.",
    lambda: f"In week {r(1, 52)} is er geen inloop; de deadline is {r(1, 28)}-{r(1, 12):02}-{r(2025, 2027)}.",
    lambda: f"Kamer {r(1, 4)}.{r(10, 40)} in het gemeentehuis, van {r(9, 11)}.00 tot {r(12, 14)}.30 uur.",
    lambda: f"Ze kreeg in {r(1990, 2024)} haar diploma en werkt sinds {r(2000, 2024)} als schoonmaker.",
    lambda: f"De wijk telt {r(1000, 9999)} inwoners, {r(100, 999)} van hen boven de 75.",
    lambda: f"Postcodegebied {r(10, 99)} heeft de langste wachtlijst.",
    lambda: f"Budget: € {r(100, 999)}.{r(100, 999)} voor {r(2025, 2027)}; {r(1000, 2000)} MB aan dossiers gemigreerd.",
    lambda: f"Hoortoestel {r(1000, 9999)} {random.choice(['DB', 'HZ', 'PX'])} is kapot.",
    lambda: f"Bel bij nood 112; de wijkagent zit in het bureau aan de Markt {r(1, 50)}.",
    lambda: f"Haar moeder is in {r(1930, 1960)} geboren, haar vader in {r(1925, 1960)}.",
    lambda: f"Hij is geboren en getogen in {nl.city()} en verhuisde in {r(1980, 2020)} naar {nl.city()}.",
]


def words_of(text):
    out, word = set(), ""
    for c in strip_accents(text).lower():
        if c.isalnum():
            word += c
        else:
            if word:
                out.add(word)
            word = ""
    if word:
        out.add(word)
    return out


def clean_note():
    text = " ".join(random.choice(CLEAN_SENTENCES)() for _ in range(random.choice([2, 3, 4])))
    words = words_of(text)
    # A registered person whose name does not occur: the case has names, the note not.
    while True:
        p = person()
        name_words = words_of(real_name(p)) | {w + "s" for w in words_of(real_name(p))}
        if not (name_words & words):
            return text, [real_name(p)], []


def ron_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main():
    out = sys.stdout
    out.write("// Generated by scripts/privacy_corpus.py (Faker, seed %d); do not edit by hand.\n" % SEED)
    out.write("[\n")
    notes = [labelled_note() for _ in range(N_NOTES)] + [clean_note() for _ in range(N_CLEAN)]
    for text, persons, expected in notes:
        exp = ", ".join(f"({kind}, {ron_string(t)}, {ron_string(form)})" for kind, t, form in expected)
        names = ", ".join(ron_string(n) for n in persons)
        out.write(f"    (text: {ron_string(text)}, persons: [{names}], expected: [{exp}]),\n")
    out.write("]\n")


if __name__ == "__main__":
    main()
