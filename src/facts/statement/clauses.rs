//! Clauses of a rule statement that the law speaks to directly: liability
//! terms that contradict ESL 28 (the provider is liable unless it proves it
//! was not at fault) and escrow of subscribers' signing keys, which ESL 13(1)
//! and (2) exclude (signature creation data belongs to and is controlled by
//! the signatory alone).
//!
//! Each reader looks at one clause at a time (a sentence, or the part of one
//! between semicolons) and is deliberately narrow: it flags only wording that
//! plainly does what the law forbids, so that a flagged clause is one a lawyer
//! would flag too. Wording it does not recognise is not flagged.

use crate::source::Span;

/// One clause of a section's text and where it is in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause<'a> {
    pub text: &'a str,
    pub span: Span,
}

/// The clauses of texts that start at the given file offsets: split at
/// sentence ends (。！？ and `. `), semicolons and line breaks.
pub fn clauses<'a>(texts: &[(usize, &'a str)]) -> Vec<Clause<'a>> {
    let mut out = Vec::new();
    for &(at, text) in texts {
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
            let ends = matches!(c, '。' | '！' | '？' | '；' | ';' | '\n') || (c == '.' && next_is_space);
            if ends {
                let end = i + c.len_utf8();
                push(&mut out, at, text, start, end);
                start = end;
            }
        }
        push(&mut out, at, text, start, text.len());
    }
    out
}

fn push<'a>(out: &mut Vec<Clause<'a>>, at: usize, text: &'a str, start: usize, end: usize) {
    let Some(raw) = text.get(start..end) else { return };
    let trimmed = raw.trim();
    if trimmed.chars().count() < 4 {
        return;
    }
    let lead = raw.len() - raw.trim_start().len();
    let s = at + start + lead;
    out.push(Clause {
        text: trimmed,
        span: Span::new(s, s + trimmed.len()),
    });
}

fn any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// Words of fault: the provider's own fault is what ESL 28 presumes.
const FAULT: &[&str] = &[
    "过错",
    "过失",
    "疏忽",
    "fault",
    "negligen",
    "wilful",
    "willful",
    "misconduct",
];

/// Losses of a kind (indirect, consequential …): limiting the kinds of loss
/// compensated is a limitation of liability, not an exclusion of fault.
const KINDS_OF_LOSS: &[&str] = &[
    "间接",
    "附带",
    "惩罚性",
    "利润",
    "可得利益",
    "indirect",
    "consequential",
    "incidental",
    "special damages",
    "punitive",
    "exemplary",
    "lost profit",
    "loss of profit",
];

/// Does the clause exclude the provider's liability for loss whatever its
/// fault: "在任何情况下均不承担责任", "即使本中心有过错也不承担责任", "in no event
/// shall the CA be liable for any damages", "regardless of negligence"? A
/// clause with an exception ("除外", "except", "unless"), one limited to
/// kinds of loss (indirect, consequential), or one that names a cause other
/// than the provider's fault (不可抗力, "caused by the subscriber") is not.
pub fn excludes_fault(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    let t = lower.as_str();
    let no_liability = any(
        t,
        &[
            "不承担任何",
            "不承担责任",
            "不承担赔偿",
            "均不承担",
            "概不负责",
            "概不承担",
            "不负任何",
            "不予赔偿",
            "not be liable",
            "not liable",
            "no liability",
            "disclaims all liability",
            "disclaim all liability",
            "excludes all liability",
            "exclude all liability",
            "not be responsible for any",
        ],
    ) || (any(t, &["in no event", "under no circumstances"])
        && any(t, &["liable", "responsible", "liability"]));
    if !no_liability {
        return false;
    }
    let universal = any(
        t,
        &[
            "在任何情况下",
            "任何情况下",
            "即使",
            "无论",
            "不论",
            "in no event",
            "under no circumstances",
            "regardless of",
            "whether or not",
            "even if",
            "however caused",
            "howsoever",
            "for any reason",
            "disclaims all liability",
            "disclaim all liability",
            "excludes all liability",
            "exclude all liability",
        ],
    );
    let exception = any(
        t,
        &[
            "除外",
            "但书",
            "except",
            "unless",
            "save where",
            "save to the extent",
            "other than",
        ],
    ) || (t.contains('但') && any(t, FAULT));
    let kinds_only = any(t, KINDS_OF_LOSS);
    let names_cause = any(
        t,
        &[
            "因",
            "由于",
            "caused by",
            "due to",
            "arising from",
            "resulting from",
            "as a result of",
            "attributable to",
        ],
    );
    // A named cause makes the exclusion one for that cause (force majeure,
    // the subscriber's own acts) unless the cause named is fault itself, or
    // the clause says the fault does not matter ("即使", "regardless of").
    let cause_outside_fault = names_cause
        && !any(t, FAULT)
        && !any(
            t,
            &["即使", "无论", "不论", "regardless of", "whether or not", "even if"],
        );
    universal && !exception && !kinds_only && !cause_outside_fault
}

/// Who may suffer the loss and claim: ESL 28's signatories and relying parties.
const CLAIMANTS: &[&str] = &[
    "用户",
    "订户",
    "依赖方",
    "申请人",
    "持有人",
    "电子签名人",
    "索赔方",
    "受损方",
    "subscriber",
    "relying part",
    "claimant",
    "applicant",
    "certificate holder",
    "user",
];

/// Does the clause make the signatory or relying party prove the provider's
/// fault ("用户应当举证证明本中心存在过错", "举证责任由用户承担", "the relying
/// party must prove that the CA was negligent")? ESL 28 puts it the other way
/// round: the provider is liable unless it proves it was not at fault, so a
/// clause in the statute's own terms ("不能证明自己无过错的", "unless it proves
/// it was not at fault") is not flagged.
pub fn shifts_burden(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    let t = lower.as_str();
    let statutory = any(
        t,
        &[
            "无过错",
            "没有过错",
            "not at fault",
            "without fault",
            "no fault",
            "was not negligent",
            "not negligent",
            "absence of fault",
            "free from fault",
        ],
    );
    if statutory || !any(t, CLAIMANTS) {
        return false;
    }
    let burden_words = any(t, &["举证责任", "burden of proof", "burden of proving", "onus"]);
    let proves_fault = any(t, &["证明", "举证", "prove", "demonstrate", "establish"]) && any(t, FAULT);
    burden_words || proves_fault
}

/// Does the clause have the provider escrow, back up or archive subscribers'
/// *signing* private keys? Escrow of encryption keys (the key management
/// centre of the dual-certificate system) is lawful and not flagged, nor is a
/// clause that says the signing key is *not* escrowed, one in which the
/// subscriber keeps its own key, or one about the CA's own keys (backing up
/// a CA key is ordinary practice): the clause must name the subscriber.
pub fn escrows_signing_keys(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    let t = lower.as_str();
    let signing_key = any(
        t,
        &[
            "签名私钥",
            "签名密钥",
            "签名用私钥",
            "用于签名的私钥",
            "签名证书的私钥",
            "签名证书私钥",
            "signing key",
            "signature key",
            "signing private key",
            "private signing key",
            "digital signature key",
            "non-repudiation key",
            "keys used for signing",
            "keys used for digital signature",
        ],
    );
    let escrow = any(
        t,
        &[
            "托管",
            "备份",
            "存档",
            "归档",
            "代为保管",
            "密钥恢复",
            "escrow",
            "back up",
            "backs up",
            "backing up",
            "backed up",
            "backup",
            "archiv",
            "key recovery",
            "recover",
        ],
    );
    let negated = any(
        t,
        &[
            "不", "无", "未", "禁止", "严禁", "非", "not ", "never", "no ", "cannot", "n't", "neither", "prohibit",
        ],
    );
    let subscribers = any(
        t,
        &[
            "订户",
            "用户",
            "持有人",
            "申请人",
            "电子签名人",
            "subscriber",
            "end entit",
            "end-entit",
            "certificate holder",
            "user",
        ],
    );
    let ca_own_key = any(
        t,
        &[
            "ca签名私钥",
            "ca的签名私钥",
            "ca私钥",
            "根私钥",
            "本中心签名私钥",
            "本机构签名私钥",
            "ca signing key",
            "ca's signing key",
            "ca private key",
            "ca's private key",
            "root key",
        ],
    );
    signing_key && escrow && subscribers && !ca_own_key && !negated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_split_at_sentence_ends_and_semicolons_with_their_spans() {
        let text = "第一句话在这里。第二句；第三句话\nThe fourth one. Fifth one here";
        let got = clauses(&[(10, text)]);
        let texts: Vec<&str> = got.iter().map(|c| c.text).collect();
        assert_eq!(
            texts,
            [
                "第一句话在这里。",
                "第二句；",
                "第三句话",
                "The fourth one.",
                "Fifth one here"
            ]
        );
        let c = got[3];
        assert_eq!(&text[c.span.start - 10..c.span.end - 10], "The fourth one.");
    }

    #[test]
    fn exclusions_of_liability_whatever_the_fault_are_recognised() {
        for flagged in [
            "在任何情况下，本中心均不承担任何赔偿责任。",
            "即使本中心存在过错，本中心也不承担责任。",
            "无论本中心是否有过错，本中心对用户的损失概不负责。",
            "In no event shall the CA be liable for any loss or damage.",
            "The CA disclaims all liability to subscribers and relying parties.",
            "The CA shall not be liable for any damages, regardless of negligence.",
        ] {
            assert!(excludes_fault(flagged), "{flagged}");
        }
        for fine in [
            "对于因不可抗力造成的损失，本中心不承担任何责任。",
            "因用户自身原因造成的损失，本中心不承担责任。",
            "在任何情况下，本中心对间接损失不承担责任。",
            "在任何情况下本中心均不承担责任，但因本中心过错造成的损失除外。",
            "本中心不能证明自己无过错的，承担赔偿责任。",
            "In no event shall the CA be liable for indirect or consequential damages.",
            "In no event shall the CA be liable for losses caused by force majeure.",
            "The CA shall not be liable except where the loss results from its negligence.",
            "The CA is liable for losses caused by its negligence.",
        ] {
            assert!(!excludes_fault(fine), "{fine}");
        }
    }

    #[test]
    fn clauses_that_make_the_claimant_prove_fault_are_recognised() {
        for flagged in [
            "用户主张赔偿的，应当举证证明本中心存在过错。",
            "举证责任由订户承担。",
            "A relying party claiming damages must prove that the CA was negligent.",
            "The subscriber bears the burden of proof.",
        ] {
            assert!(shifts_burden(flagged), "{flagged}");
        }
        for fine in [
            "用户因依据本中心的服务遭受损失，本中心不能证明自己无过错的，承担赔偿责任。",
            "The CA is liable to a relying party unless it proves that it was not at fault.",
            "用户应当证明其身份。",
            "本中心承担举证责任。",
        ] {
            assert!(!shifts_burden(fine), "{fine}");
        }
    }

    #[test]
    fn escrow_of_signing_keys_is_told_from_encryption_key_escrow() {
        for flagged in [
            "本中心为订户备份签名私钥，以便丢失时恢复。",
            "订户的签名密钥对由CA生成并托管。",
            "The CA backs up subscribers' signing private keys.",
            "Subscriber signature keys are escrowed with the key management centre.",
        ] {
            assert!(escrows_signing_keys(flagged), "{flagged}");
        }
        for fine in [
            "签名私钥由用户自行生成和保管，本中心不备份",
            "加密私钥由密钥管理中心托管。",
            "本中心不托管用户的签名私钥。",
            "Signing private keys are never escrowed or backed up.",
            "Encryption keys are escrowed by the key management centre.",
            "The subscriber generates and keeps its signing key.",
            "CA签名私钥采用密钥分割方式备份，由三名可信人员分别保管。",
            "The CA's signing key is backed up in two hardware modules.",
            "CA签名私钥备份于两台密码机，以保障用户服务不中断。",
        ] {
            assert!(!escrows_signing_keys(fine), "{fine}");
        }
    }
}
