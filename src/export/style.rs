//! The report's look: colours, text size, and the organisation's name, contact line and
//! logo. Built in (assets/report/style.ron), or an organisation's own style file, chosen
//! in the app ("Huisstijl kiezen…") or with `swan-casus export --style FILE`. The format
//! is described in docs/report-style.md; assets/report/example-style.ron is an example.

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use thiserror::Error;

use super::{ExportError, Format};
use crate::syntax::SyntaxError;

const BUILTIN_STYLE: &str = include_str!("../../assets/report/style.ron");

/// The body text sizes, in points, that every format lays out well.
pub const FONT_SIZES: RangeInclusive<f32> = 5.0..=40.0;

/// The largest logo file a style may name: a logo is printed a few centimetres wide, and
/// every report carries it.
pub const MAX_LOGO_BYTES: u64 = 1024 * 1024;

/// Colours, sizes and the organisation lines shared by the PDF, DOCX and HTML reports.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportStyle {
    /// Headings, table headers and rules, as `#rrggbb`.
    pub accent: String,
    /// Background of table header rows and notices, as `#rrggbb`.
    pub light: String,
    /// Body text size in points.
    pub font_size: f32,
    /// A line above the title on the first page, such as the organisation's name.
    pub organisation: String,
    /// A second line under it: address, telephone, e-mail, website.
    pub contact: String,
    /// The organisation's logo, read from the file the style names.
    pub logo: Option<Logo>,
}

/// A logo, as the bytes of its file.
#[derive(Clone, Debug, PartialEq)]
pub struct Logo {
    pub format: LogoFormat,
    pub data: Arc<[u8]>,
    /// Width and height in pixels; for SVG, from its `width` and `height` if it gives
    /// them, else `None`.
    pub pixels: Option<(u32, u32)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoFormat {
    Png,
    Svg,
}

/// A style file as written: every field may be left out, and then keeps the built-in value.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleFile {
    accent: Option<String>,
    light: Option<String>,
    font_size: Option<f32>,
    organisation: Option<String>,
    contact: Option<String>,
    /// A PNG or SVG file, relative to the style file.
    logo: Option<PathBuf>,
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

/// Why a style file could not be used. The app then keeps the style it had.
#[derive(Debug, Error, PartialEq)]
pub enum StyleError {
    #[error("cannot read the style file: {0}")]
    Read(std::io::ErrorKind),
    #[error("the style file is not valid RON at {0}")]
    Syntax(SyntaxError),
    #[error("{0}")]
    Invalid(StyleProblem),
    #[error("the logo {}: {problem}", path.display())]
    Logo { path: PathBuf, problem: LogoProblem },
}

/// What is wrong with the logo a style file names.
#[derive(Debug, Error, PartialEq)]
pub enum LogoProblem {
    #[error("cannot be read: {0}")]
    Read(std::io::ErrorKind),
    #[error("is {bytes} bytes, more than the {max} a logo may be", max = MAX_LOGO_BYTES)]
    TooBig { bytes: u64 },
    #[error("is not a PNG or SVG image")]
    NotAnImage,
}

impl ReportStyle {
    pub fn builtin() -> ReportStyle {
        let file = parse(BUILTIN_STYLE).expect("the built-in style parses");
        let missing = "the built-in style gives every field but the logo";
        ReportStyle {
            accent: file.accent.expect(missing),
            light: file.light.expect(missing),
            font_size: file.font_size.expect(missing),
            organisation: file.organisation.expect(missing),
            contact: file.contact.expect(missing),
            logo: None,
        }
    }

    /// An organisation's style file: the built-in style with the file's fields in place of
    /// its own, checked as the renderers check it. A logo is read relative to the file.
    pub fn load(path: &Path) -> Result<ReportStyle, StyleError> {
        let source = std::fs::read_to_string(path).map_err(|e| StyleError::Read(e.kind()))?;
        ReportStyle::from_ron(&source, path.parent().unwrap_or(Path::new("")))
    }

    /// A style file's text; `folder` is where a relative logo path starts.
    pub fn from_ron(source: &str, folder: &Path) -> Result<ReportStyle, StyleError> {
        let file = parse(source).map_err(|e| StyleError::Syntax(e.into()))?;
        let builtin = ReportStyle::builtin();
        let logo = match file.logo {
            Some(logo) => Some(read_logo(&folder.join(logo))?),
            None => None,
        };
        let style = ReportStyle {
            accent: file.accent.unwrap_or(builtin.accent),
            light: file.light.unwrap_or(builtin.light),
            font_size: file.font_size.unwrap_or(builtin.font_size),
            organisation: file.organisation.unwrap_or(builtin.organisation),
            contact: file.contact.unwrap_or(builtin.contact),
            logo,
        };
        match style.problem() {
            Some(problem) => Err(StyleError::Invalid(problem)),
            None => Ok(style),
        }
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

/// A style file's fields. Every field is optional, yet written without `Some(…)`.
fn parse(source: &str) -> Result<StyleFile, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(source)
}

/// Reads a logo and makes sure it is a PNG or an SVG image of a sensible size.
fn read_logo(path: &Path) -> Result<Logo, StyleError> {
    let fail = |problem| StyleError::Logo {
        path: path.to_path_buf(),
        problem,
    };
    let bytes = std::fs::metadata(path)
        .map_err(|e| fail(LogoProblem::Read(e.kind())))?
        .len();
    if bytes > MAX_LOGO_BYTES {
        return Err(fail(LogoProblem::TooBig { bytes }));
    }
    let data = std::fs::read(path).map_err(|e| fail(LogoProblem::Read(e.kind())))?;
    let (format, pixels) = if let Some(size) = png_size(&data) {
        (LogoFormat::Png, Some(size))
    } else if is_svg(&data) {
        (LogoFormat::Svg, None)
    } else {
        return Err(fail(LogoProblem::NotAnImage));
    };
    Ok(Logo {
        format,
        data: data.into(),
        pixels,
    })
}

/// A PNG's width and height from its header, if `data` starts as a PNG file does and the
/// size is not zero.
fn png_size(data: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    let header = data.strip_prefix(SIGNATURE)?;
    if header.get(4..8)? != b"IHDR" {
        return None;
    }
    let number = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(header.get(at..at + 4)?.try_into().ok()?))
    };
    let (width, height) = (number(8)?, number(12)?);
    (width > 0 && height > 0).then_some((width, height))
}

/// Whether `data` is UTF-8 text with an `<svg` element in it.
fn is_svg(data: &[u8]) -> bool {
    std::str::from_utf8(data).is_ok_and(|text| text.contains("<svg"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::SyntaxProblem;

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

    /// The example style shipped in assets/report/example-style, with its PNG logo.
    fn example_folder() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/report/example-style")
    }

    fn load_text(text: &str, folder: &Path) -> Result<ReportStyle, StyleError> {
        let file = folder.join("stijl.ron");
        std::fs::write(&file, text).unwrap();
        ReportStyle::load(&file)
    }

    #[test]
    fn the_builtin_style_parses_as_a_style_file_and_has_no_organisation() {
        let builtin = ReportStyle::builtin();
        assert_eq!(builtin.organisation, "");
        assert_eq!(builtin.contact, "");
        assert_eq!(builtin.logo, None);
        // The built-in file read as an organisation's file gives the same style.
        let again = ReportStyle::from_ron(BUILTIN_STYLE, Path::new("")).unwrap();
        assert_eq!(again, builtin);
    }

    #[test]
    fn the_example_style_loads_with_its_logo() {
        let style = ReportStyle::load(&example_folder().join("huisstijl.ron")).unwrap();
        assert_eq!(style.organisation, "Wijkteam Noordoever");
        assert!(style.contact.contains("wijkteam@noordoever.example"));
        assert_eq!(style.accent, "#2e7d32");
        let logo = style.logo.expect("the example has a logo");
        assert_eq!(logo.format, LogoFormat::Png);
        assert_eq!(logo.pixels, Some((360, 120)));
    }

    #[test]
    fn a_style_file_may_leave_out_every_field() {
        let folder = tempfile::tempdir().unwrap();
        let style = load_text("(organisation: \"Gemeente Ĳsselstein\")", folder.path()).unwrap();
        let builtin = ReportStyle::builtin();
        assert_eq!(style.organisation, "Gemeente Ĳsselstein");
        assert_eq!(style.accent, builtin.accent);
        assert_eq!(style.font_size, builtin.font_size);
        assert_eq!(load_text("()", folder.path()).unwrap(), builtin);
    }

    #[test]
    fn an_svg_logo_is_read_relative_to_the_style_file() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::create_dir(folder.path().join("beeld")).unwrap();
        std::fs::copy(
            example_folder().join("logo.svg"),
            folder.path().join("beeld/logo.svg"),
        )
        .unwrap();
        let style = load_text("(logo: \"beeld/logo.svg\")", folder.path()).unwrap();
        assert_eq!(style.logo.unwrap().format, LogoFormat::Svg);
    }

    #[test]
    fn each_kind_of_mistake_in_a_style_file_is_its_own_error() {
        let folder = tempfile::tempdir().unwrap();
        let dir = folder.path();
        let load = |text: &str| load_text(text, dir).unwrap_err();

        assert_eq!(
            load("(accent: \"blauw\")"),
            StyleError::Invalid(StyleProblem::Colour {
                colour: StyleColour::Accent,
                value: "blauw".into()
            })
        );
        assert_eq!(
            load("(font_size: 99.0)"),
            StyleError::Invalid(StyleProblem::FontSize(99.0))
        );
        match load("(\n  organisation: \"X\",\n  colour: \"#123456\",\n)") {
            StyleError::Syntax(SyntaxError {
                line: 3,
                problem: SyntaxProblem::UnknownField { field },
                ..
            }) => assert_eq!(field, "colour"),
            other => panic!("{other:?}"),
        }
        match load("(\n  organisation: \"X\"\n  accent: \"#123456\",\n)") {
            StyleError::Syntax(SyntaxError { line: 3, .. }) => {}
            other => panic!("{other:?}"),
        }
        assert_eq!(
            load("(logo: \"weg.png\")"),
            StyleError::Logo {
                path: dir.join("weg.png"),
                problem: LogoProblem::Read(std::io::ErrorKind::NotFound)
            }
        );
        std::fs::write(dir.join("logo.png"), b"GIF89a not a png").unwrap();
        assert_eq!(
            load("(logo: \"logo.png\")"),
            StyleError::Logo {
                path: dir.join("logo.png"),
                problem: LogoProblem::NotAnImage
            }
        );
        let big = vec![0u8; MAX_LOGO_BYTES as usize + 1];
        std::fs::write(dir.join("groot.png"), big).unwrap();
        assert_eq!(
            load("(logo: \"groot.png\")"),
            StyleError::Logo {
                path: dir.join("groot.png"),
                problem: LogoProblem::TooBig {
                    bytes: MAX_LOGO_BYTES + 1
                }
            }
        );
        assert_eq!(
            ReportStyle::load(&dir.join("nergens.ron")).unwrap_err(),
            StyleError::Read(std::io::ErrorKind::NotFound)
        );
    }

    #[test]
    fn every_style_error_reads_as_a_sentence_in_both_languages() {
        use crate::i18n::Language;
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("stijl.ron");
        let errors = [
            StyleError::Read(std::io::ErrorKind::NotFound),
            ReportStyle::from_ron("(kleur: 1)", folder.path()).unwrap_err(),
            StyleError::Invalid(StyleProblem::FontSize(99.0)),
            StyleError::Logo {
                path: folder.path().join("logo.png"),
                problem: LogoProblem::TooBig { bytes: 2_000_000 },
            },
            StyleError::Logo {
                path: folder.path().join("logo.png"),
                problem: LogoProblem::NotAnImage,
            },
            StyleError::Logo {
                path: folder.path().join("logo.png"),
                problem: LogoProblem::Read(std::io::ErrorKind::NotFound),
            },
        ];
        for error in &errors {
            for language in [Language::Nl, Language::En] {
                let text = crate::messages::style_error(language, &path, error);
                assert!(text.contains("stijl.ron"), "{text}");
                assert!(!text.contains('{'), "a placeholder is left: {text}");
            }
        }
        let nl = crate::messages::style_error(Language::Nl, &path, &errors[3]);
        assert!(nl.contains("1954 kB") && nl.contains("1024 kB"), "{nl}");
        let en = crate::messages::style_error(Language::En, &path, &errors[1]);
        assert!(en.contains("line 1") && en.contains("kleur"), "{en}");
    }
}
