//! The outline of a rule statement: RFC 3647's nine parts, which MIIT's
//! specification for electronic certification business rules
//! (电子认证业务规则规范（试行）) follows, and the subsections certlex reads.
//! Titles in English and Chinese, so headings without numbers are recognised.

/// A section certlex knows: its number and the titles it goes by.
pub struct Known {
    pub number: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    /// Other titles seen in practice (lowercase English or Chinese).
    pub aliases: &'static [&'static str],
}

const fn known(number: &'static str, en: &'static str, zh: &'static str, aliases: &'static [&'static str]) -> Known {
    Known {
        number,
        en,
        zh,
        aliases,
    }
}

/// The nine top-level parts (RFC 3647 section 4 / MIIT's specification).
pub static TOP_LEVEL: &[Known] = &[
    known("1", "Introduction", "概括性描述", &["概述", "引言", "总则"]),
    known(
        "2",
        "Publication and Repository Responsibilities",
        "信息发布与信息管理",
        &[
            "信息发布与存储库职责",
            "信息发布和信息管理",
            "publication and repository",
        ],
    ),
    known(
        "3",
        "Identification and Authentication",
        "身份标识与鉴别",
        &["身份标识和鉴别", "识别与鉴别"],
    ),
    known(
        "4",
        "Certificate Life-Cycle Operational Requirements",
        "证书生命周期操作要求",
        &[
            "certificate life cycle operational requirements",
            "证书生命周期操作规范",
        ],
    ),
    known(
        "5",
        "Facility, Management, and Operational Controls",
        "认证机构设施、管理和操作控制",
        &["facility, management and operational controls", "设施、管理和操作控制"],
    ),
    known(
        "6",
        "Technical Security Controls",
        "认证系统技术安全控制",
        &["技术安全控制"],
    ),
    known(
        "7",
        "Certificate, CRL, and OCSP Profiles",
        "证书、证书吊销列表和在线证书状态协议",
        &["certificate, crl and ocsp profiles", "证书、crl和ocsp格式"],
    ),
    known(
        "8",
        "Compliance Audit and Other Assessments",
        "认证机构审计和其他评估",
        &["审计和其他评估", "compliance audit and other assessment"],
    ),
    known(
        "9",
        "Other Business and Legal Matters",
        "法律责任和其他业务条款",
        &["其他业务和法律事项", "other business and legal matters"],
    ),
];

/// Subsections that rules read.
pub static SUBSECTIONS: &[Known] = &[
    known(
        "3.2",
        "Initial Identity Validation",
        "初始身份确认",
        &["初始身份验证", "身份的初始验证"],
    ),
    known(
        "4.9",
        "Certificate Revocation and Suspension",
        "证书撤销和挂起",
        &["证书吊销和挂起", "证书撤销与挂起", "证书吊销与挂起"],
    ),
    known("5.5", "Records Archival", "记录归档", &["记录归档"]),
    known(
        "5.5.2",
        "Retention Period for Archive",
        "归档保存期限",
        &["归档保留期限", "归档记录保存期限", "保存期限"],
    ),
    known(
        "5.8",
        "CA or RA Termination",
        "认证机构或注册机构终止",
        &["电子认证服务机构终止", "认证机构终止", "ca termination"],
    ),
    known(
        "9.6",
        "Representations and Warranties",
        "陈述与担保",
        &["陈述和担保", "声明与担保"],
    ),
    known(
        "9.7",
        "Disclaimers of Warranties",
        "担保免责",
        &["免责声明", "担保责任的免除"],
    ),
    known(
        "9.8",
        "Limitations of Liability",
        "有限责任",
        &["责任限制", "责任的限制", "limitation of liability"],
    ),
    known("9.9", "Indemnities", "赔偿", &["赔偿责任", "indemnity"]),
];

fn normalize(title: &str) -> String {
    title
        .trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || matches!(c, '：' | '。'))
        .to_lowercase()
}

/// Every known title, alias and translation, normalized once, with its
/// number (the first, where two sections share a title). A map: a statement
/// may have many thousands of headings to look up.
static TITLES: std::sync::LazyLock<std::collections::HashMap<String, &'static str>> = std::sync::LazyLock::new(|| {
    let mut map = std::collections::HashMap::new();
    for k in TOP_LEVEL.iter().chain(SUBSECTIONS) {
        for t in [k.en, k.zh].into_iter().chain(k.aliases.iter().copied()) {
            map.entry(normalize(t)).or_insert(k.number);
        }
    }
    map
});

/// The number of a known section whose title this is, if any.
pub fn number_of_title(title: &str) -> Option<&'static str> {
    let t = normalize(title);
    if t.is_empty() {
        return None;
    }
    TITLES.get(&t).copied()
}

/// "2 Publication and Repository Responsibilities（信息发布与信息管理）".
pub fn describe(k: &Known) -> String {
    format!("{} {}（{}）", k.number, k.en, k.zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_recognised_in_both_languages() {
        assert_eq!(number_of_title("Limitations of Liability"), Some("9.8"));
        assert_eq!(number_of_title("责任限制"), Some("9.8"));
        assert_eq!(number_of_title(" 身份标识与鉴别 "), Some("3"));
        assert_eq!(
            number_of_title("publication and repository responsibilities"),
            Some("2")
        );
        assert_eq!(number_of_title("Something else"), None);
    }
}
