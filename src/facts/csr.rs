//! PKCS#10 certification request facts (RFC 2986): what a CA can decide
//! before it issues — the holder's name, the key (usable, of an accepted
//! algorithm and size), the request's own signature by that key (proof of
//! possession), the signature algorithm (SM2 keys with SM3, GM/T 0015), and
//! whether the requested extensions decode. A request whose attributes
//! (challenge password, extension request) do not decode is not read at
//! all (x509-parser refuses it): an input error, exit 2.

use sha2::{Digest, Sha256};
use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::cri_attributes::ParsedCriAttribute;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;

use super::certificate::der::signed_envelope;
use super::certificate::verify::{Verdict, verify_signed};
use super::certificate::{
    ALGORITHM, NAME, PUBLIC_KEY, ParseError, algorithm, hex, name, oid_name, oid_text, public_key,
};
use super::schema::{Field, Ty};
use super::value::{Record, RecordBuilder, Value};

const STRS: Ty = Ty::List(&Ty::Str);

/// `challengePassword` (PKCS#9, 1.2.840.113549.1.9.7).
const CHALLENGE_PASSWORD: &str = "1.2.840.113549.1.9.7";

static ATTRIBUTE: &[Field] = &[
    Field::new("oid", Ty::Str, "OID of the attribute type").zh("属性类型的 OID"),
    Field::new(
        "name",
        Ty::Str,
        "short name (`challengePassword`, `extensionRequest`) or the OID",
    )
    .zh("简称（`challengePassword`、`extensionRequest`）或 OID"),
];

pub static SCHEMA: &[Field] = &[
    Field::new(
        "version",
        Ty::Int,
        "PKCS#10 version as a number: 1 (the only version, encoded 0)",
    )
.zh("PKCS#10 版本号：1（唯一的版本，编码为 0）"),
    Field::new(
        "subject",
        Ty::Record(NAME),
        "the distinguished name the request asks for: the future certificate holder",
    )
.zh("申请的甄别名：将来的证书持有人"),
    Field::new(
        "public_key",
        Ty::Record(PUBLIC_KEY),
        "the key to be certified: the holder's electronic signature verification data",
    )
.zh("申请认证的公钥：证书持有人的电子签名验证数据"),
    Field::new(
        "signature_algorithm",
        Ty::Record(ALGORITHM),
        "the algorithm of the request's signature",
    )
.zh("申请签名所用的算法"),
    Field::new(
        "signature_verified",
        Ty::Bool,
        "the request's signature verifies with the key it carries (proof of possession of the private key; SM2: signer ID `1234567812345678`); unknown when the algorithm cannot be checked",
    )
.zh("申请的签名可用其所带的公钥验证（证明持有私钥；SM2：签名者标识 `1234567812345678`）"),
    Field::new(
        "attributes",
        Ty::List(&Ty::Record(ATTRIBUTE)),
        "every attribute of the request, in order",
    )
.zh("按顺序列出的申请的全部属性"),
    Field::new(
        "extension_decode_errors",
        STRS,
        "one line per requested extension whose value does not decode: its name, OID and why (a request whose attributes themselves do not decode is not read: it is an input error)",
    )
.zh("每个值无法解码的所申请扩展一行：名称、OID 及原因"),
    Field::new(
        "challenge_password",
        Ty::Bool,
        "a challengePassword attribute is present (its value is never shown)",
    )
.zh("有 challengePassword 属性（其值从不显示）"),
    Field::new(
        "requested_extensions",
        STRS,
        "OIDs of the extensions the request asks for (extensionRequest attribute); absent without one",
    )
.zh("申请要求的扩展的 OID（extensionRequest 属性）；没有该属性时缺失"),
    Field::new(
        "fingerprint_sha256",
        Ty::Str,
        "SHA-256 of the whole request (DER), in hexadecimal",
    )
.zh("整份申请（DER）的 SHA-256，十六进制"),
];

/// Read the facts of one DER-encoded PKCS#10 request.
pub fn extract(der: &[u8]) -> Result<Record, ParseError> {
    let (rest, csr) = X509CertificationRequest::from_der(der)
        .map_err(|e| ParseError(format!("not a valid PKCS#10 certification request: {e}")))?;
    if !rest.is_empty() {
        return Err(ParseError(format!("{} bytes of data follow the request", rest.len())));
    }
    signed_envelope(der).map_err(|why| {
        ParseError(format!(
            "not a valid PKCS#10 certification request: {why} (RFC 2986 4.2)"
        ))
    })?;
    let info = &csr.certification_request_info;
    let mut r = RecordBuilder::new(SCHEMA);
    r.set("version", i64::from(info.version.0) + 1);
    r.set("subject", name(&info.subject));
    r.set("public_key", public_key(&info.subject_pki));
    r.set("signature_algorithm", algorithm(&csr.signature_algorithm.algorithm));
    let verified = match verify_signed(
        info.raw,
        &csr.signature_algorithm,
        &csr.signature_value,
        &info.subject_pki,
    ) {
        Verdict::Valid => Value::Bool(true),
        Verdict::Invalid => Value::Bool(false),
        Verdict::Unsupported(why) => Value::Unknown(std::sync::Arc::new(why)),
    };
    r.set("signature_verified", verified);
    let mut attributes = Vec::new();
    let mut errors = Vec::new();
    let mut challenge = false;
    let mut requested = None;
    for a in info.attributes() {
        let oid = oid_text(&a.oid);
        match a.parsed_attribute() {
            ParsedCriAttribute::ChallengePassword(_) => challenge = true,
            ParsedCriAttribute::ExtensionRequest(req) => {
                let mut oids = Vec::new();
                for e in &req.extensions {
                    let ext_oid = oid_text(&e.oid);
                    if let ParsedExtension::ParseError { error } = e.parsed_extension() {
                        errors.push(Value::from(format!("`{}` ({ext_oid}): {error}", oid_name(&e.oid))));
                    }
                    oids.push(Value::Str(ext_oid));
                }
                requested = Some(oids);
            }
            ParsedCriAttribute::UnsupportedAttribute => challenge |= &*oid == CHALLENGE_PASSWORD,
        }
        let mut e = RecordBuilder::new(ATTRIBUTE);
        e.set("oid", oid);
        e.set("name", oid_name(&a.oid));
        attributes.push(Value::Record(e.finish()));
    }
    r.set("attributes", Value::List(attributes));
    r.set("extension_decode_errors", Value::List(errors));
    r.set("challenge_password", challenge);
    r.set("requested_extensions", Value::opt(requested.map(Value::List)));
    r.set("fingerprint_sha256", hex(&Sha256::digest(der)));
    Ok(r.finish())
}
