//! The clause index: clauses mined from the corpus (kept up to date document by
//! document) and clauses written by the user, searched by folded words.

use crate::{classify, Store, StoreError};
use rusqlite::params;

/// One suggestion for a section.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Suggestion {
    /// Its row in the clause table.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// Written by the user rather than mined.
    pub curated: bool,
    /// The wording, with the province's names as placeholders (`{tỉnh}`).
    pub template: String,
    /// The parent section it serves (`45-NQ/TW#III.3`).
    pub parent_section: Option<String>,
    /// The provinces that wrote it.
    pub provinces: Vec<String>,
    /// How many provinces wrote it.
    pub count: usize,
    /// Its rank: higher is better.
    pub score: f64,
    /// Where each wording was found.
    pub sources: Vec<SuggestionSource>,
    /// For a clause of the generic parts of programmes (MỤC ĐÍCH, YÊU CẦU; TỔ CHỨC
    /// THỰC HIỆN…) offered from the programmes of another resolution: that resolution
    /// (`45-NQ/TW`). Its names are placeholders the draft's own resolution fills.
    pub from_resolution: Option<String>,
    /// The distinct wordings of a mined clause (with placeholders), the most used
    /// first, each with the provinces that wrote it so.
    pub variants: Vec<Variant>,
}

/// One wording of a clause and the provinces that wrote it so.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Variant {
    /// The wording, with the province's names as placeholders.
    pub template: String,
    /// The provinces that wrote it, sorted.
    pub provinces: Vec<String>,
}

/// Where a suggestion was written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SuggestionSource {
    /// `#ID file name`.
    pub document: String,
    /// The section of that document (`III.3`).
    pub section: String,
    /// The document's province, type (`CHƯƠNG TRÌNH`) and year, as read on import.
    pub province: Option<String>,
    /// Its type as written (`CHƯƠNG TRÌNH`).
    pub doc_type: Option<String>,
    /// Its year.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub year: Option<i64>,
}

/// Search terms for FTS5: folded words, each quoted (so `45-NQ/TW` is plain text), the
/// last one as a prefix (the user may be in the middle of typing it).
fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = banthao_core::text::fold(typed)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    if words.is_empty() {
        return None;
    }
    let n = words.len();
    Some(
        words
            .into_iter()
            .enumerate()
            .map(|(i, w)| if i + 1 == n { format!("{w}*") } else { w })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// A clause found by a suggestion query, before ranking.
struct Candidate {
    id: i64,
    curated: bool,
    template: String,
    parent_section: Option<String>,
    provinces: String,
    count: i64,
    updated_at: String,
    bm25: f64,
    from_resolution: Option<String>,
}

impl Store {
    /// Adds a clause written by the user (or saved from a draft) for a parent section.
    /// It is never replaced by mining.
    pub fn add_curated(
        &mut self,
        parent_section: Option<&str>,
        template: &str,
        now: &str,
    ) -> Result<i64, StoreError> {
        let template = banthao_core::text::squash_spaces(&banthao_core::text::nfc(template));
        self.conn
            .execute(
                "INSERT INTO clause (parent_section, template, folded, provinces, province_count, curated, updated_at)
                 VALUES (?1, ?2, ?3, '[]', 0, 1, ?4)",
                params![parent_section, template, banthao_core::text::fold(&template), now],
            )
            .map_err(|e| classify(e, &self.path))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Removes a curated clause; `false` when there was none with this id.
    pub fn remove_curated(&mut self, id: i64) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM clause WHERE id = ?1 AND curated = 1", [id])
            .map_err(|e| classify(e, &self.path))?;
        Ok(n > 0)
    }

    /// Suggestions for a parent section (`45-NQ/TW#III.3`) and what the user has typed,
    /// best first: same parent section, match with the typed words (BM25), number of
    /// provinces, recency. Typed text of punctuation only matches nothing.
    pub fn suggest(
        &self,
        parent: Option<&str>,
        typed: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Suggestion>, StoreError> {
        let err = |e| classify(e, &self.path);
        let query = match typed {
            Some(t) => match fts_query(t) {
                Some(q) => Some(q),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        // Candidates: clauses matching the typed words, or else the section's clauses.
        let mut cands: Vec<Candidate> = Vec::new();
        if let Some(q) = &query {
            let mut st = self
                .conn
                .prepare(
                    "SELECT c.id, c.template, c.parent_section, c.provinces, c.province_count, c.updated_at, bm25(clause_fts), c.curated
                     FROM clause_fts JOIN clause c ON c.id = clause_fts.rowid WHERE clause_fts MATCH ?1 ORDER BY bm25(clause_fts) LIMIT 500",
                )
                .map_err(err)?;
            for r in st.query_map([q], candidate).map_err(err)? {
                cands.push(r.map_err(err)?);
            }
        } else {
            let mut st = self
                .conn
                .prepare(
                    "SELECT id, template, parent_section, provinces, province_count, updated_at, 0.0, curated FROM clause
                     WHERE parent_section = ?1 OR parent_section LIKE ?1 || '.%'",
                )
                .map_err(err)?;
            for r in st.query_map([parent.unwrap_or("")], candidate).map_err(err)? {
                cands.push(r.map_err(err)?);
            }
        }
        let max_count = cands.iter().map(|c| c.count).max().unwrap_or(1).max(1) as f64;
        let newest = cands.iter().map(|c| c.updated_at.clone()).max().unwrap_or_default();
        let mut scored: Vec<(f64, usize)> = cands
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let same = match (parent, &c.parent_section) {
                    (Some(p), Some(s)) if s == p => 1.0,
                    (Some(p), Some(s))
                        if s.starts_with(&format!("{p}.")) || p.starts_with(&format!("{s}.")) =>
                    {
                        0.5
                    }
                    _ => 0.0,
                };
                // bm25() is negative, better when lower.
                let text = if query.is_some() { 1.0 / (1.0 + (c.bm25 + 25.0).max(0.0) / 5.0) } else { 0.0 };
                let popularity = if c.curated { 1.0 } else { c.count as f64 / max_count };
                let recent = if c.updated_at == newest { 0.05 } else { 0.0 };
                (3.0 * same + 2.0 * text + popularity + recent, k)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        self.finish(scored.into_iter().take(limit).map(|(score, k)| (score, &cands[k])))
    }

    /// Suggestions for a section whose parent sections form a chain (nearest first, the
    /// resolution's last: [`banthao_core::cascade::chain`]): the candidates of every
    /// link, each ranked by the link it serves best, best first. An empty chain is
    /// [`Store::suggest`] without a section.
    pub fn suggest_chain(
        &self,
        chain: &[String],
        typed: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Suggestion>, StoreError> {
        if chain.is_empty() {
            return self.suggest(None, typed, limit);
        }
        let mut best: Vec<Suggestion> = Vec::new();
        for link in chain {
            for s in self.suggest(Some(link), typed, limit)? {
                match best.iter_mut().find(|b| b.id == s.id) {
                    Some(b) if b.score < s.score => *b = s,
                    Some(_) => {}
                    None => best.push(s),
                }
            }
        }
        // Stable: ties keep the nearer link's order.
        best.sort_by(|a, b| b.score.total_cmp(&a.score));
        best.truncate(limit);
        Ok(best)
    }

    /// Mined clauses of a generic kind of section from the programmes of resolutions
    /// other than `own` (`''` when the draft's is unknown), best first: the typed
    /// words (BM25), then the number of provinces. A clause whose wording still names a
    /// document number is never offered.
    pub fn suggest_generic(
        &self,
        kind: banthao_core::generic::GenericKind,
        own: &str,
        typed: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Suggestion>, StoreError> {
        let err = |e| classify(e, &self.path);
        let cols = "c.id, c.template, c.parent_section, c.provinces, c.province_count, c.updated_at";
        let rows = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<Vec<(Candidate, String)>, StoreError> {
            let mut st = self.conn.prepare(sql).map_err(err)?;
            let found = st
                .query_map(p, |r| Ok((candidate(r)?, r.get::<_, String>(8)?)))
                .map_err(err)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(err)?;
            Ok(found)
        };
        let kind = kind.as_str();
        let found = match typed {
            Some(t) => match fts_query(t) {
                Some(q) => rows(
                    &format!(
                        "SELECT {cols}, bm25(clause_fts), c.curated, c.res FROM clause_fts JOIN clause c ON c.id = clause_fts.rowid
                         WHERE clause_fts MATCH ?1 AND c.kind = ?2 AND c.res <> ?3 AND c.res <> '' AND c.curated = 0
                         ORDER BY bm25(clause_fts), c.province_count DESC LIMIT 200"
                    ),
                    &[&q, &kind, &own],
                )?,
                None => return Ok(Vec::new()),
            },
            None => rows(
                &format!(
                    "SELECT {cols}, 0.0, c.curated, c.res FROM clause c
                     WHERE c.kind = ?1 AND c.res <> ?2 AND c.res <> '' AND c.curated = 0
                     ORDER BY c.province_count DESC, c.id LIMIT 200"
                ),
                &[&kind, &own],
            )?,
        };
        let cands: Vec<Candidate> = found
            .into_iter()
            .filter(|(c, _)| !banthao_core::generic::names_a_number(&c.template))
            .take(limit)
            .map(|(mut c, res)| {
                c.from_resolution = Some(res);
                c
            })
            .collect();
        // Small scores, in order: `suggest_for_draft` puts them after the draft's own.
        let n = cands.len().max(1) as f64;
        self.finish(cands.iter().enumerate().map(|(k, c)| (0.04 * (n - k as f64) / n, c)))
    }

    /// Suggestions for the section at `path` of a draft: the clauses of its chain of
    /// parent sections ([`banthao_core::cascade::chain`] through the library's
    /// documents to the built-in resolutions, [`Store::suggest_chain`]), then, ranked
    /// below them, the generic clauses of other resolutions' programmes for the
    /// section's generic kind ([`Store::suggest_generic`]). What both the app and the
    /// command line call.
    pub fn suggest_for_draft(
        &self,
        draft: &banthao_core::Document,
        path: &str,
        typed: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Suggestion>, StoreError> {
        use banthao_core::scaffold::ParentTemplate;
        let err = |e| classify(e, &self.path);
        let typed = typed.filter(|t| !t.trim().is_empty());
        let roots = ParentTemplate::builtins();
        let at_root = |chain: &[String]| {
            chain
                .last()
                .and_then(|l| l.split_once('#'))
                .is_none_or(|(id, _)| roots.iter().any(|r| r.id == id))
        };
        // The library's documents are read only when the chain passes through one (a
        // plan under a provincial programme): a draft linked to a resolution needs none.
        let mut chain = banthao_core::cascade::chain(draft, path, &[], &roots);
        if !at_root(&chain) {
            let library: Vec<banthao_core::Document> = self.documents()?.into_iter().map(|d| d.doc).collect();
            chain = banthao_core::cascade::chain(draft, path, &library, &roots);
        }
        // The draft's resolution: where its chain ends, else as its text cites it.
        let own = chain
            .last()
            .and_then(|l| l.split_once('#'))
            .map(|(id, _)| id)
            .filter(|id| roots.iter().any(|r| r.id == *id))
            .map(str::to_string)
            .or_else(|| banthao_core::generic::Resolution::of_document(draft).map(|r| r.number))
            .unwrap_or_default();
        let mut list = if chain.is_empty() && typed.is_none() {
            Vec::new()
        } else {
            self.suggest_chain(&chain, typed, limit)?
        };
        // Typed words search every clause: those of another resolution's programmes
        // come only as generic ones, marked, below.
        if !own.is_empty() {
            let mut res_of = self.conn.prepare_cached("SELECT res FROM clause WHERE id = ?1").map_err(err)?;
            let mut keep = Vec::with_capacity(list.len());
            for s in list {
                let res: Option<String> = res_of.query_row([s.id], |r| r.get(0)).map_err(err)?;
                if res.is_none_or(|r| r.is_empty() || r == own) {
                    keep.push(s);
                }
            }
            list = keep;
        }
        if let Some(kind) = banthao_core::generic::kind_at(draft, path) {
            for g in self.suggest_generic(kind, &own, typed, limit)? {
                if list.len() >= limit {
                    break;
                }
                if !list.iter().any(|s| s.id == g.id) {
                    list.push(g);
                }
            }
        }
        Ok(list)
    }

    /// Every clause, mined and curated, most shared first (the clause library).
    pub fn clauses(&self) -> Result<Vec<Suggestion>, StoreError> {
        let err = |e| classify(e, &self.path);
        let cands: Vec<Candidate> = self
            .conn
            .prepare(
                "SELECT id, template, parent_section, provinces, province_count, updated_at, 0.0, curated FROM clause
                 ORDER BY province_count DESC, template",
            )
            .and_then(|mut st| st.query_map([], candidate)?.collect())
            .map_err(err)?;
        self.finish(cands.iter().map(|c| (0.0, c)))
    }

    /// Candidates with their scores, as suggestions with their sources.
    fn finish<'a>(
        &self,
        scored: impl Iterator<Item = (f64, &'a Candidate)>,
    ) -> Result<Vec<Suggestion>, StoreError> {
        let err = |e| classify(e, &self.path);
        let mut src = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.file_name, s.section, d.province, d.doc_type, d.year FROM clause c
                 JOIN sentence s ON s.grp = c.grp JOIN document d ON d.id = s.document_id
                 WHERE c.id = ?1 ORDER BY s.id",
            )
            .map_err(err)?;
        let mut words = self
            .conn
            .prepare_cached(
                "SELECT s.province, s.general FROM clause c JOIN sentence s ON s.grp = c.grp WHERE c.id = ?1 ORDER BY s.id",
            )
            .map_err(err)?;
        let mut out = Vec::new();
        for (score, c) in scored {
            let sources = src
                .query_map([c.id], |r| {
                    Ok(SuggestionSource {
                        document: source_name(r.get(0)?, &r.get::<_, String>(1)?),
                        section: r.get(2)?,
                        province: r.get(3)?,
                        doc_type: r.get(4)?,
                        year: r.get(5)?,
                    })
                })
                .map_err(err)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(err)?;
            let wordings: Vec<(String, String)> = words
                .query_map([c.id], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(err)?
                .collect::<Result<_, _>>()
                .map_err(err)?;
            let members: Vec<banthao_core::clauses::Member> = wordings
                .iter()
                .map(|(p, g)| banthao_core::clauses::Member {
                    province: p,
                    general: g,
                    parent_section: None,
                    kind: None,
                })
                .collect();
            let variants = banthao_core::clauses::variants(&members)
                .into_iter()
                .map(|v| Variant { template: v.template, provinces: v.provinces })
                .collect();
            let provinces: Vec<String> = serde_json::from_str(&c.provinces).unwrap_or_default();
            out.push(Suggestion {
                variants,
                from_resolution: c.from_resolution.clone(),
                id: c.id,
                curated: c.curated,
                template: c.template.clone(),
                parent_section: c.parent_section.clone(),
                count: provinces.len(),
                provinces,
                score: (score * 1000.0).round() / 1000.0,
                sources,
            });
        }
        Ok(out)
    }
}

/// A candidate from a row of `id, template, parent_section, provinces,
/// province_count, updated_at, bm25, curated`.
fn candidate(r: &rusqlite::Row) -> rusqlite::Result<Candidate> {
    Ok(Candidate {
        id: r.get(0)?,
        curated: r.get(7)?,
        template: r.get(1)?,
        parent_section: r.get(2)?,
        provinces: r.get(3)?,
        count: r.get(4)?,
        updated_at: r.get(5)?,
        bm25: r.get(6)?,
        from_resolution: None,
    })
}

/// Triples as stored: 8 bytes little-endian each.
fn triples_to_blob(t: &[u64]) -> Vec<u8> {
    t.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn blob_to_triples(b: &[u8]) -> Vec<u64> {
    b.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect()
}

/// Groups the sentences of a stored document with the corpus's: each joins the group
/// of the representative wording it is like (merging the groups of others it is also
/// like) or founds a group; then the clauses of the groups it touched are brought up
/// to date. Runs inside the caller's transaction; only this document's sentences are
/// compared, so the cost does not grow with the whole corpus's re-mining.
pub(crate) fn mine_document(
    conn: &rusqlite::Connection,
    id: i64,
    file_name: &str,
    doc: &banthao_core::Document,
    now: &str,
) -> rusqlite::Result<()> {
    use banthao_core::clauses::{extract, min_shared, place, Placement, COMMON_TRIPLE};
    let res = banthao_core::parse::parent_resolution(doc).unwrap_or_default();
    let parent =
        banthao_core::scaffold::ParentTemplate::builtin(&res).map(|t| t.as_document()).unwrap_or_default();
    let province = doc.province.clone().unwrap_or_else(|| source_name(id, file_name));
    let mut postings =
        conn.prepare_cached("SELECT rep FROM rep_triple WHERE res = ?1 AND triple = ?2 LIMIT ?3")?;
    let mut rep_triples = conn.prepare_cached("SELECT triples FROM rep WHERE id = ?1")?;
    let mut group_of = conn.prepare_cached("SELECT grp FROM rep WHERE id = ?1")?;
    let mut sentence = conn.prepare_cached(
        "INSERT INTO sentence (document_id, grp, province, section, parent_section, text, general, kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut cache: std::collections::HashMap<i64, Vec<u64>> = Default::default();
    let mut touched: std::collections::BTreeSet<i64> = Default::default();
    for m in extract(&parent, doc) {
        let mut shared: std::collections::HashMap<i64, usize> = Default::default();
        for t in &m.triples {
            let reps: Vec<i64> = postings
                .query_map(params![res, *t as i64, COMMON_TRIPLE as i64 + 1], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            if reps.len() <= COMMON_TRIPLE {
                for r in reps {
                    *shared.entry(r).or_default() += 1;
                }
            }
        }
        let need = min_shared(m.triples.len());
        let mut ids: Vec<i64> = shared.into_iter().filter(|&(_, n)| n >= need).map(|(r, _)| r).collect();
        ids.sort_unstable();
        for r in &ids {
            if !cache.contains_key(r) {
                let blob: Vec<u8> = rep_triples.query_row([r], |row| row.get(0))?;
                cache.insert(*r, blob_to_triples(&blob));
            }
        }
        let grp = match place(&m.triples, ids.iter().map(|r| (*r, &cache[r][..]))) {
            Placement::New => {
                let rep = insert_rep(conn, None, &res, &m.triples)?;
                cache.insert(rep, m.triples.clone());
                rep
            }
            Placement::Join { rep, also, core } => {
                let g: i64 = group_of.query_row([rep], |r| r.get(0))?;
                for q in also {
                    let h: i64 = group_of.query_row([q], |r| r.get(0))?;
                    if h != g {
                        conn.execute("UPDATE rep SET grp = ?1 WHERE grp = ?2", [g, h])?;
                        conn.execute("UPDATE sentence SET grp = ?1 WHERE grp = ?2", [g, h])?;
                        conn.execute("DELETE FROM clause WHERE grp = ?1", [h])?;
                        touched.remove(&h);
                    }
                }
                if core {
                    let rep = insert_rep(conn, Some(g), &res, &m.triples)?;
                    cache.insert(rep, m.triples.clone());
                }
                g
            }
        };
        sentence.execute(params![
            id,
            grp,
            province,
            m.section,
            m.parent_section,
            m.text,
            m.general,
            m.kind.map(|k| k.as_str())
        ])?;
        touched.insert(grp);
    }
    for g in touched {
        refresh_group(conn, g, now)?;
    }
    conn.execute("UPDATE document SET mined = 1 WHERE id = ?1", [id])?;
    Ok(())
}

/// Adds a representative wording to group `grp` (a new group of its own when `None`)
/// with its triples in the inverted index; its id.
fn insert_rep(
    conn: &rusqlite::Connection,
    grp: Option<i64>,
    res: &str,
    triples: &[u64],
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO rep (grp, res, triples) VALUES (COALESCE(?1, 0), ?2, ?3)",
        params![grp, res, triples_to_blob(triples)],
    )?;
    let rep = conn.last_insert_rowid();
    if grp.is_none() {
        conn.execute("UPDATE rep SET grp = ?1 WHERE id = ?1", [rep])?;
    }
    let mut ins = conn.prepare_cached("INSERT INTO rep_triple (res, triple, rep) VALUES (?1, ?2, ?3)")?;
    for t in triples {
        ins.execute(params![res, *t as i64, rep])?;
    }
    Ok(rep)
}

/// How a source document is named where it has no province of its own, and in
/// provenance.
fn source_name(id: i64, file_name: &str) -> String {
    format!("#{id} {file_name}")
}

/// Brings a group's clause up to date with its sentences: a clause when two or more
/// provinces share it, none otherwise; an empty group is dropped with its wordings.
pub(crate) fn refresh_group(conn: &rusqlite::Connection, grp: i64, now: &str) -> rusqlite::Result<()> {
    let rows: Vec<(String, String, Option<String>, Option<String>)> = conn
        .prepare_cached(
            "SELECT province, general, parent_section, kind FROM sentence WHERE grp = ?1 ORDER BY id",
        )?
        .query_map([grp], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    if rows.is_empty() {
        let reps: Vec<(i64, String, Vec<u8>)> = conn
            .prepare_cached("SELECT id, res, triples FROM rep WHERE grp = ?1")?
            .query_map([grp], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mut del =
            conn.prepare_cached("DELETE FROM rep_triple WHERE res = ?1 AND triple = ?2 AND rep = ?3")?;
        for (rep, res, blob) in reps {
            for t in blob_to_triples(&blob) {
                del.execute(params![res, t as i64, rep])?;
            }
        }
        conn.execute("DELETE FROM rep WHERE grp = ?1", [grp])?;
        conn.execute("DELETE FROM clause WHERE grp = ?1", [grp])?;
        return Ok(());
    }
    let members: Vec<banthao_core::clauses::Member> = rows
        .iter()
        .map(|(p, g, s, k)| banthao_core::clauses::Member {
            province: p,
            general: g,
            parent_section: s.as_deref(),
            kind: k.as_deref().and_then(banthao_core::generic::GenericKind::parse),
        })
        .collect();
    let Some(summary) = banthao_core::clauses::summarise(&members) else {
        conn.execute("DELETE FROM clause WHERE grp = ?1", [grp])?;
        return Ok(());
    };
    let provinces = serde_json::to_string(&summary.provinces).expect("names serialise");
    let folded = banthao_core::text::fold(&summary.template);
    let res: Option<String> =
        conn.query_row("SELECT res FROM rep WHERE grp = ?1 LIMIT 1", [grp], |r| r.get(0)).ok();
    let kind = summary.kind.map(|k| k.as_str());
    let count = summary.provinces.len() as i64;
    let changed = conn.execute(
        "UPDATE clause SET parent_section = ?2, template = ?3, folded = ?4, provinces = ?5, province_count = ?6, updated_at = ?7, res = ?8, kind = ?9
         WHERE grp = ?1 AND (parent_section IS NOT ?2 OR template IS NOT ?3 OR provinces IS NOT ?5 OR res IS NOT ?8 OR kind IS NOT ?9)",
        params![grp, summary.parent_section, summary.template, folded, provinces, count, now, res, kind],
    )?;
    if changed == 0 {
        conn.execute(
            "INSERT OR IGNORE INTO clause (grp, parent_section, template, folded, provinces, province_count, curated, updated_at, res, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?9)",
            params![grp, summary.parent_section, summary.template, folded, provinces, count, now, res, kind],
        )?;
    }
    Ok(())
}
