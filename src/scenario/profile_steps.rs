//! Steps that vary a CA profile of the corpus: "a CA profile like
//! `corpus/ca-profiles/national-ca.yaml` with registered capital of RMB
//! 50,000,000". The profile's YAML tree is edited, written out and read
//! again, so the variation goes through the same reader as a file would.
//! Each English step has a Chinese twin calling the same function.

use cucumber::given;

use super::LawWorld;
use crate::facts::profile::edit::{Doc, scalar};
use crate::facts::profile::yaml::Kind;
use crate::source::SourceFile;

/// Read the profile at `path`, apply `edit`, and add the edited profile.
fn like(w: &mut LawWorld, path: &str, edit: impl FnOnce(&mut Doc) -> Result<(), String>) -> Result<(), String> {
    let found = w.resolve_path(path)?;
    let text = std::fs::read_to_string(&found).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    let mut doc = Doc::parse(&SourceFile::new(path, text))?;
    edit(&mut doc)?;
    let input = w.inline(
        &format!("{path} (varied)"),
        &doc.to_yaml(),
        crate::input::Content::CaProfile,
    )?;
    w.inputs.push(input);
    w.checked = None;
    Ok(())
}

/// A number as a scenario writes it: `50,000,000`, `50_000_000` or `50000000`.
fn amount(written: &str) -> Result<i64, String> {
    let digits: String = written.chars().filter(|c| !matches!(c, ',' | '_' | '，')).collect();
    digits.parse().map_err(|_| format!("`{written}` is not a whole number"))
}

#[given(regex = r#"^a CA profile like "([^"]+)" with registered capital of RMB ([0-9][0-9,_]*)$"#)]
#[given(regex = r#"^机构概况如 "([^"]+)"，注册资本为人民币 ([0-9][0-9,_]*) 元$"#)]
fn with_capital(w: &mut LawWorld, path: String, rmb: String) -> Result<(), String> {
    let n = amount(&rmb)?;
    like(w, &path, |d| d.set("capital.registered_rmb", Kind::Int(n)))
}

#[given(regex = r#"^a CA profile like "([^"]+)" with ([0-9]+) technical professionals$"#)]
#[given(regex = r#"^机构概况如 "([^"]+)"，专业技术团队 ([0-9]+) 人$"#)]
fn with_professionals(w: &mut LawWorld, path: String, n: String) -> Result<(), String> {
    let n = amount(&n)?;
    like(w, &path, |d| d.set("staff.technical_professionals", Kind::Int(n)))
}

#[given(
    regex = r#"^a CA profile like "([^"]+)" with staff of ([0-9]+) technical, ([0-9]+) operations, ([0-9]+) security and ([0-9]+) customer service$"#
)]
#[given(
    regex = r#"^机构概况如 "([^"]+)"，专业技术人员 ([0-9]+) 名、运营管理人员 ([0-9]+) 名、安全管理人员 ([0-9]+) 名、客户服务人员 ([0-9]+) 名$"#
)]
fn with_staff(
    w: &mut LawWorld,
    path: String,
    technical: String,
    operations: String,
    security: String,
    customer_service: String,
) -> Result<(), String> {
    let counts = [
        ("staff.technical", amount(&technical)?),
        ("staff.operations", amount(&operations)?),
        ("staff.security", amount(&security)?),
        ("staff.customer_service", amount(&customer_service)?),
    ];
    like(w, &path, |d| {
        counts.iter().try_for_each(|(key, n)| d.set(key, Kind::Int(*n)))
    })
}

#[given(regex = r#"^a CA profile like "([^"]+)" with no service outlet in (\S+)$"#)]
#[given(regex = r#"^机构概况如 "([^"]+)"，在(\S+)没有服务网点$"#)]
fn without_outlet(w: &mut LawWorld, path: String, region: String) -> Result<(), String> {
    like(w, &path, |d| d.no_outlet_in(&region))
}

#[given(regex = r#"^a CA profile like "([^"]+)" with "([^"]+)" set to (.+)$"#)]
#[given(regex = r#"^机构概况如 "([^"]+)"，其中 "([^"]+)" 为 (.+)$"#)]
fn with_value(w: &mut LawWorld, path: String, key: String, value: String) -> Result<(), String> {
    like(w, &path, |d| d.set(&key, scalar(value.trim())))
}

#[given(regex = r#"^a CA profile like "([^"]+)" without "([^"]+)"$"#)]
#[given(regex = r#"^机构概况如 "([^"]+)"，删除 "([^"]+)"$"#)]
fn without_key(w: &mut LawWorld, path: String, key: String) -> Result<(), String> {
    like(w, &path, |d| d.remove(&key))
}

#[given(regex = r#"^a CA profile like "([^"]+)" without "([^"]+)" and with "([^"]+)" set to (.+)$"#)]
#[given(regex = r#"^机构概况如 "([^"]+)"，删除 "([^"]+)"，其中 "([^"]+)" 为 (.+)$"#)]
fn without_and_with(w: &mut LawWorld, path: String, gone: String, key: String, value: String) -> Result<(), String> {
    like(w, &path, |d| {
        d.remove(&gone)?;
        d.set(&key, scalar(value.trim()))
    })
}
