//! Who a copy's items are attributed to. Word records a person or a machine account
//! as the author ("Nguyễn Văn A", "Admin"); the report names bodies (Sở Nội vụ). When
//! every author of a copy is a body's name, the authors are the reviewers; otherwise
//! the body is what the user says (`--reviewer`) or what the file is called.

use crate::text::fold;

/// Folded first words of the names of bodies that are asked for comments.
const BODY_HEADS: &[&str] = &[
    "so ",
    "ban ",
    "ubnd",
    "uy ban",
    "van phong",
    "thanh tra",
    "hoi ",
    "hoi dong",
    "dang uy",
    "dang bo",
    "huyen uy",
    "thanh uy",
    "thi uy",
    "tinh uy",
    "tinh doan",
    "cong an",
    "bo chi huy",
    "mat tran",
    "lien doan",
    "lien hiep",
    "truong ",
    "vien ",
    "dai hoc",
    "bao ",
    "dai phat",
    "kho bac",
    "cuc ",
    "chi cuc",
    "phong ",
    "trung tam",
    "ngan hang",
    "bao hiem",
    "toa an",
    "vien kiem sat",
    "doan ",
    "xa ",
    "phuong ",
    "huyen ",
    "thanh pho",
    "hdnd",
    "mttq",
    "bo ",
    "ubmttq",
];

/// Whether a name reads as a body's (Sở Nội vụ, UBND xã …), not a person's.
pub fn is_body(name: &str) -> bool {
    let f = fold(name.trim());
    let f = f.trim_start();
    BODY_HEADS.iter().any(|h| f.starts_with(h))
}

/// A file name without folder and extension, underscores and hyphens as spaces
/// (`so_noi_vu.docx` → `so noi vu`).
pub fn file_body(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = match name.rfind('.') {
        Some(at) if at > 0 => &name[..at],
        _ => name,
    };
    let s: String = stem.chars().map(|c| if c == '_' || c == '-' { ' ' } else { c }).collect();
    crate::text::squash_spaces(&crate::text::nfc(&s)).trim().to_string()
}

/// The reviewer of a copy's items: `given` when the user named it; the authors when
/// they are all bodies (`None`: use each item's author); else the file's name.
pub fn copy_reviewer<'a>(
    given: Option<&str>,
    authors: impl IntoIterator<Item = &'a str>,
    file: &str,
) -> Option<String> {
    if let Some(g) = given.map(str::trim).filter(|g| !g.is_empty()) {
        return Some(g.to_string());
    }
    let mut any = false;
    for a in authors {
        any = true;
        if !is_body(a) {
            return Some(file_body(file));
        }
    }
    if any {
        None
    } else {
        Some(file_body(file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_and_people() {
        assert!(is_body("Sở Nội vụ"));
        assert!(is_body("UBND xã Tân Phú"));
        assert!(is_body("Ban Tuyên giáo và Dân vận Tỉnh ủy"));
        assert!(!is_body("Nguyễn Văn An"));
        assert!(!is_body("Admin"));
        assert!(!is_body("Bảo"));
    }

    #[test]
    fn the_reviewer_of_a_copy() {
        assert_eq!(copy_reviewer(Some("Sở Tư pháp"), ["An"], "x.docx").as_deref(), Some("Sở Tư pháp"));
        assert_eq!(copy_reviewer(None, ["Sở Nội vụ", "Sở Y tế"], "x.docx"), None);
        assert_eq!(
            copy_reviewer(None, ["Lê Thị Hoa"], "dir/Sở_Tài_chính.docx").as_deref(),
            Some("Sở Tài chính")
        );
        assert_eq!(copy_reviewer(None, [], "so-y-te.docx").as_deref(), Some("so y te"));
    }
}
