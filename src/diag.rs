//! The one diagnostic type for problems in user files: rule files, CA profiles,
//! rule statements, certificates. It carries the source, labelled spans and a
//! help line, and renders through miette.
//!
//! Style (after cedar's style guide): messages are lowercase, have no final
//! period and no line breaks, and quote user input in backticks; extra advice
//! goes in `help`.

use std::fmt;
use std::sync::Arc;

use miette::{LabeledSpan, SourceCode};

use crate::source::{SourceFile, Span};

/// How bad a diagnostic is. Errors stop a run (exit code 2); warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Warning,
    Error,
}

#[derive(Debug, Clone)]
pub struct Diag {
    /// A stable code such as `certlex::syntax::unclosed-string`.
    pub code: &'static str,
    pub level: Level,
    pub message: String,
    pub help: Option<String>,
    pub file: Option<Arc<SourceFile>>,
    /// Labelled spans in `file`; the first is the primary one.
    pub labels: Vec<(Span, String)>,
    /// Other diagnostics shown with this one (e.g. the first definition of a duplicate).
    pub related: Vec<Diag>,
    /// The message, help and labels in Chinese, for `--lang zh`
    /// ([`Diag::localized`]); `message`, `help` and `labels` are English.
    pub zh: Option<Box<Zh>>,
}

/// What a diagnostic says in Chinese.
#[derive(Debug, Clone, Default)]
pub struct Zh {
    pub message: String,
    pub help: Option<String>,
    /// Texts of labels, by their position in `labels`.
    pub labels: Vec<(usize, String)>,
}

impl Diag {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            level: Level::Error,
            message: message.into(),
            help: None,
            file: None,
            labels: Vec::new(),
            related: Vec::new(),
            zh: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            level: Level::Warning,
            ..Self::error(code, message)
        }
    }

    pub fn in_file(mut self, file: &Arc<SourceFile>) -> Self {
        self.file = Some(file.clone());
        self
    }

    pub fn label(mut self, span: Span, text: impl Into<String>) -> Self {
        self.labels.push((span, text.into()));
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    /// The Chinese message and help (the English ones are `message` and `help`).
    pub fn zh(mut self, message: impl Into<String>, help: Option<&str>) -> Self {
        let labels = self.zh.take().map(|z| z.labels).unwrap_or_default();
        self.zh = Some(Box::new(Zh {
            message: message.into(),
            help: help.map(str::to_string),
            labels,
        }));
        self
    }

    /// The Chinese help, beside a Chinese message given with [`Diag::zh`].
    pub fn zh_help(mut self, help: impl Into<String>) -> Self {
        if let Some(zh) = self.zh.as_mut() {
            zh.help = Some(help.into());
        }
        self
    }

    /// The Chinese text of the label added last.
    pub fn zh_label(mut self, text: impl Into<String>) -> Self {
        let Some(last) = self.labels.len().checked_sub(1) else {
            return self;
        };
        let zh = self.zh.get_or_insert_with(|| {
            Box::new(Zh {
                message: self.message.clone(),
                ..Zh::default()
            })
        });
        zh.labels.push((last, text.into()));
        self
    }

    /// The diagnostic in `lang`: in Chinese, the Chinese message and help
    /// where it has them (labels and related diagnostics too).
    pub fn localized(&self, lang: crate::i18n::Lang) -> Diag {
        let mut d = self.clone();
        if lang == crate::i18n::Lang::Zh {
            if let Some(zh) = d.zh.take() {
                let Zh { message, help, labels } = *zh;
                d.message = message;
                if help.is_some() {
                    d.help = help;
                }
                for (i, text) in labels {
                    if let Some(l) = d.labels.get_mut(i) {
                        l.1 = text;
                    }
                }
            }
            d.related = d.related.iter().map(|r| r.localized(lang)).collect();
        }
        d
    }

    pub fn related(mut self, other: Diag) -> Self {
        self.related.push(other);
        self
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    /// `file:line:column` of the primary label, or the file name alone.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(match self.labels.first() {
            Some((span, _)) => {
                let (l, c) = file.line_col(span.start);
                format!("{}:{l}:{c}", file.name)
            }
            None => file.name.clone(),
        })
    }

    /// The diagnostic as plain text without colour or box drawing: used in
    /// snapshots and in JSON output.
    pub fn render_plain(&self) -> String {
        render(self, false)
    }
}

/// Render a diagnostic with miette's graphical handler (colour on request).
pub fn render(diag: &Diag, colour: bool) -> String {
    use miette::{GraphicalReportHandler, GraphicalTheme};
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // No hyphenation: `UTF-8`, `ESL-21-1` and paths stay whole when wrapped.
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = String::new();
    if handler.render_report(&mut out, diag).is_err() {
        out = format!("{}: {}", diag.code, diag.message);
    }
    out
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl miette::Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(self.code) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.level {
            Level::Error => miette::Severity::Error,
            Level::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.file.as_ref().map(|f| f.as_ref() as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.file.is_none() || self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().enumerate().map(|(i, (s, t))| {
            let text = (!t.is_empty()).then(|| t.clone());
            if i == 0 {
                LabeledSpan::new_primary_with_span(text, *s)
            } else {
                LabeledSpan::new_with_span(text, *s)
            }
        })))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn miette::Diagnostic)))
    }
}

/// miette reads the named source through this: the file's text, labelled with
/// its name. miette is handed only the lines around the span, so that
/// rendering many diagnostics of a large file does not rescan it each time.
impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let starts = self.line_starts();
        let line_of = |offset: usize| starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let first = line_of(span.offset()).saturating_sub(context_lines_before);
        let last = line_of(span.offset().saturating_add(span.len()))
            .saturating_add(context_lines_after)
            .saturating_add(1);
        let from = starts.get(first).copied().unwrap_or(0);
        let to = starts.get(last).copied().unwrap_or(self.text.len());
        let window = self.text.get(from..to).unwrap_or(&self.text);
        let from = if window.len() == self.text.len() { 0 } else { from };
        let shifted = miette::SourceSpan::new(span.offset().saturating_sub(from).into(), span.len());
        let inner = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        let first_line = if from == 0 { 0 } else { first };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            miette::SourceSpan::new((inner.span().offset() + from).into(), inner.span().len()),
            inner.line() + first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// The closest candidate to `word` by edit distance, if it is close enough to
/// be a plausible misspelling: the engine of every "did you mean" help.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::normalized_damerau_levenshtein(&word.to_lowercase(), &c.to_lowercase());
        if score >= 0.6 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// `help: did you mean `x`?` when a close candidate exists.
pub fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    did_you_mean(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_close_names() {
        let names = ["severity", "cites", "message.en"];
        assert_eq!(did_you_mean("severty", names), Some("severity"));
        assert_eq!(did_you_mean("cite", names), Some("cites"));
        assert_eq!(did_you_mean("zzz", names), None);
    }

    #[test]
    fn plain_render_names_file_line_and_help() {
        let f = SourceFile::new("r.rules", "rule X {\n  severty error\n}\n");
        let d = Diag::error("certlex::test", "unknown field `severty`")
            .in_file(&f)
            .label(Span::new(11, 18), "not a field of a rule")
            .help("did you mean `severity`?");
        let out = d.render_plain();
        assert!(out.contains("r.rules:2:3"), "{out}");
        assert!(out.contains("did you mean `severity`?"), "{out}");
        assert_eq!(d.location().as_deref(), Some("r.rules:2:3"));
    }
}
