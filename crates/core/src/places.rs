//! Provincial-level units (the 63 former and the 34 current), read from
//! `templates/provinces.json`, and finding them in text.

use crate::text::fold;
use serde::Deserialize;

/// One provincial-level unit.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Unit {
    /// Usual spelling (`Hà Giang`, `Hồ Chí Minh`).
    pub name: String,
    /// A province or a centrally-run city.
    pub kind: PlaceKind,
    /// Other spellings (`TP. Hồ Chí Minh`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Former units merged into this one (current set only).
    #[serde(default)]
    pub merged_from: Vec<String>,
}

/// What a provincial-level unit is: it decides `tỉnh`/`thành phố` and `Tỉnh ủy`/`Thành ủy`.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum PlaceKind {
    /// A province (`tỉnh`).
    Province,
    /// A centrally-run city (`thành phố`).
    City,
}

/// A list of units with the dates it is valid for.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct UnitSet {
    /// `former-63` or `current-34`.
    pub id: String,
    /// How a form names the set (`34 tỉnh, thành phố sau sắp xếp (từ 01/7/2025)`).
    #[serde(default)]
    pub label: String,
    /// First day the set applies (ISO date), if bounded.
    pub valid_from: Option<String>,
    /// Last day the set applies (ISO date), if bounded.
    pub valid_until: Option<String>,
    /// The units.
    pub units: Vec<Unit>,
}

/// All known units, for recognising and naming provinces.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Gazetteer {
    /// The sets, former first.
    pub sets: Vec<UnitSet>,
    #[serde(skip)]
    folded: Vec<(String, String)>,
    /// Every folded spelling is a [`word_key`]: mentions are counted in one pass.
    #[serde(skip)]
    word_keys: bool,
}

/// The data file shipped with the product.
pub const BUILTIN_PROVINCES: &str = include_str!("../../../templates/provinces.json");

impl Gazetteer {
    /// Reads a gazetteer from the JSON of `templates/provinces.json`.
    pub fn from_json(json: &str) -> Result<Gazetteer, serde_json::Error> {
        let mut g: Gazetteer = serde_json::from_str(json)?;
        let mut folded: Vec<(String, String)> = Vec::new();
        for u in g.sets.iter().flat_map(|s| &s.units) {
            for spelling in std::iter::once(&u.name).chain(&u.aliases) {
                let f = fold(spelling);
                if !folded.iter().any(|(k, _)| *k == f) {
                    folded.push((f, u.name.clone()));
                }
            }
        }
        // Longest first, so `thừa thiên huế` wins over `huế`.
        folded.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        g.word_keys = folded.iter().all(|(k, _)| word_key(k));
        g.folded = folded;
        Ok(g)
    }

    /// The gazetteer built from the shipped data file.
    pub fn builtin() -> Gazetteer {
        Gazetteer::from_json(BUILTIN_PROVINCES).expect("templates/provinces.json is valid")
    }

    /// The set with this id.
    pub fn set(&self, id: &str) -> Option<&UnitSet> {
        self.sets.iter().find(|s| s.id == id)
    }

    /// The set in force on an ISO date (`2025-07-01`).
    pub fn set_on(&self, date: &str) -> Option<&UnitSet> {
        self.sets.iter().find(|s| {
            s.valid_from.as_deref().is_none_or(|f| f <= date)
                && s.valid_until.as_deref().is_none_or(|u| date <= u)
        })
    }

    /// The set whose names apply to a document of `year`, given today's ISO date (see
    /// [`crate::date::reference_date`]).
    pub fn set_for_year(&self, year: u16, today: &str) -> Option<&UnitSet> {
        self.set_on(&crate::date::reference_date(year, today))
    }

    /// Whether the unit with this usual name is a centrally-run city.
    pub fn is_city(&self, name: &str) -> bool {
        self.sets.iter().flat_map(|s| &s.units).any(|u| u.name == name && u.kind == PlaceKind::City)
    }

    /// The unit that a former unit was merged into, and the first day of the set it
    /// belongs to (`Hà Giang` → `Tuyên Quang`, `2025-07-01`).
    pub fn merged_into(&self, former: &str) -> Option<(&Unit, Option<&str>)> {
        self.sets.iter().find_map(|s| {
            s.units
                .iter()
                .find(|u| u.merged_from.iter().any(|m| m == former))
                .map(|u| (u, s.valid_from.as_deref()))
        })
    }

    /// The unit whose name (or alias) is exactly `s`, ignoring case and diacritics.
    pub fn lookup(&self, s: &str) -> Option<&str> {
        let f = fold(s.trim());
        self.folded.iter().find(|(k, _)| *k == f).map(|(_, n)| n.as_str())
    }

    /// The unit named at the end of `s` (`TỈNH ỦY HÀ GIANG` → `Hà Giang`).
    pub fn name_at_end(&self, s: &str) -> Option<&str> {
        let f = fold(s.trim());
        self.folded
            .iter()
            .find(|(k, _)| {
                f.ends_with(k.as_str())
                    && f[..f.len() - k.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|(_, n)| n.as_str())
    }

    /// The unit the text is most about: mentions after `tỉnh`/`thành phố`/`tỉnh ủy`
    /// count three times. Ties go to the first mentioned.
    pub fn most_mentioned(&self, text: &str) -> Option<&str> {
        let f = fold(text);
        // (score, first) of each folded spelling, in the order of `self.folded`.
        let scores = if self.word_keys {
            self.mentions_by_words(&f)
        } else {
            self.folded.iter().map(|(k, _)| mentions_of(&f, k)).collect()
        };
        let mut best: Option<(usize, usize, &str)> = None; // (score, first, name)
        let mut seen: Vec<&str> = Vec::new();
        for ((_, name), &(score, first)) in self.folded.iter().zip(&scores) {
            if seen.contains(&name.as_str()) {
                continue;
            }
            if score > 0 {
                seen.push(name);
                let better = match best {
                    None => true,
                    Some((s, fi, _)) => score > s || (score == s && first < fi),
                };
                if better {
                    best = Some((score, first, name));
                }
            }
        }
        best.map(|(_, _, n)| n)
    }

    /// [`mentions_of`] for every folded spelling in one pass over `f`: each word start
    /// is looked up by its word among the spellings' first words. Exact when
    /// `self.word_keys` holds (no spelling can overlap itself, so the non-overlapping
    /// search of [`mentions_of`] misses nothing this finds).
    fn mentions_by_words(&self, f: &str) -> Vec<(usize, usize)> {
        let mut by_first: crate::text::FxMap<&str, Vec<usize>> = Default::default();
        for (n, (k, _)) in self.folded.iter().enumerate() {
            by_first.entry(first_word(k)).or_default().push(n);
        }
        let mut scores = vec![(0usize, usize::MAX); self.folded.len()];
        let mut count = |start: usize, end: usize| {
            let Some(keys) = by_first.get(&f[start..end]) else { return };
            for &n in keys {
                let k = self.folded[n].0.as_str();
                if f[start..].starts_with(k) && !f[start + k.len()..].starts_with(char::is_alphanumeric) {
                    let (score, first) = &mut scores[n];
                    *score += mention_weight(&f[..start]);
                    *first = (*first).min(start);
                }
            }
        };
        // Each word (run of alphanumeric characters) once, looked up when it ends.
        let mut word: Option<usize> = None;
        for (at, c) in f.char_indices() {
            let alnum = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
            match (alnum, word) {
                (true, None) => word = Some(at),
                (false, Some(start)) => {
                    count(start, at);
                    word = None;
                }
                _ => {}
            }
        }
        if let Some(start) = word {
            count(start, f.len());
        }
        scores
    }
}

/// The leading run of alphanumeric characters of `s`.
fn first_word(s: &str) -> &str {
    &s[..s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len())]
}

/// 3 for a mention right after `tỉnh`/`thành phố`/`tỉnh ủy`… (`before` is the folded
/// text before it), else 1.
fn mention_weight(before: &str) -> usize {
    let strong =
        ["tinh ", "thanh pho ", "tinh uy ", "thanh uy ", "tp. ", "tp "].iter().any(|p| before.ends_with(p));
    if strong {
        3
    } else {
        1
    }
}

/// (score, first position) of the whole-word mentions of the folded spelling `k` in the
/// folded text `f`.
fn mentions_of(f: &str, k: &str) -> (usize, usize) {
    let mut score = 0;
    let mut first = usize::MAX;
    for (at, _) in f.match_indices(k) {
        let before = &f[..at];
        let after = &f[at + k.len()..];
        if before.chars().next_back().is_some_and(char::is_alphanumeric)
            || after.chars().next().is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        score += mention_weight(before);
        first = first.min(at);
    }
    (score, first)
}

/// Whether a folded spelling can be found word by word: it starts and ends with an
/// alphanumeric character and no whole-word occurrence of it can overlap an earlier
/// occurrence (a prefix that is also a suffix, `h` in `ha tinh`, is harmless when an
/// alphanumeric character stands before that suffix: an occurrence starting there is
/// not a whole word).
fn word_key(k: &str) -> bool {
    let starts = k.chars().next().is_some_and(char::is_alphanumeric);
    let ends = k.chars().next_back().is_some_and(char::is_alphanumeric);
    let harmful_border = (1..k.len()).any(|n| {
        k.is_char_boundary(n)
            && k.ends_with(&k[..n])
            && !k[..k.len() - n].chars().next_back().is_some_and(char::is_alphanumeric)
    });
    starts && ends && !harmful_border
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_63_and_34() {
        let g = Gazetteer::builtin();
        assert_eq!(g.set("former-63").unwrap().units.len(), 63);
        assert_eq!(g.set("current-34").unwrap().units.len(), 34);
        assert_eq!(g.set_on("2024-02-01").unwrap().id, "former-63");
        assert_eq!(g.set_on("2025-07-01").unwrap().id, "current-34");
    }

    #[test]
    fn kinds_mergers_and_the_set_of_a_year() {
        let g = Gazetteer::builtin();
        assert!(g.is_city("Cần Thơ"));
        assert!(!g.is_city("Cao Bằng"));
        let (into, from) = g.merged_into("Hà Giang").unwrap();
        assert_eq!((into.name.as_str(), from), ("Tuyên Quang", Some("2025-07-01")));
        assert!(g.merged_into("Cao Bằng").is_none());
        assert_eq!(g.set_for_year(2024, "2026-12-02").unwrap().id, "former-63");
        assert_eq!(g.set_for_year(2025, "2026-12-02").unwrap().id, "current-34");
        assert_eq!(g.set_for_year(2025, "2025-03-01").unwrap().id, "former-63");
        assert_eq!(g.set_for_year(2027, "2026-12-02").unwrap().id, "current-34");
    }

    #[test]
    fn finds_names() {
        let g = Gazetteer::builtin();
        assert_eq!(g.name_at_end("TỈNH ỦY HÀ GIANG"), Some("Hà Giang"));
        assert_eq!(g.name_at_end("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ"), Some("Thừa Thiên Huế"));
        assert_eq!(g.lookup("thanh hoa"), Some("Thanh Hóa"));
        assert_eq!(
            g.most_mentioned("Đại học Thái Nguyên tại tỉnh Lâm Đồng; Quỹ của tỉnh Lâm Đồng"),
            Some("Lâm Đồng")
        );
    }

    #[test]
    fn one_pass_mentions_match_the_search_by_name() {
        let g = Gazetteer::builtin();
        assert!(g.word_keys);
        let text = fold(
            "TỈNH ỦY HÀ GIANG, tp. Hồ Chí Minh, TP Hồ Chí Minh; Thừa Thiên Huế, Huế-Huế hahà giang \
             thành phố Cần Thơ, Bà Rịa - Vũng Tàu, tỉnh Hà Nam, Hà Nội2 Ninh Bình.",
        );
        let by_name: Vec<(usize, usize)> = g.folded.iter().map(|(k, _)| mentions_of(&text, k)).collect();
        assert_eq!(g.mentions_by_words(&text), by_name);
        assert!(by_name.iter().filter(|s| s.0 > 0).count() >= 6);
    }
}
