// postlint browser extension: content script. Finds compose boxes, sends their text (debounced) to the
// service worker, underlines findings without touching the editor, shows a panel, and asks for a reason
// before a blocked draft is posted. It never writes to the editor's DOM or text, never logs, never stores.
"use strict";

(() => {
  if (globalThis.__postlintContentLoaded) return; // static and user-added matches can both inject
  globalThis.__postlintContentLoaded = true;

  const L = globalThis.postlintLib;
  const DEBOUNCE_MS = 400;
  const GATE_WAIT_MS = 4500; // a Post pressed mid-check waits this long for the verdict
  const COMMIT_WAIT_MS = 2000; // an editor that re-renders after an applied edit gets this long to show it
  const CANDIDATES = 'textarea, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';
  // Publish buttons by site (any button whose label is "Post", "Reply", "Toot", … also counts).
  const POST_SELECTORS = [
    '[data-testid="tweetButton"]',
    '[data-testid="tweetButtonInline"]',
    '[data-testid="composerPublishBtn"]',
    ".share-actions__primary-action",
    ".compose-form__publish button",
    ".compose-form__submit button",
    'button[type="submit"]',
    'input[type="submit"]',
  ].join(",");
  const CLICKABLE = 'button, [role="button"], input[type="submit"], input[type="button"]';
  const HIGHLIGHTS = { block: "postlint-block", warn: "postlint-warn", focus: "postlint-focus" };

  const boxes = new Map(); // editor element -> Box
  let nextBoxId = 1;
  let nextReqId = 1;
  let port = null;
  let orphaned = false; // the extension was reloaded under this page
  let replaying = false; // set while we re-dispatch an event the writer confirmed
  let dialogOpen = false;

  // ------------------------------------------------------------------------------------------------
  // The UI layer: one shadow root, outside the site's tree of elements, for panels, mirrors, dialog.

  const host = document.createElement("postlint-ui");
  host.setAttribute("style", "all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0;");
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = UI_CSS();
  shadow.append(style);
  // Keys typed in our dialog must not reach the site's own shortcuts.
  for (const type of ["keydown", "keyup", "keypress", "input", "beforeinput"]) {
    shadow.addEventListener(type, (e) => e.stopPropagation());
  }
  const mountHost = () => {
    if (!host.isConnected) document.documentElement.append(host);
  };

  // ------------------------------------------------------------------------------------------------
  // Messaging with the service worker.

  function send(msg) {
    if (orphaned) return false;
    try {
      if (!port) {
        port = chrome.runtime.connect({ name: "postlint" });
        port.onMessage.addListener(onMessage);
        port.onDisconnect.addListener(() => {
          port = null;
          // The worker was stopped mid-request: ask again on a fresh port.
          for (const box of boxes.values()) if (box.state === "checking") box.schedule(0);
        });
      }
      port.postMessage(msg);
      return true;
    } catch {
      orphaned = true; // "Extension context invalidated": this script is cut off for good
      port = null;
      for (const box of boxes.values()) if (box.text.trim()) box.showNotChecked({ reason: "extension_reloaded" });
      return false;
    }
  }

  function onMessage(msg) {
    if (msg?.type !== "result") return;
    for (const box of boxes.values()) if (box.id === msg.boxId) box.onResult(msg);
  }

  // ------------------------------------------------------------------------------------------------
  // One compose box.

  class Box {
    constructor(el) {
      this.el = el;
      this.id = nextBoxId++;
      this.isTextarea = el instanceof HTMLTextAreaElement;
      this.text = "";
      this.state = "idle"; // idle | pending | checking | done | not_checked
      this.result = null; // last verdict {decision, findings, pack}
      this.findings = []; // findings aligned with this.text
      this.ranges = { block: [], warn: [] };
      this.focusIndex = -1;
      this.reqId = 0;
      this.sentText = null;
      this.timer = 0;
      this.waiters = [];
      this.overrideText = null; // the exact text the writer chose to post anyway
      this.collapsed = false;
      this.notChecked = null;
      this.onInput = () => this.refresh();
      el.addEventListener("input", this.onInput);
      if (!this.isTextarea) {
        this.observer = new MutationObserver(() => this.refresh());
        this.observer.observe(el, { childList: true, characterData: true, subtree: true });
      }
      this.ui = new BoxUI(this);
      this.refresh();
    }

    destroy() {
      clearTimeout(this.timer);
      this.el.removeEventListener("input", this.onInput);
      this.observer?.disconnect();
      if (this.state === "checking") send({ type: "cancel", boxId: this.id });
      this.ui.destroy();
      this.ranges = { block: [], warn: [] };
      this.resolveWaiters();
      boxes.delete(this.el);
      paintHighlights();
    }

    readText() {
      if (this.isTextarea) return { text: this.el.value, model: null };
      const model = L.textModel(this.el);
      return { text: model.text, model };
    }

    refresh() {
      const { text, model } = this.readText();
      if (text === this.text) return;
      const before = this.text;
      this.text = text;
      if (this.state === "checking") send({ type: "cancel", boxId: this.id }); // that answer is stale now
      if (!text.trim()) {
        clearTimeout(this.timer);
        this.state = "idle";
        this.result = null;
        this.findings = [];
        this.resolveWaiters();
      } else {
        // Keep the underlines the edit did not touch, until the new answer comes.
        this.findings = L.shiftFindings(before, text, this.findings);
        this.focusIndex = -1;
        this.state = "pending";
        this.schedule(DEBOUNCE_MS);
      }
      this.paint(model);
    }

    schedule(delay) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.check(), delay);
    }

    check() {
      clearTimeout(this.timer);
      if (!this.text.trim()) return;
      this.reqId = nextReqId++;
      this.sentText = this.text;
      this.state = "checking";
      if (send({ type: "lint", boxId: this.id, reqId: this.reqId, text: this.text })) this.ui.render();
    }

    onResult(msg) {
      if (msg.reqId !== this.reqId || this.sentText !== this.text) return; // an older draft's answer
      this.focusIndex = -1;
      if (msg.status === "ok") {
        this.state = "done";
        this.notChecked = null;
        this.result = msg;
        this.findings = L.aligned(this.text, msg.findings);
      } else {
        this.showNotChecked(msg);
        if (msg.retryAfter && msg.reason !== "not_configured") this.schedule(msg.retryAfter * 1000);
      }
      this.resolveWaiters();
      this.paint();
    }

    showNotChecked(msg) {
      this.state = "not_checked";
      this.notChecked = { reason: msg.reason, retryAfter: msg.retryAfter };
      this.result = null;
      this.findings = [];
      this.resolveWaiters();
      this.paint();
    }

    /** Whether Post must wait for this box: a verdict is due, or the verdict is block. */
    needsGate() {
      if (!this.text.trim() || this.overrideText === this.text) return false;
      if (this.state === "pending" || this.state === "checking") return true;
      return this.stopsPost();
    }

    /** A block, or a draft the backend could not check (fail closed); not a backend that is down or unset. */
    stopsPost() {
      if (this.state === "not_checked") return this.notChecked?.reason === "unreadable";
      return this.state === "done" && this.result?.decision === "block";
    }

    /** Resolves once a verdict (or "not checked") for the current text is in, or after `ms`. */
    settle(ms) {
      if (this.state !== "pending" && this.state !== "checking") return Promise.resolve();
      if (this.state === "pending") this.check();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }

    resolveWaiters() {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }

    /** Underlines (highlight ranges or the textarea mirror) and the panel, from this.findings. */
    paint(model) {
      this.paintMarks(model);
      this.ui.render();
    }

    /** Only the underlines: a textarea's mirror, or an editor's highlight ranges. */
    paintMarks(model) {
      if (this.isTextarea) {
        if (this.ui.mirror) this.ui.renderMirror();
      } else {
        this.ranges = { block: [], warn: [] };
        if (this.findings.length) {
          model = model && model.text === this.text ? model : L.textModel(this.el);
          if (model.text === this.text) {
            for (const seg of L.segments(this.text.length, this.findings, this.focusIndex)) {
              if (!seg.severity && !seg.focus) continue;
              const range = rangeFor(model, seg.start, seg.end);
              if (!range) continue;
              if (seg.severity) this.ranges[seg.severity].push(range);
              if (seg.focus) (this.ranges.focus ||= []).push(range);
            }
          }
        }
        paintHighlights();
      }
    }
  }

  function rangeFor(model, start, end) {
    const a = L.locate(model, start, "start");
    const b = L.locate(model, end, "end");
    if (!a || !b) return null;
    const range = document.createRange();
    try {
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
    } catch {
      return null;
    }
    return range.collapsed ? null : range;
  }

  function paintHighlights() {
    if (!globalThis.CSS?.highlights || typeof Highlight !== "function") return;
    for (const [key, name] of Object.entries(HIGHLIGHTS)) {
      const ranges = [];
      for (const box of boxes.values()) ranges.push(...(box.ranges[key] || []));
      if (!ranges.length) {
        CSS.highlights.delete(name);
        continue;
      }
      const highlight = new Highlight(...ranges);
      highlight.priority = key === "focus" ? 3 : key === "block" ? 2 : 1;
      CSS.highlights.set(name, highlight);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // A box's panel, and for a textarea its mirror: a copy of the text, transparent, laid exactly over it.

  class BoxUI {
    constructor(box) {
      this.box = box;
      this.panel = null;
      this.mirror = null;
    }

    destroy() {
      this.panel?.remove();
      this.mirror?.remove();
    }

    render() {
      const box = this.box;
      const active = box.state !== "idle" && box.text.trim();
      if (!active) {
        this.destroy();
        this.panel = this.mirror = null;
        return;
      }
      mountHost();
      if (box.isTextarea) this.renderMirror();
      this.renderPanel();
      this.layout();
      startLayoutLoop();
    }

    renderMirror() {
      const box = this.box;
      if (!this.mirror) {
        this.mirror = el("div", "mirror");
        this.mirror.setAttribute("aria-hidden", "true");
        shadow.append(this.mirror);
      }
      const text = box.text;
      const parts = [];
      for (const seg of L.segments(text.length, box.findings, box.focusIndex)) {
        const piece = text.slice(seg.start, seg.end);
        if (!seg.severity && !seg.focus) {
          parts.push(document.createTextNode(piece));
          continue;
        }
        const mark = el("span", `mark ${seg.severity || ""} ${seg.focus ? "focus" : ""}`.trim());
        if (seg.severity) mark.dataset.severity = seg.severity;
        mark.textContent = piece;
        parts.push(mark);
      }
      // A trailing newline needs a character after it to take up its line, as in the textarea.
      parts.push(document.createTextNode("\u200b"));
      this.mirror.replaceChildren(...parts);
    }

    renderPanel() {
      const box = this.box;
      if (!this.panel) {
        this.panel = el("section", "panel");
        this.panel.setAttribute("role", "status");
        this.panel.setAttribute("aria-live", "polite");
        shadow.append(this.panel);
      }
      const panel = this.panel;
      const result = box.result;
      let state;
      let title;
      if (box.state === "not_checked") {
        state = "not-checked";
        title = "Not checked";
      } else if (box.state === "done" && result) {
        state = result.decision;
        title = { pass: "Pass", warn: "Warn", block: "Block" }[result.decision];
      } else {
        state = "checking";
        title = "Checking…";
      }
      panel.dataset.state = state;
      panel.dataset.for = box.el.id || "";
      panel.dataset.decision = box.state === "done" && result ? result.decision : "";
      panel.classList.toggle("collapsed", box.collapsed);
      panel.classList.toggle("stale", box.state === "pending" || box.state === "checking");

      const header = el("header");
      const badge = el("span", "badge", title);
      const count = box.findings.length;
      const summary = el("span", "summary");
      if (state === "not-checked") summary.textContent = "this draft has not been checked";
      else if (state === "checking") summary.textContent = result || count ? "re-checking your edit" : "";
      else if (state === "pass") summary.textContent = "no exposing claims found";
      else summary.textContent = `${count} ${count === 1 ? "finding" : "findings"}`;
      if (state === "block") summary.textContent += " · posting asks for a reason";
      if (box.overrideText === box.text && state === "block") summary.textContent = "posting anyway, reason given";
      const toggle = el("button", "toggle", box.collapsed ? "+" : "–");
      toggle.type = "button";
      toggle.title = box.collapsed ? "Show postlint's findings" : "Hide postlint's findings";
      toggle.addEventListener("click", () => {
        box.collapsed = !box.collapsed;
        this.render();
      });
      header.append(el("span", "brand", "postlint"), badge, summary, toggle);
      const parts = [header];

      if (!box.collapsed) {
        if (state === "not-checked") {
          const note = el("p", "note", L.notCheckedText(box.notChecked?.reason, box.notChecked?.retryAfter));
          const actions = el("div", "actions");
          const retry = el("button", "link", "Check again");
          retry.type = "button";
          retry.addEventListener("click", () => box.check());
          actions.append(retry);
          if (["not_configured", "unauthorized", "redirect"].includes(box.notChecked?.reason)) {
            const options = el("button", "link", "Open options");
            options.type = "button";
            options.addEventListener("click", () => send({ type: "openOptions" }));
            actions.append(options);
          }
          parts.push(note, actions);
        } else if (count) {
          const list = el("ol", "findings");
          [...box.findings]
            .map((f, index) => ({ f, index }))
            .sort((a, b) => a.f.start - b.f.start || (a.f.severity === "block" ? -1 : 1))
            .forEach(({ f, index }) => {
              const item = el("li", `finding ${f.severity}`);
              item.dataset.rule = f.rule;
              const head = el("div", "fhead");
              head.append(
                el("span", `sev ${f.severity}`, f.severity),
                el("span", "fname", f.name || f.rule),
                el("q", "quote", box.text.slice(f.start, f.end)),
              );
              item.append(head, el("p", "message", f.message));
              if (f.suggestion) item.append(el("p", "suggestion", `Instead: ${f.suggestion}`));
              if (f.fix && box.state === "done") {
                const apply = el("button", "apply", f.fix.applicability === "safe" ? "Apply" : "Apply (changes meaning)");
                apply.type = "button";
                apply.title = f.fix.title;
                apply.addEventListener("click", () => editBox(box, L.chooseEdits([f], true)));
                const row = el("div", "actions");
                row.append(apply);
                item.append(row);
              }
              item.addEventListener("mouseenter", () => setFocus(box, index));
              item.addEventListener("mouseleave", () => setFocus(box, -1));
              list.append(item);
            });
          parts.push(list);
          const safe = state !== "checking" ? L.chooseEdits(box.findings) : [];
          if (safe.length) {
            const all = el("button", "apply all", "Apply all safe fixes");
            all.type = "button";
            all.addEventListener("click", () => editBox(box, L.chooseEdits(box.findings)));
            const row = el("div", "actions");
            row.append(all);
            parts.push(row);
          }
          parts.push(el("div", "more", "more below ↓"));
        }
      }
      panel.replaceChildren(...parts);
      panel.onscroll = () => this.markScroll();
    }

    /** The "more below" cue shows while the list runs past the panel's bottom edge. */
    markScroll() {
      const p = this.panel;
      if (!p) return;
      const overflowing = p.scrollHeight > p.clientHeight + 1;
      p.classList.toggle("overflowing", overflowing);
      p.classList.toggle("at-end", !overflowing || p.scrollTop + p.clientHeight >= p.scrollHeight - 2);
    }

    /** Puts the mirror over the textarea and the panel next to the box, clear of the panels already
     * placed (`placed`, this pass's rectangles) and, where it can, of the other compose boxes. */
    layout(placed = [], others = []) {
      const box = this.box;
      const rect = box.el.getBoundingClientRect();
      const shown = box.el.isConnected && rect.width > 0 && rect.height > 0 && box.el.getClientRects().length > 0;
      if (this.mirror) {
        this.mirror.style.display = shown ? "block" : "none";
        if (shown) copyGeometry(box.el, this.mirror, rect);
      }
      if (!this.panel) return;
      this.panel.style.display = shown ? "block" : "none";
      if (!shown) return;
      const gap = 6;
      const width = Math.min(360, Math.max(240, window.innerWidth - 16));
      this.panel.style.width = `${width}px`;
      const height = this.panel.offsetHeight;
      // Where the panel may go, best first: under the box, over it, then beside it.
      const candidates = [
        { left: rect.left, top: rect.bottom + gap },
        { left: rect.left, top: rect.top - gap - height },
        { left: rect.right + gap, top: rect.top },
        { left: rect.left - gap - width, top: rect.top },
      ];
      const fits = (c) =>
        c.top >= 4 && c.top + height <= window.innerHeight - 4 && c.left >= 4 && c.left + width <= window.innerWidth - 4;
      const clash = (c, rects) =>
        rects.find((r) => c.left < r.right && r.left < c.left + width && c.top < r.bottom && r.top < c.top + height);
      const spot =
        candidates.find((c) => fits(c) && !clash(c, [...placed, ...others])) ||
        candidates.find((c) => fits(c) && !clash(c, placed)) ||
        { ...candidates[0] };
      const left = Math.max(4, Math.min(spot.left, window.innerWidth - width - 8));
      let top = spot.top;
      for (let r = clash({ left, top }, placed); r; r = clash({ left, top }, placed)) top = r.bottom + gap; // never over a panel
      top = Math.max(4, top);
      this.panel.style.top = `${Math.round(top)}px`;
      this.panel.style.left = `${Math.round(left)}px`;
      placed.push({ left, right: left + width, top, bottom: top + height });
      this.markScroll();
    }
  }

  /**
   * Makes `edits` (last first, in the offsets of the text that was checked) in the box the way typing
   * would: the selection is set over the words and the browser's own insert or delete runs, so the
   * site's editor (Draft.js, Lexical, ProseMirror, Quill, a plain textarea) updates its own state and
   * undo history, and the box is checked again like any edit.
   */
  async function editBox(box, edits) {
    const target = box.el;
    target.focus();
    for (const e of edits) {
      const before = box.isTextarea ? null : L.textModel(target).text;
      if (box.isTextarea) {
        target.setSelectionRange(e.start, e.end);
      } else {
        const range = rangeFor(L.textModel(target), e.start, e.end);
        if (!range) continue;
        const selection = target.getRootNode().getSelection?.() || document.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
      const done = e.replacement
        ? document.execCommand("insertText", false, e.replacement)
        : document.execCommand("delete", false);
      if (!done && box.isTextarea) {
        // No editing command here: set the value as a site's own script would, and say so with an input event.
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
        setter.call(target, target.value.slice(0, e.start) + e.replacement + target.value.slice(e.end));
        target.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText" }));
      }
      if (before !== null) await committed(target, before);
    }
  }

  /**
   * Editors such as Draft.js and Lexical commit an edit, re-render and put back their own selection after
   * the event that made it, in a frame or, on a busy page, several: the next edit's words are found in
   * the text once it has changed (up to two seconds by the clock, not a count of frames, which a busy
   * machine stretches), and a frame after that.
   */
  async function committed(target, before) {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const deadline = performance.now() + COMMIT_WAIT_MS;
    while (L.textModel(target).text === before && performance.now() < deadline) await frame();
    await frame();
  }

  function setFocus(box, index) {
    if (box.focusIndex === index) return;
    box.focusIndex = index;
    box.paintMarks(); // not the panel: rebuilding it under the pointer would fire mouseenter again
  }

  const MIRRORED = [
    "direction", "boxSizing", "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth",
    "borderTopStyle", "borderRightStyle", "borderBottomStyle", "borderLeftStyle", "paddingTop", "paddingRight",
    "paddingBottom", "paddingLeft", "fontStyle", "fontVariant", "fontWeight", "fontStretch", "fontSize",
    "fontSizeAdjust", "lineHeight", "fontFamily", "fontFeatureSettings", "fontKerning", "fontVariantLigatures",
    "fontVariationSettings", "textAlign", "textTransform", "textIndent", "letterSpacing", "wordSpacing", "tabSize",
    "wordBreak", "overflowWrap", "hyphens", "textRendering", "unicodeBidi", "writingMode",
  ];

  function copyGeometry(textarea, mirror, rect) {
    const cs = getComputedStyle(textarea);
    const s = mirror.style;
    for (const prop of MIRRORED) s[prop] = cs[prop];
    s.whiteSpace = textarea.getAttribute("wrap") === "off" ? "pre" : "pre-wrap";
    s.borderColor = "transparent";
    s.boxSizing = "border-box";
    s.left = `${rect.left}px`;
    s.top = `${rect.top}px`;
    s.width = `${rect.width}px`;
    s.height = `${rect.height}px`;
    // A vertical scrollbar narrows the textarea's text; narrow the mirror's the same way.
    const borders = parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth);
    const scrollbar = Math.max(0, textarea.offsetWidth - textarea.clientWidth - borders);
    s.paddingRight = `${parseFloat(cs.paddingRight) + scrollbar}px`;
    mirror.scrollTop = textarea.scrollTop;
    mirror.scrollLeft = textarea.scrollLeft;
  }

  let layoutQueued = false;
  function layoutAll() {
    if (layoutQueued) return;
    layoutQueued = true;
    requestAnimationFrame(() => {
      layoutQueued = false;
      const all = [...boxes.values()].filter((b) => b.el.isConnected);
      const rects = new Map(all.map((b) => [b, b.el.getBoundingClientRect()]));
      const placed = [];
      for (const box of all.filter((b) => b.ui.panel).sort((a, b) => rects.get(a).top - rects.get(b).top)) {
        const others = all.filter((b) => b !== box && rects.get(b).width > 0).map((b) => rects.get(b));
        box.ui.layout(placed, others); // clear of the panels placed so far and, where it can, of the other boxes
      }
    });
  }

  let loop = 0;
  function startLayoutLoop() {
    if (loop) return;
    // Boxes move without scroll or resize events (content above them grows); and sites reset a
    // textarea's value from script without an input event (after posting). Both are caught here.
    loop = setInterval(() => {
      for (const box of [...boxes.values()]) {
        if (!box.el.isConnected) box.destroy();
        else if (box.isTextarea) box.refresh();
      }
      if (![...boxes.values()].some((b) => b.state !== "idle")) {
        clearInterval(loop);
        loop = 0;
      }
      layoutAll();
    }, 500);
  }

  window.addEventListener("scroll", layoutAll, { capture: true, passive: true });
  window.addEventListener("resize", layoutAll, { passive: true });

  // ------------------------------------------------------------------------------------------------
  // Finding compose boxes, now and as the site adds them.

  function eligible(node) {
    if (!(node instanceof HTMLElement) || boxes.has(node)) return false;
    if (node.getRootNode() !== document) return false; // not our own dialog, nor editors in shadow trees
    if (node.closest('[data-postlint="off"]')) return false;
    if (node instanceof HTMLTextAreaElement) {
      if (node.readOnly || node.disabled) return false;
    } else {
      if (!node.isContentEditable) return false;
      if (node.parentElement?.isContentEditable) return false; // only the editor's outermost element
    }
    const role = node.getAttribute("role");
    const label = `${node.getAttribute("aria-label") || ""} ${node.getAttribute("placeholder") || ""}`;
    if (role === "searchbox" || role === "combobox" || /\bsearch\b/i.test(label)) return false;
    return true;
  }

  function track(node) {
    if (eligible(node)) boxes.set(node, new Box(node));
  }

  function scan() {
    for (const node of document.querySelectorAll(CANDIDATES)) track(node);
    for (const box of [...boxes.values()]) if (!box.el.isConnected) box.destroy();
  }

  let scanTimer = 0;
  function scheduleScan() {
    if (scanTimer) return;
    scanTimer = setTimeout(() => {
      scanTimer = 0;
      scan();
    }, 200);
  }

  new MutationObserver(scheduleScan).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["contenteditable"],
  });

  function boxFor(node) {
    for (let n = node; n; n = n.parentElement) {
      const box = boxes.get(n);
      if (box) return box;
      if (n instanceof HTMLElement && (n instanceof HTMLTextAreaElement || n.isContentEditable) && eligible(n)) {
        track(n);
        return boxes.get(n);
      }
    }
    return null;
  }

  document.addEventListener("focusin", (e) => boxFor(e.composedPath()[0]), true);
  scan();

  // ------------------------------------------------------------------------------------------------
  // Publishing: a blocked draft needs a reason first. Clicks and Ctrl/Cmd+Enter are caught in the capture
  // phase, before the site's handlers; once the writer confirms, the same action is replayed.

  /** The compose boxes a Post button belongs to: those in its nearest ancestor that holds any. */
  function boxesForButton(button) {
    const form = button.closest("form");
    if (form) {
      const inForm = [...boxes.values()].filter((b) => form.contains(b.el));
      if (inForm.length) return inForm;
    }
    let depth = 0;
    for (let a = button.parentElement; a && depth < 20; a = a.parentElement, depth++) {
      const inside = [...boxes.values()].filter((b) => a.contains(b.el));
      if (inside.length) return inside;
    }
    return [];
  }

  function isPostButton(button) {
    if (button.matches(POST_SELECTORS)) return true;
    const label = button.getAttribute("aria-label") || button.value || button.innerText || button.textContent;
    return L.isPostLabel(label);
  }

  window.addEventListener(
    "click",
    (e) => {
      if (replaying || orphaned || !e.isTrusted) return;
      const target = e.composedPath()[0];
      if (!(target instanceof Element) || e.composedPath().includes(host)) return;
      const button = target.closest(CLICKABLE);
      if (!button || !isPostButton(button)) return;
      const gated = boxesForButton(button).filter((b) => b.needsGate());
      if (!gated.length) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      gate(gated, () => {
        if (button.isConnected) button.click();
      });
    },
    true,
  );

  window.addEventListener(
    "keydown",
    (e) => {
      if (replaying || orphaned || !e.isTrusted) return;
      if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || dialogOpen) return;
      const target = e.composedPath()[0];
      const box = target instanceof Element ? boxFor(target) : null;
      if (!box || !box.needsGate()) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      gate([box], () => {
        const init = {
          key: e.key,
          code: e.code,
          keyCode: 13,
          which: 13,
          ctrlKey: e.ctrlKey,
          metaKey: e.metaKey,
          shiftKey: e.shiftKey,
          altKey: e.altKey,
          bubbles: true,
          cancelable: true,
          composed: true,
        };
        if (target.isConnected) target.dispatchEvent(new KeyboardEvent("keydown", init));
      });
    },
    true,
  );

  window.addEventListener(
    "submit",
    (e) => {
      if (replaying || orphaned || dialogOpen) return;
      const form = e.target;
      const gated = [...boxes.values()].filter((b) => form.contains(b.el) && b.needsGate());
      if (!gated.length) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      gate(gated, () => form.isConnected && form.requestSubmit(e.submitter || undefined));
    },
    true,
  );

  let gating = false;
  async function gate(gated, replay) {
    if (gating || dialogOpen) return;
    gating = true;
    try {
      await Promise.all(gated.map((b) => b.settle(GATE_WAIT_MS)));
      const blocked = gated.filter((b) => b.needsGate() && b.stopsPost());
      if (blocked.length) {
        const reason = await askReason(blocked);
        if (!reason) return;
        for (const b of blocked) {
          b.overrideText = b.text; // only this exact text: an edit asks again
          b.ui.render();
        }
      }
      replaying = true;
      try {
        replay();
      } finally {
        replaying = false;
      }
    } finally {
      gating = false;
    }
  }

  /** The confirmation dialog; resolves to the reason given, or null when the writer goes back. */
  function askReason(blocked) {
    mountHost();
    dialogOpen = true;
    const returnFocus = blocked[0].el;
    return new Promise((resolve) => {
      const backdrop = el("div", "backdrop");
      const dialog = el("form", "dialog");
      dialog.setAttribute("role", "alertdialog");
      dialog.setAttribute("aria-modal", "true");
      dialog.setAttribute("aria-labelledby", "postlint-dialog-title");
      const title = el("h2", "", "postlint blocked this post");
      title.id = "postlint-dialog-title";
      const intro = el("p", "", "It could expose people through their activity data:");
      const list = el("ul", "reasons");
      for (const b of blocked) {
        if (b.state === "not_checked") list.append(el("li", "", "postlint could not check this draft."));
        for (const f of b.findings.filter((x) => x.severity === "block")) {
          const item = el("li");
          item.append(el("q", "quote", b.text.slice(f.start, f.end)), document.createTextNode(` — ${f.message}`));
          list.append(item);
        }
      }
      const label = el("label", "", "To post it anyway, say why (required):");
      const reason = el("textarea", "reason");
      reason.required = true;
      reason.rows = 3;
      reason.setAttribute("aria-required", "true");
      label.append(reason);
      const hint = el("p", "hint", "At least 5 characters. The reason is not sent or saved anywhere.");
      const actions = el("div", "actions");
      const cancel = el("button", "secondary", "Go back and edit");
      cancel.type = "button";
      const confirm = el("button", "danger", "Post anyway");
      confirm.type = "submit";
      confirm.disabled = true;
      actions.append(cancel, confirm);
      dialog.append(title, intro, list, label, hint, actions);
      backdrop.append(dialog);
      shadow.append(backdrop);

      const valid = () => reason.value.trim().length >= 5;
      reason.addEventListener("input", () => {
        confirm.disabled = !valid();
      });
      const close = (value) => {
        backdrop.remove();
        dialogOpen = false;
        resolve(value);
        if (!value && returnFocus.isConnected) returnFocus.focus();
      };
      cancel.addEventListener("click", () => close(null));
      dialog.addEventListener("submit", (e) => {
        e.preventDefault();
        if (valid()) close(reason.value.trim());
        else reason.focus();
      });
      backdrop.addEventListener("keydown", (e) => {
        if (e.key === "Escape") close(null);
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && valid()) close(reason.value.trim());
        if (e.key === "Tab") {
          // Keep focus inside the dialog.
          const stops = [reason, cancel, confirm].filter((x) => !x.disabled);
          const i = stops.indexOf(shadow.activeElement);
          const next = e.shiftKey ? i - 1 : i + 1;
          e.preventDefault();
          stops[(next + stops.length) % stops.length].focus();
        }
      });
      reason.focus();
    });
  }

  // ------------------------------------------------------------------------------------------------

  function el(tag, className = "", text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function UI_CSS() {
    return `
:host { all: initial; }
.mirror {
  position: fixed; margin: 0; overflow: hidden; pointer-events: none; color: transparent;
  background: transparent; z-index: 2147483646; border-style: solid;
}
.mark { border-radius: 2px; text-decoration-line: underline; text-decoration-style: wavy;
  text-decoration-thickness: 1.5px; text-underline-offset: 3px; text-decoration-skip-ink: none; }
.mark.block { background: rgba(217, 48, 37, 0.16); text-decoration-color: #d93025; }
.mark.warn { background: rgba(227, 116, 0, 0.14); text-decoration-color: #e37400; }
.mark.focus { background: rgba(255, 214, 0, 0.55); }
.panel {
  position: fixed; z-index: 2147483647; box-sizing: border-box; max-height: min(40vh, 280px); overflow: auto;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f;
  background: #fff; border: 1px solid #d0d0d0; border-left: 4px solid #888; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.15); padding: 8px 10px;
}
.panel[data-state="block"] { border-left-color: #d93025; }
.panel[data-state="warn"] { border-left-color: #e37400; }
.panel[data-state="pass"] { border-left-color: #188038; }
.panel[data-state="not-checked"] { border-left-color: #5f6368; background: repeating-linear-gradient(
  -45deg, #fff, #fff 10px, #f3f3f3 10px, #f3f3f3 20px); }
.panel.stale .findings { opacity: .6; }
.panel.collapsed { width: auto !important; }
header { display: flex; align-items: center; gap: 6px; }
.brand { font-weight: 600; color: #5f6368; }
.badge { font-weight: 700; text-transform: uppercase; font-size: 11px; letter-spacing: .04em;
  padding: 1px 6px; border-radius: 4px; background: #e8eaed; color: #3c4043; }
[data-state="block"] .badge { background: #d93025; color: #fff; }
[data-state="warn"] .badge { background: #e37400; color: #fff; }
[data-state="pass"] .badge { background: #188038; color: #fff; }
[data-state="not-checked"] .badge { background: #3c4043; color: #fff; }
.summary { flex: 1; color: #5f6368; font-size: 12px; }
.toggle { all: unset; cursor: pointer; width: 18px; text-align: center; color: #5f6368; font-weight: 700; }
.findings { list-style: none; margin: 6px 0 0; padding: 0; }
.finding { padding: 6px 0; border-top: 1px solid #eee; }
.fhead { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.sev { font-size: 10px; font-weight: 700; text-transform: uppercase; }
.sev.block { color: #d93025; } .sev.warn { color: #b06000; }
.fname { font-weight: 600; }
.quote { font-style: italic; color: #3c4043; }
.message, .suggestion, .note { margin: 2px 0 0; }
.suggestion { color: #188038; }
.note { font-weight: 600; margin-top: 6px; }
.actions { display: flex; gap: 10px; justify-content: flex-end; margin-top: 6px; }
.link { all: unset; cursor: pointer; color: #1a73e8; font-size: 12px; }
.apply { all: unset; cursor: pointer; font-size: 12px; color: #fff; background: #1a73e8; border-radius: 4px;
  padding: 2px 8px; }
.apply.all { background: #188038; }
.more { position: sticky; bottom: -8px; margin: 0 -10px -8px; padding: 14px 0 4px; text-align: center;
  font-size: 11px; color: #5f6368; background: linear-gradient(rgba(255,255,255,0), #fff 55%); pointer-events: none; }
.panel:not(.overflowing) .more, .panel.at-end .more { display: none; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0,0,0,.45);
  display: flex; align-items: center; justify-content: center; }
.dialog { box-sizing: border-box; width: min(460px, calc(100vw - 32px)); background: #fff; color: #1f1f1f;
  border-radius: 10px; padding: 18px 20px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  box-shadow: 0 12px 40px rgba(0,0,0,.35); border-top: 5px solid #d93025; }
.dialog h2 { font-size: 17px; margin: 0 0 6px; }
.dialog p { margin: 4px 0; }
.reasons { margin: 6px 0 10px; padding-left: 18px; }
.dialog label { display: block; font-weight: 600; margin-top: 8px; }
.reason { display: block; width: 100%; box-sizing: border-box; margin-top: 4px; font: inherit; padding: 6px;
  border: 1px solid #bbb; border-radius: 6px; resize: vertical; }
.hint { color: #5f6368; font-size: 12px; }
.dialog .actions { margin-top: 12px; }
.dialog button { font: inherit; padding: 6px 14px; border-radius: 6px; cursor: pointer; border: 1px solid #bbb;
  background: #fff; }
.dialog button.danger { background: #d93025; color: #fff; border-color: #d93025; }
.dialog button:disabled { opacity: .45; cursor: not-allowed; }
`;
  }
})();
