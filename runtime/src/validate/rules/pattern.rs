//! `pattern`, with the `regex` feature.

#[cfg(feature = "regex")]
use alloc::format;

use super::{Failure, Outcome, Text};

/// Marks that the `pattern` rule is compiled in: the runtime's `regex` feature is on.
#[diagnostic::on_unimplemented(
    message = "the `pattern` rule needs palisade's `regex` feature",
    label = "`pattern` used here",
    note = "enable it with `palisade = {{ version = \"...\", features = [\"regex\"] }}`"
)]
pub trait PatternSupport {
    /// Whether the whole of `text` matches.
    fn is_full_match(&self, text: &str) -> bool;
    /// The pattern as the user wrote it.
    fn source(&self) -> &'static str;
}

/// A `pattern = "..."` rule: the regex is compiled on first use, once per pattern.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    #[cfg(feature = "regex")]
    compiled: std::sync::OnceLock<Option<regex::Regex>>,
}

impl Pattern {
    /// The pattern as the user wrote it.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        self.source
    }

    /// A pattern that must match the whole text. `source` was checked by the macro.
    #[must_use]
    pub const fn new(source: &'static str) -> Self {
        Self {
            source,
            #[cfg(feature = "regex")]
            compiled: std::sync::OnceLock::new(),
        }
    }
}

/// Whether `source` ends inside a verbose-mode comment.
#[cfg(feature = "regex")]
fn ends_in_comment(source: &str) -> bool {
    regex_syntax::ast::parse::Parser::new()
        .parse_with_comments(source)
        .is_ok_and(|parsed| {
            parsed
                .comments
                .last()
                .is_some_and(|comment| comment.span.end.offset == source.len())
        })
}

#[cfg(feature = "regex")]
impl PatternSupport for Pattern {
    fn is_full_match(&self, text: &str) -> bool {
        let regex = self.compiled.get_or_init(|| {
            // Anchoring the whole pattern makes `a|b` mean `^(?:a|b)$`, not `^a|b$`.
            // A verbose-mode (`(?x)`) pattern that ends in a `# comment` would swallow
            // the closing `)`: a newline ends the comment first (and is whitespace in
            // that mode). The macro already parsed `source` with regex-syntax; one that
            // still fails here (over the size limit) matches nothing rather than
            // panicking.
            let end = if ends_in_comment(self.source) {
                "\n"
            } else {
                ""
            };
            regex::Regex::new(&format!(r"\A(?:{}{end})\z", self.source)).ok()
        });
        regex.as_ref().is_some_and(|regex| regex.is_match(text))
    }

    fn source(&self) -> &'static str {
        self.source
    }
}

/// `pattern = "..."`: the whole text matches the regex.
///
/// # Errors
/// A [`Failure::WithText`] otherwise.
#[inline]
pub fn pattern<T: Text + ?Sized, P: PatternSupport>(value: &T, pattern: &P) -> Outcome {
    if pattern.is_full_match(value.text()) {
        Ok(())
    } else {
        Err(alloc::boxed::Box::new(Failure::WithText {
            code: "pattern",
            message: "must match the pattern",
            name: "pattern",
            text: pattern.source(),
        }))
    }
}
