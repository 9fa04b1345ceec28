//! The blocking part of a lint request: what `certlex check` does for one
//! file, through the same public entry points (`run::add_bytes` for pass 1,
//! `input::read_bytes_as` for pass 2, the engine's `Evaluator`, and
//! `report::reporter`), so the answer is the report `check` writes for that
//! one subject. An input that cannot be read is an error (400), never a pass.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::request::{Input, Options, Request};
use super::{ApiError, Endpoint, Service, endpoint_for};
use crate::diag::Diag;
use crate::facts::context::{Origin, RunContext};
use crate::law::Resolution;
use crate::report::{Format, Gate, Meta, Shown, Summary};

/// A lint's answer: the report, in the requested format.
#[derive(Debug)]
pub struct Answer {
    pub body: Vec<u8>,
    pub format: Format,
}

impl Answer {
    pub fn content_type(&self) -> &'static str {
        match self.format {
            Format::Json => "application/json",
            Format::Jsonl => "application/x-ndjson",
            Format::Sarif => "application/sarif+json",
            Format::Junit => "application/xml",
            Format::Human => "text/plain; charset=utf-8",
        }
    }
}

/// 200 whatever the findings: the verdict is in the report (`summary`),
/// as a lint result, not an HTTP error.
impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        let ct = HeaderValue::from_static(self.content_type());
        (StatusCode::OK, [(header::CONTENT_TYPE, ct)], self.body).into_response()
    }
}

/// Lint one decoded request on `endpoint`.
pub fn lint(service: &Service, endpoint: &Endpoint, req: Request) -> Result<Answer, ApiError> {
    let rules = &*service.rules;
    let limits = &service.config.limits;
    let options = req.options;
    let resolution = resolve(rules, &options)?;
    let mut ctx = RunContext::new();
    for issuer in &req.issuers {
        add_issuer(&mut ctx, issuer, limits)?;
    }
    crate::run::add_bytes(&mut ctx, &req.input.bytes, Origin::Input, limits);
    let name = req.input.name;
    let read = crate::input::read_bytes_as(&name, req.input.bytes, true, limits, &ctx);
    if !read.errors.is_empty() {
        return Err(ApiError::input(read.errors));
    }
    let mut subjects = read.subjects;
    let count = subjects.len();
    let (Some(subject), 1) = (subjects.pop(), count) else {
        return Err(ApiError::from(
            Diag::error(
                "certlex::serve::not-one",
                format!("`{name}` holds {count} subjects; `{}` lints one", endpoint.path),
            )
            .help("post one per request; give the certificates of the CAs that issued it as `issuer`"),
        ));
    };
    if subject.kind != endpoint.kind {
        let hint = match endpoint_for(subject.kind) {
            Some(e) => format!("post it to `{}`", e.path),
            None => "no endpoint lints it yet; `certlex check` does".into(),
        };
        return Err(ApiError::from(
            Diag::error(
                "certlex::serve::wrong-kind",
                format!(
                    "`{name}` is a {}, and `{}` lints a {}",
                    subject.kind.name(crate::i18n::Lang::En),
                    endpoint.path,
                    endpoint.kind.name(crate::i18n::Lang::En)
                ),
            )
            .help(hint),
        ));
    }
    if let Some(wrong) = wrong_form(&name, endpoint, &subject) {
        return Err(ApiError::from(wrong));
    }
    // Evidence named for a rule that does not exist is an input error, as in `check`.
    let wrong: Vec<Diag> = crate::load::check_attestations(&subject, rules)
        .into_iter()
        .filter(Diag::is_error)
        .collect();
    if !wrong.is_empty() {
        return Err(ApiError::input(wrong));
    }
    let meta = Meta {
        gate: Gate {
            fail_on: options.fail_on,
            allow_undetermined: options.allow_undetermined,
        },
        findings: options.findings,
        verbose: options.findings == Shown::All,
        ..Meta::new(resolution.clone(), options.lang.unwrap_or(service.config.lang))
    };
    let gate = meta.gate;
    let findings = service.evaluator(resolution).check(&subject);
    let mut summary = Summary::default();
    summary.add(&findings, rules, &gate);
    let mut body = Vec::with_capacity(16 * 1024);
    let written = crate::report::reporter(options.format, &mut body, rules, meta).and_then(|mut r| {
        r.subject(&subject, &findings)?;
        r.finish(&summary)
    });
    match written {
        Ok(()) => Ok(Answer {
            body,
            format: options.format,
        }),
        Err(_) => Err(ApiError::internal()),
    }
}

/// A certificate of a form the endpoint does not take: a signed certificate
/// at `/linttbscert` (pkimetal's takes a TBSCertificate only), a TBS at
/// `/lintcert`.
fn wrong_form(name: &str, endpoint: &Endpoint, subject: &crate::facts::Subject) -> Option<Diag> {
    let (i, _) = crate::facts::lookup(subject.kind.schema(), "form")?;
    let crate::facts::Value::Str(form) = subject.facts.get(i) else {
        return None;
    };
    if endpoint.forms.is_empty() || endpoint.forms.contains(&&**form) {
        return None;
    }
    let (what, not) = if &**form == "tbs" {
        ("a to-be-signed certificate", "a signed certificate")
    } else {
        ("a signed certificate", "a to-be-signed certificate")
    };
    let right = super::LINT
        .iter()
        .find(|e| e.kind == subject.kind && e.forms.contains(&&**form))
        .map_or("/lintcert", |e| e.path);
    Some(
        Diag::error("certlex::serve::wrong-kind", format!("`{name}` is {what}, not {not}"))
            .help(format!("use `{right}`")),
    )
}

/// The regime and date of the request (default: `current`, today).
fn resolve(rules: &crate::engine::RuleSet, o: &Options) -> Result<Resolution, ApiError> {
    let regime = o.regime.as_deref().unwrap_or("current");
    let date = o.at.unwrap_or_else(crate::dates::today);
    rules.law.resolve(regime, date).map_err(|e| {
        let names = rules.law.regimes.iter().map(|r| r.name.as_str());
        let known = names.clone().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        let hint = crate::diag::suggestion(regime, names).map_or_else(
            || format!("the regimes are {known}"),
            |s| format!("{s} the regimes are {known}"),
        );
        ApiError::from(Diag::error("certlex::serve::bad-value", format!("`regime`: {e}")).help(hint))
    })
}

/// Put an issuer's certificates into the context, as `--issuers` does; an
/// issuer that holds none, or one that does not parse, is an error.
fn add_issuer(ctx: &mut RunContext, issuer: &Input, limits: &crate::limits::Limits) -> Result<(), ApiError> {
    let ders = crate::input::certificate_ders(&issuer.bytes, limits);
    let help = "`issuer` takes the certificate of a CA that issued the input: base64 of its DER, or PEM";
    if ders.is_empty() {
        return Err(ApiError::from(
            Diag::error(
                "certlex::input::no-issuer",
                format!("`{}`: no certificate found", issuer.name),
            )
            .help(help),
        ));
    }
    for der in &ders {
        if let Err(e) = x509_parser::parse_x509_certificate(der) {
            return Err(ApiError::from(
                Diag::error(
                    "certlex::input::no-issuer",
                    format!("`{}`: not a certificate: {e}", issuer.name),
                )
                .help(help),
            ));
        }
        ctx.add_certificate(der, Origin::Issuers);
    }
    Ok(())
}
