//! CA profile facts: the one schema of the `ca-profile` kind, and the reader
//! that fills it from a YAML file.
//!
//! A CA profile is a YAML file a certification authority (电子认证服务机构)
//! writes about itself: legal entity, permit, capital, staff, premises,
//! cryptography approval, rule statement, regions and outlets, delegations,
//! filed certificate chains, record retention, termination plan, foreign
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
    Field::new("name", Ty::Str, "registered name of the enterprise (企业名称)"),
    Field::new(
        "unified_social_credit_code",
        Ty::Str,
        "unified social credit code (统一社会信用代码), 18 characters (GB 32100-2015)",
    ),
    Field::new("registered_address", Ty::Str, "registered address (住所)"),
    Field::new("legal_representative", Ty::Str, "legal representative (法定代表人)"),
    Field::new(
        "jurisdiction",
        Ty::Str,
        "country where the entity is established, ISO 3166 two-letter code (`CN`; another code for a foreign CA)",
    ),
    Field::computed(
        "credit_code_valid",
        Ty::Bool,
        "the unified social credit code has 18 characters of its alphabet and a correct check character (GB 32100-2015)",
    ),
    Field::computed(
        "credit_code_kind",
        Ty::Str,
        "what the first two characters of the credit code register: `enterprise` (91), `individual-business` (92), `cooperative` (93), `institution` (12), `social-organisation` (51, 52, 53), or `other`",
    ),
];

static PERMIT: &[Field] = &[
    Field::new(
        "number",
        Ty::Str,
        "number of the electronic certification permit (电子认证许可证书, ESL 18)",
    ),
    Field::new("issued", Ty::Date, "date the permit was issued"),
    Field::new("expires", Ty::Date, "date the permit expires"),
    Field::new(
        "published_at",
        Ty::Str,
        "web address where the CA publishes its name and permit number (ESL 18 para 2)",
    ),
];

static CAPITAL: &[Field] = &[Field::new(
    "registered_rmb",
    Ty::Int,
    "registered capital (注册资本) in RMB, a whole number such as `70_000_000`",
)];

static STAFF: &[Field] = &[
    Field::new("technical", Ty::Int, "professional technical staff (专业技术人员)"),
    Field::new("operations", Ty::Int, "operations management staff (运营管理人员)"),
    Field::new("security", Ty::Int, "security management staff (安全管理人员)"),
    Field::new("customer_service", Ty::Int, "customer service staff (客户服务人员)"),
    Field::new(
        "technical_professionals",
        Ty::Int,
        "professionals of the dedicated technical team (专业技术团队), counted as the 2024 draft counts them",
    ),
    Field::computed(
        "total",
        Ty::Int,
        "technical + operations + security + customer_service; unknown when one of them is not stated",
    ),
];

static PREMISES: &[Field] = &[
    Field::new("address", Ty::Str, "address of the fixed premises (固定的经营场所)"),
    Field::new("tenure", Ty::Str, "`owned` or `leased`"),
];

static CRYPTOGRAPHY_APPROVAL: &[Field] = &[
    Field::new(
        "document",
        Ty::Str,
        "reference of the state cryptography administration's document consenting to the use of cryptography (ESL 17(5))",
    ),
    Field::new("issued_by", Ty::Str, "the administration that issued it"),
    Field::new("issued", Ty::Date, "date of the document"),
];

static EQUIPMENT: &[Field] = &[
    Field::new(
        "national_standards",
        STRS,
        "national standards the technology and equipment conform to, e.g. `GM/T 0034-2014`",
    ),
    Field::new(
        "assessment",
        Ty::Str,
        "reference of the conformity assessment or test report; judged at an earlier date than `assessed`, it does not exist yet",
    )
    .exists_from("assessed"),
    Field::new("assessed", Ty::Date, "date of the assessment"),
];

static RULE_STATEMENT: &[Field] = &[
    Field::new(
        "url",
        Ty::Str,
        "web address where the rule statement (电子认证业务规则) is published (ESL 19)",
    ),
    Field::new("version", Ty::Str, "version of the published rule statement"),
    Field::new("published", Ty::Date, "date that version was published"),
    Field::new(
        "filing_number",
        Ty::Str,
        "filing record number (备案号) with the regulator; judged at an earlier date than `filed`, the statement is not filed yet",
    )
    .exists_from("filed"),
    Field::new("filed", Ty::Date, "date of filing"),
];

static OUTLET: &[Field] = &[
    Field::new("name", Ty::Str, "name of the service outlet (服务网点)"),
    Field::new("address", Ty::Str, "its address"),
];

static REGION: &[Field] = &[
    Field::new("name", Ty::Str, "province or region of operation, e.g. `河北省`"),
    Field::new(
        "outlets",
        Ty::List(&Ty::Record(OUTLET)),
        "service outlets in that province or region",
    ),
];

static DELEGATION: &[Field] = &[
    Field::new(
        "operation",
        Ty::Str,
        "what is delegated: one of the words listed under `delegations[].operation` in docs/facts/ca-profile.md",
    ),
    Field::new("to", Ty::Str, "the third party it is delegated to"),
    Field::new("contract", Ty::Str, "reference of the contract"),
];

static FILED_CHAIN: &[Field] = &[
    Field::new("name", Ty::Str, "name of the chain, e.g. the root CA's common name"),
    Field::new(
        "sha256",
        Ty::Str,
        "SHA-256 fingerprint of the chain's CA certificate, 64 hexadecimal digits (colons and case are ignored; stored lowercase without colons)",
    ),
    Field::new("filed", Ty::Date, "date the chain was filed with the regulator"),
    Field::new("record", Ty::Str, "filing record reference"),
];

static RECORDS: &[Field] = &[Field::new(
    "retention_after_expiry",
    Ty::Duration,
    "how long information about certification is kept after a certificate expires, e.g. `5 years` (a year counts 365 days, a month 30)",
)];

static TERMINATION_PLAN: &[Field] = &[
    Field::new(
        "notice_to_parties",
        Ty::Duration,
        "how long before suspending or terminating service the parties concerned are notified, e.g. `90 days`",
    ),
    Field::new(
        "report_to_regulator",
        Ty::Duration,
        "how long before suspending or terminating service the regulator is told, e.g. `60 days`",
    ),
    Field::new(
        "successor",
        Ty::Str,
        "the certification service provider that takes over the business (业务承接), by agreement (ESL 23 para 2)",
    ),
    Field::new(
        "regulator_arrangement",
        Ty::Str,
        "reference of the application asking the regulator to arrange a provider to take over the business, where no provider agreed (ESL 23 para 3)",
    ),
    Field::new(
        "planned_date",
        Ty::Date,
        "date of a suspension or termination the CA now plans; absent when none is planned",
    ),
];

static RECOGNITION: &[Field] = &[
    Field::new("issuer", Ty::Str, "the foreign certification service provider"),
    Field::new("country", Ty::Str, "its country, ISO 3166 two-letter code"),
    Field::new(
        "basis",
        Ty::Str,
        "`agreement` (有关协议) or `reciprocity` (对等原则), the grounds of ESL 26",
    ),
    Field::new("certificate_type", Ty::Str, "the type of certificate to be recognised"),
    Field::new(
        "qualifications",
        Ty::Str,
        "reference of the documents on the foreign provider's qualifications",
    ),
    Field::new(
        "technical_standards",
        STRS,
        "technical standards the certificates follow",
    ),
    Field::new("scenarios", STRS, "the uses the certificates are to be recognised for"),
    Field::new(
        "approval",
        Ty::Str,
        "reference of the regulator's approval (核准); absent while the application is pending; judged at an earlier date than `approved`, not granted yet",
    )
    .exists_from("approved"),
    Field::new("approved", Ty::Date, "date of the approval"),
];

static COMPLAINTS: &[Field] = &[
    Field::new("phone", Ty::Str, "complaint telephone line"),
    Field::new("email", Ty::Str, "complaint email address"),
    Field::new("url", Ty::Str, "web page for complaints and reports"),
    Field::new(
        "procedure",
        Ty::Str,
        "reference of the written complaint-handling procedure",
    ),
];

static LICENCE_CHANGE: &[Field] = &[
    Field::new(
        "what",
        Ty::Str,
        "what changed: `name`, `domicile`, `legal-representative` or `registered-capital`",
    ),
    Field::new(
        "registered",
        Ty::Date,
        "date the business-registration change was completed",
    ),
    Field::new("licence_changed", Ty::Date, "date the permit change was completed"),
    Field::computed("delay", Ty::Duration, "days from `registered` to `licence_changed`"),
];

/// The facts of a CA profile, in the order a profile is usually written.
pub static SCHEMA: &[Field] = &[
    Field::new("legal_entity", Ty::Record(LEGAL_ENTITY), "the enterprise legal person"),
    Field::computed(
        "foreign",
        Ty::Bool,
        "`legal_entity.jurisdiction` is stated and is not `CN`: a foreign provider (ESL 26)",
    ),
    Field::new(
        "permit",
        Ty::Record(PERMIT),
        "the electronic certification permit (电子认证许可证书); judged at an earlier date than `permit.issued`, the CA held no permit",
    )
    .exists_from("issued"),
    Field::new("capital", Ty::Record(CAPITAL), "capital"),
    Field::new("staff", Ty::Record(STAFF), "staff by category"),
    Field::new("premises", Ty::Record(PREMISES), "premises"),
    Field::new(
        "cryptography_approval",
        Ty::Record(CRYPTOGRAPHY_APPROVAL),
        "the state cryptography administration's consent to use cryptography (ESL 17(5)); judged at an earlier date than its `issued`, not given yet",
    )
    .exists_from("issued"),
    Field::new(
        "equipment",
        Ty::Record(EQUIPMENT),
        "technology and equipment and the national standards they meet (ESL 17(4))",
    ),
    Field::new(
        "rule_statement",
        Ty::Record(RULE_STATEMENT),
        "the published electronic certification rules (电子认证业务规则, ESL 19); judged at an earlier date than `rule_statement.published`, not published yet",
    )
    .exists_from("published"),
    Field::new(
        "regions",
        Ty::List(&Ty::Record(REGION)),
        "provinces and regions of operation, each with its service outlets",
    ),
    Field::computed(
        "regions_without_outlet",
        STRS,
        "names of the regions whose `outlets` are empty or not stated",
    ),
    Field::new(
        "delegations",
        Ty::List(&Ty::Record(DELEGATION)),
        "operations delegated to third parties",
    ),
    Field::computed(
        "delegated_operations",
        STRS,
        "the `operation` of every delegation, in order",
    ),
    Field::new(
        "filed_chains",
        Ty::List(&Ty::Record(FILED_CHAIN)),
        "certificate chains filed with the regulator; judged at a date, a chain filed later is left out",
    )
    .exists_from("filed"),
    Field::new("records", Ty::Record(RECORDS), "record keeping (ESL 24)"),
    Field::new(
        "termination_plan",
        Ty::Record(TERMINATION_PLAN),
        "the plan for suspending or terminating service (ESL 23)",
    ),
    Field::new(
        "recognitions",
        Ty::List(&Ty::Record(RECOGNITION)),
        "recognitions of foreign certificates applied for or granted (ESL 26)",
    ),
    Field::new(
        "complaints",
        Ty::Record(COMPLAINTS),
        "the complaint and reporting channel",
    ),
    Field::new(
        "licence_changes",
        Ty::List(&Ty::Record(LICENCE_CHANGE)),
        "changes of name, domicile, legal representative or registered capital, and when the permit followed; judged at a date, a change registered later is left out",
    )
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
        "filed_chains[].sha256" => Format::Sha256,
        _ => return None,
    })
}

/// The introduction of `docs/facts/ca-profile.md`.
pub const DOC_INTRO: &str = "What certlex reads from a CA profile: a YAML file, one certification authority per file, \
that it writes about itself. Each fact is the YAML key of the same path (`capital.registered_rmb` is `registered_rmb:` \
under `capital:`); facts marked *computed* are worked out by certlex and may not be written. A key the profile does \
not state is absent: a rule that compares it is *undetermined*, never passed. Besides the facts, a profile may have \
`kind: ca-profile` (recommended: it is how certlex recognises the file) and `attestations:`, a mapping from rule id to \
a reference to the evidence for a duty only a person can judge. `certlex schema ca-profile` prints the JSON Schema \
for editors; `corpus/ca-profiles/` has examples.";

/// The Markdown documentation of the profile facts, with the words of each
/// closed list and the written forms of numbers, dates and durations.
pub fn markdown() -> String {
    use std::fmt::Write as _;
    let mut out = super::schema::markdown("CA profile facts", DOC_INTRO, SCHEMA);
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
