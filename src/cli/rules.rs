//! `certlex rules check` and `certlex rules list`.

use std::path::PathBuf;

use clap::Subcommand;

use super::{Global, RegimeArgs, load_rules, print_diags, resolve};
use crate::diag::Diag;
use crate::limits::Limits;

const CHECK_HELP: &str = "\
With files, each is checked in the context of the rule set (the built-in rules,
or --rules DIR): it takes the place of the set's file at the same path (for the
built-in rules, a path ending in `rules/<file>`, as in a checkout), or is added
to the set, and only its own diagnostics are shown.

What is checked: docs/rule-language.md, \"What `rules check` catches\".

Examples:
  certlex rules check
  certlex rules check rules/esl/chapter-3.rules
  certlex --rules my-rules rules check my-rules/parameters.rules new.rules";

#[derive(Subcommand)]
pub enum RulesCommand {
    /// Check rule files: syntax, citations, facts, types, the provenance of
    /// every wording, parameters against their cited wording. Exit 2 on any error.
    #[command(after_help = CHECK_HELP)]
    Check {
        /// A rules directory (default: the built-in rules, or --rules), or rule files to check in its context.
        #[arg(value_name = "DIR|FILE")]
        paths: Vec<PathBuf>,
    },
    /// List the rules: id, subject, severity, citations and title (with the
    /// values of its parameters under the regime).
    List {
        #[command(flatten)]
        regime: RegimeArgs,
    },
}

pub fn run(g: &Global, c: &RulesCommand) -> u8 {
    match c {
        RulesCommand::Check { paths } => match paths.as_slice() {
            [] => check_set(g),
            [dir] if dir.is_dir() => check_set(&Global {
                rules: Some(dir.clone()),
                ..g.clone()
            }),
            files => check_files(g, files),
        },
        RulesCommand::List { regime } => {
            let Some(rules) = load_rules(g) else { return 2 };
            let Some(res) = resolve(&rules, regime) else {
                return 2;
            };
            let lang = g.lang();
            for r in &rules.rules {
                let cites = r.citations_text();
                println!(
                    "{:<24} {:<15} {:<8} {:<28} {}",
                    r.id,
                    r.applies_to.word(),
                    r.severity.word(),
                    cites,
                    rules.title(r, &res).get_or(lang, "")
                );
            }
            print_diags([]);
            0
        }
    }
}

/// The whole rule set.
fn check_set(g: &Global) -> u8 {
    let Some(rules) = load_rules(g) else { return 2 };
    let law = &rules.law;
    let articles: usize = law.instruments.iter().map(|i| i.articles.len()).sum();
    println!(
        "ok: {} rules, {} instruments, {} articles, {} parameters, {} regimes",
        rules.rules.len(),
        law.instruments.len(),
        articles,
        law.parameters.len(),
        law.regimes.len()
    );
    0
}

/// Rule files in the context of the rule set.
fn check_files(g: &Global, paths: &[PathBuf]) -> u8 {
    if let Some(dir) = paths.iter().find(|p| p.is_dir()) {
        print_diags([&Diag::error(
            "certlex::usage::rules-check",
            format!("`{}` is a directory", dir.display()),
        )
        .help(
            "give one rules directory, or rule files to check in the context of the rules (`--rules DIR` chooses them)",
        )]);
        return 2;
    }
    let (base, builtin) = match &g.rules {
        Some(dir) => match crate::load::read_dir(dir) {
            Ok(f) => (f, false),
            Err(d) => {
                print_diags([&d]);
                return 2;
            }
        },
        None => (crate::load::embedded_files(), true),
    };
    let mut files = Vec::new();
    for p in paths {
        match crate::load::read_file(p) {
            Ok(f) => files.push(f),
            Err(d) => {
                print_diags([&d]);
                return 2;
            }
        }
    }
    let limits = Limits {
        max_regex_bytes: g.max_regex_size,
        ..Limits::default()
    };
    let checked = crate::load::check_in_context(&base, &files, builtin, &limits);
    print_diags(checked.diags.iter());
    let errors = checked.diags.iter().filter(|d| d.is_error()).count();
    let set = match &g.rules {
        Some(dir) => format!("the rules in `{}`", dir.display()),
        None => "the built-in rules".to_string(),
    };
    if checked.errors_elsewhere > 0 {
        eprintln!(
            "certlex: with these files, the other files of {set} have {}; `certlex rules check` on the whole set shows them",
            crate::i18n::counted(checked.errors_elsewhere, "error")
        );
    }
    if errors > 0 || checked.errors_elsewhere > 0 {
        if errors > 0 {
            eprintln!("certlex: {}", crate::i18n::counted(errors, "error"));
        }
        return 2;
    }
    for (f, replaced) in files.iter().zip(&checked.replaced) {
        match replaced {
            Some(r) => println!("ok: `{}` with {set}, in place of `{r}`", f.name),
            None => println!("ok: `{}` with {set}, added to them", f.name),
        }
    }
    0
}
