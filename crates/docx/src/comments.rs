//! Word comments: `word/comments.xml` (id, author, date, words, the `w14:paraId` of
//! each comment's paragraphs) and `word/commentsExtended.xml` (which comment answers
//! which: `w15:paraIdParent`).

use crate::error::DocxError;
use crate::xml_read::{attr, decode_text, resolve_ref, xml_err};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// One comment of `comments.xml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Comment {
    pub id: String,
    pub author: String,
    pub date: Option<String>,
    pub text: String,
    /// `w14:paraId` of its last paragraph (what `commentsExtended` names).
    pub para_id: Option<String>,
    /// Id of the comment it answers, from `commentsExtended`.
    pub parent: Option<String>,
}

/// Reads `comments.xml`; paragraphs of a comment are joined by a space.
pub(crate) fn read_comments(xml: &str) -> Result<Vec<Comment>, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut cur: Option<Comment> = None;
    let mut in_text = false;
    let mut skip = 0usize;
    loop {
        let ev = reader.read_event().map_err(xml_err)?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                if skip > 0 {
                    skip += usize::from(!empty);
                    continue;
                }
                match e.local_name().as_ref() {
                    b"comment" if !empty => {
                        cur = Some(Comment {
                            id: attr(e, b"id").unwrap_or_default(),
                            author: attr(e, b"author").unwrap_or_default().trim().to_string(),
                            date: attr(e, b"date"),
                            ..Comment::default()
                        })
                    }
                    b"p" => {
                        if let Some(c) = cur.as_mut() {
                            if let Some(id) = attr(e, b"paraId") {
                                c.para_id = Some(id);
                            }
                            if !c.text.is_empty() && !c.text.ends_with(' ') {
                                c.text.push(' ');
                            }
                        }
                    }
                    b"t" if !empty => in_text = true,
                    b"tab" | b"br" => {
                        if let Some(c) = cur.as_mut() {
                            c.text.push(' ');
                        }
                    }
                    b"del" | b"Fallback" | b"instrText" if !empty => skip = 1,
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"comment" => {
                        if let Some(mut c) = cur.take() {
                            c.text = banthao_core::text::squash_spaces(&banthao_core::text::nfc(&c.text))
                                .trim()
                                .to_string();
                            out.push(c);
                        }
                    }
                    b"t" => in_text = false,
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                if let Some(c) = cur.as_mut() {
                    c.text.push_str(&decode_text(t)?);
                }
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                if let Some(c) = cur.as_mut() {
                    c.text.push_str(&resolve_ref(r)?);
                }
            }
            Event::DocType(_) => return Err(DocxError::Dtd),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Sets each comment's `parent` from `commentsExtended.xml` (`w15:commentEx` with
/// `w15:paraId` and `w15:paraIdParent`).
pub(crate) fn link_replies(comments: &mut [Comment], extended: &str) -> Result<(), DocxError> {
    let mut reader = Reader::from_str(extended);
    let mut parent_of: HashMap<String, String> = HashMap::new();
    loop {
        match reader.read_event().map_err(xml_err)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"commentEx" => {
                if let (Some(p), Some(parent)) = (attr(&e, b"paraId"), attr(&e, b"paraIdParent")) {
                    parent_of.insert(p, parent);
                }
            }
            Event::DocType(_) => return Err(DocxError::Dtd),
            Event::Eof => break,
            _ => {}
        }
    }
    let id_of: HashMap<String, String> =
        comments.iter().filter_map(|c| Some((c.para_id.clone()?, c.id.clone()))).collect();
    for c in comments.iter_mut() {
        if let Some(parent) = c.para_id.as_ref().and_then(|p| parent_of.get(p)).and_then(|pp| id_of.get(pp)) {
            if *parent != c.id {
                c.parent = Some(parent.clone());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_a_reply() {
        let xml = r#"<w:comments xmlns:w="w" xmlns:w14="x"><w:comment w:id="0" w:author="Sở Nội vụ" w:date="2026-03-02T09:00:00Z"><w:p w14:paraId="AA"><w:r><w:t>Đề nghị làm rõ</w:t></w:r><w:r><w:t xml:space="preserve"> chỉ tiêu.</w:t></w:r></w:p></w:comment><w:comment w:id="1" w:author="Ban Tuyên giáo"><w:p w14:paraId="BB"><w:r><w:t>Đồng ý.</w:t></w:r></w:p></w:comment></w:comments>"#;
        let mut c = read_comments(xml).unwrap();
        assert_eq!(c[0].text, "Đề nghị làm rõ chỉ tiêu.");
        assert_eq!(c[0].author, "Sở Nội vụ");
        link_replies(&mut c, r#"<w15:commentsEx xmlns:w15="y"><w15:commentEx w15:paraId="AA" w15:done="0"/><w15:commentEx w15:paraId="BB" w15:paraIdParent="AA" w15:done="0"/></w15:commentsEx>"#).unwrap();
        assert_eq!(c[1].parent.as_deref(), Some("0"));
        assert!(read_comments("<w:comments><w:comment w:id=\"0\"></w:p></w:comments>").is_err());
    }
}
