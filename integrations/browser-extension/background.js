// postlint browser extension: service worker. The only place that talks to the backend, so the page's
// CSP and CORS rules never apply and the API key never reaches a content script. Drafts are sent to the
// configured backend and nowhere else; nothing here logs or stores them.
"use strict";

const TIMEOUT_MS = 3000;
const SETTINGS = { backendUrl: "", apiKey: "" };
const DECISIONS = new Set(["pass", "warn", "block"]);
const SITES_SCRIPT_ID = "postlint-sites";

// Platforms by host, for the "platform" field of a lint request. Sites the writer added in the options
// carry the platform chosen there.
const HOST_PLATFORMS = [
  [/(^|\.)(x|twitter)\.com$/, "x"],
  [/(^|\.)linkedin\.com$/, "linkedin"],
  [/(^|\.)instagram\.com$/, "instagram"],
  [/(^|\.)facebook\.com$/, "facebook"],
  [/(^|\.)threads\.(net|com)$/, "threads"],
  [/(^|\.)bsky\.app$/, "bluesky"],
  [/^(mastodon\.social|mastodon\.online|mstdn\.social|mas\.to|fosstodon\.org|hachyderm\.io|infosec\.exchange)$/, "mastodon"],
];

// Settings hold the API key: keep them from content scripts (which run inside the site's renderer).
try {
  chrome.storage.local.setAccessLevel({ accessLevel: "TRUSTED_CONTEXTS" }).catch(() => {});
} catch {
  // Older Chrome: local storage cannot be restricted; the content script never reads it anyway.
}

// ---------------------------------------------------------------------------------------------------
// Linting, for the content scripts: one long-lived port per tab, one request in flight per compose box.

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== "postlint" || port.sender?.id !== chrome.runtime.id) return;
  const inFlight = new Map(); // box id -> AbortController
  port.onDisconnect.addListener(() => {
    for (const controller of inFlight.values()) controller.abort();
    inFlight.clear();
  });
  port.onMessage.addListener(async (msg) => {
    if (!msg || typeof msg !== "object") return;
    if (msg.type === "openOptions") {
      chrome.runtime.openOptionsPage();
      return;
    }
    if (msg.type === "cancel") {
      inFlight.get(msg.boxId)?.abort();
      inFlight.delete(msg.boxId);
      return;
    }
    if (msg.type !== "lint" || typeof msg.text !== "string") return;
    inFlight.get(msg.boxId)?.abort(); // a newer draft of the same box replaces the earlier request
    const controller = new AbortController();
    inFlight.set(msg.boxId, controller);
    const platform = await platformFor(port.sender);
    const result = await lint(msg.text, platform, controller.signal);
    if (inFlight.get(msg.boxId) === controller) inFlight.delete(msg.boxId);
    if (result.status === "cancelled") return;
    try {
      port.postMessage({ type: "result", boxId: msg.boxId, reqId: msg.reqId, ...result });
    } catch {
      // The tab went away meanwhile.
    }
  });
});

async function lint(text, platform, cancelled) {
  const { backendUrl, apiKey } = await chrome.storage.local.get(SETTINGS);
  if (!backendUrl || !apiKey) return notChecked("not_configured");
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const signal = AbortSignal.any([cancelled, timeout]);
  try {
    const response = await fetch(endpoint(backendUrl, "/v1/lint"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ text, platform, offsets: "utf16" }),
      signal,
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      redirect: "manual", // never resend the draft and key somewhere else
    });
    if (response.type === "opaqueredirect") return notChecked("redirect");
    const body = await response.json().catch(() => null); // still under the same 3 s deadline
    if (cancelled.aborted) return { status: "cancelled" };
    if (response.status === 422 && body?.error?.code === "not_checked") return notChecked("unreadable");
    if (!response.ok) return failure(response);
    return verdict(body);
  } catch {
    if (cancelled.aborted) return { status: "cancelled" };
    if (timeout.aborted) return notChecked("timeout");
    return notChecked("unreachable");
  }
}

function failure(response) {
  const retryAfter = Number.parseInt(response.headers.get("Retry-After") || "", 10);
  const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 60) : undefined;
  switch (response.status) {
    case 401:
    case 403:
      return notChecked("unauthorized");
    case 413:
      return notChecked("too_large");
    case 429:
      return notChecked("rate_limited", wait ?? 5);
    case 502:
    case 503:
    case 504:
      return notChecked("busy", wait ?? 3);
    default:
      return notChecked("error", undefined, response.status);
  }
}

/** The backend's answer, reduced to what the content script shows; anything malformed is "not checked". */
function verdict(body) {
  if (!body || !DECISIONS.has(body.decision) || !Array.isArray(body.findings) || body.offsets !== "utf16") {
    return notChecked("bad_response");
  }
  const findings = [];
  for (const f of body.findings) {
    if (!f || !Number.isInteger(f.start) || !Number.isInteger(f.end)) return notChecked("bad_response");
    findings.push({
      rule: String(f.rule ?? ""),
      name: String(f.name ?? ""),
      category: String(f.category ?? ""),
      severity: f.severity === "block" ? "block" : "warn",
      message: String(f.message ?? ""),
      suggestion: String(f.suggestion ?? ""),
      start: f.start,
      end: f.end,
      text: String(f.text ?? ""),
      fix: fixOf(f.fix),
    });
  }
  const pack = body.pack && typeof body.pack === "object" ? `${body.pack.name} ${body.pack.version}` : "";
  return { status: "ok", decision: body.decision, findings, pack };
}

/** A finding's fix as the content script may make it: whole edits with integer offsets, or none. */
function fixOf(fix) {
  if (!fix || !Array.isArray(fix.edits) || !fix.edits.length) return null;
  const edits = fix.edits.map((e) => ({ start: e?.start, end: e?.end, replacement: e?.replacement }));
  const whole = edits.every(
    (e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start <= e.end && typeof e.replacement === "string",
  );
  if (!whole) return null;
  return { title: String(fix.title ?? ""), applicability: fix.applicability === "safe" ? "safe" : "unsafe", edits };
}

function notChecked(reason, retryAfter, httpStatus) {
  return { status: "not_checked", reason, retryAfter, httpStatus };
}

function endpoint(base, path) {
  return base.replace(/\/+$/, "") + path;
}

async function platformFor(sender) {
  let url;
  try {
    url = new URL(sender.origin || sender.url);
  } catch {
    return "other";
  }
  const { sites } = await chrome.storage.local.get({ sites: [] });
  for (const site of sites) {
    if (sameSite(site.origin, url)) return site.platform || "other";
  }
  for (const [pattern, platform] of HOST_PLATFORMS) {
    if (pattern.test(url.hostname)) return platform;
  }
  return "other";
}

function sameSite(origin, url) {
  try {
    const site = new URL(origin);
    return site.protocol === url.protocol && site.hostname === url.hostname;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------
// The options page: checking the connection, and the writer's own sites (Mastodon instances, local tools).

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!sender.url?.startsWith(chrome.runtime.getURL(""))) return false; // the options page only, not a site
  if (msg?.type === "testBackend") {
    testBackend().then(sendResponse);
    return true;
  }
  if (msg?.type === "syncSites") {
    syncSites().then(sendResponse, (err) => sendResponse({ ok: false, error: String(err?.message || err) }));
    return true;
  }
  return false;
});

async function testBackend() {
  const { backendUrl, apiKey } = await chrome.storage.local.get(SETTINGS);
  if (!backendUrl || !apiKey) return { ok: false, message: "Set the backend URL and the API key first." };
  try {
    const response = await fetch(endpoint(backendUrl, "/v1/rules"), {
      headers: { Authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      credentials: "omit",
      cache: "no-store",
      redirect: "manual",
    });
    if (response.type === "opaqueredirect") return { ok: false, message: "The URL redirects; use the final URL." };
    if (response.status === 401) return { ok: false, message: "The backend refused this API key (401)." };
    if (response.status === 503) return { ok: false, message: "The backend is up but still starting (503)." };
    if (!response.ok) return { ok: false, message: `The backend answered ${response.status}.` };
    const body = await response.json();
    return { ok: true, message: `Connected: ${body.pack.name} ${body.pack.version}, ${body.rules.length} rules.` };
  } catch (err) {
    const timedOut = err?.name === "TimeoutError";
    return { ok: false, message: timedOut ? "No answer within 3 seconds." : "Could not reach the backend." };
  }
}

// Sites added in the options get the content script through dynamic registration, for the hosts whose
// permission the writer granted. One chain, so registrations never race.
let syncing = Promise.resolve();
function syncSites() {
  syncing = syncing.then(doSyncSites, doSyncSites);
  return syncing;
}

async function doSyncSites() {
  const { sites } = await chrome.storage.local.get({ sites: [] });
  const matches = [];
  for (const site of sites) {
    const pattern = originPattern(site.origin);
    if (pattern && (await chrome.permissions.contains({ origins: [pattern] }))) matches.push(pattern);
  }
  const registered = await chrome.scripting.getRegisteredContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (registered.length) await chrome.scripting.unregisterContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (matches.length) {
    await chrome.scripting.registerContentScripts([
      {
        id: SITES_SCRIPT_ID,
        matches,
        js: ["lib.js", "content.js"],
        css: ["content.css"],
        runAt: "document_idle",
        persistAcrossSessions: true,
      },
    ]);
  }
  return { ok: true, matches };
}

function originPattern(origin) {
  try {
    const url = new URL(origin);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

chrome.runtime.onInstalled.addListener(() => syncSites());
chrome.runtime.onStartup.addListener(() => syncSites());
chrome.permissions.onRemoved.addListener(() => syncSites());
chrome.action.onClicked.addListener(() => chrome.runtime.openOptionsPage());
