//! Facts as they stood on a date. A CA profile states dated records (a
//! permit issued, an approval granted, a chain filed): judged at a date
//! before a record's own date, the record did not exist yet. The schema says
//! which facts are dated (`Field::exists_from`); [`Dated`] is that part of a
//! schema, worked out once, and [`Dated::as_of`] the one pure function that
//! sets aside what is later than the date: a record becomes absent, an
//! element of a list is dropped, a plain fact dated by a sibling becomes
//! absent. Nothing is copied when nothing is set aside.

use std::borrow::Cow;

use time::Date;

use super::schema::{Field, Ty, lookup};
use super::{Record, Value};
use crate::i18n::Text;

/// What was set aside, and why, for the message of a finding that rests on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The fact set aside: `permit`, `filed_chains[]`, `rule_statement.filing_number`.
    pub path: String,
    /// The fact that dates it: `permit.issued`.
    pub dated_by: String,
    /// Its date, later than the date judged at.
    pub date: Date,
}

impl SetAside {
    /// Why the fact was not taken into account, judged at `at`.
    pub fn explain(&self, at: Date) -> Text {
        Text::both(
            format!(
                "`{}` 为 {}，晚于适用法律的日期 {at}，当时 `{}` 尚不存在",
                self.dated_by, self.date, self.path
            ),
            format!(
                "`{}` is {}, after {at}, the date the law is applied at, so `{}` did not exist yet",
                self.dated_by, self.date, self.path
            ),
        )
    }

    /// Does a fact read at `path` (`permit.number`, `recognitions`) rest on it?
    pub fn concerns(&self, path: &str) -> bool {
        let (a, b) = (path.trim_end_matches("[]"), self.path.trim_end_matches("[]"));
        let under = |long: &str, short: &str| {
            long.strip_prefix(short)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with("[]"))
        };
        under(a, b) || under(b, a)
    }
}

/// Facts as of a date: borrowed when nothing was set aside.
#[derive(Debug, Clone)]
pub struct AsOf<'r> {
    pub facts: Cow<'r, Record>,
    pub set_aside: Vec<SetAside>,
}

/// The dated facts of a schema, as positions: the part of the schema that
/// [`Dated::as_of`] walks.
#[derive(Debug, Clone, Default)]
pub struct Dated {
    steps: Vec<Step>,
}

#[derive(Debug, Clone)]
struct Step {
    index: usize,
    name: &'static str,
    how: How,
}

#[derive(Debug, Clone)]
enum How {
    /// A record dated by its own field `date`; `inner` for what is dated inside.
    Record {
        date: Option<(usize, &'static str)>,
        inner: Dated,
    },
    /// A list of records, each dated by its own field `date`.
    List {
        date: Option<(usize, &'static str)>,
        inner: Dated,
    },
    /// A fact dated by the sibling at `date`.
    Sibling { date: usize, date_name: &'static str },
}

impl Dated {
    /// The dated facts of `fields` (empty when none is).
    pub fn of(fields: &'static [Field]) -> Self {
        let mut steps = Vec::new();
        for (index, f) in fields.iter().enumerate() {
            let own = |sub: &'static [Field]| f.exists_from.and_then(|d| lookup(sub, d).map(|(i, _)| (i, d)));
            let how = match f.ty {
                Ty::Record(sub) => {
                    let (date, inner) = (own(sub), Dated::of(sub));
                    (date.is_some() || !inner.is_empty()).then_some(How::Record { date, inner })
                }
                Ty::List(Ty::Record(sub)) => {
                    let (date, inner) = (own(sub), Dated::of(sub));
                    (date.is_some() || !inner.is_empty()).then_some(How::List { date, inner })
                }
                _ => f
                    .exists_from
                    .and_then(|d| lookup(fields, d))
                    .map(|(date, df)| How::Sibling {
                        date,
                        date_name: df.name,
                    }),
            };
            if let Some(how) = how {
                steps.push(Step {
                    index,
                    name: f.name,
                    how,
                });
            }
        }
        Self { steps }
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The facts as they stood on `date`.
    pub fn as_of<'r>(&self, record: &'r Record, date: Date) -> AsOf<'r> {
        let mut set_aside = Vec::new();
        let facts = match self.walk(record, date, "", &mut set_aside) {
            Some(changed) => Cow::Owned(changed),
            None => Cow::Borrowed(record),
        };
        AsOf { facts, set_aside }
    }

    /// The record with what is later than `date` set aside; `None` when
    /// nothing is.
    fn walk(&self, record: &Record, date: Date, prefix: &str, out: &mut Vec<SetAside>) -> Option<Record> {
        let mut changed: Option<Record> = None;
        let path = |name: &str| {
            if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}.{name}")
            }
        };
        for step in &self.steps {
            let value = record.get(step.index);
            let here = path(step.name);
            let new = match &step.how {
                How::Sibling { date: d, date_name } => later(record.get(*d), date).map(|when| {
                    out.push(SetAside {
                        path: here.clone(),
                        dated_by: path(date_name),
                        date: when,
                    });
                    Value::Absent
                }),
                How::Record { date: d, inner } => match value {
                    Value::Record(r) => match d.and_then(|(i, name)| later(r.get(i), date).map(|w| (w, name))) {
                        Some((when, name)) => {
                            out.push(SetAside {
                                path: here.clone(),
                                dated_by: format!("{here}.{name}"),
                                date: when,
                            });
                            Some(Value::Absent)
                        }
                        None => inner.walk(r, date, &here, out).map(Value::Record),
                    },
                    _ => None,
                },
                How::List { date: d, inner } => match value {
                    Value::List(items) => {
                        let element = format!("{here}[]");
                        let mut any = false;
                        let mut kept = Vec::with_capacity(items.len());
                        for item in items {
                            let Value::Record(r) = item else {
                                kept.push(item.clone());
                                continue;
                            };
                            if let Some((when, name)) = d.and_then(|(i, name)| later(r.get(i), date).map(|w| (w, name)))
                            {
                                out.push(SetAside {
                                    path: element.clone(),
                                    dated_by: format!("{element}.{name}"),
                                    date: when,
                                });
                                any = true;
                                continue;
                            }
                            match inner.walk(r, date, &element, out) {
                                Some(c) => {
                                    any = true;
                                    kept.push(Value::Record(c));
                                }
                                None => kept.push(item.clone()),
                            }
                        }
                        any.then_some(Value::List(kept))
                    }
                    _ => None,
                },
            };
            if let Some(v) = new {
                changed.get_or_insert_with(|| record.clone()).set_value(step.index, v);
            }
        }
        changed
    }
}

/// The date of a date fact, when it is later than `date`.
fn later(v: &Value, date: Date) -> Option<Date> {
    match v {
        Value::Date(secs) => crate::dates::date_of(*secs).filter(|d| *d > date),
        _ => None,
    }
}

/// The facts of `record` (laid out as `fields`) as they stood on `date`.
pub fn as_of<'r>(record: &'r Record, fields: &'static [Field], date: Date) -> AsOf<'r> {
    Dated::of(fields).as_of(record, date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::RecordBuilder;

    static PERMIT: &[Field] = &[Field::new("number", Ty::Str, ""), Field::new("issued", Ty::Date, "")];
    static CHAIN: &[Field] = &[Field::new("name", Ty::Str, ""), Field::new("filed", Ty::Date, "")];
    static STATEMENT: &[Field] = &[
        Field::new("filing_number", Ty::Str, "").exists_from("filed"),
        Field::new("filed", Ty::Date, ""),
    ];
    static ROOT: &[Field] = &[
        Field::new("permit", Ty::Record(PERMIT), "").exists_from("issued"),
        Field::new("chains", Ty::List(&Ty::Record(CHAIN)), "").exists_from("filed"),
        Field::new("statement", Ty::Record(STATEMENT), ""),
        Field::new("name", Ty::Str, ""),
        // Lists of records without a date of their own: one whose elements
        // hold a dated fact, one whose elements hold none.
        Field::new("statements", Ty::List(&Ty::Record(STATEMENT)), ""),
        Field::new("permits", Ty::List(&Ty::Record(PERMIT)), ""),
    ];

    fn day(s: &str) -> Date {
        crate::dates::parse_date(s).unwrap()
    }

    fn at(s: &str) -> Value {
        Value::Date(crate::dates::midnight(day(s)))
    }

    fn profile() -> Record {
        let mut permit = RecordBuilder::new(PERMIT);
        permit.set("number", "P-1").set("issued", at("2017-05-01"));
        let chain = |name: &str, filed: &str| {
            let mut c = RecordBuilder::new(CHAIN);
            c.set("name", name).set("filed", at(filed));
            Value::Record(c.finish())
        };
        let mut st = RecordBuilder::new(STATEMENT);
        st.set("filing_number", "F-1").set("filed", at("2023-01-01"));
        let mut r = RecordBuilder::new(ROOT);
        r.set("permit", permit.finish())
            .set(
                "chains",
                Value::List(vec![chain("old", "2010-01-01"), chain("new", "2020-01-01")]),
            )
            .set("statement", st.finish())
            .set("name", "CA");
        r.finish()
    }

    #[test]
    fn nothing_later_is_borrowed() {
        let p = profile();
        let got = as_of(&p, ROOT, day("2024-01-01"));
        assert!(matches!(got.facts, Cow::Borrowed(_)));
        assert!(got.set_aside.is_empty());
        // A record dated on the very day exists.
        assert!(as_of(&p, ROOT, day("2023-01-01")).set_aside.is_empty());
    }

    #[test]
    fn records_elements_and_plain_facts_dated_later_are_set_aside() {
        let p = profile();
        let got = as_of(&p, ROOT, day("2015-06-01"));
        let f = got.facts.as_ref();
        assert_eq!(f.get(0), &Value::Absent, "the permit of 2017 did not exist");
        let Value::List(chains) = f.get(1) else { panic!() };
        assert_eq!(chains.len(), 1, "the chain filed in 2020 is dropped");
        let Value::Record(st) = f.get(2) else { panic!() };
        assert_eq!(st.get(0), &Value::Absent, "not filed yet");
        assert_eq!(st.get(1), &at("2023-01-01"), "the date itself stays");
        assert_eq!(f.get(3), &Value::str("CA"));
        let paths: Vec<(&str, &str)> = got
            .set_aside
            .iter()
            .map(|s| (s.path.as_str(), s.dated_by.as_str()))
            .collect();
        assert_eq!(
            paths,
            vec![
                ("permit", "permit.issued"),
                ("chains[]", "chains[].filed"),
                ("statement.filing_number", "statement.filed"),
            ]
        );
        let why = got.set_aside[0].explain(day("2015-06-01"));
        assert_eq!(
            why.en.as_deref(),
            Some(
                "`permit.issued` is 2017-05-01, after 2015-06-01, the date the law is applied at, so `permit` did not exist yet"
            )
        );
        assert!(got.set_aside[0].concerns("permit.number"));
        assert!(got.set_aside[1].concerns("chains"));
        assert!(got.set_aside[2].concerns("statement.filing_number"));
        assert!(!got.set_aside[0].concerns("permits"));
    }

    #[test]
    fn only_dated_branches_are_walked() {
        assert!(Dated::of(PERMIT).is_empty());
        let names: Vec<&str> = Dated::of(ROOT).steps.iter().map(|s| s.name).collect();
        assert_eq!(names, ["permit", "chains", "statement", "statements"]);
    }

    /// In a list of records with no date of its own, each element's dated
    /// facts are still set aside.
    #[test]
    fn dated_facts_inside_the_elements_of_an_undated_list_are_set_aside() {
        let statement = |filed: &str| {
            let mut st = RecordBuilder::new(STATEMENT);
            st.set("filing_number", "F").set("filed", at(filed));
            Value::Record(st.finish())
        };
        let mut r = RecordBuilder::new(ROOT);
        r.set(
            "statements",
            Value::List(vec![statement("2010-01-01"), statement("2023-01-01")]),
        );
        let r = r.finish();
        let got = as_of(&r, ROOT, day("2015-06-01"));
        let paths: Vec<&str> = got.set_aside.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(paths, ["statements[].filing_number"]);
        let Value::List(kept) = got.facts.get(4) else { panic!() };
        let numbers: Vec<&Value> = kept
            .iter()
            .map(|v| match v {
                Value::Record(st) => st.get(0),
                other => other,
            })
            .collect();
        assert_eq!(numbers, [&Value::str("F"), &Value::Absent]);
    }
}
