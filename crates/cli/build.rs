//! On Windows targets, the executable gets the product's icon and version information
//! (product name, version, company), which Explorer and the installed-programs list
//! show. Elsewhere, nothing.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../../src-tauri/icons/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = std::env::var("CARGO_PKG_VERSION").unwrap();
    let parts: Vec<u16> =
        version.split(['.', '-']).filter_map(|p| p.parse().ok()).chain([0; 4]).take(4).collect();
    let numeric = format!("{},{},{},{}", parts[0], parts[1], parts[2], parts[3]);
    let icon = concat!(env!("CARGO_MANIFEST_DIR"), "/../../src-tauri/icons/icon.ico").replace('\\', "/");
    // UTF-8 source (code page 65001) so the Vietnamese strings arrive intact.
    let rc = format!(
        r#"#pragma code_page(65001)
1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {numeric}
PRODUCTVERSION {numeric}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "042a04b0"
    BEGIN
      VALUE "CompanyName", "Bản thảo"
      VALUE "FileDescription", "banthao — dòng lệnh của Bản thảo"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "banthao"
      VALUE "OriginalFilename", "banthao.exe"
      VALUE "ProductName", "Bản thảo"
      VALUE "ProductVersion", "{version}"
      VALUE "LegalCopyright", "MIT"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x042a, 1200
  END
END
"#
    );
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("banthao.rc");
    std::fs::write(&out, rc).unwrap();
    embed_resource::compile(&out, embed_resource::NONE).manifest_optional().unwrap();
}
