//! Today's date and the current time in UTC: the only place the CLI reads the clock.

use std::time::{SystemTime, UNIX_EPOCH};

fn now_secs() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// Today as `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    banthao_core::date::iso_day(now_secs())
}

/// Now as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_iso() -> String {
    banthao_core::date::iso_instant(now_secs())
}
