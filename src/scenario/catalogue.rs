//! Every scenario step as data: its English and Chinese patterns (the
//! regexes of the cucumber attributes in `steps.rs` and `profile_steps.rs`),
//! a readable template and an example in each language. `certlex test
//! --list-steps`, `docs/scenarios.md`, the language server's completion and
//! the did-you-mean for unknown steps all read this table. cucumber's
//! attribute macros need literal regexes, so the attributes repeat them; a
//! test reads both source files and fails when the two drift apart.

use std::sync::OnceLock;

use regex::Regex;

use super::steps::{RULE_STATUS_EN, RULE_STATUS_ZH};
use crate::i18n::Lang;

/// The Gherkin keyword a step is defined for (`And`/`But` take the one before).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    Given,
    When,
    Then,
}

impl Keyword {
    /// The keyword as a feature writes it.
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Given, Lang::En) => "Given",
            (Self::When, Lang::En) => "When",
            (Self::Then, Lang::En) => "Then",
            (Self::Given, Lang::Zh) => "假如",
            (Self::When, Lang::Zh) => "当",
            (Self::Then, Lang::Zh) => "那么",
        }
    }
}

/// One step of the vocabulary, in both languages.
pub struct Step {
    pub keyword: Keyword,
    /// The regex cucumber matches (as in the attribute).
    pub en: &'static str,
    pub zh: &'static str,
    /// The step as people read it, with its blanks in capitals.
    pub template_en: &'static str,
    pub template_zh: &'static str,
    /// A step as a feature writes it.
    pub example_en: &'static str,
    pub example_zh: &'static str,
}

impl Step {
    pub fn pattern(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }

    pub fn template(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.template_en,
            Lang::Zh => self.template_zh,
        }
    }

    pub fn example(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.example_en,
            Lang::Zh => self.example_zh,
        }
    }
}

#[allow(clippy::too_many_arguments)]
const fn step(
    keyword: Keyword,
    en: &'static str,
    zh: &'static str,
    template_en: &'static str,
    template_zh: &'static str,
    example_en: &'static str,
    example_zh: &'static str,
) -> Step {
    Step {
        keyword,
        en,
        zh,
        template_en,
        template_zh,
        example_en,
        example_zh,
    }
}

use Keyword::{Given, Then, When};

const RULE_STATUS_TEMPLATE_EN: &str =
    r#"rule "RULE" passes|fails|is not applicable|needs evidence|is undetermined|is not in force"#;

/// The vocabulary, in the order `docs/scenarios.md` lists it.
pub static STEPS: &[Step] = &[
    // ---- the law that applies ----
    step(
        Given,
        r"^the current regime$",
        r"^现行法律$",
        "the current regime",
        "现行法律",
        "the current regime",
        "现行法律",
    ),
    step(
        Given,
        r"^the draft measures of 2024$",
        r"^2024年办法征求意见稿$",
        "the draft measures of 2024",
        "2024年办法征求意见稿",
        "the draft measures of 2024",
        "2024年办法征求意见稿",
    ),
    step(
        Given,
        r#"^the regime "([^"]+)"$"#,
        r#"^法律状态 "([^"]+)"$"#,
        r#"the regime "NAME""#,
        r#"法律状态 "NAME""#,
        r#"the regime "draft-2024""#,
        r#"法律状态 "draft-2024""#,
    ),
    step(
        Given,
        r"^the law as in force on (\S+)$",
        r"^(\S+) 有效的法律$",
        "the law as in force on DATE",
        "DATE 有效的法律",
        "the law as in force on 2016-01-01",
        "2016-01-01 有效的法律",
    ),
    step(
        Given,
        r"^the check date (\S+)$",
        r"^检查日期为 (\S+)$",
        "the check date DATE",
        "检查日期为 DATE",
        "the check date 2026-06-01",
        "检查日期为 2026-06-01",
    ),
    // ---- what is checked ----
    step(
        Given,
        r#"^the certificate "([^"]+)"$"#,
        r#"^证书 "([^"]+)"$"#,
        r#"the certificate "PATH""#,
        r#"证书 "PATH""#,
        r#"the certificate "corpus/certificates/real/cfca-ev-root.pem""#,
        r#"证书 "corpus/certificates/real/cfca-ev-root.pem""#,
    ),
    step(
        Given,
        r#"^the to-be-signed certificate "([^"]+)"$"#,
        r#"^待签名证书 "([^"]+)"$"#,
        r#"the to-be-signed certificate "PATH""#,
        r#"待签名证书 "PATH""#,
        r#"the to-be-signed certificate "corpus/pipeline/tbs/rsa-ee.tbs.der""#,
        r#"待签名证书 "corpus/pipeline/tbs/rsa-ee.tbs.der""#,
    ),
    step(
        Given,
        r#"^the certification request "([^"]+)"$"#,
        r#"^证书申请 "([^"]+)"$"#,
        r#"the certification request "PATH""#,
        r#"证书申请 "PATH""#,
        r#"the certification request "corpus/pipeline/csr/rsa.csr.pem""#,
        r#"证书申请 "corpus/pipeline/csr/rsa.csr.pem""#,
    ),
    step(
        Given,
        r#"^the CRL "([^"]+)"$"#,
        r#"^证书撤销列表 "([^"]+)"$"#,
        r#"the CRL "PATH""#,
        r#"证书撤销列表 "PATH""#,
        r#"the CRL "corpus/pipeline/crl/issuer-name-differs.crl.pem""#,
        r#"证书撤销列表 "corpus/pipeline/crl/issuer-name-differs.crl.pem""#,
    ),
    step(
        Given,
        r#"^the OCSP response "([^"]+)"$"#,
        r#"^OCSP 响应 "([^"]+)"$"#,
        r#"the OCSP response "PATH""#,
        r#"OCSP 响应 "PATH""#,
        r#"the OCSP response "corpus/pipeline/ocsp/rsa-good.ocsp.der""#,
        r#"OCSP 响应 "corpus/pipeline/ocsp/rsa-good.ocsp.der""#,
    ),
    step(
        Given,
        r#"^the issuer certificate "([^"]+)"$"#,
        r#"^颁发者证书 "([^"]+)"$"#,
        r#"the issuer certificate "PATH""#,
        r#"颁发者证书 "PATH""#,
        r#"the issuer certificate "corpus/certificates/real/cfca-ev-root.pem""#,
        r#"颁发者证书 "corpus/certificates/real/cfca-ev-root.pem""#,
    ),
    step(
        Given,
        r#"^the CA profile "([^"]+)"$"#,
        r#"^机构概况 "([^"]+)"$"#,
        r#"the CA profile "PATH""#,
        r#"机构概况 "PATH""#,
        r#"the CA profile "corpus/ca-profiles/national-ca.yaml""#,
        r#"机构概况 "corpus/ca-profiles/national-ca.yaml""#,
    ),
    step(
        Given,
        r"^a CA profile:$",
        r"^机构概况：$",
        r#"a CA profile: (then the YAML between """ lines)"#,
        r#"机构概况：（其后在 """ 行之间写 YAML）"#,
        "a CA profile:",
        "机构概况：",
    ),
    step(
        Given,
        r#"^the rule statement "([^"]+)"$"#,
        r#"^业务规则 "([^"]+)"$"#,
        r#"the rule statement "PATH""#,
        r#"业务规则 "PATH""#,
        r#"the rule statement "corpus/rule-statements/complete-bilingual.md""#,
        r#"业务规则 "corpus/rule-statements/complete-bilingual.md""#,
    ),
    step(
        Given,
        r"^a rule statement:$",
        r"^业务规则：$",
        r#"a rule statement: (then the text between """ lines)"#,
        r#"业务规则：（其后在 """ 行之间写正文）"#,
        "a rule statement:",
        "业务规则：",
    ),
    // ---- a CA profile of the corpus, varied ----
    step(
        Given,
        r#"^a CA profile like "([^"]+)" with registered capital of RMB ([0-9][0-9,_]*)$"#,
        r#"^机构概况如 "([^"]+)"，注册资本为人民币 ([0-9][0-9,_]*) 元$"#,
        r#"a CA profile like "PATH" with registered capital of RMB N"#,
        r#"机构概况如 "PATH"，注册资本为人民币 N 元"#,
        r#"a CA profile like "corpus/ca-profiles/national-ca.yaml" with registered capital of RMB 50,000,000"#,
        r#"机构概况如 "corpus/ca-profiles/national-ca.yaml"，注册资本为人民币 50,000,000 元"#,
    ),
    step(
        Given,
        r#"^a CA profile like "([^"]+)" with ([0-9]+) technical professionals$"#,
        r#"^机构概况如 "([^"]+)"，专业技术团队 ([0-9]+) 人$"#,
        r#"a CA profile like "PATH" with N technical professionals"#,
        r#"机构概况如 "PATH"，专业技术团队 N 人"#,
        r#"a CA profile like "corpus/ca-profiles/national-ca.yaml" with 25 technical professionals"#,
        r#"机构概况如 "corpus/ca-profiles/national-ca.yaml"，专业技术团队 25 人"#,
    ),
    step(
        Given,
        r#"^a CA profile like "([^"]+)" with staff of ([0-9]+) technical, ([0-9]+) operations, ([0-9]+) security and ([0-9]+) customer service$"#,
        r#"^机构概况如 "([^"]+)"，专业技术人员 ([0-9]+) 名、运营管理人员 ([0-9]+) 名、安全管理人员 ([0-9]+) 名、客户服务人员 ([0-9]+) 名$"#,
        r#"a CA profile like "PATH" with staff of N technical, N operations, N security and N customer service"#,
        r#"机构概况如 "PATH"，专业技术人员 N 名、运营管理人员 N 名、安全管理人员 N 名、客户服务人员 N 名"#,
        r#"a CA profile like "corpus/ca-profiles/national-ca.yaml" with staff of 20 technical, 5 operations, 5 security and 3 customer service"#,
        r#"机构概况如 "corpus/ca-profiles/national-ca.yaml"，专业技术人员 20 名、运营管理人员 5 名、安全管理人员 5 名、客户服务人员 3 名"#,
    ),
    step(
        Given,
        r#"^a CA profile like "([^"]+)" with no service outlet in (\S+)$"#,
        r#"^机构概况如 "([^"]+)"，在(\S+)没有服务网点$"#,
        r#"a CA profile like "PATH" with no service outlet in REGION"#,
        r#"机构概况如 "PATH"，在REGION没有服务网点"#,
        r#"a CA profile like "corpus/ca-profiles/national-ca.yaml" with no service outlet in 河北省"#,
        r#"机构概况如 "corpus/ca-profiles/national-ca.yaml"，在河北省没有服务网点"#,
    ),
    step(
        Given,
        r#"^a CA profile like "([^"]+)" with "([^"]+)" set to (.+)$"#,
        r#"^机构概况如 "([^"]+)"，其中 "([^"]+)" 为 (.+)$"#,
        r#"a CA profile like "PATH" with "KEY" set to VALUE"#,
        r#"机构概况如 "PATH"，其中 "KEY" 为 VALUE"#,
        r#"a CA profile like "corpus/ca-profiles/national-ca.yaml" with "records.retention_after_expiry" set to 3 years"#,
        r#"机构概况如 "corpus/ca-profiles/national-ca.yaml"，其中 "records.retention_after_expiry" 为 3 years"#,
    ),
    step(
        Given,
        r#"^a CA profile like "([^"]+)" without "([^"]+)"$"#,
        r#"^机构概况如 "([^"]+)"，删除 "([^"]+)"$"#,
        r#"a CA profile like "PATH" without "KEY""#,
        r#"机构概况如 "PATH"，删除 "KEY""#,
        r#"a CA profile like "corpus/ca-profiles/national-ca.yaml" without "permit""#,
        r#"机构概况如 "corpus/ca-profiles/national-ca.yaml"，删除 "permit""#,
    ),
    step(
        Given,
        r#"^a CA profile like "([^"]+)" without "([^"]+)" and with "([^"]+)" set to (.+)$"#,
        r#"^机构概况如 "([^"]+)"，删除 "([^"]+)"，其中 "([^"]+)" 为 (.+)$"#,
        r#"a CA profile like "PATH" without "KEY" and with "KEY" set to VALUE"#,
        r#"机构概况如 "PATH"，删除 "KEY"，其中 "KEY" 为 VALUE"#,
        r#"a CA profile like "corpus/ca-profiles/terminating-30-days.yaml" without "termination_plan.successor" and with "termination_plan.planned_date" set to 2025-12-31"#,
        r#"机构概况如 "corpus/ca-profiles/terminating-30-days.yaml"，删除 "termination_plan.successor"，其中 "termination_plan.planned_date" 为 2025-12-31"#,
    ),
    // ---- checking ----
    step(
        When,
        r"^it is checked$",
        r"^进行检查$",
        "it is checked",
        "进行检查",
        "it is checked",
        "进行检查",
    ),
    step(
        When,
        r"^it is checked under the current regime$",
        r"^按现行法律进行检查$",
        "it is checked under the current regime",
        "按现行法律进行检查",
        "it is checked under the current regime",
        "按现行法律进行检查",
    ),
    step(
        When,
        r"^it is checked under the draft measures of 2024$",
        r"^按2024年办法征求意见稿进行检查$",
        "it is checked under the draft measures of 2024",
        "按2024年办法征求意见稿进行检查",
        "it is checked under the draft measures of 2024",
        "按2024年办法征求意见稿进行检查",
    ),
    // ---- expectations ----
    step(
        Then,
        RULE_STATUS_EN,
        RULE_STATUS_ZH,
        RULE_STATUS_TEMPLATE_EN,
        r#"规则 "RULE" 通过|不通过|不适用|需要证据|无法判定|未生效"#,
        r#"rule "ESL-21-1" passes"#,
        r#"规则 "ESL-21-1" 通过"#,
    ),
    step(
        Then,
        r#"^the finding for "([^"]+)" cites "([^"]+)"$"#,
        r#"^规则 "([^"]+)" 的结论引用 "([^"]+)"$"#,
        r#"the finding for "RULE" cites "CITATION""#,
        r#"规则 "RULE" 的结论引用 "CITATION""#,
        r#"the finding for "ESL-17-CRYPTO-APPROVAL" cites "ESL 17(4)""#,
        r#"规则 "ESL-17-CRYPTO-APPROVAL" 的结论引用 "ESL 17(4)""#,
    ),
    step(
        Then,
        r#"^the finding for "([^"]+)" does not cite "([^"]+)"$"#,
        r#"^规则 "([^"]+)" 的结论不引用 "([^"]+)"$"#,
        r#"the finding for "RULE" does not cite "CITATION""#,
        r#"规则 "RULE" 的结论不引用 "CITATION""#,
        r#"the finding for "ESL-17-CRYPTO-APPROVAL" does not cite "ESL 17(5)""#,
        r#"规则 "ESL-17-CRYPTO-APPROVAL" 的结论不引用 "ESL 17(5)""#,
    ),
    step(
        Then,
        r#"^the finding for "([^"]+)" is judged by the law of (\S+)$"#,
        r#"^规则 "([^"]+)" 按 (\S+) 有效的法律判断$"#,
        r#"the finding for "RULE" is judged by the law of DATE"#,
        r#"规则 "RULE" 按 DATE 有效的法律判断"#,
        r#"the finding for "ESL-21-1" is judged by the law of 2004-06-01"#,
        r#"规则 "ESL-21-1" 按 2004-06-01 有效的法律判断"#,
    ),
    step(
        Then,
        r#"^the finding for "([^"]+)" says "(.*)"$"#,
        r#"^规则 "([^"]+)" 的结论说明 "(.*)"$"#,
        r#"the finding for "RULE" says "TEXT""#,
        r#"规则 "RULE" 的结论说明 "TEXT""#,
        r#"the finding for "ESL-21-1" says "does not name""#,
        r#"规则 "ESL-21-1" 的结论说明 "未载明""#,
    ),
    step(
        Then,
        r"^it conforms$",
        r"^符合$",
        "it conforms",
        "符合",
        "it conforms",
        "符合",
    ),
    step(
        Then,
        r"^it does not conform$",
        r"^不符合$",
        "it does not conform",
        "不符合",
        "it does not conform",
        "不符合",
    ),
];

/// The compiled patterns of [`STEPS`], by position: `(en, zh)`.
fn compiled() -> &'static [(Option<Regex>, Option<Regex>)] {
    static COMPILED: OnceLock<Vec<(Option<Regex>, Option<Regex>)>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        STEPS
            .iter()
            .map(|s| (Regex::new(s.en).ok(), Regex::new(s.zh).ok()))
            .collect()
    })
}

/// The step a text matches in `lang`, with the texts of its capture groups.
pub fn find(lang: Lang, text: &str) -> Option<(&'static Step, Vec<String>)> {
    STEPS.iter().zip(compiled()).find_map(|(s, (en, zh))| {
        let re = match lang {
            Lang::En => en.as_ref()?,
            Lang::Zh => zh.as_ref()?,
        };
        let caps = re.captures(text)?;
        let groups = caps.iter().skip(1).map(|m| m.map_or("", |m| m.as_str()).to_string());
        Some((s, groups.collect()))
    })
}

/// What is wrong with a step no pattern matches, in the feature's
/// language: a hint for full-width quotes, the nearest step of the
/// vocabulary in both languages (of the step's keyword, where one is near).
pub fn unknown_step_help(lang: Lang, keyword: Option<Keyword>, text: &str) -> String {
    let mut parts = Vec::new();
    let ascii = text.replace(['“', '”', '＂'], "\"");
    if ascii != text {
        parts.push(match lang {
            Lang::Zh => "步骤中的引号是全角引号（“ ”）：请改用半角引号 \"".to_string(),
            Lang::En => "the step has full-width quotes (“ ”): write plain \" instead".to_string(),
        });
    }
    let near = keyword
        .and_then(|k| nearest(lang, Some(k), &ascii))
        .or_else(|| nearest(lang, None, &ascii));
    if let Some(near) = near {
        parts.push(match lang {
            Lang::Zh => format!("是否想写：{}（英文：{}）", near.template_zh, near.template_en),
            Lang::En => format!("did you mean: {} (in Chinese: {})", near.template_en, near.template_zh),
        });
    } else {
        parts.push(match lang {
            Lang::Zh => "`certlex test --list-steps` 列出所有步骤".to_string(),
            Lang::En => "`certlex test --list-steps` lists every step".to_string(),
        });
    }
    parts.join("; ")
}

/// The step of the vocabulary (of `keyword`, if given) nearest to `text`
/// (quoted values set aside), if any is near enough to be worth suggesting.
pub fn nearest(lang: Lang, keyword: Option<Keyword>, text: &str) -> Option<&'static Step> {
    let want = skeleton(text);
    STEPS
        .iter()
        .filter(|s| keyword.is_none_or(|k| s.keyword == k))
        .map(|s| {
            let score = [s.template(lang), s.example(lang)]
                .iter()
                .map(|t| strsim::normalized_levenshtein(&want, &skeleton(t)))
                .fold(0.0_f64, f64::max);
            (s, score)
        })
        .filter(|(_, score)| *score >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(s, _)| s)
}

/// A step's words with every quoted value emptied: `the certificate ""`.
fn skeleton(text: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
            out.push(c);
        } else if !quoted {
            out.push(c);
        }
    }
    out
}

/// Every step in `langs` with an example, as `certlex test --list-steps`
/// prints it and `docs/scenarios.md` shows it.
pub fn listing(langs: &[Lang]) -> String {
    let mut out = String::new();
    for (kw, heading) in [(Given, "Given / 假如"), (When, "When / 当"), (Then, "Then / 那么")] {
        out.push_str(heading);
        out.push('\n');
        for s in STEPS.iter().filter(|s| s.keyword == kw) {
            for &l in langs {
                out.push_str(&format!("  {} {}\n", kw.word(l), s.template(l)));
            }
            for &l in langs {
                let e = match l {
                    Lang::En => "e.g.",
                    Lang::Zh => "例如",
                };
                out.push_str(&format!("      {e} {} {}\n", kw.word(l), s.example(l)));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(keyword, regex)` of every step attribute in the step source files.
    fn attributes() -> Vec<(Keyword, String)> {
        let re = Regex::new(r##"(?s)#\[(given|when|then)\(\s*regex\s*=\s*(?:r#"(.*?)"#|r"(.*?)")\s*\)\]"##).unwrap();
        let mut out = Vec::new();
        for file in ["steps.rs", "profile_steps.rs"] {
            let path = format!("{}/src/scenario/{file}", crate::repo().display());
            let text = std::fs::read_to_string(path).unwrap();
            let attrs = ["#[given(", "#[when(", "#[then("]
                .iter()
                .map(|a| text.matches(a).count())
                .sum::<usize>();
            let found: Vec<_> = re.captures_iter(&text).collect();
            assert_eq!(found.len(), attrs, "{file}: every step attribute is `regex = r\"…\"`");
            for c in found {
                let kw = match &c[1] {
                    "given" => Given,
                    "when" => When,
                    _ => Then,
                };
                let pattern = c.get(2).or(c.get(3)).unwrap().as_str().to_string();
                out.push((kw, pattern));
            }
        }
        out
    }

    #[test]
    fn the_catalogue_and_the_cucumber_attributes_agree() {
        let attrs = attributes();
        let mut ours: Vec<(Keyword, String)> = STEPS
            .iter()
            .flat_map(|s| [(s.keyword, s.en.to_string()), (s.keyword, s.zh.to_string())])
            .collect();
        for a in &attrs {
            assert!(ours.contains(a), "step attribute {a:?} is not in the catalogue");
        }
        for o in &ours {
            assert!(attrs.contains(o), "catalogue step {o:?} has no cucumber attribute");
        }
        ours.dedup();
        assert_eq!(ours.len(), attrs.len());
    }

    #[test]
    fn every_example_matches_its_own_pattern_and_no_earlier_one() {
        for s in STEPS {
            for l in [Lang::En, Lang::Zh] {
                let (found, _) = find(l, s.example(l)).unwrap_or_else(|| panic!("{}", s.example(l)));
                assert!(
                    std::ptr::eq(found, s),
                    "`{}` matches `{}`",
                    s.example(l),
                    found.pattern(l)
                );
            }
        }
    }

    #[test]
    fn unknown_steps_get_the_nearest_step_in_both_languages() {
        let help = unknown_step_help(Lang::En, Some(Given), r#"the certficate "a.pem""#);
        assert!(
            help.contains(r#"did you mean: the certificate "PATH" (in Chinese: 证书 "PATH")"#),
            "{help}"
        );
        let help = unknown_step_help(Lang::Zh, Some(Then), r#"规则 "ESL-21-1" 通 过"#);
        assert!(help.contains("是否想写：规则 \"RULE\""), "{help}");
        assert!(help.contains("英文：rule \"RULE\""), "{help}");
        assert!(nearest(Lang::En, None, "completely unrelated words here").is_none());
        // The step's own keyword first: `Then the certificate passes` is
        // nearer a Then step than the Given step `the certificate "PATH"`.
        let then = nearest(Lang::En, Some(Then), r#"rule "X" pases"#).unwrap();
        assert_eq!(then.template_en, RULE_STATUS_TEMPLATE_EN);
    }

    #[test]
    fn full_width_quotes_get_a_hint() {
        let help = unknown_step_help(Lang::Zh, Some(Given), "证书 “corpus/a.pem”");
        assert!(help.contains("全角引号"), "{help}");
        assert!(help.contains("证书 \"PATH\""), "{help}");
        let help = unknown_step_help(Lang::En, Some(Given), "the certificate “corpus/a.pem”");
        assert!(help.contains("full-width quotes"), "{help}");
    }

    #[test]
    fn docs_scenarios_shows_the_listing() {
        let path = format!("{}/docs/scenarios.md", crate::repo().display());
        let doc = std::fs::read_to_string(path).unwrap();
        let want = format!(
            "<!-- steps:begin (`certlex test --list-steps`; a test compares) -->\n```text\n{}```\n<!-- steps:end -->",
            listing(&[Lang::En, Lang::Zh])
        );
        assert!(
            doc.contains(&want),
            "docs/scenarios.md must hold, between the steps markers, the output of `certlex test --list-steps`:\n{want}"
        );
    }

    #[test]
    fn the_listing_names_every_step_in_both_languages() {
        let all = listing(&[Lang::En, Lang::Zh]);
        for s in STEPS {
            assert!(all.contains(s.template_en) && all.contains(s.template_zh));
            assert!(all.contains(s.example_en) && all.contains(s.example_zh));
        }
        let zh = listing(&[Lang::Zh]);
        assert!(!zh.contains("the certificate"), "{zh}");
    }
}
