use super::*;
use crate::engine::{Evaluator, Status};
use crate::facts::context::Recognition;
use crate::facts::{Subject, SubjectKind};

fn corpus(path: &str) -> Vec<u8> {
    std::fs::read(crate::repo().join("corpus/certificates").join(path)).unwrap()
}

fn ders(path: &str) -> Vec<Vec<u8>> {
    crate::input::certificate_ders(&corpus(path), &Limits::default())
}

fn subject(der: &[u8], ctx: &RunContext) -> Subject {
    Subject {
        kind: SubjectKind::Certificate,
        name: "test".into(),
        source: None,
        facts: crate::facts::certificate::extract(der, ctx).unwrap(),
        attestations: Vec::new(),
    }
}

/// The built-in rules and the law in force on the check date of these tests.
fn rules_on_check_date() -> (crate::engine::RuleSet, crate::law::Resolution) {
    let rules = crate::load::builtin().unwrap();
    let res = rules
        .law
        .resolve("current", crate::dates::parse_date("2026-06-01").unwrap())
        .unwrap();
    (rules, res)
}

fn status(rule: &str, s: &Subject) -> Status {
    let (rules, res) = rules_on_check_date();
    let ev = Evaluator::new(&rules, res);
    let (i, r) = rules.rule(rule).unwrap();
    ev.check_rule(i, r, s).status
}

/// `work` applied to each subject of a run over `inputs` (under
/// corpus/certificates), by subject name.
fn run<T: Send>(
    inputs: &[&str],
    progress: &(dyn Progress + Sync),
    work: impl Fn(&Subject) -> T + Sync,
) -> Vec<(String, T)> {
    let paths: Vec<PathBuf> = inputs
        .iter()
        .map(|p| crate::repo().join("corpus/certificates").join(p))
        .collect();
    let mut got = Vec::new();
    each::<_, ()>(&paths, &[], &Limits::default(), progress, work, |item| {
        if let Item::Subject(s, t) = item {
            got.push((s.name.clone(), t));
        }
        Ok(())
    })
    .unwrap();
    got
}

#[test]
fn pass_one_keeps_only_certificates_that_can_issue() {
    let mut ctx = RunContext::new();
    assert!(!ctx.add_certificate(&ders("good/rsa-ee.pem")[0], Origin::Input));
    assert!(ctx.add_certificate(&ders("ca/rsa-root.pem")[0], Origin::Input));
    // Given as an issuer, even an end-entity certificate is kept; twice is once.
    assert!(ctx.add_certificate(&ders("ca/ee-used-as-issuer.pem")[0], Origin::Issuers));
    assert!(!ctx.add_certificate(&ders("ca/ee-used-as-issuer.pem")[0], Origin::Issuers));
    assert_eq!(ctx.issuer_count(), 2);
}

#[test]
fn the_issuer_signature_is_unknown_without_the_issuer_and_verified_with_it() {
    let ee = &ders("good/sm2-sign.pem")[0];
    let alone = subject(ee, &RunContext::new());
    assert_eq!(status("ESL-21-6", &alone), Status::Undetermined);
    let mut ctx = RunContext::new();
    add_bytes(&mut ctx, &corpus("ca/sm2-sub.pem"), Origin::Issuers, &Limits::default());
    add_bytes(
        &mut ctx,
        &corpus("ca/sm2-root.pem"),
        Origin::Issuers,
        &Limits::default(),
    );
    let linked = subject(ee, &ctx);
    assert_eq!(status("ESL-21-6", &linked), Status::Pass);
    assert_eq!(status("ESL-22-PATH-LENGTH", &linked), Status::Pass);
}

#[test]
fn esl_26_is_undetermined_without_a_recognition_and_passes_with_one() {
    let der = &ders("bad/esl-26-foreign-issuer.pem")[0];
    let mut ctx = RunContext::new();
    // Nothing decides where the provider is established, nor whether it is approved.
    assert_eq!(
        status("ESL-26-OUTSIDE-MAINLAND", &subject(der, &ctx)),
        Status::Undetermined
    );
    // A CA profile that states approvals, none of this issuer: still undetermined.
    ctx.add_recognition(Recognition {
        organization: "Another Provider".into(),
        country: None,
        reference: "approval 1".into(),
        approved: None,
    });
    assert_eq!(
        status("ESL-26-OUTSIDE-MAINLAND", &subject(der, &ctx)),
        Status::Undetermined
    );
    ctx.add_recognition(Recognition {
        organization: "Example Foreign Trust Inc".into(),
        country: Some("US".into()),
        reference: "approval 2".into(),
        approved: None,
    });
    assert_eq!(status("ESL-26-OUTSIDE-MAINLAND", &subject(der, &ctx)), Status::Pass);
    // Judged at the check date (2026-06-01), an approval granted later did
    // not exist yet, and the message says why.
    ctx.recognitions = None;
    ctx.add_recognition(Recognition {
        organization: "Example Foreign Trust Inc".into(),
        country: Some("US".into()),
        reference: "approval 3".into(),
        approved: Some(crate::dates::midnight(crate::dates::parse_date("2026-07-01").unwrap())),
    });
    let later = subject(der, &ctx);
    let (rules, res) = rules_on_check_date();
    let ev = Evaluator::new(&rules, res);
    let (i, r) = rules.rule("ESL-26-OUTSIDE-MAINLAND").unwrap();
    let f = ev.check_rule(i, r, &later);
    assert_eq!(f.status, Status::Undetermined);
    assert!(
        f.message
            .en
            .as_deref()
            .unwrap()
            .contains("`issuer_recognized_since` is 2026-07-01, after 2026-06-01"),
        "{:?}",
        f.message
    );
    // An issuer that writes C=CN raises no question of article 26.
    let domestic = &ders("good/rsa-ee.pem")[0];
    assert_eq!(
        status("ESL-26-OUTSIDE-MAINLAND", &subject(domestic, &ctx)),
        Status::NotApplicable
    );
}

/// Records whether each file was read on a thread of the pool.
#[derive(Default)]
struct Threads(std::sync::Mutex<Vec<bool>>);

impl Progress for Threads {
    fn read(&self) {
        self.0.lock().unwrap().push(rayon::current_thread_index().is_some());
    }
}

/// Where a run over `inputs` read each file and evaluated each subject:
/// on a thread of the pool (`true`), or on the caller's.
fn on_pool(inputs: &[&str]) -> (Vec<bool>, Vec<bool>) {
    let read = Threads::default();
    let evaluated = run(inputs, &read, |_| rayon::current_thread_index().is_some());
    let evaluated = evaluated.into_iter().map(|(_, pooled)| pooled).collect();
    (read.0.into_inner().unwrap(), evaluated)
}

#[test]
fn a_run_over_one_file_starts_no_thread_pool_and_a_longer_one_shares_out() {
    assert_eq!(on_pool(&["good/rsa-ee.pem"]), (vec![false], vec![false]));
    assert_eq!(
        on_pool(&["good/rsa-ee.pem", "good/ecdsa-ee.pem"]),
        (vec![true, true], vec![true, true])
    );
    let three = on_pool(&["good/rsa-ee.pem", "good/ecdsa-ee.pem", "good/sm2-sign.pem"]);
    assert_eq!(three, (vec![true; 3], vec![true; 3]));
}

#[test]
fn standard_input_is_read_in_batches_even_as_the_only_input() {
    let one = Scanned {
        files: 1,
        ..Scanned::default()
    };
    assert_eq!(batch_size(&one), 1);
    // Otherwise 32 files a thread: enough to keep every core busy, few
    // enough that a batch's findings stay small.
    let stdin = Scanned { stdin: true, ..one };
    assert_eq!(batch_size(&stdin), rayon::current_num_threads().max(1) * 32);
}

/// ESL-21-6 (the issuer's signature) of each certificate of a run over
/// `inputs`, by subject name.
fn signatures_in_run(inputs: &[&str]) -> Vec<(String, Status)> {
    let (rules, res) = rules_on_check_date();
    let ev = Evaluator::new(&rules, res);
    let (i, r) = rules.rule("ESL-21-6").unwrap();
    run(inputs, &Quiet, |s| ev.check_rule(i, r, s).status)
}

#[test]
fn a_ca_certificate_among_the_inputs_serves_those_it_issued_before_or_after_it() {
    let got = signatures_in_run(&["good/sm2-sign.pem", "ca/sm2-sub.pem", "ca/sm2-root.pem"]);
    let ee = got.iter().find(|(name, _)| name.contains("sm2-sign")).unwrap();
    assert_eq!(ee.1, Status::Pass, "{got:?}");
    let alone = signatures_in_run(&["good/sm2-sign.pem"]);
    assert_eq!(alone.first().map(|(_, s)| *s), Some(Status::Undetermined));
}

#[test]
fn a_stretch_of_standard_input_brings_its_ca_certificates_into_the_context() {
    let stretch = |path: &str| {
        Source::Stdin(crate::input::Piece::Stretch(crate::input::Stretch {
            bytes: corpus(path),
            content: Content::Pem,
            first_line: 1,
            blocks_before: 0,
        }))
    };
    let scanned = Scanned::default();
    let ca = load_unit(stretch("ca/sm2-sub.pem"), &scanned, &Limits::default());
    assert_eq!(ca.issuers.len(), 1);
    assert_eq!(ca.issued.len(), 1);
    let ee = load_unit(stretch("good/sm2-sign.pem"), &scanned, &Limits::default());
    assert!(ee.issuers.is_empty());
    assert_eq!(ee.issued.len(), 1);
}

#[test]
fn a_file_brings_its_ca_profile_or_what_its_certificates_tell_as_it_enters() {
    let enter = |path: &str| {
        let path = crate::repo().join("corpus").join(path);
        let source = Source::File(Candidate { path, explicit: true });
        load_unit(source, &Scanned::default(), &Limits::default())
    };
    // A CA profile the scan did not read is gathered now.
    assert!(enter("ca-profiles/certlex-test-ca.yaml").profile);
    // Every certificate tells of its issuer (rule statements read their
    // algorithms); only a CA certificate is kept to issue others.
    let ee = enter("certificates/good/rsa-ee.pem");
    assert!(!ee.profile);
    assert_eq!((ee.issuers.len(), ee.issued.len()), (0, 1));
    let ca = enter("certificates/ca/rsa-root.pem");
    assert_eq!((ca.issuers.len(), ca.issued.len()), (1, 1));
}
