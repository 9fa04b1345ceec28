//! The syntax tree of a rule file, faithful to the source: entries keep their
//! order, comments and spans, so `certlex fmt` can print a file back without
//! losing anything a lawyer wrote. Equality ignores spans (see [`Spanned`]).
//!
//! Every block has the same shape, `KIND HEAD { ENTRY* }`, and every entry is a
//! field (`KEY VALUE`) or a nested block; [`super::keys`] says which keys and
//! blocks may appear where.

use crate::source::{Loc, Span, Spanned};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct File {
    pub items: Vec<Entry>,
    /// Comments after the last item.
    pub end_comments: Vec<Trivia>,
}

/// A line between entries that `fmt` keeps: a comment or an empty line.
/// Runs of empty lines count as one; an empty line where the layout puts one
/// anyway (before the first entry of a block, between top-level blocks, before
/// a closing brace) is not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trivia {
    /// The text after `#`.
    Comment(String),
    Blank,
}

/// A field or a block, with the comments and empty lines written above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub before: Vec<Trivia>,
    pub body: EntryBody,
    /// A comment on the same line, after the entry.
    pub trailing: Option<String>,
    pub span: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EntryBody {
    Field(Field),
    Block(Block),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Instrument,
    Chapter,
    Article,
    Version,
    Para,
    Item,
    Parameter,
    Rule,
    Regime,
    /// A section of a standard: `section "4.1.2.2" { title.en "Serial Number" }`.
    Section,
    /// Where a group of rules reaches: `reach esl-certificates { … }`.
    Reach,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: Spanned<BlockKind>,
    pub head: Head,
    pub entries: Vec<Entry>,
    /// Comments after the last entry, before the closing brace.
    pub end_comments: Vec<Trivia>,
    pub span: Loc,
}

/// What follows a block's keyword.
#[derive(Debug, Clone, PartialEq)]
pub enum Head {
    /// `instrument ESL`, `rule ESL-21-1`, `parameter min-staff`, `regime current`,
    /// `reach esl-certificates`
    Name(Spanned<String>),
    /// `chapter 3`, `para 2`, `item 1`
    Number(Spanned<u32>),
    /// `article ESL 21`
    Article {
        instrument: Spanned<String>,
        number: Spanned<u32>,
    },
    /// `version 2015-04-24`
    Date(Spanned<Date>),
    /// `section "4.1.2.2"` (a standard's section number, quoted)
    Section(Spanned<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: Spanned<&'static str>,
    pub value: FieldValue,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(Spanned<String>),
    Date(Spanned<Date>),
    Number(Spanned<i64>),
    /// A bare word: `error`, `certificate`, `draft`, `MEASURES-2015`.
    Word(Spanned<String>),
    /// `1-3` (a chapter's articles)
    Range(Spanned<(u32, u32)>),
    Citations(Vec<Spanned<Citation>>),
    Expr(Expr),
    /// A parameter's value: `value 30_000_000 cites MEASURES-2015 5(3)`.
    ParamValue {
        value: Spanned<Literal>,
        cites: Vec<Spanned<Citation>>,
    },
}

/// A calendar date, `YYYY-MM-DD`.
pub type Date = time::Date;

/// `ESL 21(1)`, `ESL 23 para 2`, `ESL 3 para 3(2)`, `MEASURES-DRAFT-2024 chapter 3`,
/// `MEASURES-2005` (the whole instrument), `RFC-5280 section 4.1.2.2` (a
/// standard's section), optionally limited in time:
/// `ESL 17(1) until 2015-04-24`.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    pub instrument: Spanned<String>,
    pub target: CiteTarget,
    pub from: Option<Spanned<Date>>,
    pub until: Option<Spanned<Date>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CiteTarget {
    /// The whole instrument: `MEASURES-2005` (one whose text is not encoded,
    /// or a standard).
    Instrument,
    /// The article is not known; only its chapter.
    Chapter(Spanned<u32>),
    Article {
        number: Spanned<u32>,
        para: Option<Spanned<u32>>,
        item: Option<Spanned<u32>>,
    },
    /// A section of a standard: `section 4.1.2.2`.
    Section(Spanned<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Int(i64),
    Str(String),
    Date(Date),
    Duration { amount: i64, unit: DurationUnit },
    Bool(bool),
}

impl Literal {
    pub fn type_name(&self) -> &'static str {
        match self {
            Literal::Int(_) => "number",
            Literal::Str(_) => "text",
            Literal::Date(_) => "date",
            Literal::Duration { .. } => "duration",
            Literal::Bool(_) => "true/false",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    Days,
    Weeks,
    Months,
    Years,
}

impl DurationUnit {
    /// `amount` of this unit as a calendar period: weeks are seven days,
    /// years twelve months (Civil Code arts. 200–204).
    pub fn period(self, amount: i64) -> crate::dates::Period {
        use crate::dates::Period;
        match self {
            Self::Days => Period::days(amount),
            Self::Weeks => Period::days(amount.saturating_mul(7)),
            Self::Months => Period::months(amount),
            Self::Years => Period::years(amount),
        }
    }

    pub fn word(self, amount: i64) -> &'static str {
        match (self, amount == 1) {
            (Self::Days, true) => "day",
            (Self::Days, false) => "days",
            (Self::Weeks, true) => "week",
            (Self::Weeks, false) => "weeks",
            (Self::Months, true) => "month",
            (Self::Months, false) => "months",
            (Self::Years, true) => "year",
            (Self::Years, false) => "years",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// How the author wrote it, for `fmt`; no part of its meaning.
    pub layout: Layout,
}

/// What `fmt` keeps of how a condition was written: parentheses the author
/// put (even where precedence needs none) and the line breaks the author
/// put before an operand of `and`/`or` or before a quantifier's body.
/// Equality of expressions ignores it, as it ignores spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Layout {
    pub parens: bool,
    pub line_break: bool,
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Eq => "==",
            Self::Ne => "!=",
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Lit(Literal),
    /// A dotted name: a fact path (`issuer.organization`), a bound variable
    /// (`x`, `x.oid`), a parameter (`min-registered-capital-rmb`) or `today`.
    /// Which one is decided when the rule is checked against the schema.
    Name(Vec<Spanned<String>>),
    List(Vec<Expr>),
    /// `count(list)` or `count(x in list: condition)`
    Count {
        var: Option<Spanned<String>>,
        list: Box<Expr>,
        cond: Option<Box<Expr>>,
    },
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Cmp {
        op: CmpOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `x is present` (`present: true`) or `x is absent`
    Presence {
        expr: Box<Expr>,
        present: bool,
    },
    /// `x in [...]` or `x not in [...]`
    In {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
        negated: bool,
    },
    Contains {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Matches {
        lhs: Box<Expr>,
        pattern: Spanned<String>,
    },
    /// `every x in list: body` / `some x in list: body`
    Quant {
        every: bool,
        var: Spanned<String>,
        list: Box<Expr>,
        body: Box<Expr>,
    },
}

impl Block {
    /// The fields of this block with the given key, in order.
    pub fn fields<'a, 'k>(&'a self, key: &'k str) -> impl Iterator<Item = &'a Field> + use<'a, 'k> {
        self.entries.iter().filter_map(move |e| match &e.body {
            EntryBody::Field(f) if *f.key == key => Some(f),
            _ => None,
        })
    }

    pub fn field<'a>(&'a self, key: &str) -> Option<&'a Field> {
        self.fields(key).next()
    }

    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.entries.iter().filter_map(|e| match &e.body {
            EntryBody::Block(b) => Some(b),
            EntryBody::Field(_) => None,
        })
    }

    /// The head's name, for blocks headed by a name.
    pub fn name(&self) -> Option<&Spanned<String>> {
        match &self.head {
            Head::Name(n) => Some(n),
            _ => None,
        }
    }
}

impl File {
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.items.iter().filter_map(|e| match &e.body {
            EntryBody::Block(b) => Some(b),
            EntryBody::Field(_) => None,
        })
    }
}
