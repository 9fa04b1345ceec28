//! The rule-statement reader: front matter, Markdown or numbered text, sections.
#![no_main]

use certlex::facts::context::RunContext;
use certlex::input::{Content, read_content};
use certlex::limits::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = certlex::facts::statement::looks_like(text);
    }
    let _ = read_content(
        "fuzz.md",
        data.to_vec(),
        Content::RuleStatement,
        true,
        &Limits::default(),
        &RunContext::new(),
    );
});
