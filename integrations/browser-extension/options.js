// postlint options: backend URL and API key (chrome.storage.local), and the writer's own sites.
"use strict";

const $ = (id) => document.getElementById(id);
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function show(id, text, kind = "") {
  const node = $(id);
  node.textContent = text;
  node.className = `status ${kind}`;
}

/** An http(s) URL from what was typed. A bare host is taken as https ("postlint.example.com"), or as
 * http for this computer ("127.0.0.1:8080"), where a backend runs without TLS. */
function parseOrigin(value) {
  const typed = value.trim();
  const local = LOOPBACK.has(typed.replace(/[:/].*$/, "").toLowerCase());
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `${local ? "http" : "https"}://${typed}`;
  try {
    const url = new URL(withScheme);
    const web = url.protocol === "https:" || url.protocol === "http:";
    return web && (url.hostname.includes(".") || LOOPBACK.has(url.hostname)) ? url : null;
  } catch {
    return null;
  }
}

const NOT_A_URL = "That is not a web address: enter one like https://postlint.example.com (http only for 127.0.0.1).";

async function load() {
  const { backendUrl, apiKey, sites } = await chrome.storage.local.get({ backendUrl: "", apiKey: "", sites: [] });
  $("backend-url").value = backendUrl;
  $("api-key").value = apiKey;
  renderSites(sites);
}

$("backend").addEventListener("submit", (e) => {
  e.preventDefault();
  const url = parseOrigin($("backend-url").value);
  const apiKey = $("api-key").value.trim();
  if (!url) return show("backend-status", NOT_A_URL, "error");
  if (!apiKey) return show("backend-status", "Enter the API key.", "error");
  const backendUrl = url.href.replace(/\/+$/, "");
  // Asked first, inside the click: the browser only shows its prompt during a user gesture. Loopback
  // backends are granted in the manifest, so they resolve at once. Without the grant, requests still
  // work when the backend lists this extension's origin in POSTLINT_CORS_ORIGINS.
  const asked = chrome.permissions.request({ origins: [`${url.protocol}//${url.hostname}/*`] }).catch(() => false);
  asked.then(async (granted) => {
    await chrome.storage.local.set({ backendUrl, apiKey });
    const notes = [/^https?:\/\//i.test($("backend-url").value.trim()) ? "Saved." : `Saved as ${backendUrl}.`];
    $("backend-url").value = backendUrl;
    let kind = "ok";
    if (url.protocol === "http:" && !LOOPBACK.has(url.hostname)) {
      notes.push("Warning: http sends drafts and the key unencrypted; use https.");
      kind = "warn";
    }
    if (!granted) notes.push("No site access granted: the backend must allow this extension's origin (CORS).");
    show("backend-status", notes.join(" "), kind);
  });
});

$("test").addEventListener("click", async () => {
  show("backend-status", "Testing…");
  const answer = await chrome.runtime.sendMessage({ type: "testBackend" });
  show("backend-status", answer.message, answer.ok ? "ok" : "error");
});

function renderSites(sites) {
  const list = $("sites");
  list.replaceChildren();
  for (const site of sites) {
    const item = document.createElement("li");
    const origin = document.createElement("span");
    origin.className = "origin";
    origin.textContent = site.origin;
    const platform = document.createElement("span");
    platform.className = "platform";
    const option = [...$("site-platform").options].find((o) => o.value === site.platform);
    platform.textContent = `checked as ${option ? option.textContent : site.platform}`;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", `Remove ${site.origin}`);
    remove.addEventListener("click", () => removeSite(site.origin));
    item.append(origin, platform, remove);
    list.append(item);
  }
}

$("add-site").addEventListener("submit", (e) => {
  e.preventDefault();
  const url = parseOrigin($("site-origin").value);
  if (!url) return show("sites-status", "Enter the site's address, like https://fosstodon.org.", "error");
  const platform = $("site-platform").value;
  const pattern = `${url.protocol}//${url.hostname}/*`;
  chrome.permissions
    .request({ origins: [pattern] })
    .catch(() => false)
    .then(async (granted) => {
      if (!granted) return show("sites-status", `Not added: access to ${url.hostname} was not allowed.`, "error");
      const { sites } = await chrome.storage.local.get({ sites: [] });
      const kept = sites.filter((s) => s.origin !== url.origin);
      kept.push({ origin: url.origin, platform });
      await chrome.storage.local.set({ sites: kept });
      const synced = await chrome.runtime.sendMessage({ type: "syncSites" });
      renderSites(kept);
      $("site-origin").value = "";
      if (synced?.ok) show("sites-status", `Added ${url.origin}. Reload its open tabs to start checking.`, "ok");
      else show("sites-status", `Saved, but the browser refused the script: ${synced?.error}`, "error");
    });
});

async function removeSite(origin) {
  const { sites, backendUrl } = await chrome.storage.local.get({ sites: [], backendUrl: "" });
  const kept = sites.filter((s) => s.origin !== origin);
  await chrome.storage.local.set({ sites: kept });
  const url = new URL(origin);
  const backendHost = parseOrigin(backendUrl)?.hostname;
  if (url.hostname !== backendHost) {
    // Give the access back too; hosts the manifest grants (loopback) cannot be removed, which is fine.
    await chrome.permissions.remove({ origins: [`${url.protocol}//${url.hostname}/*`] }).catch(() => false);
  }
  await chrome.runtime.sendMessage({ type: "syncSites" });
  renderSites(kept);
  show("sites-status", `Removed ${origin}.`, "ok");
}

load();
