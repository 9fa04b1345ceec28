//! The register of electronic certification service providers: who a CA
//! certificate identifies, where that provider is established (ESL 26) and
//! whether it held a licence on a date (ESL 16, 18).
//!
//! The built-in register is `register/providers.yaml`, embedded in the
//! binary; `--register FILE` adds a user's entries, and CA profiles of a run
//! add theirs (`facts::context`). Every entry names its source. The register
//! answers only what its sources state: a licence without dates, or a date
//! after what a source has seen, is *unknown*, never assumed.

mod read;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

pub use read::read;

use crate::diag::Diag;
use crate::i18n::{Lang, Text};
use crate::source::SourceFile;

/// What a source is: where a fact of the register comes from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub id: String,
    pub what: String,
    pub place: String,
    /// The source's date (seconds since 1970), when it has one.
    pub date: Option<i64>,
    pub note: Option<String>,
}

/// What an entry's certificates are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Role {
    /// The provider's own CA certificates: a certificate issued under one of
    /// them was issued by this provider.
    Provider,
    /// The certificates of a national root: it is not a provider itself,
    /// and a CA certificate it issued identifies a provider licensed when
    /// it was issued.
    NationalRoot,
    /// Operating CA certificates issued by a national root (`issued_by`),
    /// each of one provider, listed as in service on the entry's `listed`
    /// date.
    OperatingCas,
}

impl Role {
    pub const WORDS: [&'static str; 3] = ["provider", "national-root", "operating-cas"];

    pub fn word(self) -> &'static str {
        match self {
            Role::Provider => "provider",
            Role::NationalRoot => "national-root",
            Role::OperatingCas => "operating-cas",
        }
    }
}

/// An electronic certification licence (电子认证许可证书) as the sources
/// give it; every part may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Licence {
    pub number: Option<String>,
    /// Issued (seconds since 1970).
    pub from: Option<i64>,
    /// Expired or revoked: not held from this date on.
    pub until: Option<i64>,
    /// A date on which a source states the licence was held.
    pub seen: Option<i64>,
}

/// A CA certificate that identifies a provider.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Certificate {
    /// 64 lowercase hexadecimal digits.
    pub sha256: String,
    pub subject: String,
}

/// One entry of the register.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Provider {
    pub id: String,
    pub name: Text,
    pub role: Role,
    /// For `operating-cas`: the national root entry that issued them.
    pub issued_by: Option<String>,
    /// `mainland` or `outside-mainland`; `None` when a CA profile does not
    /// state its jurisdiction.
    pub established: Option<String>,
    /// Where, when outside the mainland (`HK`, `SG` …).
    pub place: Option<String>,
    pub source: String,
    /// What the source says that makes this entry, in its own words.
    pub basis: String,
    pub licence: Option<Licence>,
    /// For `operating-cas`: the date the certificates were listed in service.
    pub listed: Option<i64>,
    /// Names the provider goes by: a hint when no certificate matches.
    pub names: Vec<String>,
    pub certificates: Vec<Certificate>,
    /// The file the entry was read from.
    pub origin: String,
}

/// A register: entries from one or more files, looked up by certificate.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Register {
    pub sources: Vec<Source>,
    pub providers: Vec<Provider>,
    /// Entry and certificate positions by SHA-256.
    by_sha256: HashMap<String, usize>,
}

/// One certificate of a chain, as the register needs it: nearest first,
/// each link verified (the chain walk of `facts::certificate::chain`).
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    pub sha256: &'a str,
    pub not_before: i64,
}

/// Whether a provider held a licence on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Licensed {
    Yes,
    No(Text),
    Unknown(Text),
}

/// The provider a CA certificate identifies, and how.
#[derive(Debug, Clone, Copy)]
pub struct Identified<'r> {
    pub provider: &'r Provider,
    pub how: How,
    /// The certificate of the entry that matched, when one did.
    pub certificate: Option<&'r Certificate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The certificate is one of the entry's own.
    Own,
    /// An operating CA certificate the entry lists: in the national
    /// hierarchy from its notBefore (`since`) to the list's date.
    Listed { since: i64 },
    /// Issued by a national root and not listed: in the hierarchy on the
    /// day it was issued (`on`).
    IssuedByRoot { on: i64 },
}

impl Register {
    /// The register built into the binary: as compiled by the build script
    /// ([`crate::compiled`]), else read from its source.
    pub fn builtin() -> Arc<Register> {
        static BUILTIN: OnceLock<Arc<Register>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let compiled = crate::compiled::built().and_then(|b| crate::compiled::from_bytes(b.register).ok());
                // The build checks the built-in file; should it not read,
                // the register is empty and every question stays unknown.
                Arc::new(compiled.unwrap_or_else(|| Register::read_builtin().unwrap_or_default()))
            })
            .clone()
    }

    /// The built-in register read from its source, `register/providers.yaml`.
    pub fn read_builtin() -> Result<Register, Vec<Diag>> {
        let file = SourceFile::built_in("register/providers.yaml", include_str!("../../register/providers.yaml"));
        read(&file, &crate::limits::Limits::default())
    }

    /// The register of this process: the built-in one, with the entries of
    /// `--register FILE` when given ([`install`]).
    pub fn active() -> Arc<Register> {
        ACTIVE.get().cloned().unwrap_or_else(Register::builtin)
    }

    /// Add the entries and sources of `other`; an entry or certificate
    /// already present is an error located in `other`'s file.
    pub fn extend(&mut self, other: Register) -> Result<(), Vec<Diag>> {
        let mut errors = Vec::new();
        for s in other.sources {
            if !self.sources.iter().any(|x| x.id == s.id) {
                self.sources.push(s);
            }
        }
        for p in other.providers {
            if self.providers.iter().any(|x| x.id == p.id) {
                errors.push(
                    Diag::error(
                        "register::duplicate",
                        format!("the register already has an entry `{}`", p.id),
                    )
                    .help(format!("entries of `{}` need ids of their own", p.origin)),
                );
                continue;
            }
            self.push(p);
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    pub(crate) fn push(&mut self, p: Provider) {
        let at = self.providers.len();
        for c in &p.certificates {
            self.by_sha256.entry(c.sha256.clone()).or_insert(at);
        }
        self.providers.push(p);
    }

    pub fn entry(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// The entry of a certificate by its SHA-256 (hexadecimal, either case).
    fn by_certificate(&self, sha256: &str) -> Option<&Provider> {
        if self.by_sha256.is_empty() {
            return None;
        }
        self.by_sha256
            .get(&sha256.to_ascii_lowercase())
            .and_then(|&i| self.providers.get(i))
    }

    /// The provider that the CA certificate `chain[0]` belongs to, from the
    /// chain above it: its own entry; an operating CA of a national root
    /// (listed or not); or, for a certificate of no entry, that of the
    /// certificate above it (a provider's intermediate under its root).
    pub fn identify<'r>(&'r self, chain: &[Link]) -> Option<Identified<'r>> {
        let (first, rest) = chain.split_first()?;
        if let Some(p) = self.by_certificate(first.sha256) {
            let how = match p.role {
                Role::OperatingCas => How::Listed {
                    since: first.not_before,
                },
                _ => How::Own,
            };
            let certificate = p
                .certificates
                .iter()
                .find(|c| c.sha256.eq_ignore_ascii_case(first.sha256));
            return Some(Identified {
                provider: p,
                how,
                certificate,
            });
        }
        if let Some(root) = rest.first().and_then(|l| self.by_certificate(l.sha256))
            && root.role == Role::NationalRoot
        {
            return Some(Identified {
                provider: root,
                how: How::IssuedByRoot { on: first.not_before },
                certificate: None,
            });
        }
        self.identify(rest)
    }
}

impl Identified<'_> {
    /// Who the provider is, as reports name it: an operating CA by the
    /// subject of its listed certificate, within its entry.
    pub fn name(&self, lang: Lang) -> String {
        let entry = self.provider.name.get_or(lang, &self.provider.id);
        match self.certificate {
            Some(c) if self.provider.role == Role::OperatingCas && !c.subject.is_empty() => {
                format!("{} ({entry})", c.subject)
            }
            _ => entry.to_string(),
        }
    }

    /// Whether the provider held a licence at `t` (seconds since 1970), as
    /// far as the register knows.
    pub fn licensed_at(&self, t: i64) -> Licensed {
        let p = self.provider;
        let day = |secs: i64| crate::dates::format_instant(secs).chars().take(10).collect::<String>();
        match self.how {
            How::Own if p.role == Role::NationalRoot => Licensed::Unknown(Text::both(
                format!(
                    "{}是国家根证书，不是依《电子签名法》第十八条取得许可的电子认证服务提供者",
                    p.name.get_or(Lang::Zh, &p.id)
                ),
                format!(
                    "{} is a national root, not a provider licensed under ESL 18",
                    p.name.get_or(Lang::En, &p.id)
                ),
            )),
            How::Own => licence_at(p, t, &day),
            How::Listed { since } => {
                let listed = p.listed.unwrap_or(since);
                if (since..=listed + 86_399).contains(&t) {
                    Licensed::Yes
                } else {
                    Licensed::Unknown(Text::both(
                        format!(
                            "名录（{}）表明该运营认证机构自 {} 至 {} 在国家根证书体系中；此日期不在其间",
                            p.source,
                            day(since),
                            day(listed)
                        ),
                        format!(
                            "the register ({}) shows this operating CA in the national hierarchy from {} to {}; this date is outside that",
                            p.source,
                            day(since),
                            day(listed)
                        ),
                    ))
                }
            }
            How::IssuedByRoot { on } => {
                if (on..on + 86_400).contains(&t) {
                    Licensed::Yes
                } else {
                    Licensed::Unknown(Text::both(
                        format!(
                            "该运营认证机构证书由国家根证书于 {} 签发，但不在名录（{}）所列之中，故仅知其当日在体系中",
                            day(on),
                            p.source
                        ),
                        format!(
                            "the operating CA certificate was issued by the national root on {}, but the register's list ({}) does not name it, so it is known in the hierarchy on that day only",
                            day(on),
                            p.source
                        ),
                    ))
                }
            }
        }
    }
}

/// A provider's own licence at `t`: not yet issued or ended is *no*; within
/// the dates the sources give is *yes*; anything else is unknown.
fn licence_at(p: &Provider, t: i64, day: &dyn Fn(i64) -> String) -> Licensed {
    let Some(l) = &p.licence else {
        return Licensed::Unknown(Text::both(
            format!("名录中的 `{}` 没有许可证记录（来源：{}）", p.id, p.source),
            format!(
                "the register's entry `{}` records no licence (source: {})",
                p.id, p.source
            ),
        ));
    };
    let number = l.number.as_deref().unwrap_or("?");
    if let Some(from) = l.from
        && t < from
    {
        return Licensed::No(Text::both(
            format!("许可证 {number} 于 {} 才颁发", day(from)),
            format!("licence {number} was issued only on {}", day(from)),
        ));
    }
    if let Some(until) = l.until
        && t >= until
    {
        return Licensed::No(Text::both(
            format!("许可证 {number} 自 {} 起不再有效", day(until)),
            format!("licence {number} was no longer held from {}", day(until)),
        ));
    }
    let held_to = match (l.until, l.seen) {
        (Some(until), _) => Some(until),
        (None, Some(seen)) => Some(seen + 86_400),
        (None, None) => None,
    };
    match (l.from, held_to) {
        (Some(from), Some(to)) if (from..to).contains(&t) => Licensed::Yes,
        _ => Licensed::Unknown(Text::both(
            format!(
                "名录记载 {} 持有许可证 {number}（来源：{}），但未载明该日期是否在许可期内",
                p.name.get_or(Lang::Zh, &p.id),
                p.source
            ),
            format!(
                "the register records licence {number} of {} (source: {}) but not whether it was held on this date",
                p.name.get_or(Lang::En, &p.id),
                p.source
            ),
        )),
    }
}

static ACTIVE: OnceLock<Arc<Register>> = OnceLock::new();

/// Make the built-in register extended with `user` the register of this
/// process (`--register FILE`). Only the first call counts.
pub fn install(user: Register) -> Result<(), Vec<Diag>> {
    let mut r = (*Register::builtin()).clone();
    r.extend(user)?;
    let _ = ACTIVE.set(Arc::new(r));
    Ok(())
}

#[cfg(test)]
mod tests;
