//! What is in force: a regime and a date decide which instruments apply,
//! which wording of an article holds, and which value a parameter takes.

use time::Date;

use super::{Citation, Instrument, Law, ParamValue, Status};
use crate::facts::Value;

/// The law as it stands for one run: a date and the drafts treated as adopted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Resolution {
    pub regime: String,
    pub date: Date,
    pub adopted: Vec<String>,
}

impl Resolution {
    /// The same regime on another date.
    pub fn on(&self, date: Date) -> Resolution {
        Resolution {
            regime: self.regime.clone(),
            date,
            adopted: self.adopted.clone(),
        }
    }
}

/// An adopted draft applies from its publication (or its own `in-force`
/// date); one with neither date applies at every date.
fn adopted_on(inst: &Instrument, res: &Resolution) -> bool {
    inst.status == Status::Draft
        && res.adopted.contains(&inst.id)
        && inst.published.or(inst.in_force).is_none_or(|d| d <= res.date)
}

impl Law {
    /// Resolve a regime by name on a date.
    pub fn resolve(&self, regime: &str, date: Date) -> Result<Resolution, String> {
        let r = self.regime(regime).ok_or_else(|| {
            let names: Vec<&str> = self.regimes.iter().map(|r| r.name.as_str()).collect();
            format!("unknown regime `{regime}` (known: {})", names.join(", "))
        })?;
        Ok(Resolution {
            regime: r.name.clone(),
            date,
            adopted: r.adopts.clone(),
        })
    }

    /// Is an instrument in force under a resolution? A draft is in force only
    /// when adopted, and then from its publication (hypothetically adopted on
    /// that day); an instrument replaced by an adopted draft is not in force
    /// from the day the draft is.
    pub fn in_force(&self, inst: &Instrument, res: &Resolution) -> bool {
        match inst.status {
            Status::Draft => adopted_on(inst, res),
            Status::InForce | Status::NotEncoded => {
                let started = inst.in_force.is_some_and(|d| d <= res.date);
                let ended = inst.repealed.is_some_and(|d| d <= res.date);
                let replaced = self
                    .instruments
                    .iter()
                    .any(|other| other.replaces.contains(&inst.id) && adopted_on(other, res));
                started && !ended && !replaced
            }
        }
    }

    /// Does a citation hold under a resolution: its instrument in force, the
    /// date inside its window?
    pub fn cites_in_force(&self, c: &Citation, res: &Resolution) -> bool {
        c.within(res.date) && self.instrument(&c.instrument).is_some_and(|i| self.in_force(i, res))
    }

    /// The value a parameter takes: among values whose citation holds, the one
    /// that took effect last. `None` when no value applies.
    pub fn parameter_value(&self, index: usize, res: &Resolution) -> Option<&Value> {
        self.parameter_entry(index, res).map(|v| &v.value)
    }

    /// The value a parameter takes with the provisions it rests on (see
    /// [`Law::parameter_value`]).
    pub fn parameter_entry(&self, index: usize, res: &Resolution) -> Option<&ParamValue> {
        let p = self.parameters.get(index)?;
        p.values
            .iter()
            .filter_map(|v| {
                let start = v
                    .cites
                    .iter()
                    .filter(|c| self.cites_in_force(c, res))
                    .map(|c| {
                        c.from
                            .or_else(|| self.instrument(&c.instrument).and_then(|i| i.in_force.or(i.published)))
                    })
                    .max()?;
                Some((start, v))
            })
            .max_by_key(|(start, _)| *start)
            .map(|(_, v)| v)
    }
}
