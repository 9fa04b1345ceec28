//! `certlex facts FILE` (what certlex reads from an input) and `certlex schema`
//! (the documented facts of a subject kind).

use std::path::PathBuf;

use clap::Args;

use super::print_diags;
use crate::facts::SubjectKind;
use crate::input::Limits;
use crate::run::Item;

#[derive(Args)]
pub struct FactsArgs {
    /// The input file (`-` for standard input).
    pub path: PathBuf,
    /// Certificates of the CAs that issued it (files or directories).
    #[arg(long, value_name = "FILE|DIR")]
    pub issuers: Vec<PathBuf>,
}

#[derive(Args)]
pub struct SchemaArgs {
    /// `certificate`, `ca-profile` or `rule-statement`.
    pub kind: String,
}

pub fn run_facts(a: &FactsArgs) -> u8 {
    let mut subjects = Vec::new();
    let mut errors = 0;
    let _ = crate::run::each::<()>(std::slice::from_ref(&a.path), &a.issuers, &Limits::default(), |item| {
        match item {
            Item::Subject(s) => subjects
                .push(serde_json::json!({ "name": s.name, "kind": s.kind, "facts": s.facts.to_json(s.kind.schema()) })),
            Item::Error(d) => {
                errors += 1;
                print_diags([&d]);
            }
            Item::Skipped { .. } => {}
        }
        Ok(())
    });
    match serde_json::to_string_pretty(&subjects) {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("certlex: {e}");
            return 2;
        }
    }
    if errors == 0 { 0 } else { 2 }
}

pub fn run_schema(a: &SchemaArgs) -> u8 {
    let Some(kind) = SubjectKind::from_word(&a.kind) else {
        let kinds = SubjectKind::ALL.map(SubjectKind::word);
        eprintln!(
            "certlex schema: unknown kind `{}` (known: {})",
            a.kind,
            kinds.join(", ")
        );
        return 2;
    };
    print!("{}", schema_markdown(kind));
    0
}

/// The Markdown documentation of a kind's facts (`docs/facts/<kind>.md`).
pub fn schema_markdown(kind: SubjectKind) -> String {
    let (title, intro) = match kind {
        SubjectKind::Certificate => (
            "Certificate facts",
            "What certlex reads from an X.509 certificate (PEM or DER; RSA, ECDSA and SM2), and the paths rules use to read it.",
        ),
        SubjectKind::CaProfile => ("CA profile facts", "What certlex reads from a CA profile (YAML)."),
        SubjectKind::RuleStatement => (
            "Rule statement facts",
            "What certlex reads from a rule statement (电子认证业务规则).",
        ),
    };
    crate::facts::markdown(title, intro, kind.schema())
}
