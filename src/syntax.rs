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
            other => SyntaxProblem::Other(other.to_string()),
        }
    }
}
