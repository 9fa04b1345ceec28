//! Certificates in DER and PEM: many blocks per file, any line endings,
//! text around the blocks. A private key is reported without its content.

use std::sync::Arc;

use x509_parser::pem::Pem;

use super::Read;
use crate::diag::Diag;
use crate::facts::context::RunContext;
use crate::i18n::{Lang, Text};
use crate::limits::Limits;
use crate::source::{SourceFile, Span};

pub fn der(name: &str, bytes: &[u8], ctx: &RunContext) -> Read {
    match super::x509::subject(name.to_string(), name, bytes, super::x509::From::Der, ctx) {
        Ok(subject) => Read {
            subjects: vec![subject],
            ..Read::default()
        },
        Err(d) => Read {
            errors: vec![d],
            ..Read::default()
        },
    }
}

const KEY_HELP_ZH: &str = "certlex 只检查证书，从不检查密钥；请将密钥从文件中删除并妥善保密（密钥内容未被打印）";

/// The kind of a PEM label, and what certlex does with it.
enum Label {
    Certificate,
    PrivateKey,
    Other,
}

/// Is this PEM label one of a certificate?
/// A block certlex reads as a subject, by its ASN.1 structure: a CERTIFICATE
/// block may hold a to-be-signed certificate (pkimetal's `/linttbscert`
/// input); requests, CRLs and OCSP responses are read too.
pub fn is_certificate_label(label: &str) -> bool {
    matches!(
        label,
        "CERTIFICATE"
            | "X509 CERTIFICATE"
            | "TRUSTED CERTIFICATE"
            | "CERTIFICATE REQUEST"
            | "NEW CERTIFICATE REQUEST"
            | "X509 CRL"
            | "OCSP RESPONSE"
    )
}

fn label_kind(label: &str) -> Label {
    match label {
        l if is_certificate_label(l) => Label::Certificate,
        l if l.contains("PRIVATE KEY") => Label::PrivateKey,
        _ => Label::Other,
    }
}

/// What a label says its block holds, when it names one kind: a request, a
/// CRL or an OCSP response (RFC 7468 names no label for OCSP; `OCSP
/// RESPONSE` is the one tools write) — a `CERTIFICATE` block's structure
/// tells a certificate from a to-be-signed one.
fn labelled(label: &str) -> Option<crate::facts::shape::Shape> {
    use crate::facts::shape::Shape;
    match label {
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => Some(Shape::Csr),
        "X509 CRL" => Some(Shape::Crl),
        "OCSP RESPONSE" => Some(Shape::OcspResponse),
        _ => None,
    }
}

/// A PEM block found in a text, at a byte offset, or why it is broken.
type Block = (usize, Result<Pem, Text>);

/// The PEM blocks of a text, in order; text around them is ignored.
/// Returns whether the block limit cut the scan short.
fn blocks(text: &str, limits: &Limits) -> (Vec<Block>, bool) {
    let mut offset = 0;
    let mut blocks: Vec<Block> = Vec::new();
    while let Some(rel) = text.get(offset..).and_then(|t| t.find("-----BEGIN ")) {
        let start = offset + rel;
        if blocks.len() >= limits.max_pem_blocks {
            return (blocks, true);
        }
        let rest = text.get(start..).unwrap_or("");
        match Pem::read(std::io::Cursor::new(rest.as_bytes())) {
            Ok((p, used)) => {
                let end_label = rest
                    .get(..used)
                    .and_then(|b| b.rfind("-----END "))
                    .and_then(|at| rest.get(at + 9..used))
                    .and_then(|t| t.split("-----").next())
                    .unwrap_or("");
                if end_label.trim() == p.label {
                    blocks.push((start, Ok(p)));
                } else {
                    // Fail closed: a block whose END names another label was cut or spliced.
                    blocks.push((
                        start,
                        Err(Text::both(
                            format!("块以 `{}` 开始，却以 `{}` 结束", p.label, end_label.trim()),
                            format!("the block begins as `{}` but ends as `{}`", p.label, end_label.trim()),
                        )),
                    ));
                }
                offset = start + used.max(1);
            }
            Err(e) => {
                let why = match e {
                    x509_parser::error::PEMError::Base64DecodeError => Text::both(
                        "BEGIN 与 END 之间的 base64 文本无效",
                        "the base64 text between BEGIN and END is not valid",
                    ),
                    x509_parser::error::PEMError::IncompletePEM => {
                        Text::both("该块没有 END 行", "the block has no END line")
                    }
                    x509_parser::error::PEMError::InvalidHeader => {
                        Text::both("BEGIN 行格式有误", "the BEGIN line is malformed")
                    }
                    other => Text::both(format!("PEM 块无法读取（{other}）"), other.to_string()),
                };
                blocks.push((start, Err(why)));
                // Continue after this BEGIN line.
                offset = start + rest.find('\n').map_or(rest.len(), |n| n + 1);
            }
        }
    }
    (blocks, false)
}

/// The label of a BEGIN line: `CERTIFICATE` in `-----BEGIN CERTIFICATE-----`.
fn label_of(begin_line: &str) -> &str {
    let rest = begin_line.trim_start().strip_prefix("-----BEGIN ").unwrap_or("");
    rest.split("-----").next().unwrap_or("")
}

/// Old Mac files end lines with CR alone: make them LF for the reader.
fn normalized(text: &str) -> Option<String> {
    (text.contains('\r') && !text.contains('\n')).then(|| text.replace('\r', "\n"))
}

/// The DER of every certificate block of a PEM text (pass 1 of a run:
/// broken blocks and keys are left for pass 2 to report).
pub fn certificate_ders(text: &str, limits: &Limits) -> Vec<Vec<u8>> {
    let normalized = normalized(text);
    let text = normalized.as_deref().unwrap_or(text);
    let (blocks, cut) = blocks(text, limits);
    if cut {
        return Vec::new();
    }
    blocks
        .into_iter()
        .filter_map(|(_, b)| b.ok())
        .filter(|p| matches!(label_kind(&p.label), Label::Certificate))
        .filter(|p| {
            matches!(
                crate::facts::shape::shape(&p.contents),
                crate::facts::shape::Shape::Certificate | crate::facts::shape::Shape::Other
            )
        })
        .map(|p| p.contents)
        .collect()
}

/// Read the PEM blocks of a file.
pub fn pem(file: Arc<SourceFile>, limits: &Limits, ctx: &RunContext) -> Read {
    pem_at(file, None, limits, ctx)
}

/// Read the PEM blocks of a file, or of a stretch of a stream (`stretch`:
/// where it starts), whose subjects are numbered from the stream's start.
pub fn pem_at(file: Arc<SourceFile>, stretch: Option<&super::Stretch>, limits: &Limits, ctx: &RunContext) -> Read {
    let normalized = normalized(&file.text);
    let text: &str = normalized.as_deref().unwrap_or(&file.text);
    let name = &file.name;
    let mut read = Read::default();
    let (blocks, cut) = blocks(text, limits);
    if cut {
        // Fail closed: the file is not read in part.
        read.errors.push(
            Diag::error(
                "certlex::input::too-many-blocks",
                format!(
                    "{name}: more than {} PEM blocks; the file was not read",
                    limits.max_pem_blocks
                ),
            )
            .help("split the file, or raise the limit with `--max-pem-blocks N`")
            .zh(
                format!("{name}：PEM 块超过 {} 个，未读取该文件", limits.max_pem_blocks),
                Some("请拆分文件，或用 `--max-pem-blocks N` 提高上限"),
            ),
        );
        return read;
    }
    let certs = blocks
        .iter()
        .filter(|(_, b)| matches!(b, Ok(p) if matches!(label_kind(&p.label), Label::Certificate)) || b.is_err())
        .count();
    // Blocks of a file are numbered from 1 in the order they appear, every
    // block counted (a key or a broken block too), as a person counts them:
    // `bundle.pem#3` is the third BEGIN line. A stream numbers its
    // certificate blocks, from those before this stretch.
    let mut index = stretch.map_or(0, |s| s.blocks_before);
    let numbered = certs > 1 || stretch.is_some();
    let first_line = stretch.map_or(1, |s| s.first_line);
    for (start, block) in blocks {
        if stretch.is_none() {
            // A file numbers every block, a key or a broken one too.
            index += 1;
        }
        let (line, _) = file.line_col(start);
        let at = format!("{name}:{}", line + first_line - 1);
        let begin_line = text.get(start..).and_then(|t| t.lines().next()).unwrap_or("");
        match block {
            // A broken key block: no snippet of the file, which would show key material.
            Err(why) if begin_line.contains("PRIVATE KEY") => read.errors.push(
                Diag::error(
                    "certlex::input::private-key",
                    format!(
                        "{at}: the file contains a private key block, and it is malformed ({})",
                        why.get_or(Lang::En, "")
                    ),
                )
                .help("certlex checks certificates, never keys; remove the key from the file and keep it secret (it was not printed)")
                .zh(
                    format!("{at}：文件含有私钥块，且格式有误（{}）", why.get_or(Lang::Zh, "")),
                    Some(KEY_HELP_ZH),
                ),
            ),
            Err(why) => {
                if stretch.is_some() && is_certificate_label(label_of(begin_line)) {
                    // A stream numbers every certificate block, broken or not.
                    index += 1;
                }
                let d = Diag::error("certlex::input::bad-pem", format!("{at}: {}", why.get_or(Lang::En, "")))
                    .help("re-export the certificate, or check that the file was not cut short")
                    .zh(
                        format!("{at}：{}", why.get_or(Lang::Zh, "")),
                        Some("请重新导出证书，或检查文件是否被截断"),
                    );
                // A stretch's lines are not the stream's: no snippet.
                read.errors.push(match stretch {
                    None => d.in_file(&file).label(Span::new(start, start + 11), "this block").zh_label("此块"),
                    Some(_) => d,
                });
            }
            Ok(p) => match label_kind(&p.label) {
                Label::PrivateKey => read.errors.push(
                    Diag::error("certlex::input::private-key", format!("{at}: the file contains a private key ({})", p.label))
                        .help("certlex checks certificates, never keys; remove the key from the file and keep it secret (it was not printed)")
                        .zh(format!("{at}：文件含有私钥（{}）", p.label), Some(KEY_HELP_ZH)),
                ),
                Label::Other => read.errors.push(
                    Diag::error("certlex::input::unsupported-pem", format!("{at}: a `{}` block is not a certificate", p.label))
                        .help("certlex reads CERTIFICATE blocks; remove other blocks or check them with another tool")
                        .zh(
                            format!("{at}：`{}` 块不是证书", p.label),
                            Some("certlex 读取 CERTIFICATE 块；请删除其他块，或用其他工具检查它们"),
                        ),
                ),
                Label::Certificate => {
                    if stretch.is_some() {
                        index += 1;
                    }
                    let subject_name = if numbered { format!("{name}#{index}") } else { name.clone() };
                    match super::x509::subject(subject_name, &at, &p.contents, super::x509::From::Pem(labelled(&p.label)), ctx) {
                        Ok(s) => read.subjects.push(s),
                        Err(d) => read.errors.push(d),
                    }
                }
            },
        }
    }
    if read.subjects.is_empty() && read.errors.is_empty() {
        read.errors.push(
            Diag::error(
                "certlex::input::no-certificate",
                format!("{name}: no certificate found"),
            )
            .help("the file mentions `-----BEGIN ` but holds no complete PEM block")
            .zh(
                format!("{name}：没有找到证书"),
                Some("文件含有 `-----BEGIN `，但没有完整的 PEM 块"),
            ),
        );
    }
    read
}
