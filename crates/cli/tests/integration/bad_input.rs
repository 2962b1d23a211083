//! Input that is not a document: exit 2, one line in Vietnamese on stderr, nothing on
//! stdout, nothing written anywhere.

use crate::testdir;
use crate::util::{banthao_in, fixture, stderr, TestDir};

/// Runs `parse` on `file` inside `dir` and checks the refusal.
fn refused(dir: &TestDir, file: &str, reason_contains: &str) {
    let before = dir.entries();
    for args in [vec!["parse", file], vec!["parse", file, "--json"]] {
        let out = banthao_in(&dir.0, &args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{file}: stderr {err}");
        assert!(out.stdout.is_empty(), "{file}: stdout should be empty");
        assert_eq!(err.trim_end().lines().count(), 1, "{file}: one line expected: {err}");
        assert!(err.starts_with("Không đọc được"), "{file}: {err}");
        assert!(err.contains(reason_contains), "{file}: expected «{reason_contains}» in {err}");
    }
    assert_eq!(dir.entries(), before, "{file}: something was written");
}

fn copy_in(dir: &TestDir, fixture_name: &str) -> String {
    std::fs::copy(fixture(fixture_name), dir.path(fixture_name)).unwrap();
    fixture_name.to_string()
}

#[test]
fn binary_garbage() {
    let dir = testdir!();
    let mut x: u64 = 0x9E3779B97F4A7C15;
    let bytes: Vec<u8> = (0..100_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    std::fs::write(dir.path("rac.txt"), &bytes).unwrap();
    std::fs::write(dir.path("rac.docx"), &bytes).unwrap();
    let mut pk = b"PK\x03\x04".to_vec();
    pk.extend_from_slice(&bytes);
    std::fs::write(dir.path("rac-zip"), &pk).unwrap();
    refused(&dir, "rac.txt", "nhị phân");
    refused(&dir, "rac.docx", "hỏng");
    refused(&dir, "rac-zip", "hỏng");
}

#[test]
fn damaged_docx_files() {
    let dir = testdir!();
    refused(&dir, &copy_in(&dir, "bad_truncated.docx"), "cắt cụt");
    refused(&dir, &copy_in(&dir, "bad_zip-bomb.docx"), "quá lớn");
    refused(&dir, &copy_in(&dir, "bad_entities.docx"), "DTD");
}

#[test]
fn zip_that_is_not_a_word_file() {
    let dir = testdir!();
    // A stored (uncompressed) zip with one entry, written by hand.
    let name = b"hello.txt";
    let data = b"xin chao";
    let crc = {
        let mut c = !0u32;
        for &b in data {
            c ^= b as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { (c >> 1) ^ 0xEDB88320 } else { c >> 1 };
            }
        }
        !c
    };
    let mut z = Vec::new();
    let local = |z: &mut Vec<u8>| {
        z.extend_from_slice(&[0x50, 0x4b, 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&crc.to_le_bytes());
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&[0, 0]);
        z.extend_from_slice(name);
        z.extend_from_slice(data);
    };
    local(&mut z);
    let cd_start = z.len() as u32;
    z.extend_from_slice(&[0x50, 0x4b, 1, 2, 20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    z.extend_from_slice(&crc.to_le_bytes());
    z.extend_from_slice(&(data.len() as u32).to_le_bytes());
    z.extend_from_slice(&(data.len() as u32).to_le_bytes());
    z.extend_from_slice(&(name.len() as u16).to_le_bytes());
    z.extend_from_slice(&[0; 12]);
    z.extend_from_slice(&0u32.to_le_bytes());
    z.extend_from_slice(name);
    let cd_len = z.len() as u32 - cd_start;
    z.extend_from_slice(&[0x50, 0x4b, 5, 6, 0, 0, 0, 0, 1, 0, 1, 0]);
    z.extend_from_slice(&cd_len.to_le_bytes());
    z.extend_from_slice(&cd_start.to_le_bytes());
    z.extend_from_slice(&[0, 0]);
    std::fs::write(dir.path("khong-phai-word.docx"), z).unwrap();
    refused(&dir, "khong-phai-word.docx", "word/document.xml");
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let dir = testdir!();
    let f = std::fs::File::create(dir.path("lon.txt")).unwrap();
    f.set_len(51 * 1024 * 1024).unwrap(); // sparse: costs no disk
    drop(f);
    refused(&dir, "lon.txt", "quá lớn");
}

#[test]
fn empty_legacy_missing_and_folder() {
    let dir = testdir!();
    std::fs::write(dir.path("rong.txt"), b"  \n\n").unwrap();
    refused(&dir, "rong.txt", "rỗng");
    // 8-bit text that is no Vietnamese in any legacy encoding (French in Windows-1252).
    let french =
        b"Le comit\xe9 a adopt\xe9 le programme fran\xe7ais, tr\xe8s d\xe9j\xe0 pr\xeat.\n".repeat(20);
    std::fs::write(dir.path("francais.txt"), french).unwrap();
    refused(&dir, "francais.txt", "bảng mã cũ");
    refused(&dir, "khong-co.txt", "không tìm thấy");
    std::fs::create_dir(dir.path("thu-muc")).unwrap();
    refused(&dir, "thu-muc", "thư mục");
}

#[test]
fn tcvn3_text_is_converted_and_says_so() {
    let dir = testdir!();
    // TCVN3 (ABC) bytes for Vietnamese text.
    let legacy =
        b"Ch\xad\xacng tr\xd7nh h\xb5nh \xae\xe9ng th\xf9c hi\xd6n Ngh\xde quy\xd5t s\xe8 45\n".repeat(20);
    std::fs::write(dir.path("tcvn3.txt"), legacy).unwrap();
    let out = banthao_in(&dir.0, &["parse", "tcvn3.txt", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = v.to_string();
    assert!(text.contains("Chương trình hành động thực hiện Nghị quyết số 45"), "{text}");
    assert_eq!(v["diagnostics"][0]["code"], "legacy-encoding");
    assert!(v["diagnostics"][0]["message"].as_str().unwrap().contains("TCVN3"));
}

#[test]
fn utf16_and_crlf_are_documents() {
    let dir = testdir!();
    let text =
        std::fs::read_to_string(fixture("cao-bang_kh_ban-thuong-vu.txt")).unwrap().replace('\n', "\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(dir.path("utf16.txt"), bytes).unwrap();
    let out = banthao_in(&dir.0, &["parse", "utf16.txt", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["province"], "Cao Bằng");
    assert_eq!(v["sections"].as_array().unwrap().len(), 4);
}
