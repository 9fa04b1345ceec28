//! A register file (YAML) into a [`Register`], every problem a [`Diag`] at
//! its line: unknown keys with a did-you-mean, missing facts, bad dates and
//! fingerprints, sources and entries that do not exist or repeat.

use std::sync::Arc;

use super::{Certificate, Licence, Provider, Register, Role, Source};
use crate::diag::{Diag, suggestion};
use crate::facts::profile::scalar;
use crate::facts::profile::yaml::{self, Key, Kind, Node};
use crate::i18n::Text;
use crate::limits::Limits;
use crate::source::{SourceFile, Span};

const TOP: &[&str] = &["sources", "providers"];
const SOURCE: &[&str] = &["what", "where", "date", "note"];
const PROVIDER: &[&str] = &[
    "id",
    "name",
    "role",
    "issued_by",
    "established",
    "place",
    "source",
    "basis",
    "licence",
    "listed",
    "names",
    "certificates",
];
const NAME: &[&str] = &["zh", "en"];
const LICENCE: &[&str] = &["number", "from", "until", "seen"];
const CERTIFICATE: &[&str] = &["sha256", "subject"];
const ESTABLISHED: &[&str] = &["mainland", "outside-mainland"];

/// Read a register file.
pub fn read(file: &Arc<SourceFile>, limits: &Limits) -> Result<Register, Vec<Diag>> {
    let root = yaml::parse(file, limits).map_err(|d| vec![d])?;
    let mut r = Reader {
        file,
        errors: Vec::new(),
    };
    let mut register = Register::default();
    let Some(top) = r.map(&root, "the register") else {
        return Err(r.errors);
    };
    r.keys(top, TOP, "the register");
    if let Some(sources) = r.get(top, "sources").and_then(|n| r.map(n, "`sources`")) {
        for (key, node) in sources {
            if let Some(s) = r.source(key, node) {
                register.sources.push(s);
            }
        }
    }
    let providers = r.get(top, "providers").and_then(|n| r.seq(n, "`providers`"));
    for node in providers.unwrap_or_default() {
        if let Some(p) = r.provider(node, &register) {
            register.push(p);
        }
    }
    if r.errors.is_empty() {
        r.cross_check(&register, providers.unwrap_or_default());
    }
    if r.errors.is_empty() {
        Ok(register)
    } else {
        Err(r.errors)
    }
}

struct Reader<'f> {
    file: &'f Arc<SourceFile>,
    errors: Vec<Diag>,
}

impl Reader<'_> {
    fn error(&mut self, span: Span, message: String, label: &str, help: impl Into<String>) {
        self.errors.push(
            Diag::error("register::invalid", message)
                .in_file(self.file)
                .label(span, label)
                .help(help),
        );
    }

    fn map<'n>(&mut self, n: &'n Node, what: &str) -> Option<&'n [(Key, Node)]> {
        match &n.kind {
            Kind::Map(entries) => Some(entries),
            other => {
                let found = other.describe();
                self.error(
                    n.span,
                    format!("{what} should be a mapping, not {found}"),
                    "here",
                    "write `key: value` lines, indented under it",
                );
                None
            }
        }
    }

    fn seq<'n>(&mut self, n: &'n Node, what: &str) -> Option<&'n [Node]> {
        match &n.kind {
            Kind::Seq(items) => Some(items),
            other => {
                let found = other.describe();
                self.error(
                    n.span,
                    format!("{what} should be a list, not {found}"),
                    "here",
                    "write one `- ` line per item",
                );
                None
            }
        }
    }

    fn get<'n>(&self, entries: &'n [(Key, Node)], name: &str) -> Option<&'n Node> {
        entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, n)| n)
            .filter(|n| n.kind != Kind::Null)
    }

    /// Unknown keys are errors with the nearest known one.
    fn keys(&mut self, entries: &[(Key, Node)], known: &[&str], what: &str) {
        for (k, _) in entries {
            if !known.contains(&k.name.as_str()) {
                let help = match suggestion(&k.name, known.iter().copied()) {
                    Some(s) => s,
                    None => format!("{what} has: {}", known.join(", ")),
                };
                self.error(
                    k.span,
                    format!("unknown key `{}` in {what}", k.name),
                    "not a key of the register",
                    help,
                );
            }
        }
    }

    fn text(&mut self, entries: &[(Key, Node)], name: &str, what: &str) -> Option<String> {
        let n = self.get(entries, name)?;
        match &n.kind {
            Kind::Str(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Kind::Int(i) => Some(i.to_string()),
            Kind::Str(_) => {
                self.error(
                    n.span,
                    format!("`{name}` of {what} is blank"),
                    "here",
                    format!("write what `{name}` says, or leave the key out where it is optional"),
                );
                None
            }
            other => {
                let found = other.describe();
                self.error(
                    n.span,
                    format!("`{name}` of {what} should be text, not {found}"),
                    "here",
                    "quote it if it looks like something else",
                );
                None
            }
        }
    }

    fn required(&mut self, entries: &[(Key, Node)], at: Span, name: &str, what: &str) -> Option<String> {
        let v = self.text(entries, name, what);
        if v.is_none() && self.get(entries, name).is_none() {
            self.error(
                at,
                format!("{what} has no `{name}`"),
                "in this entry",
                format!("add `{name}:`; every entry of the register says it"),
            );
        }
        v
    }

    fn date(&mut self, entries: &[(Key, Node)], name: &str, what: &str) -> Option<i64> {
        let n = self.get(entries, name)?;
        let text = match &n.kind {
            Kind::Str(s) => s.clone(),
            other => other.describe().to_string(),
        };
        match scalar::date(&text) {
            Ok(d) => Some(crate::dates::midnight(d)),
            Err(bad) => {
                self.error(n.span, format!("`{name}` of {what}: {}", bad.message), "here", bad.help);
                None
            }
        }
    }

    fn source(&mut self, key: &Key, node: &Node) -> Option<Source> {
        let what = format!("source `{}`", key.name);
        let entries = self.map(node, &what)?;
        self.keys(entries, SOURCE, &what);
        Some(Source {
            id: key.name.clone(),
            what: self.required(entries, key.span, "what", &what)?,
            place: self.required(entries, key.span, "where", &what)?,
            date: self.date(entries, "date", &what),
            note: self.text(entries, "note", &what),
        })
    }

    fn provider(&mut self, node: &Node, register: &Register) -> Option<Provider> {
        let entries = self.map(node, "an entry of `providers`")?;
        let id = self.required(entries, node.span, "id", "an entry of `providers`")?;
        let what = format!("entry `{id}`");
        self.keys(entries, PROVIDER, &what);
        if register.providers.iter().any(|p| p.id == id) {
            self.error(
                node.span,
                format!("two entries are called `{id}`"),
                "the second",
                "give each entry an id of its own",
            );
        }
        let name = self.name(entries, node.span, &what);
        let role = self.word(entries, "role", Role::WORDS.as_slice(), &what).and_then(|w| {
            [Role::Provider, Role::NationalRoot, Role::OperatingCas]
                .into_iter()
                .find(|r| r.word() == w)
        });
        let established = self.word(entries, "established", ESTABLISHED, &what);
        let source = self.required(entries, node.span, "source", &what);
        if let Some(s) = &source
            && !register.sources.iter().any(|x| &x.id == s)
            && let Some(n) = self.get(entries, "source")
        {
            let help = match suggestion(s, register.sources.iter().map(|x| x.id.as_str())) {
                Some(h) => h,
                None => "name one of the file's `sources`, or add it there".to_string(),
            };
            self.error(n.span, format!("no source is called `{s}`"), "not in `sources`", help);
        }
        let licence = self.licence(entries, &what);
        let certificates = self.certificates(entries, &what);
        let mut names = Vec::new();
        for n in self
            .get(entries, "names")
            .and_then(|n| self.seq(n, "`names`"))
            .unwrap_or_default()
        {
            match &n.kind {
                Kind::Str(s) if !s.trim().is_empty() => names.push(s.trim().to_string()),
                other => {
                    let found = other.describe();
                    self.error(
                        n.span,
                        format!("a name in `names` of {what} should be text, not {found}"),
                        "here",
                        "write each name the provider goes by as text, one `- ` line each",
                    );
                }
            }
        }
        let p = Provider {
            name: name?,
            role: role.or_else(|| {
                self.error(
                    node.span,
                    format!("{what} has no `role`"),
                    "in this entry",
                    "add `role: provider` (or `national-root`, `operating-cas`)",
                );
                None
            })?,
            issued_by: self.text(entries, "issued_by", &what),
            established: Some(
                established
                    .or_else(|| {
                        self.error(
                            node.span,
                            format!("{what} has no `established`"),
                            "in this entry",
                            "add `established: mainland` or `established: outside-mainland` with `place:`",
                        );
                        None
                    })?
                    .to_string(),
            ),
            place: self.text(entries, "place", &what),
            source: source?,
            basis: self.required(entries, node.span, "basis", &what)?,
            licence,
            listed: self.date(entries, "listed", &what),
            names,
            certificates,
            origin: self.file.name.clone(),
            id,
        };
        self.role_needs(&p, node.span);
        Some(p)
    }

    /// What each role needs besides the common facts.
    fn role_needs(&mut self, p: &Provider, at: Span) {
        let what = format!("entry `{}`", p.id);
        if p.role == Role::OperatingCas && (p.issued_by.is_none() || p.listed.is_none()) {
            self.error(
                at,
                format!("{what} lists operating CAs but not `issued_by` and `listed`"),
                "in this entry",
                "name the national root entry that issued them (`issued_by:`) and the date of the list (`listed:`)",
            );
        }
        if p.established.as_deref() == Some("outside-mainland") && p.place.is_none() {
            self.error(
                at,
                format!("{what} is established outside the mainland but says not where"),
                "in this entry",
                "add `place:` with the country or region code, e.g. `HK`",
            );
        }
    }

    fn name(&mut self, entries: &[(Key, Node)], at: Span, what: &str) -> Option<Text> {
        let Some(n) = self.get(entries, "name") else {
            self.error(
                at,
                format!("{what} has no `name`"),
                "in this entry",
                "add `name:` with `zh:` and/or `en:`",
            );
            return None;
        };
        let m = self.map(n, "`name`")?;
        self.keys(m, NAME, "`name`");
        let name = Text::new(self.text(m, "zh", what), self.text(m, "en", what));
        if name.is_empty() {
            self.error(
                n.span,
                format!("{what} has an empty `name`"),
                "here",
                "give `zh:` or `en:` or both",
            );
            return None;
        }
        Some(name)
    }

    fn word(
        &mut self,
        entries: &[(Key, Node)],
        name: &str,
        words: &[&'static str],
        what: &str,
    ) -> Option<&'static str> {
        let text = self.text(entries, name, what)?;
        let found = words.iter().copied().find(|w| *w == text);
        if found.is_none()
            && let Some(n) = self.get(entries, name)
        {
            let help =
                suggestion(&text, words.iter().copied()).unwrap_or_else(|| format!("one of: {}", words.join(", ")));
            self.error(
                n.span,
                format!("`{text}` is not a {name} the register knows"),
                "here",
                help,
            );
        }
        found
    }

    fn licence(&mut self, entries: &[(Key, Node)], what: &str) -> Option<Licence> {
        let n = self.get(entries, "licence")?;
        let m = self.map(n, "`licence`")?;
        self.keys(m, LICENCE, "`licence`");
        let l = Licence {
            number: self.text(m, "number", what),
            from: self.date(m, "from", what),
            until: self.date(m, "until", what),
            seen: self.date(m, "seen", what),
        };
        if let (Some(from), Some(until)) = (l.from, l.until)
            && until <= from
        {
            self.error(
                n.span,
                format!("the licence of {what} ends before it starts"),
                "here",
                "`until` is the first day the licence is no longer held",
            );
        }
        Some(l)
    }

    fn certificates(&mut self, entries: &[(Key, Node)], what: &str) -> Vec<Certificate> {
        let Some(items) = self
            .get(entries, "certificates")
            .and_then(|n| self.seq(n, "`certificates`"))
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let Some(m) = self.map(item, "a certificate") else {
                continue;
            };
            self.keys(m, CERTIFICATE, "a certificate");
            let Some(text) = self.required(m, item.span, "sha256", &format!("a certificate of {what}")) else {
                continue;
            };
            match scalar::sha256(&text) {
                Ok(sha256) => out.push(Certificate {
                    sha256,
                    subject: self.text(m, "subject", what).unwrap_or_default(),
                }),
                Err(bad) => {
                    let span = self.get(m, "sha256").map_or(item.span, |n| n.span);
                    self.error(span, bad.message, "here", bad.help);
                }
            }
        }
        out
    }

    /// What needs the whole file: `issued_by` names a national root, and
    /// no certificate belongs to two entries.
    fn cross_check(&mut self, register: &Register, nodes: &[Node]) {
        let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
        for (p, node) in register.providers.iter().zip(nodes) {
            if let Some(root) = &p.issued_by
                && !register
                    .providers
                    .iter()
                    .any(|r| &r.id == root && r.role == Role::NationalRoot)
            {
                self.error(
                    node.span,
                    format!(
                        "entry `{}` is issued by `{root}`, which is not a national root of the register",
                        p.id
                    ),
                    "in this entry",
                    "`issued_by` names an entry with `role: national-root`",
                );
            }
            for c in &p.certificates {
                if let Some(other) = seen.insert(&c.sha256, &p.id) {
                    self.error(
                        node.span,
                        format!("certificate {} is in both `{other}` and `{}`", c.sha256, p.id),
                        "in this entry",
                        "a CA certificate identifies one provider; keep it in one entry",
                    );
                }
            }
        }
    }
}
