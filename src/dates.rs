//! Dates as Dutch professionals write them, for the screen and the exports.

use chrono::{Datelike, NaiveDate};

use crate::i18n::Language;

/// Dutch notation, day first: what a Dutch professional types.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// A date in words, for prose: "19 november 2026", "19 November 2026". Unambiguous in
/// both languages, where 09-12-2026 reads as 12 September to an English reader.
pub fn long_date(date: NaiveDate, language: Language) -> String {
    const NL: [&str; 12] = [
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
    const EN: [&str; 12] = [
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
    let months = match language {
        Language::Nl => NL,
        Language::En => EN,
    };
    format!(
        "{} {} {}",
        date.day(),
        months[date.month0() as usize],
        date.year()
    )
}

/// Reads a date as people type it: 12-11-2026, 12/11/2026, 12.11.2026 or 2026-11-12.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let normalised: String = text
        .chars()
        .map(|c| if c == '/' || c == '.' { '-' } else { c })
        .collect();
    NaiveDate::parse_from_str(&normalised, "%d-%m-%Y")
        .or_else(|_| NaiveDate::parse_from_str(&normalised, "%Y-%m-%d"))
        .ok()
        .filter(|d| (1900..=2200).contains(&d.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_dutch_and_iso_notation() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        for text in [
            "12-11-2026",
            "12/11/2026",
            "12.11.2026",
            "2026-11-12",
            " 12-11-2026 ",
        ] {
            assert_eq!(parse_date(text), Some(date), "{text}");
        }
        for text in [
            "",
            "gisteren",
            "31-02-2026",
            "12-13-2026",
            "1-1-99999",
            "12-11-0026",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
        assert_eq!(format_date(date), "12-11-2026");
        assert_eq!(long_date(date, Language::Nl), "12 november 2026");
        let date = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(long_date(date, Language::En), "9 March 2026");
    }
}
