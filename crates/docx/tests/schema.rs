//! Exports are valid against the WordprocessingML schema (ECMA-376, transitional): every
//! part is well-formed XML, and the children of every element we write that the schema
//! orders (property elements, settings, styles, tables) come in the schema's order.
//!
//! The sequences below are copied from `wml.xsd` of ECMA-376 Part 1 (transitional).
//! Each is a list of positions; elements named at one position may come in any order
//! among themselves (an `xsd:choice`, or a group written as one).

use banthao_core::profile::FormatProfile;
use banthao_core::Document;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// `EG_RPrBase`, in the order of the schema.
const RPR_BASE: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
];

/// `CT_PPrBase` followed by `CT_PPr`'s extension (`rPr`, `sectPr`, `pPrChange`).
const PPR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

/// `CT_TblPrBase` followed by `CT_TblPr`'s extension.
const TBL_PR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];

/// `CT_TcPrBase`, then `EG_CellMarkupElements` (a choice) and `tcPrChange`.
const TC_PR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns|cellDel|cellMerge",
    "tcPrChange",
];

/// `CT_TrPrBase` is a choice in any order; `CT_TrPr` then adds `ins`, `del`, `trPrChange`.
const TR_PR: &[&str] = &[
    "cnfStyle|divId|gridBefore|gridAfter|wBefore|wAfter|cantSplit|trHeight|tblHeader|tblCellSpacing|jc|hidden",
    "ins",
    "del",
    "trPrChange",
];

/// `CT_SectPr`: `EG_HdrFtrReferences` (a choice), `EG_SectPrContents`, `sectPrChange`.
const SECT_PR: &[&str] = &[
    "headerReference|footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

/// `CT_FtnDocProps` (`CT_FtnProps` with the separator `footnote`s); `CT_FtnProps` in a
/// section is the same without them.
const FOOTNOTE_PR: &[&str] = &["pos", "numFmt", "numStart", "numRestart", "footnote"];

/// `CT_Settings`.
const SETTINGS: &[&str] = &[
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
];

/// `CT_Style`.
const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

/// `CT_Styles`, `CT_DocDefaults`.
const STYLES: &[&str] = &["docDefaults", "latentStyles", "style"];
const DOC_DEFAULTS: &[&str] = &["rPrDefault", "pPrDefault"];

/// `CT_TblBorders`, `CT_TblCellMar`, `CT_PBdr`.
const TBL_BORDERS: &[&str] = &["top", "start", "left", "bottom", "end", "right", "insideH", "insideV"];
const TBL_CELL_MAR: &[&str] = &["top", "start", "left", "bottom", "end", "right"];
const P_BDR: &[&str] = &["top", "left", "bottom", "right", "between", "bar"];

/// `CT_Tbl` (range markup left out: we write none), `CT_Tc`, `CT_P`, `CT_R`, `CT_Body`,
/// `CT_Row`: properties first, then content (`*` stands for any other element).
const TBL: &[&str] = &["tblPr", "tblGrid", "tr"];
const TR: &[&str] = &["tblPrEx", "trPr", "*"];
const FIRST_TC_PR: &[&str] = &["tcPr", "*"];
const FIRST_P_PR: &[&str] = &["pPr", "*"];
const FIRST_R_PR: &[&str] = &["rPr", "*"];
const BODY: &[&str] = &["*", "sectPr"];

/// `CT_ParaRPr` (the paragraph mark's run properties, `rPr` inside `pPr`):
/// `EG_ParaRPrTrackChanges`, then `EG_RPrBase`, then `rPrChange`.
fn para_rpr() -> Vec<&'static str> {
    let mut v = vec!["ins", "del", "moveFrom", "moveTo"];
    v.extend(RPR_BASE);
    v.push("rPrChange");
    v
}

fn rpr() -> Vec<&'static str> {
    let mut v = RPR_BASE.to_vec();
    v.push("rPrChange");
    v
}

/// The sequence that orders the children of `name` (local name) under `parent`.
fn sequence(parent: &str, name: &str) -> Option<Vec<&'static str>> {
    Some(match (parent, name) {
        ("pPr", "rPr") => para_rpr(),
        (_, "rPr") => rpr(),
        (_, "pPr") => PPR.to_vec(),
        (_, "tblPr") => TBL_PR.to_vec(),
        (_, "tcPr") => TC_PR.to_vec(),
        (_, "trPr") => TR_PR.to_vec(),
        (_, "sectPr") => SECT_PR.to_vec(),
        (_, "footnotePr") => FOOTNOTE_PR.to_vec(),
        (_, "settings") => SETTINGS.to_vec(),
        (_, "style") => STYLE.to_vec(),
        (_, "styles") => STYLES.to_vec(),
        (_, "docDefaults") => DOC_DEFAULTS.to_vec(),
        (_, "tblBorders") => TBL_BORDERS.to_vec(),
        (_, "tblCellMar") => TBL_CELL_MAR.to_vec(),
        (_, "pBdr") => P_BDR.to_vec(),
        (_, "tbl") => TBL.to_vec(),
        (_, "tr") => TR.to_vec(),
        (_, "tc") => FIRST_TC_PR.to_vec(),
        (_, "p") => FIRST_P_PR.to_vec(),
        (_, "r") => FIRST_R_PR.to_vec(),
        (_, "body") => BODY.to_vec(),
        _ => return None,
    })
}

/// Position of `child` in `seq`, `None` when the schema does not allow it there.
fn position(seq: &[&str], child: &str) -> Option<usize> {
    seq.iter().position(|s| s.split('|').any(|n| n == child)).or_else(|| seq.iter().position(|s| *s == "*"))
}

/// Whether `c` is a character XML 1.0 allows (`Char` production).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The parts of a .docx as (name, text).
fn parts(docx: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().to_string(), s)
        })
        .collect()
}

/// Checks one part: well-formed, XML characters only, and the schema's order. Returns the
/// problems found.
fn check_part(name: &str, xml: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(c) = xml.chars().find(|c| !xml_char(*c)) {
        problems.push(format!("{name}: character U+{:04X} is not allowed in XML", c as u32));
    }
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    // (local name, sequence, position of the last child seen)
    let mut stack: Vec<(String, Option<Vec<&'static str>>, usize)> = Vec::new();
    loop {
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                problems.push(format!("{name}: not well-formed at {}: {e}", reader.buffer_position()));
                break;
            }
        };
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let local = String::from_utf8(e.local_name().as_ref().to_vec()).unwrap();
                let is_w = e.name().prefix().is_some_and(|p| p.as_ref() == b"w");
                if let Some((parent, Some(seq), last)) = stack.last_mut() {
                    if is_w {
                        match position(seq, &local) {
                            None => problems.push(format!("{name}: w:{local} is not allowed in w:{parent}")),
                            Some(p) if p < *last => problems.push(format!(
                                "{name}: w:{local} comes after w:{} in w:{parent}; the schema puts it before",
                                seq[*last]
                            )),
                            Some(p) => *last = p,
                        }
                    }
                }
                let parent = stack.last().map(|s| s.0.clone()).unwrap_or_default();
                let seq = if is_w { sequence(&parent, &local) } else { None };
                if matches!(ev, Event::Start(_)) {
                    stack.push((local, seq, 0));
                }
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) => {
                if let Err(e) = t.decode() {
                    problems.push(format!("{name}: bad text: {e}"));
                }
            }
            Event::GeneralRef(r) => {
                let ok = r.resolve_char_ref().ok().flatten().is_some_and(xml_char)
                    || r.decode()
                        .ok()
                        .is_some_and(|n| quick_xml::escape::resolve_predefined_entity(&n).is_some());
                if !ok {
                    problems.push(format!("{name}: bad reference &{:?};", r.decode()));
                }
            }
            Event::DocType(_) => problems.push(format!("{name}: DTD")),
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        problems
            .push(format!("{name}: unclosed elements {:?}", stack.iter().map(|s| &s.0).collect::<Vec<_>>()));
    }
    problems
}

/// Every problem in every XML part of a .docx.
fn check_docx(docx: &[u8]) -> Vec<String> {
    parts(docx)
        .iter()
        .filter(|(n, _)| n.ends_with(".xml") || n.ends_with(".rels"))
        .flat_map(|(n, x)| check_part(n, x))
        .collect()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn fixture_text(name: &str) -> Document {
    banthao_core::parse_text(
        &std::fs::read_to_string(format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR")))
            .unwrap(),
    )
}

fn opts() -> banthao_docx::ExportOptions {
    banthao_docx::ExportOptions { created: "2026-11-23T10:30:00Z".into(), author: None }
}

fn assert_valid(what: &str, docx: &[u8]) {
    let problems = check_docx(docx);
    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
}

#[test]
fn party_export_follows_the_schema() {
    let party = FormatProfile::builtin("party").unwrap();
    // Footnotes with marks, bold titles, the header and tail tables.
    let doc = banthao_docx::read_docx(&fixture("synth_quang-ninh_ctr_btv.docx")).unwrap();
    assert!(!doc.footnotes.is_empty());
    assert_valid("party export", &banthao_docx::write_docx(&doc, &party, &opts()));
    let doc = fixture_text("ha-giang_ctr_tinh-uy_du-thao_2024.txt");
    assert_valid("party export of a draft", &banthao_docx::write_docx(&doc, &party, &opts()));
}

#[test]
fn state_export_follows_the_schema() {
    let state = FormatProfile::builtin("state").unwrap();
    let doc = banthao_docx::read_docx(&fixture("synth_lao-cai_kh_ubnd_du-thao.docx")).unwrap();
    assert_valid("state export", &banthao_docx::write_docx(&doc, &state, &opts()));
    let doc = fixture_text("synth_ha-tinh_kh_ubnd.txt");
    assert_valid("state export (text)", &banthao_docx::write_docx(&doc, &state, &opts()));
}

#[test]
fn task_appendix_follows_the_schema() {
    // Party and State profiles; a table with products, partners and empty cells.
    for (file, profile) in [
        ("ha-giang_ctr_tinh-uy_du-thao_2024.txt", "party"),
        ("synth_ha-tinh_kh_ubnd.txt", "state"),
        ("check/synth_lang-son_kh_btv_2026.txt", "party"),
    ] {
        let doc = fixture_text(file);
        let tasks = banthao_core::tasks::tasks(&doc);
        let profile = FormatProfile::builtin(profile).unwrap();
        assert_valid(file, &banthao_docx::write_tasks_docx(&doc, &tasks, &profile, &opts()));
    }
    // No task at all still gives a valid document (the header row alone).
    let doc = fixture_text("synth_ha-tinh_kh_ubnd.txt");
    let party = FormatProfile::builtin("party").unwrap();
    assert_valid("empty appendix", &banthao_docx::write_tasks_docx(&doc, &[], &party, &opts()));
}

#[test]
fn redline_follows_the_schema() {
    let party = FormatProfile::builtin("party").unwrap();
    let ro =
        banthao_docx::RedlineOptions { author: "Văn phòng".into(), date: "2026-11-23T10:30:00Z".into() };
    let b = banthao_docx::read_docx(&fixture("synth_quang-ninh_ctr_btv.docx")).unwrap();
    // A: no header or tail (their tables are inserted rows), edited and moved paragraphs.
    let mut a = b.clone();
    a.national_heading.clear();
    a.parent_body = None;
    a.issuer = None;
    a.number = None;
    a.place_date = None;
    a.recipients.clear();
    a.signature = None;
    a.sections.reverse();
    if let Some(s) = a.sections.first_mut() {
        s.title.push_str(" và nhiệm vụ");
        for p in &mut s.paragraphs {
            p.push_str(" Đã sửa.");
        }
    }
    let both = [(&a, &b), (&b, &a)];
    for (x, y) in both {
        let r = banthao_docx::write_redline(x, y, &party, &ro);
        let document = parts(&r).into_iter().find(|(n, _)| n == "word/document.xml").unwrap().1;
        assert!(document.contains("<w:ins ") && document.contains("<w:del "), "tracked changes");
        assert!(document.contains("<w:trPr><w:cantSplit/><w:"), "a tracked table row");
        assert_valid("redline", &r);
    }
}

#[test]
fn the_checker_finds_misordered_and_broken_xml() {
    let bad = r#"<w:document xmlns:w="w"><w:body><w:tbl><w:tblPr><w:tblW w:w="1"/><w:tblLayout w:type="fixed"/><w:tblBorders/></w:tblPr></w:tbl></w:body></w:document>"#;
    assert_eq!(check_part("t", bad).len(), 1, "{:?}", check_part("t", bad));
    let bad = r#"<w:r xmlns:w="w"><w:rPr><w:u w:val="single"/><w:sz w:val="2"/></w:rPr></w:r>"#;
    assert_eq!(check_part("t", bad).len(), 1);
    let bad = "<w:r xmlns:w=\"w\"><w:t>\u{FFFF}</w:t></w:r>";
    assert_eq!(check_part("t", bad).len(), 1);
    assert!(!check_part("t", r#"<w:p xmlns:w="w"><w:r></w:p>"#).is_empty());
    let good = r#"<w:p xmlns:w="w"><w:pPr><w:keepNext/><w:spacing/><w:jc w:val="both"/><w:rPr><w:ins w:id="1"/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#;
    assert!(check_part("t", good).is_empty(), "{:?}", check_part("t", good));
}

/// The text of the runs of a part: `w:t` and `w:delText` content, `w:tab` as a tab,
/// `w:br` as a newline, each paragraph ended by U+2029.
fn run_text(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if matches!(e.local_name().as_ref(), b"t" | b"delText") => in_text = true,
            Event::End(e) if matches!(e.local_name().as_ref(), b"t" | b"delText") => in_text = false,
            Event::End(e) if e.local_name().as_ref() == b"p" => out.push('\u{2029}'),
            Event::Empty(e) if e.local_name().as_ref() == b"tab" => out.push('\t'),
            Event::Empty(e) if e.local_name().as_ref() == b"br" => out.push('\n'),
            Event::Text(t) if in_text => out.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) if in_text => match r.resolve_char_ref().unwrap() {
                Some(c) => out.push(c),
                None => {
                    out.push_str(quick_xml::escape::resolve_predefined_entity(&r.decode().unwrap()).unwrap())
                }
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// What a string should read back as: characters XML forbids dropped, line breaks as `\n`.
fn expected(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n").chars().filter(|c| xml_char(*c)).collect()
}

/// Strings with what breaks XML writers: C0 controls, U+FFFE/U+FFFF, markup characters,
/// emoji, right-to-left marks, combining marks, tabs and line breaks, any other character.
fn hostile_text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\u{0}',
        '\u{1}',
        '\u{8}',
        '\u{B}',
        '\u{C}',
        '\u{1F}',
        '\u{7F}',
        '\u{85}',
        '\t',
        '\n',
        '\r',
        '\u{FFFE}',
        '\u{FFFF}',
        '\u{FFFD}',
        '&',
        '<',
        '>',
        '"',
        '\'',
        ']',
        ';',
        '#',
        '😀',
        '👍',
        '🇻',
        '🇳',
        '\u{200F}',
        '\u{200E}',
        '\u{202E}',
        '\u{2067}',
        '\u{0301}',
        '\u{0323}',
        '\u{0309}',
        'ạ',
        'Ệ',
        'đ',
        '\u{F0001}',
        '\u{10FFFF}',
        ' ',
        'a',
    ]);
    prop::collection::vec(prop_oneof![3 => special, 1 => any::<char>()], 0..30)
        .prop_map(|cs| cs.into_iter().collect())
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_exports_as_well_formed_xml_and_reads_back(
        texts in prop::collection::vec(hostile_text(), 8),
        state in any::<bool>(),
    ) {
        let mut doc = banthao_core::parse_text(
            "TỈNH ỦY CAO BẰNG\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-CTr/TU\nCao Bằng, ngày 5 tháng 3 năm 2024\nCHƯƠNG TRÌNH\nthực hiện Nghị quyết\n-----\nI- MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu sắc.\n",
        );
        prop_assert!(!doc.sections.is_empty());
        doc.doc_type = Some(texts[0].clone());
        doc.summary = Some(texts[1].clone());
        doc.preamble = vec![texts[2].clone()];
        doc.sections[0].title = format!("Mục {}", texts[3]);
        doc.sections[0].paragraphs = vec![texts[4].clone()];
        doc.closing = Some(texts[5].clone());
        doc.recipients = vec![texts[6].clone()];
        doc.footnotes =
            vec![banthao_core::model::Footnote { id: "1".into(), text: texts[7].clone(), anchor: None }];
        let profile = FormatProfile::builtin(if state { "state" } else { "party" }).unwrap();
        let ro = banthao_docx::RedlineOptions { author: texts[0].clone(), date: "2026-11-23T10:30:00Z".into() };
        let mut older = doc.clone();
        older.sections[0].paragraphs = vec![format!("{} cũ", texts[4])];
        for (what, bytes) in [
            ("export", banthao_docx::write_docx(&doc, &profile, &opts())),
            ("redline", banthao_docx::write_redline(&older, &doc, &profile, &ro)),
        ] {
            let problems = check_docx(&bytes);
            prop_assert!(problems.is_empty(), "{what}: {problems:?}");
            let parts = parts(&bytes);
            let part = |n: &str| run_text(&parts.iter().find(|(p, _)| p == n).unwrap().1);
            let (body, notes) = (part("word/document.xml"), part("word/footnotes.xml"));
            for t in &texts[..7] {
                prop_assert!(body.contains(&expected(t)), "{what}: {t:?} not in {body:?}");
            }
            prop_assert!(notes.contains(&expected(&texts[7])), "{what}: {:?} not in {notes:?}", texts[7]);
        }
        // The crate's own reader accepts what it wrote.
        let back = banthao_docx::docx_text(&banthao_docx::write_docx(&doc, &profile, &opts()));
        prop_assert!(back.is_ok(), "{back:?}");
    }
}

#[test]
fn review_report_follows_the_schema() {
    use banthao_core::review::{locate::review_copy, report};
    let draft = fixture_text("review/draft_v2.txt");
    let mut handled = Vec::new();
    for name in ["so-noi-vu.docx", "Ban Tuyên giáo và Dân vận.docx"] {
        let c = banthao_docx::read_copy(&fixture(&format!("review/{name}"))).unwrap();
        let r = review_copy(&c.copy, &c.sent, Some(&draft), name, None);
        handled.extend(r.items.into_iter().map(|item| report::Handled {
            item,
            status: banthao_core::review::Status::Explained,
            answer: "Giữ như dự thảo <vì> & đã nêu.".into(),
        }));
    }
    let rep = report::report(&handled, &draft, 12);
    for kind in ["party", "state"] {
        let p = FormatProfile::builtin(kind).unwrap();
        assert_valid("review report", &banthao_docx::write_report(&rep, &p, &opts()));
    }
}
