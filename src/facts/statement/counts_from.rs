//! Where a retention period counts from, as a rule statement's clause says
//! it: ESL 24 counts five years from when the certificate ceases to be valid
//! (失效: by expiry or by revocation). A period counted from archiving or from
//! the record's creation may end before that; one counted from expiry never
//! ends earlier than one counted from 失效, since a certificate ceases to be
//! valid at its expiry at the latest.

use std::sync::LazyLock;

use regex::Regex;

/// The event a retention period is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountsFrom {
    /// The certificate ceases to be valid (失效; expiry or revocation).
    CertificateInvalid,
    /// The certificate's validity period ends (有效期满, 届满, 到期; expiry).
    CertificateExpiry,
    /// The record is archived (自归档之日起).
    Archiving,
    /// The record is made (自生成之日起).
    Creation,
    /// Another stated event (自终止服务之日起, from the end of the contract).
    Other,
}

impl CountsFrom {
    pub fn word(self) -> &'static str {
        match self {
            Self::CertificateInvalid => "certificate-invalid",
            Self::CertificateExpiry => "certificate-expiry",
            Self::Archiving => "archiving",
            Self::Creation => "creation",
            Self::Other => "other",
        }
    }
}

/// Each event with its words in Chinese and English, most specific first:
/// expiry *and* revocation named together is 失效.
#[expect(clippy::expect_used, reason = "constant patterns, checked by the tests")]
static PATTERNS: LazyLock<Vec<(CountsFrom, Regex)>> = LazyLock::new(|| {
    [
        (
            CountsFrom::CertificateInvalid,
            r"(?i)失效|(?:到期|期满|届满|过期)或(?:者)?(?:被)?(?:吊销|撤销)|(?:吊销|撤销)或(?:者)?(?:到期|期满|届满|过期)|cease[sd]? to be valid|becomes? invalid|invalidat|(?:expir\w*|expired?)\s+or\s+(?:is\s+|are\s+|being\s+)?revo\w*|revo\w*\s+or\s+(?:expir\w*|expired?)",
        ),
        (
            CountsFrom::CertificateExpiry,
            r"(?i)有效期满|有效期届满|届满|期满|到期|过期|expir",
        ),
        (
            CountsFrom::Archiving,
            r"(?i)归档(?:之日|后|时|起)|(?:from|after|since)\s+(?:the\s+(?:date|time)\s+of\s+)?archiv|(?:date|time)\s+(?:it\s+is|they\s+are|it\s+was|they\s+were|of\s+being)\s+archived",
        ),
        (
            CountsFrom::Creation,
            r"(?i)(?:生成|产生|形成|创建)(?:之日|后|时|起)|(?:from|after|since)\s+(?:the\s+(?:date|time)\s+of\s+)?(?:its\s+|their\s+)?(?:creation|generation)|(?:date|time)\s+(?:it\s+is|they\s+are|it\s+was|they\s+were)\s+(?:created|generated)",
        ),
        (
            CountsFrom::Other,
            r"(?i)自.{1,24}?之日起|(?:起|后)(?:计算|算起)|from\s+the\s+(?:date|day|end|time)\s+(?:of|on\s+which|when)|(?:after|following)\s+the\s+(?:end|termination|closure|completion)\s+of",
        ),
    ]
    .into_iter()
    .map(|(what, p)| (what, Regex::new(p).expect("counts-from pattern")))
    .collect()
});

/// The event a clause counts its period from, and where the words are;
/// `None` when it names none.
pub fn counts_from(clause: &str) -> Option<(CountsFrom, usize, usize)> {
    PATTERNS
        .iter()
        .find_map(|(what, re)| re.find(clause).map(|m| (*what, m.start(), m.end())))
}

/// The sentence of `text` around the byte range `start..end`, as a range.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_end = |c: char| matches!(c, '。' | '；' | ';' | '\n' | '！' | '？');
    let from = text
        .get(..start)
        .and_then(|before| {
            before
                .char_indices()
                .rev()
                .find(|(_, c)| is_end(*c))
                .map(|(i, c)| i + c.len_utf8())
        })
        .unwrap_or(0);
    let to = text
        .get(end..)
        .and_then(|after| after.char_indices().find(|(_, c)| is_end(*c)).map(|(i, _)| end + i))
        .unwrap_or(text.len());
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(clause: &str) -> Option<&'static str> {
        counts_from(clause).map(|(w, ..)| w.word())
    }

    #[test]
    fn chinese_clauses() {
        let invalid = Some("certificate-invalid");
        assert_eq!(of("与认证相关的信息在证书失效后至少保存五年"), invalid);
        assert_eq!(of("归档记录自证书失效之日起保存五年"), invalid);
        assert_eq!(of("信息保存期限至少为电子签名认证证书失效后五年"), invalid);
        assert_eq!(of("证书到期或者被吊销后保存五年"), invalid);
        let expiry = Some("certificate-expiry");
        assert_eq!(of("证书有效期满后保存五年"), expiry);
        assert_eq!(of("自证书有效期届满之日起保存五年"), expiry);
        assert_eq!(of("证书到期后，归档信息至少保存5年"), expiry);
        assert_eq!(of("归档信息自归档之日起保存五年"), Some("archiving"));
        assert_eq!(of("归档后保存五年"), Some("archiving"));
        assert_eq!(of("日志自生成之日起保存五年"), Some("creation"));
        assert_eq!(of("自终止服务之日起保存五年"), Some("other"));
        assert_eq!(of("归档信息保存五年"), None);
    }

    #[test]
    fn english_clauses() {
        let invalid = Some("certificate-invalid");
        assert_eq!(
            of("Records are kept for five years after the certificate ceases to be valid."),
            invalid
        );
        assert_eq!(
            of("kept for 5 years after the certificate expires or is revoked"),
            invalid
        );
        assert_eq!(
            of("kept for 5 years following revocation or expiry of the certificate"),
            invalid
        );
        let expiry = Some("certificate-expiry");
        assert_eq!(of("Archives are retained for five (5) years after expiry."), expiry);
        assert_eq!(of("kept for at least five years after the certificate expires"), expiry);
        assert_eq!(
            of("Archives are kept for seven years from the date of archiving."),
            Some("archiving")
        );
        assert_eq!(of("retained for 5 years after archiving"), Some("archiving"));
        assert_eq!(
            of("Audit logs are kept for 5 years from their creation."),
            Some("creation")
        );
        assert_eq!(
            of("kept for 5 years from the end of the subscriber agreement"),
            Some("other")
        );
        assert_eq!(of("Archives are retained for seven years."), None);
    }

    #[test]
    fn the_sentence_around_a_period() {
        let t = "审计日志保存三年。归档信息自证书失效之日起保存五年；其他";
        let at = t.find("五年").unwrap();
        let (a, b) = sentence_around(t, at, at + "五年".len());
        assert_eq!(&t[a..b], "归档信息自证书失效之日起保存五年");
    }
}
