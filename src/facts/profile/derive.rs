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

#[cfg(test)]
mod tests {
    use super::super::{LEGAL_ENTITY, LICENCE_CHANGE, SCHEMA, STAFF};
    use crate::dates::Period;
    use crate::facts::schema::{Field, lookup};
    use crate::facts::{Record, Value};
    use crate::limits::Limits;
    use crate::source::SourceFile;

    /// The facts of a CA profile made of `yaml`.
    fn facts(yaml: &str) -> Record {
        let file = SourceFile::new("t.yaml", format!("kind: ca-profile\n{yaml}"));
        match super::super::read(file, &Limits::default()) {
            Ok(s) => s.facts,
            Err(e) => panic!("{yaml}: {e:?}"),
        }
    }

    fn get<'a>(r: &'a Record, fields: &'static [Field], name: &str) -> &'a Value {
        r.get(lookup(fields, name).map(|(i, _)| i).unwrap_or(usize::MAX))
    }

    /// A fact of a section of the profile (`staff`, `legal_entity`).
    fn of<'a>(r: &'a Record, section: &str, fields: &'static [Field], name: &str) -> &'a Value {
        match get(r, SCHEMA, section) {
            Value::Record(s) => get(s, fields, name),
            other => panic!("`{section}` is {other:?}"),
        }
    }

    fn strs(v: &Value) -> Vec<&str> {
        match v {
            Value::List(l) => l
                .iter()
                .map(|x| match x {
                    Value::Str(s) => s.as_ref(),
                    other => panic!("{other:?}"),
                })
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_staff_total_is_the_sum_or_unknown_naming_what_is_missing() {
        let all = facts("staff:\n  technical: 72\n  operations: 21\n  security: 13\n  customer_service: 26\n");
        assert_eq!(of(&all, "staff", STAFF, "total"), &Value::Int(132));
        let some = facts("staff:\n  technical: 72\n  security: 13\n  customer_service: 26\n");
        match of(&some, "staff", STAFF, "total") {
            Value::Unknown(why) => assert_eq!(why.en.as_deref(), Some("`staff.operations` not stated")),
            other => panic!("{other:?}"),
        }
        let none = facts("staff:\n  technical_professionals: 5\n");
        assert_eq!(of(&none, "staff", STAFF, "total"), &Value::Absent);
    }

    #[test]
    fn a_licence_change_takes_the_days_between_registration_and_change() {
        let r = facts(
            "licence_changes:\n  - what: legal-representative\n    registered: 2024-10-08\n    licence_changed: 2024-11-18\n  - what: registered-capital\n    registered: 2023-03-01\n",
        );
        let Value::List(changes) = get(&r, SCHEMA, "licence_changes") else {
            panic!("no list")
        };
        let delay = |i: usize| match &changes[i] {
            Value::Record(c) => get(c, LICENCE_CHANGE, "delay").clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(delay(0), Value::Period(Period::days(41)));
        assert_eq!(delay(1), Value::Absent, "no change date, no delay");
    }

    #[test]
    fn a_credit_code_is_checked_and_its_kind_named() {
        let good = facts("legal_entity:\n  unified_social_credit_code: 91330100MA27XK8Q5A\n");
        assert_eq!(
            of(&good, "legal_entity", LEGAL_ENTITY, "credit_code_valid"),
            &Value::Bool(true)
        );
        assert_eq!(
            of(&good, "legal_entity", LEGAL_ENTITY, "credit_code_kind"),
            &Value::str("enterprise")
        );
        let bad = facts("legal_entity:\n  unified_social_credit_code: 12330100MA27XK8Q5B\n");
        assert_eq!(
            of(&bad, "legal_entity", LEGAL_ENTITY, "credit_code_valid"),
            &Value::Bool(false)
        );
        assert_eq!(
            of(&bad, "legal_entity", LEGAL_ENTITY, "credit_code_kind"),
            &Value::str("institution")
        );
        let without = facts("legal_entity:\n  name: 某公司\n");
        assert_eq!(
            of(&without, "legal_entity", LEGAL_ENTITY, "credit_code_valid"),
            &Value::Absent
        );
    }

    #[test]
    fn a_ca_is_outside_the_mainland_only_when_its_jurisdiction_says_so() {
        let outside = |yaml: &str| get(&facts(yaml), SCHEMA, "outside_mainland").clone();
        assert_eq!(outside("legal_entity:\n  jurisdiction: DE\n"), Value::Bool(true));
        assert_eq!(outside("legal_entity:\n  jurisdiction: CN\n"), Value::Bool(false));
        assert_eq!(outside("legal_entity:\n  name: 某公司\n"), Value::Bool(false));
        assert_eq!(outside("staff:\n  technical: 1\n"), Value::Bool(false));
    }

    #[test]
    fn regions_without_an_outlet_and_delegated_operations_are_listed() {
        let r = facts(
            "regions:\n  - name: 浙江省\n    outlets:\n      - name: 杭州服务中心\n        address: 杭州\n  - name: 江苏省\n    outlets: []\n  - outlets: []\n\
             delegations:\n  - operation: data-centre-hosting\n    to: 某公司\n  - operation: identity-verification\n    to: 某公司\n",
        );
        assert_eq!(
            strs(get(&r, SCHEMA, "regions_without_outlet")),
            ["江苏省", "(region 3 without a name)"]
        );
        assert_eq!(
            strs(get(&r, SCHEMA, "delegated_operations")),
            ["data-centre-hosting", "identity-verification"]
        );
        let none = facts("staff:\n  technical: 1\n");
        assert_eq!(get(&none, SCHEMA, "regions_without_outlet"), &Value::Absent);
    }
}
