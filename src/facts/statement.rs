//! Rule statement facts (电子认证业务规则, a CA's certification practice
//! statement): the schema, and the reader that builds them from Markdown or
//! numbered text. Facts point at the statement's lines; a missing section
//! points at where it should have been.

mod algorithms;
mod clauses;
mod front_matter;
mod outline;
pub mod periods;
mod sections;

use std::sync::Arc;

use super::schema::{Field, Ty};
use super::value::{RecordBuilder, Value};
use super::{Subject, SubjectKind};
use crate::diag::Diag;
use crate::facts::context::RunContext;
use crate::limits::Limits;
use crate::source::{SourceFile, Span};
use sections::{Format, Section};

const STRS: Ty = Ty::List(&Ty::Str);

/// The facts of one section.
macro_rules! section_fields {
    ($($extra:expr),* $(,)?) => {
        &[
            Field::new("number", Ty::Str, "the section number as written, e.g. `5.5.2`"),
            Field::new("title", Ty::Str, "the heading's title"),
            Field::new("characters", Ty::Int, "characters of real text in the section and its subsections (markup, whitespace and placeholders such as `No stipulation` or `无` do not count)"),
            Field::new("substantive", Ty::Bool, "the section or its subsections say something: at least 6 characters of real text"),
            $($extra),*
        ]
    };
}

static SECTION: &[Field] = section_fields!();

static RETENTION: &[Field] = section_fields!(
    Field::new(
        "periods",
        Ty::List(&Ty::Duration),
        "every period stated in the section (五年, 5 years, five years …)"
    ),
    Field::new(
        "period",
        Ty::Duration,
        "the shortest period stated: the one the statement commits to for every record"
    ),
);

static TERMINATION: &[Field] = section_fields!(
    Field::new(
        "notice_to_parties",
        Ty::Duration,
        "the notice to subscribers, relying parties and others (通知有关各方) before suspension or termination; the shortest stated"
    ),
    Field::new(
        "report_to_regulator",
        Ty::Duration,
        "the report to the regulator (向主管部门报告) before suspension or termination; the shortest stated"
    ),
);

static FRONT: &[Field] = &[
    Field::new("ca_name", Ty::Str, "name of the certification authority"),
    Field::new("version", Ty::Str, "document version"),
    Field::new("effective_date", Ty::Date, "date the statement takes effect"),
    Field::new(
        "filing_number",
        Ty::Str,
        "filing record number (备案号) with the regulator (ESL 19)",
    ),
    Field::new("language", Ty::Str, "declared language(s), e.g. `zh`, `en`, `zh, en`"),
    Field::new("url", Ty::Str, "where the statement is published"),
    Field::new(
        "ca_certificates",
        STRS,
        "SHA-256 fingerprints of the CA certificates that issue under this statement (64 hexadecimal digits each)",
    ),
];

static HEADING: &[Field] = &[
    Field::new("number", Ty::Str, "the section number, if any"),
    Field::new("title", Ty::Str, "the heading's title"),
    Field::new(
        "level",
        Ty::Int,
        "depth: 1 for `4`, 2 for `4.9`, 0 for an unnumbered heading",
    ),
];

static LIABILITY_TERMS: &[Field] = &[
    Field::new(
        "excludes_fault",
        Ty::Bool,
        "a clause of part 9 excludes the CA's liability for loss whatever its fault (在任何情况下均不承担责任; in no event liable for any damages), with no exception for its own fault and not limited to kinds of loss or to causes outside the CA",
    ),
    Field::new("excluding_clause", Ty::Str, "the first such clause, as written"),
    Field::new(
        "shifts_burden",
        Ty::Bool,
        "a clause of part 9 makes the signatory or relying party prove the CA's fault (举证证明本中心存在过错; must prove the CA was negligent)",
    ),
    Field::new("burden_clause", Ty::Str, "the first such clause, as written"),
];

static KEY_ESCROW: &[Field] = &[
    Field::new(
        "signing_keys",
        Ty::Bool,
        "a clause of section 4.12 or part 6 has the CA escrow, back up or archive subscribers' signing private keys (escrow of encryption keys does not count)",
    ),
    Field::new("clause", Ty::Str, "the first such clause, as written"),
];

static CERTIFICATE_PROFILE: &[Field] = &[
    Field::new(
        "stated",
        Ty::Bool,
        "the certificate profile (part 7's opening text and section 7.1, 证书格式) names at least one signature algorithm certlex knows (by name, e.g. `SM3withSM2`, or by OID)",
    ),
    Field::new(
        "signature_algorithms",
        STRS,
        "the signature algorithms section 7.1 names, e.g. `SM2 with SM3`, `sha256WithRSAEncryption`",
    ),
    Field::new(
        "ca_certificates",
        STRS,
        "the CA certificates (SHA-256) that issue under this statement: those its front matter lists, else the filed chains of the CA profile of the same run that states its filing number",
    ),
    Field::new(
        "certificates_of_its_ca",
        Ty::Bool,
        "certificates issued by one of those CA certificates are inputs of the same run (and the CA certificate is among the inputs or `--issuers`)",
    ),
    Field::new(
        "unlisted",
        STRS,
        "signature algorithms of those certificates that the certificate profile does not name, e.g. `sha1WithRSAEncryption`",
    ),
];

static PROFILE_MATCH: &[Field] = &[
    Field::new("ca", Ty::Str, "the CA whose profile states the filing number"),
    Field::new("version", Ty::Str, "the statement version that profile names"),
    Field::new("filed", Ty::Date, "the filing date that profile states"),
];

/// The facts of a rule statement.
/// The statement's own date, at which the law judges it (rules
/// `judged-at own-date`): the effective date its front matter states.
pub const OWN_DATE: &[&str] = &["front_matter", "effective_date"];

pub static SCHEMA: &[Field] = &[
    Field::new(
        "format",
        Ty::Str,
        "`markdown` or `text` (numbered headings, as converted from PDF or Word)",
    ),
    Field::new(
        "front_matter",
        Ty::Record(FRONT),
        "the YAML front matter (absent if there is none)",
    ),
    Field::new("languages", STRS, "languages the text is written in: `zh`, `en`"),
    Field::new("headings", Ty::List(&Ty::Record(HEADING)), "every heading, in order"),
    Field::new(
        "missing_top_level",
        STRS,
        "the parts of the RFC 3647 / MIIT outline (1 to 9) the statement lacks, e.g. `2 Publication and Repository Responsibilities（信息发布与信息管理）`",
    ),
    Field::new(
        "publication",
        Ty::Record(SECTION),
        "section 2, publication and repository (信息发布与信息管理)",
    ),
    Field::new(
        "identification",
        Ty::Record(SECTION),
        "section 3, identification and authentication (身份标识与鉴别)",
    ),
    Field::new(
        "identity_validation",
        Ty::Record(SECTION),
        "section 3.2, initial identity validation (初始身份确认)",
    ),
    Field::new(
        "lifecycle",
        Ty::Record(SECTION),
        "section 4, certificate life-cycle operational requirements (证书生命周期操作要求): the operating standards",
    ),
    Field::new(
        "revocation",
        Ty::Record(SECTION),
        "section 4.9, certificate revocation and suspension (证书撤销和挂起)",
    ),
    Field::new(
        "facility_controls",
        Ty::Record(SECTION),
        "section 5, facility, management and operational controls (认证机构设施、管理和操作控制)",
    ),
    Field::new(
        "archive_retention",
        Ty::Record(RETENTION),
        "section 5.5.2, retention period for archive (归档保存期限)",
    ),
    Field::new(
        "termination",
        Ty::Record(TERMINATION),
        "section 5.8, CA or RA termination (认证机构或注册机构终止)",
    ),
    Field::new(
        "technical_controls",
        Ty::Record(SECTION),
        "section 6, technical security controls (认证系统技术安全控制)",
    ),
    Field::new(
        "legal",
        Ty::Record(SECTION),
        "section 9, other business and legal matters (法律责任和其他业务条款)",
    ),
    Field::new(
        "warranties",
        Ty::Record(SECTION),
        "section 9.6, representations and warranties (陈述与担保)",
    ),
    Field::new(
        "disclaimers",
        Ty::Record(SECTION),
        "section 9.7, disclaimers of warranties (担保免责)",
    ),
    Field::new(
        "liability_limits",
        Ty::Record(SECTION),
        "section 9.8, limitations of liability (有限责任)",
    ),
    Field::new("indemnities", Ty::Record(SECTION), "section 9.9, indemnities (赔偿)"),
    Field::new(
        "liability_terms",
        Ty::Record(LIABILITY_TERMS),
        "what the liability clauses of part 9 say, read clause by clause (absent without a part 9)",
    ),
    Field::new(
        "certificate_profile",
        Ty::Record(CERTIFICATE_PROFILE),
        "what section 7.1 says of the certificates' signature algorithms, held against the certificates checked in the same run (ESL 31)",
    ),
    Field::new(
        "key_escrow",
        Ty::Record(KEY_ESCROW),
        "what sections 4.12 (key escrow and recovery) and part 6 (technical security controls) say of escrowing subscribers' private keys (absent without either)",
    ),
    Field::new(
        "profiles_in_run",
        Ty::Bool,
        "a CA profile checked in the same run states the filing number of its rule statement",
    ),
    Field::new(
        "profile",
        Ty::Record(PROFILE_MATCH),
        "the CA profile of the same run that states this statement's filing number (absent if none does); judged at an earlier date than `profile.filed`, not filed yet (absent)",
    )
    .exists_from("filed"),
];

/// Named sections: fact name, section number.
const NAMED: &[(&str, &str)] = &[
    ("publication", "2"),
    ("identification", "3"),
    ("identity_validation", "3.2"),
    ("lifecycle", "4"),
    ("revocation", "4.9"),
    ("facility_controls", "5"),
    ("archive_retention", "5.5.2"),
    ("termination", "5.8"),
    ("technical_controls", "6"),
    ("legal", "9"),
    ("warranties", "9.6"),
    ("disclaimers", "9.7"),
    ("liability_limits", "9.8"),
    ("indemnities", "9.9"),
];

/// Does the text look like a rule statement: front matter saying so, or at
/// least three parts of the RFC 3647 outline?
pub fn looks_like(text: &str) -> bool {
    if let Some((s, e, _)) = front_matter::split(text)
        && text.get(s..e).is_some_and(|y| y.contains("kind: rule-statement"))
    {
        return true;
    }
    let (_, secs) = sections::read(text, 0);
    let mut tops: Vec<&str> = secs
        .iter()
        .filter(|s| s.level() == 1)
        .filter_map(|s| s.number.as_deref())
        .collect();
    tops.sort_unstable();
    tops.dedup();
    tops.iter()
        .filter(|n| outline::TOP_LEVEL.iter().any(|k| k.number == **n))
        .count()
        >= 3
}

/// Read a rule statement; `ctx` tells which CA profiles of the run state
/// which filing numbers, so the statement is matched with its CA.
pub fn read(file: &Arc<SourceFile>, ctx: &RunContext, limits: &Limits) -> Result<Subject, Diag> {
    let text: &str = &file.text;
    let mut r = RecordBuilder::new(SCHEMA);
    // The CA certificates the front matter lists, and the CA whose profile
    // states the statement's filing number: who the statement governs.
    let mut listed: Option<Vec<String>> = None;
    let mut profile_ca: Option<String> = None;
    let body_start = match front_matter::split(text) {
        Some((s, e, after)) => {
            let fm = front_matter::parse(file, s, e, limits)?;
            if let Some(k) = fm.kind.as_ref().filter(|k| k.value != "rule-statement") {
                let span = front_matter::span_of(k, s).unwrap_or_default();
                return Err(Diag::error(
                    "certlex::statement::kind",
                    format!("{}: `kind: {}` in a rule statement", file.name, k.value),
                )
                .in_file(file)
                .label(span, "not `rule-statement`")
                .help("a rule statement's front matter says `kind: rule-statement`, or leaves `kind` out"));
            }
            listed = ca_certificates(file, &fm, s)?;
            let mut front = front(file, &fm, s)?;
            if let Some(list) = &listed {
                front.set(
                    "ca_certificates",
                    Value::List(list.iter().map(|h| Value::from(h.as_str())).collect()),
                );
            }
            r.set_at("front_matter", front.finish(), Some(Span::new(s, e)));
            if let Some(found) = fm.filing_number.as_ref().and_then(|n| ctx.statement_filed_by(&n.value)) {
                profile_ca = Some(found.ca.clone());
                let mut m = RecordBuilder::new(PROFILE_MATCH);
                m.set("ca", found.ca.as_str());
                m.set("version", Value::opt(found.version.clone()));
                m.set("filed", Value::opt(found.filed.map(Value::Date)));
                r.set_at(
                    "profile",
                    m.finish(),
                    fm.filing_number.as_ref().and_then(|n| front_matter::span_of(n, s)),
                );
            }
            after
        }
        None => usize::from(text.starts_with('\u{feff}')) * 3,
    };
    r.set("profiles_in_run", ctx.filed_statements.is_some());
    let body = text.get(body_start..).unwrap_or("");
    let (format, secs) = sections::read(body, body_start);
    r.set("format", if format == Format::Markdown { "markdown" } else { "text" });
    r.set("languages", languages(body));
    r.set(
        "headings",
        Value::List(
            secs.iter()
                .map(|s| {
                    let mut h = RecordBuilder::new(HEADING);
                    h.set("number", Value::opt(s.number.clone()));
                    h.set("title", s.title.as_str());
                    h.set("level", s.level() as i64);
                    Value::Record(h.finish())
                })
                .collect(),
        ),
    );
    let missing: Vec<&outline::Known> = outline::TOP_LEVEL
        .iter()
        .filter(|k| !secs.iter().any(|s| s.number.as_deref() == Some(k.number)))
        .collect();
    let first_missing = missing
        .first()
        .map(|k| line_before(text, insertion_point(&secs, k.number, text.len())));
    r.set_at(
        "missing_top_level",
        Value::List(missing.iter().map(|k| Value::from(outline::describe(k))).collect()),
        first_missing,
    );
    for (fact, number) in NAMED {
        let (value, span) = named(file, &secs, fact, number);
        r.set_at(fact, value, Some(span));
    }
    liability_terms(&mut r, file, &secs);
    key_escrow(&mut r, file, &secs);
    certificate_profile(&mut r, file, &secs, ctx, listed.as_deref(), profile_ca.as_deref());
    Ok(Subject {
        kind: SubjectKind::RuleStatement,
        name: file.name.clone(),
        source: Some(file.clone()),
        facts: r.finish(),
        attestations: Vec::new(),
    })
}

/// The CA certificates the front matter lists, as 64 lowercase hexadecimal
/// digits each; a value that is not a SHA-256 fingerprint is a located error.
fn ca_certificates(
    file: &Arc<SourceFile>,
    fm: &front_matter::FrontMatter,
    yaml_start: usize,
) -> Result<Option<Vec<String>>, Diag> {
    let Some(list) = &fm.ca_certificates else {
        return Ok(None);
    };
    list.iter()
        .map(|v| {
            crate::facts::profile::scalar::sha256(&v.value).map_err(|bad| {
                let span = front_matter::span_of(v, yaml_start).unwrap_or_default();
                Diag::error(
                    "certlex::statement::fingerprint",
                    format!("{}: {}", file.name, bad.message),
                )
                .in_file(file)
                .label(span, "not a SHA-256 fingerprint")
                .help(bad.help)
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn front(file: &Arc<SourceFile>, fm: &front_matter::FrontMatter, yaml_start: usize) -> Result<RecordBuilder, Diag> {
    let mut f = RecordBuilder::new(FRONT);
    let text = |f: &mut RecordBuilder, name: &str, v: &Option<serde_saphyr::Spanned<String>>| {
        if let Some(v) = v {
            f.set_at(name, v.value.as_str(), front_matter::span_of(v, yaml_start));
        }
    };
    text(&mut f, "ca_name", &fm.ca_name);
    text(&mut f, "version", &fm.version);
    text(&mut f, "filing_number", &fm.filing_number);
    text(&mut f, "language", &fm.language);
    text(&mut f, "url", &fm.url);
    if let Some(d) = &fm.effective_date {
        let span = front_matter::span_of(d, yaml_start);
        let Some(date) = crate::dates::parse_date(&d.value) else {
            return Err(Diag::error(
                "certlex::statement::date",
                format!("{}: `{}` is not a date", file.name, d.value),
            )
            .in_file(file)
            .label(span.unwrap_or_default(), "not a YYYY-MM-DD date")
            .help("write the effective date as YYYY-MM-DD, e.g. `2024-09-02`"));
        };
        f.set_at("effective_date", Value::Date(crate::dates::midnight(date)), span);
    }
    Ok(f)
}

fn languages(text: &str) -> Value {
    let han = text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    let latin_words = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .count();
    let mut out = Vec::new();
    if han >= 20 {
        out.push(Value::from("zh"));
    }
    if latin_words >= 20 {
        out.push(Value::from("en"));
    }
    Value::List(out)
}

/// Where a missing section would go: before the first section that would
/// follow it, else at the end of the document.
fn insertion_point(secs: &[Section], number: &str, end: usize) -> usize {
    let key = |n: &str| -> Vec<u32> { n.split('.').filter_map(|p| p.parse().ok()).collect() };
    let want = key(number);
    secs.iter()
        .filter(|s| s.number.as_deref().is_some_and(|n| key(n) > want))
        .map(|s| s.heading.0)
        .next()
        .unwrap_or(end)
}

/// The last non-blank line before `offset`: where a missing section's
/// absence shows (the end of the part it belongs in).
fn line_before(text: &str, offset: usize) -> Span {
    let content = text.get(..offset.min(text.len())).unwrap_or("").trim_end();
    if content.is_empty() {
        return Span::point(offset);
    }
    let start = content.rfind('\n').map_or(0, |i| i + 1);
    Span::new(start, content.len())
}

/// A named section's facts, and the span to blame: its heading, or where it
/// should have been.
fn named(file: &Arc<SourceFile>, secs: &[Section], fact: &str, number: &str) -> (Value, Span) {
    let Some(sec) = secs.iter().find(|s| s.number.as_deref() == Some(number)) else {
        return (
            Value::Absent,
            line_before(&file.text, insertion_point(secs, number, file.text.len())),
        );
    };
    let heading = Span::new(sec.heading.0, sec.heading.1);
    let fields = match fact {
        "archive_retention" => RETENTION,
        "termination" => TERMINATION,
        _ => SECTION,
    };
    let mut r = RecordBuilder::new(fields);
    let own = |s: &Section| file.text.get(s.body.0..s.body.1).unwrap_or("");
    let within: Vec<&Section> = secs.iter().filter(|s| s.is_within(number)).collect();
    let characters: usize =
        sections::substance(own(sec)) + within.iter().map(|s| sections::substance(own(s))).sum::<usize>();
    r.set_at("number", number, Some(heading));
    r.set_at("title", sec.title.as_str(), Some(heading));
    r.set_at("characters", characters as i64, Some(heading));
    r.set_at("substantive", characters >= 6, Some(heading));
    // Periods are read from the section's own text and its subsections'.
    let texts: Vec<(usize, &str)> = std::iter::once(sec)
        .chain(within.iter().copied())
        .map(|s| (s.body.0, own(s)))
        .collect();
    match fact {
        "archive_retention" => {
            let found: Vec<(i64, Span)> = texts
                .iter()
                .flat_map(|(at, t)| {
                    periods::find(t)
                        .into_iter()
                        .map(move |p| (p.days, Span::new(at + p.start, at + p.end)))
                })
                .collect();
            r.set_at(
                "periods",
                Value::List(found.iter().map(|(d, _)| Value::Duration(*d)).collect()),
                Some(heading),
            );
            match found.iter().min_by_key(|(d, _)| *d) {
                Some((d, span)) => r.set_at("period", Value::Duration(*d), Some(*span)),
                None => r.set_at("period", Value::Absent, Some(heading)),
            };
        }
        "termination" => {
            let (parties, regulator) = termination_periods(&texts);
            for (name, found) in [("notice_to_parties", parties), ("report_to_regulator", regulator)] {
                match found.iter().min_by_key(|(d, _)| *d) {
                    Some((d, span)) => r.set_at(name, Value::Duration(*d), Some(*span)),
                    None => r.set_at(name, Value::Absent, Some(heading)),
                };
            }
        }
        _ => {}
    }
    (Value::Record(r.finish()), heading)
}

/// The texts of sections `numbers` and of their subsections, with where
/// each starts in the file, and the heading of the first section found.
fn texts_of<'a>(file: &'a SourceFile, secs: &[Section], numbers: &[&str]) -> (Vec<(usize, &'a str)>, Option<Span>) {
    let mut heading = None;
    let mut texts = Vec::new();
    for s in secs {
        let Some(n) = s.number.as_deref() else { continue };
        if numbers.iter().any(|p| n == *p || s.is_within(p)) {
            heading.get_or_insert(Span::new(s.heading.0, s.heading.1));
            texts.push((s.body.0, file.text.get(s.body.0..s.body.1).unwrap_or("")));
        }
    }
    (texts, heading)
}

/// Set a flag from the first clause the reader recognises (located at that
/// clause) and the clause itself; `false`, located at the heading, when none.
fn flag(out: &mut RecordBuilder, found: Option<clauses::Clause>, heading: Span, flag_name: &str, clause_name: &str) {
    match found {
        Some(c) => {
            out.set_at(flag_name, true, Some(c.span));
            out.set_at(clause_name, c.text, Some(c.span));
        }
        None => {
            out.set_at(flag_name, false, Some(heading));
        }
    }
}

/// ESL 28: liability clauses of part 9 that exclude the CA's fault or shift
/// the burden of proving it.
fn liability_terms(r: &mut RecordBuilder, file: &SourceFile, secs: &[Section]) {
    let (texts, Some(heading)) = texts_of(file, secs, &["9"]) else {
        r.set("liability_terms", Value::Absent);
        return;
    };
    let all = clauses::clauses(&texts);
    let mut t = RecordBuilder::new(LIABILITY_TERMS);
    let excluding = all.iter().copied().find(|c| clauses::excludes_fault(c.text));
    flag(&mut t, excluding, heading, "excludes_fault", "excluding_clause");
    let burden = all.iter().copied().find(|c| clauses::shifts_burden(c.text));
    flag(&mut t, burden, heading, "shifts_burden", "burden_clause");
    r.set_at("liability_terms", t.finish(), Some(heading));
}

/// ESL 13(1)–(2): escrow or backup of subscribers' signing keys (4.12, part 6).
fn key_escrow(r: &mut RecordBuilder, file: &SourceFile, secs: &[Section]) {
    let (texts, Some(heading)) = texts_of(file, secs, &["4.12", "6"]) else {
        r.set("key_escrow", Value::Absent);
        return;
    };
    let mut k = RecordBuilder::new(KEY_ESCROW);
    let found = clauses::clauses(&texts)
        .into_iter()
        .find(|c| clauses::escrows_signing_keys(c.text));
    flag(&mut k, found, heading, "signing_keys", "clause");
    r.set_at("key_escrow", k.finish(), Some(heading));
}

/// ESL 31: the signature algorithms the certificate profile names (part 7's
/// opening text and section 7.1), and those that certificates of the run
/// issued by the statement's own CA use and it does not name. The CA
/// certificates are the front matter's `ca_certificates`, else the filed
/// chains of the CA profile matched by filing number.
fn certificate_profile(
    r: &mut RecordBuilder,
    file: &SourceFile,
    secs: &[Section],
    ctx: &RunContext,
    listed: Option<&[String]>,
    profile_ca: Option<&str>,
) {
    // Part 7's own opening text (not its CRL and OCSP sections) and 7.1.
    let (mut texts, mut heading) = texts_of(file, secs, &["7.1"]);
    if let Some(part) = secs.iter().find(|s| s.number.as_deref() == Some("7")) {
        texts.push((part.body.0, file.text.get(part.body.0..part.body.1).unwrap_or("")));
        heading = Some(Span::new(part.heading.0, part.heading.1));
    }
    let mut named: Vec<&algorithms::Algorithm> = Vec::new();
    for (_, t) in &texts {
        for a in algorithms::named_in(t) {
            if !named.iter().any(|n| n.oid == a.oid) {
                named.push(a);
            }
        }
    }
    let cas: Vec<String> = match (listed, profile_ca, &ctx.filed_chains) {
        (Some(list), _, _) => list.to_vec(),
        (None, Some(ca), Some(chains)) => chains.iter().filter(|c| c.ca == ca).map(|c| c.sha256.clone()).collect(),
        _ => Vec::new(),
    };
    let used: Vec<std::collections::BTreeSet<&str>> =
        cas.iter().filter_map(|sha| ctx.algorithms_issued_by(sha)).collect();
    let mut unlisted: Vec<&str> = used
        .iter()
        .flatten()
        .copied()
        .filter(|oid| !named.iter().any(|a| a.oid == *oid))
        .map(algorithms::name_of)
        .collect();
    unlisted.sort_unstable();
    unlisted.dedup();
    let mut p = RecordBuilder::new(CERTIFICATE_PROFILE);
    p.set_at("stated", !named.is_empty(), heading);
    p.set_at(
        "signature_algorithms",
        Value::List(named.iter().map(|a| Value::from(a.name)).collect()),
        heading,
    );
    p.set(
        "ca_certificates",
        Value::List(cas.iter().map(|c| Value::from(c.as_str())).collect()),
    );
    p.set("certificates_of_its_ca", used.iter().any(|u| !u.is_empty()));
    p.set_at(
        "unlisted",
        Value::List(unlisted.into_iter().map(Value::from).collect()),
        heading,
    );
    r.set_at("certificate_profile", p.finish(), heading);
}

/// Words that tie a period to the regulator or to the parties.
const REGULATOR: &[&str] = &[
    "主管部门",
    "工业和信息化部",
    "工信部",
    "信息产业",
    "报告",
    "regulator",
    "ministry",
    "miit",
    "competent authority",
    "report",
];
const PARTIES: &[&str] = &[
    "通知",
    "告知",
    "有关各方",
    "用户",
    "订户",
    "依赖方",
    "notify",
    "notice",
    "subscriber",
    "relying part",
    "parties",
    "customers",
];

/// Periods found and where each is stated.
type Found = Vec<(i64, Span)>;

/// Distance from a period to the nearest keyword after it (`after`) or before it.
fn nearest(keywords: &[usize], period: &periods::Period, after: bool) -> Option<usize> {
    keywords
        .iter()
        .filter_map(|&i| {
            if after {
                i.checked_sub(period.end)
            } else {
                (i < period.start).then(|| period.start - i)
            }
        })
        .min()
}

/// Regulator (`Some(true)`) or parties (`Some(false)`): whichever keyword is nearer.
fn closer(regulator: Option<usize>, parties: Option<usize>) -> Option<bool> {
    match (regulator, parties) {
        (Some(r), Some(q)) => Some(r < q),
        (Some(_), None) => Some(true),
        (None, Some(_)) => Some(false),
        (None, None) => None,
    }
}

/// Periods before termination, each given to the regulator or to the parties
/// by the keyword its clause ties it to. Chinese puts the period before the
/// verb (九十日前通知有关各方), English after it (notifies the parties 90 days
/// before): the nearest keyword after the period in Chinese, before it in
/// English, else the nearest on the other side.
fn termination_periods(texts: &[(usize, &str)]) -> (Found, Found) {
    let mut parties = Vec::new();
    let mut regulator = Vec::new();
    for (at, text) in texts {
        let mut sentence_start = 0;
        for sentence in text.split_inclusive(['。', '；', ';', '\n']) {
            let s_start = sentence_start;
            sentence_start += sentence.len();
            let lower = sentence.to_lowercase();
            let han = sentence
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count();
            let latin = sentence.chars().filter(char::is_ascii_alphabetic).count();
            let chinese = han > latin;
            let mentions = |words: &[&str]| -> Vec<usize> {
                words
                    .iter()
                    .flat_map(|w| lower.match_indices(w).map(|(i, _)| i))
                    .collect()
            };
            let (reg, par) = (mentions(REGULATOR), mentions(PARTIES));
            for p in periods::find(sentence) {
                let side = |after| closer(nearest(&reg, &p, after), nearest(&par, &p, after));
                let span = Span::new(at + s_start + p.start, at + s_start + p.end);
                match side(chinese).or_else(|| side(!chinese)) {
                    Some(true) => regulator.push((p.days, span)),
                    Some(false) => parties.push((p.days, span)),
                    None => {}
                }
            }
        }
    }
    (parties, regulator)
}

#[cfg(test)]
mod tests;
