//! What the binary's build script compiled (`build.rs`): the built-in rules
//! and the built-in register, loaded and checked when the binary was built
//! and written in a compact form, handed to the library once at start. A
//! process then reads them instead of parsing their sources again, which
//! was most of the time of a one-certificate run.
//!
//! postcard: serde's compact, positional format; fast to read, and no
//! schema to keep beside the types (their serde derives are the schema).
//! Whatever does not read falls back to the sources, so a run never depends
//! on these bytes, only its start-up time does.

use std::sync::OnceLock;

/// The compact forms, as the build script wrote them.
#[derive(Debug, Clone, Copy)]
pub struct Built {
    /// The built-in rule set (`load::compiled`).
    pub rules: &'static [u8],
    /// The built-in register of providers (`facts::register`).
    pub register: &'static [u8],
}

static BUILT: OnceLock<Built> = OnceLock::new();

/// Called once, by the binary, with what its build script wrote.
pub fn install(built: Built) {
    let _ = BUILT.set(built);
}

/// What the binary installed; `None` in tests and other programs using the
/// library, which then load from the sources.
pub fn built() -> Option<Built> {
    BUILT.get().copied()
}

pub fn to_bytes<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, String> {
    postcard::to_stdvec(value).map_err(|e| format!("cannot write the compact form: {e}"))
}

pub fn from_bytes<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("cannot read the compact form: {e}"))
}
