//! Placeholders in templates: one syntax for the scaffold presets
//! (`templates/presets/`) and the clause library. A placeholder is a name between
//! braces, written as the words it stands for (`{tỉnh}`, `{Tỉnh ủy}`, `{năm}`), so a
//! template reads as the sentence it becomes.
//!
//! ```
//! use banthao_core::placeholder::{fill, PROVINCE, COMMITTEE};
//! let t = "{Tỉnh ủy} {tỉnh} chỉ đạo; {khác} giữ nguyên.";
//! assert_eq!(fill(t, &[(PROVINCE, "Cao Bằng"), (COMMITTEE, "Tỉnh ủy")]), "Tỉnh ủy Cao Bằng chỉ đạo; {khác} giữ nguyên.");
//! ```

/// The province's or city's name (`Cao Bằng`).
pub const PROVINCE: &str = "tỉnh";
/// The provincial Party committee: `Tỉnh ủy`, or `Thành ủy` for a city.
pub const COMMITTEE: &str = "Tỉnh ủy";
/// The level of the unit in running text: `tỉnh` or `thành phố`.
pub const LEVEL: &str = "cấp";
/// The year of the document.
pub const YEAR: &str = "năm";
/// The type of the draft in running text (`Kế hoạch`).
pub const DOC_TYPE: &str = "loại";
/// The short citation of the parent (`Nghị quyết số 45-NQ/TW`).
pub const PARENT: &str = "căn cứ";
/// The number of the resolution a programme implements (`45-NQ/TW`).
pub const RESOLUTION_NUMBER: &str = "số nghị quyết";
/// What that resolution is about (`về tiếp tục xây dựng …`).
pub const RESOLUTION_SUBJECT: &str = "tên nghị quyết";
/// Its date as cited (`24/11/2023`).
pub const RESOLUTION_DATE: &str = "ngày nghị quyết";
/// The provincial propaganda department's name in force (`Ban Tuyên giáo và Dân vận`).
pub const PROPAGANDA: &str = "Ban Tuyên giáo";
/// The central propaganda department's name in force.
pub const CENTRAL_PROPAGANDA: &str = "Ban Tuyên giáo Trung ương";

/// Replaces every `{name}` of `vars` in one pass; a placeholder with no value, or
/// braces that hold no known name, are left as written.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find(['}', '{'])
            .filter(|&close| after.as_bytes()[close] == b'}')
            .and_then(|close| vars.iter().find(|(k, _)| *k == &after[..close]).map(|(_, v)| (close, *v)));
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_names_once_and_keeps_the_rest() {
        let vars = [(PROVINCE, "{năm}"), (YEAR, "2026")];
        // A value is not filled again, even if it looks like a placeholder.
        assert_eq!(fill("{tỉnh} {năm}", &vars), "{năm} 2026");
        assert_eq!(fill("{{năm}}", &vars), "{2026}");
        assert_eq!(fill("a { b } {", &vars), "a { b } {");
        assert_eq!(fill("", &vars), "");
        assert_eq!(fill("{lạ}", &vars), "{lạ}");
    }
}
