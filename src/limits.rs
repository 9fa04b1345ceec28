//! Bounds on what one input or rule file may cost: low in the house, since
//! the readers of every kind of input (and the rule loader) take them.

/// Bounds on what one input (or rule file) may cost, so a hostile file is a
/// located error, not a hang or an exhausted memory. The one place for them:
/// `check` takes each as a flag (`cli::LimitArgs`), `docs/robustness.md`
/// explains the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Most PEM blocks in one file.
    pub max_pem_blocks: usize,
    /// Largest CA profile, in bytes (a real one is a few kilobytes).
    pub max_profile_bytes: usize,
    /// Largest rule statement, in bytes (a real one is well under a megabyte).
    pub max_statement_bytes: usize,
    /// Deepest nesting of mappings and lists in YAML (profiles, front matter).
    pub max_yaml_depth: usize,
    /// Most values that aliases (`*name`) may expand into in one YAML file.
    pub max_yaml_alias_expansion: usize,
    /// Largest compiled `matches` pattern of a rule, in bytes.
    pub max_regex_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 64 * 1024 * 1024,
            max_pem_blocks: 10_000,
            max_profile_bytes: 1024 * 1024,
            max_statement_bytes: 16 * 1024 * 1024,
            max_yaml_depth: 32,
            max_yaml_alias_expansion: 20_000,
            max_regex_bytes: 1024 * 1024,
        }
    }
}
