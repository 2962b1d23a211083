//! Calendar dates from Unix time, without a date library (the callers read the clock),
//! and the date whose names apply to a document of a given year.

/// (year, month, day) of a day count since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `YYYY-MM-DD` (UTC) of a Unix time.
pub fn iso_day(secs: i64) -> String {
    let (y, m, d) = civil(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a Unix time.
pub fn iso_instant(secs: i64) -> String {
    let t = secs.rem_euclid(86_400);
    format!("{}T{:02}:{:02}:{:02}Z", iso_day(secs), t / 3600, t % 3600 / 60, t % 60)
}

/// The date whose names apply to a document of `year`, given today's ISO date: today
/// within the current year, the last day of a past year, the first day of a future one.
pub fn reference_date(year: u16, today: &str) -> String {
    let this_year: u16 = today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(year);
    match year.cmp(&this_year) {
        std::cmp::Ordering::Equal => today.to_string(),
        std::cmp::Ordering::Less => format!("{year:04}-12-31"),
        std::cmp::Ordering::Greater => format!("{year:04}-01-01"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil(0), (1970, 1, 1));
        assert_eq!(super::civil(19_723), (2024, 1, 1));
        assert_eq!(super::civil(20_415), (2025, 11, 23));
        assert_eq!(super::iso_instant(1_763_900_000), "2025-11-23T12:13:20Z");
    }
}
