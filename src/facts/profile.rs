//! CA profile facts: the one schema of the `ca-profile` kind, and the reader
//! that fills it from a YAML file.
//!
//! A CA profile is a YAML file a certification authority (电子认证服务机构)
//! writes about itself: legal entity, permit, capital, staff, premises,
//! cryptography approval, rule statement, regions and outlets, delegations,
//! filed certificate chains, record retention, termination plan, outside-the-mainland
//! recognitions, complaint channel, and `attestations` (evidence for duties
//! only a person can judge).
//!
//! The schema below is the single source of truth: the YAML reader walks it
//! (so a key it does not list is an error with a "did you mean"), the rule
//! loader checks fact paths against it, `certlex schema ca-profile` turns it
//! into a JSON Schema for editors, and `docs/facts/ca-profile.md` is generated
//! from it. Every YAML key has the name of its fact; facts marked `computed`
//! are worked out by certlex and may not be written.

mod context;
mod derive;
pub mod edit;
mod json_schema;
mod read;
pub(crate) mod scalar;
pub mod yaml;

pub use context::gather;
pub use json_schema::json_schema;
pub use read::{looks_like_profile, read};

use super::schema::{Field, Ty};

const STRS: Ty = Ty::List(&Ty::Str);

static LEGAL_ENTITY: &[Field] = &[
    Field::new("name", Ty::Str, "registered name of the enterprise (企业名称)")
.zh("企业名称"),
    Field::new(
        "unified_social_credit_code",
        Ty::Str,
        "unified social credit code (统一社会信用代码), 18 characters (GB 32100-2015)",
    )
.zh("统一社会信用代码，18 位（GB 32100-2015）"),
    Field::new("registered_address", Ty::Str, "registered address (住所)")
.zh("住所"),
    Field::new("legal_representative", Ty::Str, "legal representative (法定代表人)")
.zh("法定代表人"),
    Field::new(
        "jurisdiction",
        Ty::Str,
        "country where the entity is established, ISO 3166 two-letter code (`CN`; another code, `HK`, `MO` and `TW` included, for a CA established outside the mainland)",
    )
.zh("法人设立地所在国家或地区，ISO 3166 两字母代码（`CN`；境外认证机构为其他代码，含 `HK`、`MO`、`TW`）"),
    Field::computed(
        "credit_code_valid",
        Ty::Bool,
        "the unified social credit code has 18 characters of its alphabet and a correct check character (GB 32100-2015)",
    )
.zh("统一社会信用代码由其字符集的 18 个字符组成，且校验码正确（GB 32100-2015）"),
    Field::computed(
        "credit_code_kind",
        Ty::Str,
        "what the first two characters of the credit code register: `enterprise` (91), `individual-business` (92), `cooperative` (93), `institution` (12), `social-organisation` (51, 52, 53), or `other`",
    )
.zh("信用代码前两位所表示的登记类别：`enterprise`（企业，91）、`individual-business`（个体工商户，92）、`cooperative`（农民专业合作社，93）、`institution`（事业单位，12）、`social-organisation`（社会组织，51、52、53）或 `other`"),
];

static PERMIT: &[Field] = &[
    Field::new(
        "number",
        Ty::Str,
        "number of the electronic certification permit (电子认证许可证书, ESL 18)",
    )
    .zh("电子认证许可证书编号（电子签名法第十八条）"),
    Field::new("issued", Ty::Date, "date the permit was issued").zh("许可证书颁发日期"),
    Field::new("expires", Ty::Date, "date the permit expires").zh("许可证书有效期届满日期"),
    Field::new(
        "published_at",
        Ty::Str,
        "web address where the CA publishes its name and permit number (ESL 18 para 2)",
    )
    .zh("认证机构在互联网上公布其名称、许可证号等信息的网址（电子签名法第十八条第二款）"),
];

static CAPITAL: &[Field] = &[Field::new(
    "registered_rmb",
    Ty::Int,
    "registered capital (注册资本) in RMB, a whole number such as `70_000_000`",
)
.zh("注册资本，人民币元，整数，例如 `70_000_000`")];

static STAFF: &[Field] = &[
    Field::new("technical", Ty::Int, "professional technical staff (专业技术人员)").zh("专业技术人员"),
    Field::new("operations", Ty::Int, "operations management staff (运营管理人员)").zh("运营管理人员"),
    Field::new("security", Ty::Int, "security management staff (安全管理人员)").zh("安全管理人员"),
    Field::new("customer_service", Ty::Int, "customer service staff (客户服务人员)").zh("客户服务人员"),
    Field::new(
        "technical_professionals",
        Ty::Int,
        "professionals of the dedicated technical team (专业技术团队), counted as the 2024 draft counts them",
    )
    .zh("专业技术团队的专业技术人员，按 2024 年征求意见稿的口径计算"),
    Field::computed(
        "total",
        Ty::Int,
        "technical + operations + security + customer_service; unknown when one of them is not stated",
    )
    .zh("专业技术、运营管理、安全管理与客户服务人员之和；其中一项未写明时为未知"),
];

static PREMISES: &[Field] = &[
    Field::new("address", Ty::Str, "address of the fixed premises (固定的经营场所)").zh("固定的经营场所地址"),
    Field::new("tenure", Ty::Str, "`owned` or `leased`").zh("`owned`（自有）或 `leased`（租赁）"),
];

static CRYPTOGRAPHY_APPROVAL: &[Field] = &[
    Field::new(
        "document",
        Ty::Str,
        "reference of the state cryptography administration's document consenting to the use of cryptography (ESL 17(5))",
    )
.zh("国家密码管理机构同意使用密码的证明文件的文号（电子签名法第十七条第（五）项）"),
    Field::new("issued_by", Ty::Str, "the administration that issued it")
.zh("出具文件的机关"),
    Field::new("issued", Ty::Date, "date of the document")
.zh("文件日期"),
];

static EQUIPMENT: &[Field] = &[
    Field::new(
        "national_standards",
        STRS,
        "national standards the technology and equipment conform to, e.g. `GM/T 0034-2014`",
    )
.zh("技术和设备所符合的国家标准，例如 `GM/T 0034-2014`"),
    Field::new(
        "assessment",
        Ty::Str,
        "reference of the conformity assessment or test report; judged at an earlier date than `assessed`, it does not exist yet",
    )
.zh("符合性评估或检测报告的编号；适用日期早于 `assessed` 的，视为尚不存在")
    .exists_from("assessed"),
    Field::new("assessed", Ty::Date, "date of the assessment")
.zh("评估日期"),
];

static RULE_STATEMENT: &[Field] = &[
    Field::new(
        "url",
        Ty::Str,
        "web address where the rule statement (电子认证业务规则) is published (ESL 19)",
    )
.zh("电子认证业务规则的公布网址（电子签名法第十九条）"),
    Field::new("version", Ty::Str, "version of the published rule statement")
.zh("所公布的业务规则的版本"),
    Field::new("published", Ty::Date, "date that version was published")
.zh("该版本的公布日期"),
    Field::new(
        "filing_number",
        Ty::Str,
        "filing record number (备案号) with the regulator; judged at an earlier date than `filed`, the statement is not filed yet",
    )
.zh("向主管部门备案的备案号；适用日期早于 `filed` 的，视为尚未备案")
    .exists_from("filed"),
    Field::new("filed", Ty::Date, "date of filing")
.zh("备案日期"),
];

static OUTLET: &[Field] = &[
    Field::new("name", Ty::Str, "name of the service outlet (服务网点)").zh("服务网点名称"),
    Field::new("address", Ty::Str, "its address").zh("服务网点地址"),
];

static REGION: &[Field] = &[
    Field::new("name", Ty::Str, "province or region of operation, e.g. `河北省`")
        .zh("经营所在的省或地区，例如 `河北省`"),
    Field::new(
        "outlets",
        Ty::List(&Ty::Record(OUTLET)),
        "service outlets in that province or region",
    )
    .zh("该省或地区的服务网点"),
];

static DELEGATION: &[Field] = &[
    Field::new(
        "operation",
        Ty::Str,
        "what is delegated: one of the words listed under `delegations[].operation` in docs/facts/ca-profile.md",
    )
    .zh("委托的业务：docs/facts/ca-profile.md 中 `delegations[].operation` 所列词语之一"),
    Field::new("to", Ty::Str, "the third party it is delegated to").zh("受托的第三方"),
    Field::new("contract", Ty::Str, "reference of the contract").zh("委托合同编号"),
];

static FILED_CHAIN: &[Field] = &[
    Field::new("name", Ty::Str, "name of the chain, e.g. the root CA's common name")
.zh("证书链名称，例如根证书的通用名"),
    Field::new(
        "sha256",
        Ty::Str,
        "SHA-256 fingerprint of the chain's CA certificate, 64 hexadecimal digits (colons and case are ignored; stored lowercase without colons)",
    )
.zh("证书链中认证机构证书的 SHA-256 指纹，64 位十六进制数字（不计冒号和大小写）"),
    Field::new("filed", Ty::Date, "date the chain was filed with the regulator")
.zh("证书链向主管部门备案的日期"),
    Field::new("record", Ty::Str, "filing record reference")
.zh("备案记录编号"),
];

static CA_CERTIFICATE: &[Field] = &[
    Field::new("name", Ty::Str, "name of the CA certificate, e.g. its common name")
.zh("认证机构证书名称，例如其通用名"),
    Field::new(
        "sha256",
        Ty::Str,
        "SHA-256 fingerprint of the CA certificate, 64 hexadecimal digits (colons and case are ignored; stored lowercase without colons)",
    )
.zh("认证机构证书的 SHA-256 指纹，64 位十六进制数字（不计冒号和大小写）"),
];

static RECORDS: &[Field] = &[Field::new(
    "retention_after_expiry",
    Ty::Duration,
    "how long information about certification is kept after a certificate expires, e.g. `5 years` or `60 months` (calendar years and months, as the Civil Code counts them)",
)
.zh("证书失效后与认证相关的信息的保存期限，例如 `5 years` 或 `60 months`（按日历计算）")];

static TERMINATION_PLAN: &[Field] = &[
    Field::new(
        "notice_to_parties",
        Ty::Duration,
        "how long before suspending or terminating service the parties concerned are notified, e.g. `90 days`",
    )
.zh("暂停或者终止服务前通知有关各方的提前期，例如 `90 days`"),
    Field::new(
        "report_to_regulator",
        Ty::Duration,
        "how long before suspending or terminating service the regulator is told, e.g. `60 days`",
    )
.zh("暂停或者终止服务前向主管部门报告的提前期，例如 `60 days`"),
    Field::new(
        "successor",
        Ty::Str,
        "the certification service provider that takes over the business (业务承接), by agreement (ESL 23 para 2)",
    )
.zh("经协议承接业务的电子认证服务提供者（业务承接，电子签名法第二十三条第二款）"),
    Field::new(
        "regulator_arrangement",
        Ty::Str,
        "reference of the application asking the regulator to arrange a provider to take over the business, where no provider agreed (ESL 23 para 3)",
    )
.zh("未能达成业务承接协议时，申请主管部门安排其他电子认证服务提供者承接业务的申请编号"),
    Field::new(
        "planned_date",
        Ty::Date,
        "date of a suspension or termination the CA now plans; absent when none is planned",
    )
.zh("认证机构现已计划的暂停或者终止服务日期；无计划时缺失"),
];

static RECOGNITION: &[Field] = &[
    Field::new("issuer", Ty::Str, "the certification service provider established outside the mainland (境外, Hong Kong, Macao and Taiwan included)")
.zh("境外（含港澳台地区）设立的电子认证服务提供者"),
    Field::new("country", Ty::Str, "its country, ISO 3166 two-letter code")
.zh("其所在国家或地区，ISO 3166 两字母代码"),
    Field::new(
        "basis",
        Ty::Str,
        "`agreement` (有关协议) or `reciprocity` (对等原则), the grounds of ESL 26",
    )
.zh("电子签名法第二十六条的依据：`agreement`（有关协议）或 `reciprocity`（对等原则）"),
    Field::new("certificate_type", Ty::Str, "the type of certificate to be recognised")
.zh("申请核准的证书类型"),
    Field::new(
        "qualifications",
        Ty::Str,
        "reference of the documents on the provider's qualifications",
    )
.zh("该提供者资质证明文件的编号"),
    Field::new(
        "technical_standards",
        STRS,
        "technical standards the certificates follow",
    )
.zh("证书所遵循的技术标准"),
    Field::new("scenarios", STRS, "the uses the certificates are to be recognised for")
.zh("证书申请核准的应用场景"),
    Field::new(
        "approval",
        Ty::Str,
        "reference of the regulator's approval (核准); absent while the application is pending; judged at an earlier date than `approved`, not granted yet",
    )
.zh("主管部门核准文件的编号；申请待决时缺失；适用日期早于 `approved` 的，视为尚未核准")
    .exists_from("approved"),
    Field::new("approved", Ty::Date, "date of the approval")
.zh("核准日期"),
];

static COMPLAINTS: &[Field] = &[
    Field::new("phone", Ty::Str, "complaint telephone line").zh("投诉电话"),
    Field::new("email", Ty::Str, "complaint email address").zh("投诉电子邮箱"),
    Field::new("url", Ty::Str, "web page for complaints and reports").zh("投诉和举报网页"),
    Field::new(
        "procedure",
        Ty::Str,
        "reference of the written complaint-handling procedure",
    )
    .zh("书面投诉处理程序的编号"),
];

static LICENCE_CHANGE: &[Field] = &[
    Field::new(
        "what",
        Ty::Str,
        "what changed: `name`, `domicile`, `legal-representative` or `registered-capital`",
    )
.zh("变更事项：`name`（名称）、`domicile`（住所）、`legal-representative`（法定代表人）或 `registered-capital`（注册资本）"),
    Field::new(
        "registered",
        Ty::Date,
        "date the business-registration change was completed",
    )
.zh("完成工商变更登记的日期"),
    Field::new("licence_changed", Ty::Date, "date the permit change was completed")
.zh("办理许可证书变更手续完成的日期"),
    Field::computed("delay", Ty::Duration, "days from `registered` to `licence_changed`")
.zh("自 `registered` 至 `licence_changed` 的日数"),
];

/// The facts of a CA profile, in the order a profile is usually written.
pub static SCHEMA: &[Field] = &[
    Field::new("legal_entity", Ty::Record(LEGAL_ENTITY), "the enterprise legal person")
.zh("企业法人"),
    Field::computed(
        "outside_mainland",
        Ty::Bool,
        "`legal_entity.jurisdiction` is stated and is not `CN`: a provider established outside the mainland (境外, Hong Kong `HK`, Macao `MO` and Taiwan `TW` included; ESL 26)",
    )
.zh("已写明 `legal_entity.jurisdiction` 且不是 `CN`：境外（含港澳台地区）设立的电子认证服务提供者"),
    Field::new(
        "permit",
        Ty::Record(PERMIT),
        "the electronic certification permit (电子认证许可证书); judged at an earlier date than `permit.issued`, the CA held no permit",
    )
.zh("电子认证许可证书；适用日期早于 `permit.issued` 的，视为当时未持有许可证书")
    .exists_from("issued"),
    Field::new("capital", Ty::Record(CAPITAL), "capital")
.zh("资本"),
    Field::new("staff", Ty::Record(STAFF), "staff by category")
.zh("各类人员"),
    Field::new("premises", Ty::Record(PREMISES), "premises")
.zh("经营场所"),
    Field::new(
        "cryptography_approval",
        Ty::Record(CRYPTOGRAPHY_APPROVAL),
        "the state cryptography administration's consent to use cryptography (ESL 17(5)); judged at an earlier date than its `issued`, not given yet",
    )
.zh("国家密码管理机构同意使用密码的证明文件（电子签名法第十七条第（五）项）；适用日期早于其日期的，视为尚不存在")
    .exists_from("issued"),
    Field::new(
        "equipment",
        Ty::Record(EQUIPMENT),
        "technology and equipment and the national standards they meet (ESL 17(4))",
    )
.zh("技术和设备及其符合的国家标准（电子签名法第十七条第（四）项）"),
    Field::new(
        "rule_statement",
        Ty::Record(RULE_STATEMENT),
        "the published electronic certification rules (电子认证业务规则, ESL 19); judged at an earlier date than `rule_statement.published`, not published yet",
    )
.zh("所公布的电子认证业务规则（电子签名法第十九条）；适用日期早于公布日期的，视为尚未公布")
    .exists_from("published"),
    Field::new(
        "regions",
        Ty::List(&Ty::Record(REGION)),
        "provinces and regions of operation, each with its service outlets",
    )
.zh("经营所在的省和地区及其服务网点"),
    Field::computed(
        "regions_without_outlet",
        STRS,
        "names of the regions whose `outlets` are empty or not stated",
    )
.zh("`outlets` 为空或未写明的地区名称"),
    Field::new(
        "delegations",
        Ty::List(&Ty::Record(DELEGATION)),
        "operations delegated to third parties",
    )
.zh("委托第三方办理的业务"),
    Field::computed(
        "delegated_operations",
        STRS,
        "the `operation` of every delegation, in order",
    )
.zh("各项委托的 `operation`，按顺序"),
    Field::new(
        "filed_chains",
        Ty::List(&Ty::Record(FILED_CHAIN)),
        "certificate chains filed with the regulator; judged at a date, a chain filed later is left out",
    )
.zh("向主管部门备案的证书链；按日期判断时，其后备案的证书链不计")
    .exists_from("filed"),
    Field::new(
        "ca_certificates",
        Ty::List(&Ty::Record(CA_CERTIFICATE)),
        "the provider's own CA certificates (roots and intermediates), filed or not: the certificates of the run under them were issued by this provider, which tells where their provider is established (`issuer_provider` of certificates)",
    )
.zh("该提供者自己的认证机构证书（根证书和中级证书），无论是否备案：本次运行中其下的证书由该提供者签发，据此判断证书的提供者设立于何处（证书的 `issuer_provider`）"),
    Field::new("records", Ty::Record(RECORDS), "record keeping (ESL 24)")
.zh("信息保存（电子签名法第二十四条）"),
    Field::new(
        "termination_plan",
        Ty::Record(TERMINATION_PLAN),
        "the plan for suspending or terminating service (ESL 23)",
    )
.zh("暂停或者终止服务的安排（电子签名法第二十三条）"),
    Field::new(
        "recognitions",
        Ty::List(&Ty::Record(RECOGNITION)),
        "recognitions of certificates issued outside the mainland, applied for or granted (ESL 26)",
    )
.zh("境外签发证书的核准申请或已获核准（电子签名法第二十六条）"),
    Field::new(
        "complaints",
        Ty::Record(COMPLAINTS),
        "the complaint and reporting channel",
    )
.zh("投诉和举报渠道"),
    Field::new(
        "licence_changes",
        Ty::List(&Ty::Record(LICENCE_CHANGE)),
        "changes of name, domicile, legal representative or registered capital, and when the permit followed; judged at a date, a change registered later is left out",
    )
.zh("名称、住所、法定代表人或注册资本的变更及许可证书随之变更的时间；按日期判断时，其后的变更不计")
    .exists_from("registered"),
];

/// Keys of the YAML file that are not facts.
pub const KIND_KEY: &str = "kind";
pub const ATTESTATIONS_KEY: &str = "attestations";
/// The value of `kind:` that marks a CA profile.
pub const KIND: &str = "ca-profile";

/// How a text or number fact is written beyond its type: checked by the
/// reader, stated in the JSON Schema and the documentation.
#[derive(Debug, Clone, Copy)]
pub enum Format {
    /// An amount of RMB: a whole number (`70_000_000`).
    Money,
    /// A number of people: a whole number.
    Count,
    /// One word of a closed list.
    OneOf(&'static [Word]),
    /// An ISO 3166 two-letter country code.
    Country,
    /// An `http://` or `https://` address.
    Url,
    /// A SHA-256 fingerprint: 64 hexadecimal digits, colons allowed.
    Sha256,
}

/// A word of a closed list, with its meaning.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub word: &'static str,
    pub doc: &'static str,
}

const fn word(word: &'static str, doc: &'static str) -> Word {
    Word { word, doc }
}

/// Operations a CA may name in `delegations[].operation`. Which of them the
/// 2024 draft's ban on delegating critical operations covers is decided in
/// the rule (`rules/measures-2024-draft/ca-profile/chapter-3.rules`), where a
/// lawyer can read and change it.
pub static OPERATIONS: &[Word] = &[
    word(
        "identity-verification",
        "verifying the applicant's identity and reviewing its materials (身份查验, ESL 20 para 2)",
    ),
    word(
        "application-intake",
        "receiving applications and documents at a registration point, without deciding on them (受理)",
    ),
    word("certificate-issuance", "signing and issuing certificates (签发证书)"),
    word("revocation", "deciding on and carrying out revocation (证书撤销)"),
    word(
        "key-management",
        "generating, storing and using the CA's signing keys (CA 密钥管理)",
    ),
    word(
        "status-services",
        "operating CRL distribution and OCSP responders (证书状态服务)",
    ),
    word("record-keeping", "keeping records about certification (ESL 24)"),
    word("customer-service", "answering customers (客户服务)"),
    word("data-centre-hosting", "hosting of machine rooms (机房托管)"),
    word("token-distribution", "delivering keys and certificate media to holders"),
    word("software-development", "developing systems the CA operates"),
];

static TENURES: &[Word] = &[
    word("owned", "the CA owns the premises"),
    word("leased", "the CA leases the premises"),
];

static BASES: &[Word] = &[
    word("agreement", "under an agreement (根据有关协议)"),
    word("reciprocity", "on the principle of reciprocity (对等原则)"),
];

static CHANGES: &[Word] = &[
    word("name", "company name (名称)"),
    word("domicile", "domicile (住所)"),
    word("legal-representative", "legal representative (法定代表人)"),
    word("registered-capital", "registered capital (注册资本)"),
];

/// The format of the fact at `path` (`capital.registered_rmb`,
/// `delegations[].operation`), if it has one beyond its type.
pub fn format_of(path: &str) -> Option<Format> {
    Some(match path {
        "capital.registered_rmb" => Format::Money,
        "staff.technical"
        | "staff.operations"
        | "staff.security"
        | "staff.customer_service"
        | "staff.technical_professionals" => Format::Count,
        "premises.tenure" => Format::OneOf(TENURES),
        "delegations[].operation" => Format::OneOf(OPERATIONS),
        "recognitions[].basis" => Format::OneOf(BASES),
        "licence_changes[].what" => Format::OneOf(CHANGES),
        "legal_entity.jurisdiction" | "recognitions[].country" => Format::Country,
        "permit.published_at" | "rule_statement.url" | "complaints.url" => Format::Url,
        "filed_chains[].sha256" | "ca_certificates[].sha256" => Format::Sha256,
        _ => return None,
    })
}

/// The introduction of `docs/facts/ca-profile.md`.
/// The introduction of `certlex schema --lang zh ca-profile`.
const DOC_INTRO_ZH: &str = "certlex 从机构概况读取的事实：机构概况是认证机构就自身情况所写的 YAML 文件，每个文件一个认证机构。\
每个事实即同一路径的 YAML 键（`capital.registered_rmb` 即 `capital:` 之下的 `registered_rmb:`）；标为“推导”的事实由 certlex 推算，不得填写。\
机构概况未载明的键视为缺失：比较它的规则结论为“无法判定”，绝不视为通过。";

pub const DOC_INTRO: &str = "What certlex reads from a CA profile: a YAML file, one certification authority per file, \
that it writes about itself. Each fact is the YAML key of the same path (`capital.registered_rmb` is `registered_rmb:` \
under `capital:`); facts marked *computed* are worked out by certlex and may not be written. A key the profile does \
not state is absent: a rule that compares it is *undetermined*, never passed. Besides the facts, a profile may have \
`kind: ca-profile` (recommended: it is how certlex recognises the file) and `attestations:`, a mapping from rule id to \
a reference to the evidence for a duty only a person can judge. `certlex schema ca-profile` prints the JSON Schema \
for editors; `corpus/ca-profiles/` has examples.";

/// The Markdown documentation of the profile facts, with the words of each
/// closed list and the written forms of numbers, dates and durations.
pub fn markdown(docs: &super::schema::Docs) -> String {
    use crate::i18n::Text;
    use std::fmt::Write as _;
    let mut out = super::schema::markdown(
        Text::new(Some("机构概况的事实".into()), Some("CA profile facts".into())),
        Text::new(Some(DOC_INTRO_ZH.into()), Some(DOC_INTRO.into())),
        SCHEMA,
        docs,
    );
    out.push_str(
        "\n## How values are written\n\n\
         | type | written as |\n|---|---|\n\
         | number | a whole number; amounts of RMB in yuan, with `_` between thousands if you like: `70_000_000` (not `7000万`, `7,000,000` or `70 million`) |\n\
         | date | `YYYY-MM-DD`, e.g. `2029-06-30` |\n\
         | duration | a number and a unit: `90 days`, `8 weeks`, `6 months`, `5 years` (a month counts 30 days, a year 365) |\n\
         | text | any text; quote it if it could be read as something else (`version: \"3.10\"`) |\n",
    );
    let mut lists: Vec<(String, Format)> = Vec::new();
    collect_formats(SCHEMA, "", &mut lists);
    out.push_str("\n## Closed lists and formats\n");
    for (path, format) in lists {
        match format {
            Format::OneOf(words) => {
                let _ = write!(out, "\n`{path}` is one of:\n\n");
                for w in words {
                    let _ = writeln!(out, "- `{}`: {}", w.word, w.doc);
                }
            }
            Format::Country => {
                let _ = write!(
                    out,
                    "\n`{path}` is an ISO 3166 two-letter country code in capitals, e.g. `CN`, `DE`.\n"
                );
            }
            Format::Url => {
                let _ = write!(
                    out,
                    "\n`{path}` is a web address starting with `https://` or `http://`.\n"
                );
            }
            Format::Sha256 => {
                let _ = write!(
                    out,
                    "\n`{path}` is 64 hexadecimal digits; colons, spaces and capitals are accepted and removed.\n"
                );
            }
            Format::Money | Format::Count => {}
        }
    }
    out
}

fn collect_formats(fields: &'static [Field], prefix: &str, out: &mut Vec<(String, Format)>) {
    for f in fields {
        let path = if prefix.is_empty() {
            f.name.to_string()
        } else {
            format!("{prefix}.{}", f.name)
        };
        if let Some(fmt) = format_of(&path) {
            out.push((path.clone(), fmt));
        }
        match f.ty {
            Ty::Record(sub) => collect_formats(sub, &path, out),
            Ty::List(Ty::Record(sub)) => collect_formats(sub, &format!("{path}[]"), out),
            _ => {}
        }
    }
}
