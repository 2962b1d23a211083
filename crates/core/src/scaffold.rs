//! Scaffolds: a new draft built from a parent document's structure, for a province,
//! an issuer, a document type and a year. Every body section keeps a link to the
//! parent section it implements (`45-NQ/TW#III.2`).
//!
//! Names that change over time (provinces, bodies, recipient lists) come from dated
//! presets in `templates/presets/`; the date they are read on is the caller's
//! [`reference_date`].

pub use crate::date::reference_date;
use crate::label::{to_letter, to_roman};
use crate::model::{DocKind, DocNumber, Document, LabelKind, ParentRef, PlaceDate, Section, Signature};
use crate::placeholder::{self, fill};
use crate::places::{Gazetteer, PlaceKind};
use crate::style::{Depth, ScaffoldOptions};
use crate::text::{fold, title_case};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use thiserror::Error;

/// A section of a parent document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ParentSection {
    /// Path in the parent (`III.2`).
    pub path: String,
    /// Heading text.
    pub title: String,
    /// Sub-sections.
    #[serde(default)]
    pub children: Vec<ParentSection>,
}

/// A parent document: a resolution scaffold from `templates/scaffolds/`, or an imported
/// document (a Tỉnh ủy programme that a UBND plan implements).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ParentTemplate {
    /// Identifier used in section links (`45-NQ/TW`; for a document without a number,
    /// [`unnumbered_id`]).
    pub id: String,
    /// How the parent is shown to a user (`57-NQ/TW, 22/12/2024, Bộ Chính trị`);
    /// the citation when a scaffold file leaves it out.
    #[serde(default)]
    pub name: String,
    /// Full citation (`Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành …`).
    pub citation: String,
    /// Short citation (`Nghị quyết số 45-NQ/TW`).
    pub short_citation: String,
    /// What it is about (`về tiếp tục xây dựng …`).
    #[serde(default)]
    pub subject: String,
    /// Related central documents cited in the preamble.
    #[serde(default)]
    pub related: Vec<String>,
    /// The structure.
    pub sections: Vec<ParentSection>,
}

/// The scaffolds shipped in `templates/scaffolds/`.
const BUILTIN_SCAFFOLDS: [&str; 1] = [include_str!("../../../templates/scaffolds/45-NQ-TW.json")];

/// Headings whose sorted words are this alike (Dice) name the same section.
pub const SAME_HEADING: f32 = 0.4;

impl ParentTemplate {
    /// Reads a scaffold file.
    pub fn from_json(json: &str) -> Result<ParentTemplate, ScaffoldError> {
        let mut p: ParentTemplate =
            serde_json::from_str(json).map_err(|e| ScaffoldError::BadTemplate(e.to_string()))?;
        if p.name.is_empty() {
            p.name = p.citation.clone();
        }
        Ok(p)
    }

    /// The built-in scaffolds (`templates/scaffolds/`).
    pub fn builtins() -> Vec<ParentTemplate> {
        BUILTIN_SCAFFOLDS
            .iter()
            .map(|j| ParentTemplate::from_json(j).expect("built-in scaffold is valid"))
            .collect()
    }

    /// A built-in scaffold by the parent's number (`45-NQ/TW`; case, spaces and
    /// diacritics ignored).
    pub fn builtin(id: &str) -> Option<ParentTemplate> {
        let key = |s: &str| fold(s).replace(['/', ' '], "-");
        let want = key(id);
        ParentTemplate::builtins().into_iter().find(|p| key(&p.id) == want)
    }

    /// How the parent is offered to a user: its citation and subject.
    pub fn title(&self) -> String {
        format!("{} {}", self.citation, self.subject).trim().to_string()
    }

    /// The section of this parent a heading names (`45-NQ/TW#III.3` for «Tăng cường
    /// quản lý nhà nước…»): the most alike title, if alike enough ([`SAME_HEADING`]).
    pub fn section_for_heading(&self, heading: &str) -> Option<String> {
        use crate::compare::tokens::{dice_sorted, sorted_words};
        let want = sorted_words(heading);
        let mut best: Option<(f32, String)> = None;
        fn walk(secs: &[ParentSection], f: &mut impl FnMut(&ParentSection)) {
            for s in secs {
                f(s);
                walk(&s.children, f);
            }
        }
        walk(&self.sections, &mut |s| {
            let score = dice_sorted(&want, &sorted_words(&s.title));
            if score >= SAME_HEADING && best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, format!("{}#{}", self.id, s.path)));
            }
        });
        best.map(|b| b.1)
    }

    /// A parent made from an imported document: its number, citation, and headed sections.
    /// A central document is cited with its real body in sentence case («… của Bộ
    /// Chính trị», «… của Ban Chấp hành Trung ương Đảng khóa XIII»); a document without
    /// a number gets an id of its own ([`unnumbered_id`]).
    pub fn from_document(doc: &Document) -> ParentTemplate {
        let number = crate::central::cited_number(doc);
        let mut ty = doc.doc_type.as_deref().map(sentence_case).unwrap_or_else(|| "Văn bản".into());
        // `CHƯƠNG TRÌNH` over a trích yếu that begins `hành động thực hiện …` is a
        // «Chương trình hành động»: the words belong to the type when it is cited.
        let mut subject = doc.summary.clone().unwrap_or_default();
        if let Some(rest) = subject.strip_prefix("hành động ").map(str::to_string) {
            ty.push_str(" hành động");
            subject = rest;
        }
        // `Ban hành Chương trình …` continues a citation: «… của Chính phủ ban hành …».
        subject = lower_first_word(&subject);
        let central = crate::central::issuer_of(doc);
        let body = match &central {
            Some(c) => Some(c.name()),
            None => doc.issuer.as_deref().map(issuer_display),
        };
        let id = number.clone().unwrap_or_else(|| unnumbered_id(doc, &ty, body.as_deref()));
        let short_citation = match &number {
            Some(n) => format!("{ty} số {n}"),
            None => ty.clone(),
        };
        let mut citation = short_citation.clone();
        if let Some(d) = &doc.place_date {
            if let (Some(day), Some(m), Some(y)) = (d.day, d.month, d.year) {
                citation.push_str(&format!(", ngày {day:02}/{m:02}/{y}"));
            }
        }
        if let Some(body) = &body {
            citation.push_str(&format!(" của {body}"));
        }
        let name = match crate::central::short_name(doc) {
            Some(n) => n,
            None if doc.draft => format!("{citation} (dự thảo)"),
            None => citation.clone(),
        };
        fn mirror(secs: &[Section], prefix: &str) -> Vec<ParentSection> {
            secs.iter()
                .zip(crate::model::path_segments(secs))
                .filter(|(s, _)| !s.title.is_empty())
                .map(|(s, seg)| {
                    let path = if prefix.is_empty() { seg } else { format!("{prefix}.{seg}") };
                    ParentSection { title: s.title.clone(), children: mirror(&s.children, &path), path }
                })
                .collect()
        }
        ParentTemplate {
            id,
            name,
            citation,
            short_citation,
            subject,
            related: Vec::new(),
            sections: mirror(&doc.sections, ""),
        }
    }
}

impl ParentTemplate {
    /// The parent's structure as a document whose sections link to themselves
    /// (`45-NQ/TW#III.2`): what drafts and mined clauses are aligned against.
    pub fn as_document(&self) -> Document {
        fn go(id: &str, secs: &[ParentSection], depth: usize) -> Vec<Section> {
            secs.iter()
                .enumerate()
                .map(|(i, p)| {
                    let (label, kind) = if depth == 0 {
                        (format!("{}-", to_roman(i as u32 + 1)), LabelKind::Roman)
                    } else {
                        (format!("{}.", i + 1), LabelKind::Arabic)
                    };
                    let mut s = Section::new(label, kind, p.title.clone());
                    s.implements = Some(format!("{id}#{}", p.path));
                    s.children = go(id, &p.children, depth + 1);
                    s
                })
                .collect()
        }
        Document { sections: go(&self.id, &self.sections, 0), ..Document::default() }
    }
}

/// The id of a parent without a number: its short title (type and body) and a hash
/// of its folded content (`Chương trình Tỉnh ủy Hà Giang~3fa2b1c0`). The same text
/// gives the same id at every import; two programmes with different texts never share
/// one, whatever their titles.
pub fn unnumbered_id(doc: &Document, ty: &str, body: Option<&str>) -> String {
    use std::hash::Hasher;
    let mut h = crate::text::FxHasher::default();
    let mut put = |t: &str| {
        h.write(fold(t).as_bytes());
        h.write_u8(0xff);
    };
    for t in [&doc.doc_type, &doc.doc_type_extra, &doc.summary, &doc.issuer].into_iter().flatten() {
        put(t);
    }
    fn walk(secs: &[Section], put: &mut impl FnMut(&str)) {
        for s in secs {
            put(&s.label);
            put(&s.title);
            for p in &s.paragraphs {
                put(p);
            }
            walk(&s.children, put);
        }
    }
    walk(&doc.sections, &mut put);
    let v = h.finish();
    let short = match body {
        Some(b) => format!("{ty} {b}"),
        None => ty.to_string(),
    };
    format!("{short}~{:08x}", (v ^ (v >> 32)) as u32)
}

/// `Ban hành Chương trình …` → `ban hành Chương trình …`: a trích yếu's first word
/// in lower case when it is an ordinary word (capital, then lower case letters).
fn lower_first_word(s: &str) -> String {
    let mut words = s.split_whitespace();
    let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let mut cs = first.chars();
    // `Hà Giang …` is a name: the next word is capitalised too.
    let ordinary = cs.next().is_some_and(char::is_uppercase)
        && cs.all(char::is_lowercase)
        && second.chars().next().is_some_and(char::is_lowercase);
    if !ordinary {
        return s.to_string();
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

/// The parent section a user means: an id as written (`45-NQ/TW#III.3`), or the
/// section of one of `parents` whose title the heading matches.
pub fn parent_section_of(heading: &str, parents: &[ParentTemplate]) -> Option<String> {
    if heading.contains('#') {
        return Some(heading.trim().to_string());
    }
    parents.iter().find_map(|p| p.section_for_heading(heading))
}

/// `CHƯƠNG TRÌNH` → `Chương trình`.
pub fn sentence_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut c = lower.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// An issuer written in capitals, as a body's name in running text
/// (`TỈNH ỦY HÀ TĨNH` → `Tỉnh ủy Hà Tĩnh`).
pub fn issuer_display(issuer: &str) -> String {
    const PREFIXES: [(&str, &str); 6] = [
        ("ban thuong vu tinh uy", "Ban Thường vụ Tỉnh ủy"),
        ("ban thuong vu thanh uy", "Ban Thường vụ Thành ủy"),
        ("tinh uy", "Tỉnh ủy"),
        ("thanh uy", "Thành ủy"),
        ("uy ban nhan dan tinh", "Ủy ban nhân dân tỉnh"),
        ("uy ban nhan dan thanh pho", "Ủy ban nhân dân thành phố"),
    ];
    let f = fold(issuer);
    for (key, shown) in PREFIXES {
        if let Some(rest) = f.strip_prefix(key) {
            let n = issuer.chars().count() - rest.chars().count();
            let name: String = issuer.chars().skip(n).collect();
            let name =
                if crate::text::is_upper(&name) { title_case(name.trim()) } else { name.trim().to_string() };
            return format!("{shown} {name}").trim().to_string();
        }
    }
    issuer.to_string()
}

/// Who issues the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum IssuerKind {
    /// Tỉnh ủy (Ban Chấp hành Đảng bộ tỉnh).
    TinhUy,
    /// Ban Thường vụ Tỉnh ủy.
    BanThuongVu,
    /// Ủy ban nhân dân tỉnh.
    Ubnd,
}

impl IssuerKind {
    /// Every issuer, in the order a form offers them.
    pub const ALL: [IssuerKind; 3] = [IssuerKind::TinhUy, IssuerKind::BanThuongVu, IssuerKind::Ubnd];

    /// `tinh-uy`, `ban-thuong-vu`, `ubnd` (and spelled-out forms, case and diacritics
    /// ignored).
    pub fn parse(s: &str) -> Result<IssuerKind, ScaffoldError> {
        match fold(s).replace([' ', '_'], "-").as_str() {
            "tinh-uy" | "thanh-uy" => Ok(IssuerKind::TinhUy),
            "ban-thuong-vu" | "btv" => Ok(IssuerKind::BanThuongVu),
            "ubnd" | "uy-ban-nhan-dan" => Ok(IssuerKind::Ubnd),
            _ => Err(ScaffoldError::BadIssuer(s.to_string())),
        }
    }

    /// The key of the presets (`tinh-uy`, `ban-thuong-vu`, `ubnd`).
    pub fn key(self) -> &'static str {
        match self {
            IssuerKind::TinhUy => "tinh-uy",
            IssuerKind::BanThuongVu => "ban-thuong-vu",
            IssuerKind::Ubnd => "ubnd",
        }
    }

    /// How a form names the issuer.
    pub fn label(self) -> &'static str {
        match self {
            IssuerKind::TinhUy => "Tỉnh ủy (Ban Chấp hành Đảng bộ)",
            IssuerKind::BanThuongVu => "Ban Thường vụ Tỉnh ủy",
            IssuerKind::Ubnd => "Ủy ban nhân dân tỉnh",
        }
    }

    /// A Party committee's document, or a State one.
    pub fn kind(self) -> DocKind {
        if self == IssuerKind::Ubnd {
            DocKind::State
        } else {
            DocKind::Party
        }
    }

    /// The types this issuer usually writes for a resolution, the usual one first: a
    /// People's Committee issues a Kế hoạch, a Party committee a Chương trình or a
    /// Chương trình hành động. A form switching issuer keeps a type in this list and
    /// otherwise takes the first.
    pub fn usual_types(self) -> &'static [DraftType] {
        match self {
            IssuerKind::Ubnd => &[DraftType::Kh],
            IssuerKind::TinhUy | IssuerKind::BanThuongVu => &[DraftType::Ctr, DraftType::CtrHd],
        }
    }
}

/// The type of the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DraftType {
    /// Chương trình.
    Ctr,
    /// Kế hoạch.
    Kh,
    /// Chương trình hành động.
    CtrHd,
}

impl DraftType {
    /// Every type, in the order a form offers them.
    pub const ALL: [DraftType; 3] = [DraftType::Ctr, DraftType::Kh, DraftType::CtrHd];

    /// `CTr`, `KH`, `CTrHĐ` (case and diacritics ignored).
    pub fn parse(s: &str) -> Result<DraftType, ScaffoldError> {
        match fold(s).as_str() {
            "ctr" | "chuong trinh" => Ok(DraftType::Ctr),
            "kh" | "ke hoach" => Ok(DraftType::Kh),
            "ctrhd" | "chuong trinh hanh dong" => Ok(DraftType::CtrHd),
            _ => Err(ScaffoldError::BadType(s.to_string())),
        }
    }

    /// How a form names the type (`Kế hoạch`).
    pub fn label(self) -> &'static str {
        self.name().1
    }

    fn name(self) -> (&'static str, &'static str, &'static str) {
        match self {
            DraftType::Ctr => ("CHƯƠNG TRÌNH", "Chương trình", "CTr"),
            DraftType::Kh => ("KẾ HOẠCH", "Kế hoạch", "KH"),
            DraftType::CtrHd => ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình hành động", "CTr"),
        }
    }
}

/// A new draft as the user asked for it (the new-draft form, or the command line's
/// words): checked and completed by [`ScaffoldRequest::new`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DraftRequest {
    /// Province or city, any spelling the gazetteer knows.
    pub province: String,
    /// Issuer.
    pub issuer: IssuerKind,
    /// Type of the draft.
    pub doc_type: DraftType,
    /// Year of the document.
    pub year: u16,
    /// ISO date that decides which names apply; by default from the year and today
    /// ([`reference_date`]).
    #[serde(default)]
    pub date: Option<String>,
    /// Signer's name (blank: none yet).
    #[serde(default)]
    pub signer: Option<String>,
    /// Signer's title (blank: the issuer's usual one).
    #[serde(default)]
    pub signer_title: Option<String>,
}

/// What to scaffold.
#[derive(Debug, Clone)]
pub struct ScaffoldRequest {
    /// Province or city, any spelling the gazetteer knows.
    pub province: String,
    /// Issuer.
    pub issuer: IssuerKind,
    /// Type of the draft.
    pub doc_type: DraftType,
    /// Year of the document.
    pub year: u16,
    /// ISO date that decides which names apply (see [`reference_date`]).
    pub date: String,
    /// Signer's name, if known.
    pub signer: Option<String>,
    /// Signer's title (`BÍ THƯ`, `PHÓ BÍ THƯ`, `PHÓ CHỦ TỊCH`), if not the default.
    pub signer_title: Option<String>,
}

/// The years a draft may carry.
pub const YEARS: std::ops::RangeInclusive<u16> = 1945..=2100;

impl ScaffoldRequest {
    /// Checks a request and completes it: the year in range, a real date (by default
    /// the one [`reference_date`] gives for `today`, an ISO date), blank fields as none.
    pub fn new(r: DraftRequest, today: &str) -> Result<ScaffoldRequest, ScaffoldError> {
        let province = r.province.trim().to_string();
        if province.is_empty() {
            return Err(ScaffoldError::NoProvince);
        }
        if !YEARS.contains(&r.year) {
            return Err(ScaffoldError::BadYear(r.year));
        }
        let date = match r.date.map(|d| d.trim().to_string()) {
            Some(d) if is_iso_date(&d) => d,
            Some(d) => return Err(ScaffoldError::BadDate(d)),
            None => reference_date(r.year, today),
        };
        let given = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(ScaffoldRequest {
            province,
            issuer: r.issuer,
            doc_type: r.doc_type,
            year: r.year,
            date,
            signer: given(r.signer),
            signer_title: given(r.signer_title),
        })
    }
}

/// `YYYY-MM-DD` naming a day that exists.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit()));
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let (y, m, d): (u32, u32, u32) = (y.parse().unwrap_or(0), m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[derive(Debug, Clone, Deserialize)]
struct Dated {
    #[serde(alias = "name")]
    text: String,
    #[serde(default)]
    valid_from: Option<String>,
    #[serde(default)]
    valid_until: Option<String>,
}

impl Dated {
    fn applies(&self, date: &str) -> bool {
        self.valid_from.as_deref().is_none_or(|f| f <= date)
            && self.valid_until.as_deref().is_none_or(|u| date <= u)
    }
}

/// Recipient lists, standard assignments and dated body names.
#[derive(Debug, Clone)]
pub struct Presets {
    recipients: HashMap<String, Vec<Dated>>,
    assignments: HashMap<String, Vec<String>>,
    bodies: HashMap<String, Vec<Dated>>,
}

const RECIPIENTS: &str = include_str!("../../../templates/presets/recipients.json");
const ASSIGNMENTS: &str = include_str!("../../../templates/presets/assignments.json");
const BODIES: &str = include_str!("../../../templates/presets/bodies.json");

impl Presets {
    /// Reads presets from the JSON of the three preset files.
    pub fn from_json(recipients: &str, assignments: &str, bodies: &str) -> Result<Presets, ScaffoldError> {
        fn read<T: serde::de::DeserializeOwned>(s: &str) -> Result<HashMap<String, T>, ScaffoldError> {
            let mut v: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(s).map_err(|e| ScaffoldError::BadTemplate(e.to_string()))?;
            v.retain(|k, _| !k.starts_with('_'));
            serde_json::from_value(serde_json::Value::Object(v))
                .map_err(|e| ScaffoldError::BadTemplate(e.to_string()))
        }
        Ok(Presets { recipients: read(recipients)?, assignments: read(assignments)?, bodies: read(bodies)? })
    }

    /// The presets shipped in `templates/presets/`.
    pub fn builtin() -> Presets {
        Presets::from_json(RECIPIENTS, ASSIGNMENTS, BODIES).expect("built-in presets are valid")
    }

    fn body(&self, key: &str, date: &str) -> String {
        self.bodies
            .get(key)
            .and_then(|v| v.iter().find(|d| d.applies(date)))
            .map(|d| d.text.clone())
            .unwrap_or_default()
    }
}

/// Why a scaffold cannot be made. Messages are for the user, in Vietnamese.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ScaffoldError {
    /// Not a known province.
    #[error("Không có tỉnh, thành phố «{0}» trong danh sách đơn vị hành chính.")]
    UnknownProvince(String),
    /// A former province used for a date after it was merged.
    #[error("«{name}» không còn là đơn vị hành chính cấp tỉnh từ ngày {since} (đã sắp xếp vào {into}); hãy chọn {into} hoặc một năm trước đó.")]
    MergedProvince {
        /// The former name.
        name: String,
        /// The unit it became part of.
        into: String,
        /// Since when (`01/7/2025`), from the gazetteer's data.
        since: String,
    },
    /// A unit that did not exist yet on the date.
    #[error("«{0}» chưa là đơn vị hành chính cấp tỉnh vào năm của văn bản.")]
    NotYet(String),
    /// Bad template data.
    #[error("Dữ liệu mẫu không hợp lệ: {0}")]
    BadTemplate(String),
    /// No province given.
    #[error("Hãy chọn tỉnh, thành phố ban hành.")]
    NoProvince,
    /// Not an issuer.
    #[error("Cơ quan ban hành «{0}» không hợp lệ (tinh-uy, ban-thuong-vu, ubnd).")]
    BadIssuer(String),
    /// Not a type of draft.
    #[error("Loại văn bản «{0}» không hợp lệ (CTr, KH, CTrHĐ).")]
    BadType(String),
    /// A year out of range.
    #[error("Năm {0} không hợp lệ.")]
    BadYear(u16),
    /// Not a date.
    #[error("Ngày «{0}» không hợp lệ (viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-03-15).")]
    BadDate(String),
    /// Not a known parent.
    #[error("Không có văn bản cấp trên «{0}».")]
    UnknownParent(String),
}

/// Names a unit takes in a document.
struct Place {
    name: String,
    city: bool,
}

impl Place {
    fn cap(&self) -> &'static str {
        if self.city {
            "thành phố"
        } else {
            "tỉnh"
        }
    }
    fn committee(&self) -> &'static str {
        if self.city {
            "Thành ủy"
        } else {
            "Tỉnh ủy"
        }
    }
    /// The place as written in the place-date line.
    fn place_line(&self) -> String {
        if self.name == "Hồ Chí Minh" {
            "Thành phố Hồ Chí Minh".into()
        } else {
            self.name.clone()
        }
    }
}

fn resolve_place(req: &ScaffoldRequest, places: &Gazetteer) -> Result<Place, ScaffoldError> {
    let name =
        places.lookup(&req.province).ok_or_else(|| ScaffoldError::UnknownProvince(req.province.clone()))?;
    let set = places.set_on(&req.date);
    if let Some(unit) = set.and_then(|s| s.units.iter().find(|u| u.name == name)) {
        return Ok(Place { name: unit.name.clone(), city: unit.kind == PlaceKind::City });
    }
    match places.merged_into(name) {
        Some((into, from)) if from.is_none_or(|f| req.date.as_str() >= f) => {
            Err(ScaffoldError::MergedProvince {
                name: name.to_string(),
                into: into.name.clone(),
                since: from.map(display_date).unwrap_or_default(),
            })
        }
        _ => Err(ScaffoldError::NotYet(name.to_string())),
    }
}

/// `2025-07-01` → `01/7/2025`, as dates are written in running text.
fn display_date(iso: &str) -> String {
    let mut p = iso.splitn(3, '-');
    match (p.next(), p.next().and_then(|m| m.parse::<u8>().ok()), p.next()) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// Builds the draft.
pub fn scaffold(
    parent: &ParentTemplate,
    req: &ScaffoldRequest,
    presets: &Presets,
    places: &Gazetteer,
) -> Result<Document, ScaffoldError> {
    scaffold_with(parent, req, presets, places, &ScaffoldOptions::default())
}

/// [`scaffold`] in a chosen style and depth ([`ScaffoldOptions`]): «theo bố cục nghị
/// quyết» mirrors the parent, «kế hoạch» lays out the four parts of a plan with the
/// parent's task groups under NHIỆM VỤ, GIẢI PHÁP.
pub fn scaffold_with(
    parent: &ParentTemplate,
    req: &ScaffoldRequest,
    presets: &Presets,
    places: &Gazetteer,
    opts: &ScaffoldOptions,
) -> Result<Document, ScaffoldError> {
    let place = resolve_place(req, places)?;
    let (type_caps, type_name, type_abbr) = req.doc_type.name();
    let party = req.issuer != IssuerKind::Ubnd;
    let upper_name = place.name.to_uppercase();
    let cap_upper = place.cap().to_uppercase();
    let committee = place.committee();
    let propaganda = presets.body("propaganda", &req.date);
    let central_propaganda = presets.body("central_propaganda", &req.date);
    let vars: Vec<(&str, &str)> = vec![
        (placeholder::DOC_TYPE, type_name),
        (placeholder::COMMITTEE, committee),
        (placeholder::LEVEL, place.cap()),
        (placeholder::PROVINCE, &place.name),
        (placeholder::PROPAGANDA, &propaganda),
        (placeholder::CENTRAL_PROPAGANDA, &central_propaganda),
        (placeholder::PARENT, &parent.short_citation),
    ];

    let mut doc = Document {
        kind: Some(if party { DocKind::Party } else { DocKind::State }),
        province: Some(place.name.clone()),
        draft: true,
        draft_marker: Some("Dự thảo".into()),
        doc_type: Some(type_caps.into()),
        parent: Some(ParentRef { id: parent.id.clone(), citation: parent.citation.clone() }),
        ..Document::default()
    };
    if party {
        doc.national_heading = vec!["ĐẢNG CỘNG SẢN VIỆT NAM".into()];
        doc.parent_body = Some(format!("ĐẢNG BỘ {cap_upper} {upper_name}"));
        doc.issuer = Some(format!("{} {upper_name}", committee.to_uppercase()));
        doc.number = Some(DocNumber {
            raw: format!("Số    -{type_abbr}/TU"),
            seq: None,
            type_abbr: Some(type_abbr.into()),
            issuer_abbr: Some("TU".into()),
        });
    } else {
        doc.national_heading =
            vec!["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(), "Độc lập - Tự do - Hạnh phúc".into()];
        doc.issuer = Some(format!("ỦY BAN NHÂN DÂN {cap_upper} {upper_name}"));
        doc.number = Some(DocNumber {
            raw: format!("Số:      /{type_abbr}-UBND"),
            seq: None,
            type_abbr: Some(type_abbr.into()),
            issuer_abbr: Some("UBND".into()),
        });
    }
    doc.place_date = Some(PlaceDate {
        raw: format!("{}, ngày      tháng      năm {}", place.place_line(), req.year),
        place: Some(place.place_line()),
        day: None,
        month: None,
        year: Some(req.year),
    });
    let subject = if parent.subject.is_empty() { String::new() } else { format!(" {}", parent.subject) };
    doc.summary = Some(format!("thực hiện {}{subject}", parent.citation));

    let issuing_body = match req.issuer {
        IssuerKind::TinhUy => format!("{committee} {}", place.name),
        IssuerKind::BanThuongVu => format!("Ban Thường vụ {committee} {}", place.name),
        IssuerKind::Ubnd => format!("Ủy ban nhân dân {} {}", place.cap(), place.name),
    };
    let mut cited = format!("Thực hiện {}{subject}", parent.citation);
    for r in &parent.related {
        cited.push_str(&format!("; {r}"));
    }
    doc.preamble = vec![format!("{cited}, {issuing_body} ban hành {type_name} thực hiện như sau:")];

    // Body: the parent's structure, each section linked to what it implements.
    let roman_sep = if party { "-" } else { "." };
    doc.sections = body(parent, opts, req.issuer, presets, &vars, roman_sep);

    doc.recipients = presets
        .recipients
        .get(req.issuer.key())
        .map(|list| list.iter().filter(|d| d.applies(&req.date)).map(|d| fill(&d.text, &vars)).collect())
        .unwrap_or_default();

    let title = req.signer_title.clone().map(|t| t.to_uppercase());
    doc.signature = Some(match req.issuer {
        IssuerKind::TinhUy => Signature {
            authority: Some(format!("T/M {}", committee.to_uppercase())),
            delegation: None,
            title: Some(title.unwrap_or_else(|| "BÍ THƯ".into())),
            name: req.signer.clone(),
        },
        IssuerKind::BanThuongVu => Signature {
            authority: Some("T/M BAN THƯỜNG VỤ".into()),
            delegation: None,
            title: Some(title.unwrap_or_else(|| "BÍ THƯ".into())),
            name: req.signer.clone(),
        },
        IssuerKind::Ubnd => {
            let title = title.unwrap_or_else(|| "CHỦ TỊCH".into());
            Signature {
                authority: Some("TM. ỦY BAN NHÂN DÂN".into()),
                delegation: title.starts_with("PHÓ").then(|| "KT. CHỦ TỊCH".into()),
                title: Some(title),
                name: req.signer.clone(),
            }
        }
    });
    Ok(doc)
}

/// The body of a draft: the parent's sections mirrored, or the style's fixed sections.
fn body(
    parent: &ParentTemplate,
    opts: &ScaffoldOptions,
    issuer: IssuerKind,
    presets: &Presets,
    vars: &[(&str, &str)],
    roman_sep: &str,
) -> Vec<Section> {
    let link = |path: &str| Some(format!("{}#{path}", parent.id));
    // A parent section's children as the draft's: `1.` … linked, `a)` … when deep.
    let mirror_children = |ps: &ParentSection| -> Vec<Section> {
        ps.children
            .iter()
            .enumerate()
            .map(|(j, c)| {
                let mut child = Section::new(format!("{}.", j + 1), LabelKind::Arabic, c.title.clone());
                child.implements = link(&c.path);
                if opts.depth == Depth::Items {
                    for (k, g) in c.children.iter().enumerate() {
                        let mut item = Section::new(
                            format!("{})", to_letter(k as u32 + 1)),
                            LabelKind::Letter,
                            g.title.clone(),
                        );
                        item.implements = link(&g.path);
                        child.children.push(item);
                    }
                }
                child
            })
            .collect()
    };
    let top = |i: usize, title: &str| {
        Section::new(format!("{}{roman_sep}", to_roman(i as u32 + 1)), LabelKind::Roman, title.to_uppercase())
    };
    let is_organisation = |t: &str| fold(t).contains("to chuc thuc hien");
    let mut out = Vec::new();
    if opts.style.mirror || opts.style.sections.is_empty() {
        for (i, ps) in parent.sections.iter().enumerate() {
            let mut s = top(i, &ps.title);
            s.implements = link(&ps.path);
            s.children = if is_organisation(&ps.title) {
                assignments(presets, issuer, vars, &parent.id, &ps.path)
            } else {
                mirror_children(ps)
            };
            out.push(s);
        }
    } else {
        let find = |words: &[String]| {
            parent.sections.iter().find(|p| {
                let f = fold(&p.title);
                words.iter().any(|w| f.contains(w.as_str()))
            })
        };
        for (i, st) in opts.style.sections.iter().enumerate() {
            let mut s = top(i, &st.title);
            if st.assignments {
                let org = parent.sections.iter().find(|p| is_organisation(&p.title));
                s.implements = org.and_then(|p| link(&p.path));
                s.children =
                    assignments(presets, issuer, vars, &parent.id, org.map_or("", |p| p.path.as_str()));
                if org.is_none() {
                    s.children.iter_mut().for_each(|c| c.implements = None);
                }
            } else if !st.from_parent.is_empty() {
                if let Some(ps) = find(&st.from_parent) {
                    s.implements = link(&ps.path);
                    s.children = mirror_children(ps);
                }
            } else {
                s.implements = find(&st.link).and_then(|p| link(&p.path));
                s.children = st
                    .children
                    .iter()
                    .enumerate()
                    .map(|(j, t)| Section::new(format!("{}.", j + 1), LabelKind::Arabic, t.clone()))
                    .collect();
            }
            out.push(s);
        }
    }
    if !out.iter().any(|s| is_organisation(&s.title)) {
        let mut s = top(out.len(), "TỔ CHỨC THỰC HIỆN");
        s.children = assignments(presets, issuer, vars, &parent.id, "");
        for c in &mut s.children {
            c.implements = None;
        }
        out.push(s);
    }
    out
}

fn assignments(
    presets: &Presets,
    issuer: IssuerKind,
    vars: &[(&str, &str)],
    parent_id: &str,
    path: &str,
) -> Vec<Section> {
    presets
        .assignments
        .get(issuer.key())
        .map(|items| {
            items
                .iter()
                .enumerate()
                .map(|(k, t)| {
                    let mut s = Section::new(format!("{}.", k + 1), LabelKind::Arabic, "");
                    s.paragraphs.push(fill(t, vars));
                    s.implements = Some(format!("{parent_id}#{path}"));
                    s
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(province: &str, issuer: IssuerKind, year: u16) -> ScaffoldRequest {
        ScaffoldRequest {
            province: province.into(),
            issuer,
            doc_type: DraftType::Kh,
            year,
            date: reference_date(year, "2026-11-23"),
            signer: None,
            signer_title: None,
        }
    }

    #[test]
    fn names_follow_the_date() {
        let p = ParentTemplate::builtin("45-NQ/TW").unwrap();
        let g = Gazetteer::builtin();
        let pr = Presets::builtin();
        let d = scaffold(&p, &req("Hà Giang", IssuerKind::BanThuongVu, 2024), &pr, &g).unwrap();
        assert!(d.recipients.contains(&"Ban Tuyên giáo Trung ương (báo cáo)".to_string()));
        assert!(d.recipients.contains(&"Các huyện ủy, thị ủy, thành ủy".to_string()));
        let d = scaffold(&p, &req("Tuyên Quang", IssuerKind::TinhUy, 2026), &pr, &g).unwrap();
        assert!(d.recipients.contains(&"Ban Tuyên giáo và Dân vận Trung ương (báo cáo)".to_string()));
        assert!(!d.recipients.iter().any(|r| r.contains("huyện")));
        let last = &d.sections.last().unwrap().children.last().unwrap().paragraphs[0];
        assert!(last.starts_with("Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì"), "{last}");
        assert_eq!(
            scaffold(&p, &req("Hà Giang", IssuerKind::TinhUy, 2026), &pr, &g).unwrap_err(),
            ScaffoldError::MergedProvince {
                name: "Hà Giang".into(),
                into: "Tuyên Quang".into(),
                since: "01/7/2025".into()
            }
        );
        assert!(matches!(
            scaffold(&p, &req("Atlantis", IssuerKind::Ubnd, 2026), &pr, &g),
            Err(ScaffoldError::UnknownProvince(_))
        ));
    }

    #[test]
    fn sections_link_to_the_parent() {
        let p = ParentTemplate::builtin("45-NQ/TW").unwrap();
        let d =
            scaffold(&p, &req("Cần Thơ", IssuerKind::Ubnd, 2026), &Presets::builtin(), &Gazetteer::builtin())
                .unwrap();
        let iii = &d.sections[2];
        assert_eq!(iii.label, "III.");
        assert_eq!(iii.children.len(), 5);
        assert_eq!(iii.children[2].implements.as_deref(), Some("45-NQ/TW#III.3"));
        assert_eq!(d.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"));
        assert_eq!(d.number.as_ref().unwrap().raw, "Số:      /KH-UBND");
    }

    #[test]
    fn a_programme_of_action_is_cited_by_its_whole_type() {
        let doc = crate::input::parse_text(
            "TỈNH ỦY QUẢNG NINH\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 41-CTr/TU\nQuảng Ninh, ngày 18 tháng 3 năm 2024\n\
             CHƯƠNG TRÌNH\nhành động thực hiện Nghị quyết số 45-NQ/TW\n-----\nI- MỤC ĐÍCH, YÊU CẦU\n",
        );
        let p = ParentTemplate::from_document(&doc);
        assert_eq!(p.short_citation, "Chương trình hành động số 41-CTr/TU");
        assert_eq!(p.subject, "thực hiện Nghị quyết số 45-NQ/TW");
        let d = scaffold(
            &p,
            &req("Quảng Ninh", IssuerKind::Ubnd, 2024),
            &Presets::builtin(),
            &Gazetteer::builtin(),
        )
        .unwrap();
        assert_eq!(
            d.summary.as_deref(),
            Some("thực hiện Chương trình hành động số 41-CTr/TU, ngày 18/03/2024 của Tỉnh ủy Quảng Ninh thực hiện Nghị quyết số 45-NQ/TW")
        );
    }

    fn form(year: u16) -> DraftRequest {
        DraftRequest {
            province: " Cao Bằng ".into(),
            issuer: IssuerKind::parse("Ban thường vụ").unwrap(),
            doc_type: DraftType::parse("KẾ HOẠCH").unwrap(),
            year,
            date: None,
            signer: Some("  ".into()),
            signer_title: Some(" PHÓ BÍ THƯ ".into()),
        }
    }

    #[test]
    fn a_request_is_checked_and_completed() {
        let r = ScaffoldRequest::new(form(2024), "2026-12-02").unwrap();
        assert_eq!((r.province.as_str(), r.date.as_str()), ("Cao Bằng", "2024-12-31"));
        assert_eq!((r.signer, r.signer_title.as_deref()), (None, Some("PHÓ BÍ THƯ")));
        assert_eq!(ScaffoldRequest::new(form(2026), "2026-12-02").unwrap().date, "2026-12-02");
        assert_eq!(ScaffoldRequest::new(form(1900), "2026-12-02").unwrap_err(), ScaffoldError::BadYear(1900));
        let dated =
            |d: &str| ScaffoldRequest::new(DraftRequest { date: Some(d.into()), ..form(2024) }, "2026-12-02");
        assert_eq!(dated("2024-02-29").unwrap().date, "2024-02-29");
        for bad in ["2023-02-29", "2024-13-01", "24-1-1", "2024/01/01", "2024-04-31"] {
            assert_eq!(dated(bad).unwrap_err(), ScaffoldError::BadDate(bad.into()), "{bad}");
        }
        let blank = DraftRequest { province: " ".into(), ..form(2024) };
        assert_eq!(ScaffoldRequest::new(blank, "2026-12-02").unwrap_err(), ScaffoldError::NoProvince);
        assert!(matches!(IssuerKind::parse("huyện ủy"), Err(ScaffoldError::BadIssuer(_))));
        assert!(matches!(DraftType::parse("QĐ"), Err(ScaffoldError::BadType(_))));
    }

    #[test]
    fn issuers_and_their_kinds_and_types() {
        assert_eq!(IssuerKind::Ubnd.kind(), DocKind::State);
        assert_eq!(IssuerKind::BanThuongVu.kind(), DocKind::Party);
        assert_eq!(IssuerKind::Ubnd.usual_types(), &[DraftType::Kh]);
        assert_eq!(IssuerKind::TinhUy.usual_types()[0], DraftType::Ctr);
        let json = serde_json::to_string(&(IssuerKind::BanThuongVu, DraftType::CtrHd)).unwrap();
        assert_eq!(json, r#"["ban-thuong-vu","ctrhd"]"#);
    }

    #[test]
    fn built_in_parents_and_the_section_a_heading_names() {
        let all = ParentTemplate::builtins();
        assert_eq!(all.len(), 1);
        let p = ParentTemplate::builtin("45 nq/tw").unwrap();
        assert!(p
            .title()
            .starts_with("Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương"));
        assert!(p.title().contains("về tiếp tục xây dựng"), "{}", p.title());
        let heading = "Tăng cường quản lý nhà nước, hoàn thiện cơ chế, chính sách đối với đội ngũ trí thức";
        assert_eq!(parent_section_of(heading, &all).as_deref(), Some("45-NQ/TW#III.3"));
        assert_eq!(parent_section_of(" 45-NQ/TW#II.1 ", &all).as_deref(), Some("45-NQ/TW#II.1"));
        assert_eq!(parent_section_of("Phát triển du lịch biển đảo", &all), None);
    }

    #[test]
    fn issuer_names_in_running_text() {
        assert_eq!(issuer_display("TỈNH ỦY HÀ TĨNH"), "Tỉnh ủy Hà Tĩnh");
        assert_eq!(issuer_display("ỦY BAN NHÂN DÂN TỈNH LÀO CAI"), "Ủy ban nhân dân tỉnh Lào Cai");
    }
}
