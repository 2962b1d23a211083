//! The checker's data, compiled in from `templates/check/`: outdated names with their
//! validity dates, spelling slips, legitimate doubled words, document type codes and
//! known documents. Read once.

use serde::Deserialize;
use std::sync::OnceLock;

const NAMES: &str = include_str!("../../../../templates/check/names.json");
const WORDS: &str = include_str!("../../../../templates/check/words.json");
const DOCUMENTS: &str = include_str!("../../../../templates/check/documents.json");

/// A name that stopped existing after `valid_until`.
#[derive(Debug, Clone, Deserialize)]
pub struct OutdatedName {
    /// The name.
    pub name: String,
    /// Other spellings of it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Last day in force (ISO date).
    pub valid_until: String,
    /// The successor when it is certain.
    pub replacement: Option<String>,
    /// `error` or `warning`.
    pub severity: String,
    /// Where the change comes from.
    pub source: String,
}

/// A spelling slip and its correction.
#[derive(Debug, Clone, Deserialize)]
pub struct Misspelling {
    /// As mistyped.
    pub wrong: String,
    /// Corrected.
    pub right: String,
}

/// A type code of document numbers and the names it stands for.
#[derive(Debug, Clone, Deserialize)]
pub struct TypeCode {
    /// `NQ`, `CTr`.
    pub code: String,
    /// `Nghị quyết`.
    pub names: Vec<String>,
}

/// A document whose symbol, date and issuer are known.
#[derive(Debug, Clone, Deserialize)]
pub struct KnownDocument {
    /// `45-NQ/TW`.
    pub symbol: String,
    /// `24/11/2023`.
    pub date: String,
    /// `Ban Chấp hành Trung ương`.
    pub issuer: Option<String>,
}

#[derive(Deserialize)]
struct NamesFile {
    names: Vec<OutdatedName>,
}

#[derive(Deserialize)]
struct WordsFile {
    misspellings: Vec<Misspelling>,
    doubled_ok: Vec<String>,
    doubled_phrases_ok: Vec<String>,
}

#[derive(Deserialize)]
struct DocumentsFile {
    type_codes: Vec<TypeCode>,
    issuers: Vec<String>,
    documents: Vec<KnownDocument>,
}

/// Everything the rules read from `templates/check/`.
#[derive(Debug)]
pub struct Data {
    /// Outdated names.
    pub names: Vec<OutdatedName>,
    /// Spelling slips.
    pub misspellings: Vec<Misspelling>,
    /// Words that may legitimately be written twice in a row (lower case).
    pub doubled_ok: Vec<String>,
    /// Phrases that may legitimately be written twice in a row (lower case).
    pub doubled_phrases_ok: Vec<String>,
    /// Type codes.
    pub type_codes: Vec<TypeCode>,
    /// Issuing bodies a citation may name after `của`.
    pub issuers: Vec<String>,
    /// Known documents.
    pub documents: Vec<KnownDocument>,
}

impl Data {
    /// The built-in data (parsed once).
    pub fn builtin() -> &'static Data {
        static DATA: OnceLock<Data> = OnceLock::new();
        DATA.get_or_init(|| {
            let n: NamesFile = serde_json::from_str(NAMES).expect("templates/check/names.json is valid");
            let w: WordsFile = serde_json::from_str(WORDS).expect("templates/check/words.json is valid");
            let d: DocumentsFile =
                serde_json::from_str(DOCUMENTS).expect("templates/check/documents.json is valid");
            Data {
                names: n.names,
                misspellings: w.misspellings,
                doubled_ok: w.doubled_ok.iter().map(|s| s.to_lowercase()).collect(),
                doubled_phrases_ok: w.doubled_phrases_ok.iter().map(|s| s.to_lowercase()).collect(),
                type_codes: d.type_codes,
                issuers: d.issuers,
                documents: d.documents,
            }
        })
    }
}
