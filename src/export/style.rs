//! The report's look, in one file an organisation can change: assets/report/style.ron.

use std::ops::RangeInclusive;

use serde::Deserialize;
use thiserror::Error;

use super::{ExportError, Format};

const BUILTIN_STYLE: &str = include_str!("../../assets/report/style.ron");

/// The body text sizes, in points, that every format lays out well.
pub const FONT_SIZES: RangeInclusive<f32> = 5.0..=40.0;

/// Colours, sizes and the header line shared by the PDF, DOCX and HTML reports.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportStyle {
    /// Headings, table headers and rules, as `#rrggbb`.
    pub accent: String,
    /// Background of table header rows and notices, as `#rrggbb`.
    pub light: String,
    /// Body text size in points.
    pub font_size: f32,
    /// A line above the title on the first page, such as the organisation's name.
    pub organisation: String,
}

/// Which colour of the style a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleColour {
    Accent,
    Light,
}

impl StyleColour {
    /// The colour's field in style.ron.
    pub fn name(self) -> &'static str {
        match self {
            StyleColour::Accent => "accent",
            StyleColour::Light => "light",
        }
    }
}

/// What is wrong with a report style, so that a renderer can refuse it before it
/// writes anything.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum StyleProblem {
    #[error(
        "the report style's {name} colour {value:?} is not of the form #rrggbb",
        name = .colour.name()
    )]
    Colour { colour: StyleColour, value: String },
    #[error(
        "the report style's font size {0} pt is not between {min} and {max}",
        min = FONT_SIZES.start(),
        max = FONT_SIZES.end()
    )]
    FontSize(f32),
}

impl ReportStyle {
    pub fn builtin() -> ReportStyle {
        ron::from_str(BUILTIN_STYLE).expect("the built-in report style is valid")
    }

    /// Checks the colours and the font size; `format` is the export that needs the style,
    /// named in the error. The PDF and DOCX renderers both call this first.
    pub fn validate(&self, format: Format) -> Result<(), ExportError> {
        self.problem().map_or(Ok(()), |problem| {
            Err(ExportError::Style { format, problem })
        })
    }

    fn problem(&self) -> Option<StyleProblem> {
        for (colour, value) in [
            (StyleColour::Accent, &self.accent),
            (StyleColour::Light, &self.light),
        ] {
            let hex = value.strip_prefix('#').unwrap_or("");
            if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return Some(StyleProblem::Colour {
                    colour,
                    value: value.clone(),
                });
            }
        }
        let size = self.font_size;
        if !(size.is_finite() && FONT_SIZES.contains(&size)) {
            return Some(StyleProblem::FontSize(size));
        }
        None
    }

    /// The accent colour without `#`, as DOCX wants it.
    pub fn accent_hex(&self) -> &str {
        self.accent.trim_start_matches('#')
    }

    pub fn light_hex(&self) -> &str {
        self.light.trim_start_matches('#')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_style_loads() {
        let style = ReportStyle::builtin();
        assert_eq!(style.accent_hex().len(), 6);
        assert!(style.validate(Format::Pdf).is_ok());
    }

    #[test]
    fn one_set_of_limits_for_every_format() {
        let with = |change: fn(&mut ReportStyle)| {
            let mut style = ReportStyle::builtin();
            change(&mut style);
            style.problem()
        };
        assert_eq!(with(|s| s.font_size = 5.0), None);
        assert_eq!(with(|s| s.font_size = 40.0), None);
        for size in [4.9, 40.5, 72.0, f32::NAN, f32::INFINITY] {
            let mut style = ReportStyle::builtin();
            style.font_size = size;
            assert!(
                matches!(style.problem(), Some(StyleProblem::FontSize(_))),
                "{size}"
            );
        }
        assert_eq!(
            with(|s| s.light = "e8eef5".into()),
            Some(StyleProblem::Colour {
                colour: StyleColour::Light,
                value: "e8eef5".into()
            })
        );
        assert!(matches!(
            with(|s| s.accent = "#12345g".into()),
            Some(StyleProblem::Colour {
                colour: StyleColour::Accent,
                ..
            })
        ));
        let mut style = ReportStyle::builtin();
        style.font_size = 72.0;
        let error = style.validate(Format::Docx).unwrap_err();
        assert!(matches!(
            error,
            ExportError::Style {
                format: Format::Docx,
                problem: StyleProblem::FontSize(_)
            }
        ));
        assert_eq!(
            error.to_string(),
            "cannot make the Docx file: the report style's font size 72 pt is not between 5 and 40"
        );
    }
}
