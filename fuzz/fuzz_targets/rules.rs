//! The rule language: parser, validator (loader) and formatter. A crash is a
//! panic anywhere, or a formatted file that formats differently again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = certlex::source::SourceFile::new("fuzz.rules", text);
    let _ = certlex::lang::parse(&file);
    let _ = certlex::load::load(std::slice::from_ref(&file));
    if let Ok(once) = certlex::lang::format(&file) {
        let again = certlex::lang::format(&certlex::source::SourceFile::new("fuzz.rules", once.as_str()));
        assert_eq!(again.ok().as_deref(), Some(once.as_str()), "fmt is not idempotent");
    }
});
