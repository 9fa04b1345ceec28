//! Type-checking a rule's conditions against the fact schema of its subject
//! kind, and compiling them: names become field positions or parameter
//! indices, patterns are compiled once. Every problem is a diagnostic with a
//! span and, for names, a "did you mean".

use std::sync::Arc;

use regex::RegexBuilder;

use crate::diag::{Diag, suggestion};
use crate::engine::{CExpr, Root};
use crate::facts::{Field, SubjectKind, Ty, Value, lookup};
use crate::lang::ast::{CmpOp, Expr, ExprKind, Literal};
use crate::law::Law;
use crate::source::{SourceFile, Span, Spanned};

static BOOL: Ty = Ty::Bool;
static INT: Ty = Ty::Int;
static STR: Ty = Ty::Str;
static DATE: Ty = Ty::Date;
static DURATION: Ty = Ty::Duration;

fn static_ty(t: &Ty) -> Option<&'static Ty> {
    Some(match t {
        Ty::Bool => &BOOL,
        Ty::Int => &INT,
        Ty::Str => &STR,
        Ty::Date => &DATE,
        Ty::Duration => &DURATION,
        Ty::List(_) | Ty::Record(_) => return None,
    })
}

pub struct Checker<'a> {
    pub kind: SubjectKind,
    pub schema: &'static [Field],
    pub law: &'a Law,
    pub file: &'a Arc<SourceFile>,
    pub diags: &'a mut Vec<Diag>,
    /// Variables bound by enclosing `every`/`some`/`count`, innermost last.
    vars: Vec<(String, Ty)>,
    /// Each use of a parameter in the checked conditions and texts, where it is written.
    pub param_uses: Vec<(usize, Span)>,
    /// The largest compiled pattern a rule may use (`Limits::max_regex_bytes`).
    regex_limit: usize,
}

impl<'a> Checker<'a> {
    pub fn new(
        kind: SubjectKind,
        law: &'a Law,
        file: &'a Arc<SourceFile>,
        diags: &'a mut Vec<Diag>,
        regex_limit: usize,
    ) -> Self {
        Self {
            regex_limit,
            kind,
            schema: kind.schema(),
            law,
            file,
            diags,
            vars: Vec::new(),
            param_uses: Vec::new(),
        }
    }

    fn error(&mut self, code: &'static str, message: String, span: Span, label: &str, help: Option<String>) {
        self.diags.push(
            Diag::error(code, message)
                .in_file(self.file)
                .label(span, label)
                .help_opt(help),
        );
    }

    /// A condition: an expression that is true or false.
    pub fn condition(&mut self, e: &Expr) -> Option<CExpr> {
        let (c, t) = self.expr(e)?;
        self.expect_bool(e, &t)?;
        Some(c)
    }

    fn expect_bool(&mut self, e: &Expr, t: &Ty) -> Option<()> {
        if matches!(t, Ty::Bool) {
            return Some(());
        }
        let help = match t {
            Ty::Record(_) | Ty::List(_) => Some("test it with `is present`, or compare one of its parts".to_string()),
            _ => Some("compare it with something, as in `x >= 5` or `x == \"CN\"`".to_string()),
        };
        self.error(
            "certlex::rules::not-a-condition",
            format!("this is {}, not a condition", t.a()),
            e.span,
            "not true or false",
            help,
        );
        None
    }

    pub fn expr(&mut self, e: &Expr) -> Option<(CExpr, Ty)> {
        match &e.kind {
            ExprKind::Lit(l) => Some(literal(l)),
            ExprKind::Name(segments) => self.name(segments, e.span),
            ExprKind::List(items) => {
                let mut out = Vec::new();
                let mut ty: Option<&'static Ty> = None;
                for item in items {
                    let (c, t) = self.expr(item)?;
                    let Some(st) = static_ty(&t) else {
                        self.error(
                            "certlex::rules::list-element",
                            "a list holds plain values".into(),
                            item.span,
                            "not a plain value",
                            None,
                        );
                        return None;
                    };
                    if let Some(first) = ty
                        && !first.same(st)
                    {
                        self.error(
                            "certlex::rules::mixed-list",
                            format!("a list mixes {} with {}", first.a(), st.a()),
                            item.span,
                            "different kind",
                            Some("put values of one kind in a list".into()),
                        );
                        return None;
                    }
                    ty = Some(st);
                    out.push(c);
                }
                Some((CExpr::List(out), Ty::List(ty.unwrap_or(&STR))))
            }
            ExprKind::Count { var, list, cond } => {
                let (l, elem) = self.fact_list(list)?;
                let cond = match (var, cond) {
                    (Some(v), Some(c)) => {
                        self.vars.push((v.node.clone(), *elem));
                        let c = self.condition(c);
                        self.vars.pop();
                        Some(Box::new(c?))
                    }
                    _ => None,
                };
                Some((
                    CExpr::Count {
                        list: Box::new(l),
                        cond,
                    },
                    Ty::Int,
                ))
            }
            ExprKind::Not(inner) => Some((CExpr::Not(Box::new(self.condition(inner)?)), Ty::Bool)),
            ExprKind::And(parts) | ExprKind::Or(parts) => {
                let compiled: Vec<Option<CExpr>> = parts.iter().map(|p| self.condition(p)).collect();
                let compiled: Option<Vec<CExpr>> = compiled.into_iter().collect();
                let compiled = compiled?;
                let c = if matches!(e.kind, ExprKind::And(_)) {
                    CExpr::And(compiled)
                } else {
                    CExpr::Or(compiled)
                };
                Some((c, Ty::Bool))
            }
            ExprKind::Cmp { op, lhs, rhs } => {
                let (l, lt) = self.expr(lhs)?;
                let (r, rt) = self.expr(rhs)?;
                self.comparable(*op, lhs, &lt, rhs, &rt)?;
                Some((
                    CExpr::Cmp {
                        op: *op,
                        lhs: Box::new(l),
                        rhs: Box::new(r),
                    },
                    Ty::Bool,
                ))
            }
            ExprKind::Presence { expr, present } => {
                if !matches!(expr.kind, ExprKind::Name(_)) {
                    self.error(
                        "certlex::rules::presence-of-value",
                        "only a fact can be present or absent".into(),
                        expr.span,
                        "not a fact",
                        Some("write the name of a fact, as in `issuer.organization is present`".into()),
                    );
                    return None;
                }
                let (c, _) = self.expr(expr)?;
                Some((
                    CExpr::Present {
                        expr: Box::new(c),
                        want: *present,
                    },
                    Ty::Bool,
                ))
            }
            ExprKind::In { lhs, rhs, negated } => {
                let (l, lt) = self.expr(lhs)?;
                let (r, rt) = self.expr(rhs)?;
                match rt {
                    Ty::List(elem) if elem.same(&lt) => {}
                    _ => {
                        self.error(
                            "certlex::rules::type-mismatch",
                            format!(
                                "`in` needs a list of values like {} on its right, found {}",
                                lt.a(),
                                rt.a()
                            ),
                            rhs.span,
                            "not a matching list",
                            Some("write a list such as `[\"CN\", \"HK\"]`".into()),
                        );
                        return None;
                    }
                }
                Some((
                    CExpr::In {
                        lhs: Box::new(l),
                        rhs: Box::new(r),
                        negated: *negated,
                    },
                    Ty::Bool,
                ))
            }
            ExprKind::Contains { lhs, rhs } => {
                let (l, lt) = self.expr(lhs)?;
                let (r, rt) = self.expr(rhs)?;
                let ok = match lt {
                    Ty::List(elem) => elem.same(&rt),
                    Ty::Str => matches!(rt, Ty::Str),
                    _ => false,
                };
                if !ok {
                    self.error(
                        "certlex::rules::type-mismatch",
                        format!("{} cannot contain {}", lt.a(), rt.a()),
                        e.span,
                        "mismatched kinds",
                        Some("`contains` looks for a value in a list, or for text in text".into()),
                    );
                    return None;
                }
                Some((
                    CExpr::Contains {
                        lhs: Box::new(l),
                        rhs: Box::new(r),
                    },
                    Ty::Bool,
                ))
            }
            ExprKind::Matches { lhs, pattern } => {
                let (l, lt) = self.expr(lhs)?;
                if !matches!(lt, Ty::Str) {
                    self.error(
                        "certlex::rules::type-mismatch",
                        format!("only text can match a pattern, not {}", lt.a()),
                        lhs.span,
                        "not text",
                        None,
                    );
                    return None;
                }
                match RegexBuilder::new(pattern).size_limit(self.regex_limit).build() {
                    Ok(regex) => Some((
                        CExpr::Matches {
                            lhs: Box::new(l),
                            regex,
                        },
                        Ty::Bool,
                    )),
                    Err(regex::Error::CompiledTooBig(limit)) => {
                        self.error(
                            "certlex::rules::pattern-too-large",
                            format!("this pattern compiles to more than the limit of {limit} bytes"),
                            pattern.span,
                            "too large",
                            Some("simplify the pattern (large repetition counts such as `{1000}` multiply its size), or raise the limit with `--max-regex-size BYTES`".into()),
                        );
                        None
                    }
                    Err(err) => {
                        let detail = err.to_string().lines().last().unwrap_or("").trim().to_string();
                        self.error(
                            "certlex::rules::bad-pattern",
                            "this pattern is not a valid regular expression".into(),
                            pattern.span,
                            &detail,
                            Some("patterns follow the Rust `regex` syntax; escape `.`, `(` and `[` with `\\\\` to match them literally".into()),
                        );
                        None
                    }
                }
            }
            ExprKind::Quant { every, var, list, body } => {
                let (l, elem) = self.fact_list(list)?;
                self.vars.push((var.node.clone(), *elem));
                let b = self.condition(body);
                self.vars.pop();
                Some((
                    CExpr::Quant {
                        every: *every,
                        list: Box::new(l),
                        body: Box::new(b?),
                    },
                    Ty::Bool,
                ))
            }
        }
    }

    /// The list a quantifier or `count` ranges over: a fact that is a list.
    fn fact_list(&mut self, e: &Expr) -> Option<(CExpr, &'static Ty)> {
        let (c, t) = self.expr(e)?;
        match (&c, t) {
            (CExpr::Fact { .. }, Ty::List(elem)) => Some((c, elem)),
            (_, t) => {
                self.error(
                    "certlex::rules::not-a-list",
                    format!("this is {}, not a list of facts", t.a()),
                    e.span,
                    "not a list",
                    Some("`every`, `some` and `count` range over a list fact, such as `extensions`".into()),
                );
                None
            }
        }
    }

    fn comparable(&mut self, op: CmpOp, lhs: &Expr, lt: &Ty, rhs: &Expr, rt: &Ty) -> Option<()> {
        if !lt.same(rt) {
            self.diags.push(
                Diag::error(
                    "certlex::rules::type-mismatch",
                    format!("cannot compare {} with {}", lt.a(), rt.a()),
                )
                .in_file(self.file)
                .label(lhs.span, lt.a())
                .label(rhs.span, rt.a())
                .help(match (lt, rt) {
                    (Ty::Date, Ty::Int) | (Ty::Int, Ty::Date) => {
                        "write a date as YYYY-MM-DD, e.g. `2024-09-02`".to_string()
                    }
                    (Ty::Duration, Ty::Int) | (Ty::Int, Ty::Duration) => {
                        "give the unit: `5 years`, `90 days`".to_string()
                    }
                    _ => "compare values of the same kind".to_string(),
                }),
            );
            return None;
        }
        let ordered = matches!(lt, Ty::Int | Ty::Date | Ty::Duration);
        let plain = static_ty(lt).is_some() || matches!(lt, Ty::List(_));
        let ok = match op {
            CmpOp::Eq | CmpOp::Ne => plain,
            _ => ordered,
        };
        if !ok {
            self.error(
                "certlex::rules::not-ordered",
                format!("{} cannot be compared with `{}`", lt.a(), op.symbol()),
                lhs.span.to(rhs.span),
                "no order",
                Some(
                    "numbers, dates and durations can be ordered; text and true/false only compared with `==` and `!=`"
                        .into(),
                ),
            );
            return None;
        }
        Some(())
    }

    /// A fact path, a variable (and a path from it), a parameter, or `today`.
    pub(super) fn name(&mut self, segments: &[Spanned<String>], span: Span) -> Option<(CExpr, Ty)> {
        let (first, rest) = segments.split_first()?;
        let text: String = segments.iter().map(|s| s.node.as_str()).collect::<Vec<_>>().join(".");
        if rest.is_empty() && first.node == "today" {
            return Some((CExpr::Today, Ty::Date));
        }
        if let Some(k) = self.vars.iter().rposition(|(v, _)| *v == first.node) {
            let ty = self.vars.get(k).map(|(_, t)| *t)?;
            let (path, ty) = self.walk(ty, rest, first.node.clone())?;
            return Some((
                CExpr::Fact {
                    root: Root::Var(k),
                    path: path.into(),
                    text: text.into(),
                },
                ty,
            ));
        }
        if rest.is_empty()
            && let Some((index, p)) = self.law.parameter(&first.node)
        {
            self.param_uses.push((index, span));
            return Some((
                CExpr::Param {
                    index,
                    name: first.node.as_str().into(),
                },
                p.ty,
            ));
        }
        if rest.is_empty() && first.node.contains('-') {
            let names = self.law.parameters.iter().map(|p| p.name.as_str());
            self.error(
                "certlex::rules::unknown-parameter",
                format!("unknown parameter `{}`", first.node),
                span,
                "no parameter has this name",
                suggestion(&first.node, names).or_else(|| Some("parameters are defined in `parameter` blocks".into())),
            );
            return None;
        }
        let (path, ty) = self.walk(Ty::Record(self.schema), segments, String::new())?;
        Some((
            CExpr::Fact {
                root: Root::Subject,
                path: path.into(),
                text: text.into(),
            },
            ty,
        ))
    }

    /// Follow `segments` through records from `ty`.
    fn walk(&mut self, mut ty: Ty, segments: &[Spanned<String>], mut prefix: String) -> Option<(Vec<usize>, Ty)> {
        let mut path = Vec::new();
        for seg in segments {
            let here = if prefix.is_empty() {
                seg.node.clone()
            } else {
                format!("{prefix}.{}", seg.node)
            };
            let Ty::Record(fields) = ty else {
                let help = match ty {
                    Ty::List(_) => format!("`{prefix}` is a list: use `every x in {prefix}: x.{}`", seg.node),
                    _ => format!("`{prefix}` is {} and has no parts", ty.a()),
                };
                self.error(
                    "certlex::rules::no-parts",
                    format!("`{here}` does not exist"),
                    seg.span,
                    "no such part",
                    Some(help),
                );
                return None;
            };
            let Some((i, f)) = lookup(fields, &seg.node) else {
                self.unknown_fact(&here, seg.span, fields, &prefix);
                return None;
            };
            path.push(i);
            ty = f.ty;
            prefix = here;
        }
        Some((path, ty))
    }

    fn unknown_fact(&mut self, path: &str, span: Span, siblings: &'static [Field], prefix: &str) {
        let mut all = Vec::new();
        flatten(self.schema, "", &mut all);
        let local: Vec<String> = siblings
            .iter()
            .map(|f| {
                if prefix.is_empty() {
                    f.name.to_string()
                } else {
                    format!("{prefix}.{}", f.name)
                }
            })
            .collect();
        let help = suggestion(path, local.iter().map(String::as_str))
            .or_else(|| suggestion(path, all.iter().map(String::as_str)))
            .or_else(|| {
                let names: Vec<&str> = siblings.iter().map(|f| f.name).collect();
                Some(format!(
                    "{} has: {}",
                    if prefix.is_empty() { "a subject" } else { prefix },
                    names.join(", ")
                ))
            });
        let kinds = match self.kind {
            SubjectKind::Certificate => "certificates have",
            SubjectKind::CaProfile => "CA profiles have",
            SubjectKind::RuleStatement => "rule statements have",
            SubjectKind::Csr => "certification requests have",
            SubjectKind::Crl => "CRLs have",
            SubjectKind::Ocsp => "OCSP responses have",
        };
        self.error(
            "certlex::rules::unknown-fact",
            format!("{kinds} no fact `{path}`"),
            span,
            "unknown fact",
            help.map(|h| format!("{h} (the facts are listed in docs/facts/{}.md)", self.kind.word())),
        );
    }
}

fn literal(l: &Literal) -> (CExpr, Ty) {
    let (v, t) = match l {
        Literal::Int(n) => (Value::Int(*n), Ty::Int),
        Literal::Str(s) => (Value::str(s.as_str()), Ty::Str),
        Literal::Date(d) => (Value::Date(crate::dates::midnight(*d)), Ty::Date),
        Literal::Duration { amount, unit } => (Value::Period(unit.period(*amount)), Ty::Duration),
        Literal::Bool(b) => (Value::Bool(*b), Ty::Bool),
    };
    (CExpr::Const(v), t)
}

/// Every fact path of a schema (`issuer.organization`, `extensions[].oid`).
pub fn flatten(fields: &'static [Field], prefix: &str, out: &mut Vec<String>) {
    for f in fields {
        let path = if prefix.is_empty() {
            f.name.to_string()
        } else {
            format!("{prefix}.{}", f.name)
        };
        out.push(path.clone());
        if let Ty::Record(sub) = f.ty {
            flatten(sub, &path, out);
        }
    }
}

#[cfg(test)]
mod tests;
