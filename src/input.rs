//! Inputs: finding files (walkdir, lazily), telling what each holds from its
//! content, and reading it into subjects. An input that cannot be read is an
//! error that names the file and the line; it is never skipped in silence.

mod pem;
mod stream;
#[cfg(test)]
mod tests;
mod x509;

pub use stream::{Piece, Stream, Stretch};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::Diag;
use crate::facts::Subject;
use crate::facts::context::RunContext;
use crate::limits::Limits;
use crate::source::SourceFile;

/// A file to read: named on the command line, or found in a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    /// Named explicitly: a file certlex cannot read is then an error; found
    /// in a directory walk, a file of an unknown kind is listed as skipped.
    pub explicit: bool,
}

/// What reading one file gave.
#[derive(Debug, Default)]
pub struct Read {
    pub subjects: Vec<Subject>,
    pub errors: Vec<Diag>,
    /// Set when the file was not an input certlex reads (directory walks only).
    pub skipped: Option<String>,
}

/// Why a file of a directory walk was skipped: its extension is not one of
/// [`KNOWN_EXTENSIONS`], or its content is no input certlex reads.
const NOT_KNOWN_TYPE: &str = "not a known input type";
const NOT_AN_INPUT: &str = "not a certificate, CA profile or rule statement";

/// A skipped file's reason (as [`read`] gives it) in `lang`.
pub fn skip_reason(why: &str, lang: crate::i18n::Lang) -> &str {
    match (lang, why) {
        (crate::i18n::Lang::Zh, NOT_KNOWN_TYPE) => "不是已知的输入类型",
        (crate::i18n::Lang::Zh, NOT_AN_INPUT) => "不是证书、电子认证服务机构概况或电子认证业务规则",
        _ => why,
    }
}

/// Extensions of files picked up in directory walks.
const KNOWN_EXTENSIONS: &[&str] = &[
    "pem", "crt", "cer", "cert", "der", "csr", "req", "p10", "crl", "tbs", "ocsp", "yaml", "yml", "md", "markdown",
    "txt",
];

/// The files named by `paths`, directories walked in name order; hidden
/// files and folders (`.git`) are left out of walks. `-` is standard input.
pub fn discover(paths: &[PathBuf]) -> impl Iterator<Item = Result<Candidate, Diag>> + '_ {
    paths
        .iter()
        .flat_map(|p| -> Box<dyn Iterator<Item = Result<Candidate, Diag>>> {
            if p.as_os_str() == "-" || p.is_file() {
                return Box::new(std::iter::once(Ok(Candidate {
                    path: p.clone(),
                    explicit: true,
                })));
            }
            if !p.exists() {
                return Box::new(std::iter::once(Err(Diag::error(
                    "certlex::input::not-found",
                    format!("`{}` does not exist", p.display()),
                )
                .help("check the path; give files or directories of certificates, CA profiles or rule statements")
                .zh(
                    format!("`{}` 不存在", p.display()),
                    Some("请检查路径；给出证书、电子认证服务机构概况或电子认证业务规则的文件或文件夹"),
                ))));
            }
            let walk = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
            Box::new(walk.filter_map(|e| {
                match e {
                    Err(err) => Some(Err(Diag::error(
                        "certlex::input::walk",
                        format!("cannot read a directory entry: {err}"),
                    )
                    .zh(format!("无法读取目录项：{}", io_zh(err.io_error())), None))),
                    Ok(e) if e.file_type().is_file() => Some(Ok(Candidate {
                        path: e.into_path(),
                        explicit: false,
                    })),
                    Ok(_) => None,
                }
            }))
        })
}

fn error(path: &Path, code: &'static str, message: String, zh: String) -> Diag {
    Diag::error(code, format!("{}: {message}", path.display())).zh(format!("{}：{zh}", path.display()), None)
}

/// Why reading failed, in Chinese for the usual causes (the system's own
/// words otherwise).
fn io_zh(e: Option<&std::io::Error>) -> String {
    use std::io::ErrorKind as K;
    match e.map(std::io::Error::kind) {
        Some(K::NotFound) => "文件不存在".into(),
        Some(K::PermissionDenied) => "没有读取权限".into(),
        Some(K::IsADirectory) => "这是一个文件夹".into(),
        Some(K::InvalidData) => "内容无法读取".into(),
        _ => e.map_or_else(|| "未知原因".into(), |e| format!("系统报告：{e}")),
    }
}

/// What loading one file's bytes gave.
#[derive(Debug)]
pub enum Loaded {
    Bytes(Vec<u8>),
    /// Not an input certlex reads (directory walks only); the text says why.
    Skipped(String),
    Error(Diag),
}

/// Load one file's bytes (or standard input's), leaving out files of
/// unknown types found in directory walks.
pub fn load(c: &Candidate, limits: &Limits) -> Loaded {
    if !c.explicit {
        let ext = c
            .path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if !KNOWN_EXTENSIONS.contains(&ext.as_str()) {
            return Loaded::Skipped(NOT_KNOWN_TYPE.into());
        }
    }
    match read_bytes(&c.path, limits) {
        Ok(b) => Loaded::Bytes(b),
        Err(d) => Loaded::Error(d),
    }
}

/// Read one file (or standard input) into subjects, with the run's context.
pub fn read(c: &Candidate, limits: &Limits, ctx: &RunContext) -> Read {
    match load(c, limits) {
        Loaded::Bytes(bytes) => read_bytes_as(&c.path.display().to_string(), bytes, c.explicit, limits, ctx),
        Loaded::Skipped(why) => Read {
            skipped: Some(why),
            ..Read::default()
        },
        Loaded::Error(d) => Read::error(d),
    }
}

/// The DER of every certificate in a file's bytes (pass 1 of a run).
/// Whatever else the bytes hold, and whatever is broken, pass 2 reports.
pub fn certificate_ders(bytes: &[u8], limits: &Limits) -> Vec<Vec<u8>> {
    if is_der(bytes) {
        if matches!(
            crate::facts::shape::shape(bytes),
            crate::facts::shape::Shape::Certificate | crate::facts::shape::Shape::Other
        ) {
            vec![bytes.to_vec()]
        } else {
            Vec::new()
        }
    } else if is_pem(bytes) {
        pem::certificate_ders(&String::from_utf8_lossy(bytes), limits)
    } else {
        Vec::new()
    }
}

/// The error for an input over `--max-file-size`.
fn too_large(path: &Path, limits: &Limits) -> Diag {
    error(
        path,
        "certlex::input::too-large",
        format!("the file is larger than the limit of {} bytes", limits.max_file_bytes),
        format!("文件大于 {} 字节的上限", limits.max_file_bytes),
    )
    .help("raise the limit with `--max-file-size BYTES` if the file is genuine")
    .zh_help("如果文件确实无误，可用 `--max-file-size BYTES` 提高上限")
}

/// A file's bytes, or standard input's for `-`, up to `--max-file-size`.
/// A file is opened once and its size read from the open file, so one that
/// grows after being measured is still cut at the limit.
fn read_bytes(path: &Path, limits: &Limits) -> Result<Vec<u8>, Diag> {
    use std::io::Read as _;
    let limit = limits.max_file_bytes;
    let stdin = path.as_os_str() == "-";
    let unreadable = |e: std::io::Error| {
        let (en, zh) = if stdin {
            (
                format!("cannot read standard input: {e}"),
                format!("无法读取标准输入：{}", io_zh(Some(&e))),
            )
        } else {
            (format!("cannot read: {e}"), format!("无法读取：{}", io_zh(Some(&e))))
        };
        error(path, "certlex::input::read", en, zh)
    };
    let mut buf = Vec::new();
    if stdin {
        std::io::stdin().lock().take(limit + 1).read_to_end(&mut buf)
    } else {
        let file = std::fs::File::open(path).map_err(unreadable)?;
        let len = file.metadata().map_err(unreadable)?.len();
        if len > limit {
            return Err(too_large(path, limits));
        }
        buf.reserve_exact(usize::try_from(len).unwrap_or(0));
        file.take(limit + 1).read_to_end(&mut buf)
    }
    .map_err(unreadable)?;
    if buf.len() as u64 > limit {
        return Err(too_large(path, limits));
    }
    Ok(buf)
}

/// What a file holds, judged from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    Der,
    Pem,
    RuleStatement,
    /// A CA profile in YAML (`kind: ca-profile`, or a `legal_entity:` section).
    CaProfile,
    Unknown,
}

/// Does it start like DER or hold a PEM block (cheap; no parsing)?
pub fn certificate_like(bytes: &[u8]) -> bool {
    is_der(bytes) || is_pem(bytes)
}

fn is_der(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30)
}

fn is_pem(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(1 << 20)).unwrap_or(bytes);
    head.windows(11).any(|w| w == b"-----BEGIN ")
}

pub fn detect(bytes: &[u8]) -> Content {
    if is_der(bytes) {
        return Content::Der;
    }
    if crate::facts::profile::looks_like_profile(bytes) {
        return Content::CaProfile;
    }
    if is_pem(bytes) {
        return Content::Pem;
    }
    // A statement with a stray byte that is not UTF-8 is still told as one
    // (from the text before it), so that reading it names the line.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(bytes.get(..e.valid_up_to()).unwrap_or_default()).unwrap_or_default(),
    };
    if crate::facts::statement::looks_like(head_of(text, STATEMENT_HEAD)) {
        Content::RuleStatement
    } else {
        Content::Unknown
    }
}

/// How much of a text is looked at to tell a rule statement: its front matter
/// and first chapters lie well within it, and a huge file costs no more.
const STATEMENT_HEAD: usize = 1 << 20;

/// The first `max` bytes of a text, cut at a line end.
fn head_of(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text.get(..end).unwrap_or("");
    cut.rfind('\n').map_or(cut, |n| cut.get(..n).unwrap_or(cut))
}

/// Read bytes already in memory (`name` is how reports refer to them).
pub fn read_bytes_as(name: &str, bytes: Vec<u8>, explicit: bool, limits: &Limits, ctx: &RunContext) -> Read {
    let content = detect(&bytes);
    read_content(name, bytes, content, explicit, limits, ctx)
}

/// Read a stretch of standard input's stream (see [`Stream`]).
pub fn read_stretch(stretch: Stretch, limits: &Limits, ctx: &RunContext) -> Read {
    match stretch.content {
        Content::Der => pem::der(&format!("-#{}", stretch.blocks_before + 1), &stretch.bytes, ctx),
        _ => {
            let text = match String::from_utf8(stretch.bytes) {
                Ok(t) => t,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            let meta = Stretch {
                bytes: Vec::new(),
                ..stretch
            };
            pem::pem_at(SourceFile::new("-", text), Some(&meta), limits, ctx)
        }
    }
}

/// Read bytes as the given kind of content (detected, or named by the caller).
pub fn read_content(
    name: &str,
    bytes: Vec<u8>,
    content: Content,
    explicit: bool,
    limits: &Limits,
    ctx: &RunContext,
) -> Read {
    match content {
        Content::Der => pem::der(name, &bytes, ctx),
        Content::Pem => match String::from_utf8(bytes) {
            Ok(text) => pem::pem(SourceFile::new(name, text), limits, ctx),
            Err(e) => {
                // Text around the blocks may be in any encoding (a Latin-1
                // dump, say): read the blocks, and point at the bytes that
                // are not text only when something could not be read.
                let valid = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                let file: Arc<SourceFile> = SourceFile::new(name, text);
                let mut read = pem::pem(file.clone(), limits, ctx);
                if read.errors.is_empty() && !read.subjects.is_empty() {
                    return read;
                }
                let (line, _) = file.line_col(valid);
                read.errors.insert(
                    0,
                    Diag::error("certlex::input::not-utf8", format!("{name}:{line}: the file has bytes that are not text"))
                        .help("the PEM blocks of a file are plain ASCII text; check that it was not saved in another encoding")
                        .zh(
                            format!("{name}:{line}：文件含有不是文本的字节"),
                            Some("文件中的 PEM 块是纯 ASCII 文本；请检查文件是否以其他编码保存"),
                        ),
                );
                read
            }
        },
        Content::RuleStatement if bytes.len() > limits.max_statement_bytes => Read::error(
                Diag::error(
                    "certlex::input::statement-too-large",
                    format!(
                        "{name}: the rule statement has {} bytes, more than the limit of {}",
                        bytes.len(),
                        limits.max_statement_bytes
                    ),
                )
                .help("a rule statement is a document of a few hundred kilobytes; raise the limit with `--max-statement-size BYTES` if the file is genuine")
                .zh(
                    format!(
                        "{name}：电子认证业务规则有 {} 字节，超过 {} 字节的上限",
                        bytes.len(),
                        limits.max_statement_bytes
                    ),
                    Some("电子认证业务规则一般只有几百千字节；如果文件确实无误，可用 `--max-statement-size BYTES` 提高上限"),
                ),
        ),
        Content::RuleStatement => {
            let help = (
                "save the rule statement as UTF-8; certlex does not guess other encodings",
                "请将电子认证业务规则保存为 UTF-8；certlex 不猜测其他编码",
            );
            let text = match utf8(name, bytes, help) {
                Ok(text) => text,
                Err(d) => return Read::error(d),
            };
            match crate::facts::statement::read(&SourceFile::new(name, text), ctx, limits) {
                Ok(s) => Read {
                    subjects: vec![s],
                    ..Read::default()
                },
                Err(d) => Read::error(d),
            }
        }
        Content::CaProfile => profile(name, bytes, limits),
        Content::Unknown if explicit => Read::error(unknown_kind(name, &bytes)),
        Content::Unknown => Read {
            skipped: Some(NOT_AN_INPUT.into()),
            ..Read::default()
        },
    }
}

/// Why a file named on the command line is not an input: empty, UTF-16, not
/// text (with the line of the first byte that is not UTF-8), or text of no
/// kind certlex reads.
fn unknown_kind(name: &str, bytes: &[u8]) -> Diag {
    const HELP: &str =
        "certlex reads X.509 certificates in PEM or DER, CA profiles in YAML and rule statements in Markdown or text";
    const HELP_ZH: &str = "certlex 读取 PEM 或 DER 格式的 X.509 证书、YAML 格式的电子认证服务机构概况，以及 Markdown 或文本格式的电子认证业务规则";
    let code = "certlex::input::unknown-kind";
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let (what, zh) = if bytes.is_empty() {
            ("empty", "空的")
        } else {
            ("blank", "空白的")
        };
        return Diag::error(code, format!("{name}: the file is {what}"))
            .help("nothing in it can be checked; give the certificate, CA profile or rule statement itself")
            .zh(
                format!("{name}：文件是{zh}"),
                Some("其中没有可检查的内容；请给出证书、电子认证服务机构概况或电子认证业务规则本身"),
            );
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Diag::error(
            code,
            format!("{name}: the file is UTF-16 text, which certlex does not read"),
        )
        .help("save it as UTF-8 (PEM, YAML and Markdown are UTF-8 or ASCII text)")
        .zh(
            format!("{name}：文件是 UTF-16 文本，certlex 不读取"),
            Some("请保存为 UTF-8（PEM、YAML 和 Markdown 都是 UTF-8 或 ASCII 文本）"),
        );
    }
    match std::str::from_utf8(bytes) {
        Err(e) => {
            let valid = e.valid_up_to();
            let line = 1 + bytes
                .get(..valid)
                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
            Diag::error(
                code,
                format!(
                    "{name}:{line}: not a certificate (PEM or DER), a CA profile or a rule statement, and not UTF-8 text from this line on"
                ),
            )
            .help(HELP)
            .zh(
                format!("{name}:{line}：不是证书（PEM 或 DER）、电子认证服务机构概况或电子认证业务规则，并且从这一行起不是 UTF-8 文本"),
                Some(HELP_ZH),
            )
        }
        Ok(_) => Diag::error(
            code,
            format!("{name}: not a certificate (PEM or DER), a CA profile or a rule statement"),
        )
        .help(HELP)
        .zh(
            format!("{name}：不是证书（PEM 或 DER）、电子认证服务机构概况或电子认证业务规则"),
            Some(HELP_ZH),
        ),
    }
}

/// The bytes as text, or an error naming the line where they stop being UTF-8.
fn utf8(name: &str, bytes: Vec<u8>, help: (&str, &str)) -> Result<String, Diag> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let file = SourceFile::new(name, String::from_utf8_lossy(e.as_bytes()).into_owned());
        let (line, _) = file.line_col(valid);
        Diag::error(
            "certlex::input::not-utf8",
            format!("{name}:{line}: the file has bytes that are not UTF-8 text"),
        )
        .help(help.0)
        .zh(format!("{name}:{line}：文件含有不是 UTF-8 文本的字节"), Some(help.1))
    })
}

impl Read {
    /// A file that gave one error and nothing else.
    fn error(d: Diag) -> Self {
        Read {
            errors: vec![d],
            ..Read::default()
        }
    }
}

/// A CA profile: YAML text, read along the profile schema.
fn profile(name: &str, bytes: Vec<u8>, limits: &Limits) -> Read {
    let help = (
        "save the CA profile as UTF-8 (the YAML standard encoding)",
        "请将电子认证服务机构概况保存为 UTF-8（YAML 的标准编码）",
    );
    let text = match utf8(name, bytes, help) {
        Ok(t) => t,
        Err(d) => return Read::error(d),
    };
    match crate::facts::profile::read(SourceFile::new(name, text), limits) {
        Ok(subject) => Read {
            subjects: vec![subject],
            ..Read::default()
        },
        Err(errors) => Read {
            errors,
            ..Read::default()
        },
    }
}
