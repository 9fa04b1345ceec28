//! The certificate fact schema: every fact a rule may read, with what it
//! means. `docs/facts/certificate.md` is generated from it.

use crate::facts::schema::{Field, Ty};

const STRS: Ty = Ty::List(&Ty::Str);

pub(crate) static ATTRIBUTE: &[Field] = &[
    Field::new(
        "type",
        Ty::Str,
        "short name of the attribute type (`C`, `O`, `CN`, …) or its OID",
    )
    .zh("属性类型的简称（`C`、`O`、`CN` 等）或其 OID"),
    Field::new("oid", Ty::Str, "OID of the attribute type").zh("属性类型的 OID"),
    Field::new(
        "value",
        Ty::Str,
        "the value as text, Chinese included (unknown if it cannot be decoded)",
    )
    .zh("属性值的文字（含中文；无法解码时为未知）"),
    Field::new(
        "encoding",
        Ty::Str,
        "ASN.1 string type: `UTF8String`, `PrintableString`, `BMPString`, …",
    )
    .zh("ASN.1 字符串类型：`UTF8String`、`PrintableString`、`BMPString` 等"),
];

pub(crate) static NAME: &[Field] = &[
    Field::new("country", Ty::Str, "country (C), the first one")
.zh("国家（C），取第一个"),
    Field::new("organization", Ty::Str, "organization (O), the first one")
.zh("组织名称（O），取第一个"),
    Field::new(
        "organizational_unit",
        Ty::Str,
        "organizational unit (OU), the first one",
    )
.zh("组织单位（OU），取第一个"),
    Field::new("common_name", Ty::Str, "common name (CN), the first one")
.zh("通用名（CN），取第一个"),
    Field::new("serial_number", Ty::Str, "serialNumber attribute (2.5.4.5)")
.zh("serialNumber 属性（2.5.4.5）"),
    Field::new("state", Ty::Str, "state or province (ST)")
.zh("省或州（ST）"),
    Field::new("locality", Ty::Str, "locality (L)")
.zh("地区（L）"),
    Field::new("email", Ty::Str, "emailAddress attribute (1.2.840.113549.1.9.1)")
.zh("电子邮件地址属性 emailAddress（1.2.840.113549.1.9.1）"),
    Field::new(
        "organization_identifier",
        Ty::Str,
        "organizationIdentifier attribute (2.5.4.97)",
    )
.zh("组织标识符属性 organizationIdentifier（2.5.4.97）"),
    Field::new(
        "text",
        Ty::Str,
        "the whole name on one line as RFC 4514 writes it, most specific first: `CN=王五, O=某某科技有限公司, C=CN` (Chinese kept as UTF-8; `,` `+` `\\` and the like escaped with `\\`; a value that is not text as `#` and its DER in hexadecimal)",
    )
.zh("按 RFC 4514 写成一行的完整名称，最具体的在前：`CN=王五, O=某某科技有限公司, C=CN`（中文保留为 UTF-8）"),
    Field::new("empty", Ty::Bool, "the name has no attributes at all")
.zh("名称中没有任何属性"),
    Field::new(
        "attributes",
        Ty::List(&Ty::Record(ATTRIBUTE)),
        "every attribute, in order",
    )
.zh("按顺序列出的全部属性"),
];

pub(crate) static SERIAL: &[Field] = &[
    Field::new(
        "hex",
        Ty::Str,
        "the serial number's encoded octets in hexadecimal (two's complement)",
    )
    .zh("证书序列号编码后的字节，十六进制（二进制补码）"),
    Field::new(
        "decimal",
        Ty::Str,
        "the serial number as a signed decimal integer (text: it may exceed 64 bits)",
    )
    .zh("证书序列号的有符号十进制整数（以文字表示，可能超过 64 位）"),
    Field::new("length", Ty::Int, "length of the encoded INTEGER content in octets")
        .zh("INTEGER 编码内容的长度（字节）"),
    Field::new("positive", Ty::Bool, "the serial number is greater than zero").zh("证书序列号大于零"),
];

pub(crate) static ALGORITHM: &[Field] = &[
    Field::new("oid", Ty::Str, "OID, e.g. `1.2.156.10197.1.501` (SM2 with SM3)")
        .zh("OID，例如 `1.2.156.10197.1.501`（SM2 签名算法，SM3 杂凑）"),
    Field::new(
        "name",
        Ty::Str,
        "a readable name, e.g. `sm2-with-sm3`, `sha256WithRSAEncryption`",
    )
    .zh("算法的可读名称，例如 `sm2-with-sm3`、`sha256WithRSAEncryption`"),
];

pub(super) static VALIDITY: &[Field] = &[
    Field::new("not_before", Ty::Date, "start of the validity period")
.zh("证书有效期的起始时间"),
    Field::new("not_after", Ty::Date, "end of the validity period")
.zh("证书有效期的终止时间"),
    Field::new(
        "not_before_encoding",
        Ty::Str,
        "how notBefore is encoded: `UTCTime` or `GeneralizedTime`",
    )
.zh("notBefore 的编码方式：`UTCTime` 或 `GeneralizedTime`"),
    Field::new(
        "not_after_encoding",
        Ty::Str,
        "how notAfter is encoded: `UTCTime` or `GeneralizedTime`",
    )
.zh("notAfter 的编码方式：`UTCTime` 或 `GeneralizedTime`"),
    Field::new("period", Ty::Duration, "length of the validity period, in whole days")
.zh("证书有效期的长度，以整日计"),
    Field::new(
        "not_before_written",
        Ty::Str,
        "notBefore as written in the certificate, e.g. `250101000000Z`",
    )
.zh("证书中写出的 notBefore，例如 `250101000000Z`"),
    Field::new(
        "not_after_written",
        Ty::Str,
        "notAfter as written in the certificate, e.g. `20551231235959Z`",
    )
.zh("证书中写出的 notAfter，例如 `20551231235959Z`"),
    Field::new(
        "not_before_form_ok",
        Ty::Bool,
        "notBefore is written in the one form RFC 5280 4.1.2.5.1 and 4.1.2.5.2 allow: UTCTime `YYMMDDHHMMSSZ` or GeneralizedTime `YYYYMMDDHHMMSSZ`, with seconds, in UTC (`Z`), without fractional seconds",
    )
.zh("notBefore 采用 RFC 5280 第4.1.2.5.1节、第4.1.2.5.2节所允许的唯一形式：UTCTime `YYMMDDHHMMSSZ` 或 GeneralizedTime `YYYYMMDDHHMMSSZ`，含秒、以 Z 结尾"),
    Field::new("not_after_form_ok", Ty::Bool, "notAfter is written in that form")
.zh("notAfter 采用上述形式"),
];

pub(crate) static PUBLIC_KEY: &[Field] = &[
    Field::new(
        "algorithm",
        Ty::Str,
        "`rsa`, `ec`, `sm2`, `ed25519`, `dsa` or the OID; an EC key on the SM2 curve is `sm2`",
    )
.zh("`rsa`、`ec`、`sm2`、`ed25519`、`dsa` 或 OID；SM2 曲线上的 EC 密钥为 `sm2`"),
    Field::new("oid", Ty::Str, "OID of the key algorithm")
.zh("密钥算法的 OID"),
    Field::new(
        "curve",
        Ty::Str,
        "OID of the named curve (EC keys), e.g. `1.2.156.10197.1.301` for SM2",
    )
.zh("具名曲线的 OID（EC 密钥），例如 SM2 曲线为 `1.2.156.10197.1.301`"),
    Field::new(
        "curve_name",
        Ty::Str,
        "name of the curve: `sm2`, `prime256v1`, `secp384r1`, …",
    )
.zh("曲线名称：`sm2`、`prime256v1`、`secp384r1` 等"),
    Field::new("bits", Ty::Int, "key size in bits (RSA modulus or curve size)")
.zh("密钥长度（RSA 模长或曲线长度，位）"),
    Field::new(
        "usable",
        Ty::Bool,
        "the key decodes as a key of its algorithm (an SM2 key: a point on the SM2 curve); unknown for algorithms certlex cannot read",
    )
.zh("该密钥可按其算法解码（SM2 密钥：SM2 曲线上的点）；certlex 无法读取的算法为未知"),
];

pub(super) static EXTENSION: &[Field] = &[
    Field::new("oid", Ty::Str, "OID of the extension")
.zh("扩展的 OID"),
    Field::new("name", Ty::Str, "short name, or the OID if certlex does not know it")
.zh("扩展的简称；certlex 不认识的为其 OID"),
    Field::new("critical", Ty::Bool, "marked critical")
.zh("标为关键扩展"),
    Field::new(
        "criticality_ok",
        Ty::Bool,
        "marked critical or not as RFC 5280 requires: non-critical for authorityKeyIdentifier (4.2.1.1), subjectKeyIdentifier (4.2.1.2), subjectDirectoryAttributes (4.2.1.8), freshestCRL (4.2.1.15), authorityInfoAccess (4.2.2.1) and subjectInfoAccess (4.2.2.2); critical for nameConstraints (4.2.1.10), policyConstraints (4.2.1.11), inhibitAnyPolicy (4.2.1.14) and for basicConstraints in a CA certificate whose key verifies certificates (cA and keyCertSign or no key usage, 4.2.1.9) unless it is self-issued (a root: path validation does not process a trust anchor's extensions, 6.1.1 (d)); true for every other extension",
    )
.zh("标为关键或非关键符合 RFC 5280 的要求（例如机构密钥标识符、主体密钥标识符须为非关键，名称约束须为关键）；其他扩展一律为真"),
    Field::new(
        "known",
        Ty::Bool,
        "certlex understands this extension (x509-parser parses it, it is freshestCRL or the RFC 6962 poison, or it is a GM/T 0015 identity code)",
    )
.zh("certlex 能理解该扩展"),
    Field::new(
        "parses",
        Ty::Bool,
        "the extension's value decodes (always true for extensions certlex does not know)",
    )
.zh("扩展值可以解码（certlex 不认识的扩展一律为真）"),
    Field::new(
        "decode_error",
        Ty::Str,
        "why the value does not decode (the parser's words, in English); absent when it decodes",
    )
.zh("扩展值无法解码的原因（解析器的英文原话）；可以解码时缺失"),
    Field::new(
        "der",
        Ty::Bool,
        "the extension is DER-encoded as RFC 5280 defines it: no DEFAULT value written out (`critical FALSE`, `cA FALSE`), the value is one DER value (definite, shortest lengths; BOOLEAN, INTEGER, BIT STRING, NULL and OID in their DER form; no constructed strings), no empty `SEQUENCE SIZE (1..MAX) OF` (SAN, IAN, EKU, CRL distribution points, freshestCRL, certificate policies and their qualifiers, policy mappings, subject directory attributes, AIA, SIA, name constraint subtrees), a key usage BIT STRING without superfluous octets and with the right unused-bits count; for extensions certlex does not know, only the generic DER rules are checked",
    )
.zh("扩展按 RFC 5280 的定义采用 DER 编码：不写出 DEFAULT 值，值为一个 DER 值"),
    Field::new(
        "der_error",
        Ty::Str,
        "why the extension is not DER (in English); absent when it is",
    )
.zh("扩展不符合 DER 的原因（英文）；符合时缺失"),
];

pub(super) static BASIC_CONSTRAINTS: &[Field] = &[
    Field::new("ca", Ty::Bool, "cA flag").zh("cA 标志"),
    Field::new("path_len", Ty::Int, "pathLenConstraint, if present").zh("路径长度约束 pathLenConstraint（如有）"),
    Field::new("critical", Ty::Bool, "marked critical").zh("标为关键扩展"),
];

pub(super) static KEY_USAGE: &[Field] = &[
    Field::new("digital_signature", Ty::Bool, "digitalSignature").zh("数字签名（digitalSignature）"),
    Field::new("non_repudiation", Ty::Bool, "nonRepudiation (contentCommitment)")
        .zh("不可否认（nonRepudiation，即 contentCommitment）"),
    Field::new("key_encipherment", Ty::Bool, "keyEncipherment").zh("密钥加密（keyEncipherment）"),
    Field::new("data_encipherment", Ty::Bool, "dataEncipherment").zh("数据加密（dataEncipherment）"),
    Field::new("key_agreement", Ty::Bool, "keyAgreement").zh("密钥协商（keyAgreement）"),
    Field::new("key_cert_sign", Ty::Bool, "keyCertSign").zh("签发证书（keyCertSign）"),
    Field::new("crl_sign", Ty::Bool, "cRLSign").zh("签发证书撤销列表（cRLSign）"),
    Field::new("encipher_only", Ty::Bool, "encipherOnly").zh("仅用于加密（encipherOnly）"),
    Field::new("decipher_only", Ty::Bool, "decipherOnly").zh("仅用于解密（decipherOnly）"),
    Field::new("empty", Ty::Bool, "no bit is set").zh("未设置任何位"),
    Field::new("critical", Ty::Bool, "marked critical").zh("标为关键扩展"),
];

pub(super) static EXTENDED_KEY_USAGE: &[Field] = &[
    Field::new("purposes", STRS, "OIDs of the key purposes").zh("密钥用途的 OID"),
    Field::new("critical", Ty::Bool, "marked critical").zh("标为关键扩展"),
];

pub(super) static AKI: &[Field] = &[
    Field::new("key_id", Ty::Str, "keyIdentifier in hexadecimal").zh("密钥标识符 keyIdentifier，十六进制"),
    Field::new(
        "issuer_and_serial",
        Ty::Bool,
        "authorityCertIssuer and authorityCertSerialNumber are given",
    )
    .zh("给出了 authorityCertIssuer 与 authorityCertSerialNumber"),
    Field::new("critical", Ty::Bool, "marked critical").zh("标为关键扩展"),
];

pub(super) static AIA: &[Field] = &[
    Field::new("ocsp", STRS, "OCSP responder URIs").zh("在线证书状态协议（OCSP）服务地址"),
    Field::new("ca_issuers", STRS, "caIssuers URIs").zh("caIssuers 地址（签发者证书的获取地址）"),
    Field::new("critical", Ty::Bool, "marked critical").zh("标为关键扩展"),
];

pub(super) static CRL_DP: &[Field] = &[
    Field::new(
        "uris",
        STRS,
        "URIs (HTTP, LDAP, …) of the distribution points' full names",
    )
    .zh("各分发点完整名称中的地址（HTTP、LDAP 等）"),
    Field::new("count", Ty::Int, "number of distribution points").zh("分发点数量"),
    Field::new("critical", Ty::Bool, "marked critical").zh("标为关键扩展"),
];

pub(super) static POLICY: &[Field] = &[
    Field::new("oid", Ty::Str, "the policy OID").zh("证书策略的 OID"),
    Field::new("cps", STRS, "CPS pointer qualifiers (URIs)").zh("指向电子认证业务规则的限定符（地址）"),
];

pub(super) static SAN: &[Field] = &[
    Field::new("dns", STRS, "dNSName entries").zh("dNSName 条目"),
    Field::new("email", STRS, "rfc822Name entries").zh("rfc822Name 条目"),
    Field::new("uri", STRS, "uniformResourceIdentifier entries").zh("uniformResourceIdentifier 条目"),
    Field::new("ip", STRS, "iPAddress entries, as text").zh("iPAddress 条目（文字形式）"),
    Field::new("count", Ty::Int, "number of entries of any kind").zh("各类条目总数"),
    Field::new("critical", Ty::Bool, "marked critical").zh("标为关键扩展"),
];

pub(super) static IDENTITY_CODE: &[Field] = &[
    Field::new("oid", Ty::Str, "OID of the extension, under `1.2.156.10260.4.1`")
.zh("扩展的 OID，位于 `1.2.156.10260.4.1` 之下"),
    Field::new(
        "kind",
        Ty::Str,
        "`identity_code` (.1), `social_insurance_number` (.2), `ic_registration_number` (.3), `organization_code` (.4), `tax_number` (.5), or the OID",
    )
.zh("`identity_code`（个人身份标识码，.1）、`social_insurance_number`（社会保险号，.2）、`ic_registration_number`（工商注册号，.3）、`organization_code`（组织机构代码，.4）、`tax_number`（税号，.5），或 OID"),
    Field::new(
        "value",
        Ty::Str,
        "the code as text (unknown if the value is not a string)",
    )
.zh("标识码的文字（值不是字符串时为未知）"),
    Field::new("critical", Ty::Bool, "marked critical")
.zh("标为关键扩展"),
];

pub(super) static SIGNATURE: &[Field] = &[
    Field::new(
        "verified",
        Ty::Bool,
        "the issuer's signature verifies with the issuer's public key (SM2: signer ID `1234567812345678`); unknown when the issuer's certificate is not available or its algorithm cannot be checked",
    )
.zh("签发者的签名可用签发者的公钥验证（SM2：签名者标识 `1234567812345678`）；没有签发者证书时为未知"),
    Field::new(
        "algorithms_match",
        Ty::Bool,
        "the signature algorithm outside the signed part equals the one inside it (`signature` in TBSCertificate)",
    )
.zh("签名部分之外的签名算法与其内（TBSCertificate 中的 `signature`）一致"),
    Field::new(
        "issuer_sha256",
        Ty::Str,
        "SHA-256 (hexadecimal) of the certificate whose key verified the signature: the issuer's certificate, or this one when it is self-signed; absent when the signature was not verified",
    )
.zh("验证签名所用公钥所在证书的 SHA-256（十六进制）：签发者证书，自签名时为本证书"),
];

/// Where the provider that issued the certificate is established: a fact
/// about the provider, not the certificate (its C attribute is written by
/// the CA itself), decided by a CA profile of the run.
/// A provider as the register and the CA profiles of the run know it
/// (`facts::register`): who issued a certificate (`issuer_provider`), or
/// whom a CA certificate identifies (`subject_provider`).
pub(super) static PROVIDER: &[Field] = &[
    Field::new(
        "established",
        Ty::Str,
        "`mainland` (established in the mainland of the PRC, under the ESL) or `outside-mainland` (境外，含港澳台地区: abroad, or in Hong Kong, Macao or Taiwan): from a CA profile in this run whose `ca_certificates` or `filed_chains` hold a CA certificate of the chain (its `legal_entity.jurisdiction`), else from the register of providers; unknown when neither decides it (the issuer's C attribute is given in the reason as a hint only)",
    )
    .zh("`mainland`（依照电子签名法在中国大陆设立）或 `outside-mainland`（境外，含港澳台地区），依本次检查中的机构概况或电子认证服务提供者名录判断；二者都无法判断时未知（颁发者名称中的 C 仅作参考）"),
    Field::new(
        "place",
        Ty::Str,
        "the jurisdiction that decided `established` (`CN`, `HK`, `DE` …); absent when it is unknown or the register says only `mainland`",
    )
    .zh("判断 `established` 所依据的法域（`CN`、`HK`、`DE` 等）；未知或名录只写明 `mainland` 时缺失"),
    Field::new(
        "decided_by",
        Ty::Str,
        "who the provider is: the CA profile's legal entity name, or the register entry's name; absent when neither knows the chain",
    )
    .zh("该电子认证服务提供者是谁：机构概况中的法人名称，或名录条目的名称；二者都不知道该证书链时缺失"),
    Field::new(
        "licensed",
        Ty::Str,
        "`yes` or `no`: whether the provider held an electronic certification licence (ESL 18) on the date the certificate was issued (its notBefore), from the CA profile's permit dates or the register (a national root's operating CA: from its notBefore to the date of the list that names it); unknown when neither gives the dates, with what is known in the reason",
    )
    .zh("`yes` 或 `no`：证书签发之日（其 notBefore）该提供者是否持有电子认证许可证书（电子签名法第十八条），依机构概况中许可证书的颁发和到期日期或名录判断；无从判断时未知，原因中说明已知的内容"),
    Field::new(
        "licence",
        Ty::Str,
        "the licence number (许可证号) the CA profile or the register gives; absent when none is known",
    )
    .zh("机构概况或名录给出的许可证号；不知道时缺失"),
    Field::new(
        "licence_from",
        Ty::Date,
        "the day the licence was issued, from the CA profile's `permit.issued` or the register; absent when not known",
    )
    .zh("许可证书的颁发日期，依机构概况的 `permit.issued` 或名录；不知道时缺失"),
    Field::new(
        "licence_until",
        Ty::Date,
        "the day from which the licence was no longer held (expired or revoked), from the CA profile's permit or the register; absent when it is not known to have ended",
    )
    .zh("许可证书不再有效之日（到期或被吊销），依机构概况或名录；不知道其已终止时缺失"),
    Field::new(
        "entry",
        Ty::Str,
        "the register entry (or `profile:<name>` for a CA profile of the run) that identifies the provider, and its source",
    )
    .zh("识别该提供者的名录条目（本次检查中的机构概况为 `profile:<名称>`）及其来源"),
];

pub(super) static CHAIN: &[Field] = &[
    Field::new(
        "issuer_found",
        Ty::Bool,
        "the certificate whose key signed this one is available (itself, for a self-signed certificate; else another input or `--issuers`)",
    )
.zh("签发本证书的公钥所在证书可以获得（自签名证书即本证书，否则为其他输入或 `--issuers`）"),
    Field::new(
        "names_chain",
        Ty::Bool,
        "this certificate's issuer name matches its issuer's subject name as RFC 5280 7.1 compares names (attribute types by OID, RDNs as sets, values after RFC 4518 string preparation: case folded, insignificant spaces ignored, any string type)",
    )
.zh("本证书的签发者名称与签发者证书的主体名称按 RFC 5280 第7.1节相符"),
    Field::new(
        "issuer_is_ca",
        Ty::Bool,
        "the issuer's basic constraints assert cA (or it is an X.509 v1 self-signed root)",
    )
.zh("签发者证书的基本约束声明 cA（或为 X.509 v1 自签名根证书）"),
    Field::new(
        "issuer_key_cert_sign",
        Ty::Bool,
        "the issuer's key usage allows signing certificates (keyCertSign, or no key usage extension)",
    )
.zh("签发者证书的密钥用法允许签发证书（keyCertSign，或无密钥用法扩展）"),
    Field::new(
        "validity_nested",
        Ty::Bool,
        "this certificate's validity lies within its issuer's",
    )
.zh("本证书的有效期在签发者证书的有效期之内"),
    Field::new(
        "path_length_ok",
        Ty::Bool,
        "no CA above this certificate in the chain found has a pathLenConstraint that this path exceeds",
    )
.zh("链上本证书之上的认证机构证书的路径长度约束均未被超出"),
    Field::new(
        "length",
        Ty::Int,
        "number of certificates in the chain found, this one included",
    )
.zh("所找到的证书链中证书的数量（含本证书）"),
    Field::new(
        "anchored",
        Ty::Bool,
        "the chain found ends in a self-signed certificate",
    )
.zh("所找到的证书链止于一张自签名证书"),
];

/// The facts of a certificate.
/// The certificate's own date, at which the law judges what it contains
/// (rules `judged-at own-date`): when it was issued, its notBefore.
pub const OWN_DATE: &[&str] = &["validity", "not_before"];

pub static SCHEMA: &[Field] = &[
    Field::new(
        "form",
        Ty::Str,
        "what was given: `certificate` (signed), `tbs` (the TBSCertificate alone, before signing: facts about the signature are unknown, as there is none yet) or `precertificate` (RFC 6962 3.1: signed, with the critical poison extension `1.3.6.1.4.1.11129.2.4.3`)",
    )
.zh("给出的是什么：`certificate`（已签名的证书）、`tbs`（签名前的 TBSCertificate，签名相关事实未知）或 `precertificate`（预证书）"),
    Field::new("version", Ty::Int, "X.509 version: 1, 2 or 3")
.zh("X.509 版本：1、2 或 3"),
    Field::new("serial", Ty::Record(SERIAL), "the serial number")
.zh("证书序列号"),
    Field::new(
        "signature_algorithm",
        Ty::Record(ALGORITHM),
        "the algorithm of the issuer's signature",
    )
.zh("签发者签名所用的算法"),
    Field::new(
        "issuer",
        Ty::Record(NAME),
        "the issuer's distinguished name: the certification service provider",
    )
.zh("签发者的甄别名：电子认证服务提供者"),
    Field::new(
        "subject",
        Ty::Record(NAME),
        "the subject's distinguished name: the certificate holder",
    )
.zh("主体的甄别名：证书持有人"),
    Field::new(
        "self_issued",
        Ty::Bool,
        "issuer and subject names match (RFC 5280 7.1, as `chain.names_chain` compares them)",
    )
.zh("签发者名称与主体名称相符（RFC 5280 第7.1节）"),
    Field::new(
        "self_signed",
        Ty::Bool,
        "self-issued and the signature verifies with the certificate's own key; unknown if the algorithm cannot be checked; for a to-be-signed certificate (`form` `tbs`), whether it is to be signed by its own key: self-issued, with no authority key identifier or one that names its own key",
    )
.zh("自颁发且签名可用证书自身的公钥验证；算法无法检查时为未知"),
    Field::new(
        "is_ca",
        Ty::Bool,
        "basic constraints are present and assert cA (false without the extension, as RFC 5280 reads it)",
    )
.zh("有基本约束扩展且声明 cA（无该扩展时为假，按 RFC 5280 理解）"),
    Field::new(
        "kind",
        Ty::Str,
        "what the certificate is for: `ca`, `e-signature`, `tls-server`, `tls-client`, `timestamping`, `ocsp-signing`, `encryption`, `code-signing` or `other`, decided from basic constraints, key usage, extended key usage and certificate policies as the section below says; unknown when one of these extensions does not decode",
    )
.zh("证书的用途：`ca`、`e-signature`（电子签名认证证书）、`tls-server`、`tls-client`、`timestamping`、`ocsp-signing`、`encryption`、`code-signing` 或 `other`，判断方法见下表"),
    Field::new("validity", Ty::Record(VALIDITY), "the validity period")
.zh("证书有效期"),
    Field::new(
        "public_key",
        Ty::Record(PUBLIC_KEY),
        "the holder's public key: the electronic signature verification data",
    )
.zh("证书持有人的公钥：证书持有人的电子签名验证数据"),
    Field::new(
        "unique_identifiers",
        Ty::Bool,
        "issuerUniqueID or subjectUniqueID is present",
    )
.zh("有 issuerUniqueID 或 subjectUniqueID"),
    Field::new(
        "extensions",
        Ty::List(&Ty::Record(EXTENSION)),
        "every extension, in order",
    )
.zh("按顺序列出的全部扩展"),
    Field::new(
        "duplicate_extensions",
        STRS,
        "OIDs of extensions that appear more than once",
    )
.zh("出现不止一次的扩展的 OID"),
    Field::new(
        "unknown_critical_extensions",
        STRS,
        "OIDs of extensions marked critical that certlex does not understand",
    )
.zh("标为关键、certlex 却不理解的扩展的 OID"),
    Field::new(
        "extension_decode_errors",
        STRS,
        "one line per extension whose value does not decode: its name, OID and why, e.g. ``subjectAltName` (2.5.29.17): …`",
    )
.zh("每个值无法解码的扩展一行：名称、OID 及原因"),
    Field::new(
        "extension_der_errors",
        STRS,
        "one line per extension that decodes but is not DER (see `extensions[].der`): its name, OID and why",
    )
.zh("每个可以解码但不符合 DER 的扩展一行：名称、OID 及原因"),
    Field::new(
        "extension_criticality_errors",
        STRS,
        "one line per extension not marked critical or non-critical as RFC 5280 requires (see `extensions[].criticality_ok`)",
    )
.zh("每个关键性标记不符合 RFC 5280 要求的扩展一行"),
    Field::new(
        "basic_constraints",
        Ty::Record(BASIC_CONSTRAINTS),
        "basic constraints (absent if the extension is absent)",
    )
.zh("基本约束（无该扩展时缺失）"),
    Field::new(
        "key_usage",
        Ty::Record(KEY_USAGE),
        "key usage (absent if the extension is absent)",
    )
.zh("密钥用法（无该扩展时缺失）"),
    Field::new(
        "extended_key_usage",
        Ty::Record(EXTENDED_KEY_USAGE),
        "extended key usage (absent if the extension is absent)",
    )
.zh("扩展密钥用法（无该扩展时缺失）"),
    Field::new(
        "subject_key_id",
        Ty::Str,
        "subject key identifier in hexadecimal (absent if the extension is absent)",
    )
.zh("主体密钥标识符，十六进制（无该扩展时缺失）"),
    Field::new(
        "authority_key_id",
        Ty::Record(AKI),
        "authority key identifier (absent if the extension is absent)",
    )
.zh("机构密钥标识符（无该扩展时缺失）"),
    Field::new(
        "crl_distribution_points",
        Ty::Record(CRL_DP),
        "CRL distribution points (absent if the extension is absent)",
    )
.zh("证书撤销列表分发点（无该扩展时缺失）"),
    Field::new(
        "freshest_crl",
        Ty::Record(CRL_DP),
        "freshest CRL (delta CRL distribution points, RFC 5280 4.2.1.15; absent if the extension is absent)",
    )
.zh("最新证书撤销列表（增量 CRL 分发点，RFC 5280 第4.2.1.15节；无该扩展时缺失）"),
    Field::new(
        "authority_info_access",
        Ty::Record(AIA),
        "authority information access (absent if the extension is absent)",
    )
.zh("机构信息访问（无该扩展时缺失）"),
    Field::new(
        "certificate_policies",
        Ty::List(&Ty::Record(POLICY)),
        "certificate policies (absent if the extension is absent)",
    )
.zh("证书策略（无该扩展时缺失）"),
    Field::new(
        "subject_alt_name",
        Ty::Record(SAN),
        "subject alternative names (absent if the extension is absent)",
    )
.zh("主体替换名称（无该扩展时缺失）"),
    Field::new(
        "identity_codes",
        Ty::List(&Ty::Record(IDENTITY_CODE)),
        "the Chinese identity-code extensions of GM/T 0015 (`1.2.156.10260.4.1.*`): identity card, social insurance, business registration, organization and tax numbers",
    )
.zh("GM/T 0015 的中国身份标识码扩展（`1.2.156.10260.4.1.*`）：身份证、社会保险、工商注册、组织机构与税号"),
    Field::new(
        "fingerprint_sha256",
        Ty::Str,
        "SHA-256 of the whole certificate (DER), in hexadecimal",
    )
.zh("整张证书（DER）的 SHA-256，十六进制"),
    Field::new(
        "signature",
        Ty::Record(SIGNATURE),
        "the issuer's signature on this certificate",
    )
.zh("签发者对本证书的签名：电子认证服务提供者的电子签名"),
    Field::new(
        "chain",
        Ty::Record(CHAIN),
        "the link to the issuer's certificate, when it is available; facts about the issuer are unknown when it is not",
    )
.zh("与签发者证书的联系（可获得签发者证书时）；否则签发者相关事实未知"),
    Field::new(
        "issuer_provider",
        Ty::Record(PROVIDER),
        "the provider that issued this certificate: where it is established, which decides whether the ESL's duties on certificates reach it (ESL 26), and whether it was licensed when it issued it (ESL 16, 18)",
    )
    .zh("签发本证书的电子认证服务提供者：设立于何处（决定电子签名法对证书的义务是否及于它，第二十六条），以及签发时是否持有许可（第十六条、第十八条）"),
    Field::new(
        "subject_provider",
        Ty::Record(PROVIDER),
        "for a CA certificate, the provider it identifies (an operating CA certificate issued by the national root identifies a licensed provider); absent for a certificate that is not a CA's",
    )
    .zh("认证机构证书所识别的电子认证服务提供者（国家根证书签发的运营认证机构证书识别一个取得许可的提供者）；非认证机构证书时缺失"),
    Field::new(
        "issuer_recognized",
        Ty::Bool,
        "a CA profile in this run records an approval (ESL 26) of this certificate's issuer; unknown when no CA profile in the run records approvals; judged at an earlier date than `issuer_recognized_since`, not approved yet (absent)",
    )
.zh("本次运行中的机构概况记载了对本证书签发者的核准（电子签名法第二十六条）；没有机构概况记载核准时为未知")
    .exists_from("issuer_recognized_since"),
    Field::new(
        "chain_filed",
        Ty::Bool,
        "this certificate or a CA certificate found above it has a SHA-256 fingerprint that a CA profile in this run lists in `filed_chains`; false when the chain found is complete and none matches; unknown when no CA profile in the run lists filed chains, or the chain is incomplete and nothing found matches; judged at an earlier date than `chain_filed_since`, not filed yet (absent)",
    )
.zh("本证书或其上的认证机构证书的 SHA-256 指纹列于本次运行中某机构概况的 `filed_chains`（已备案的证书链）")
    .exists_from("chain_filed_since"),
    Field::new(
        "issuer_recognized_since",
        Ty::Date,
        "the earliest approval date of the approvals of this issuer that CA profiles in this run record; absent when none does, or one states no date",
    )
.zh("本次运行中机构概况所记载的对该签发者的核准中最早的核准日期；没有或未写日期时缺失"),
    Field::new(
        "chain_filed_since",
        Ty::Date,
        "the earliest filing date of the filed chains this certificate's chain matches; absent when none matches, or one states no date",
    )
.zh("本证书链所符合的已备案证书链中最早的备案日期；没有或未写日期时缺失"),
];
