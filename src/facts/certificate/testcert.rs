//! Test certificates built in code: a small DER writer and a builder that
//! signs with P-256 keys made from a seed, so a test states exactly the
//! names, extensions and signatures it needs (a PrintableString issuer, a
//! CA without keyCertSign, a corrupt signature, a cross-signed cycle).

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers"
)]

use p256::ecdsa::SigningKey;
use sha2::{Digest, Sha256};
use signature::Signer as _;

use crate::facts::{Record, Ty, Value};

/// A DER TLV with a one-byte tag.
pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let n = content.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes: Vec<u8> = n.to_be_bytes().into_iter().skip_while(|b| *b == 0).collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

pub(crate) fn seq(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

pub(crate) fn oid(dotted: &str) -> Vec<u8> {
    let arcs: Vec<u64> = dotted.split('.').map(|a| a.parse().unwrap()).collect();
    let mut body = Vec::new();
    let mut push = |mut v: u64| {
        let mut tmp = vec![(v & 0x7f) as u8];
        v >>= 7;
        while v > 0 {
            tmp.push(0x80 | (v & 0x7f) as u8);
            v >>= 7;
        }
        tmp.reverse();
        body.extend(tmp);
    };
    push(arcs[0] * 40 + arcs[1]);
    for a in &arcs[2..] {
        push(*a);
    }
    tlv(0x06, &body)
}

fn integer(n: u64) -> Vec<u8> {
    let mut bytes: Vec<u8> = n.to_be_bytes().into_iter().skip_while(|b| *b == 0).collect();
    if bytes.first().is_none_or(|b| b & 0x80 != 0) {
        bytes.insert(0, 0);
    }
    tlv(0x02, &bytes)
}

/// One attribute of a name: its type, the string tag and the value bytes.
#[derive(Debug, Clone)]
pub(crate) struct Attr {
    oid: &'static str,
    tag: u8,
    value: Vec<u8>,
}

impl Attr {
    pub(crate) fn utf8(oid: &'static str, v: &str) -> Self {
        Self::raw(oid, 0x0c, v.as_bytes())
    }
    pub(crate) fn printable(oid: &'static str, v: &str) -> Self {
        Self::raw(oid, 0x13, v.as_bytes())
    }
    pub(crate) fn bmp(oid: &'static str, v: &str) -> Self {
        let bytes: Vec<u8> = v.encode_utf16().flat_map(u16::to_be_bytes).collect();
        Self::raw(oid, 0x1e, &bytes)
    }
    pub(crate) fn raw(oid: &'static str, tag: u8, v: &[u8]) -> Self {
        Self {
            oid,
            tag,
            value: v.to_vec(),
        }
    }
}

/// A Name: RDNs in order, each a SET of attributes.
pub(crate) fn name_der(rdns: &[&[Attr]]) -> Vec<u8> {
    let rdns: Vec<Vec<u8>> = rdns
        .iter()
        .map(|rdn| {
            let attrs: Vec<Vec<u8>> = rdn.iter().map(|a| seq(&[oid(a.oid), tlv(a.tag, &a.value)])).collect();
            tlv(0x31, &attrs.concat())
        })
        .collect();
    seq(&rdns)
}

/// `CN=<cn>` as a UTF8String.
pub(crate) fn cn(cn: &str) -> Vec<u8> {
    name_der(&[&[Attr::utf8("2.5.4.3", cn)]])
}

/// A P-256 key made from a seed (1..=127).
pub(crate) fn key(seed: u8) -> SigningKey {
    SigningKey::from_slice(&[seed; 32]).unwrap()
}

/// A key identifier for a key: the first 20 bytes of its SHA-256.
pub(crate) fn key_id(k: &SigningKey) -> Vec<u8> {
    Sha256::digest(k.verifying_key().to_sec1_bytes())[..20].to_vec()
}

/// An Extension: OID, critical flag (written only when true), value.
pub(crate) fn ext(id: &str, critical: bool, value: &[u8]) -> Vec<u8> {
    let mut parts = vec![oid(id)];
    if critical {
        parts.push(tlv(0x01, &[0xff]));
    }
    parts.push(tlv(0x04, value));
    seq(&parts)
}

pub(crate) fn basic_constraints(ca: bool, path_len: Option<u64>) -> Vec<u8> {
    let mut parts = Vec::new();
    if ca {
        parts.push(tlv(0x01, &[0xff]));
    }
    if let Some(p) = path_len {
        parts.push(integer(p));
    }
    ext("2.5.29.19", true, &seq(&parts))
}

/// keyUsage from its DER BIT STRING content (unused-bits octet first).
pub(crate) fn key_usage(bits: &[u8]) -> Vec<u8> {
    ext("2.5.29.15", true, &tlv(0x03, bits))
}

/// keyUsage keyCertSign and cRLSign, DER-encoded.
pub(crate) fn ca_key_usage() -> Vec<u8> {
    key_usage(&[0x01, 0x06])
}

pub(crate) fn ski(k: &SigningKey) -> Vec<u8> {
    ext("2.5.29.14", false, &tlv(0x04, &key_id(k)))
}

pub(crate) fn aki(k: &SigningKey) -> Vec<u8> {
    ext("2.5.29.35", false, &seq(&[tlv(0x80, &key_id(k))]))
}

/// What a test certificate states; [`Cert::sign`] makes its DER.
#[derive(Clone)]
pub(crate) struct Cert {
    /// 1 writes no version field (X.509 v1, and then no extensions).
    pub version: u8,
    pub serial: u64,
    pub issuer: Vec<u8>,
    pub subject: Vec<u8>,
    pub not_before: Vec<u8>,
    pub not_after: Vec<u8>,
    pub key: SigningKey,
    pub extensions: Vec<Vec<u8>>,
}

const ECDSA_SHA256: &str = "1.2.840.10045.4.3.2";

pub(crate) fn utc(t: &str) -> Vec<u8> {
    tlv(0x17, t.as_bytes())
}

impl Cert {
    /// A version 3 certificate for `subject` with `key`, issued by `issuer`,
    /// valid 2025 to 2030, with no extensions yet.
    pub(crate) fn new(issuer: Vec<u8>, subject: Vec<u8>, key: SigningKey) -> Self {
        Self {
            version: 3,
            serial: 1,
            issuer,
            subject,
            not_before: utc("250101000000Z"),
            not_after: utc("300101000000Z"),
            key,
            extensions: Vec::new(),
        }
    }

    /// A self-signed CA: basic constraints cA, keyCertSign, its own key id.
    pub(crate) fn root(name: &str, key: SigningKey) -> Self {
        let mut c = Self::new(cn(name), cn(name), key.clone());
        c.extensions = vec![basic_constraints(true, None), ca_key_usage(), ski(&key)];
        c
    }

    /// A CA issued by `issuer_key` under `issuer`'s name.
    pub(crate) fn sub_ca(
        issuer: &str,
        issuer_key: &SigningKey,
        name: &str,
        key: SigningKey,
        path_len: Option<u64>,
    ) -> Self {
        let mut c = Self::new(cn(issuer), cn(name), key.clone());
        c.extensions = vec![
            basic_constraints(true, path_len),
            ca_key_usage(),
            ski(&key),
            aki(issuer_key),
        ];
        c
    }

    /// An end-entity certificate issued by `issuer_key` under `issuer`'s name.
    pub(crate) fn leaf(issuer: &str, issuer_key: &SigningKey, name: &str) -> Self {
        let key = key(99);
        let mut c = Self::new(cn(issuer), cn(name), key.clone());
        c.extensions = vec![key_usage(&[0x06, 0xc0]), ski(&key), aki(issuer_key)];
        c
    }

    pub(crate) fn tbs(&self) -> Vec<u8> {
        let mut parts = Vec::new();
        if self.version > 1 {
            parts.push(tlv(0xa0, &integer(u64::from(self.version - 1))));
        }
        parts.push(integer(self.serial));
        parts.push(seq(&[oid(ECDSA_SHA256)]));
        parts.push(self.issuer.clone());
        parts.push(seq(&[self.not_before.clone(), self.not_after.clone()]));
        parts.push(self.subject.clone());
        let mut point = vec![0];
        point.extend_from_slice(&self.key.verifying_key().to_sec1_bytes());
        parts.push(seq(&[
            seq(&[oid("1.2.840.10045.2.1"), oid("1.2.840.10045.3.1.7")]),
            tlv(0x03, &point),
        ]));
        if self.version == 3 && !self.extensions.is_empty() {
            parts.push(tlv(0xa3, &seq(&self.extensions)));
        }
        seq(&parts)
    }

    /// The certificate's DER, signed by `by`.
    pub(crate) fn sign(&self, by: &SigningKey) -> Vec<u8> {
        let tbs = self.tbs();
        let sig: p256::ecdsa::Signature = by.sign(&tbs);
        let mut bits = vec![0];
        bits.extend_from_slice(&sig.to_der().to_bytes());
        seq(&[tbs, seq(&[oid(ECDSA_SHA256)]), tlv(0x03, &bits)])
    }

    /// Signed by its own key.
    pub(crate) fn self_sign(&self) -> Vec<u8> {
        self.sign(&self.key.clone())
    }
}

/// The value at a dotted path (`a.b`, list index as a number: `a.0.b`).
pub(crate) fn at<'a>(r: &'a Record, path: &str) -> &'a Value {
    let mut fields = super::SCHEMA;
    let mut v: Option<&Value> = None;
    let mut rec = r;
    for seg in path.split('.') {
        if let Some(Value::List(items)) = v {
            let item = &items[seg.parse::<usize>().unwrap()];
            v = Some(item);
            if let Value::Record(inner) = item {
                rec = inner;
            }
            continue;
        }
        let (i, f) = crate::facts::lookup(fields, seg).unwrap_or_else(|| panic!("no fact `{seg}`"));
        let got = rec.get(i);
        match (&f.ty, got) {
            (Ty::Record(sub), Value::Record(inner)) => {
                fields = sub;
                rec = inner;
            }
            (Ty::List(Ty::Record(sub)), _) => fields = sub,
            _ => {}
        }
        v = Some(got);
    }
    v.unwrap()
}

/// The DER of a CA certificate of `corpus/certificates/ca` (`rsa-root`).
pub(crate) fn corpus_ca(name: &str) -> Vec<u8> {
    let path = crate::repo().join(format!("corpus/certificates/ca/{name}.pem"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    crate::input::certificate_ders(&bytes, &crate::limits::Limits::default()).remove(0)
}

/// A run context holding these corpus CA certificates, as `--issuers` gives them.
pub(crate) fn corpus_cas(names: &[&str]) -> crate::facts::context::RunContext {
    let mut ctx = crate::facts::context::RunContext::new();
    for name in names {
        ctx.add_certificate(&corpus_ca(name), crate::facts::context::Origin::Issuers);
    }
    ctx
}

/// A self-signed CA certificate with the subject of `der`, another key and
/// no key identifier: another key of the same CA, or an impostor.
pub(crate) fn named_alike(der: &[u8]) -> Vec<u8> {
    use x509_parser::prelude::FromDer as _;
    let (_, parsed) = x509_parser::certificate::X509Certificate::from_der(der).unwrap_or_else(|e| panic!("{e}"));
    let name = parsed.subject().as_raw().to_vec();
    let mut alike = Cert::new(name.clone(), name, key(7));
    alike.extensions = vec![basic_constraints(true, None), ca_key_usage()];
    alike.self_sign()
}
