//! The modules of `src/` depend one way: the `crate::` imports form no cycle.

use std::collections::BTreeMap;

/// Module name → the modules it names as `crate::<module>` (in code or in comments: a
/// doc link upward would describe a dependency the other way too).
fn imports() -> BTreeMap<String, Vec<String>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut deps: Vec<String> = text
            .match_indices("crate::")
            .map(|(at, m)| {
                text[at + m.len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .filter(|d| !d.is_empty() && *d != name)
            .collect();
        deps.sort();
        deps.dedup();
        graph.insert(name, deps);
    }
    graph
}

#[test]
fn module_imports_form_no_cycle() {
    let graph = imports();
    assert!(graph.contains_key("write") && graph.contains_key("xml"), "{graph:?}");
    // Depth-first search with colours: reaching a module still on the path is a cycle.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<String, Vec<String>>,
        state: &mut BTreeMap<&'a str, bool>,
        path: &mut Vec<&'a str>,
    ) {
        match state.get(m) {
            Some(true) => return,
            Some(false) => panic!("import cycle: {} → {m}", path.join(" → ")),
            None => {}
        }
        state.insert(m, false);
        path.push(m);
        for d in graph.get(m).into_iter().flatten() {
            // Names that are not modules (items of lib.rs re-exported) end the walk.
            if graph.contains_key(d.as_str()) {
                visit(d, graph, state, path);
            }
        }
        path.pop();
        state.insert(m, true);
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        visit(m, &graph, &mut state, &mut Vec::new());
    }
}

#[test]
fn lib_only_declares_and_reexports() {
    let lib = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    for line in lib.lines().map(str::trim) {
        let ok = line.is_empty()
            || line.starts_with("//")
            || line.starts_with("#![")
            || line.starts_with("mod ")
            || line.starts_with("pub mod ")
            || line.starts_with("pub use ");
        assert!(ok, "lib.rs should only declare modules and re-export: {line}");
    }
}
