//! Editing a profile's YAML tree and writing it out again: scenarios say
//! "a CA profile like `national-ca.yaml` with registered capital of RMB
//! 50,000,000" and check the edited profile, read from the text written here.

use std::sync::Arc;

use super::yaml::{self, Key, Kind, Node};
use crate::source::{SourceFile, Span};

/// A YAML profile as a tree that can be changed and written out.
pub struct Doc {
    root: Node,
}

fn node(kind: Kind) -> Node {
    Node {
        kind,
        span: Span::default(),
    }
}

/// A scalar for [`Doc::set`], read the way the YAML reader reads it.
pub fn scalar(text: &str) -> Kind {
    let file = SourceFile::new("value", format!("v: {text}\n"));
    match yaml::parse(&file, &crate::limits::Limits::default()).map(|n| n.kind) {
        Ok(Kind::Map(mut entries)) if entries.len() == 1 => entries.pop().map_or(Kind::Null, |(_, v)| v.kind),
        _ => Kind::Str(text.to_string()),
    }
}

impl Doc {
    /// Parse a profile's text (any YAML mapping).
    pub fn parse(file: &Arc<SourceFile>) -> Result<Self, String> {
        let root = yaml::parse(file, &crate::limits::Limits::default()).map_err(|d| d.render_plain())?;
        if !matches!(root.kind, Kind::Map(_)) {
            return Err(format!("`{}` is not a YAML mapping", file.name));
        }
        Ok(Self { root })
    }

    /// Set the value at a key path (`capital.registered_rmb`), making the
    /// mappings on the way if they are missing.
    pub fn set(&mut self, path: &str, value: Kind) -> Result<(), String> {
        let mut at = &mut self.root;
        let mut keys = path.split('.').peekable();
        while let Some(key) = keys.next() {
            let Kind::Map(entries) = &mut at.kind else {
                return Err(format!(
                    "cannot set `{path}`: `{key}` is inside a value that is not a mapping"
                ));
            };
            let index = match entries.iter().position(|(k, _)| k.name == key) {
                Some(i) => i,
                None => {
                    entries.push((
                        Key {
                            name: key.to_string(),
                            span: Span::default(),
                        },
                        node(Kind::Map(Vec::new())),
                    ));
                    entries.len() - 1
                }
            };
            let Some((_, child)) = entries.get_mut(index) else {
                return Err(format!("cannot set `{path}`"));
            };
            if keys.peek().is_none() {
                child.kind = value;
                return Ok(());
            }
            if matches!(child.kind, Kind::Null) {
                child.kind = Kind::Map(Vec::new());
            }
            at = child;
        }
        Err("an empty key path".into())
    }

    /// Remove the key at a path; an error if it is not there.
    pub fn remove(&mut self, path: &str) -> Result<(), String> {
        let (parent, last) = match path.rsplit_once('.') {
            Some((p, l)) => (Some(p), l),
            None => (None, path),
        };
        let mut at = &mut self.root;
        if let Some(parent) = parent {
            for key in parent.split('.') {
                let Kind::Map(entries) = &mut at.kind else {
                    return Err(format!("the profile has no `{path}`"));
                };
                let Some((_, child)) = entries.iter_mut().find(|(k, _)| k.name == key) else {
                    return Err(format!("the profile has no `{path}`"));
                };
                at = child;
            }
        }
        let Kind::Map(entries) = &mut at.kind else {
            return Err(format!("the profile has no `{path}`"));
        };
        let before = entries.len();
        entries.retain(|(k, _)| k.name != last);
        if entries.len() == before {
            return Err(format!("the profile has no `{path}`"));
        }
        Ok(())
    }

    /// Empty the outlets of the region called `region`.
    pub fn no_outlet_in(&mut self, region: &str) -> Result<(), String> {
        let Kind::Map(entries) = &mut self.root.kind else {
            return Err("the profile is not a mapping".into());
        };
        let Some((_, regions)) = entries.iter_mut().find(|(k, _)| k.name == "regions") else {
            return Err("the profile lists no `regions`".into());
        };
        let Kind::Seq(items) = &mut regions.kind else {
            return Err("`regions` is not a list".into());
        };
        let mut names = Vec::new();
        for item in items.iter_mut() {
            let Kind::Map(fields) = &mut item.kind else { continue };
            let name = fields.iter().find_map(|(k, v)| match (&k.name[..], &v.kind) {
                ("name", Kind::Str(s)) => Some(s.clone()),
                _ => None,
            });
            if name.as_deref() == Some(region) {
                fields.retain(|(k, _)| k.name != "outlets");
                fields.push((
                    Key {
                        name: "outlets".into(),
                        span: Span::default(),
                    },
                    node(Kind::Seq(Vec::new())),
                ));
                return Ok(());
            }
            names.extend(name);
        }
        Err(format!(
            "the profile has no region `{region}` (it has: {})",
            names.join(", ")
        ))
    }

    /// The profile as YAML text.
    pub fn to_yaml(&self) -> String {
        let mut out = String::new();
        if let Kind::Map(entries) = &self.root.kind {
            // `kind` first, so the text is recognised as a profile.
            let (kind, rest): (Vec<_>, Vec<_>) = entries.iter().partition(|(k, _)| k.name == super::KIND_KEY);
            for (k, v) in kind.into_iter().chain(rest) {
                entry(&mut out, 0, k, v);
            }
        }
        out
    }
}

fn key_text(k: &str) -> String {
    if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        k.to_string()
    } else {
        quote(k)
    }
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.replace('"', "'")))
}

fn scalar_text(kind: &Kind) -> Option<String> {
    Some(match kind {
        Kind::Null => "~".into(),
        Kind::Bool(b) => b.to_string(),
        Kind::Int(n) => n.to_string(),
        Kind::Float(x) => x.to_string(),
        Kind::Str(s) => quote(s),
        Kind::Seq(items) if items.is_empty() => "[]".into(),
        Kind::Map(entries) if entries.is_empty() => "{}".into(),
        Kind::Seq(_) | Kind::Map(_) => return None,
    })
}

fn entry(out: &mut String, indent: usize, k: &Key, v: &Node) {
    let pad = " ".repeat(indent);
    match scalar_text(&v.kind) {
        Some(s) => out.push_str(&format!("{pad}{}: {s}\n", key_text(&k.name))),
        None => {
            out.push_str(&format!("{pad}{}:\n", key_text(&k.name)));
            block(out, indent + 2, v);
        }
    }
}

fn block(out: &mut String, indent: usize, v: &Node) {
    let pad = " ".repeat(indent);
    match &v.kind {
        Kind::Map(entries) => entries.iter().for_each(|(k, v)| entry(out, indent, k, v)),
        Kind::Seq(items) => {
            for item in items {
                match scalar_text(&item.kind) {
                    Some(s) => out.push_str(&format!("{pad}- {s}\n")),
                    None => {
                        // `- ` then the item's block, its first line on the dash's line.
                        let mut inner = String::new();
                        block(&mut inner, indent + 2, item);
                        let trimmed = inner.get(indent + 2..).unwrap_or(&inner);
                        out.push_str(&format!("{pad}- {trimmed}"));
                    }
                }
            }
        }
        other => {
            if let Some(s) = scalar_text(other) {
                out.push_str(&format!("{pad}{s}\n"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_survive_writing_and_reading_again() {
        let text = "kind: ca-profile\ncapital:\n  registered_rmb: 70_000_000\nregions:\n  - name: 北京市\n    outlets:\n      - name: a\n  - name: 河北省\n    outlets: [{name: b}]\n";
        let mut doc = Doc::parse(&SourceFile::new("p.yaml", text)).unwrap();
        doc.set("capital.registered_rmb", scalar("50_000_000")).unwrap();
        doc.set("staff.technical_professionals", scalar("45")).unwrap();
        doc.no_outlet_in("河北省").unwrap();
        assert!(doc.no_outlet_in("广东省").is_err());
        let out = doc.to_yaml();
        let again = Doc::parse(&SourceFile::new("q.yaml", out.clone())).unwrap();
        assert_eq!(again.to_yaml(), out);
        assert!(out.starts_with("kind: \"ca-profile\"\n"), "{out}");
        assert!(out.contains("  registered_rmb: 50000000\n"), "{out}");
        assert!(out.contains("  - name: \"河北省\"\n    outlets: []\n"), "{out}");
        doc.remove("capital").unwrap();
        assert!(doc.remove("capital").is_err());
    }
}
