//! Strict DER: what x509-parser reads leniently, checked as RFC 5280 and
//! X.690 write it. A certificate is signed over its DER encoding, and a
//! relying party that re-encodes what it read (or a stricter parser) sees
//! another certificate when the encoding is not DER: a DEFAULT value
//! written out (`critical FALSE`, `cA FALSE`), a key usage BIT STRING with
//! superfluous octets or a wrong unused-bits count, an empty SEQUENCE that
//! `SIZE (1..MAX)` forbids, a time without seconds or not in UTC.
//!
//! The TBS is walked here (not with x509-parser) to see each extension's and
//! each validity time's encoding as written.

/// One TLV: its first identifier octet, its content and the whole of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tlv<'a> {
    pub tag: u8,
    pub content: &'a [u8],
}

const CONSTRUCTED: u8 = 0x20;
/// Nesting deeper than this is not DER certlex reads (no extension nests so).
const MAX_DEPTH: u8 = 32;

/// Read one TLV with a DER header: a low tag number (every tag RFC 5280
/// uses), a definite length in the fewest octets.
pub(crate) fn read(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), String> {
    let (&tag, rest) = input.split_first().ok_or("the encoding ends early")?;
    if tag & 0x1f == 0x1f {
        return Err("a high tag number, which no field here has".into());
    }
    let (&first, rest) = rest.split_first().ok_or("the encoding ends early")?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else if first == 0x80 {
        return Err("an indefinite length, which DER forbids".into());
    } else {
        let n = usize::from(first & 0x7f);
        if n > 4 || rest.len() < n {
            return Err("a length that does not fit the encoding".into());
        }
        let (bytes, rest) = rest.split_at(n);
        if bytes.first() == Some(&0) {
            return Err("a length written with a leading zero octet, which DER forbids".into());
        }
        let len = bytes.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        if len < 0x80 {
            return Err("a length written in the long form although it is under 128, which DER forbids".into());
        }
        (len, rest)
    };
    if rest.len() < len {
        return Err("a length longer than the data".into());
    }
    let (content, rest) = rest.split_at(len);
    Ok((Tlv { tag, content }, rest))
}

/// Exactly one TLV, nothing after it.
pub(crate) fn single(input: &[u8]) -> Result<Tlv<'_>, String> {
    let (tlv, rest) = read(input)?;
    if !rest.is_empty() {
        return Err(format!("{} octets follow the value", rest.len()));
    }
    Ok(tlv)
}

/// Every TLV of `input` and all they contain is DER: headers, and the
/// primitive universal types whose DER form is fixed (BOOLEAN, INTEGER,
/// BIT STRING, NULL, OBJECT IDENTIFIER), and no constructed strings.
fn check_all(mut input: &[u8], depth: u8) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err("nested too deeply".into());
    }
    while !input.is_empty() {
        let (tlv, rest) = read(input)?;
        input = rest;
        let universal = tlv.tag & 0xc0 == 0;
        if tlv.tag & CONSTRUCTED != 0 {
            if universal && matches!(tlv.tag & 0x1f, 3 | 4 | 12 | 19 | 20 | 22 | 26 | 28 | 30) {
                return Err("a string in the constructed form, which DER forbids".into());
            }
            check_all(tlv.content, depth + 1)?;
        } else if universal {
            primitive(tlv)?;
        }
    }
    Ok(())
}

fn primitive(tlv: Tlv) -> Result<(), String> {
    let c = tlv.content;
    match tlv.tag {
        0x01 => match c {
            [0x00 | 0xff] => Ok(()),
            [_] => Err("a BOOLEAN other than 00 or FF, which DER forbids".into()),
            _ => Err("a BOOLEAN that is not one octet".into()),
        },
        0x02 | 0x0a => match c {
            [] => Err("an empty INTEGER".into()),
            [0x00, b, ..] if b & 0x80 == 0 => Err("an INTEGER with a superfluous leading zero octet".into()),
            [0xff, b, ..] if b & 0x80 != 0 => Err("an INTEGER with a superfluous leading FF octet".into()),
            _ => Ok(()),
        },
        0x03 => bit_string(c).map(|_| ()),
        0x05 if !c.is_empty() => Err("a NULL with content".into()),
        0x06 => {
            let starts = std::iter::once(true).chain(c.iter().map(|b| b & 0x80 == 0));
            if c.is_empty() || c.last().is_some_and(|b| b & 0x80 != 0) {
                Err("a malformed OBJECT IDENTIFIER".into())
            } else if c.iter().zip(starts).any(|(b, start)| start && *b == 0x80) {
                Err("an OBJECT IDENTIFIER arc with a superfluous leading octet".into())
            } else {
                Ok(())
            }
        }
        _ => Ok(()),
    }
}

/// A BIT STRING's bits as DER writes them: the unused-bits count (0 to 7, 0
/// when there are no bits) and zero padding. Returns (unused, bit octets).
fn bit_string(c: &[u8]) -> Result<(u8, &[u8]), String> {
    let (&unused, bits) = c.split_first().ok_or("an empty BIT STRING")?;
    if unused > 7 || (bits.is_empty() && unused != 0) {
        return Err(format!("a BIT STRING with {unused} unused bits"));
    }
    if bits.last().is_some_and(|last| last & ((1u8 << unused) - 1) != 0) {
        return Err("a BIT STRING whose unused bits are not zero".into());
    }
    Ok((unused, bits))
}

/// A time of the validity as written: its ASN.1 type and characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Time<'a> {
    pub generalized: bool,
    pub text: &'a [u8],
}

impl Time<'_> {
    /// Why the time is not in the one form RFC 5280 4.1.2.5.1 and 4.1.2.5.2
    /// allow (`YYMMDDHHMMSSZ`, `YYYYMMDDHHMMSSZ`), if it is not.
    pub(super) fn error(&self) -> Option<&'static str> {
        let digits = if self.generalized { 14 } else { 12 };
        let t = self.text;
        let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
        if t.len() == digits + 1 && t.last() == Some(&b'Z') && t.get(..digits).is_some_and(all_digits) {
            return None;
        }
        Some(if t.contains(&b'.') || t.contains(&b',') {
            "fractional seconds, which RFC 5280 forbids"
        } else if t.contains(&b'+') || t.contains(&b'-') || t.last() != Some(&b'Z') {
            "no `Z`: it is not in UTC"
        } else if t.len() < digits + 1 {
            "no seconds"
        } else {
            "not the form RFC 5280 requires"
        })
    }

    pub(super) fn written(&self) -> String {
        String::from_utf8_lossy(self.text).into_owned()
    }
}

/// One extension as written: its extnValue's content (the DER of the
/// extension's value).
#[derive(Debug, Clone, Copy)]
pub(super) struct RawExtension<'a> {
    pub value: &'a [u8],
    /// What is wrong with the Extension SEQUENCE itself.
    pub error: Option<&'static str>,
}

/// The parts of a TBSCertificate that strict DER facts need.
#[derive(Debug, Default)]
pub(super) struct RawTbs<'a> {
    pub not_before: Option<Time<'a>>,
    pub not_after: Option<Time<'a>>,
    pub extensions: Vec<RawExtension<'a>>,
}

/// Why a certificate's validity times are not as RFC 5280 writes them, for
/// the message when x509-parser refuses such a certificate (it does not
/// read a GeneralizedTime with an offset).
pub(super) fn time_fault(certificate: &[u8]) -> Option<String> {
    let cert = single(certificate).ok()?;
    let (_, rest) = read(cert.content).ok()?;
    let raw = tbs(cert.content.get(..cert.content.len() - rest.len())?)?;
    [("notBefore", raw.not_before), ("notAfter", raw.not_after)]
        .into_iter()
        .find_map(|(name, t)| {
            let t = t?;
            t.error()
                .map(|e| format!("{name} `{}` has {e} (RFC 5280 4.1.2.5)", t.written()))
        })
}

fn time(t: Tlv<'_>) -> Option<Time<'_>> {
    matches!(t.tag, 0x17 | 0x18).then_some(Time {
        generalized: t.tag == 0x18,
        text: t.content,
    })
}

/// Walk a TBSCertificate (`None` if it is not the SEQUENCE RFC 5280 defines,
/// which x509-parser would have refused).
pub(super) fn tbs(der: &[u8]) -> Option<RawTbs<'_>> {
    let seq = single(der).ok().filter(|t| t.tag == 0x30)?;
    let mut fields = Vec::new();
    let mut rest = seq.content;
    while !rest.is_empty() {
        let (tlv, more) = read(rest).ok()?;
        fields.push(tlv);
        rest = more;
    }
    let skip = usize::from(fields.first()?.tag == 0xa0);
    let validity = fields.get(skip + 3).filter(|t| t.tag == 0x30)?;
    let (t1, after) = read(validity.content).ok()?;
    let t2 = single(after).ok()?;
    let mut out = RawTbs {
        not_before: time(t1),
        not_after: time(t2),
        extensions: Vec::new(),
    };
    if let Some(exts) = fields.iter().find(|t| t.tag == 0xa3) {
        let list = single(exts.content).ok().filter(|t| t.tag == 0x30)?;
        let mut rest = list.content;
        while !rest.is_empty() {
            let (ext, more) = read(rest).ok()?;
            rest = more;
            out.extensions.push(extension(ext.content)?);
        }
    }
    Some(out)
}

/// Check the envelope every signed X.509 structure shares (a certificate,
/// RFC 5280 4.1.1; a CRL, 5.1.1; a PKCS#10 request, RFC 2986 4.2):
/// `SEQUENCE { SEQUENCE (what is signed), AlgorithmIdentifier, BIT STRING }`,
/// with `AlgorithmIdentifier ::= SEQUENCE { OBJECT IDENTIFIER, parameters? }`.
/// x509-parser reads these fields without looking at their tags, so a byte
/// changed outside the signed part could pass unseen; the signature covers
/// only the first field, so nothing else would catch it. Bytes after the
/// structure are the caller's to report.
pub(crate) fn signed_envelope(der: &[u8]) -> Result<(), String> {
    envelope(der, false)
}

/// [`signed_envelope`] for a BasicOCSPResponse (RFC 6960 4.2.1), which may
/// carry a fourth field, `[0] certs`.
pub(crate) fn ocsp_envelope(der: &[u8]) -> Result<(), String> {
    envelope(der, true)
}

fn envelope(der: &[u8], certs: bool) -> Result<(), String> {
    let (outer, _) = read(der)?;
    if outer.tag != 0x30 {
        return Err(format!("its outer value has tag {:#04x}, not SEQUENCE", outer.tag));
    }
    let mut fields = Vec::with_capacity(4);
    let mut rest = outer.content;
    while !rest.is_empty() {
        let (tlv, more) = read(rest)?;
        fields.push(tlv);
        rest = more;
    }
    let (signed, algorithm, value) = match fields[..] {
        [s, a, v] => (s, a, v),
        [s, a, v, c] if certs && c.tag == 0xa0 => (s, a, v),
        _ => {
            return Err(format!(
                "it has {} fields, not the three a signed structure has{}",
                fields.len(),
                if certs { " (and its certificates)" } else { "" }
            ));
        }
    };
    if signed.tag != 0x30 {
        return Err(format!("its signed part has tag {:#04x}, not SEQUENCE", signed.tag));
    }
    if algorithm.tag != 0x30 {
        return Err(format!(
            "its signature algorithm has tag {:#04x}, not SEQUENCE (an AlgorithmIdentifier)",
            algorithm.tag
        ));
    }
    let (oid, params) = read(algorithm.content)?;
    if oid.tag != 0x06 {
        return Err(format!(
            "its signature algorithm starts with tag {:#04x}, not OBJECT IDENTIFIER",
            oid.tag
        ));
    }
    if !params.is_empty() {
        let p = single(params).map_err(|e| format!("its signature algorithm's parameters: {e}"))?;
        // NULL or nothing for every algorithm certlex verifies but RSASSA-PSS
        // (RFC 4055 5, RFC 5758 3.2, RFC 8410 3; SM2 certificates are seen
        // with NULL too); in an OCSP response the field is not signed, so
        // nothing else would see a change here.
        let id = x509_parser::oid_registry::Oid::new(std::borrow::Cow::Borrowed(oid.content)).to_id_string();
        let null = p.tag == 0x05 && p.content.is_empty();
        if !null && super::verify::takes_null_or_nothing(&id) {
            return Err(format!(
                "its signature algorithm's parameters are a value with tag {:#04x}, where this algorithm takes NULL or none",
                p.tag
            ));
        }
    }
    if value.tag != 0x03 {
        return Err(format!(
            "its signature value has tag {:#04x}, not BIT STRING",
            value.tag
        ));
    }
    // Every signature algorithm in use (RSA, ECDSA, EdDSA, SM2) signs whole octets.
    match value.content.first() {
        Some(0) => Ok(()),
        Some(n) => Err(format!(
            "its signature value has {n} unused bits; a signature is whole octets"
        )),
        None => Err("its signature value is empty".into()),
    }
}

/// What the run context needs of an input certificate, read from its DER
/// without parsing it whole (a run reads every input certificate this way
/// as it streams; most are not CAs and are parsed once, later, for facts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Glance<'a> {
    /// It may issue certificates: a basicConstraints cA that is not zero, a
    /// key usage with keyCertSign, X.509 v1 or v2, or an extension of those
    /// two that cannot be read here. Generous on purpose: the context parses
    /// such a certificate whole before keeping it.
    pub may_issue: bool,
    /// The issuer Name, as written (its whole DER).
    pub issuer: &'a [u8],
    /// The authority key identifier's keyIdentifier.
    pub key_id: Option<&'a [u8]>,
    /// The content of the signature algorithm's OBJECT IDENTIFIER.
    pub signature_algorithm: &'a [u8],
}

/// Glance at a DER certificate (`None` when it is not strict DER here:
/// the caller then parses it whole).
pub(crate) fn glance(certificate: &[u8]) -> Option<Glance<'_>> {
    let cert = single(certificate).ok().filter(|t| t.tag == 0x30)?;
    let (tbs, rest) = read(cert.content).ok()?;
    let (alg, _) = read(rest).ok()?;
    let (oid, _) = read(alg.content).ok()?;
    if tbs.tag != 0x30 || alg.tag != 0x30 || oid.tag != 0x06 {
        return None;
    }
    // Each field of the TBS, with its whole encoding.
    let mut fields = Vec::with_capacity(10);
    let mut rest = tbs.content;
    while !rest.is_empty() {
        let (tlv, more) = read(rest).ok()?;
        fields.push((tlv, rest.get(..rest.len() - more.len())?));
        rest = more;
    }
    let (first, _) = fields.first()?;
    // [0] version, absent for v1; v3 is 2.
    let skip = usize::from(first.tag == 0xa0);
    let v3 = first.tag == 0xa0 && single(first.content).ok().is_some_and(|v| v.content == [2]);
    let (issuer_tlv, issuer) = fields.get(skip + 2)?;
    if issuer_tlv.tag != 0x30 {
        return None;
    }
    let mut may_issue = !v3;
    let mut key_id = None;
    for (field, _) in fields.iter().skip(skip + 3) {
        if field.tag != 0xa3 {
            continue;
        }
        let list = single(field.content).ok().filter(|t| t.tag == 0x30)?;
        let mut exts = list.content;
        while !exts.is_empty() {
            let (ext, more) = read(exts).ok()?;
            exts = more;
            let (id, _) = read(ext.content).ok()?;
            let value = extension(ext.content).map(|e| e.value);
            match id.content {
                // basicConstraints: SEQUENCE { cA BOOLEAN DEFAULT FALSE, ... }
                [0x55, 0x1d, 0x13] => {
                    let ca = value.and_then(|v| single(v).ok()).map(|seq| {
                        read(seq.content)
                            .ok()
                            .is_some_and(|(b, _)| b.tag == 0x01 && b.content != [0])
                    });
                    may_issue |= ca.unwrap_or(true);
                }
                // keyUsage: BIT STRING, keyCertSign is bit 5
                [0x55, 0x1d, 0x0f] => {
                    let bits = value.and_then(|v| single(v).ok()).filter(|b| b.tag == 0x03);
                    may_issue |= bits.is_none_or(|b| b.content.get(1).is_some_and(|byte| byte & 0x04 != 0));
                }
                // authorityKeyIdentifier: SEQUENCE { [0] keyIdentifier OPTIONAL, ... }
                [0x55, 0x1d, 0x23] => {
                    key_id = value
                        .and_then(|v| single(v).ok())
                        .and_then(|seq| read(seq.content).ok())
                        .filter(|(k, _)| k.tag == 0x80)
                        .map(|(k, _)| k.content);
                }
                _ => {}
            }
        }
    }
    Some(Glance {
        may_issue,
        issuer,
        key_id,
        signature_algorithm: oid.content,
    })
}

/// Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
fn extension(content: &[u8]) -> Option<RawExtension<'_>> {
    let (_, rest) = read(content).ok()?;
    let (next, rest) = read(rest).ok()?;
    let (explicit_not_critical, value, rest) = if next.tag == 0x01 {
        let (value, rest) = read(rest).ok()?;
        (next.content == [0x00], value, rest)
    } else {
        (false, next, rest)
    };
    let error = if explicit_not_critical {
        Some("`critical FALSE` is written out, but DER omits a DEFAULT value")
    } else if !rest.is_empty() {
        Some("octets follow the extension's value")
    } else {
        None
    };
    Some(RawExtension {
        value: value.content,
        error,
    })
}

/// Extensions whose value is a `SEQUENCE SIZE (1..MAX) OF`: RFC 5280's
/// SAN and IAN (GeneralNames), EKU, CRL distribution points and
/// freshestCRL, certificate policies, policy mappings, subject directory
/// attributes, AIA and SIA.
fn non_empty_sequence(oid: &str) -> bool {
    matches!(
        oid,
        "2.5.29.17"
            | "2.5.29.18"
            | "2.5.29.37"
            | "2.5.29.31"
            | "2.5.29.46"
            | "2.5.29.32"
            | "2.5.29.33"
            | "2.5.29.9"
            | "1.3.6.1.5.5.7.1.1"
            | "1.3.6.1.5.5.7.1.11"
    )
}

/// Why an extension is not DER-encoded as RFC 5280 defines it, if it is not:
/// the Extension SEQUENCE, the extnValue as one DER value, and the rules of
/// the extension's own syntax that certlex knows.
pub(super) fn extension_error(oid: &str, raw: &RawExtension) -> Option<String> {
    if let Some(e) = raw.error {
        return Some(e.into());
    }
    let value = match single(raw.value) {
        Ok(v) => v,
        Err(e) => return Some(format!("the value is not one DER value: {e}")),
    };
    if let Err(e) = check_all(raw.value, 0) {
        return Some(format!("the value has {e}"));
    }
    if non_empty_sequence(oid) && value.tag == 0x30 && value.content.is_empty() {
        return Some("an empty SEQUENCE, which its SIZE (1..MAX) forbids".into());
    }
    match oid {
        "2.5.29.15" => key_usage(value).err(),
        "2.5.29.19" => basic_constraints(value).err(),
        "2.5.29.32" => policies(value).err(),
        "2.5.29.30" => name_constraints(value).err(),
        _ => None,
    }
}

/// KeyUsage is a named BIT STRING of nine bits: DER drops trailing zero
/// bits (X.690 11.2.2), so the last octet is not zero, the unused-bits count
/// is the number of trailing zero bits, and there are at most two octets.
fn key_usage(v: Tlv) -> Result<(), String> {
    if v.tag != 0x03 {
        return Err("the key usage is not a BIT STRING".into());
    }
    let (unused, bits) = bit_string(v.content)?;
    if bits.len() > 2 {
        return Err(format!(
            "the key usage has {} octets of bits, but its nine named bits need at most two",
            bits.len()
        ));
    }
    match bits.last() {
        None => Ok(()),
        Some(0) => Err("the key usage ends in a superfluous zero octet, which DER drops".into()),
        Some(last) => {
            let trailing = last.trailing_zeros() as u8;
            if trailing == unused {
                Ok(())
            } else {
                Err(format!(
                    "the key usage says {unused} unused bits, but its last bit set leaves {trailing}, as DER counts them"
                ))
            }
        }
    }
}

/// BasicConstraints: `cA FALSE` is its DEFAULT, so DER omits it; a path
/// length is INTEGER (0..MAX).
fn basic_constraints(v: Tlv) -> Result<(), String> {
    let mut rest = v.content;
    while !rest.is_empty() {
        let (t, more) = read(rest)?;
        rest = more;
        if t.tag == 0x01 && t.content == [0x00] {
            return Err("`cA FALSE` is written out, but DER omits a DEFAULT value".into());
        }
        if t.tag == 0x02 && t.content.first().is_some_and(|b| b & 0x80 != 0) {
            return Err("the path length constraint is negative".into());
        }
    }
    Ok(())
}

/// Certificate policies: each policy's qualifiers, when given, are a
/// `SEQUENCE SIZE (1..MAX)`.
fn policies(v: Tlv) -> Result<(), String> {
    let mut rest = v.content;
    while !rest.is_empty() {
        let (info, more) = read(rest)?;
        rest = more;
        let (_, qualifiers) = read(info.content)?;
        if !qualifiers.is_empty() && single(qualifiers)?.content.is_empty() {
            return Err("a policy with an empty SEQUENCE of qualifiers, which its SIZE (1..MAX) forbids".into());
        }
    }
    Ok(())
}

/// Name constraints: permitted and excluded subtrees, when given, are a
/// `SEQUENCE SIZE (1..MAX)`.
fn name_constraints(v: Tlv) -> Result<(), String> {
    let mut rest = v.content;
    while !rest.is_empty() {
        let (t, more) = read(rest)?;
        rest = more;
        if t.content.is_empty() {
            return Err("an empty list of subtrees, which its SIZE (1..MAX) forbids".into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
