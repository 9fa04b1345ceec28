//! The certificate reader: the same bytes as DER and as PEM, with a run
//! context built from them (pass 1), so chains and signatures are walked too.
#![no_main]

use certlex::facts::context::{Origin, RunContext};
use certlex::input::{Content, certificate_ders, read_content};
use certlex::limits::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let mut ctx = RunContext::new();
    for der in certificate_ders(data, &limits) {
        ctx.add_certificate(&der, Origin::Issuers);
    }
    let _ = read_content("fuzz.der", data.to_vec(), Content::Der, true, &limits, &ctx);
    let _ = read_content("fuzz.pem", data.to_vec(), Content::Pem, true, &limits, &ctx);
});
