//! `PINLifetime` and `LogonFailuresBeforePINReset` as a users file writes
//! them: a number, or `"unlimited"` (Exchange's `Unlimited`), which TOML
//! needs because it has no null.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

/// The word for "no limit", as the Exchange cmdlets print it.
pub const UNLIMITED: &str = "Unlimited";

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    deserializer.deserialize_any(LimitVisitor)
}

pub fn serialize<S: Serializer>(value: &Option<u32>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(n) => serializer.serialize_u32(*n),
        None => serializer.serialize_str(UNLIMITED),
    }
}

struct LimitVisitor;

/// Error texts name what is accepted, never the value given.
const EXPECTED: &str = "a whole number or \"unlimited\"";

impl<'de> Visitor<'de> for LimitVisitor {
    type Value = Option<u32>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        u32::try_from(v)
            .map(Some)
            .map_err(|_| E::custom(format!("out of range, expected {EXPECTED}")))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::custom(format!("negative, expected {EXPECTED}"))),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.eq_ignore_ascii_case(UNLIMITED) {
            Ok(None)
        } else {
            Err(E::custom(format!("unknown word, expected {EXPECTED}")))
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}
