//! Fact values. A subject's facts are one [`Record`] laid out as its schema
//! says, so a rule's path compiles to field positions, not name look-ups.

use std::sync::Arc;

use super::schema::{Field, Ty, lookup};
use crate::i18n::Text;
use crate::source::Span;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    /// The subject does not have this (e.g. no O attribute in the issuer).
    Absent,
    /// The fact exists but could not be determined; the text says why, in
    /// Chinese and English (reports in either language quote it).
    Unknown(Arc<Text>),
    Bool(bool),
    Int(i64),
    Str(Arc<str>),
    /// Seconds since 1970-01-01T00:00:00Z.
    Date(i64),
    /// A period of calendar months and days (`5 years`, `90 days`), compared
    /// as the Civil Code counts periods (see [`crate::dates::Period`]).
    Period(crate::dates::Period),
    List(Vec<Value>),
    Record(Record),
}

impl Value {
    pub fn str(s: impl Into<Arc<str>>) -> Self {
        Value::Str(s.into())
    }

    pub fn unknown(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Value::Unknown(Arc::new(Text::both(zh, en)))
    }

    /// `Some(v)` → the value, `None` → absent.
    pub fn opt<T: Into<Value>>(v: Option<T>) -> Self {
        v.map_or(Value::Absent, Into::into)
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Value::Absent)
    }

    /// Does this value have the type `ty` (absent and unknown fit any type)?
    pub fn conforms(&self, ty: &Ty) -> Result<(), String> {
        match (self, ty) {
            (Value::Absent | Value::Unknown(_), _)
            | (Value::Bool(_), Ty::Bool)
            | (Value::Int(_), Ty::Int)
            | (Value::Str(_), Ty::Str)
            | (Value::Date(_), Ty::Date)
            | (Value::Period(_), Ty::Duration) => Ok(()),
            (Value::List(items), Ty::List(inner)) => items.iter().try_for_each(|v| v.conforms(inner)),
            (Value::Record(r), Ty::Record(fields)) => r.conforms(fields),
            (v, t) => Err(format!("{v:?} is not a {}", t.describe())),
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Int(n)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s.into())
    }
}

impl From<Arc<str>> for Value {
    fn from(s: Arc<str>) -> Self {
        Value::Str(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.into())
    }
}

impl From<Record> for Value {
    fn from(r: Record) -> Self {
        Value::Record(r)
    }
}

/// A group of facts in the order of its schema, each with the span of the
/// source text it was read from, if any (YAML and Markdown subjects).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Record {
    values: Box<[Value]>,
    spans: Box<[Option<Span>]>,
}

impl Record {
    pub fn get(&self, index: usize) -> &Value {
        self.values.get(index).unwrap_or(&Value::Absent)
    }

    pub fn span(&self, index: usize) -> Option<Span> {
        self.spans.get(index).copied().flatten()
    }

    pub fn values(&self) -> &[Value] {
        &self.values
    }

    /// Replace one value, keeping the spans (for [`super::as_of`]).
    pub(crate) fn set_value(&mut self, index: usize, value: Value) {
        if let Some(slot) = self.values.get_mut(index) {
            *slot = value;
        }
    }

    fn conforms(&self, fields: &'static [Field]) -> Result<(), String> {
        if self.values.len() != fields.len() {
            return Err(format!(
                "a record has {} values for {} fields",
                self.values.len(),
                fields.len()
            ));
        }
        for (v, f) in self.values.iter().zip(fields) {
            v.conforms(&f.ty).map_err(|e| format!("{}: {e}", f.name))?;
        }
        Ok(())
    }

    /// Check a record against a schema: extractors are tested with this.
    pub fn check(&self, fields: &'static [Field]) -> Result<(), String> {
        self.conforms(fields)
    }

    /// Facts as JSON, keyed by the schema's names (for `certlex facts`).
    pub fn to_json(&self, fields: &'static [Field]) -> serde_json::Value {
        fn value(v: &Value, ty: &Ty) -> serde_json::Value {
            use serde_json::Value as J;
            match (v, ty) {
                (Value::Absent, _) => J::Null,
                (Value::Unknown(why), _) => serde_json::json!({ "unknown": why.as_ref() }),
                (Value::Bool(b), _) => J::Bool(*b),
                (Value::Int(n), _) => J::from(*n),
                (Value::Str(s), _) => J::from(s.as_ref()),
                (Value::Date(t), _) => J::from(crate::dates::format_instant(*t)),
                (Value::Period(_), _) => J::from(super::display(v, crate::i18n::Lang::En)),
                (Value::List(items), Ty::List(inner)) => J::Array(items.iter().map(|i| value(i, inner)).collect()),
                (Value::Record(r), Ty::Record(fields)) => r.to_json(fields),
                (other, _) => J::from(format!("{other:?}")),
            }
        }
        let map = fields
            .iter()
            .zip(self.values.iter())
            .map(|(f, v)| (f.name.to_string(), value(v, &f.ty)))
            .collect();
        serde_json::Value::Object(map)
    }
}

/// Builds a [`Record`] by field name, so extractors need not know positions.
pub struct RecordBuilder {
    fields: &'static [Field],
    values: Vec<Value>,
    spans: Vec<Option<Span>>,
}

impl RecordBuilder {
    pub fn new(fields: &'static [Field]) -> Self {
        Self {
            fields,
            values: vec![Value::Absent; fields.len()],
            spans: Vec::new(),
        }
    }

    /// Set a field. A name the schema does not have is a bug in the extractor:
    /// it is caught by the schema-conformance tests, and ignored in release.
    pub fn set(&mut self, name: &str, value: impl Into<Value>) -> &mut Self {
        match lookup(self.fields, name) {
            Some((i, _)) => {
                if let Some(slot) = self.values.get_mut(i) {
                    *slot = value.into();
                }
            }
            None => debug_assert!(false, "no fact `{name}` in this schema"),
        }
        self
    }

    /// Set a field and the source span it was read from.
    pub fn set_at(&mut self, name: &str, value: impl Into<Value>, span: Option<Span>) -> &mut Self {
        self.set(name, value);
        if let Some((i, _)) = lookup(self.fields, name) {
            if self.spans.is_empty() {
                self.spans = vec![None; self.fields.len()];
            }
            if let Some(slot) = self.spans.get_mut(i) {
                *slot = span;
            }
        }
        self
    }

    pub fn finish(self) -> Record {
        Record {
            values: self.values.into_boxed_slice(),
            spans: self.spans.into_boxed_slice(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static INNER: &[Field] = &[Field::new("b", Ty::Int, "")];
    static ROOT: &[Field] = &[
        Field::new("a", Ty::Str, ""),
        Field::new("inner", Ty::Record(INNER), ""),
        Field::new("list", Ty::List(&Ty::Int), ""),
    ];

    #[test]
    fn builder_places_values_by_name_and_absent_fills_the_rest() {
        let mut inner = RecordBuilder::new(INNER);
        inner.set("b", 7);
        let mut b = RecordBuilder::new(ROOT);
        b.set_at("inner", inner.finish(), Some(Span::new(1, 2)));
        let r = b.finish();
        assert_eq!(r.get(0), &Value::Absent);
        assert_eq!(r.span(1), Some(Span::new(1, 2)));
        assert!(r.check(ROOT).is_ok());
    }

    #[test]
    fn conformance_catches_wrong_types() {
        let mut b = RecordBuilder::new(ROOT);
        b.set("list", Value::List(vec![Value::str("x")]));
        assert!(b.finish().check(ROOT).is_err());
    }
}
