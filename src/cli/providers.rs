//! `certlex providers`: the register of providers, and `--register FILE`.

use std::path::Path;

use clap::{Args, ValueEnum};
use serde_json::json;

use crate::facts::register::{self, Register};
use crate::i18n::Lang;
use crate::limits::Limits;
use crate::source::SourceFile;

#[derive(Args)]
#[command(
    after_help = "Examples:\n  certlex providers\n  certlex providers --format json\n  certlex --register my-providers.yaml providers\n\nThe built-in register is register/providers.yaml; docs/register.md describes the format."
)]
pub struct ProvidersArgs {
    /// `human` (default) or `json`.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Read `--register FILE` and make it part of this process's register.
/// Errors are printed; `false` means exit code 2.
pub fn install(path: &Path) -> bool {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            say_in!(
                format!("certlex：无法读取名录文件 `{}`：{e}", path.display()),
                format!("certlex: cannot read the register file `{}`: {e}", path.display())
            );
            return false;
        }
    };
    let file = SourceFile::new(path.display().to_string(), text);
    let read = register::read(&file, &Limits::default()).and_then(register::install);
    match read {
        Ok(()) => true,
        Err(diags) => {
            super::print_diags(diags.iter());
            false
        }
    }
}

pub fn run(a: &ProvidersArgs) -> u8 {
    let r = Register::active();
    let text = match a.format {
        Format::Human => human(&r, super::run_lang()),
        Format::Json => json(&r),
    };
    match super::emit(&text) {
        Ok(()) => 0,
        Err(code) => code,
    }
}

fn day(secs: Option<i64>) -> String {
    secs.and_then(crate::dates::date_of)
        .map_or_else(|| "?".to_string(), |d| d.to_string())
}

fn human(r: &Register, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    for p in &r.providers {
        let name = p.name.get_or(lang, &p.id);
        out += &format!("{}  {name}\n", p.id);
        let role = p.role.word();
        let established = p.established.as_deref().unwrap_or("?");
        if zh {
            out += &format!("  类别 {role}；设立地 {established}");
        } else {
            out += &format!("  role {role}; established {established}");
        }
        if let Some(place) = &p.place {
            out += &format!(" ({place})");
        }
        out += "\n";
        if let Some(l) = &p.licence {
            let number = l.number.as_deref().unwrap_or("?");
            if zh {
                out += &format!(
                    "  许可证 {number}：颁发 {}，届满 {}，见于 {}\n",
                    day(l.from),
                    day(l.until),
                    day(l.seen)
                );
            } else {
                out += &format!(
                    "  licence {number}: issued {}, until {}, seen {}\n",
                    day(l.from),
                    day(l.until),
                    day(l.seen)
                );
            }
        }
        if p.listed.is_some() {
            out += &format!("  {} {}\n", if zh { "名单日期" } else { "listed" }, day(p.listed));
        }
        let n = p.certificates.len();
        if n > 0 {
            out += &if zh {
                format!("  认证机构证书 {n} 张\n")
            } else {
                format!("  {n} CA certificate{}\n", if n == 1 { "" } else { "s" })
            };
        }
        let source = r.sources.iter().find(|s| s.id == p.source);
        let (what, date) = source.map_or((p.source.as_str(), None), |s| (s.what.as_str(), s.date));
        out += &format!("  {} {what} ({})\n\n", if zh { "来源" } else { "source" }, day(date));
    }
    out
}

fn json(r: &Register) -> String {
    let providers: Vec<_> = r
        .providers
        .iter()
        .map(|p| {
            json!({
                "id": p.id,
                "name": p.name,
                "role": p.role.word(),
                "issued_by": p.issued_by,
                "established": p.established,
                "place": p.place,
                "source": p.source,
                "basis": p.basis,
                "licence": p.licence.as_ref().map(|l| json!({
                    "number": l.number,
                    "from": l.from.and_then(crate::dates::date_of).map(|d| d.to_string()),
                    "until": l.until.and_then(crate::dates::date_of).map(|d| d.to_string()),
                    "seen": l.seen.and_then(crate::dates::date_of).map(|d| d.to_string()),
                })),
                "listed": p.listed.and_then(crate::dates::date_of).map(|d| d.to_string()),
                "names": p.names,
                "certificates": p.certificates.iter().map(|c| json!({"sha256": c.sha256, "subject": c.subject})).collect::<Vec<_>>(),
                "origin": p.origin,
            })
        })
        .collect();
    let sources: Vec<_> = r
        .sources
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "what": s.what,
                "where": s.place,
                "date": s.date.and_then(crate::dates::date_of).map(|d| d.to_string()),
                "note": s.note,
            })
        })
        .collect();
    let doc = json!({ "providers": providers, "sources": sources });
    format!("{}\n", serde_json::to_string_pretty(&doc).unwrap_or_default())
}
