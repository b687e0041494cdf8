//! Dates as Dutch professionals write them, for the screen and the exports.

use chrono::NaiveDate;

/// Dutch notation, day first: what a Dutch professional types.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
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
        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
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
    }
}
