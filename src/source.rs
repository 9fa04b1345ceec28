//! Source texts (rule files, profiles, statements) and byte spans into them.
//!
//! Every diagnostic and every located finding points into a [`SourceFile`], so
//! the text is shared (`Arc`) rather than copied per message.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

/// A named text, e.g. `rules/esl/article-21.rules` or `profile.yaml`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    /// Borrowed for the rule files built into the binary (not copied at
    /// every start), owned for what is read at run time.
    pub text: Cow<'static, str>,
    /// Byte offsets of line starts, made on the first `line_col`, so that
    /// locating many spans in a large file stays linear.
    line_starts: OnceLock<Vec<usize>>,
}

impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.text == other.text
    }
}

impl Eq for SourceFile {}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<Self> {
        Self::with(name.into(), Cow::Owned(text.into()))
    }

    /// A text built into the binary, borrowed where it lies.
    pub fn built_in(name: impl Into<String>, text: &'static str) -> Arc<Self> {
        Self::with(name.into(), Cow::Borrowed(text))
    }

    fn with(name: String, text: Cow<'static, str>) -> Arc<Self> {
        Arc::new(Self {
            name,
            text,
            line_starts: OnceLock::new(),
        })
    }

    /// Byte offsets where lines start (the first is 0).
    pub fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or("");
        let starts = self.line_starts();
        // Lines starting at or before the offset; the first always does.
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let line_start = starts.get(line - 1).copied().unwrap_or(0);
        let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        (line, col)
    }

    /// The text a span covers (empty if the span is out of range).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

/// A half-open byte range `start..end` in a [`SourceFile`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn point(at: usize) -> Self {
        Self { start: at, end: at }
    }

    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        (s.start, s.len()).into()
    }
}

/// A span that equality ignores: trees of differently laid-out text compare
/// equal when they mean the same.
#[derive(Debug, Clone, Copy, Default)]
pub struct Loc(pub Span);

impl PartialEq for Loc {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A value and the span it was read from. Equality ignores the span, so two
/// parses of differently laid-out text compare equal when they mean the same.
#[derive(Debug, Clone)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Self { node, span }
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.node
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let f = SourceFile::new("x", "ab\n电子签名 x");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        // "电子签名 " is 4 three-byte characters and a space: x is column 6.
        assert_eq!(f.line_col(3 + 12 + 1), (2, 6));
    }

    #[test]
    fn spanned_equality_ignores_span() {
        assert_eq!(Spanned::new(1, Span::new(0, 1)), Spanned::new(1, Span::new(5, 9)));
    }
}

/// A source file in the compiled rules (`load::compiled`): by its name, and
/// read back as the file of that name among those [`by_name::resolving`]
/// is given, so that every rule of a file shares one text.
pub mod by_name {
    use std::cell::RefCell;
    use std::sync::Arc;

    use serde::{Deserialize as _, Deserializer, Serializer, de::Error as _};

    use super::SourceFile;

    thread_local! {
        /// The files names resolve to, sorted by name.
        static FILES: RefCell<Vec<Arc<SourceFile>>> = const { RefCell::new(Vec::new()) };
    }

    /// Run `f` (which reads compiled rules) with names resolving to `files`.
    pub fn resolving<R>(files: &[Arc<SourceFile>], f: impl FnOnce() -> R) -> R {
        let mut sorted = files.to_vec();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let before = FILES.replace(sorted);
        let out = f();
        FILES.set(before);
        out
    }

    pub fn serialize<S: Serializer>(file: &Arc<SourceFile>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&file.name)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<SourceFile>, D::Error> {
        let name = <&str>::deserialize(d)?;
        FILES.with_borrow(|files| {
            files
                .binary_search_by(|f| f.name.as_str().cmp(name))
                .ok()
                .and_then(|i| files.get(i).cloned())
                .ok_or_else(|| {
                    D::Error::custom(format!(
                        "the compiled rules name `{name}`, which is not among their files"
                    ))
                })
        })
    }
}
