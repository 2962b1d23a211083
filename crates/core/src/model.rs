//! The document model: one structured value for a Party or State programme/plan.
//!
//! The JSON produced by serde from [`Document`] is the stable interchange format of the
//! project (CLI `--json`, draft files, the store). Field names are part of that contract:
//! add fields, never rename them.

use serde::{Deserialize, Serialize};

/// Which rule set a document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// Party documents (Tỉnh ủy, Ban Thường vụ): Hướng dẫn 36-HD/VPTW.
    Party,
    /// State documents (UBND): Nghị định 30/2020/NĐ-CP.
    State,
}

/// A parsed or drafted document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Document {
    /// Party or State, when it can be told.
    pub kind: Option<DocKind>,
    /// National heading lines as written (`ĐẢNG CỘNG SẢN VIỆT NAM`, or the two State lines).
    pub national_heading: Vec<String>,
    /// Parent Party body above the issuer (`ĐẢNG BỘ TỈNH HÀ GIANG`).
    pub parent_body: Option<String>,
    /// Issuing body, as written in the header or inferred from the text
    /// (`TỈNH ỦY HÀ GIANG`, `Ban Thường vụ Tỉnh ủy Cao Bằng`, `ỦY BAN NHÂN DÂN TỈNH LÀO CAI`).
    pub issuer: Option<String>,
    /// Province or city name in its usual spelling (`Hà Giang`).
    pub province: Option<String>,
    /// The document number.
    pub number: Option<DocNumber>,
    /// The place and date line.
    pub place_date: Option<PlaceDate>,
    /// Whether the document is a draft (dự thảo).
    pub draft: bool,
    /// The draft marker as written (`(dự thảo)`, `Dự thảo lần 2`).
    pub draft_marker: Option<String>,
    /// Type name in capitals (`CHƯƠNG TRÌNH`, `KẾ HOẠCH`, `CHƯƠNG TRÌNH HÀNH ĐỘNG`).
    pub doc_type: Option<String>,
    /// A capitalised line that some documents put under the type name
    /// (`CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH`).
    pub doc_type_extra: Option<String>,
    /// The summary (trích yếu), one string.
    pub summary: Option<String>,
    /// Preamble paragraphs (căn cứ, thực hiện …).
    pub preamble: Vec<String>,
    /// The numbered body.
    pub sections: Vec<Section>,
    /// Closing line (`Trên đây là Chương trình …`).
    pub closing: Option<String>,
    /// One entry per recipient, without the list dash and the trailing comma;
    /// notes such as `(báo cáo)` kept.
    pub recipients: Vec<String>,
    /// Signature block.
    pub signature: Option<Signature>,
    /// Footnotes in document order.
    pub footnotes: Vec<Footnote>,
    /// What looked wrong while reading; never fatal.
    pub diagnostics: Vec<Diagnostic>,
    /// The parent document this one implements (drafts made from a scaffold).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<ParentRef>,
}

/// The parent document a draft implements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct ParentRef {
    /// Identifier (`45-NQ/TW`); section links are `ID#PATH`.
    pub id: String,
    /// How the parent is cited (`Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của …`).
    pub citation: String,
}

/// A document number such as `Số 37-CTr/TU` or `Số: 3586/KH-UBND`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct DocNumber {
    /// The line as written (`Số    -CTr/TU`).
    pub raw: String,
    /// Sequence number; `None` when left blank in a draft.
    pub seq: Option<String>,
    /// Type abbreviation (`CTr`, `KH`, `NQ`).
    pub type_abbr: Option<String>,
    /// Issuer abbreviation (`TU`, `UBND`, `BTV`).
    pub issuer_abbr: Option<String>,
}

/// The place-date line (`Hà Giang, ngày  tháng 02 năm 2024`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct PlaceDate {
    /// The line as written.
    pub raw: String,
    /// The place (`Hà Giang`).
    pub place: Option<String>,
    /// Day of month; `None` when blank.
    pub day: Option<u8>,
    /// Month; `None` when blank.
    pub month: Option<u8>,
    /// Year; `None` when blank.
    pub year: Option<u16>,
}

/// How a section label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum LabelKind {
    /// `I-`, `II.`
    Roman,
    /// `1.`, `2-`
    Arabic,
    /// `2.1.`, `2.1.3`
    Decimal,
    /// `(1)`, `1)`
    Parenthesised,
    /// `a)`, `đ)`
    Letter,
}

/// A numbered section of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Section {
    /// The label exactly as written (`III-`, `2.1.`, `(1)`, `a)`).
    pub label: String,
    /// How the label is written.
    pub label_kind: LabelKind,
    /// The heading text; empty when the numbered item is a paragraph that runs on
    /// (its text is then the first paragraph).
    pub title: String,
    /// Paragraphs in order; bullets keep their marker (`- …`, `+ …`).
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Sub-sections.
    #[serde(default)]
    pub children: Vec<Section>,
    /// The parent-document section this section implements (`45-NQ/TW#III.2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implements: Option<String>,
    /// Bold and italic spans, where the source had them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emphasis: Vec<Emphasis>,
}

/// A bold or italic span inside a section's title or one of its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Emphasis {
    /// Paragraph index, or `None` for the title.
    pub paragraph: Option<usize>,
    /// Start, in characters.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

/// The signature block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Signature {
    /// Authority (`T/M BAN THƯỜNG VỤ`, `TM. ỦY BAN NHÂN DÂN`).
    pub authority: Option<String>,
    /// Delegation line (`KT. CHỦ TỊCH`).
    pub delegation: Option<String>,
    /// Title of the signer (`PHÓ BÍ THƯ`).
    pub title: Option<String>,
    /// Name of the signer.
    pub name: Option<String>,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Footnote {
    /// Identifier as written (`1`).
    pub id: String,
    /// Text of the note.
    pub text: String,
    /// Where the note mark stands, when known.
    #[serde(default)]
    pub anchor: Option<Anchor>,
}

/// Where a footnote mark stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Anchor {
    /// Which part of the document holds the mark.
    pub part: AnchorPart,
    /// Section path (`III.2`) when the part is a section.
    #[serde(default)]
    pub section: Option<String>,
    /// Paragraph index within the part; `None` for a section title.
    #[serde(default)]
    pub paragraph: Option<usize>,
    /// Character offset of the mark within that text.
    pub offset: usize,
}

/// Parts of a document that can carry a footnote mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum AnchorPart {
    /// The summary.
    Summary,
    /// A preamble paragraph.
    Preamble,
    /// A body section.
    Section,
    /// The closing line.
    Closing,
}

/// Something that looked wrong while reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Diagnostic {
    /// Stable machine-readable code (`numbering-gap`).
    pub code: String,
    /// Message in Vietnamese for the user.
    pub message: String,
    /// 1-based line (text) or paragraph (docx) number, when known.
    pub line: Option<usize>,
}

impl Diagnostic {
    pub(crate) fn new(code: &str, message: impl Into<String>, line: Option<usize>) -> Self {
        Diagnostic { code: code.to_string(), message: message.into(), line }
    }
}

impl Section {
    /// A section with a label and a title and nothing else.
    pub fn new(label: impl Into<String>, label_kind: LabelKind, title: impl Into<String>) -> Self {
        Section {
            label: label.into(),
            label_kind,
            title: title.into(),
            paragraphs: Vec::new(),
            children: Vec::new(),
            implements: None,
            emphasis: Vec::new(),
        }
    }

    /// The label without punctuation, as used in section paths (`III-` → `III`,
    /// `(1)` → `1`, `2.1.` → `2.1`).
    pub fn path_segment(&self) -> String {
        path_segment(&self.label)
    }
}

/// The label without punctuation (`III-` → `III`, `(1)` → `1`, `2.1.` → `2.1`).
pub fn path_segment(label: &str) -> String {
    let t: &str = label.trim().trim_matches(|c: char| !c.is_alphanumeric());
    t.to_string()
}

/// The path segments of sibling sections, made unique: a label repeated among
/// siblings (a numbering mistake) gets `~2`, `~3` … so every section has its own path.
pub fn path_segments(siblings: &[Section]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(siblings.len());
    for s in siblings {
        let seg = s.path_segment();
        let seen = out.iter().filter(|o| o.split('~').next() == Some(seg.as_str())).count();
        out.push(if seen == 0 { seg } else { format!("{seg}~{}", seen + 1) });
    }
    out
}

impl Document {
    /// Visits every section depth-first with its path (`III.2`).
    pub fn walk_sections<'a>(&'a self, mut f: impl FnMut(&str, &'a Section)) {
        fn go<'a>(prefix: &str, secs: &'a [Section], f: &mut impl FnMut(&str, &'a Section)) {
            for (s, seg) in secs.iter().zip(path_segments(secs)) {
                let path = if prefix.is_empty() { seg } else { format!("{prefix}.{seg}") };
                f(&path, s);
                go(&path, &s.children, f);
            }
        }
        go("", &self.sections, &mut f);
    }

    /// The section at a path such as `III.2`, if any.
    pub fn section_at(&self, path: &str) -> Option<&Section> {
        let mut found = None;
        self.walk_sections(|p, s| {
            if found.is_none() && p == path {
                found = Some(s);
            }
        });
        found
    }

    /// The same document with every string in NFC (a model written by hand, by
    /// another tool or by the window may hold NFD text).
    pub fn into_nfc(self) -> Document {
        let json = serde_json::to_string(&self).expect("a document serialises");
        serde_json::from_str(&crate::text::nfc(&json)).expect("NFC keeps JSON valid")
    }

    /// All the words of the document, one text (header, summary, body, closing,
    /// recipients, signature, footnotes): what a library search looks in.
    pub fn plain_text(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.issuer.as_deref());
        parts.extend(self.province.as_deref());
        parts.extend(self.doc_type.as_deref());
        parts.extend(self.summary.as_deref());
        parts.extend(self.preamble.iter().map(String::as_str));
        self.walk_sections(|_, s| {
            parts.push(&s.label);
            parts.push(&s.title);
            parts.extend(s.paragraphs.iter().map(String::as_str));
        });
        parts.extend(self.closing.as_deref());
        parts.extend(self.recipients.iter().map(String::as_str));
        if let Some(sig) = &self.signature {
            parts.extend(
                [&sig.authority, &sig.delegation, &sig.title, &sig.name]
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            );
        }
        parts.extend(self.footnotes.iter().map(|f| f.text.as_str()));
        parts.join("\n")
    }
}
