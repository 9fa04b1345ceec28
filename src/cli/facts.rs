//! `certlex facts FILE` (what certlex reads from an input) and `certlex schema`
//! (the documented facts of a subject kind).

use std::path::PathBuf;

use clap::Args;

use super::{LimitArgs, print_diags};
use crate::engine::RuleSet;
use crate::facts::SubjectKind;
use crate::i18n::{Lang, Text};

use crate::run::Item;

#[derive(Args)]
pub struct FactsArgs {
    /// The input file (`-` for standard input).
    pub path: PathBuf,
    /// Certificates of the CAs that issued it (files or directories).
    #[arg(long, value_name = "FILE|DIR")]
    pub issuers: Vec<PathBuf>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Args)]
#[command(after_help = "\
Output:
  certlex schema ca-profile              JSON Schema of the YAML a CA profile is written in (for editors)
  certlex schema --markdown ca-profile   the documentation of its facts (docs/facts/ca-profile.md)
  certlex schema certificate             the documentation of certificate facts (Markdown)

Certificates and rule statements are not written in YAML, so they have no JSON Schema; their
facts are documented in Markdown. To validate a profile in an editor, save the JSON Schema and
start the profile with `# yaml-language-server: $schema=PATH`.")]
pub struct SchemaArgs {
    /// `certificate`, `ca-profile` or `rule-statement`.
    pub kind: String,
    /// Print the Markdown documentation of the kind's facts (the default for
    /// kinds not written in YAML), with the provisions each serves; in
    /// Chinese with `--lang zh`.
    #[arg(long, conflicts_with = "json_schema")]
    pub markdown: bool,
    /// Print the JSON Schema of the YAML input (the default for `ca-profile`).
    #[arg(long)]
    pub json_schema: bool,
}

pub fn run_facts(a: &FactsArgs) -> u8 {
    let mut subjects = Vec::new();
    let mut errors = 0;
    let inputs = std::slice::from_ref(&a.path);
    let _ = crate::run::each::<_, ()>(
        inputs,
        &a.issuers,
        &a.limits.limits(),
        &crate::run::Quiet,
        |_| (),
        |item| {
            match item {
                Item::Subject(s, ()) => {
                    let mut o = serde_json::json!({ "name": s.name, "kind": s.kind, "facts": s.facts.to_json(s.kind.schema()) });
                    if !s.attestations.is_empty()
                        && let Some(map) = o.as_object_mut()
                    {
                        let evidence: serde_json::Map<String, serde_json::Value> = s
                            .attestations
                            .iter()
                            .map(|a| (a.rule.clone(), a.evidence.clone().into()))
                            .collect();
                        map.insert("attestations".into(), evidence.into());
                    }
                    subjects.push(o);
                }
                Item::Error(d) => {
                    errors += 1;
                    print_diags([&d]);
                }
                Item::Skipped { .. } => {}
            }
            Ok(())
        },
    );
    match serde_json::to_string_pretty(&subjects) {
        Ok(s) => {
            if let Err(code) = super::emit(&format!("{s}\n")) {
                return code;
            }
        }
        Err(e) => {
            say_err!("certlex: {e}");
            return 2;
        }
    }
    if errors == 0 { 0 } else { 2 }
}

pub fn run_schema(g: &super::Global, a: &SchemaArgs) -> u8 {
    let Some(kind) = SubjectKind::from_word(&a.kind) else {
        let kinds = SubjectKind::ALL.map(SubjectKind::word);
        say_in!(
            format!("certlex schema：未知的类别 `{}`（已知：{}）", a.kind, kinds.join("、")),
            format!(
                "certlex schema: unknown kind `{}` (known: {})",
                a.kind,
                kinds.join(", ")
            )
        );
        return 2;
    };
    let json = match kind {
        SubjectKind::CaProfile => !a.markdown,
        SubjectKind::Certificate
        | SubjectKind::RuleStatement
        | SubjectKind::Csr
        | SubjectKind::Crl
        | SubjectKind::Ocsp => a.json_schema,
    };
    if !json {
        // The documentation is in English unless `--lang zh` asks for Chinese
        // (not from LANG: `docs/facts/` is generated with this command).
        let lang = if matches!(g.lang, Some(super::LangArg::Zh)) {
            Lang::Zh
        } else {
            Lang::En
        };
        let Some(rules) = super::load_rules(g) else { return 2 };
        return super::emit(&schema_markdown_in(kind, Some(&rules), lang))
            .err()
            .unwrap_or(0);
    }
    if kind != SubjectKind::CaProfile {
        print_diags([&crate::diag::Diag::error(
            "certlex::usage::no-json-schema",
            format!("a {kind} is not written in YAML, so it has no JSON Schema"),
        )
        .help(format!("`certlex schema --markdown {kind}` documents its facts"))
        .zh(
            format!("{kind} 不以 YAML 书写，因此没有 JSON Schema"),
            Some(&format!("`certlex schema --markdown {kind}` 说明其事实")),
        )]);
        return 2;
    }
    match serde_json::to_string_pretty(&crate::facts::profile::json_schema()) {
        Ok(s) => super::emit(&format!("{s}\n")).err().unwrap_or(0),
        Err(e) => {
            say_err!("certlex: {e}");
            2
        }
    }
}

/// The Markdown documentation of a kind's facts (`docs/facts/<kind>.md`):
/// in English, with the provisions each fact serves under the built-in rules.
pub fn schema_markdown(kind: SubjectKind) -> String {
    let rules = crate::load::builtin().ok();
    schema_markdown_in(kind, rules.as_ref(), Lang::En)
}

/// The documentation of a kind's facts in `lang`, with the provisions each
/// serves under `rules` (none without rules).
pub fn schema_markdown_in(kind: SubjectKind, rules: Option<&RuleSet>, lang: Lang) -> String {
    let served = rules.map(|r| (r, crate::engine::served::served(r, kind)));
    let words = |path: &str| -> String {
        let Some((rules, served)) = &served else {
            return String::new();
        };
        let mut cites = crate::engine::served::serving(served, path);
        // Laws before standards, each in the order of its articles.
        cites.sort_by_key(|c| {
            let standard = rules
                .law
                .instrument(&c.instrument)
                .is_some_and(|i| i.kind == crate::law::Kind::Standard);
            (standard, c.instrument.clone(), c.article(), c.to_string())
        });
        let sep = lang.pick("；", "; ");
        match lang {
            Lang::Zh => cites
                .iter()
                .map(|c| rules.law.cite_in_words(c, Lang::Zh))
                .collect::<Vec<_>>()
                .join(sep),
            Lang::En => cites.iter().map(ToString::to_string).collect::<Vec<_>>().join(sep),
        }
    };
    let docs = crate::facts::Docs { lang, served: &words };
    let text = |zh: &str, en: &str| Text::new(Some(zh.into()), Some(en.into()));
    let (title, intro) = match kind {
        SubjectKind::Certificate => return crate::facts::certificate::markdown(&docs),
        SubjectKind::CaProfile => return crate::facts::profile::markdown(&docs),
        SubjectKind::RuleStatement => (
            text("电子认证业务规则的事实", "Rule statement facts"),
            text(
                "certlex 从电子认证业务规则读取的事实。",
                "What certlex reads from a rule statement (电子认证业务规则).",
            ),
        ),
        SubjectKind::Csr => (
            text("证书申请的事实", "Certification request facts"),
            text(
                "certlex 从 PKCS#10 证书申请（RFC 2986；PEM `CERTIFICATE REQUEST` 或 DER；RSA、ECDSA 与 SM2）读取的事实：认证机构签发证书之前即可判断的内容。",
                "What certlex reads from a PKCS#10 certification request (RFC 2986; PEM `CERTIFICATE REQUEST` or DER; RSA, ECDSA and SM2): what a CA can decide before it issues.",
            ),
        ),
        SubjectKind::Crl => (
            text("证书撤销列表的事实", "CRL facts"),
            text(
                "certlex 从证书撤销列表（RFC 5280 第5节；PEM `X509 CRL` 或 DER；RSA、ECDSA 与 SM2）读取的事实。签发该列表的认证机构证书（作为输入或以 `--issuers` 给出）用于验证其签名。",
                "What certlex reads from a certificate revocation list (RFC 5280 section 5; PEM `X509 CRL` or DER; RSA, ECDSA and SM2). The issuing CA's certificate, given as an input or with `--issuers`, verifies its signature.",
            ),
        ),
        SubjectKind::Ocsp => (
            text("OCSP 响应的事实", "OCSP response facts"),
            text(
                "certlex 从 OCSP 响应（RFC 6960；DER，按其结构识别；RSA、ECDSA 与 SM2）读取的事实。该响应所涉证书的认证机构证书（作为输入或以 `--issuers` 给出）用于验证其签名，或验证其所载的授权响应者证书。",
                "What certlex reads from an OCSP response (RFC 6960; DER, told by its structure; RSA, ECDSA and SM2). The certificate of the CA the response answers for, given as an input or with `--issuers`, verifies its signature or the delegated responder certificate it carries.",
            ),
        ),
    };
    crate::facts::markdown(title, intro, kind.schema(), &docs)
}
