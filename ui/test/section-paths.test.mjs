// Section paths in the window against tests/fixtures/section-paths.json, the fixture
// crates/core/tests/section_paths.rs checks Rust's paths against: the two must agree
// (the editor names sections by path to Rust: footnote anchors, compare_section).
// Runs on the compiled model (`npm test` builds first).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pathOf, pathSegment, walk } from "../dist/model.js";

const fixture = JSON.parse(readFileSync(new URL("../../tests/fixtures/section-paths.json", import.meta.url), "utf8"));

/** The fixture's tree as model sections. */
const sections = (nodes) =>
  nodes.map((n) => ({
    label: n.label,
    label_kind: "arabic",
    title: n.title ?? "",
    paragraphs: [],
    children: sections(n.children ?? []),
    implements: null,
    emphasis: [],
  }));

/** Every node with its expected path, depth first. */
const expected = (nodes) => nodes.flatMap((n) => [n.path, ...expected(n.children ?? [])]);

assert.ok(fixture.cases.length > 0, "the fixture has cases");

for (const c of fixture.cases) {
  test(c.name, () => {
    const doc = { sections: sections(c.sections), footnotes: [] };
    const got = [];
    const idxs = [];
    walk(doc, (_s, idx, path) => {
      got.push(path);
      idxs.push(idx);
    });
    assert.deepEqual(got, expected(c.sections));
    // pathOf (what the editor asks for the section under the cursor) agrees with walk.
    idxs.forEach((idx, k) => assert.equal(pathOf(doc, idx), got[k], `pathOf ${idx.join(".")}`));
  });
}

test("a segment is the label without surrounding punctuation", () => {
  assert.equal(pathSegment("III-"), "III");
  assert.equal(pathSegment("(1)"), "1");
  assert.equal(pathSegment("2.1."), "2.1");
});
