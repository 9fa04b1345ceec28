//! The engine: rules compiled once per run, evaluated on one subject at a
//! time under a resolved regime. A pure function of (rules, regime, facts):
//! no I/O, no clock (the date comes with the regime).

pub mod diff;
mod eval;
mod expr;
mod finding;
pub mod served;
pub mod timeline;

use crate::facts::as_of::{AsOf, Dated, SetAside};
use crate::facts::{Record, Subject, SubjectKind, Value, display};
use crate::i18n::{Lang, Text};
use crate::law::{Citation, Law, Origin, Resolution};
use std::sync::{Arc, OnceLock};
use time::Date;
use timeline::Timeline;

pub use eval::{Blame, Env, Outcome, Truth, Why, truth, value};
pub use expr::{CExpr, Part, Root, Template};
pub use finding::{Finding, Severity, Status, Waiver};

/// Which date judges a rule on a subject: the law does not reach back, so
/// what a subject must *contain* is judged by the law in force on its own
/// date (a certificate's notBefore); what must hold *now* (a permit held,
/// a record kept) by the law on the check date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JudgedAt {
    /// The subject's own date ([`SubjectKind::own_date_fact`]); the check
    /// date for kinds without one, or when the subject does not state it.
    OwnDate,
    /// The date of the check (`--at`, default today).
    CheckDate,
}

impl JudgedAt {
    pub const ALL: [JudgedAt; 2] = [JudgedAt::OwnDate, JudgedAt::CheckDate];

    /// The word used in rule files (`judged-at own-date`).
    pub fn word(self) -> &'static str {
        match self {
            JudgedAt::OwnDate => "own-date",
            JudgedAt::CheckDate => "check-date",
        }
    }

    pub fn from_word(w: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|j| j.word() == w)
    }

    /// Without `judged-at`: certificates and rule statements are judged at
    /// their own date, CA profiles (what a CA holds now) at the check date.
    pub fn default_for(kind: SubjectKind) -> Self {
        match kind {
            SubjectKind::Certificate | SubjectKind::RuleStatement | SubjectKind::Crl | SubjectKind::Ocsp => {
                JudgedAt::OwnDate
            }
            SubjectKind::CaProfile | SubjectKind::Csr => JudgedAt::CheckDate,
        }
    }
}

/// A rule, checked and compiled.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Rule {
    pub id: String,
    /// The title as written, `{parameter}` placeholders and all: shown
    /// through [`RuleSet::title`], which fills them in.
    pub title: Text,
    /// At most [`timeline::MAX_CITATIONS`] (the loader checks it).
    pub title_zh: Template,
    pub title_en: Template,
    pub cites: Vec<Citation>,
    pub applies_to: SubjectKind,
    pub severity: Severity,
    pub judged_at: JudgedAt,
    /// The reaches the rule is within (indices into [`RuleSet::reaches`]).
    pub within: Vec<usize>,
    pub when: Option<CExpr>,
    /// What must hold. At least one of `require`, `attest` and `undetermined` is set.
    pub require: Option<CExpr>,
    /// Evidence a person can name instead (a duty only a person can judge).
    /// With `require` too, the rule passes when the condition holds or the
    /// evidence is named, and otherwise needs evidence: it never fails.
    pub attest: Option<Text>,
    /// Instead of `require`/`attest`: the rule cannot be decided (the law it
    /// cites is not encoded); while in force it is undetermined with this
    /// text (Chinese, English), which blocks.
    pub undetermined: Option<(Template, Template)>,
    pub message_zh: Template,
    pub message_en: Template,
    pub note: Text,
    /// The `when` and `require` conditions as written (canonical form), for `explain`.
    pub when_text: Option<String>,
    pub require_text: Option<String>,
    pub origin: Origin,
}

/// Where a group of rules reaches (`reach NAME { … }`): the rules `within`
/// it apply to a subject only when its condition holds, and are otherwise
/// not applicable with its `outside` text as the reason. Unknown is not
/// outside: the rules then apply (fail closed).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Reach {
    pub name: String,
    pub title: Text,
    pub applies_to: SubjectKind,
    pub when: CExpr,
    /// The condition as written (canonical form), for `explain`.
    pub when_text: String,
    pub outside_zh: Template,
    pub outside_en: Template,
    pub note: Text,
    pub origin: Origin,
}

impl Rule {
    /// Every expression of the rule: its conditions, and the values in its
    /// title and messages.
    fn exprs(&self) -> impl Iterator<Item = &CExpr> {
        let undetermined = self.undetermined.iter().flat_map(|(zh, en)| [zh, en]);
        let templates = [&self.title_zh, &self.title_en, &self.message_zh, &self.message_en]
            .into_iter()
            .chain(undetermined)
            .flat_map(|t| &t.parts)
            .filter_map(|p| match p {
                Part::Value(e) => Some(e),
                _ => None,
            });
        self.when.iter().chain(&self.require).chain(templates)
    }

    /// The indices of the parameters the rule reads (conditions, title and messages), sorted, once each.
    pub fn params(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for e in self.exprs() {
            e.params(&mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether the rule reads `today`, in a condition, its title or a message.
    pub fn reads_today(&self) -> bool {
        self.exprs().any(CExpr::reads_today)
    }

    /// What statutory coverage needs to know of the rule.
    pub fn coverage_ref(&self) -> crate::law::coverage::RuleRef<'_> {
        crate::law::coverage::RuleRef {
            id: &self.id,
            cites: &self.cites,
            undetermined_only: self.undetermined.is_some(),
        }
    }

    /// The citations as written in rule files: `ESL 21(1), MEASURES-2015 5(3)`.
    pub fn citations_text(&self) -> String {
        self.cites
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The registry of rules and the law they cite, ready to evaluate.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct RuleSet {
    pub law: Law,
    /// Sorted by id.
    pub rules: Vec<Rule>,
    /// In the order written; rules refer to them by index.
    pub reaches: Vec<Reach>,
}

impl RuleSet {
    pub fn rule(&self, id: &str) -> Option<(usize, &Rule)> {
        self.rules
            .binary_search_by(|r| r.id.as_str().cmp(id))
            .ok()
            .and_then(|i| self.rules.get(i).map(|r| (i, r)))
    }

    /// A rule's title with its `{parameter}` placeholders filled with the
    /// values in force under `res`; a parameter with no value there stays
    /// `{name}`.
    pub fn title(&self, rule: &Rule, res: &Resolution) -> Text {
        let fill = |t: &Template, lang: Lang| -> String {
            t.parts
                .iter()
                .map(|p| match p {
                    Part::Text(s) => s.clone(),
                    Part::Value(CExpr::Param { index, name }) => self
                        .law
                        .parameter_value(*index, res)
                        .map_or_else(|| format!("{{{name}}}"), |v| display(v, lang)),
                    // INVARIANT: the loader lets a title show parameters only.
                    Part::Value(_) | Part::Citation(_) | Part::Date => "{…}".to_string(),
                })
                .collect()
        };
        let with = |t: &Template, lang: Lang, written: &Option<String>| written.as_ref().map(|_| fill(t, lang));
        Text::new(
            with(&rule.title_zh, Lang::Zh, &rule.title.zh),
            with(&rule.title_en, Lang::En, &rule.title.en),
        )
    }

    /// Every rule's title under `res` (see [`RuleSet::title`]), in rule order.
    pub fn titles(&self, res: &Resolution) -> Vec<Text> {
        self.rules.iter().map(|r| self.title(r, res)).collect()
    }
}

/// Rules resolved under one regime: the law's timeline (which citations
/// hold and which parameter values apply, interval by interval) and the
/// check date. Build once per run, then [`check`](Self::check) every
/// subject: each rule is judged at its date ([`JudgedAt`]).
pub struct Evaluator<'a> {
    pub rules: &'a RuleSet,
    /// The regime and the check date.
    pub resolution: Resolution,
    /// Shared by the evaluators of one regime: it does not depend on the date.
    timeline: Arc<Timeline>,
    /// The snapshot of the check date.
    now: usize,
    today: Value,
    kinds: &'static Kinds,
}

/// What the fact schemas fix for every evaluator, per subject kind (in
/// [`SubjectKind::ALL`] order); worked out once per process.
struct Kinds {
    /// The own date's positions.
    own_dates: [Option<Vec<usize>>; SubjectKind::ALL.len()],
    /// The positions of the fact that the subject's signature verifies.
    seals: [Option<Vec<usize>>; SubjectKind::ALL.len()],
    /// Its dated facts (set aside when later than the judging date).
    dated: [Dated; SubjectKind::ALL.len()],
}

fn kinds() -> &'static Kinds {
    static KINDS: OnceLock<Kinds> = OnceLock::new();
    KINDS.get_or_init(|| Kinds {
        own_dates: SubjectKind::ALL.map(SubjectKind::own_date_positions),
        seals: SubjectKind::ALL.map(SubjectKind::seal_positions),
        dated: SubjectKind::ALL.map(|k| Dated::of(k.schema())),
    })
}

impl<'a> Evaluator<'a> {
    pub fn new(rules: &'a RuleSet, resolution: Resolution) -> Self {
        let timeline = Arc::new(Timeline::new(&rules.law, &rules.rules, &resolution));
        Self::on(rules, resolution, &timeline)
    }

    /// An evaluator on the `timeline` of an earlier one of these rules when
    /// it is of the same regime (a server answering many requests works the
    /// law's history out once per regime), or on a timeline of its own.
    pub fn on(rules: &'a RuleSet, resolution: Resolution, timeline: &Arc<Timeline>) -> Self {
        let timeline = if timeline.is_for(&resolution) {
            timeline.clone()
        } else {
            Arc::new(Timeline::new(&rules.law, &rules.rules, &resolution))
        };
        let now = timeline.index(resolution.date);
        let today = Value::Date(crate::dates::midnight(resolution.date));
        Self {
            rules,
            timeline,
            now,
            today,
            kinds: kinds(),
            resolution,
        }
    }

    /// Is the rule in force on the check date?
    pub fn in_force(&self, rule: usize) -> bool {
        self.timeline.get(self.now).in_force(rule)
    }

    /// Is the rule in force on `date` (under the same regime)?
    pub fn in_force_on(&self, rule: usize, date: Date) -> bool {
        self.timeline.at(date).in_force(rule)
    }

    /// The value of a parameter on the check date.
    pub fn parameter(&self, index: usize) -> Option<&Value> {
        self.timeline.get(self.now).params.get(index).and_then(Option::as_ref)
    }

    /// The law's history under this regime.
    pub fn timeline(&self) -> &Arc<Timeline> {
        &self.timeline
    }

    /// The subject's own date, where its kind has one and it states it,
    /// and its issuer's signature does not prove that it is not the issuer's
    /// (see [`SubjectKind::seal_fact`]).
    pub fn own_date(&self, subject: &Subject) -> Option<Date> {
        let k = SubjectKind::ALL.iter().position(|k| *k == subject.kind)?;
        let positions = self.kinds.own_dates.get(k)?.as_ref()?;
        if self.seal_broken(subject) {
            return None;
        }
        subject.date_at(positions)
    }

    /// The subject's signature is known not to verify with its issuer's key.
    pub fn seal_broken(&self, subject: &Subject) -> bool {
        let k = SubjectKind::ALL.iter().position(|k| *k == subject.kind);
        k.and_then(|k| self.kinds.seals.get(k)?.as_ref())
            .is_some_and(|positions| subject.seal_broken(positions))
    }

    /// The date at which a rule judges a subject.
    pub fn judging_date(&self, rule: &Rule, subject: &Subject) -> Date {
        match rule.judged_at {
            JudgedAt::OwnDate => self.own_date(subject).unwrap_or(self.resolution.date),
            JudgedAt::CheckDate => self.resolution.date,
        }
    }

    /// The subject's dated facts as they stood on `date` (see [`as_of`](crate::facts::as_of)).
    pub fn as_of<'s>(&self, subject: &'s Subject, date: Date) -> AsOf<'s> {
        let k = SubjectKind::ALL.iter().position(|k| *k == subject.kind).unwrap_or(0);
        match self.kinds.dated.get(k) {
            Some(d) if !d.is_empty() => d.as_of(&subject.facts, date),
            _ => AsOf {
                facts: std::borrow::Cow::Borrowed(&subject.facts),
                set_aside: Vec::new(),
            },
        }
    }

    /// Every rule for the subject's kind, in rule-id order: one finding each.
    pub fn check(&self, subject: &Subject) -> Vec<Finding> {
        let now = self.resolution.date;
        let own = self.own_date(subject).unwrap_or(now);
        let own_at = Judging {
            date: own,
            snapshot: self.timeline.index(own),
        };
        let now_at = Judging {
            date: now,
            snapshot: self.now,
        };
        // The facts as of each judging date; one view when the dates agree.
        let own_view = self.as_of(subject, own);
        let now_view = (own != now).then(|| self.as_of(subject, now));
        self.rules
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.applies_to == subject.kind)
            .map(|(i, r)| {
                let (at, view) = match (r.judged_at, &now_view) {
                    (JudgedAt::CheckDate, Some(v)) => (now_at, v),
                    (JudgedAt::CheckDate, None) => (now_at, &own_view),
                    (JudgedAt::OwnDate, _) => (own_at, &own_view),
                };
                self.judge(i, r, subject, at, view)
            })
            .collect()
    }

    /// One rule on one subject, at the rule's judging date.
    pub fn check_rule(&self, index: usize, rule: &Rule, subject: &Subject) -> Finding {
        let date = self.judging_date(rule, subject);
        let at = Judging {
            date,
            snapshot: self.timeline.index(date),
        };
        self.judge(index, rule, subject, at, &self.as_of(subject, date))
    }

    fn judge(&self, index: usize, rule: &Rule, subject: &Subject, at: Judging, view: &AsOf) -> Finding {
        let finding = self.decide(index, rule, subject, at, &view.facts);
        if view.set_aside.is_empty() || !finding.status.is_adverse() {
            return finding;
        }
        explain_set_aside(finding, rule, &view.set_aside, at.date)
    }

    fn decide(&self, index: usize, rule: &Rule, subject: &Subject, at: Judging, facts: &Record) -> Finding {
        let snapshot = self.timeline.get(at.snapshot);
        let cites = snapshot.cites(index);
        let finding = |status, message: Text, blame: Option<&Blame>| Finding {
            rule: index,
            status,
            message,
            fact: blame.map(|b| b.fact).filter(|f| !f.is_empty()).map(str::to_string),
            span: blame.and_then(|b| b.span),
            waiver: None,
            judged_at: at.date,
            cites,
        };
        if cites == 0 {
            return finding(Status::NotInForce, Text::default(), None);
        }
        let env = Env {
            facts,
            params: &snapshot.params,
            today: &self.today,
        };
        let cited = Cited {
            law: &self.rules.law,
            cites: &rule.cites,
            mask: cites,
            date: at.date,
        };
        for reach in rule.within.iter().filter_map(|&i| self.rules.reaches.get(i)) {
            if truth(&reach.when, &env).truth == Truth::False {
                let why = Text::both(
                    render(&reach.outside_zh, &env, Lang::Zh, &cited),
                    render(&reach.outside_en, &env, Lang::En, &cited),
                );
                if self.seal_broken(subject) {
                    return finding(Status::Undetermined, unsealed(why), None);
                }
                return finding(Status::NotApplicable, why, None);
            }
        }
        if let Some(guard) = &rule.when {
            let o = truth(guard, &env);
            match o.truth {
                Truth::True => {}
                Truth::False => return finding(Status::NotApplicable, Text::default(), None),
                Truth::Unknown => {
                    return finding(Status::Undetermined, undetermined(o.blame.as_ref()), o.blame.as_ref());
                }
            }
        }
        if let Some((zh, en)) = &rule.undetermined {
            let why = Text::both(render(zh, &env, Lang::Zh, &cited), render(en, &env, Lang::En, &cited));
            return finding(Status::Undetermined, why, None);
        }
        let attested = || subject.attestations.iter().find(|a| a.rule == rule.id);
        let outcome = rule.require.as_ref().map(|cond| truth(cond, &env));
        match (outcome, &rule.attest) {
            (Some(o), _) if o.truth == Truth::True => finding(Status::Pass, Text::default(), None),
            (_, Some(what)) => match attested() {
                Some(a) => Finding {
                    span: a.span,
                    ..finding(
                        Status::Pass,
                        Text::both(format!("证据：{}", a.evidence), format!("evidence: {}", a.evidence)),
                        None,
                    )
                },
                None => finding(Status::NeedsEvidence, what.clone(), None),
            },
            (Some(o), None) if o.truth == Truth::False => {
                let message = Text::both(
                    render(&rule.message_zh, &env, Lang::Zh, &cited),
                    render(&rule.message_en, &env, Lang::En, &cited),
                );
                finding(Status::Fail, message, o.blame.as_ref())
            }
            (Some(o), None) => finding(Status::Undetermined, undetermined(o.blame.as_ref()), o.blame.as_ref()),
            // INVARIANT: the loader gives every rule `require`, `attest` or `undetermined`.
            (None, None) => finding(Status::Undetermined, undetermined(None), None),
        }
    }
}

/// An adverse finding that rests on facts set aside as later than its date
/// says so: "the permit was issued on 2017-05-01, after 2008-06-01".
fn explain_set_aside(mut finding: Finding, rule: &Rule, set_aside: &[SetAside], date: Date) -> Finding {
    let mut read = Vec::new();
    for e in rule.when.iter().chain(&rule.require) {
        e.facts(&mut read);
    }
    let reasons: Vec<Text> = set_aside
        .iter()
        .filter(|s| read.iter().any(|r| s.concerns(r)))
        .map(|s| s.explain(date))
        .collect();
    if reasons.is_empty() {
        return finding;
    }
    let join = |lang: Lang, sep: &str| {
        let mut parts: Vec<&str> = finding.message.get(lang).into_iter().collect();
        parts.extend(reasons.iter().filter_map(|r| r.get(lang)));
        parts.join(sep)
    };
    finding.message = Text::both(join(Lang::Zh, "；"), join(Lang::En, "; "));
    finding
}

/// The date a rule is judged at and the position of its snapshot.
#[derive(Debug, Clone, Copy)]
struct Judging {
    date: Date,
    snapshot: usize,
}

/// Why a subject whose signature does not verify is not placed outside a
/// reach by what it says of itself.
fn unsealed(outside: Text) -> Text {
    Text::both(
        format!(
            "{}；但其签名用颁发者的公钥验证失败，所载内容不是颁发者的陈述，不能据此认定其不在调整范围内",
            outside.get_or(Lang::Zh, "")
        ),
        format!(
            "{}; but its signature does not verify with its issuer's public key, so what it states is not its issuer's and cannot place it outside this reach",
            outside.get_or(Lang::En, "")
        ),
    )
}

/// Why a rule could not be decided, in both languages.
fn undetermined(blame: Option<&Blame>) -> Text {
    let Some(b) = blame else {
        return Text::both("无法判定", "could not be determined");
    };
    match &b.why {
        Why::Absent | Why::Value => Text::both(
            format!("未载明 `{}`，无法判定", b.fact),
            format!("`{}` is not stated, so this could not be checked", b.fact),
        ),
        Why::Unknown(why) => Text::both(
            format!("无法确定 `{}`：{}", b.fact, why.get_or(Lang::Zh, "")),
            format!("`{}` could not be determined: {}", b.fact, why.get_or(Lang::En, "")),
        ),
        Why::NoParameterValue => Text::both(
            format!("参数 `{}` 在所选法律状态下没有适用的值", b.fact),
            format!("no value of `{}` applies under the chosen regime", b.fact),
        ),
    }
}

/// The reason an undetermined finding gives, without the fact it names
/// (`no certificate whose key verifies the signature is among …`): what
/// findings of several rules, and subjects, share. Beside [`undetermined`],
/// which words it; `None` for other findings.
pub fn undetermined_reason(f: &Finding, lang: Lang) -> Option<&str> {
    if f.status != Status::Undetermined {
        return None;
    }
    let fact = f.fact.as_deref()?;
    let text = match lang {
        Lang::Zh => f.message.zh.as_deref()?,
        Lang::En => f.message.en.as_deref()?,
    };
    match lang {
        Lang::Zh => text.strip_prefix(&format!("无法确定 `{fact}`：")),
        Lang::En => text.strip_prefix(&format!("`{fact}` could not be determined: ")),
    }
    .filter(|r| !r.is_empty())
}

/// What a message's `{citation}` and `{date}` stand for: the rule's
/// citations that hold on the judging date, and that date.
pub struct Cited<'a> {
    pub law: &'a Law,
    pub cites: &'a [Citation],
    /// Which of `cites` hold, one bit each (see [`Finding::cites`]).
    pub mask: u32,
    pub date: Date,
}

impl Cited<'_> {
    /// The citations that hold, of one instrument or of all.
    fn holding<'c>(&'c self, instrument: Option<&'c str>) -> impl Iterator<Item = &'c Citation> + 'c {
        self.cites
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < timeline::MAX_CITATIONS && self.mask & (1 << i) != 0)
            .map(|(_, c)| c)
            .filter(move |c| instrument.is_none_or(|id| c.instrument == id))
    }
}

/// A message with its placeholders filled: facts and parameters from the
/// subject and the snapshot, `{citation}` and `{date}` from `cited`.
pub fn render(t: &Template, env: &Env, lang: Lang, cited: &Cited) -> String {
    let mut out = String::new();
    for p in &t.parts {
        match p {
            Part::Text(s) => out.push_str(s),
            Part::Value(e) => out.push_str(&display(&value(e, env), lang)),
            Part::Citation(inst) => out.push_str(&cited.law.cites_in_words(cited.holding(inst.as_deref()), lang)),
            Part::Date => out.push_str(&cited.date.to_string()),
        }
    }
    out
}
