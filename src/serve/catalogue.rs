//! `GET /rules`, the catalogue of the loaded rules (what each requires, the
//! provisions it cites with their time windows, and under which regime it is
//! in force on a date), and `GET /version`.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{ApiError, Service};
use crate::diag::Diag;
use crate::engine::{Evaluator, Severity};
use crate::facts::SubjectKind;
use crate::i18n::Text;
use crate::law::Citation;

#[derive(Serialize)]
struct Catalogue<'a> {
    /// The date `in_force` is for.
    date: time::Date,
    rules: Vec<RuleOut<'a>>,
}

#[derive(Serialize)]
struct RuleOut<'a> {
    id: &'a str,
    title: &'a Text,
    applies_to: SubjectKind,
    severity: Severity,
    cites: Vec<Cite<'a>>,
    /// Per regime: is the rule in force on `date`?
    in_force: BTreeMap<&'a str, bool>,
}

/// A citation as written in rule files (`ESL 21(1)`) and in parts, with
/// the window (`from`, `until`) in which it holds.
#[derive(Serialize)]
struct Cite<'a> {
    text: String,
    #[serde(flatten)]
    citation: &'a Citation,
}

/// `GET /rules[?at=YYYY-MM-DD]`.
pub async fn rules(State(service): State<Arc<Service>>, uri: Uri) -> Response {
    let mut date = crate::dates::today();
    for (name, value) in super::request::pairs(uri.query().unwrap_or("").as_bytes()) {
        match (name.as_str(), crate::dates::parse_date(&value)) {
            ("at", Some(d)) => date = d,
            ("at", None) => {
                return ApiError::from(
                    Diag::error("certlex::serve::bad-value", format!("`at`: `{value}` is not a date"))
                        .help("`at` takes a date, YYYY-MM-DD"),
                )
                .into_response();
            }
            _ => {
                return ApiError::from(
                    Diag::error(
                        "certlex::serve::unknown-parameter",
                        format!("unknown parameter `{name}`"),
                    )
                    .help("`/rules` takes `at` (a date, YYYY-MM-DD)"),
                )
                .into_response();
            }
        }
    }
    let set = &*service.rules;
    let evaluators: Vec<(&str, Evaluator)> = set
        .law
        .regimes
        .iter()
        .filter_map(|r| {
            let res = set.law.resolve(&r.name, date).ok()?;
            Some((r.name.as_str(), service.evaluator(res)))
        })
        .collect();
    let rules = set
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| RuleOut {
            id: &r.id,
            title: &r.title,
            applies_to: r.applies_to,
            severity: r.severity,
            cites: r
                .cites
                .iter()
                .map(|c| Cite {
                    text: c.to_string(),
                    citation: c,
                })
                .collect(),
            in_force: evaluators.iter().map(|(name, ev)| (*name, ev.in_force(i))).collect(),
        })
        .collect();
    super::json(&Catalogue { date, rules })
}

/// `GET /version`: what answers, for the CA's records.
pub async fn version(State(service): State<Arc<Service>>) -> Response {
    let set = &*service.rules;
    super::json(&serde_json::json!({
        "certlex": env!("CARGO_PKG_VERSION"),
        "report_schema": crate::report::SCHEMA_VERSION,
        "rules": {
            "source": service.config.rules_source,
            "count": set.rules.len(),
            "regimes": set.law.regimes.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        },
    }))
}
