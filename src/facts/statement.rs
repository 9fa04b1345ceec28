//! Rule statement facts (电子认证业务规则, a CA's certification practice
//! statement): the schema, and the reader that builds them from Markdown or
//! numbered text. Facts point at the statement's lines; a missing section
//! points at where it should have been.

mod algorithms;
mod clauses;
mod counts_from;
mod front_matter;
mod outline;
pub mod periods;
mod sections;

use std::sync::Arc;

use super::schema::{Field, Ty};
use super::value::{RecordBuilder, Value};
use super::{Subject, SubjectKind};
use crate::dates::Period;
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
            Field::new("number", Ty::Str, "the section number as written, e.g. `5.5.2`")
.zh("所写的章节编号，例如 `5.5.2`"),
            Field::new("title", Ty::Str, "the heading's title")
.zh("标题"),
            Field::new("characters", Ty::Int, "characters of real text in the section and its subsections (markup, whitespace and placeholders such as `No stipulation` or `无` do not count)")
.zh("本节及其下级各节的实质字数（标记、空白以及 `No stipulation`、`无` 等占位语不计）"),
            Field::new("substantive", Ty::Bool, "the section or its subsections say something: at least 6 characters of real text")
.zh("本节或其下级各节有实质内容：实质字数不少于 6"),
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
    )
.zh("本节所写的全部期限（五年、5 years、five years 等）"),
    Field::new(
        "period",
        Ty::Duration,
        "the shortest period stated: the one the statement commits to for every record"
    )
.zh("所写期限中最短者：业务规则对每项记录承诺的期限"),
    Field::new(
        "counts_from",
        Ty::Str,
        "what the period is counted from, as the sentence stating the period says (or the section, when it states one period only): `certificate-invalid` (失效, 证书失效之日起, \"ceases to be valid\", expiry or revocation named together: ESL 24's own words), `certificate-expiry` (有效期满, 届满, 到期, \"expiry\"), `archiving` (自归档之日起, 归档后, \"from archiving\"), `creation` (自生成之日起, \"from creation\"), `other` (another event: 自…之日起, \"from the end of\"), `unstated`"
    )
.zh("期限的起算点，按写明期限的句子（本节只写一个期限时按全节）：`certificate-invalid`（失效、证书失效之日起，电子签名法第二十四条的用语）、`certificate-expiry`（有效期满、届满、到期）、`archiving`（自归档之日起）、`creation`（自生成之日起）、`other`（其他事件）、`unstated`（未写明）"),
);

static TERMINATION: &[Field] = section_fields!(
    Field::new(
        "notice_to_parties",
        Ty::Duration,
        "the notice to subscribers, relying parties and others (通知有关各方) before suspension or termination; the shortest stated"
    )
.zh("暂停或者终止服务前通知有关各方（订户、依赖方等）的期限；取所写最短者"),
    Field::new(
        "report_to_regulator",
        Ty::Duration,
        "the report to the regulator (向主管部门报告) before suspension or termination; the shortest stated"
    )
.zh("暂停或者终止服务前向主管部门报告的期限；取所写最短者"),
);

static FRONT: &[Field] = &[
    Field::new("ca_name", Ty::Str, "name of the certification authority").zh("认证机构名称"),
    Field::new("version", Ty::Str, "document version").zh("文件版本"),
    Field::new("effective_date", Ty::Date, "date the statement takes effect").zh("业务规则生效日期"),
    Field::new(
        "filing_number",
        Ty::Str,
        "filing record number (备案号) with the regulator (ESL 19)",
    )
    .zh("向主管部门备案的备案号（电子签名法第十九条）"),
    Field::new("language", Ty::Str, "declared language(s), e.g. `zh`, `en`, `zh, en`")
        .zh("所声明的语言，例如 `zh`、`en`、`zh, en`"),
    Field::new("url", Ty::Str, "where the statement is published").zh("业务规则的公布地址"),
    Field::new(
        "ca_certificates",
        STRS,
        "SHA-256 fingerprints of the CA certificates that issue under this statement (64 hexadecimal digits each)",
    )
    .zh("依本业务规则签发证书的认证机构证书的 SHA-256 指纹（每个 64 位十六进制数字）"),
];

static HEADING: &[Field] = &[
    Field::new("number", Ty::Str, "the section number, if any").zh("章节编号（如有）"),
    Field::new("title", Ty::Str, "the heading's title").zh("标题"),
    Field::new(
        "level",
        Ty::Int,
        "depth: 1 for `4`, 2 for `4.9`, 0 for an unnumbered heading",
    )
    .zh("层级：`4` 为 1，`4.9` 为 2，无编号的标题为 0"),
];

/// One section of the statement, for rules that name a section by number
/// (`some s in sections: s.number == "9.6.3" and s.text contains "…"`).
static ANY_SECTION: &[Field] = &[
    Field::new(
        "number",
        Ty::Str,
        "the section number (RFC 3647 numbering), as written, or the number of a known heading written without one (`责任限制` is `9.8`); empty for another unnumbered heading",
    )
.zh("章节编号（RFC 3647 编号），按所写；无编号但标题为已知标题的，取该标题的编号（`责任限制` 即 `9.8`）；其他无编号的标题为空"),
    Field::new("title", Ty::Str, "the heading's title, as written")
.zh("所写的标题"),
    Field::new("level", Ty::Int, "depth: 1 for `9`, 2 for `9.6`, 3 for `9.6.3`, 0 for an unnumbered heading")
.zh("层级：`9` 为 1，`9.6` 为 2，`9.6.3` 为 3，无编号的标题为 0"),
    Field::new(
        "text",
        Ty::Str,
        "the section's text as written, with its subsections' (headings included); a section deeper than the fourth level, or unnumbered, holds its own text only",
    )
.zh("本节的原文，连同其下级各节（含标题）；第四级以下或无编号的章节只含本节文字"),
    Field::new(
        "characters",
        Ty::Int,
        "characters of real text in `text` (markup, whitespace and placeholders such as `No stipulation` or `无` do not count)",
    )
.zh("`text` 的实质字数（标记、空白以及 `No stipulation`、`无` 等占位语不计）"),
    Field::new("substantive", Ty::Bool, "`text` says something: at least 6 characters of real text")
.zh("`text` 有实质内容：实质字数不少于 6"),
];

/// The deepest section whose `text` takes in its subsections: RFC 3647
/// numbers to the third level, and the bound keeps the copies of the text
/// linear in its length.
const TEXT_DEPTH: usize = 4;

static LIABILITY_TERMS: &[Field] = &[
    Field::new(
        "excludes_fault",
        Ty::Bool,
        "a clause of part 9 excludes the CA's liability for loss whatever its fault (在任何情况下均不承担责任; in no event liable for any damages), with no exception for its own fault and not limited to kinds of loss or to causes outside the CA",
    )
.zh("第9部分有条款不论有无过错一概排除认证机构的赔偿责任（在任何情况下均不承担责任），且未限于损失种类或认证机构以外的原因"),
    Field::new("excluding_clause", Ty::Str, "the first such clause, as written")
.zh("第一个此类条款的原文"),
    Field::new(
        "shifts_burden",
        Ty::Bool,
        "a clause of part 9 makes the signatory or relying party prove the CA's fault (举证证明本中心存在过错; must prove the CA was negligent)",
    )
.zh("第9部分有条款要求电子签名人或者依赖方证明认证机构的过错（举证证明本中心存在过错）"),
    Field::new("burden_clause", Ty::Str, "the first such clause, as written")
.zh("第一个此类条款的原文"),
];

static KEY_ESCROW: &[Field] = &[
    Field::new(
        "signing_keys",
        Ty::Bool,
        "a clause of section 4.12 or part 6 has the CA escrow, back up or archive subscribers' signing private keys (escrow of encryption keys does not count)",
    )
.zh("第4.12节或第6部分有条款由认证机构托管、备份或者归档订户的签名私钥（托管加密私钥不计）"),
    Field::new("clause", Ty::Str, "the first such clause, as written")
.zh("第一个此类条款的原文"),
];

static CERTIFICATE_PROFILE: &[Field] = &[
    Field::new(
        "stated",
        Ty::Bool,
        "the certificate profile (part 7's opening text and section 7.1, 证书格式) names at least one signature algorithm certlex knows (by name, e.g. `SM3withSM2`, or by OID)",
    )
.zh("证书格式（第7部分开头及第7.1节）至少写明一种 certlex 认识的签名算法（名称如 `SM3withSM2`，或 OID）"),
    Field::new(
        "signature_algorithms",
        STRS,
        "the signature algorithms section 7.1 names, e.g. `SM2 with SM3`, `sha256WithRSAEncryption`",
    )
.zh("第7.1节写明的签名算法，例如 `SM2 with SM3`、`sha256WithRSAEncryption`"),
    Field::new(
        "ca_certificates",
        STRS,
        "the CA certificates (SHA-256) that issue under this statement: those its front matter lists, else the filed chains of the CA profile of the same run that states its filing number",
    )
.zh("依本业务规则签发证书的认证机构证书（SHA-256）：前置信息所列者，否则为本次运行中写明其备案号的机构概况的已备案证书链"),
    Field::new(
        "certificates_of_its_ca",
        Ty::Bool,
        "certificates issued by one of those CA certificates are inputs of the same run (and the CA certificate is among the inputs or `--issuers`)",
    )
.zh("上述认证机构证书签发的证书是本次运行的输入（且该认证机构证书在输入或 `--issuers` 之中）"),
    Field::new(
        "unlisted",
        STRS,
        "signature algorithms of those certificates that the certificate profile does not name, e.g. `sha1WithRSAEncryption`",
    )
.zh("上述证书所用、证书格式却未写明的签名算法，例如 `sha1WithRSAEncryption`"),
];

static PROFILE_MATCH: &[Field] = &[
    Field::new("ca", Ty::Str, "the CA whose profile states the filing number")
        .zh("写明该备案号的机构概况所属的认证机构"),
    Field::new("version", Ty::Str, "the statement version that profile names").zh("该机构概况所写的业务规则版本"),
    Field::new("filed", Ty::Date, "the filing date that profile states").zh("该机构概况所写的备案日期"),
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
    )
.zh("`markdown`，或 `text`（由 PDF 或 Word 转换、以编号行为标题）"),
    Field::new(
        "front_matter",
        Ty::Record(FRONT),
        "the YAML front matter (absent if there is none)",
    )
.zh("YAML 前置信息（没有时缺失）"),
    Field::new("languages", STRS, "languages the text is written in: `zh`, `en`")
.zh("正文所用的语言：`zh`、`en`"),
    Field::new("headings", Ty::List(&Ty::Record(HEADING)), "every heading, in order")
.zh("按顺序列出的全部标题"),
    Field::new(
        "sections",
        Ty::List(&Ty::Record(ANY_SECTION)),
        "every section with its text, in order: a rule names one by number, e.g. `some s in sections: s.number == \"9.6.3\" and s.text contains \"赔偿\"`",
    )
.zh("按顺序列出的全部章节及其正文：规则按编号指明章节，例如 `some s in sections: s.number == \"9.6.3\" and s.text contains \"赔偿\"`"),
    Field::new(
        "missing_top_level",
        STRS,
        "the parts of the RFC 3647 / MIIT outline (1 to 9) the statement lacks, e.g. `2 Publication and Repository Responsibilities（信息发布与信息管理）`",
    )
.zh("业务规则缺少的 RFC 3647 / 工业和信息化部规范的部分（1 至 9），例如 `2 Publication and Repository Responsibilities（信息发布与信息管理）`"),
    Field::new(
        "publication",
        Ty::Record(SECTION),
        "section 2, publication and repository (信息发布与信息管理)",
    )
.zh("第2部分，信息发布与信息管理"),
    Field::new(
        "identification",
        Ty::Record(SECTION),
        "section 3, identification and authentication (身份标识与鉴别)",
    )
.zh("第3部分，身份标识与鉴别"),
    Field::new(
        "identity_validation",
        Ty::Record(SECTION),
        "section 3.2, initial identity validation (初始身份确认)",
    )
.zh("第3.2节，初始身份确认"),
    Field::new(
        "lifecycle",
        Ty::Record(SECTION),
        "section 4, certificate life-cycle operational requirements (证书生命周期操作要求): the operating standards",
    )
.zh("第4部分，证书生命周期操作要求：作业操作规范"),
    Field::new(
        "revocation",
        Ty::Record(SECTION),
        "section 4.9, certificate revocation and suspension (证书撤销和挂起)",
    )
.zh("第4.9节，证书撤销和挂起"),
    Field::new(
        "facility_controls",
        Ty::Record(SECTION),
        "section 5, facility, management and operational controls (认证机构设施、管理和操作控制)",
    )
.zh("第5部分，认证机构设施、管理和操作控制"),
    Field::new(
        "archive_retention",
        Ty::Record(RETENTION),
        "section 5.5.2, retention period for archive (归档保存期限)",
    )
.zh("第5.5.2节，归档保存期限"),
    Field::new(
        "termination",
        Ty::Record(TERMINATION),
        "section 5.8, CA or RA termination (认证机构或注册机构终止)",
    )
.zh("第5.8节，认证机构或注册机构终止"),
    Field::new(
        "technical_controls",
        Ty::Record(SECTION),
        "section 6, technical security controls (认证系统技术安全控制)",
    )
.zh("第6部分，认证系统技术安全控制"),
    Field::new(
        "legal",
        Ty::Record(SECTION),
        "section 9, other business and legal matters (法律责任和其他业务条款)",
    )
.zh("第9部分，法律责任和其他业务条款"),
    Field::new(
        "warranties",
        Ty::Record(SECTION),
        "section 9.6, representations and warranties (陈述与担保)",
    )
.zh("第9.6节，陈述与担保"),
    Field::new(
        "disclaimers",
        Ty::Record(SECTION),
        "section 9.7, disclaimers of warranties (担保免责)",
    )
.zh("第9.7节，担保免责"),
    Field::new(
        "liability_limits",
        Ty::Record(SECTION),
        "section 9.8, limitations of liability (有限责任)",
    )
.zh("第9.8节，有限责任"),
    Field::new("indemnities", Ty::Record(SECTION), "section 9.9, indemnities (赔偿)")
.zh("第9.9节，赔偿"),
    Field::new(
        "liability_terms",
        Ty::Record(LIABILITY_TERMS),
        "what the liability clauses of part 9 say, read clause by clause (absent without a part 9)",
    )
.zh("逐条读取的第9部分责任条款的内容（没有第9部分时缺失）"),
    Field::new(
        "certificate_profile",
        Ty::Record(CERTIFICATE_PROFILE),
        "what section 7.1 says of the certificates' signature algorithms, held against the certificates checked in the same run (ESL 31)",
    )
.zh("第7.1节关于证书签名算法的内容，与本次运行中检查的证书对照（电子签名法第三十一条）"),
    Field::new(
        "key_escrow",
        Ty::Record(KEY_ESCROW),
        "what sections 4.12 (key escrow and recovery) and part 6 (technical security controls) say of escrowing subscribers' private keys (absent without either)",
    )
.zh("第4.12节（密钥托管与恢复）和第6部分（认证系统技术安全控制）关于托管订户私钥的内容（二者皆无时缺失）"),
    Field::new(
        "profiles_in_run",
        Ty::Bool,
        "a CA profile checked in the same run states the filing number of its rule statement",
    )
.zh("本次运行中有机构概况写明其业务规则的备案号"),
    Field::new(
        "profile",
        Ty::Record(PROFILE_MATCH),
        "the CA profile of the same run that states this statement's filing number (absent if none does); judged at an earlier date than `profile.filed`, not filed yet (absent)",
    )
.zh("本次运行中写明本业务规则备案号的机构概况（没有时缺失）；适用日期早于 `profile.filed` 的，视为尚未备案（缺失）")
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
                .zh_label("不是 `rule-statement`")
                .help("a rule statement's front matter says `kind: rule-statement`, or leaves `kind` out")
                .zh(
                    format!("{}：电子认证业务规则中写有 `kind: {}`", file.name, k.value),
                    Some("电子认证业务规则的前置信息写 `kind: rule-statement`，或不写 `kind`"),
                ));
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
    r.set("sections", section_list(file, &secs));
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

/// Every section with its text and its subsections' (those that follow it),
/// down to [`TEXT_DEPTH`].
fn section_list(file: &SourceFile, secs: &[Section]) -> Value {
    let own: Vec<usize> = secs
        .iter()
        .map(|s| sections::substance(file.text.get(s.body.0..s.body.1).unwrap_or("")))
        .collect();
    let list = secs.iter().enumerate().map(|(i, s)| {
        let mut end = i + 1;
        if let Some(n) = s.number.as_deref().filter(|_| s.level() <= TEXT_DEPTH) {
            while secs.get(end).is_some_and(|x| x.is_within(n)) {
                end += 1;
            }
        }
        let text_end = secs.get(end - 1).map_or(s.body.1, |last| last.body.1);
        let characters: usize = own.get(i..end).map_or(0, |c| c.iter().sum());
        let mut r = RecordBuilder::new(ANY_SECTION);
        // An unnumbered heading has no number, which is known: empty, so a
        // comparison with it is false, not unknown.
        r.set("number", s.number.as_deref().unwrap_or(""));
        r.set("title", s.title.as_str());
        r.set("level", s.level() as i64);
        r.set("text", file.text.get(s.body.0..text_end).unwrap_or("").trim());
        r.set("characters", characters as i64);
        r.set("substantive", characters >= 6);
        Value::Record(r.finish())
    });
    Value::List(list.collect())
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
            .zh_label("不是 YYYY-MM-DD 格式的日期")
            .help("write the effective date as YYYY-MM-DD, e.g. `2024-09-02`")
            .zh(
                format!("{}：`{}` 不是日期", file.name, d.value),
                Some("请按 YYYY-MM-DD 写生效日期，例如 `2024-09-02`"),
            ));
        };
        f.set_at("effective_date", Value::Date(crate::dates::midnight(date)), span);
    }
    Ok(f)
}

fn languages(text: &str) -> Value {
    // Counted up to 20 only: that is all the answer needs.
    let han = text
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(20)
        .count();
    let latin_words = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .take(20)
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
            let found: Found = texts
                .iter()
                .flat_map(|(at, t)| {
                    periods::find(t)
                        .into_iter()
                        .map(move |p| (p.period, Span::new(at + p.start, at + p.end)))
                })
                .collect();
            r.set_at(
                "periods",
                Value::List(found.iter().map(|(p, _)| Value::Period(*p)).collect()),
                Some(heading),
            );
            match shortest(&found) {
                Some((p, span)) => r.set_at("period", Value::Period(*p), Some(*span)),
                None => r.set_at("period", Value::Absent, Some(heading)),
            };
            let (from, at) = retention_counts_from(&texts, &found);
            r.set_at("counts_from", from, Some(at.unwrap_or(heading)));
        }
        "termination" => {
            let (parties, regulator) = termination_periods(&texts);
            for (name, found) in [("notice_to_parties", parties), ("report_to_regulator", regulator)] {
                match shortest(&found) {
                    Some((p, span)) => r.set_at(name, Value::Period(*p), Some(*span)),
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

/// What the retention period counts from: as the sentence stating the
/// period says, else, when the section states one period only, as the
/// section says anywhere (another period's clause says nothing of this
/// one); `unstated` when nothing does. With the place of the words.
fn retention_counts_from(texts: &[(usize, &str)], found: &Found) -> (Value, Option<Span>) {
    let period = shortest(found).map(|(_, s)| *s);
    let one_period = found.len() <= 1;
    let in_sentence = period.and_then(|p| {
        let (at, text) = texts.iter().find(|(at, t)| *at <= p.start && p.end <= at + t.len())?;
        let (a, b) = counts_from::sentence_around(text, p.start - at, p.end - at);
        let (what, s, e) = counts_from::counts_from(text.get(a..b)?)?;
        Some((what, Span::new(at + a + s, at + a + e)))
    });
    let anywhere = || {
        texts
            .iter()
            .find_map(|(at, t)| counts_from::counts_from(t).map(|(what, s, e)| (what, Span::new(at + s, at + e))))
    };
    match in_sentence.or_else(|| if one_period { anywhere() } else { None }) {
        Some((what, span)) => (Value::str(what.word()), Some(span)),
        None => (Value::str("unstated"), None),
    }
}

/// Periods found and where each is stated.
type Found = Vec<(Period, Span)>;

/// The shortest of the periods found: the least number of days it can
/// span, then the greatest (`1825 days` before `5 years`).
fn shortest(found: &Found) -> Option<&(Period, Span)> {
    found.iter().min_by_key(|(p, _)| p.day_span())
}

/// Distance from a period to the nearest keyword after it (`after`) or before it.
fn nearest(keywords: &[usize], period: &periods::Mention, after: bool) -> Option<usize> {
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
                    Some(true) => regulator.push((p.period, span)),
                    Some(false) => parties.push((p.period, span)),
                    None => {}
                }
            }
        }
    }
    (parties, regulator)
}

#[cfg(test)]
mod tests;
