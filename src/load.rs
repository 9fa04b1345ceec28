//! Loading rule files into a [`RuleSet`]: parse every file, build the law
//! (instruments, articles, regimes, parameters), then check and compile every
//! rule against the law and the fact schemas. All problems of all files are
//! collected, so one run shows them all.

mod attest;
mod check;
mod citing;
pub mod compiled;
mod guard;
mod in_context;
mod law;
mod reach;
mod reader;
mod rules;
#[cfg(test)]
mod standard_tests;
mod template;
#[cfg(test)]
mod test_support;

use std::path::Path;
use std::sync::Arc;

use crate::diag::Diag;
use crate::engine::RuleSet;
use crate::lang::ast::{Block, BlockKind};
use crate::law::Law;
use crate::limits::Limits;
use crate::source::SourceFile;

pub use attest::check_attestations;
pub use check::flatten;
pub use in_context::{InContext, check_in_context};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// The rule files built into the binary: `(path under rules/, text)`.
pub fn embedded_files() -> Vec<Arc<SourceFile>> {
    embedded::RULES
        .iter()
        .map(|(name, text)| SourceFile::built_in(format!("rules/{name}"), text))
        .collect()
}

/// The result of loading: a rule set if there were no errors, and every
/// diagnostic (errors and warnings).
pub struct Loaded {
    pub rules: Option<RuleSet>,
    pub diags: Vec<Diag>,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Diag> {
        self.diags.iter().filter(|d| d.is_error())
    }
}

/// Read every `*.rules` file under a directory (sorted, so runs are stable).
pub fn read_dir(dir: &Path) -> Result<Vec<Arc<SourceFile>>, Diag> {
    if !dir.is_dir() {
        return Err(Diag::error(
            "certlex::rules::no-dir",
            format!("rules directory `{}` does not exist", dir.display()),
        )
        .help(
            "give a directory of `.rules` files with `--rules DIR`, or leave `--rules` out to use the built-in rules",
        ));
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry =
            entry.map_err(|e| Diag::error("certlex::rules::read", format!("cannot read `{}`: {e}", dir.display())))?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "rules") {
            files.push(read_file(path)?);
        }
    }
    if files.is_empty() {
        return Err(Diag::error(
            "certlex::rules::empty",
            format!("`{}` holds no `.rules` files", dir.display()),
        )
        .help("a rules directory with no rules would check nothing; certlex refuses to run on it"));
    }
    Ok(files)
}

/// Read one rule file: UTF-8, without the byte order mark Windows editors write.
pub fn read_file(path: &Path) -> Result<Arc<SourceFile>, Diag> {
    let bytes = std::fs::read(path)
        .map_err(|e| Diag::error("certlex::rules::read", format!("cannot read `{}`: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + e
            .as_bytes()
            .get(..valid)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
        Diag::error(
            "certlex::rules::not-utf8",
            format!(
                "{}:{line}: the rule file has bytes that are not UTF-8 text",
                path.display()
            ),
        )
        .help("save rule files as UTF-8 (an editor's \"UTF-16\" or \"ANSI\"/GBK encodings are not read)")
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(body) => body.to_string(),
        None => text,
    };
    Ok(SourceFile::new(path.display().to_string(), text))
}

/// Load rule files with the default limits.
pub fn load(files: &[Arc<SourceFile>]) -> Loaded {
    load_with(files, &Limits::default())
}

/// Load rule files; `limits.max_regex_bytes` bounds each compiled pattern.
pub fn load_with(files: &[Arc<SourceFile>], limits: &Limits) -> Loaded {
    load_files(files, limits, true)
}

/// Load the built-in rules for a run, without the guardrails for people
/// editing the law ([`guard`]): they only add diagnostics, and on the files
/// embedded in this binary the test suite shows they add none
/// (`the_builtin_rules_pass_every_guard`). A fifth of a short run's time.
///
/// With the default limits, the rules compiled into the binary are read
/// instead ([`compiled`]): the build loaded the same files with every guard.
pub fn builtin_with(limits: &Limits) -> Loaded {
    let files = embedded_files();
    if *limits == Limits::default()
        && let Some(rules) = compiled::installed(&files)
    {
        return Loaded {
            rules: Some(rules),
            diags: Vec::new(),
        };
    }
    load_files(&files, limits, false)
}

fn load_files(files: &[Arc<SourceFile>], limits: &Limits, guards: bool) -> Loaded {
    let mut diags = Vec::new();
    if files.is_empty() {
        diags.push(
            Diag::error("certlex::rules::empty", "there are no rule files")
                .help("certlex refuses to check anything without rules"),
        );
        return Loaded { rules: None, diags };
    }
    let parsed: Vec<_> = files
        .iter()
        .map(|f| {
            let p = crate::lang::parse(f);
            diags.extend(p.errors);
            (p.file, f)
        })
        .collect();
    let syntax_errors = diags.len();
    let of_kind = |kind: BlockKind| -> Vec<(&Block, &Arc<SourceFile>)> {
        parsed
            .iter()
            .flat_map(|(ast, file)| {
                ast.blocks()
                    .filter(move |b| b.kind.node == kind)
                    .map(move |b| (b, *file))
            })
            .collect()
    };

    let mut law = Law {
        instruments: law::instruments(&of_kind(BlockKind::Instrument), &mut diags),
        ..Law::default()
    };
    law::articles(&mut law, &of_kind(BlockKind::Article), &mut diags);
    if guards {
        guard::unverified(&of_kind(BlockKind::Article), &mut diags);
        guard::provenance(
            &of_kind(BlockKind::Instrument),
            &of_kind(BlockKind::Article),
            &mut diags,
        );
    }
    law.regimes = law::regimes(&law, &of_kind(BlockKind::Regime), &mut diags);
    law.parameters = law::parameters(&law, &of_kind(BlockKind::Parameter), &mut diags);
    if guards {
        guard::parameter_numbers(&law, &of_kind(BlockKind::Parameter), &mut diags);
    }

    let reaches = reach::reaches(&law, &of_kind(BlockKind::Reach), &mut diags, limits.max_regex_bytes);
    let mut loaded: Vec<rules::Loaded> = Vec::new();
    for (b, file) in of_kind(BlockKind::Rule) {
        let Some(l) = rules::rule(&law, &reaches, b, file, &mut diags, limits.max_regex_bytes) else {
            continue;
        };
        if let Some(prev) = loaded.iter().find(|p| p.rule.id == l.rule.id) {
            diags.push(
                Diag::error(
                    "certlex::rules::duplicate",
                    format!("rule `{}` is defined twice", l.rule.id),
                )
                .in_file(&l.rule.origin.file)
                .label(l.rule.origin.span, "defined again here")
                .help("rule ids are never reused: give this rule a new id")
                .related(
                    Diag::warning("certlex::rules::duplicate", "first defined here")
                        .in_file(&prev.rule.origin.file)
                        .label(prev.rule.origin.span, "first definition"),
                ),
            );
            continue;
        }
        loaded.push(l);
    }
    if guards {
        guard::parameter_gaps(&law, &loaded, &mut diags);
    }
    drop_cascades(&parsed, syntax_errors, &mut diags);

    if diags.iter().any(Diag::is_error) {
        return Loaded { rules: None, diags };
    }
    let mut rules: Vec<_> = loaded.into_iter().map(|l| l.rule).collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    Loaded {
        rules: Some(RuleSet { law, rules, reaches }),
        diags,
    }
}

/// A field with a syntax error is left out of the tree, so the block then
/// also lacks it: drop those "missing field" reports, which only repeat the
/// syntax error.
fn drop_cascades(parsed: &[(crate::lang::ast::File, &Arc<SourceFile>)], syntax_errors: usize, diags: &mut Vec<Diag>) {
    let (syntax, semantic) = diags.split_at(syntax_errors.min(diags.len()));
    let broken_blocks: Vec<(&str, crate::source::Span)> = parsed
        .iter()
        .flat_map(|(ast, file)| ast.items.iter().map(move |e| (file, e.span.0)))
        .filter(|(file, span)| {
            syntax.iter().any(|d| {
                d.file.as_ref().is_some_and(|f| f.name == file.name)
                    && d.labels
                        .first()
                        .is_some_and(|(s, _)| span.start <= s.start && s.start <= span.end)
            })
        })
        .map(|(file, span)| (file.name.as_str(), span))
        .collect();
    let keep: Vec<Diag> = semantic
        .iter()
        .filter(|d| {
            d.code != "certlex::rules::missing-field"
                || !broken_blocks.iter().any(|(name, span)| {
                    d.file.as_ref().is_some_and(|f| f.name == *name)
                        && d.labels
                            .first()
                            .is_some_and(|(s, _)| span.start <= s.start && s.start <= span.end)
                })
        })
        .cloned()
        .collect();
    diags.truncate(syntax_errors);
    diags.extend(keep);
}

/// Load the built-in rules. They are tested to load without errors; should
/// they not, the diagnostics are returned.
pub fn builtin() -> Result<RuleSet, Vec<Diag>> {
    let loaded = builtin_with(&Limits::default());
    loaded.rules.ok_or(loaded.diags)
}
