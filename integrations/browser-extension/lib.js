// postlint browser extension: pure helpers shared by the content script and the Node unit tests.
// No DOM globals and no chrome.* here: the text model walks nodes through nodeType/nodeName/childNodes
// only, so the tests can feed it plain objects.
"use strict";

(function (root) {
  const SEVERITY_RANK = { warn: 1, block: 2 };

  // Elements that start a new line of text in a contenteditable editor (Draft.js, Lexical, ProseMirror
  // and Quill all put one paragraph in one of these).
  const BLOCK_TAGS = new Set([
    "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER",
    "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION",
    "TABLE", "TR", "UL",
  ]);
  const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"]);

  /**
   * The text of a contenteditable element as the writer sees it, and where each piece of it lives.
   * Returns {text, pieces: [{node, start, end}]}: every text node's data appears verbatim at
   * [start, end) of `text`; a "\n" for a <br> or between blocks belongs to no node. Offsets are
   * JavaScript string indices (UTF-16 code units), the units the backend answers in.
   */
  function textModel(rootNode) {
    let text = "";
    let pendingNewline = false; // a block ended: the newline is written only if more text follows
    const pieces = [];
    const blockBoundary = () => {
      if (text && !text.endsWith("\n")) pendingNewline = true;
    };
    const flush = () => {
      if (pendingNewline) text += "\n";
      pendingNewline = false;
    };
    const walk = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          const data = child.data;
          // Source-formatting whitespace beside block elements is not part of what was typed.
          if (/^\s*\n\s*$/.test(data) && hasBlockChild(node)) continue;
          if (data) {
            flush();
            pieces.push({ node: child, start: text.length, end: text.length + data.length });
            text += data;
          }
        } else if (child.nodeType === 1) {
          const tag = String(child.nodeName).toUpperCase();
          if (SKIP_TAGS.has(tag)) continue;
          if (tag === "BR") {
            flush();
            text += "\n";
            continue;
          }
          const block = BLOCK_TAGS.has(tag);
          if (block) blockBoundary();
          walk(child);
          if (block) blockBoundary();
        }
      }
    };
    walk(rootNode);
    return { text, pieces };
  }

  function hasBlockChild(node) {
    for (let child = node.firstChild; child; child = child.nextSibling) if (isBlock(child)) return true;
    return false;
  }

  function isBlock(node) {
    return !!node && node.nodeType === 1 && BLOCK_TAGS.has(String(node.nodeName).toUpperCase());
  }

  /**
   * A DOM position ({node, offset}) for a string offset of a text model. `side` is "start" or "end":
   * an offset on a synthetic newline moves forward for a start and back for an end, so a range never
   * begins or ends outside a text node. Null when there is no text node on that side.
   */
  function locate(model, offset, side) {
    const { pieces } = model;
    if (side === "start") {
      for (const p of pieces) {
        if (offset < p.end && offset >= p.start) return { node: p.node, offset: offset - p.start };
        if (p.start > offset) return { node: p.node, offset: 0 };
      }
      return null;
    }
    for (let i = pieces.length - 1; i >= 0; i--) {
      const p = pieces[i];
      if (offset > p.start && offset <= p.end) return { node: p.node, offset: offset - p.start };
      if (p.end < offset) return { node: p.node, offset: p.end - p.start };
    }
    return null;
  }

  /** The findings whose offsets point at their own text in `text` (the backend's UTF-16 contract). */
  function aligned(text, findings) {
    return (findings || []).filter(
      (f) =>
        Number.isInteger(f.start) &&
        Number.isInteger(f.end) &&
        f.start >= 0 &&
        f.end > f.start &&
        f.end <= text.length &&
        (typeof f.text !== "string" || text.slice(f.start, f.end) === f.text),
    );
  }

  /**
   * Cuts [0, length) at every finding boundary; each marked piece carries the highest severity of the
   * findings covering it, and `focus` when the finding at index `focusIndex` covers it. So "53" inside
   * the warn span "To the 53 people" becomes its own block piece.
   * Returns [{start, end, severity: null|"warn"|"block", focus}], contiguous, covering everything.
   */
  function segments(length, findings, focusIndex = -1) {
    const cuts = new Set([0, length]);
    for (const f of findings) {
      cuts.add(Math.max(0, Math.min(length, f.start)));
      cuts.add(Math.max(0, Math.min(length, f.end)));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i];
      const end = points[i + 1];
      let severity = null;
      let focus = false;
      findings.forEach((f, index) => {
        if (f.start <= start && f.end >= end) {
          if (!severity || SEVERITY_RANK[f.severity] > SEVERITY_RANK[severity]) severity = f.severity;
          if (index === focusIndex) focus = true;
        }
      });
      out.push({ start, end, severity, focus });
    }
    return out;
  }

  /**
   * After an edit from `before` to `after`, the findings the edit did not touch, moved with the text:
   * those wholly before the changed part keep their offsets, those wholly after it shift by the change
   * in length. Keeps underlines in place while the writer types, until the next answer arrives.
   */
  function shiftFindings(before, after, findings) {
    let prefix = 0;
    const max = Math.min(before.length, after.length);
    while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (
      suffix < max - prefix &&
      before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
    )
      suffix++;
    const delta = after.length - before.length;
    const changedEnd = before.length - suffix; // end of the replaced part, in `before`
    const out = [];
    for (const f of findings) {
      if (f.end <= prefix) out.push(f);
      else if (f.start >= changedEnd) out.push({ ...f, start: f.start + delta, end: f.end + delta });
    }
    return out;
  }

  /**
   * The edits to make for `findings`' fixes (safe ones, or all with `unsafe`): each fix whole or not at
   * all, none overlapping one taken before it (earliest and widest first), last edit first so that the
   * offsets of the ones still to make hold. Offsets are the backend's (UTF-16, as JavaScript indexes).
   */
  function chooseEdits(findings, unsafe = false) {
    const fixes = findings
      .map((f) => f.fix)
      .filter((fix) => fix && fix.edits && fix.edits.length && (unsafe || fix.applicability === "safe"));
    const span = (fix) => fix.edits[fix.edits.length - 1].end - fix.edits[0].start;
    fixes.sort((a, b) => a.edits[0].start - b.edits[0].start || span(b) - span(a));
    const chosen = [];
    for (const fix of fixes) {
      const clash = fix.edits.some((e) => chosen.some((c) => (e.start < c.end && c.start < e.end) || e.start === c.start));
      if (!clash) chosen.push(...fix.edits);
    }
    return chosen.sort((a, b) => b.start - a.start);
  }

  /** The text with `edits` made (as chooseEdits orders them: last first). */
  function applyEdits(text, edits) {
    for (const e of edits) text = text.slice(0, e.start) + e.replacement + text.slice(e.end);
    return text;
  }

  // What sites call the button that publishes a draft (English and a few common translations).
  const POST_LABEL =
    /^(post|post all|tweet|tweet all|reply|publish|publish now|toot|toot!|share|share now|send|submit|publicar|publier|posten|veröffentlichen|pubblica|publiceren|opublikuj|投稿|게시|发布|發佈)$/i;

  function isPostLabel(label) {
    return POST_LABEL.test(String(label || "").replace(/\s+/g, " ").trim());
  }

  /** What the panel says when a draft was not checked, by the reason the background gave. */
  function notCheckedText(reason, retryAfter) {
    const wait = retryAfter ? ` Retrying in ${retryAfter} s.` : "";
    switch (reason) {
      case "not_configured":
        return "No backend set up: add the backend URL and API key in the extension's options.";
      case "timeout":
        return "The postlint backend did not answer within 3 seconds.";
      case "unreachable":
        return "The postlint backend could not be reached.";
      case "unauthorized":
        return "The backend refused the API key (401). Check it in the extension's options.";
      case "too_large":
        return "The draft is longer than the backend accepts.";
      case "rate_limited":
        return `Too many checks for this API key (429).${wait}`;
      case "busy":
        return `The backend is busy or starting (503).${wait}`;
      case "redirect":
        return "The backend URL redirects: set the final (https) URL in the options.";
      case "unreadable":
        return "postlint could not check this draft. Posting it needs a reason, as a block does.";
      case "bad_response":
        return "The backend's answer was not a postlint verdict.";
      case "extension_reloaded":
        return "The extension was updated or reloaded: reload this page to check drafts again.";
      default:
        return "The postlint backend answered with an error.";
    }
  }

  const api = {
    textModel, locate, aligned, segments, shiftFindings, chooseEdits, applyEdits, isPostLabel, notCheckedText,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.postlintLib = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
