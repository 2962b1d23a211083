//! Scaffold styles, read from `templates/presets/scaffold-styles.json`: how a draft's
//! body is laid out from its parent. «Theo bố cục nghị quyết» (`nghi-quyet`) mirrors
//! the parent's sections; «Kế hoạch» (`ke-hoach`) is I. MỤC ĐÍCH, YÊU CẦU — II. MỤC
//! TIÊU — III. NHIỆM VỤ, GIẢI PHÁP (the parent's task groups) — IV. TỔ CHỨC THỰC HIỆN.
//! The depth says whether the parent's sub-items are mirrored under its task groups.

use serde::{Deserialize, Serialize};

const STYLES: &str = include_str!("../../../templates/presets/scaffold-styles.json");

/// How deep a scaffold mirrors the parent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Depth {
    /// The parent's sections and their task groups (today's scaffold).
    #[default]
    Groups,
    /// Also the task groups' own sub-items (`a)`, `b)` …).
    Items,
}

impl Depth {
    /// `nhom` / `groups`, `muc-con` / `items`.
    pub fn parse(s: &str) -> Option<Depth> {
        match crate::text::fold(s.trim()).as_str() {
            "groups" | "nhom" | "2" => Some(Depth::Groups),
            "items" | "muc-con" | "3" => Some(Depth::Items),
            _ => None,
        }
    }

    /// How the new-draft form names it.
    pub fn label(self) -> &'static str {
        match self {
            Depth::Groups => "Đến các nhóm nhiệm vụ",
            Depth::Items => "Cả các mục con (a, b, c…) của từng nhóm nhiệm vụ",
        }
    }
}

/// One top-level section of a fixed style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StyleSection {
    /// Heading in capitals (`MỤC ĐÍCH, YÊU CẦU`).
    pub title: String,
    /// Fixed sub-section titles (`Mục đích`, `Yêu cầu`).
    #[serde(default)]
    pub children: Vec<String>,
    /// Folded words: the section links to the parent's top section whose title has one.
    #[serde(default)]
    pub link: Vec<String>,
    /// Folded words: the section takes the children of the parent's top section whose
    /// title has one (the task groups), each linked to its own.
    #[serde(default)]
    pub from_parent: Vec<String>,
    /// The section holds the standard assignments.
    #[serde(default)]
    pub assignments: bool,
}

/// A scaffold style (the form lists [`ScaffoldStyle::builtins`] by `key` and `label`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScaffoldStyle {
    /// Key used on the command line and in the form (`ke-hoach`).
    pub key: String,
    /// Name shown to the user (`Kế hoạch`).
    pub label: String,
    /// Mirror the parent's top-level sections.
    #[serde(default)]
    pub mirror: bool,
    /// The fixed sections, when not mirroring.
    #[serde(default)]
    pub sections: Vec<StyleSection>,
}

#[derive(Deserialize)]
struct StyleFile {
    styles: Vec<ScaffoldStyle>,
}

impl ScaffoldStyle {
    /// The built-in styles, the mirror first.
    pub fn builtins() -> Vec<ScaffoldStyle> {
        serde_json::from_str::<StyleFile>(STYLES).expect("built-in scaffold styles are valid").styles
    }

    /// A built-in style by key or label (case and diacritics ignored).
    pub fn builtin(key: &str) -> Option<ScaffoldStyle> {
        let f = crate::text::fold(key.trim());
        ScaffoldStyle::builtins()
            .into_iter()
            .find(|s| s.key == f || crate::text::fold(&s.label) == f || f.replace(' ', "-") == s.key)
    }

    /// How a list offers it: the label, and for a fixed style what it lays out
    /// («Kế hoạch: mục đích, yêu cầu, mục tiêu, …»).
    pub fn description(&self) -> String {
        if self.sections.is_empty() {
            return self.label.clone();
        }
        let parts: Vec<String> = self.sections.iter().map(|s| s.title.to_lowercase()).collect();
        format!("{}: {}", self.label, parts.join(", "))
    }

    /// The mirror style (today's scaffold).
    pub fn mirror() -> ScaffoldStyle {
        ScaffoldStyle::builtins().into_iter().find(|s| s.mirror).expect("a mirror style is built in")
    }
}

/// The style and depth a draft is scaffolded with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaffoldOptions {
    /// The style.
    pub style: ScaffoldStyle,
    /// The depth.
    pub depth: Depth,
}

impl Default for ScaffoldOptions {
    fn default() -> Self {
        ScaffoldOptions { style: ScaffoldStyle::mirror(), depth: Depth::Groups }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_found_by_key_and_label() {
        assert!(ScaffoldStyle::builtin("ke-hoach").is_some());
        assert_eq!(ScaffoldStyle::builtin("Kế hoạch").unwrap().key, "ke-hoach");
        assert!(ScaffoldStyle::builtin("theo bố cục nghị quyết").unwrap().mirror);
        assert!(ScaffoldStyle::builtin("nghi-quyet").unwrap().mirror);
        assert_eq!(ScaffoldStyle::builtin("khac"), None);
    }
}
