// Shared helpers. Everything from the store is put on the page with textContent, never as HTML.
"use strict";

async function api(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

// The record's enumerations (PLOVER types, modalities, source types), read once from the API: never listed here.
let codebookCache = null;
async function codebook() {
  if (!codebookCache) codebookCache = await api("/api/codebook");
  return codebookCache;
}

// The event filters of the timeline and the map: types and modalities from the codebook, values from the URL.
async function fillEventFilters(form) {
  const book = await codebook();
  for (const p of book.plover) form.querySelector("#f-type").append(el("option", {}, p.type));
  for (const m of book.modalities) form.querySelector("#f-modality").append(el("option", {}, m));
  for (const [k, v] of new URLSearchParams(window.location.search)) if (form[k]) form[k].value = v;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === "class") node.className = v;
    else if (k === "href") node.setAttribute("href", safeHref(v));
    else if (k.startsWith("data-")) node.setAttribute(k, String(v));
    else node[k] = v;
  }
  for (const c of children) {
    if (c === undefined || c === null) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// A link target that stays an http(s) URL or a page of this site: "//host" and "/\host" are other sites to a
// browser (a backslash counts as a slash), and it drops tabs and newlines anywhere, so those are refused.
function safeHref(v) {
  const s = String(v);
  if (/[\u0000-\u001f\u007f]/.test(s)) return "#";
  return /^(https?:\/\/|\/(?![\/\\])|[a-z]+\.html(\?|$)|\?|#)/i.test(s) ? s : "#";
}

function param(name) { return new URLSearchParams(window.location.search).get(name); }

function actorLink(actor) {
  if (!actor) return el("span", {}, "—");
  return el("a", { href: `actor.html?id=${encodeURIComponent(actor.id)}`, class: "actor-link" }, actor.name);
}

function names(list) {
  const span = el("span");
  (list || []).forEach((a, i) => { if (i) span.append(", "); span.append(actorLink(a)); });
  if (!list || !list.length) span.append("—");
  return span;
}

function nav() {
  const form = el("form", { id: "search-form" }, el("input", { name: "q", id: "q", placeholder: "search", type: "search" }));
  form.addEventListener("submit", (e) => { e.preventDefault(); window.location = `/ui/search.html?q=${encodeURIComponent(form.q.value)}`; });
  // Absolute links: the pages live under /ui/, the API reference at /docs.
  document.body.prepend(el("header", {}, el("strong", {}, "communique"),
    el("nav", {}, el("a", { href: "/ui/index.html" }, "Articles"), el("a", { href: "/ui/timeline.html" }, "Timeline"),
      el("a", { href: "/ui/network.html" }, "Network"), el("a", { href: "/ui/map.html" }, "Map"),
      el("a", { href: "/ui/commitments.html" }, "Commitments"),
      el("a", { href: "/ui/search.html" }, "Search"),
      el("a", { href: "/docs" }, "API")), form));
}

// "1 article", "2 articles".
function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

function fail(where, err) { where.replaceChildren(el("p", { class: "error" }, `Could not load: ${err.message}`)); }

const QUAD_COLORS = { 1: "#2e7d32", 2: "#1565c0", 3: "#ef6c00", 4: "#c62828" };
