//! What is wrong at a place in a RON file (case or method), in terms a user can be told
//! in their own language. The RON parser's own messages are English and technical.

use thiserror::Error;

/// Where a RON file went wrong and what was wrong there.
#[derive(Debug, Error, PartialEq, Eq, Clone)]
#[error("{line}:{column}: {problem}")]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub problem: SyntaxProblem,
}

/// The kinds of mistake a hand-edited or damaged file shows. Names of fields and choices
/// are kept as written in the file, since the user has to find them there.
#[derive(Debug, Error, PartialEq, Eq, Clone)]
pub enum SyntaxProblem {
    #[error("the file ends too early")]
    CutOff,
    #[error("expected {0}")]
    Expected(Expected),
    #[error("unknown field `{field}`")]
    UnknownField { field: String },
    #[error("unknown value `{found}`, expected one of {expected}")]
    UnknownChoice { found: String, expected: String },
    #[error("field `{0}` is missing")]
    MissingField(String),
    #[error("field `{0}` appears twice")]
    DuplicateField(String),
    #[error("wrong kind of value: expected {expected}, found {found}")]
    WrongValue { expected: String, found: String },
    #[error("number out of range")]
    NumberOutOfRange,
    #[error("invalid escape in text")]
    BadEscape,
    #[error("unexpected character `{0}`")]
    UnexpectedChar(char),
    #[error("text after the end of the content")]
    TrailingText,
    #[error("nested too deeply")]
    TooDeep,
    #[error("not a date in the form YYYY-MM-DD")]
    NotADate,
    #[error("the date {year}-{month:02}-{day:02} does not exist")]
    NoSuchDate { year: i32, month: u32, day: u32 },
    #[error("a quoted text starts here and is not closed")]
    QuoteOpen,
    #[error("{0}")]
    Other(String),
}

/// A piece of syntax the parser was looking for.
#[derive(Debug, Error, PartialEq, Eq, Clone, Copy)]
pub enum Expected {
    #[error("text in quotes")]
    Text,
    #[error("a number")]
    Number,
    #[error("true or false")]
    TrueFalse,
    #[error("a list `[ ]`")]
    List,
    #[error("a group `( )`")]
    Group,
    #[error("a name")]
    Name,
    #[error("a comma")]
    Comma,
    #[error("a closing bracket")]
    Closing,
    #[error("a colon")]
    Colon,
    #[error("Some(…) or None")]
    Optional,
}

impl Expected {
    /// The key of this expectation's text in the translation files.
    pub fn key(self) -> &'static str {
        match self {
            Expected::Text => "error.syntax.expected.text",
            Expected::Number => "error.syntax.expected.number",
            Expected::TrueFalse => "error.syntax.expected.bool",
            Expected::List => "error.syntax.expected.list",
            Expected::Group => "error.syntax.expected.group",
            Expected::Name => "error.syntax.expected.name",
            Expected::Comma => "error.syntax.expected.comma",
            Expected::Closing => "error.syntax.expected.closing",
            Expected::Colon => "error.syntax.expected.colon",
            Expected::Optional => "error.syntax.expected.optional",
        }
    }
}

impl SyntaxError {
    /// A quote left open swallows text up to the next quote, and the parser stumbles
    /// lines later ("a comma expected"). When a quoted text runs over a line end before
    /// the place of the error (texts of ours never do), the error is put where that
    /// text opens.
    pub fn naming_open_quote(self, source: &str) -> SyntaxError {
        let swallowing = matches!(
            self.problem,
            SyntaxProblem::Expected(_)
                | SyntaxProblem::UnexpectedChar(_)
                | SyntaxProblem::UnknownField { .. }
                | SyntaxProblem::TrailingText
                | SyntaxProblem::Other(_)
        );
        match first_text_over_a_line_end(source) {
            Some((line, column)) if swallowing && line <= self.line => SyntaxError {
                line,
                column,
                problem: SyntaxProblem::QuoteOpen,
            },
            _ => self,
        }
    }
}

/// Line and column of the first quoted text that runs over a line end and closes later.
fn first_text_over_a_line_end(source: &str) -> Option<(usize, usize)> {
    let (mut line, mut column) = (1, 0);
    let mut open: Option<(usize, usize)> = None;
    let mut over_line_end = false;
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        match (open, c) {
            (_, '\n') => {
                over_line_end |= open.is_some();
                (line, column) = (line + 1, 0);
            }
            (Some(start), '"') if over_line_end => return Some(start),
            (Some(_), '"') => open = None,
            (Some(_), '\\') => {
                chars.next();
                column += 1;
            }
            (None, '"') => open = Some((line, column)),
            (None, '/') if chars.peek() == Some(&'/') => {
                while chars.next_if(|&n| n != '\n').is_some() {}
            }
            _ => {}
        }
    }
    None
}

impl From<ron::error::SpannedError> for SyntaxError {
    fn from(e: ron::error::SpannedError) -> Self {
        SyntaxError {
            line: e.span.start.line,
            column: e.span.start.col,
            problem: SyntaxProblem::from(e.code),
        }
    }
}

impl From<ron::Error> for SyntaxProblem {
    fn from(code: ron::Error) -> Self {
        use ron::Error as E;
        let expected = SyntaxProblem::Expected;
        match code {
            E::Eof | E::UnclosedBlockComment | E::UnclosedLineComment | E::ExpectedStringEnd => {
                SyntaxProblem::CutOff
            }
            E::ExpectedString | E::ExpectedChar | E::ExpectedByteString => expected(Expected::Text),
            E::ExpectedInteger | E::ExpectedFloat | E::FloatUnderscore => {
                expected(Expected::Number)
            }
            E::ExpectedBoolean => expected(Expected::TrueFalse),
            E::ExpectedArray => expected(Expected::List),
            E::ExpectedStructLike
            | E::ExpectedNamedStructLike(_)
            | E::ExpectedMap
            | E::ExpectedDifferentStructName { .. }
            | E::ExpectedStructName(_)
            | E::ExpectedAttribute => expected(Expected::Group),
            E::ExpectedIdentifier | E::InvalidIdentifier(_) => expected(Expected::Name),
            E::ExpectedComma => expected(Expected::Comma),
            E::ExpectedArrayEnd
            | E::ExpectedStructLikeEnd
            | E::ExpectedMapEnd
            | E::ExpectedOptionEnd
            | E::ExpectedAttributeEnd => expected(Expected::Closing),
            E::ExpectedMapColon => expected(Expected::Colon),
            E::ExpectedOption => expected(Expected::Optional),
            E::NoSuchStructField { found, .. } => SyntaxProblem::UnknownField { field: found },
            E::NoSuchEnumVariant {
                expected, found, ..
            } => SyntaxProblem::UnknownChoice {
                found,
                expected: expected.join(", "),
            },
            E::MissingStructField { field, .. } => SyntaxProblem::MissingField(field.to_owned()),
            E::DuplicateStructField { field, .. } => {
                SyntaxProblem::DuplicateField(field.to_owned())
            }
            E::InvalidValueForType { expected, found } => {
                SyntaxProblem::WrongValue { expected, found }
            }
            E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
                SyntaxProblem::NumberOutOfRange
            }
            E::InvalidEscape(_) => SyntaxProblem::BadEscape,
            E::UnexpectedChar(c) => SyntaxProblem::UnexpectedChar(c),
            E::TrailingCharacters => SyntaxProblem::TrailingText,
            E::ExceededRecursionLimit => SyntaxProblem::TooDeep,
            E::Message(message) if message == crate::model::date_field::NOT_A_DATE => {
                SyntaxProblem::NotADate
            }
            E::Message(message) if message.starts_with(crate::model::date_field::NO_SUCH_DATE) => {
                let date = &message[crate::model::date_field::NO_SUCH_DATE.len()..];
                match crate::model::date_field::parts(date) {
                    Some((year, month, day)) => SyntaxProblem::NoSuchDate { year, month, day },
                    None => SyntaxProblem::NotADate,
                }
            }
            other => SyntaxProblem::Other(other.to_string()),
        }
    }
}
