//! Evaluation of compiled expressions in three-valued logic. A comparison
//! that needs a fact the subject does not state, or one that could not be
//! read, is unknown; `and`, `or`, `not`, `every` and `some` follow Kleene's
//! rules, so an unknown that cannot change the outcome does not matter, and
//! one that can makes the rule undetermined, never a pass.

use std::borrow::Cow;
use std::sync::Arc;

use super::expr::{CExpr, Root};
use crate::facts::{Record, Value};
use crate::lang::ast::CmpOp;
use crate::source::Span;

/// What an expression is evaluated against.
pub struct Env<'a> {
    pub facts: &'a Record,
    /// Parameter values under the run's regime (`None`: no value applies).
    pub params: &'a [Option<Value>],
    pub today: &'a Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    Unknown,
}

/// Which fact decided an outcome, and why it was unknown if it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Blame<'a> {
    /// The fact or parameter as the rule writes it (borrowed from the rule,
    /// so evaluating a condition allocates nothing for it).
    pub fact: &'a str,
    pub span: Option<Span>,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// The fact has a value; it is what made the outcome.
    Value,
    /// The subject does not state the fact.
    Absent,
    /// The fact could not be determined (the text says why).
    Unknown(Arc<crate::i18n::Text>),
    /// No value of a parameter applies under the regime.
    NoParameterValue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'a> {
    pub truth: Truth,
    pub blame: Option<Blame<'a>>,
}

impl<'a> Outcome<'a> {
    fn new(truth: Truth, blame: Option<Blame<'a>>) -> Self {
        Self { truth, blame }
    }
}

struct Got<'a> {
    value: Cow<'a, Value>,
    blame: Option<Blame<'a>>,
}

impl<'a> Got<'a> {
    /// Absent or unknown: the reason this operand cannot be compared.
    fn missing(&self) -> Option<Blame<'a>> {
        let why = match self.value.as_ref() {
            Value::Absent => Why::Absent,
            Value::Unknown(w) => Why::Unknown(w.clone()),
            _ => return None,
        };
        let mut b = self.blame.clone().unwrap_or(Blame {
            fact: "",
            span: None,
            why: Why::Absent,
        });
        if b.why != Why::NoParameterValue {
            b.why = why;
        }
        Some(b)
    }
}

static ABSENT: Value = Value::Absent;

/// Evaluate a condition.
pub fn truth<'a>(e: &'a CExpr, env: &Env<'a>) -> Outcome<'a> {
    let mut vars = Vec::new();
    test(e, env, &mut vars)
}

/// Evaluate a value (for message placeholders).
pub fn value<'a>(e: &'a CExpr, env: &Env<'a>) -> Cow<'a, Value> {
    let mut vars = Vec::new();
    get(e, env, &mut vars).value
}

fn walk<'a>(mut v: &'a Value, path: &[usize], mut span: Option<Span>) -> (&'a Value, Option<Span>) {
    for &i in path {
        match v {
            Value::Record(r) => {
                span = r.span(i).or(span);
                v = r.get(i);
            }
            Value::Unknown(_) => return (v, span),
            _ => return (&ABSENT, span),
        }
    }
    (v, span)
}

fn get<'a>(e: &'a CExpr, env: &Env<'a>, vars: &mut Vec<&'a Value>) -> Got<'a> {
    match e {
        CExpr::Const(v) => Got {
            value: Cow::Borrowed(v),
            blame: None,
        },
        CExpr::Fact { root, path, text } => {
            let (start, span) = match root {
                Root::Subject => (None, None),
                Root::Var(k) => (vars.get(*k).copied(), None),
            };
            let (v, span) = match start {
                Some(v) => walk(v, path, span),
                None => match path.split_first() {
                    Some((first, rest)) => walk(env.facts.get(*first), rest, env.facts.span(*first)),
                    None => (&ABSENT, None),
                },
            };
            Got {
                value: Cow::Borrowed(v),
                blame: Some(Blame {
                    fact: text,
                    span,
                    why: Why::Value,
                }),
            }
        }
        CExpr::Param { index, name } => match env.params.get(*index).and_then(Option::as_ref) {
            Some(v) => Got {
                value: Cow::Borrowed(v),
                blame: None,
            },
            None => Got {
                value: Cow::Owned(Value::unknown(
                    "在此法律状态下没有适用的值",
                    "no value applies under this regime",
                )),
                blame: Some(Blame {
                    fact: name,
                    span: None,
                    why: Why::NoParameterValue,
                }),
            },
        },
        CExpr::Today => Got {
            value: Cow::Borrowed(env.today),
            blame: None,
        },
        CExpr::List(items) => Got {
            value: Cow::Owned(Value::List(
                items.iter().map(|i| get(i, env, vars).value.into_owned()).collect(),
            )),
            blame: None,
        },
        CExpr::Count { list, cond } => {
            let l = get(list, env, vars);
            let blame = l.blame.clone();
            let Value::List(items) = l.value.as_ref() else {
                return Got {
                    value: Cow::Owned(unknown_of(&l)),
                    blame,
                };
            };
            let Some(cond) = cond else {
                return Got {
                    value: Cow::Owned(Value::Int(items.len() as i64)),
                    blame,
                };
            };
            let Cow::Borrowed(Value::List(items)) = l.value else {
                return Got {
                    value: Cow::Owned(Value::Int(0)),
                    blame,
                };
            };
            let mut n = 0;
            for item in items {
                vars.push(item);
                let o = test(cond, env, vars);
                vars.pop();
                match o.truth {
                    Truth::True => n += 1,
                    Truth::False => {}
                    Truth::Unknown => {
                        return Got {
                            value: Cow::Owned(Value::unknown("有一个元素无法检查", "an element could not be checked")),
                            blame: o.blame,
                        };
                    }
                }
            }
            Got {
                value: Cow::Owned(Value::Int(n)),
                blame,
            }
        }
        // Conditions used as values.
        _ => {
            let o = test(e, env, vars);
            let value = match o.truth {
                Truth::True => Value::Bool(true),
                Truth::False => Value::Bool(false),
                Truth::Unknown => Value::unknown("无法确定", "could not be determined"),
            };
            Got {
                value: Cow::Owned(value),
                blame: o.blame,
            }
        }
    }
}

fn unknown_of(g: &Got) -> Value {
    match g.value.as_ref() {
        Value::Unknown(w) => Value::Unknown(w.clone()),
        _ => Value::Absent,
    }
}

fn decided(b: bool, blame: Option<Blame<'_>>) -> Outcome<'_> {
    Outcome::new(if b { Truth::True } else { Truth::False }, blame)
}

fn test<'a>(e: &'a CExpr, env: &Env<'a>, vars: &mut Vec<&'a Value>) -> Outcome<'a> {
    match e {
        CExpr::Not(inner) => {
            let o = test(inner, env, vars);
            let truth = match o.truth {
                Truth::True => Truth::False,
                Truth::False => Truth::True,
                Truth::Unknown => Truth::Unknown,
            };
            Outcome::new(truth, o.blame)
        }
        CExpr::And(parts) => {
            let mut unknown = None;
            for p in parts {
                let o = test(p, env, vars);
                match o.truth {
                    Truth::False => return o,
                    Truth::Unknown if unknown.is_none() => unknown = Some(o),
                    _ => {}
                }
            }
            unknown.unwrap_or(Outcome::new(Truth::True, None))
        }
        CExpr::Or(parts) => {
            let mut unknown = None;
            let mut first_false = None;
            for p in parts {
                let o = test(p, env, vars);
                match o.truth {
                    Truth::True => return o,
                    Truth::Unknown if unknown.is_none() => unknown = Some(o),
                    Truth::False if first_false.is_none() => first_false = Some(o),
                    _ => {}
                }
            }
            unknown.or(first_false).unwrap_or(Outcome::new(Truth::False, None))
        }
        CExpr::Present { expr, want } => {
            let g = get(expr, env, vars);
            match g.value.as_ref() {
                Value::Unknown(_) => Outcome::new(Truth::Unknown, g.missing()),
                Value::Absent => decided(!want, g.blame),
                _ => decided(*want, g.blame),
            }
        }
        CExpr::Cmp { op, lhs, rhs } => {
            let l = get(lhs, env, vars);
            let r = get(rhs, env, vars);
            if let Some(b) = l.missing().or_else(|| r.missing()) {
                return Outcome::new(Truth::Unknown, Some(b));
            }
            let blame = l.blame.or(r.blame);
            match compare(*op, &l.value, &r.value) {
                Some(b) => decided(b, blame),
                None => {
                    let why = depends_on_start(&l.value, &r.value);
                    Outcome::new(Truth::Unknown, with_reason(blame, why))
                }
            }
        }
        CExpr::In { lhs, rhs, negated } => {
            let l = get(lhs, env, vars);
            let r = get(rhs, env, vars);
            if let Some(b) = l.missing().or_else(|| r.missing()) {
                return Outcome::new(Truth::Unknown, Some(b));
            }
            let found = match r.value.as_ref() {
                Value::List(items) => items.iter().any(|i| equal(i, &l.value)),
                _ => false,
            };
            decided(found != *negated, l.blame.or(r.blame))
        }
        CExpr::Contains { lhs, rhs } => {
            let l = get(lhs, env, vars);
            let r = get(rhs, env, vars);
            if let Some(b) = l.missing().or_else(|| r.missing()) {
                return Outcome::new(Truth::Unknown, Some(b));
            }
            let found = match (l.value.as_ref(), r.value.as_ref()) {
                (Value::List(items), v) => items.iter().any(|i| equal(i, v)),
                (Value::Str(hay), Value::Str(needle)) => hay.contains(needle.as_ref()),
                _ => false,
            };
            decided(found, l.blame.or(r.blame))
        }
        CExpr::Matches { lhs, regex } => {
            let l = get(lhs, env, vars);
            if let Some(b) = l.missing() {
                return Outcome::new(Truth::Unknown, Some(b));
            }
            match l.value.as_ref() {
                Value::Str(s) => decided(regex.is_match(s), l.blame),
                _ => Outcome::new(Truth::Unknown, l.blame),
            }
        }
        CExpr::Quant { every, list, body } => {
            let l = get(list, env, vars);
            if let Some(b) = l.missing() {
                return Outcome::new(Truth::Unknown, Some(b));
            }
            let Cow::Borrowed(Value::List(items)) = l.value else {
                return Outcome::new(Truth::Unknown, l.blame);
            };
            let mut unknown = None;
            for item in items {
                vars.push(item);
                let o = test(body, env, vars);
                vars.pop();
                match (o.truth, every) {
                    (Truth::False, true) | (Truth::True, false) => return o,
                    (Truth::Unknown, _) if unknown.is_none() => unknown = Some(o),
                    _ => {}
                }
            }
            unknown.unwrap_or(decided(*every, l.blame))
        }
        // A value used as a condition: a true/false fact.
        _ => {
            let g = get(e, env, vars);
            match g.value.as_ref() {
                Value::Bool(b) => decided(*b, g.blame),
                _ => Outcome::new(Truth::Unknown, g.missing().or(g.blame)),
            }
        }
    }
}

fn equal(a: &Value, b: &Value) -> bool {
    compare(CmpOp::Eq, a, b).unwrap_or(false)
}

/// A comparison decided, or `None` when it cannot be (values of different
/// kinds; periods whose comparison depends on their start date).
fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    use std::cmp::Ordering;
    let ord: Ordering = match (a, b) {
        (Value::Int(x), Value::Int(y)) | (Value::Date(x), Value::Date(y)) => x.cmp(y),
        (Value::Period(x), Value::Period(y)) => return holds_over(op, x.minus(y)),
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::List(x), Value::List(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            let same = x.len() == y.len() && x.iter().zip(y).all(|(p, q)| equal(p, q));
            return Some(same == (op == CmpOp::Eq));
        }
        _ => return None,
    };
    Some(match op {
        CmpOp::Eq => ord.is_eq(),
        CmpOp::Ne => ord.is_ne(),
        CmpOp::Lt => ord.is_lt(),
        CmpOp::Le => ord.is_le(),
        CmpOp::Gt => ord.is_gt(),
        CmpOp::Ge => ord.is_ge(),
    })
}

/// Does `op` hold of a difference `x` (left minus right, in days) for every
/// `x` in `lo..=hi`, for none, or for some only (`None`)? Periods of the same
/// kind give one `x` and are decided exactly.
fn holds_over(op: CmpOp, (lo, hi): (i64, i64)) -> Option<bool> {
    let all = |f: fn(i64) -> bool| match (f(lo), f(hi)) {
        (true, true) => Some(true),
        (false, false) => Some(false),
        _ => None,
    };
    match op {
        CmpOp::Lt => all(|x| x < 0),
        CmpOp::Le => all(|x| x <= 0),
        CmpOp::Gt => all(|x| x > 0),
        CmpOp::Ge => all(|x| x >= 0),
        CmpOp::Eq | CmpOp::Ne => {
            let eq = if lo == 0 && hi == 0 {
                Some(true)
            } else if lo > 0 || hi < 0 {
                Some(false)
            } else {
                None
            };
            eq.map(|e| e == (op == CmpOp::Eq))
        }
    }
}

/// Why two periods cannot be compared: one counts calendar months, whose
/// length in days depends on the date the period starts.
fn depends_on_start(a: &Value, b: &Value) -> Option<crate::i18n::Text> {
    let (Value::Period(x), Value::Period(y)) = (a, b) else {
        return None;
    };
    let months = if x.is_in_days() { y } else { x };
    let (lo, hi) = months.day_span();
    let show = |v: &Value, l| crate::facts::display(v, l);
    let (zh, en) = (crate::i18n::Lang::Zh, crate::i18n::Lang::En);
    let m = Value::Period(*months);
    Some(crate::i18n::Text::both(
        format!(
            "{}与{}的长短取决于起算日：{}为 {lo} 至 {hi} 日（民法典第二百零二条）",
            show(a, zh),
            show(b, zh),
            show(&m, zh)
        ),
        format!(
            "{} and {} compare differently depending on the date the period starts: {} span {lo} to {hi} days (Civil Code art. 202)",
            show(a, en),
            show(b, en),
            show(&m, en)
        ),
    ))
}

/// The blame of an unknown comparison, with the reason it is unknown.
fn with_reason(blame: Option<Blame<'_>>, why: Option<crate::i18n::Text>) -> Option<Blame<'_>> {
    let Some(why) = why else { return blame };
    let b = blame.unwrap_or(Blame {
        fact: "",
        span: None,
        why: Why::Value,
    });
    Some(Blame {
        why: Why::Unknown(Arc::new(why)),
        ..b
    })
}

#[cfg(test)]
mod tests;
