//! Computed facts: what the rule language cannot say by itself (a sum, the
//! names of regions without an outlet, a credit code's check character).
//! Each is filled in while its record is built, from the facts read.

use super::scalar;
use super::{LEGAL_ENTITY, LICENCE_CHANGE, REGION, SCHEMA, STAFF};
use crate::facts::schema::{Field, lookup};
use crate::facts::{Record, Value};
use crate::source::Span;

type Slots = [Option<(Value, Span)>];

fn get<'a>(fields: &'static [Field], got: &'a Slots, name: &str) -> Option<&'a (Value, Span)> {
    lookup(fields, name)
        .and_then(|(i, _)| got.get(i))
        .and_then(Option::as_ref)
}

fn value<'a>(fields: &'static [Field], got: &'a Slots, name: &str) -> &'a Value {
    static ABSENT: Value = Value::Absent;
    get(fields, got, name).map_or(&ABSENT, |(v, _)| v)
}

fn set(fields: &'static [Field], got: &mut Slots, name: &str, value: Value, span: Span) {
    if let Some(slot) = lookup(fields, name).and_then(|(i, _)| got.get_mut(i)) {
        *slot = Some((value, span));
    }
}

/// Fill the computed facts of the record of `fields` being built.
pub fn fill(fields: &'static [Field], got: &mut Slots, anchor: Span) {
    if std::ptr::eq(fields, LEGAL_ENTITY) {
        legal_entity(got);
    } else if std::ptr::eq(fields, STAFF) {
        staff(got, anchor);
    } else if std::ptr::eq(fields, LICENCE_CHANGE) {
        licence_change(got, anchor);
    } else if std::ptr::eq(fields, SCHEMA) {
        root(got, anchor);
    }
}

fn legal_entity(got: &mut Slots) {
    let f = LEGAL_ENTITY;
    let Some((Value::Str(code), span)) = get(f, got, "unified_social_credit_code").cloned() else {
        return;
    };
    set(
        f,
        got,
        "credit_code_valid",
        Value::Bool(scalar::credit_code_valid(&code)),
        span,
    );
    set(
        f,
        got,
        "credit_code_kind",
        Value::str(scalar::credit_code_kind(&code)),
        span,
    );
}

fn staff(got: &mut Slots, anchor: Span) {
    let f = STAFF;
    let parts = ["technical", "operations", "security", "customer_service"];
    let mut total = 0i64;
    let mut missing = Vec::new();
    for p in parts {
        match value(f, got, p) {
            Value::Int(n) => total = total.saturating_add(*n),
            _ => missing.push(p),
        }
    }
    let total = match missing.as_slice() {
        [] => Value::Int(total),
        m if m.len() == parts.len() => return,
        m => {
            let names: Vec<String> = m.iter().map(|p| format!("`staff.{p}`")).collect();
            Value::unknown(
                format!("未载明 {}", names.join("、")),
                format!("{} not stated", names.join(", ")),
            )
        }
    };
    set(f, got, "total", total, anchor);
}

fn licence_change(got: &mut Slots, anchor: Span) {
    let f = LICENCE_CHANGE;
    if let (Value::Date(from), Value::Date(to)) = (value(f, got, "registered"), value(f, got, "licence_changed")) {
        let days = (to - from).div_euclid(86_400);
        let span = get(f, got, "licence_changed").map_or(anchor, |(_, s)| *s);
        set(f, got, "delay", Value::Period(crate::dates::Period::days(days)), span);
    }
}

fn root(got: &mut Slots, anchor: Span) {
    let f = SCHEMA;
    // A profile describes a CA established in the PRC unless its legal
    // entity names another jurisdiction.
    let jurisdiction = match value(f, got, "legal_entity") {
        Value::Record(r) => lookup(LEGAL_ENTITY, "jurisdiction").map(|(i, _)| (r.get(i).clone(), r.span(i))),
        _ => None,
    };
    let (outside_mainland, span) = match jurisdiction {
        Some((Value::Str(j), span)) => (j.as_ref() != "CN", span.unwrap_or(anchor)),
        _ => (false, anchor),
    };
    set(f, got, "outside_mainland", Value::Bool(outside_mainland), span);

    if let Some((Value::List(regions), span)) = get(f, got, "regions").cloned() {
        let without: Vec<Value> = regions
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let Value::Record(r) = r else { return None };
                let has_outlet = matches!(field(r, REGION, "outlets"), Value::List(o) if !o.is_empty());
                (!has_outlet).then(|| match field(r, REGION, "name") {
                    Value::Str(n) => Value::Str(n.clone()),
                    _ => Value::str(format!("(region {} without a name)", i + 1)),
                })
            })
            .collect();
        set(f, got, "regions_without_outlet", Value::List(without), span);
    }

    if let Some((Value::List(delegations), span)) = get(f, got, "delegations").cloned() {
        let ops: Vec<Value> = delegations
            .iter()
            .filter_map(|d| match d {
                Value::Record(r) => match field(r, super::DELEGATION, "operation") {
                    Value::Str(s) => Some(Value::Str(s.clone())),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        set(f, got, "delegated_operations", Value::List(ops), span);
    }
}

fn field<'a>(r: &'a Record, fields: &'static [Field], name: &str) -> &'a Value {
    static ABSENT: Value = Value::Absent;
    lookup(fields, name).map_or(&ABSENT, |(i, _)| r.get(i))
}
