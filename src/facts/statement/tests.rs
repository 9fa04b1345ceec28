use super::*;
use crate::facts::Value;
use crate::facts::context::RunContext;

fn read_text(text: &str) -> Subject {
    read(
        &SourceFile::new("s.md", text),
        &RunContext::new(),
        &crate::limits::Limits::default(),
    )
    .unwrap()
}

fn get<'a>(s: &'a Subject, path: &[&str]) -> &'a Value {
    let mut fields = SCHEMA;
    let mut v: Option<&Value> = None;
    let mut rec = &s.facts;
    for p in path {
        let (i, f) = crate::facts::lookup(fields, p).unwrap();
        let value = rec.get(i);
        v = Some(value);
        if let (Value::Record(r), Ty::Record(sub)) = (value, f.ty) {
            rec = r;
            fields = sub;
        }
    }
    v.unwrap()
}

const STATEMENT: &str = "---
ca_name: 示例CA
filing_number: \"备案2024-01\"
effective_date: 2024-09-02
---
# 1 概括性描述
本规则适用于示例CA签发的证书。
# 2 信息发布与信息管理
本机构在网站公布证书和吊销列表。
# 3 身份标识与鉴别
## 3.2 初始身份确认
本机构查验申请人的身份证件。
# 4 证书生命周期操作要求
申请、签发、使用。
## 4.9 证书撤销和挂起
订户可申请撤销证书。
# 5 认证机构设施、管理和操作控制
机房有门禁。
### 5.5.2 归档保存期限
证书及相关信息在证书失效后保存三年。
## 5.8 认证机构或注册机构终止
本机构在终止服务九十日前通知有关各方，并在终止服务六十日前向工业和信息化部报告。
# 6 认证系统技术安全控制
使用经国家密码管理机构批准的密码设备。
# 9 法律责任和其他业务条款
## 9.8 有限责任
No stipulation.
";

#[test]
fn sections_front_matter_and_periods() {
    let s = read_text(STATEMENT);
    assert_eq!(get(&s, &["format"]), &Value::str("markdown"));
    assert_eq!(get(&s, &["front_matter", "filing_number"]), &Value::str("备案2024-01"));
    assert_eq!(get(&s, &["identity_validation", "substantive"]), &Value::Bool(true));
    assert_eq!(
        get(&s, &["archive_retention", "period"]),
        &Value::Period(crate::dates::Period::years(3))
    );
    assert_eq!(
        get(&s, &["termination", "notice_to_parties"]),
        &Value::Period(crate::dates::Period::days(90))
    );
    assert_eq!(
        get(&s, &["termination", "report_to_regulator"]),
        &Value::Period(crate::dates::Period::days(60))
    );
    assert_eq!(get(&s, &["liability_limits", "substantive"]), &Value::Bool(false));
    assert_eq!(get(&s, &["warranties"]), &Value::Absent);
    let Value::List(missing) = get(&s, &["missing_top_level"]) else {
        panic!()
    };
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(s.facts.check(SCHEMA).is_ok());
}

#[test]
fn the_retention_period_points_at_its_words() {
    let s = read_text(STATEMENT);
    let (i, _) = crate::facts::lookup(SCHEMA, "archive_retention").unwrap();
    let Value::Record(r) = s.facts.get(i) else { panic!() };
    let (j, _) = crate::facts::lookup(RETENTION, "period").unwrap();
    let span = r.span(j).unwrap();
    assert_eq!(s.source.as_ref().unwrap().slice(span), "三年");
}

#[test]
fn a_missing_section_points_where_it_should_be() {
    let s = read_text(STATEMENT);
    let (i, _) = crate::facts::lookup(SCHEMA, "warranties").unwrap();
    // 9.6 belongs before 9.8: the finding points at the last line before it.
    let span = s.facts.span(i).unwrap();
    assert_eq!(s.source.as_ref().unwrap().slice(span), "# 9 法律责任和其他业务条款");
}

#[test]
fn plain_numbered_text_in_english() {
    let t = "1. Introduction\nThis CPS applies.\n2. Publication and Repository Responsibilities\nWe publish.\n3. Identification and Authentication\n3.2 Initial Identity Validation\nWe verify identity documents in person.\n5. Facility, Management, and Operational Controls\n5.5.2 Retention Period for Archive\nArchives are retained for five (5) years after expiry.\n";
    let s = read_text(t);
    assert_eq!(get(&s, &["format"]), &Value::str("text"));
    assert_eq!(
        get(&s, &["archive_retention", "period"]),
        &Value::Period(crate::dates::Period::years(5))
    );
    assert_eq!(get(&s, &["languages"]), &Value::List(vec![Value::str("en")]));
}

#[test]
fn detection() {
    assert!(looks_like(STATEMENT));
    assert!(!looks_like("# certlex\n\nA README with a heading.\n## Install\n"));
}

#[test]
fn a_bad_front_matter_is_an_error_at_its_line() {
    let e = read(
        &SourceFile::new(
            "s.md",
            "---
filing_numbr: x
---
# 1 Introduction
",
        ),
        &RunContext::new(),
        &crate::limits::Limits::default(),
    )
    .unwrap_err();
    assert_eq!(e.location().as_deref(), Some("s.md:2:1"));
}

#[test]
fn termination_periods_follow_the_word_order_of_each_language() {
    let en = [(
        0,
        "it notifies subscribers and relying parties at least thirty (30) days before, and reports to the Ministry at least sixty (60) days before.",
    )];
    let (parties, regulator) = termination_periods(&en);
    assert_eq!(parties.iter().map(|p| p.0.days).collect::<Vec<_>>(), vec![30]);
    assert_eq!(regulator.iter().map(|p| p.0.days).collect::<Vec<_>>(), vec![60]);
    let zh = [(
        0,
        "在终止服务九十日前通知有关各方，在终止服务六十日前向工业和信息化部报告。",
    )];
    let (parties, regulator) = termination_periods(&zh);
    assert_eq!(parties.iter().map(|p| p.0.days).collect::<Vec<_>>(), vec![90]);
    assert_eq!(regulator.iter().map(|p| p.0.days).collect::<Vec<_>>(), vec![60]);
}

#[test]
fn a_ca_certificate_that_is_not_a_fingerprint_is_a_located_error() {
    let text = "---\nca_certificates:\n  - \"abc\"\n---\n# 1 Introduction\ntext\n";
    let err = read(
        &SourceFile::new("s.md", text),
        &RunContext::new(),
        &crate::limits::Limits::default(),
    )
    .unwrap_err();
    let shown = err.render_plain();
    assert!(shown.contains("`abc` is not a SHA-256 fingerprint"), "{shown}");
    assert_eq!(err.location().as_deref(), Some("s.md:3:5"), "{shown}");
}

#[test]
fn sixty_months_are_five_years() {
    for words in [
        "证书失效后保存六十个月。",
        "kept for sixty months after expiry.",
        "kept for 60 months after expiry.",
    ] {
        let t = format!("# 5 Facility\n## 5.5 Records\n### 5.5.2 Retention period\n{words}\n");
        let s = read_text(&t);
        assert_eq!(
            get(&s, &["archive_retention", "period"]),
            &Value::Period(crate::dates::Period::years(5)),
            "{words}"
        );
    }
}

#[test]
fn the_retention_period_says_what_it_counts_from() {
    let section = |body: &str| format!("# 5 Facility\n## 5.5 Records\n### 5.5.2 Retention period\n{body}\n");
    let cases = [
        (
            "与认证相关的信息在证书失效后至少保存五年。",
            "certificate-invalid",
            "失效",
        ),
        (
            "Archives are retained for five (5) years after expiry.",
            "certificate-expiry",
            "expir",
        ),
        ("归档信息自归档之日起保存五年。", "archiving", "归档之日"),
        (
            "Audit logs are kept for 5 years from their creation.",
            "creation",
            "from their creation",
        ),
        ("归档信息保存五年。", "unstated", "### 5.5.2 Retention period"),
        // The sentence of the shortest period decides; another sentence's
        // words do not.
        (
            "审计日志保存三年。归档信息自证书失效之日起保存十年。",
            "unstated",
            "### 5.5.2 Retention period",
        ),
        // Said in a sentence of its own, it still counts.
        (
            "保存期限自证书失效之日起计算。归档信息保存五年。",
            "certificate-invalid",
            "失效",
        ),
    ];
    for (body, want, words) in cases {
        let s = read_text(&section(body));
        assert_eq!(
            get(&s, &["archive_retention", "counts_from"]),
            &Value::str(want),
            "{body}"
        );
        let (i, _) = crate::facts::lookup(SCHEMA, "archive_retention").unwrap();
        let Value::Record(r) = s.facts.get(i) else { panic!() };
        let (j, _) = crate::facts::lookup(RETENTION, "counts_from").unwrap();
        let span = r.span(j).unwrap();
        assert_eq!(s.source.as_ref().unwrap().slice(span).trim_end(), words, "{body}");
    }
}
