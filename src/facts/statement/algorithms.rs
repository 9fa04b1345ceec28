//! Signature algorithms a rule statement's certificate profile (RFC 3647
//! 7.1, 证书格式) names, by OID or by the names CAs write them with, so that
//! they can be held against the certificates checked in the same run.

/// A signature algorithm: its OID, the name reports use, and the spellings
/// statements write it with (compared without case, spaces, `-` and `_`).
pub struct Algorithm {
    pub oid: &'static str,
    pub name: &'static str,
    spellings: &'static [&'static str],
}

pub static ALGORITHMS: &[Algorithm] = &[
    Algorithm {
        oid: "1.2.156.10197.1.501",
        name: "SM2 with SM3",
        spellings: &[
            "sm3withsm2",
            "sm2withsm3",
            "sm3withsm2encryption",
            "sm2signwithsm3",
            "sm2sm3",
        ],
    },
    Algorithm {
        oid: "1.2.840.113549.1.1.5",
        name: "sha1WithRSAEncryption",
        spellings: &["sha1withrsaencryption", "sha1withrsa", "rsasha1"],
    },
    Algorithm {
        oid: "1.2.840.113549.1.1.11",
        name: "sha256WithRSAEncryption",
        spellings: &["sha256withrsaencryption", "sha256withrsa", "rsasha256"],
    },
    Algorithm {
        oid: "1.2.840.113549.1.1.12",
        name: "sha384WithRSAEncryption",
        spellings: &["sha384withrsaencryption", "sha384withrsa", "rsasha384"],
    },
    Algorithm {
        oid: "1.2.840.113549.1.1.13",
        name: "sha512WithRSAEncryption",
        spellings: &["sha512withrsaencryption", "sha512withrsa", "rsasha512"],
    },
    Algorithm {
        oid: "1.2.840.113549.1.1.10",
        name: "RSASSA-PSS",
        spellings: &["rsassapss", "rsapss"],
    },
    Algorithm {
        oid: "1.2.840.10045.4.3.2",
        name: "ecdsa-with-SHA256",
        spellings: &["ecdsawithsha256", "sha256withecdsa"],
    },
    Algorithm {
        oid: "1.2.840.10045.4.3.3",
        name: "ecdsa-with-SHA384",
        spellings: &["ecdsawithsha384", "sha384withecdsa"],
    },
    Algorithm {
        oid: "1.2.840.10045.4.3.4",
        name: "ecdsa-with-SHA512",
        spellings: &["ecdsawithsha512", "sha512withecdsa"],
    },
    Algorithm {
        oid: "1.3.101.112",
        name: "Ed25519",
        spellings: &["ed25519"],
    },
];

/// The report name of an algorithm OID (the OID itself when not known).
pub fn name_of(oid: &str) -> &str {
    ALGORITHMS.iter().find(|a| a.oid == oid).map_or(oid, |a| a.name)
}

/// The algorithms a text names, by OID or spelling, each once, in table order.
pub fn named_in(text: &str) -> Vec<&'static Algorithm> {
    let squashed: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '/'))
        .flat_map(char::to_lowercase)
        .collect();
    ALGORITHMS
        .iter()
        .filter(|a| names_oid(text, a.oid) || a.spellings.iter().any(|s| squashed.contains(s)))
        .collect()
}

/// Is `oid` written in `text` as a whole OID (not a prefix of a longer one)?
fn names_oid(text: &str, oid: &str) -> bool {
    text.match_indices(oid).any(|(i, _)| {
        let mut after = text.get(i + oid.len()..).unwrap_or("").chars();
        let longer = match after.next() {
            Some(c) if c.is_ascii_digit() => true,
            Some('.') => after.next().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
        let prev = text.get(..i).and_then(|r| r.chars().next_back());
        !longer && !prev.is_some_and(|c| c.is_ascii_digit() || c == '.')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oids(text: &str) -> Vec<&'static str> {
        named_in(text).iter().map(|a| a.oid).collect()
    }

    #[test]
    fn algorithms_are_found_by_name_or_oid() {
        assert_eq!(
            oids("签名算法：SM3withSM2（OID 1.2.156.10197.1.501）"),
            ["1.2.156.10197.1.501"]
        );
        assert_eq!(
            oids("sha256WithRSAEncryption, ECDSA-with-SHA256"),
            ["1.2.840.113549.1.1.11", "1.2.840.10045.4.3.2"]
        );
        assert_eq!(oids("SHA-256 with RSA"), ["1.2.840.113549.1.1.11"]);
        assert_eq!(oids("1.2.840.113549.1.1.110 is not an OID we know"), Vec::<&str>::new());
        assert_eq!(oids("1.2.840.113549.1.1.11.5 neither"), Vec::<&str>::new());
        assert_eq!(oids("signed with 1.2.840.10045.4.3.2."), ["1.2.840.10045.4.3.2"]);
        assert!(oids("证书采用国际通用格式").is_empty());
        assert_eq!(name_of("1.2.840.113549.1.1.5"), "sha1WithRSAEncryption");
        assert_eq!(name_of("1.2.3"), "1.2.3");
    }
}
