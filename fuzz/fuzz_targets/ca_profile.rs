//! The CA-profile reader: YAML (serde-saphyr with budgets), then the schema
//! walk; pass 1 (what a profile tells the run context) first, as a run does.
#![no_main]

use certlex::facts::context::{Origin, RunContext};
use certlex::input::{Content, detect, read_content};
use certlex::limits::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let _ = detect(data);
    let mut ctx = RunContext::new();
    certlex::run::add_bytes(&mut ctx, data, Origin::Input, &limits);
    let _ = read_content("fuzz.yaml", data.to_vec(), Content::CaProfile, true, &limits, &ctx);
});
