//! `certlex rules check` and `certlex rules list`.

use std::path::PathBuf;

use clap::Subcommand;

use super::{Global, emit, load_rules, print_diags};

#[derive(Subcommand)]
pub enum RulesCommand {
    /// Check rule files: syntax, citations, facts, types. Exit 2 on any error.
    Check {
        /// The rules directory (default: the built-in rules, or --rules).
        dir: Option<PathBuf>,
    },
    /// List the rules: id, subject, severity, citations and title.
    List,
}

pub fn run(g: &Global, c: &RulesCommand) -> u8 {
    match c {
        RulesCommand::Check { dir } => {
            let g = Global {
                rules: dir.clone().or_else(|| g.rules.clone()),
                ..g.clone()
            };
            let Some(rules) = load_rules(&g) else { return 2 };
            let law = &rules.law;
            let articles: usize = law.instruments.iter().map(|i| i.articles.len()).sum();
            let line = format!(
                "ok: {} rules, {} instruments, {} articles, {} parameters, {} regimes\n",
                rules.rules.len(),
                law.instruments.len(),
                articles,
                law.parameters.len(),
                law.regimes.len()
            );
            emit(&line).err().unwrap_or(0)
        }
        RulesCommand::List => {
            let Some(rules) = load_rules(g) else { return 2 };
            let lang = g.lang();
            for r in &rules.rules {
                let cites = r.citations_text();
                let line = format!(
                    "{:<24} {:<15} {:<8} {:<28} {}\n",
                    r.id,
                    r.applies_to.word(),
                    r.severity.word(),
                    cites,
                    r.title.get_or(lang, "")
                );
                if let Err(code) = emit(&line) {
                    return code;
                }
            }
            print_diags([]);
            0
        }
    }
}
