//! The certificate fact schema: every fact a rule may read, with what it
//! means. `docs/facts/certificate.md` is generated from it.

use crate::facts::schema::{Field, Ty};

const STRS: Ty = Ty::List(&Ty::Str);

pub(crate) static ATTRIBUTE: &[Field] = &[
    Field::new(
        "type",
        Ty::Str,
        "short name of the attribute type (`C`, `O`, `CN`, …) or its OID",
    ),
    Field::new("oid", Ty::Str, "OID of the attribute type"),
    Field::new(
        "value",
        Ty::Str,
        "the value as text, Chinese included (unknown if it cannot be decoded)",
    ),
    Field::new(
        "encoding",
        Ty::Str,
        "ASN.1 string type: `UTF8String`, `PrintableString`, `BMPString`, …",
    ),
];

pub(crate) static NAME: &[Field] = &[
    Field::new("country", Ty::Str, "country (C), the first one"),
    Field::new("organization", Ty::Str, "organization (O), the first one"),
    Field::new(
        "organizational_unit",
        Ty::Str,
        "organizational unit (OU), the first one",
    ),
    Field::new("common_name", Ty::Str, "common name (CN), the first one"),
    Field::new("serial_number", Ty::Str, "serialNumber attribute (2.5.4.5)"),
    Field::new("state", Ty::Str, "state or province (ST)"),
    Field::new("locality", Ty::Str, "locality (L)"),
    Field::new("email", Ty::Str, "emailAddress attribute (1.2.840.113549.1.9.1)"),
    Field::new(
        "organization_identifier",
        Ty::Str,
        "organizationIdentifier attribute (2.5.4.97)",
    ),
    Field::new(
        "text",
        Ty::Str,
        "the whole name on one line as RFC 4514 writes it, most specific first: `CN=王五, O=某某科技有限公司, C=CN` (Chinese kept as UTF-8; `,` `+` `\\` and the like escaped with `\\`; a value that is not text as `#` and its DER in hexadecimal)",
    ),
    Field::new("empty", Ty::Bool, "the name has no attributes at all"),
    Field::new(
        "attributes",
        Ty::List(&Ty::Record(ATTRIBUTE)),
        "every attribute, in order",
    ),
];

pub(crate) static SERIAL: &[Field] = &[
    Field::new(
        "hex",
        Ty::Str,
        "the serial number's encoded octets in hexadecimal (two's complement)",
    ),
    Field::new(
        "decimal",
        Ty::Str,
        "the serial number as a signed decimal integer (text: it may exceed 64 bits)",
    ),
    Field::new("length", Ty::Int, "length of the encoded INTEGER content in octets"),
    Field::new("positive", Ty::Bool, "the serial number is greater than zero"),
];

pub(crate) static ALGORITHM: &[Field] = &[
    Field::new("oid", Ty::Str, "OID, e.g. `1.2.156.10197.1.501` (SM2 with SM3)"),
    Field::new(
        "name",
        Ty::Str,
        "a readable name, e.g. `sm2-with-sm3`, `sha256WithRSAEncryption`",
    ),
];

pub(super) static VALIDITY: &[Field] = &[
    Field::new("not_before", Ty::Date, "start of the validity period"),
    Field::new("not_after", Ty::Date, "end of the validity period"),
    Field::new(
        "not_before_encoding",
        Ty::Str,
        "how notBefore is encoded: `UTCTime` or `GeneralizedTime`",
    ),
    Field::new(
        "not_after_encoding",
        Ty::Str,
        "how notAfter is encoded: `UTCTime` or `GeneralizedTime`",
    ),
    Field::new("period", Ty::Duration, "length of the validity period, in whole days"),
    Field::new(
        "not_before_written",
        Ty::Str,
        "notBefore as written in the certificate, e.g. `250101000000Z`",
    ),
    Field::new(
        "not_after_written",
        Ty::Str,
        "notAfter as written in the certificate, e.g. `20551231235959Z`",
    ),
    Field::new(
        "not_before_form_ok",
        Ty::Bool,
        "notBefore is written in the one form RFC 5280 4.1.2.5.1 and 4.1.2.5.2 allow: UTCTime `YYMMDDHHMMSSZ` or GeneralizedTime `YYYYMMDDHHMMSSZ`, with seconds, in UTC (`Z`), without fractional seconds",
    ),
    Field::new("not_after_form_ok", Ty::Bool, "notAfter is written in that form"),
];

pub(crate) static PUBLIC_KEY: &[Field] = &[
    Field::new(
        "algorithm",
        Ty::Str,
        "`rsa`, `ec`, `sm2`, `ed25519`, `dsa` or the OID; an EC key on the SM2 curve is `sm2`",
    ),
    Field::new("oid", Ty::Str, "OID of the key algorithm"),
    Field::new(
        "curve",
        Ty::Str,
        "OID of the named curve (EC keys), e.g. `1.2.156.10197.1.301` for SM2",
    ),
    Field::new(
        "curve_name",
        Ty::Str,
        "name of the curve: `sm2`, `prime256v1`, `secp384r1`, …",
    ),
    Field::new("bits", Ty::Int, "key size in bits (RSA modulus or curve size)"),
    Field::new(
        "usable",
        Ty::Bool,
        "the key decodes as a key of its algorithm (an SM2 key: a point on the SM2 curve); unknown for algorithms certlex cannot read",
    ),
];

pub(super) static EXTENSION: &[Field] = &[
    Field::new("oid", Ty::Str, "OID of the extension"),
    Field::new("name", Ty::Str, "short name, or the OID if certlex does not know it"),
    Field::new("critical", Ty::Bool, "marked critical"),
    Field::new(
        "criticality_ok",
        Ty::Bool,
        "marked critical or not as RFC 5280 requires: non-critical for authorityKeyIdentifier (4.2.1.1), subjectKeyIdentifier (4.2.1.2), subjectDirectoryAttributes (4.2.1.8), freshestCRL (4.2.1.15), authorityInfoAccess (4.2.2.1) and subjectInfoAccess (4.2.2.2); critical for nameConstraints (4.2.1.10), policyConstraints (4.2.1.11), inhibitAnyPolicy (4.2.1.14) and for basicConstraints in a CA certificate whose key verifies certificates (cA and keyCertSign or no key usage, 4.2.1.9) unless it is self-issued (a root: path validation does not process a trust anchor's extensions, 6.1.1 (d)); true for every other extension",
    ),
    Field::new(
        "known",
        Ty::Bool,
        "certlex understands this extension (x509-parser parses it, it is freshestCRL or the RFC 6962 poison, or it is a GM/T 0015 identity code)",
    ),
    Field::new(
        "parses",
        Ty::Bool,
        "the extension's value decodes (always true for extensions certlex does not know)",
    ),
    Field::new(
        "decode_error",
        Ty::Str,
        "why the value does not decode (the parser's words, in English); absent when it decodes",
    ),
    Field::new(
        "der",
        Ty::Bool,
        "the extension is DER-encoded as RFC 5280 defines it: no DEFAULT value written out (`critical FALSE`, `cA FALSE`), the value is one DER value (definite, shortest lengths; BOOLEAN, INTEGER, BIT STRING, NULL and OID in their DER form; no constructed strings), no empty `SEQUENCE SIZE (1..MAX) OF` (SAN, IAN, EKU, CRL distribution points, freshestCRL, certificate policies and their qualifiers, policy mappings, subject directory attributes, AIA, SIA, name constraint subtrees), a key usage BIT STRING without superfluous octets and with the right unused-bits count; for extensions certlex does not know, only the generic DER rules are checked",
    ),
    Field::new(
        "der_error",
        Ty::Str,
        "why the extension is not DER (in English); absent when it is",
    ),
];

pub(super) static BASIC_CONSTRAINTS: &[Field] = &[
    Field::new("ca", Ty::Bool, "cA flag"),
    Field::new("path_len", Ty::Int, "pathLenConstraint, if present"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

pub(super) static KEY_USAGE: &[Field] = &[
    Field::new("digital_signature", Ty::Bool, "digitalSignature"),
    Field::new("non_repudiation", Ty::Bool, "nonRepudiation (contentCommitment)"),
    Field::new("key_encipherment", Ty::Bool, "keyEncipherment"),
    Field::new("data_encipherment", Ty::Bool, "dataEncipherment"),
    Field::new("key_agreement", Ty::Bool, "keyAgreement"),
    Field::new("key_cert_sign", Ty::Bool, "keyCertSign"),
    Field::new("crl_sign", Ty::Bool, "cRLSign"),
    Field::new("encipher_only", Ty::Bool, "encipherOnly"),
    Field::new("decipher_only", Ty::Bool, "decipherOnly"),
    Field::new("empty", Ty::Bool, "no bit is set"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

pub(super) static EXTENDED_KEY_USAGE: &[Field] = &[
    Field::new("purposes", STRS, "OIDs of the key purposes"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

pub(super) static AKI: &[Field] = &[
    Field::new("key_id", Ty::Str, "keyIdentifier in hexadecimal"),
    Field::new(
        "issuer_and_serial",
        Ty::Bool,
        "authorityCertIssuer and authorityCertSerialNumber are given",
    ),
    Field::new("critical", Ty::Bool, "marked critical"),
];

pub(super) static AIA: &[Field] = &[
    Field::new("ocsp", STRS, "OCSP responder URIs"),
    Field::new("ca_issuers", STRS, "caIssuers URIs"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

pub(super) static CRL_DP: &[Field] = &[
    Field::new(
        "uris",
        STRS,
        "URIs (HTTP, LDAP, …) of the distribution points' full names",
    ),
    Field::new("count", Ty::Int, "number of distribution points"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

pub(super) static POLICY: &[Field] = &[
    Field::new("oid", Ty::Str, "the policy OID"),
    Field::new("cps", STRS, "CPS pointer qualifiers (URIs)"),
];

pub(super) static SAN: &[Field] = &[
    Field::new("dns", STRS, "dNSName entries"),
    Field::new("email", STRS, "rfc822Name entries"),
    Field::new("uri", STRS, "uniformResourceIdentifier entries"),
    Field::new("ip", STRS, "iPAddress entries, as text"),
    Field::new("count", Ty::Int, "number of entries of any kind"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

pub(super) static IDENTITY_CODE: &[Field] = &[
    Field::new("oid", Ty::Str, "OID of the extension, under `1.2.156.10260.4.1`"),
    Field::new(
        "kind",
        Ty::Str,
        "`identity_code` (.1), `social_insurance_number` (.2), `ic_registration_number` (.3), `organization_code` (.4), `tax_number` (.5), or the OID",
    ),
    Field::new(
        "value",
        Ty::Str,
        "the code as text (unknown if the value is not a string)",
    ),
    Field::new("critical", Ty::Bool, "marked critical"),
];

pub(super) static SIGNATURE: &[Field] = &[
    Field::new(
        "verified",
        Ty::Bool,
        "the issuer's signature verifies with the issuer's public key (SM2: signer ID `1234567812345678`); unknown when the issuer's certificate is not available or its algorithm cannot be checked",
    ),
    Field::new(
        "algorithms_match",
        Ty::Bool,
        "the signature algorithm outside the signed part equals the one inside it (`signature` in TBSCertificate)",
    ),
    Field::new(
        "issuer_sha256",
        Ty::Str,
        "SHA-256 (hexadecimal) of the certificate whose key verified the signature: the issuer's certificate, or this one when it is self-signed; absent when the signature was not verified",
    ),
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
    ),
    Field::new(
        "place",
        Ty::Str,
        "the jurisdiction that decided `established` (`CN`, `HK`, `DE` …); absent when it is unknown or the register says only `mainland`",
    ),
    Field::new(
        "decided_by",
        Ty::Str,
        "who the provider is: the CA profile's legal entity name, or the register entry's name; absent when neither knows the chain",
    ),
    Field::new(
        "licensed",
        Ty::Str,
        "`yes` or `no`: whether the provider held an electronic certification licence (ESL 18) on the date the certificate was issued (its notBefore), from the CA profile's permit dates or the register (a national root's operating CA: from its notBefore to the date of the list that names it); unknown when neither gives the dates, with what is known in the reason",
    ),
    Field::new(
        "licence",
        Ty::Str,
        "the licence number (许可证号) the CA profile or the register gives; absent when none is known",
    ),
    Field::new(
        "entry",
        Ty::Str,
        "the register entry (or `profile:<name>` for a CA profile of the run) that identifies the provider, and its source",
    ),
];

pub(super) static CHAIN: &[Field] = &[
    Field::new(
        "issuer_found",
        Ty::Bool,
        "the certificate whose key signed this one is available (itself, for a self-signed certificate; else another input or `--issuers`)",
    ),
    Field::new(
        "names_chain",
        Ty::Bool,
        "this certificate's issuer name matches its issuer's subject name as RFC 5280 7.1 compares names (attribute types by OID, RDNs as sets, values after RFC 4518 string preparation: case folded, insignificant spaces ignored, any string type)",
    ),
    Field::new(
        "issuer_is_ca",
        Ty::Bool,
        "the issuer's basic constraints assert cA (or it is an X.509 v1 self-signed root)",
    ),
    Field::new(
        "issuer_key_cert_sign",
        Ty::Bool,
        "the issuer's key usage allows signing certificates (keyCertSign, or no key usage extension)",
    ),
    Field::new(
        "validity_nested",
        Ty::Bool,
        "this certificate's validity lies within its issuer's",
    ),
    Field::new(
        "path_length_ok",
        Ty::Bool,
        "no CA above this certificate in the chain found has a pathLenConstraint that this path exceeds",
    ),
    Field::new(
        "length",
        Ty::Int,
        "number of certificates in the chain found, this one included",
    ),
    Field::new(
        "anchored",
        Ty::Bool,
        "the chain found ends in a self-signed certificate",
    ),
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
    ),
    Field::new("version", Ty::Int, "X.509 version: 1, 2 or 3"),
    Field::new("serial", Ty::Record(SERIAL), "the serial number"),
    Field::new(
        "signature_algorithm",
        Ty::Record(ALGORITHM),
        "the algorithm of the issuer's signature",
    ),
    Field::new(
        "issuer",
        Ty::Record(NAME),
        "the issuer's distinguished name: the certification service provider",
    ),
    Field::new(
        "subject",
        Ty::Record(NAME),
        "the subject's distinguished name: the certificate holder",
    ),
    Field::new(
        "self_issued",
        Ty::Bool,
        "issuer and subject names match (RFC 5280 7.1, as `chain.names_chain` compares them)",
    ),
    Field::new(
        "self_signed",
        Ty::Bool,
        "self-issued and the signature verifies with the certificate's own key; unknown if the algorithm cannot be checked; for a to-be-signed certificate (`form` `tbs`), whether it is to be signed by its own key: self-issued, with no authority key identifier or one that names its own key",
    ),
    Field::new(
        "is_ca",
        Ty::Bool,
        "basic constraints are present and assert cA (false without the extension, as RFC 5280 reads it)",
    ),
    Field::new(
        "kind",
        Ty::Str,
        "what the certificate is for: `ca`, `e-signature`, `tls-server`, `tls-client`, `timestamping`, `ocsp-signing`, `encryption`, `code-signing` or `other`, decided from basic constraints, key usage, extended key usage and certificate policies as the section below says; unknown when one of these extensions does not decode",
    ),
    Field::new("validity", Ty::Record(VALIDITY), "the validity period"),
    Field::new(
        "public_key",
        Ty::Record(PUBLIC_KEY),
        "the holder's public key: the electronic signature verification data",
    ),
    Field::new(
        "unique_identifiers",
        Ty::Bool,
        "issuerUniqueID or subjectUniqueID is present",
    ),
    Field::new(
        "extensions",
        Ty::List(&Ty::Record(EXTENSION)),
        "every extension, in order",
    ),
    Field::new(
        "duplicate_extensions",
        STRS,
        "OIDs of extensions that appear more than once",
    ),
    Field::new(
        "unknown_critical_extensions",
        STRS,
        "OIDs of extensions marked critical that certlex does not understand",
    ),
    Field::new(
        "extension_decode_errors",
        STRS,
        "one line per extension whose value does not decode: its name, OID and why, e.g. ``subjectAltName` (2.5.29.17): …`",
    ),
    Field::new(
        "extension_der_errors",
        STRS,
        "one line per extension that decodes but is not DER (see `extensions[].der`): its name, OID and why",
    ),
    Field::new(
        "extension_criticality_errors",
        STRS,
        "one line per extension not marked critical or non-critical as RFC 5280 requires (see `extensions[].criticality_ok`)",
    ),
    Field::new(
        "basic_constraints",
        Ty::Record(BASIC_CONSTRAINTS),
        "basic constraints (absent if the extension is absent)",
    ),
    Field::new(
        "key_usage",
        Ty::Record(KEY_USAGE),
        "key usage (absent if the extension is absent)",
    ),
    Field::new(
        "extended_key_usage",
        Ty::Record(EXTENDED_KEY_USAGE),
        "extended key usage (absent if the extension is absent)",
    ),
    Field::new(
        "subject_key_id",
        Ty::Str,
        "subject key identifier in hexadecimal (absent if the extension is absent)",
    ),
    Field::new(
        "authority_key_id",
        Ty::Record(AKI),
        "authority key identifier (absent if the extension is absent)",
    ),
    Field::new(
        "crl_distribution_points",
        Ty::Record(CRL_DP),
        "CRL distribution points (absent if the extension is absent)",
    ),
    Field::new(
        "freshest_crl",
        Ty::Record(CRL_DP),
        "freshest CRL (delta CRL distribution points, RFC 5280 4.2.1.15; absent if the extension is absent)",
    ),
    Field::new(
        "authority_info_access",
        Ty::Record(AIA),
        "authority information access (absent if the extension is absent)",
    ),
    Field::new(
        "certificate_policies",
        Ty::List(&Ty::Record(POLICY)),
        "certificate policies (absent if the extension is absent)",
    ),
    Field::new(
        "subject_alt_name",
        Ty::Record(SAN),
        "subject alternative names (absent if the extension is absent)",
    ),
    Field::new(
        "identity_codes",
        Ty::List(&Ty::Record(IDENTITY_CODE)),
        "the Chinese identity-code extensions of GM/T 0015 (`1.2.156.10260.4.1.*`): identity card, social insurance, business registration, organization and tax numbers",
    ),
    Field::new(
        "fingerprint_sha256",
        Ty::Str,
        "SHA-256 of the whole certificate (DER), in hexadecimal",
    ),
    Field::new(
        "signature",
        Ty::Record(SIGNATURE),
        "the issuer's signature on this certificate",
    ),
    Field::new(
        "chain",
        Ty::Record(CHAIN),
        "the link to the issuer's certificate, when it is available; facts about the issuer are unknown when it is not",
    ),
    Field::new(
        "issuer_provider",
        Ty::Record(PROVIDER),
        "the provider that issued this certificate: where it is established, which decides whether the ESL's duties on certificates reach it (ESL 26), and whether it was licensed when it issued it (ESL 16, 18)",
    ),
    Field::new(
        "subject_provider",
        Ty::Record(PROVIDER),
        "for a CA certificate, the provider it identifies (an operating CA certificate issued by the national root identifies a licensed provider); absent for a certificate that is not a CA's",
    ),
    Field::new(
        "issuer_recognized",
        Ty::Bool,
        "a CA profile in this run records an approval (ESL 26) of this certificate's issuer; unknown when no CA profile in the run records approvals; judged at an earlier date than `issuer_recognized_since`, not approved yet (absent)",
    )
    .exists_from("issuer_recognized_since"),
    Field::new(
        "chain_filed",
        Ty::Bool,
        "this certificate or a CA certificate found above it has a SHA-256 fingerprint that a CA profile in this run lists in `filed_chains`; false when the chain found is complete and none matches; unknown when no CA profile in the run lists filed chains, or the chain is incomplete and nothing found matches; judged at an earlier date than `chain_filed_since`, not filed yet (absent)",
    )
    .exists_from("chain_filed_since"),
    Field::new(
        "issuer_recognized_since",
        Ty::Date,
        "the earliest approval date of the approvals of this issuer that CA profiles in this run record; absent when none does, or one states no date",
    ),
    Field::new(
        "chain_filed_since",
        Ty::Date,
        "the earliest filing date of the filed chains this certificate's chain matches; absent when none matches, or one states no date",
    ),
];
