//! Pass 1 of a run: what a CA profile tells about the other inputs. The
//! chains it filed (a certificate fact, `chain_filed`), the foreign
//! providers approved (`issuer_recognized`, ESL 26) and the filing number
//! of its rule statement (to match a rule statement with its CA). A profile
//! that does not read gives nothing here; pass 2 reports its errors.

use super::{FILED_CHAIN, LEGAL_ENTITY, PERMIT, RECOGNITION, RULE_STATEMENT, SCHEMA};
use crate::facts::context::{FiledChain, FiledStatement, Recognition, RunContext};
use crate::facts::register::{Certificate, Licence, Provider, Role};
use crate::facts::schema::{Field, lookup};
use crate::facts::{Record, Value};
use crate::limits::Limits;
use crate::source::SourceFile;

fn get<'a>(r: &'a Record, fields: &'static [Field], name: &str) -> &'a Value {
    static ABSENT: Value = Value::Absent;
    lookup(fields, name).map_or(&ABSENT, |(i, _)| r.get(i))
}

fn text(r: &Record, fields: &'static [Field], name: &str) -> Option<String> {
    match get(r, fields, name) {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    }
}

fn date(r: &Record, fields: &'static [Field], name: &str) -> Option<i64> {
    match get(r, fields, name) {
        Value::Date(secs) => Some(*secs),
        _ => None,
    }
}

fn records<'a>(r: &'a Record, name: &str) -> impl Iterator<Item = &'a Record> {
    let items: &[Value] = match get(r, SCHEMA, name) {
        Value::List(items) => items,
        _ => &[],
    };
    items.iter().filter_map(|v| match v {
        Value::Record(r) => Some(r),
        _ => None,
    })
}

/// Add what the profile in `bytes` states to the run context.
pub fn gather(ctx: &mut RunContext, bytes: &[u8], limits: &Limits) {
    let Ok(text_) = std::str::from_utf8(bytes) else { return };
    let Ok(subject) = super::read(SourceFile::new("profile", text_), limits) else {
        return;
    };
    let facts = &subject.facts;
    let ca = match get(facts, SCHEMA, "legal_entity") {
        Value::Record(le) => text(le, LEGAL_ENTITY, "name"),
        _ => None,
    };
    let ca = ca.unwrap_or_else(|| "a CA profile".to_string());
    let jurisdiction = match get(facts, SCHEMA, "legal_entity") {
        Value::Record(le) => text(le, LEGAL_ENTITY, "jurisdiction"),
        _ => None,
    };

    if matches!(get(facts, SCHEMA, "filed_chains"), Value::List(_)) {
        // A profile that lists its filed chains, even none, makes the
        // question answerable.
        ctx.filed_chains.get_or_insert_with(Vec::new);
    }
    for c in records(facts, "filed_chains") {
        if let Some(sha256) = text(c, FILED_CHAIN, "sha256") {
            ctx.add_filed_chain(FiledChain {
                sha256,
                name: text(c, FILED_CHAIN, "name").unwrap_or_default(),
                ca: ca.clone(),
                filed: date(c, FILED_CHAIN, "filed"),
            });
        }
    }

    let certificates: Vec<Certificate> = records(facts, "ca_certificates")
        .chain(records(facts, "filed_chains"))
        // Both records have `sha256` in the same sense.
        .filter_map(|c| text(c, FILED_CHAIN, "sha256"))
        .map(|sha256| Certificate {
            sha256,
            subject: String::new(),
        })
        .collect();
    if !certificates.is_empty() {
        ctx.add_provider(profile_provider(facts, &ca, jurisdiction.as_deref(), certificates));
    }

    // A provider outside the mainland that lists its own CA certificates
    // and no recognitions states that none of its certificates is approved.
    let outside = jurisdiction.as_deref().is_some_and(|j| !j.eq_ignore_ascii_case("CN"));
    let lists_own = matches!(get(facts, SCHEMA, "ca_certificates"), Value::List(_));
    if matches!(get(facts, SCHEMA, "recognitions"), Value::List(_)) || (outside && lists_own) {
        ctx.recognitions.get_or_insert_with(Vec::new);
    }
    for r in records(facts, "recognitions") {
        // Only an approval makes a foreign provider's certificates equal
        // (ESL 26); a pending application approves nothing.
        let (Some(organization), Some(reference)) = (text(r, RECOGNITION, "issuer"), text(r, RECOGNITION, "approval"))
        else {
            continue;
        };
        ctx.add_recognition(Recognition {
            organization,
            country: text(r, RECOGNITION, "country"),
            reference,
            approved: date(r, RECOGNITION, "approved"),
        });
    }

    if let Value::Record(rs) = get(facts, SCHEMA, "rule_statement")
        && let Some(filing_number) = text(rs, RULE_STATEMENT, "filing_number")
    {
        ctx.add_filed_statement(FiledStatement {
            filing_number,
            version: text(rs, RULE_STATEMENT, "version"),
            ca,
            filed: date(rs, RULE_STATEMENT, "filed"),
        });
    }
}

/// The provider a CA profile describes, as a register entry of this run:
/// its CA certificates, where it is established (`legal_entity.jurisdiction`)
/// and its permit's dates.
fn profile_provider(facts: &Record, ca: &str, jurisdiction: Option<&str>, certificates: Vec<Certificate>) -> Provider {
    let licence = match get(facts, SCHEMA, "permit") {
        Value::Record(p) => Some(Licence {
            number: text(p, PERMIT, "number"),
            from: date(p, PERMIT, "issued"),
            until: date(p, PERMIT, "expires"),
            seen: None,
        }),
        _ => None,
    };
    let established = jurisdiction.map(|j| {
        if j.eq_ignore_ascii_case("CN") {
            "mainland"
        } else {
            "outside-mainland"
        }
        .to_string()
    });
    Provider {
        id: format!("profile:{ca}"),
        name: crate::i18n::Text::new(Some(ca.to_string()), Some(ca.to_string())),
        role: Role::Provider,
        issued_by: None,
        established,
        place: jurisdiction.map(str::to_string),
        source: format!("the CA profile of {ca} in this run"),
        basis: "the CA profile lists these CA certificates as its own".to_string(),
        licence,
        listed: None,
        names: vec![ca.to_string()],
        certificates,
        origin: "a CA profile".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROFILE: &str = "kind: ca-profile
legal_entity:
  name: 华信数字认证股份有限公司
filed_chains:
  - name: Root
    sha256: \"AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89\"
    filed: 2019-09-02
recognitions:
  - issuer: Lion City Trust Pte. Ltd.
    country: SG
    approval: 工信部电认函〔2025〕12 号
  - issuer: Pending GmbH
    country: DE
rule_statement:
  filing_number: 工信部电认备〔2024〕0412 号
";

    #[test]
    fn a_profile_fills_the_run_context() {
        let mut ctx = RunContext::new();
        crate::run::add_bytes(
            &mut ctx,
            PROFILE.as_bytes(),
            crate::facts::context::Origin::Input,
            &crate::limits::Limits::default(),
        );
        let fp = "abcdef0123456789".repeat(4);
        assert_eq!(ctx.chain_filed(std::slice::from_ref(&fp), false), Value::Bool(true));
        // The dates travel with them, for judging at an earlier date.
        let day = |d: &str| crate::dates::midnight(crate::dates::parse_date(d).unwrap());
        assert_eq!(ctx.chain_filed_since(&[fp]), Some(day("2019-09-02")));
        assert_eq!(ctx.chain_filed_since(&["00".repeat(32)]), None);
        assert_eq!(
            ctx.recognized_since(Some("Lion City Trust Pte. Ltd."), Some("SG")),
            None,
            "an approval without a date holds at any date"
        );
        assert_eq!(ctx.chain_filed(&["00".repeat(32)], true), Value::Bool(false));
        assert!(matches!(ctx.chain_filed(&["00".repeat(32)], false), Value::Unknown(_)));
        assert_eq!(
            ctx.recognized(Some("Lion City Trust Pte. Ltd."), Some("SG")),
            Value::Bool(true)
        );
        assert_eq!(ctx.recognized(Some("Pending GmbH"), Some("DE")), Value::Bool(false));
        let s = ctx.statement_filed_by("工信部电认备〔2024〕0412号").unwrap();
        assert_eq!(s.ca, "华信数字认证股份有限公司");
        assert!(ctx.statement_filed_by("工信部电认备〔2024〕9999 号").is_none());
    }

    #[test]
    fn without_a_profile_the_context_knows_nothing() {
        let ctx = RunContext::new();
        assert!(matches!(ctx.chain_filed(&["00".repeat(32)], true), Value::Unknown(_)));
        assert!(ctx.statement_filed_by("x").is_none());
    }
}
