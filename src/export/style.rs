//! The report's look, in one file an organisation can change: assets/report/style.ron.

use serde::Deserialize;

const BUILTIN_STYLE: &str = include_str!("../../assets/report/style.ron");

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

impl ReportStyle {
    pub fn builtin() -> ReportStyle {
        ron::from_str(BUILTIN_STYLE).expect("the built-in report style is valid")
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
    #[test]
    fn the_builtin_style_loads() {
        let style = super::ReportStyle::builtin();
        assert_eq!(style.accent_hex().len(), 6);
    }
}
