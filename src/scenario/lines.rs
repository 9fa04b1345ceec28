//! The step lines of a feature, read line by line rather than parsed as
//! Gherkin, so that a half-written feature can still be checked: each step
//! against the step catalogue in the feature's language (English, or
//! Chinese after `# language: zh-CN`), and the rule ids steps name against
//! the rule set. The language server shows the problems as diagnostics;
//! `certlex test` prints them beside cucumber's report.

use super::catalogue::{self, Keyword};
use crate::engine::RuleSet;
use crate::i18n::Lang;
use crate::source::Span;

/// A problem with a step, in the feature's language.
#[derive(Debug, Clone)]
pub struct Problem {
    pub code: &'static str,
    pub span: Span,
    pub message: String,
    pub help: String,
}

/// A step line: its keyword's meaning and where its text is.
pub struct StepLine<'t> {
    pub keyword: Keyword,
    /// The keyword as written (`And`, `而且`).
    pub written: &'t str,
    pub text: &'t str,
    pub span: Span,
}

const EN: &[(&str, Option<Keyword>)] = &[
    ("Given", Some(Keyword::Given)),
    ("When", Some(Keyword::When)),
    ("Then", Some(Keyword::Then)),
    ("And", None),
    ("But", None),
    ("*", None),
];
const ZH: &[(&str, Option<Keyword>)] = &[
    ("假如", Some(Keyword::Given)),
    ("假设", Some(Keyword::Given)),
    ("假定", Some(Keyword::Given)),
    ("当", Some(Keyword::When)),
    ("那么", Some(Keyword::Then)),
    ("而且", None),
    ("并且", None),
    ("同时", None),
    ("但是", None),
    ("*", None),
];

/// The feature's language, from a `# language:` line before any other.
pub fn language(text: &str) -> Lang {
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let Some(comment) = line.strip_prefix('#') else { break };
        if let Some((key, value)) = comment.split_once(':')
            && key.trim() == "language"
        {
            return if value.trim().starts_with("zh") {
                Lang::Zh
            } else {
                Lang::En
            };
        }
    }
    Lang::En
}

/// Every step line (outside doc strings), with `And`/`But` resolved to the
/// keyword before.
pub fn steps(text: &str, lang: Lang) -> Vec<StepLine<'_>> {
    let words = match lang {
        Lang::En => EN,
        Lang::Zh => ZH,
    };
    let mut out = Vec::new();
    let mut last = Keyword::Given;
    let mut in_doc = false;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let here = start;
        start += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        if trimmed.starts_with("\"\"\"") || trimmed.starts_with("```") {
            in_doc = !in_doc;
            continue;
        }
        if in_doc {
            continue;
        }
        let Some((written, keyword, rest)) = words.iter().find_map(|(w, k)| {
            let rest = trimmed.strip_prefix(w)?;
            // English keywords end at a space; Chinese ones need none.
            let separated = rest.starts_with(char::is_whitespace) || rest.is_empty();
            (separated || (lang == Lang::Zh && *w != "*")).then_some((*w, *k, rest))
        }) else {
            continue;
        };
        let keyword = keyword.unwrap_or(last);
        last = keyword;
        let step = rest.trim();
        let offset = here + (body.len() - trimmed.len()) + written.len() + (rest.len() - rest.trim_start().len());
        out.push(StepLine {
            keyword,
            written,
            text: step,
            span: Span::new(offset, offset + step.len()),
        });
    }
    out
}

/// Unknown steps (with the nearest step in both languages, and a hint for
/// full-width quotes) and unknown rule ids.
pub fn problems(text: &str, rules: Option<&RuleSet>) -> Vec<Problem> {
    let lang = language(text);
    let mut out = Vec::new();
    let diag = |span: Span, code: &'static str, message: String, help: String| Problem {
        code,
        span,
        message,
        help,
    };
    for s in steps(text, lang) {
        // A step of a scenario outline is known once its examples fill it.
        if s.text.contains('<') && s.text.contains('>') {
            continue;
        }
        let Some((step, groups)) = catalogue::find(lang, s.text) else {
            let message = match lang {
                Lang::Zh => format!("未知步骤 `{}`", s.text),
                Lang::En => format!("unknown step `{}`", s.text),
            };
            out.push(diag(
                s.span,
                "certlex::scenario::unknown-step",
                message,
                catalogue::unknown_step_help(lang, Some(s.keyword), s.text),
            ));
            continue;
        };
        if step.keyword != s.keyword {
            let (message, help) = match lang {
                Lang::Zh => (
                    format!("`{}` 不是 `{}` 步骤", s.text, s.written),
                    format!("写在 `{}` 之后", step.keyword.word(lang)),
                ),
                Lang::En => (
                    format!("`{}` is not a `{}` step", s.text, s.written),
                    format!("write it after `{}`", step.keyword.word(lang)),
                ),
            };
            out.push(diag(s.span, "certlex::scenario::wrong-keyword", message, help));
        }
        if let (Some(rules), Some((id, span))) = (rules, rule_id(step, &groups, &s)) {
            if rules.rule(id).is_some() {
                continue;
            }
            let ids = rules.rules.iter().map(|r| r.id.as_str());
            let near = crate::diag::did_you_mean(id, ids);
            let (message, help) = match lang {
                Lang::Zh => (
                    format!("没有规则 `{id}`"),
                    near.map_or_else(
                        || "`certlex rules list` 列出所有规则".into(),
                        |n| format!("是否想写 `{n}`？"),
                    ),
                ),
                Lang::En => (
                    format!("there is no rule `{id}`"),
                    near.map_or_else(
                        || "`certlex rules list` lists every rule".into(),
                        |n| format!("did you mean `{n}`?"),
                    ),
                ),
            };
            out.push(diag(span, "certlex::scenario::unknown-rule", message, help));
        }
    }
    out
}

/// The rule id a step names (its first blank, where the template names a
/// rule) and where it is written.
pub fn rule_id<'a>(step: &catalogue::Step, groups: &'a [String], line: &StepLine<'_>) -> Option<(&'a str, Span)> {
    if !step.template_en.contains("\"RULE\"") {
        return None;
    }
    let id = groups.first()?.as_str();
    let quoted = format!("\"{id}\"");
    let at = line.text.find(&quoted)? + 1;
    let start = line.span.start + at;
    Some((id, Span::new(start, start + id.len())))
}

/// The unknown steps of the features under `paths`, each as
/// `file:line:column: message` and its help, for `certlex test`'s output
/// (cucumber says only that a step matched nothing).
pub fn unknown_steps(paths: &[std::path::PathBuf]) -> Vec<String> {
    let mut out = Vec::new();
    for path in paths {
        let files = walkdir::WalkDir::new(path).sort_by_file_name().into_iter().flatten();
        for e in files.filter(|e| e.path().extension().is_some_and(|x| x == "feature")) {
            let Ok(text) = std::fs::read_to_string(e.path()) else {
                continue;
            };
            let file = crate::source::SourceFile::new(e.path().display().to_string(), text);
            for p in problems(&file.text, None) {
                let (line, col) = file.line_col(p.span.start);
                out.push(format!("{}:{line}:{col}: {}\n  help: {}", file.name, p.message, p.help));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_read_in_the_features_language_with_and_resolved() {
        let text = "# language: zh-CN\n功能: x\n  场景: y\n    假如 现行法律\n    而且 证书 \"a.pem\"\n    那么 符合\n";
        assert_eq!(language(text), Lang::Zh);
        let s = steps(text, Lang::Zh);
        let kinds: Vec<Keyword> = s.iter().map(|s| s.keyword).collect();
        assert_eq!(kinds, vec![Keyword::Given, Keyword::Given, Keyword::Then]);
        assert_eq!(text.get(s[1].span.start..s[1].span.end), Some("证书 \"a.pem\""));
    }

    #[test]
    fn doc_strings_are_not_steps() {
        let text = "Feature: x\n  Scenario: y\n    Given a rule statement:\n      \"\"\"\n      Then nothing\n      \"\"\"\n    Then it conforms\n";
        let s = steps(text, Lang::En);
        assert_eq!(s.len(), 2);
        assert!(problems(text, None).is_empty());
    }

    #[test]
    fn a_step_after_the_wrong_keyword_is_reported() {
        let text = "Feature: x\n  Scenario: y\n    Given it conforms\n";
        let d = problems(text, None);
        assert_eq!(d.len(), 1);
        assert!(d[0].help.contains("write it after `Then`"), "{}", d[0].help);
    }
}
