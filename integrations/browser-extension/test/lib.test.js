// Unit tests for lib.js (node --test). The DOM is faked with plain objects: textModel only needs
// nodeType, nodeName, data, firstChild/nextSibling and previousSibling.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const L = require("../lib.js");

function tree(spec) {
  // spec: a string (text node) or [tagName, ...children]
  const build = (s) => {
    if (typeof s === "string") return { nodeType: 3, nodeName: "#text", data: s };
    const [tag, ...kids] = s;
    const node = { nodeType: 1, nodeName: tag, children: kids.map(build) };
    return node;
  };
  const link = (node) => {
    const kids = node.children || [];
    node.firstChild = kids[0] || null;
    kids.forEach((k, i) => {
      k.previousSibling = kids[i - 1] || null;
      k.nextSibling = kids[i + 1] || null;
      link(k);
    });
    return node;
  };
  return link(build(spec));
}

test("textModel joins blocks and <br> with newlines that belong to no node", () => {
  const root = tree(["DIV", ["P", ["SPAN", "🎄 To the "], ["B", "53"], " people"], ["P", ["BR"]], ["P", "are you okay?"]]);
  const model = L.textModel(root);
  assert.equal(model.text, "🎄 To the 53 people\n\nare you okay?");
  for (const p of model.pieces) assert.equal(model.text.slice(p.start, p.end), p.node.data);
  assert.deepEqual(
    model.pieces.map((p) => p.node.data),
    ["🎄 To the ", "53", " people", "are you okay?"],
  );
});

test("textModel skips formatting whitespace between blocks, scripts and styles", () => {
  const root = tree(["DIV", "\n  ", ["P", "one"], "\n  ", ["P", "two"], ["STYLE", "p{}"], "\n"]);
  assert.equal(L.textModel(root).text, "one\ntwo");
});

test("locate maps UTF-16 offsets into text nodes, stepping over synthetic newlines", () => {
  const root = tree(["DIV", ["P", "🎄 a"], ["P", "53 b"]]);
  const model = L.textModel(root); // "🎄 a\n53 b": the emoji is two code units
  assert.equal(model.text, "🎄 a\n53 b");
  const start = L.locate(model, 5, "start");
  const end = L.locate(model, 7, "end");
  assert.equal(start.node.data, "53 b");
  assert.deepEqual([start.offset, end.offset], [0, 2]);
  // An offset on the newline: a start moves to the next node, an end back to the previous one.
  assert.deepEqual([L.locate(model, 4, "start").node.data, L.locate(model, 4, "start").offset], ["53 b", 0]);
  assert.deepEqual([L.locate(model, 5, "end").node.data, L.locate(model, 5, "end").offset], ["🎄 a", 4]);
  assert.equal(L.locate({ pieces: [] }, 0, "start"), null);
});

test("aligned keeps only findings whose offsets point at their own text", () => {
  const text = "🎄 To the 53 people";
  const good = { start: 10, end: 12, text: "53" };
  const codepoints = { start: 9, end: 11, text: "53" }; // what code-point offsets would have said
  assert.deepEqual(L.aligned(text, [good, codepoints, { start: 5, end: 99 }, { start: 3, end: 3 }]), [good]);
});

test("segments split overlapping findings, the highest severity winning", () => {
  const findings = [
    { start: 2, end: 18, severity: "warn" },
    { start: 9, end: 11, severity: "block" },
  ];
  const marked = L.segments(20, findings, 1).filter((s) => s.severity);
  assert.deepEqual(marked, [
    { start: 2, end: 9, severity: "warn", focus: false },
    { start: 9, end: 11, severity: "block", focus: true },
    { start: 11, end: 18, severity: "warn", focus: false },
  ]);
  const all = L.segments(20, findings);
  assert.equal(all[0].start, 0);
  assert.equal(all.at(-1).end, 20);
});

test("shiftFindings keeps untouched findings in place while typing", () => {
  const before = "To the 53 people who binged";
  const findings = [
    { start: 7, end: 9, text: "53" },
    { start: 21, end: 27, text: "binged" },
  ];
  // Typing inside the second finding drops it and keeps the first.
  assert.deepEqual(L.shiftFindings(before, "To the 53 people who bingeed", findings), [findings[0]]);
  // Typing before both shifts them.
  const after = "Hey! To the 53 people who binged";
  const shifted = L.shiftFindings(before, after, findings);
  assert.deepEqual(shifted.map((f) => after.slice(f.start, f.end)), ["53", "binged"]);
});

test("post buttons are recognised by label", () => {
  for (const label of ["Post", " post all ", "Tweet", "Reply", "Toot!", "Publish", "Publicar", "Share"]) {
    assert.ok(L.isPostLabel(label), label);
  }
  for (const label of ["Poster", "Add photo", "", null, "Post a job"]) assert.ok(!L.isPostLabel(label), String(label));
});

test("every not-checked reason has words for the panel, and never says pass", () => {
  for (const reason of [
    "not_configured", "timeout", "unreachable", "unauthorized", "too_large", "rate_limited", "busy", "redirect",
    "bad_response", "extension_reloaded", "error",
  ]) {
    const text = L.notCheckedText(reason, 5);
    assert.ok(text.length > 10);
    assert.ok(!/\bpass/i.test(text));
  }
  assert.match(L.notCheckedText("rate_limited", 7), /7 s/);
});

test("chooseEdits takes whole fixes, safe ones unless asked, never two that overlap, last first", () => {
  const fix = (applicability, ...edits) => ({ applicability, edits: edits.map(([start, end, replacement]) => ({ start, end, replacement })) });
  const findings = [
    { fix: fix("safe", [7, 9, "many"]) }, // inside the wider call-out fix below
    { fix: fix("safe", [0, 16, "To everyone"]) },
    { fix: fix("safe", [44, 55, ""]) },
    { fix: fix("unsafe", [60, 70, ""]) },
    { fix: null },
  ];
  assert.deepEqual(L.chooseEdits(findings).map((e) => e.start), [44, 0]);
  assert.deepEqual(L.chooseEdits(findings, true).map((e) => e.start), [60, 44, 0]);
  const text = "To the 53 people who watched it";
  assert.equal(L.applyEdits(text, L.chooseEdits([{ fix: fix("safe", [0, 16, "To everyone"]) }])), "To everyone who watched it");
});
