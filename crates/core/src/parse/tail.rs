//! The end of a document: the recipients block (`Nơi nhận:`) and the signature block,
//! in whatever order text extraction left them (one after the other, or interleaved
//! row by row when they stood side by side in a table).

use crate::label::parse_bullet;
use crate::model::{Diagnostic, Signature};
use crate::source::Line;
use crate::text::{fold, is_upper, word_count};

/// `^(?:[Nn]ơi [Nn]hận|NƠI NHẬN)[ \t]*[:.;]?[ \t]*(.*)$`: the text after `Nơi nhận:`.
fn recipients_rest(p: &str) -> Option<&str> {
    let after = ["Nơi nhận", "nơi nhận", "Nơi Nhận", "nơi Nhận", "NƠI NHẬN"]
        .iter()
        .find_map(|h| p.strip_prefix(h))?;
    if after.contains('\n') {
        return None;
    }
    let after = after.trim_start_matches([' ', '\t']);
    let after = after.strip_prefix([':', '.', ';']).unwrap_or(after);
    Some(after.trim_start_matches([' ', '\t']))
}

/// `PREFIXES[ \t]*[A-ZĐÀ-ỹ]`: a prefix, then a capital (or a Vietnamese letter).
fn prefixed_capital(p: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|pre| {
        p.strip_prefix(pre).is_some_and(|r| {
            r.trim_start_matches([' ', '\t'])
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase() || c == 'Đ' || ('À'..='ỹ').contains(&c))
        })
    })
}

/// `^(?:T/M|T\.M\.?|TM\.?|THAY MẶT)[ \t]*[A-ZĐÀ-ỹ]`: a signature authority.
fn authority(p: &str) -> bool {
    prefixed_capital(p, &["T/M", "T.M.", "T.M", "TM.", "TM", "THAY MẶT"])
}

/// `^(?:KT\.?|K/T|TL\.?|TUQ\.?|Q\.)[ \t]*[A-ZĐÀ-ỹ]`: a delegation (`KT. CHỦ TỊCH`).
fn delegation(p: &str) -> bool {
    prefixed_capital(p, &["KT.", "KT", "K/T", "TL.", "TL", "TUQ.", "TUQ", "Q."])
}

/// `^[\(\[]?[ \t]*(?:da ky|ky ten|ky,|ky va|signed|\(ky)` on folded text: a signed mark.
fn signed_folded(f: &str) -> bool {
    let at = |s: &str| {
        let s = s.trim_start_matches([' ', '\t']);
        ["da ky", "ky ten", "ky,", "ky va", "signed", "(ky"].iter().any(|w| s.starts_with(w))
    };
    f.strip_prefix(['(', '[']).is_some_and(at) || at(f)
}

/// Titles of signers.
const SIG_TITLES: [&str; 11] = [
    "BÍ THƯ",
    "CHỦ TỊCH",
    "TRƯỞNG BAN",
    "GIÁM ĐỐC",
    "CHÁNH VĂN PHÒNG",
    "THƯỜNG TRỰC",
    "TỔNG BÍ THƯ",
    "THỦ TRƯỞNG",
    "TRƯỞNG",
    "CHỦ NHIỆM",
    "ỦY VIÊN",
];

fn sig_title(p: &str) -> bool {
    let p = p.strip_prefix("PHÓ").map_or(p, str::trim_start);
    SIG_TITLES.iter().any(|t| p.starts_with(t))
}

/// Whether the line opens the tail: `Nơi nhận` or a signature authority.
pub(crate) fn opens_tail(line: &Line) -> bool {
    line.pieces().iter().any(|p| {
        let p = p.trim();
        recipients_rest(p).is_some() || authority(p) && is_upper(p)
    })
}

fn is_name(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic))
}

fn clean_recipient(s: &str) -> String {
    let s = s.trim().trim_end_matches([',', ';', '.', ' ']);
    let s = s.replace(", (", " (");
    s.trim().to_string()
}

/// Recipients and signature read from the tail lines.
#[derive(Debug, Default)]
pub(crate) struct Tail {
    pub recipients: Vec<String>,
    pub signature: Option<Signature>,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether each recipient was marked (`- …`).
    marked: Vec<bool>,
}

/// Lines of the signature block.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Authority,
    Title,
    Name,
}

/// A short piece in capitals that continues the signature line read last: the rest of
/// an authority (`VỤ` after `T/M BAN THƯỜNG`; not a signer's title) or of a title
/// (`THƯỜNG TRỰC` after `PHÓ BÍ THƯ`). Appends it and says whether it did.
fn wrapped_sig_line(sig: &mut Signature, last: Option<Slot>, p: &str, upper: bool) -> bool {
    if !upper || word_count(p) > 3 || parse_bullet(p).is_some() {
        return false;
    }
    let line = match last {
        Some(Slot::Authority) if sig.delegation.is_none() && sig.title.is_none() && !sig_title(p) => {
            &mut sig.authority
        }
        Some(Slot::Title) if sig.name.is_none() && sig_title(p) => &mut sig.title,
        _ => return false,
    };
    let Some(text) = line.as_mut() else { return false };
    text.push(' ');
    text.push_str(p);
    true
}

pub(crate) fn read_tail(lines: &[Line]) -> Tail {
    let mut tail = Tail::default();
    let mut sig = Signature::default();
    let mut sig_seen = false;
    let mut in_recipients = false;
    // Whether the last recipient may still run on (it did not end with `,`/`;`/`.`).
    let mut open_recipient = false;
    // The signature line read last (recipients between do not count).
    let mut last_sig: Option<Slot> = None;
    for line in lines {
        let pieces = line.pieces();
        let several = pieces.len() > 1;
        for piece in pieces {
            let p = piece.trim();
            if p.is_empty() {
                continue;
            }
            let upper = is_upper(p);
            if let Some(rest) = recipients_rest(p) {
                in_recipients = true;
                open_recipient = false;
                let rest = rest.trim();
                if !rest.is_empty() {
                    push_recipient(&mut tail, rest, &mut open_recipient);
                }
            } else if upper && (authority(p) || delegation(p)) {
                // The first of `T/M …`, `KT. …` is the authority, the next the delegation.
                let slot = if sig.authority.is_none() { &mut sig.authority } else { &mut sig.delegation };
                *slot = Some(p.to_string());
                sig_seen = true;
                last_sig = Some(Slot::Authority);
            } else if wrapped_sig_line(&mut sig, last_sig, p, upper) {
                // A narrow signature column wrapped `T/M BAN THƯỜNG` / `VỤ`, `PHÓ BÍ THƯ` /
                // `THƯỜNG TRỰC`: the piece went on the line it continues.
            } else if signed_folded(&fold(p)) {
                sig_seen = true;
            } else if upper
                && word_count(p) <= 6
                && parse_bullet(p).is_none()
                && (sig_seen || sig_title(p))
                && sig.title.is_none()
            {
                sig.title = Some(p.to_string());
                sig_seen = true;
                last_sig = Some(Slot::Title);
            } else if is_name(p) && (sig_seen || !in_recipients || several) && sig.name.is_none() {
                sig.name = Some(p.to_string());
                last_sig = Some(Slot::Name);
            } else if upper && sig.title.is_some() && sig.name.is_none() && word_count(p) <= 6 {
                // Names are sometimes written in capitals.
                sig.name = Some(p.to_string());
                last_sig = Some(Slot::Name);
            } else if in_recipients || parse_bullet(p).is_some() {
                in_recipients = true;
                push_recipient(&mut tail, p, &mut open_recipient);
            } else {
                tail.diagnostics.push(Diagnostic::new(
                    "unplaced-line",
                    format!("Dòng ở cuối văn bản không thuộc phần nơi nhận hay chữ ký: «{p}»"),
                    Some(line.line),
                ));
            }
        }
    }
    if sig != Signature::default() {
        tail.signature = Some(sig);
    }
    drop_stray_sentences(&mut tail);
    tail.recipients = tail.recipients.iter().map(|r| clean_recipient(r)).collect();
    tail
}

/// In a list whose entries are marked (`- Ban Bí thư …,`), an unmarked entry that is a
/// whole capitalised sentence (`Bao gồm nguồn ngân sách ….`) is not a recipient but
/// text that extraction put among them, such as a footnote printed at the page's foot.
/// The archive entry (`Lưu …`) is often written unmarked and stays.
fn drop_stray_sentences(tail: &mut Tail) {
    if tail.marked.iter().filter(|&&m| m).count() < 2 {
        return;
    }
    let stray = |r: &str, marked: bool| {
        !marked
            && r.chars().next().is_some_and(char::is_uppercase)
            && r.trim_end().ends_with('.')
            && !fold(r).starts_with("luu")
    };
    let mut kept = Vec::with_capacity(tail.recipients.len());
    for (r, &m) in tail.recipients.iter().zip(&tail.marked) {
        if stray(r, m) {
            tail.diagnostics.push(Diagnostic::new(
                "unplaced-line",
                format!("Dòng ở cuối văn bản không thuộc phần nơi nhận hay chữ ký: «{}»", r.trim()),
                None,
            ));
        } else {
            kept.push(r.clone());
        }
    }
    tail.recipients = kept;
}

fn push_recipient(tail: &mut Tail, piece: &str, open: &mut bool) {
    let list = &mut tail.recipients;
    let (text, marked) = match parse_bullet(piece) {
        Some((_, at)) => (&piece[at..], true),
        None => (piece, false),
    };
    let starts_lower = text.chars().next().is_some_and(char::is_lowercase);
    let continues = !marked && (*open || starts_lower) && !list.is_empty();
    // Entries keep their punctuation until the end, so that a wrapped entry rejoins
    // as written (`…BTV Tỉnh đoàn; các sở, ban, ngành…`).
    if continues {
        let last = list.last_mut().unwrap();
        last.push(' ');
        last.push_str(text.trim());
    } else {
        list.push(text.trim().to_string());
        tail.marked.push(marked);
    }
    let t = text.trim_end();
    *open = !t.ends_with([',', ';', '.']);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &[&str]) -> Vec<Line> {
        s.iter()
            .enumerate()
            .map(|(i, t)| {
                let mut l = Line::new(t, i + 1);
                l.cells = crate::source::split_cells(t);
                l
            })
            .collect()
    }

    #[test]
    fn a_sentence_among_marked_recipients_is_not_one() {
        let t = read_tail(&lines(&[
            "Nơi nhận:",
            "- Ban Bí thư Trung ương Đảng,",
            "Bao gồm nguồn ngân sách nhà nước và nguồn xã hội hóa.",
            "- Các sở, ban, ngành,",
            "Lưu Văn phòng Tỉnh ủy.",
        ]));
        assert_eq!(
            t.recipients,
            ["Ban Bí thư Trung ương Đảng", "Các sở, ban, ngành", "Lưu Văn phòng Tỉnh ủy"]
        );
        assert_eq!(t.diagnostics.len(), 1);
    }

    #[test]
    fn a_narrow_signature_column_wrapped() {
        let t = read_tail(&lines(&[
            "Nơi nhận:                 T/M BAN THƯỜNG",
            "- Ban Bí thư Trung ương Đảng,       VỤ",
            "- Lưu Văn phòng Tỉnh ủy.       PHÓ BÍ THƯ",
            "THƯỜNG TRỰC",
            "Nguyễn Văn Hùng",
        ]));
        let s = t.signature.unwrap();
        assert_eq!(s.authority.as_deref(), Some("T/M BAN THƯỜNG VỤ"));
        assert_eq!(s.title.as_deref(), Some("PHÓ BÍ THƯ THƯỜNG TRỰC"));
        assert_eq!(s.name.as_deref(), Some("Nguyễn Văn Hùng"));
        assert_eq!(t.recipients.len(), 2);
    }

    #[test]
    fn recipients_then_signature() {
        let t = read_tail(&lines(&[
            "Nơi nhận:",
            "- Ban Bí thư Trung ương Đảng,",
            "- Văn phòng Trung ương Đảng, (báo cáo)",
            "- Các ban, sở, ngành Mặt trận Tổ quốc",
            "và các tổ chức chính trị - xã hội tỉnh,",
            "- Lưu Văn phòng Tỉnh uỷ.",
            "T/M BAN THƯỜNG VỤ",
            "BÍ THƯ",
            "Trần Hồng Minh",
        ]));
        assert_eq!(
            t.recipients,
            vec![
                "Ban Bí thư Trung ương Đảng",
                "Văn phòng Trung ương Đảng (báo cáo)",
                "Các ban, sở, ngành Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh",
                "Lưu Văn phòng Tỉnh uỷ",
            ]
        );
        let s = t.signature.unwrap();
        assert_eq!(s.authority.as_deref(), Some("T/M BAN THƯỜNG VỤ"));
        assert_eq!(s.title.as_deref(), Some("BÍ THƯ"));
        assert_eq!(s.name.as_deref(), Some("Trần Hồng Minh"));
        assert!(t.diagnostics.is_empty());
    }

    #[test]
    fn interleaved_columns_and_state_signature() {
        let t = read_tail(&lines(&[
            "Nơi nhận:\t\tTM. ỦY BAN NHÂN DÂN",
            "- Bộ Nội vụ;\t\tKT. CHỦ TỊCH",
            "- TT Tỉnh ủy, HĐND tỉnh;\t\tPHÓ CHỦ TỊCH",
            "- Lưu: VT, KGVX.",
            "\t\t\tNguyễn Văn An",
        ]));
        assert_eq!(t.recipients, vec!["Bộ Nội vụ", "TT Tỉnh ủy, HĐND tỉnh", "Lưu: VT, KGVX"]);
        let s = t.signature.unwrap();
        assert_eq!(s.authority.as_deref(), Some("TM. ỦY BAN NHÂN DÂN"));
        assert_eq!(s.delegation.as_deref(), Some("KT. CHỦ TỊCH"));
        assert_eq!(s.title.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(s.name.as_deref(), Some("Nguyễn Văn An"));
    }

    #[test]
    fn signature_before_recipients() {
        let t = read_tail(&lines(&[
            "T/M TỈNH ỦY",
            "PHÓ BÍ THƯ",
            "(Đã ký)",
            "Trần Đình Văn",
            "Nơi nhận:",
            "- Như trên,",
            "- Lưu VP.",
        ]));
        assert_eq!(t.recipients, vec!["Như trên", "Lưu VP"]);
        assert_eq!(t.signature.unwrap().name.as_deref(), Some("Trần Đình Văn"));
    }

    /// The regular expressions the tail used, as the oracle of the matchers.
    mod oracle {
        use regex::Regex;
        use std::sync::LazyLock;

        pub(super) static RECIPIENTS: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(?:[Nn]ơi [Nn]hận|NƠI NHẬN)[ \t]*[:.;]?[ \t]*(.*)$").unwrap());
        pub(super) static AUTHORITY: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(?:T/M|T\.M\.?|TM\.?|THAY MẶT)[ \t]*[A-ZĐÀ-ỹ]").unwrap());
        pub(super) static DELEGATION: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(?:KT\.?|K/T|TL\.?|TUQ\.?|Q\.)[ \t]*[A-ZĐÀ-ỹ]").unwrap());
        pub(super) static SIGNED: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^[\(\[]?[ \t]*(?:da ky|ky ten|ky,|ky va|signed|\(ky)").unwrap());
    }

    fn agree(p: &str) {
        let rest = oracle::RECIPIENTS.captures(p).map(|c| c.get(1).unwrap().as_str());
        assert_eq!(recipients_rest(p), rest, "recipients {p:?}");
        assert_eq!(authority(p), oracle::AUTHORITY.is_match(p), "authority {p:?}");
        assert_eq!(delegation(p), oracle::DELEGATION.is_match(p), "delegation {p:?}");
        let f = fold(p);
        assert_eq!(signed_folded(&f), oracle::SIGNED.is_match(&f), "signed {p:?}");
    }

    #[test]
    fn matchers_agree_with_the_regexes_on_tricky_lines() {
        for p in [
            "Nơi nhận:",
            "Nơi nhận :",
            "Nơi nhận:- Ban Bí thư",
            "nơi Nhận;",
            "NƠI NHẬN.  x",
            "Nơi nhận",
            "Nơi nhậnx",
            "Nơi nhận::",
            "Nơi nhận\t:\tA",
            "Nơi nhận:\nA",
            "NƠI nhận:",
            "Nơinhận",
            "T/M BAN THƯỜNG VỤ",
            "T/Mx",
            "T.M. BAN",
            "T.M BAN",
            "T.M.. BAN",
            "TM. ỦY BAN NHÂN DÂN",
            "TM ỦY BAN",
            "TM.ỦY",
            "TMđ",
            "TM ×",
            "TM 1",
            "THAY MẶT BAN",
            "THAY MẶTBAN",
            "T/M \tÀ",
            "TM.\u{1EFA}",
            "TM.\u{1EF9}",
            "TM.\u{BF}",
            "KT. CHỦ TỊCH",
            "KT CHỦ",
            "K/T GIÁM ĐỐC",
            "TL. CHÁNH",
            "TUQ. A",
            "TUQA",
            "Q. GIÁM",
            "Q.GIÁM",
            "Q GIÁM",
            "KT.. A",
            "(Đã ký)",
            "(đã ký)",
            "[Ký tên]",
            "Ký, đóng dấu",
            "ký và ghi rõ",
            "(signed)",
            "((ký",
            "(ký)",
            "( ký tên",
            "(  (ký",
            "[(ký",
            "Đã  ký",
            "",
            " ",
        ] {
            agree(p);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn tail_matchers_agree_with_the_regexes(
            p in crate::text::testing::pieces_from(
                &["Nơi", "nơi", "NƠI", " ", "nhận", "Nhận", "NHẬN", ":", ".", ";", "\t", "\n", "T", "/", "M", "K",
                  "L", "U", "Q", "THAY MẶT", "A", "Đ", "À", "ỹ", "Ỻ", "×", "a", "1", "(", "[", "đã", "ký", "tên",
                  ",", "và", "signed"], 8)
        ) {
            agree(&p);
        }
    }
}
