//! The step vocabulary, in English and in Chinese (`# language: zh-CN`).
//! Each English step has a Chinese twin calling the same function.

use cucumber::gherkin::Step;
use cucumber::{given, then, when};

use super::LawWorld;
use crate::diag::suggestion;
use crate::engine::Status;

// ---- the law that applies ----

fn set_regime(w: &mut LawWorld, name: &str) -> Result<(), String> {
    let rules = w.rules()?;
    if rules.law.regime(name).is_none() {
        let names: Vec<&str> = rules.law.regimes.iter().map(|r| r.name.as_str()).collect();
        return Err(format!(
            "unknown regime `{name}`{}",
            suggestion(name, names.iter().copied())
                .map_or_else(|| format!(" (known: {})", names.join(", ")), |s| format!("; {s}"))
        ));
    }
    w.regime = Some(name.to_string());
    w.checked = None;
    Ok(())
}

fn set_date(w: &mut LawWorld, date: &str) -> Result<(), String> {
    w.at = Some(crate::dates::parse_date(date).ok_or_else(|| format!("`{date}` is not a date like 2016-01-01"))?);
    w.checked = None;
    Ok(())
}

#[given(regex = r"^the current regime$")]
#[given(regex = r"^现行法律$")]
fn current(w: &mut LawWorld) -> Result<(), String> {
    set_regime(w, "current")
}

#[given(regex = r"^the draft measures of 2024$")]
#[given(regex = r"^2024年办法征求意见稿$")]
fn draft_2024(w: &mut LawWorld) -> Result<(), String> {
    set_regime(w, "draft-2024")
}

#[given(regex = r#"^the regime "([^"]+)"$"#)]
#[given(regex = r#"^法律状态 "([^"]+)"$"#)]
fn regime(w: &mut LawWorld, name: String) -> Result<(), String> {
    set_regime(w, &name)
}

#[given(regex = r"^the law as in force on (\S+)$")]
#[given(regex = r"^(\S+) 有效的法律$")]
#[given(regex = r"^the check date (\S+)$")]
#[given(regex = r"^检查日期为 (\S+)$")]
fn law_on(w: &mut LawWorld, date: String) -> Result<(), String> {
    set_date(w, &date)
}

// ---- what is checked ----

fn add(w: &mut LawWorld, path: &str) -> Result<(), String> {
    let input = w.load(path)?;
    w.inputs.push(input);
    w.checked = None;
    Ok(())
}

fn add_inline(w: &mut LawWorld, name: &str, kind: crate::input::Content, step: &Step) -> Result<(), String> {
    let text = step
        .docstring
        .as_deref()
        .ok_or("write the input below this step, between \"\"\" lines")?;
    let input = w.inline(name, text, kind)?;
    w.inputs.push(input);
    w.checked = None;
    Ok(())
}

#[given(regex = r#"^the certificate "([^"]+)"$"#)]
#[given(regex = r#"^证书 "([^"]+)"$"#)]
fn certificate(w: &mut LawWorld, path: String) -> Result<(), String> {
    add(w, &path)
}

#[given(regex = r#"^the to-be-signed certificate "([^"]+)"$"#)]
#[given(regex = r#"^待签名证书 "([^"]+)"$"#)]
#[given(regex = r#"^the certification request "([^"]+)"$"#)]
#[given(regex = r#"^证书申请 "([^"]+)"$"#)]
#[given(regex = r#"^the CRL "([^"]+)"$"#)]
#[given(regex = r#"^证书撤销列表 "([^"]+)"$"#)]
#[given(regex = r#"^the OCSP response "([^"]+)"$"#)]
#[given(regex = r#"^OCSP 响应 "([^"]+)"$"#)]
fn pipeline_input(w: &mut LawWorld, path: String) -> Result<(), String> {
    add(w, &path)
}

#[given(regex = r#"^the issuer certificate "([^"]+)"$"#)]
#[given(regex = r#"^颁发者证书 "([^"]+)"$"#)]
fn issuer_certificate(w: &mut LawWorld, path: String) -> Result<(), String> {
    let input = w.load(&path)?;
    w.context.push(input);
    w.checked = None;
    Ok(())
}

#[given(regex = r#"^the CA profile "([^"]+)"$"#)]
#[given(regex = r#"^机构概况 "([^"]+)"$"#)]
fn ca_profile(w: &mut LawWorld, path: String) -> Result<(), String> {
    add(w, &path)
}

#[given(regex = r"^a CA profile:$")]
#[given(regex = r"^机构概况：$")]
fn ca_profile_inline(w: &mut LawWorld, step: &Step) -> Result<(), String> {
    add_inline(w, "profile.yaml", crate::input::Content::CaProfile, step)
}

#[given(regex = r#"^the rule statement "([^"]+)"$"#)]
#[given(regex = r#"^业务规则 "([^"]+)"$"#)]
fn rule_statement(w: &mut LawWorld, path: String) -> Result<(), String> {
    add(w, &path)
}

#[given(regex = r"^a rule statement:$")]
#[given(regex = r"^业务规则：$")]
fn rule_statement_inline(w: &mut LawWorld, step: &Step) -> Result<(), String> {
    add_inline(w, "statement.md", crate::input::Content::RuleStatement, step)
}

// ---- checking ----

#[when(regex = r"^it is checked$")]
#[when(regex = r"^进行检查$")]
fn checked(w: &mut LawWorld) -> Result<(), String> {
    w.check()
}

#[when(regex = r"^it is checked under the current regime$")]
#[when(regex = r"^按现行法律进行检查$")]
fn checked_current(w: &mut LawWorld) -> Result<(), String> {
    set_regime(w, "current")?;
    w.check()
}

#[when(regex = r"^it is checked under the draft measures of 2024$")]
#[when(regex = r"^按2024年办法征求意见稿进行检查$")]
fn checked_draft(w: &mut LawWorld) -> Result<(), String> {
    set_regime(w, "draft-2024")?;
    w.check()
}

// ---- expectations ----

/// The finding of a rule on the last subject of the rule's kind.
fn finding(w: &mut LawWorld, rule_id: &str) -> Result<(String, crate::engine::Finding), String> {
    let rules = w.rules()?;
    let Some((index, rule)) = rules.rule(rule_id) else {
        let ids = rules.rules.iter().map(|r| r.id.as_str());
        return Err(format!(
            "there is no rule `{rule_id}`{}",
            suggestion(rule_id, ids).map_or_else(String::new, |s| format!("; {s}"))
        ));
    };
    if w.checked.is_none() {
        w.check()?;
    }
    let checked = w.checked.as_ref().ok_or("the check did not run")?;
    let (subject, findings) = w
        .subjects
        .iter()
        .zip(checked)
        .rev()
        .find(|(s, _)| s.kind == rule.applies_to)
        .ok_or_else(|| {
            format!(
                "rule `{rule_id}` applies to a {}, and the scenario gives none",
                rule.applies_to.word()
            )
        })?;
    let f = findings
        .iter()
        .find(|f| f.rule == index)
        .cloned()
        .ok_or_else(|| format!("rule `{rule_id}` gave no finding for `{}`", subject.name))?;
    Ok((subject.name.clone(), f))
}

fn expect(w: &mut LawWorld, rule_id: &str, want: Status) -> Result<(), String> {
    let (subject, f) = finding(w, rule_id)?;
    if f.status == want {
        return Ok(());
    }
    let detail = f.message.en.as_deref().map_or_else(String::new, |m| format!(": {m}"));
    Err(format!(
        "rule `{rule_id}` on `{subject}`: expected {}, but it is {}{detail}",
        want.word(),
        f.status.word()
    ))
}

/// The expectation step in English; `certlex coverage` reads features with it too.
pub const RULE_STATUS_EN: &str =
    r#"^rule "([^"]+)" (passes|fails|is not applicable|needs evidence|is undetermined|is not in force)$"#;
/// The expectation step in Chinese.
pub const RULE_STATUS_ZH: &str = r#"^规则 "([^"]+)" (通过|不通过|不适用|需要证据|无法判定|未生效)$"#;

/// The status an expectation step names, in either language.
pub fn status_word(word: &str) -> Option<Status> {
    Some(match word {
        "passes" | "通过" => Status::Pass,
        "fails" | "不通过" => Status::Fail,
        "is not applicable" | "不适用" => Status::NotApplicable,
        "needs evidence" | "需要证据" => Status::NeedsEvidence,
        "is undetermined" | "无法判定" => Status::Undetermined,
        "is not in force" | "未生效" => Status::NotInForce,
        _ => return None,
    })
}

#[then(regex = r#"^rule "([^"]+)" (passes|fails|is not applicable|needs evidence|is undetermined|is not in force)$"#)]
#[then(regex = r#"^规则 "([^"]+)" (通过|不通过|不适用|需要证据|无法判定|未生效)$"#)]
fn rule_status(w: &mut LawWorld, rule: String, status: String) -> Result<(), String> {
    let want = status_word(&status).ok_or_else(|| format!("unknown status `{status}`"))?;
    expect(w, &rule, want)
}

fn says(w: &mut LawWorld, rule_id: &str, text: &str) -> Result<(), String> {
    let (subject, f) = finding(w, rule_id)?;
    let messages = [f.message.en.as_deref(), f.message.zh.as_deref()];
    if messages.iter().flatten().any(|m| m.contains(text)) {
        return Ok(());
    }
    Err(format!(
        "the finding of `{rule_id}` on `{subject}` does not say \"{text}\"; it says: {}",
        messages.iter().flatten().copied().collect::<Vec<_>>().join(" / ")
    ))
}

/// What the finding cites: the citations that held on its judging date, in
/// the compact form without their windows (`ESL 17(4)`).
fn cites(w: &mut LawWorld, rule_id: &str, citation: &str, want: bool) -> Result<(), String> {
    let (subject, f) = finding(w, rule_id)?;
    let rules = w.rules()?;
    let held: Vec<String> = rules
        .rules
        .get(f.rule)
        .map(|r| f.citations(&r.cites).map(|c| c.without_window().to_string()).collect())
        .unwrap_or_default();
    if held.iter().any(|c| c == citation) == want {
        return Ok(());
    }
    Err(format!(
        "the finding of `{rule_id}` on `{subject}`, judged at {}, {} \"{citation}\"; it cites: {}",
        f.judged_at,
        if want { "does not cite" } else { "cites" },
        if held.is_empty() {
            "nothing".to_string()
        } else {
            held.join(", ")
        }
    ))
}

#[then(regex = r#"^the finding for "([^"]+)" cites "([^"]+)"$"#)]
#[then(regex = r#"^规则 "([^"]+)" 的结论引用 "([^"]+)"$"#)]
fn finding_cites(w: &mut LawWorld, rule: String, citation: String) -> Result<(), String> {
    cites(w, &rule, &citation, true)
}

#[then(regex = r#"^the finding for "([^"]+)" does not cite "([^"]+)"$"#)]
#[then(regex = r#"^规则 "([^"]+)" 的结论不引用 "([^"]+)"$"#)]
fn finding_does_not_cite(w: &mut LawWorld, rule: String, citation: String) -> Result<(), String> {
    cites(w, &rule, &citation, false)
}

#[then(regex = r#"^the finding for "([^"]+)" is judged by the law of (\S+)$"#)]
#[then(regex = r#"^规则 "([^"]+)" 按 (\S+) 有效的法律判断$"#)]
fn finding_judged_at(w: &mut LawWorld, rule: String, date: String) -> Result<(), String> {
    let want = crate::dates::parse_date(&date).ok_or_else(|| format!("`{date}` is not a date like 2016-01-01"))?;
    let (subject, f) = finding(w, &rule)?;
    if f.judged_at == want {
        return Ok(());
    }
    Err(format!(
        "the finding of `{rule}` on `{subject}` is judged by the law of {}, not {want}",
        f.judged_at
    ))
}

#[then(regex = r#"^the finding for "([^"]+)" says "(.*)"$"#)]
#[then(regex = r#"^规则 "([^"]+)" 的结论说明 "(.*)"$"#)]
fn finding_says(w: &mut LawWorld, rule: String, text: String) -> Result<(), String> {
    says(w, &rule, &text)
}

fn conformance(w: &mut LawWorld, want: bool) -> Result<(), String> {
    let rules = w.rules()?;
    if w.checked.is_none() {
        w.check()?;
    }
    let checked = w.checked.as_ref().ok_or("the check did not run")?;
    let gate = crate::report::Gate::default();
    let blocking: Vec<String> = w
        .subjects
        .iter()
        .zip(checked)
        .flat_map(|(s, fs)| fs.iter().filter(|f| gate.blocks(f, &rules)).map(move |f| (s, f)))
        .map(|(s, f)| {
            format!(
                "{} {} on {}",
                rules.rules.get(f.rule).map_or("?", |r| r.id.as_str()),
                f.status.word(),
                s.name
            )
        })
        .collect();
    match (want, blocking.is_empty()) {
        (true, true) | (false, false) => Ok(()),
        (true, false) => Err(format!("expected conformance, but: {}", blocking.join("; "))),
        (false, true) => Err("expected it not to conform, but every rule passed or did not apply".into()),
    }
}

#[then(regex = r"^it conforms$")]
#[then(regex = r"^符合$")]
fn conforms(w: &mut LawWorld) -> Result<(), String> {
    conformance(w, true)
}

#[then(regex = r"^it does not conform$")]
#[then(regex = r"^不符合$")]
fn does_not_conform(w: &mut LawWorld) -> Result<(), String> {
    conformance(w, false)
}
