//! The parts of a programme that are written alike whatever resolution it implements
//! (MỤC ĐÍCH, YÊU CẦU; the study and dissemination of the resolution; TỔ CHỨC THỰC
//! HIỆN; sơ kết, tổng kết), and the names of a resolution that a clause carries
//! (number, citation, date, subject), made placeholders so that a clause mined from
//! the programmes of one resolution can be offered to a draft for another.
//!
//! The heading words are data: `templates/presets/generic-sections.json`.

use crate::model::{path_segments, Document, Section};
use crate::placeholder;
use crate::scaffold::ParentTemplate;
use crate::text::fold;
use serde::{Deserialize, Serialize};

const GENERIC_SECTIONS: &str = include_str!("../../../templates/presets/generic-sections.json");

/// A kind of section written alike for every resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GenericKind {
    /// MỤC ĐÍCH, YÊU CẦU.
    MucDichYeuCau,
    /// Học tập, quán triệt, tuyên truyền the resolution.
    QuanTriet,
    /// TỔ CHỨC THỰC HIỆN: assignments.
    ToChucThucHien,
    /// Sơ kết, tổng kết, reporting.
    SoKet,
}

impl GenericKind {
    /// Its name as stored (`to-chuc-thuc-hien`).
    pub fn as_str(self) -> &'static str {
        match self {
            GenericKind::MucDichYeuCau => "muc-dich-yeu-cau",
            GenericKind::QuanTriet => "quan-triet",
            GenericKind::ToChucThucHien => "to-chuc-thuc-hien",
            GenericKind::SoKet => "so-ket",
        }
    }

    /// The kind named `s` (as [`GenericKind::as_str`] writes it).
    pub fn parse(s: &str) -> Option<GenericKind> {
        [GenericKind::MucDichYeuCau, GenericKind::QuanTriet, GenericKind::ToChucThucHien, GenericKind::SoKet]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Deserialize)]
struct Rule {
    kind: GenericKind,
    starts: Vec<String>,
    contains: Vec<String>,
}

#[derive(Deserialize)]
struct Rules {
    kinds: Vec<Rule>,
}

fn rules() -> &'static Rules {
    static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    RULES.get_or_init(|| serde_json::from_str(GENERIC_SECTIONS).expect("built-in generic sections are valid"))
}

/// The generic kind a section heading names, if any (`IV- TỔ CHỨC THỰC HIỆN` →
/// [`GenericKind::ToChucThucHien`]); case, tone marks and a leading label ignored.
pub fn kind_of_heading(title: &str) -> Option<GenericKind> {
    let t = fold(crate::compare::tokens::strip_marker(title.trim()).trim());
    let t = t.trim_start_matches(|c: char| !c.is_alphabetic());
    rules()
        .kinds
        .iter()
        .find(|r| {
            r.starts.iter().any(|w| t.starts_with(w.as_str()))
                || r.contains.iter().any(|w| t.contains(w.as_str()))
        })
        .map(|r| r.kind)
}

/// The generic kind of the section at `path` of `doc`: its own heading's, else its
/// nearest ancestor's.
pub fn kind_at(doc: &Document, path: &str) -> Option<GenericKind> {
    let mut level: &[Section] = &doc.sections;
    let mut found = None;
    for part in path.split('.') {
        let Some(s) = level.iter().zip(path_segments(level)).find(|(_, seg)| seg == part).map(|(s, _)| s)
        else {
            break;
        };
        found = kind_of_heading(&s.title).or(found);
        level = &s.children;
    }
    found
}

/// What a programme's sentences may name of the resolution it implements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// Its number (`45-NQ/TW`).
    pub number: String,
    /// Its short citation (`Nghị quyết số 45-NQ/TW`).
    pub short_citation: String,
    /// What it is about (`về tiếp tục xây dựng …`), when known.
    pub subject: String,
    /// Its date as cited (`24/11/2023`), when known.
    pub date: Option<String>,
}

impl Resolution {
    /// The names of a parent (a built-in scaffold or a parent document).
    pub fn of(t: &ParentTemplate) -> Resolution {
        Resolution {
            number: t.id.clone(),
            short_citation: t.short_citation.clone(),
            subject: t.subject.clone(),
            date: date_in(&t.citation),
        }
    }

    /// The resolution a document (a programme or a draft) implements: its number from
    /// the summary and preamble or its parent link, the rest from the built-in scaffold
    /// of that number, else from the parent's citation.
    pub fn of_document(doc: &Document) -> Option<Resolution> {
        let number =
            crate::parse::parent_resolution(doc).or_else(|| doc.parent.as_ref().map(|p| p.id.clone()))?;
        if let Some(t) = ParentTemplate::builtin(&number) {
            return Some(Resolution::of(&t));
        }
        let citation =
            doc.parent.as_ref().filter(|p| p.id == number).map(|p| p.citation.as_str()).unwrap_or("");
        let short = citation.split(',').next().unwrap_or("").split(" ngày").next().unwrap_or("").trim();
        Some(Resolution {
            short_citation: if short.contains(&number) {
                short.to_string()
            } else {
                format!("Nghị quyết số {number}")
            },
            number,
            subject: String::new(),
            date: date_in(citation),
        })
    }

    /// `s` with this resolution's names made placeholders: the short citation
    /// (`{căn cứ}`), the number (`{số nghị quyết}`), the subject (`{tên nghị quyết}`)
    /// and the date (`{ngày nghị quyết}`).
    pub fn generalise(&self, s: &str) -> String {
        let hole = |name: &str| format!("{{{name}}}");
        let mut s = s.to_string();
        if !self.short_citation.is_empty() {
            s = crate::clauses::replace_folded(&s, &self.short_citation, &hole(placeholder::PARENT));
        }
        if !self.number.is_empty() {
            s = s.replace(&self.number, &hole(placeholder::RESOLUTION_NUMBER));
        }
        if self.subject.split_whitespace().count() >= 3 {
            s = crate::clauses::replace_folded(&s, &self.subject, &hole(placeholder::RESOLUTION_SUBJECT));
        }
        if let Some(d) = &self.date {
            s = s.replace(d.as_str(), &hole(placeholder::RESOLUTION_DATE));
        }
        s
    }

    /// Fills the placeholders [`Resolution::generalise`] writes with this resolution's
    /// names (an unknown subject or date stays a placeholder).
    pub fn fill(&self, template: &str) -> String {
        let mut vars = vec![
            (placeholder::PARENT, self.short_citation.as_str()),
            (placeholder::RESOLUTION_NUMBER, self.number.as_str()),
        ];
        if !self.subject.is_empty() {
            vars.push((placeholder::RESOLUTION_SUBJECT, self.subject.as_str()));
        }
        if let Some(d) = &self.date {
            vars.push((placeholder::RESOLUTION_DATE, d.as_str()));
        }
        placeholder::fill(template, &vars)
    }

    /// Whether a generalised sentence still belongs to this resolution: it names a
    /// document number (`45-NQ/TW`, `136-CTr/TU`, `3586/KH-UBND`), a full date, or
    /// words of the resolution's subject (two or more of its word triples).
    pub fn is_specific(&self, general: &str) -> bool {
        if names_a_number(general) || has_full_date(general) {
            return true;
        }
        if self.subject.is_empty() {
            return false;
        }
        let subject = crate::clauses::triples(&self.subject);
        let mine = crate::clauses::triples(general);
        crate::compare::tokens::common_sorted(&subject, &mine) >= 2
    }
}

/// The first `dd/mm/yyyy` in `s` (`ngày 24/11/2023` → `24/11/2023`).
fn date_in(s: &str) -> Option<String> {
    s.split(|c: char| !(c.is_ascii_digit() || c == '/')).find(|w| is_full_date(w)).map(str::to_string)
}

fn is_full_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split('/').collect();
    parts.len() == 3
        && (1..=2).contains(&parts[0].len())
        && (1..=2).contains(&parts[1].len())
        && parts[2].len() == 4
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

fn has_full_date(s: &str) -> bool {
    date_in(s).is_some()
}

/// Whether `s` holds a document number: digits, then `-` or `/`, then a capitalised
/// code with a `/` or `-` in it (`45-NQ/TW`, `136-CTr/TU`, `3586/KH-UBND`).
pub fn names_a_number(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '.')).any(|w| {
        let d = w.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &w[d..];
        d > 0
            && (rest.starts_with('-') || rest.starts_with('/'))
            && rest[1..].chars().next().is_some_and(char::is_uppercase)
            && rest[1..].contains(['/', '-'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_by_kind() {
        assert_eq!(kind_of_heading("IV- TỔ CHỨC THỰC HIỆN"), Some(GenericKind::ToChucThucHien));
        assert_eq!(kind_of_heading("I. MỤC ĐÍCH, YÊU CẦU"), Some(GenericKind::MucDichYeuCau));
        assert_eq!(
            kind_of_heading("1. Tổ chức học tập, quán triệt Nghị quyết"),
            Some(GenericKind::QuanTriet)
        );
        assert_eq!(kind_of_heading("5. Sơ kết, tổng kết"), Some(GenericKind::SoKet));
        assert_eq!(kind_of_heading("III- NHIỆM VỤ, GIẢI PHÁP"), None);
        assert_eq!(kind_of_heading("Nâng cao chất lượng đáp ứng yêu cầu phát triển"), None);
        let doc = crate::parse_text("IV- TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo chủ trì theo dõi.\n");
        assert_eq!(kind_at(&doc, "IV.1"), Some(GenericKind::ToChucThucHien));
        assert_eq!(kind_at(&doc, "V"), None);
        for k in ["muc-dich-yeu-cau", "quan-triet", "to-chuc-thuc-hien", "so-ket"] {
            assert_eq!(GenericKind::parse(k).map(GenericKind::as_str), Some(k));
        }
    }

    #[test]
    fn a_resolutions_names_round_trip_to_another() {
        let r45 = Resolution::of(&ParentTemplate::builtin("45-NQ/TW").unwrap());
        assert_eq!(r45.date.as_deref(), Some("24/11/2023"));
        let g = r45.generalise(
            "Xây dựng kế hoạch thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 và Nghị quyết 45-NQ/TW.",
        );
        assert_eq!(
            g,
            "Xây dựng kế hoạch thực hiện {căn cứ}, ngày {ngày nghị quyết} và Nghị quyết {số nghị quyết}."
        );
        assert!(!r45.is_specific(&g));
        let r99 = Resolution {
            number: "99-NQ/TW".into(),
            short_citation: "Nghị quyết số 99-NQ/TW".into(),
            subject: String::new(),
            date: Some("02/01/2027".into()),
        };
        assert_eq!(
            r99.fill(&g),
            "Xây dựng kế hoạch thực hiện Nghị quyết số 99-NQ/TW, ngày 02/01/2027 và Nghị quyết 99-NQ/TW."
        );
        assert!(r45.is_specific("Thực hiện Kế hoạch số 3586/KH-UBND."));
        assert!(r45.is_specific("Thực hiện Chương trình số 136-CTr/TU của {Tỉnh ủy}."));
        assert!(r45.is_specific("Phát huy vai trò của đội ngũ trí thức trong giai đoạn mới."));
        assert!(!r45.is_specific("Báo cáo kết quả trước ngày 10/12 hằng năm."));
    }
}
