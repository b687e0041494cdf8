//! The fonts built into the program: Liberation Sans (SIL OFL 1.1, see
//! assets/fonts/LICENSE-LiberationSans.txt), metric-compatible with Arial. The PDF is set
//! in it, and the DOCX export measures words with its glyph widths.

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Italic.ttf");
pub const BOLD_ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-BoldItalic.ttf");
