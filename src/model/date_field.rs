//! Dates in a case file are written `YYYY-MM-DD`. A date that does not parse gets one
//! known message, so the file's reader can be told in their own language; a date in
//! that form that does not exist (31 November) gets another, with the date.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, de::Error as _};

pub const NOT_A_DATE: &str = "not a date in the form YYYY-MM-DD";
/// Followed by the date as written.
pub const NO_SUCH_DATE: &str = "this date does not exist: ";

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|text| parse(&text).map_err(D::Error::custom))
        .transpose()
}

fn parse(text: &str) -> Result<NaiveDate, String> {
    text.parse().map_err(|_| match parts(text) {
        Some(_) => format!("{NO_SUCH_DATE}{text}"),
        None => NOT_A_DATE.to_owned(),
    })
}

/// Year, month and day of a text in the form YYYY-MM-DD with a month from 1 to 12
/// and a day from 1 to 31, whether or not that day exists.
pub fn parts(text: &str) -> Option<(i32, u32, u32)> {
    let mut pieces = text.split('-');
    let mut next = |len: usize| {
        let piece = pieces.next().filter(|p| p.len() == len)?;
        piece
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| piece.parse::<u32>().ok())?
    };
    let (year, month, day) = (next(4)?, next(2)?, next(2)?);
    let fits = pieces.next().is_none() && (1..=12).contains(&month) && (1..=31).contains(&day);
    fits.then_some((year as i32, month, day))
}
