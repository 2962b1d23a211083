//! Incremental mining in the store: adding documents one by one gives the clauses that
//! mining them all at once gives; removing a document takes back exactly its part.

use banthao_core::clauses::{mine, Source};
use banthao_core::scaffold::ParentTemplate;
use banthao_store::{Added, Store};

mod common;
use common::corpus;

/// (parent section, template, provinces) of every mined clause, sorted.
type Key = (Option<String>, String, Vec<String>);

fn keys_of_store(s: &Store) -> Vec<Key> {
    let mut k: Vec<Key> = s
        .clauses()
        .unwrap()
        .into_iter()
        .filter(|c| !c.curated)
        .map(|c| (c.parent_section, c.template, c.provinces))
        .collect();
    k.sort();
    k
}

fn keys_of_batch(docs: &[&(String, Vec<u8>, banthao_core::Document)]) -> Vec<Key> {
    let parent = ParentTemplate::builtin("45-NQ/TW").unwrap().as_document();
    let sources: Vec<Source> = docs.iter().map(|(n, _, d)| Source { name: n.clone(), doc: d }).collect();
    let mut k: Vec<Key> =
        mine(&parent, &sources).into_iter().map(|c| (c.parent_section, c.template, c.provinces)).collect();
    k.sort();
    k
}

#[test]
fn one_by_one_equals_all_at_once() {
    let docs = corpus();
    let mut s = Store::in_memory().unwrap();
    for (n, b, d) in &docs {
        assert!(matches!(s.add_document(n, b, d, "2026-11-23T10:00:00Z").unwrap(), Added::New(_)));
    }
    let all: Vec<_> = docs.iter().collect();
    let want = keys_of_batch(&all);
    assert!(want.len() >= 20, "the corpus shares clauses: {}", want.len());
    assert_eq!(keys_of_store(&s), want);

    // Every source of a clause is a sentence of a stored document.
    let xu_ly = s
        .clauses()
        .unwrap()
        .into_iter()
        .find(|c| banthao_core::text::fold(&c.template).contains("xu ly nghiem hanh vi vi pham"))
        .expect("the clause on strict handling of violations");
    assert_eq!(xu_ly.parent_section.as_deref(), Some("45-NQ/TW#III.3"));
    assert!(xu_ly.sources.len() >= xu_ly.count);
    assert!(xu_ly.sources.iter().all(|src| src.document.starts_with('#')));
    // Each source names its province: together, the clause's provinces.
    let mut named: Vec<String> = xu_ly.sources.iter().map(|src| src.province.clone().unwrap()).collect();
    named.sort();
    named.dedup();
    let mut provinces = xu_ly.provinces.clone();
    provinces.sort();
    assert_eq!(named, provinces);
    // Its wordings: Hà Tĩnh's has no «đường lối»; together they name every province.
    assert!(xu_ly.variants.len() >= 2, "{:?}", xu_ly.variants);
    let mut by_wording: Vec<String> = xu_ly.variants.iter().flat_map(|v| v.provinces.clone()).collect();
    by_wording.sort();
    by_wording.dedup();
    assert_eq!(by_wording, provinces);

    // Re-importing changes nothing.
    for (n, b, d) in &docs {
        assert!(matches!(s.add_document(n, b, d, "2026-11-23T11:00:00Z").unwrap(), Added::Existing(_)));
    }
    assert_eq!(keys_of_store(&s), want);
}

#[test]
fn removing_a_document_takes_back_its_part() {
    let docs = corpus();
    let mut s = Store::in_memory().unwrap();
    let mut ids = Vec::new();
    for (n, b, d) in &docs {
        let Added::New(id) = s.add_document(n, b, d, "t").unwrap() else { panic!() };
        ids.push(id);
    }
    let cao_bang = "Cao Bằng".to_string();
    assert!(keys_of_store(&s).iter().any(|k| k.2.contains(&cao_bang)));
    assert!(s.remove(ids[1], "t2").unwrap());
    let after = keys_of_store(&s);
    assert!(after.iter().all(|k| !k.2.contains(&cao_bang)), "Cao Bằng is gone from every clause");
    assert!(after.iter().all(|k| k.2.len() >= 2), "no clause is left with a single province");
    // Clauses no one else shares are gone; those the others share stay, the same as
    // mining the remaining documents (here the founding wordings were not Cao Bằng's).
    let rest: Vec<_> = docs.iter().enumerate().filter(|(i, _)| *i != 1).map(|(_, d)| d).collect();
    let want = keys_of_batch(&rest);
    let missing: Vec<_> = want.iter().filter(|k| !after.contains(k)).collect();
    assert!(
        missing.len() <= want.len() / 10,
        "{} of {} clauses differ: {missing:?}",
        missing.len(),
        want.len()
    );
    // Removing everything leaves no mined clause and no stale wording behind.
    for id in [ids[0], ids[2], ids[3], ids[4]] {
        assert!(s.remove(id, "t3").unwrap());
    }
    assert!(keys_of_store(&s).is_empty());
    let again = s.add_document(&docs[0].0, &docs[0].1, &docs[0].2, "t4").unwrap();
    assert!(matches!(again, Added::New(_)));
    assert!(keys_of_store(&s).is_empty(), "one province alone shares nothing");
}

#[test]
fn documents_stored_before_incremental_mining_are_mined_on_open() {
    let dir = std::env::temp_dir().join(format!("banthao-mining-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("cu.db");
    let _ = std::fs::remove_file(&path);
    let docs = corpus();
    {
        let mut s = Store::open(&path).unwrap();
        for (n, b, d) in &docs[..3] {
            s.add_document(n, b, d, "t").unwrap();
        }
    }
    let want = keys_of_store(&Store::open(&path).unwrap());
    assert!(!want.is_empty());
    // As a version-2 database would hold them: documents, no sentences, no clauses.
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "DELETE FROM sentence; DELETE FROM rep; DELETE FROM rep_triple; DELETE FROM clause; UPDATE document SET mined = 0;",
        )
        .unwrap();
    }
    assert_eq!(keys_of_store(&Store::open(&path).unwrap()), want);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_version_7_database_is_mined_again_keeping_curated_clauses() {
    let dir = std::env::temp_dir().join(format!("banthao-mining-v7-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("v7.db");
    let _ = std::fs::remove_file(&path);
    let docs = corpus();
    let want = {
        let mut s = Store::open(&path).unwrap();
        for (n, b, d) in &docs[..3] {
            s.add_document(n, b, d, "t").unwrap();
        }
        s.add_curated(Some("45-NQ/TW#IV"), "Câu mẫu tự soạn của {tỉnh}.", "t").unwrap();
        keys_of_store(&s)
    };
    // As version 7 left it: whole sentences mined, no kinds, no resolutions.
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP INDEX clause_kind; ALTER TABLE clause DROP COLUMN kind; ALTER TABLE clause DROP COLUMN res;
             ALTER TABLE sentence DROP COLUMN kind; UPDATE clause SET template = 'cũ' WHERE curated = 0;
             PRAGMA user_version = 7;",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(keys_of_store(&s), want);
    let curated: Vec<_> = s.clauses().unwrap().into_iter().filter(|c| c.curated).collect();
    assert_eq!(curated.len(), 1);
    assert!(s.clauses().unwrap().iter().all(|c| c.template != "cũ"));
    drop(s);
    let _ = std::fs::remove_dir_all(&dir);
}
