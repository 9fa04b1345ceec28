//! Compiled expressions: names resolved to field positions, parameters to
//! indices, patterns compiled. Built once per run by the loader; evaluated
//! per subject without any look-up by name.

use regex::Regex;

use crate::facts::Value;
use crate::lang::ast::CmpOp;

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum CExpr {
    Const(Value),
    /// A fact: from the subject's root record, or from a bound variable
    /// (`Var(k)`: the k-th enclosing `every`/`some`/`count`), then field positions.
    Fact {
        root: Root,
        path: Box<[usize]>,
        text: Box<str>,
    },
    Param {
        index: usize,
        name: Box<str>,
    },
    /// The date of the evaluation (the regime's date).
    Today,
    List(Vec<CExpr>),
    Count {
        list: Box<CExpr>,
        cond: Option<Box<CExpr>>,
    },
    Not(Box<CExpr>),
    And(Vec<CExpr>),
    Or(Vec<CExpr>),
    Cmp {
        op: CmpOp,
        lhs: Box<CExpr>,
        rhs: Box<CExpr>,
    },
    Present {
        expr: Box<CExpr>,
        want: bool,
    },
    In {
        lhs: Box<CExpr>,
        rhs: Box<CExpr>,
        negated: bool,
    },
    Contains {
        lhs: Box<CExpr>,
        rhs: Box<CExpr>,
    },
    Matches {
        lhs: Box<CExpr>,
        #[serde(with = "pattern")]
        regex: Regex,
    },
    Quant {
        every: bool,
        list: Box<CExpr>,
        body: Box<CExpr>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Root {
    Subject,
    Var(usize),
}

/// A message with `{fact}` placeholders, e.g.
/// "registered capital {capital.registered_rmb} is below {min-registered-capital-rmb}".
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Template {
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Part {
    Text(String),
    Value(CExpr),
    /// `{citation}`: the rule's citations that hold on the judging date, as
    /// they were numbered then (`{citation ESL}`: those of one instrument).
    Citation(Option<String>),
    /// `{date}`: the date the law is applied at.
    Date,
}

impl Part {
    /// The placeholder as written in rule files, for `explain`.
    pub fn written(&self) -> String {
        match self {
            Part::Text(s) => s.replace('{', "{{").replace('}', "}}"),
            Part::Value(CExpr::Fact { text, .. }) => format!("{{{text}}}"),
            Part::Value(CExpr::Param { name, .. }) => format!("{{{name}}}"),
            Part::Value(_) => "{…}".into(),
            Part::Citation(None) => "{citation}".into(),
            Part::Citation(Some(i)) => format!("{{citation {i}}}"),
            Part::Date => "{date}".into(),
        }
    }
}

impl CExpr {
    /// Call `f` on the expression and on every expression inside it.
    pub fn walk(&self, f: &mut dyn FnMut(&CExpr)) {
        f(self);
        match self {
            CExpr::Const(_) | CExpr::Fact { .. } | CExpr::Param { .. } | CExpr::Today => {}
            CExpr::List(items) | CExpr::And(items) | CExpr::Or(items) => items.iter().for_each(|i| i.walk(f)),
            CExpr::Count { list, cond } => {
                list.walk(f);
                if let Some(c) = cond {
                    c.walk(f);
                }
            }
            CExpr::Not(e) | CExpr::Present { expr: e, .. } | CExpr::Matches { lhs: e, .. } => e.walk(f),
            CExpr::Cmp { lhs, rhs, .. } | CExpr::In { lhs, rhs, .. } | CExpr::Contains { lhs, rhs } => {
                lhs.walk(f);
                rhs.walk(f);
            }
            CExpr::Quant { list, body, .. } => {
                list.walk(f);
                body.walk(f);
            }
        }
    }

    /// Whether the expression reads `today` (the check date).
    pub fn reads_today(&self) -> bool {
        let mut found = false;
        self.walk(&mut |e| found |= matches!(e, CExpr::Today));
        found
    }

    /// The index of every parameter the expression reads.
    pub fn params(&self, out: &mut Vec<usize>) {
        self.walk(&mut |e| {
            if let CExpr::Param { index, .. } = e {
                out.push(*index);
            }
        });
    }

    /// Every fact path the expression reads, for "which fact was missing".
    pub fn facts(&self, out: &mut Vec<String>) {
        self.walk(&mut |e| {
            if let CExpr::Fact {
                root: Root::Subject,
                text,
                ..
            } = e
            {
                out.push(text.to_string());
            }
        });
    }
}

/// A pattern is kept as its text in the compiled rules and compiled again
/// when they are read (the loader checked it when they were compiled).
mod pattern {
    use regex::Regex;
    use serde::{Deserialize as _, Deserializer, Serializer, de::Error as _};

    pub fn serialize<S: Serializer>(r: &Regex, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(r.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Regex, D::Error> {
        let text = String::deserialize(d)?;
        Regex::new(&text).map_err(D::Error::custom)
    }
}
