/* detente dashboard: shared helpers. Every element is built with createElement and textContent:
   no data from the API is ever parsed as HTML. */
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";

  const QUAD = {
    1: { name: "Verbal cooperation", short: "verbal coop." },
    2: { name: "Material cooperation", short: "material coop." },
    3: { name: "Verbal conflict", short: "verbal conflict" },
    4: { name: "Material conflict", short: "material conflict" },
  };

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else if (child instanceof Node) node.appendChild(child);
      else node.appendChild(document.createTextNode(String(child)));
    }
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    return node;
  }

  /** An HTML element: el("a", {href: "/x", class: "y"}, "text", child, ...). */
  function el(tag, attrs, ...children) {
    return append(setAttrs(document.createElement(tag), attrs), children);
  }

  /** An SVG element. */
  function svg(tag, attrs, ...children) {
    return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** GET a JSON document from the API; a failure throws an Error with the API's message. */
  async function getJSON(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, String(value));
    }
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (err) {
      body = null;
    }
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.status + " " + response.statusText;
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function showError(node, error) {
    clear(node);
    node.classList.add("error");
    node.textContent = "Could not load: " + (error && error.message ? error.message : String(error));
  }

  // ---- names for codes (GET /api/codes, read once per page) ----
  let codeTables = null;
  let codeRequest = null;

  /** Load the code tables (countries, organizations, sectors); pages await it before drawing names. */
  function loadCodes() {
    if (!codeRequest) {
      codeRequest = getJSON("/api/codes").then(
        (tables) => (codeTables = tables),
        () => (codeTables = { names: {}, parts: {}, countries: [], organizations: [], groups: [] })
      );
    }
    return codeRequest;
  }

  /** A code's name as /api/codes/{code} gives it: its own, else its country's and its parts' names. */
  function codeName(code) {
    if (!code || !codeTables) return null;
    const names = codeTables.names;
    const upper = String(code).toUpperCase();
    if (names[upper]) return names[upper];
    let head = upper.slice(0, 3);
    for (let n = upper.length - 1; n > 3; n--) {
      if (names[upper.slice(0, n)]) {
        head = upper.slice(0, n);
        break;
      }
    }
    const parts = [];
    for (let i = head.length; i < upper.length; i += 3) parts.push(codeTables.parts[upper.slice(i, i + 3)]);
    const known = parts.filter(Boolean);
    if (names[head]) return names[head] + (known.length ? ": " + known.join(", ") : "");
    return known.length ? known.join(", ") : null;
  }

  /** "CHN (China)", or the code alone when it has no name. */
  function codeLabel(code) {
    const name = codeName(code);
    return name ? code + " (" + name + ")" : code;
  }

  /** The code of a country typed as a code, a name, an alias or a demonym ("china", "Chinese" -> CHN). */
  function resolveCountry(text) {
    const wanted = String(text || "").trim().toLowerCase();
    if (!wanted) return null;
    const tables = codeTables || { countries: [], organizations: [], names: {} };
    for (const country of tables.countries) {
      const names = [country.code, country.name].concat(country.aliases || [], country.adjectives || []);
      if (names.some((n) => n.toLowerCase() === wanted)) return country.code;
    }
    for (const org of tables.organizations) {
      if ([org.code, org.name].concat(org.aliases || []).some((n) => n.toLowerCase() === wanted)) return org.code;
    }
    const code = wanted.toUpperCase();
    return /^[A-Z0-9]{2,16}$/.test(code) && !/ /.test(wanted) ? code : null;
  }

  function actorLabel(actor) {
    if (!actor) return "–";
    const name = actor.name || actor.text || codeName(actor.code) || "";
    return name ? actor.code + " (" + name + ")" : actor.code;
  }

  /** The actor as text with a tooltip naming its code ("USAGOV: United States: Government"). */
  function actorCell(actor) {
    if (!actor) return "–";
    const named = codeName(actor.code);
    const title = named ? actor.code + ": " + named : null;
    const country = actor.country && /^[A-Z]{3}$/.test(actor.country) ? actor.country : null;
    return el(
      "span",
      { class: "actor", title: title },
      actorLabel(actor),
      country ? [" ", el("a", { href: "/countries/" + encodeURIComponent(country), class: "country-link", title: "Country page: " + codeLabel(country) }, "↗")] : null
    );
  }

  /** A link to a country's page, showing its code and name. */
  function countryLink(code) {
    return el("a", { href: "/countries/" + encodeURIComponent(code), title: codeName(code) || null }, codeLabel(code));
  }

  function eventDay(event) {
    return event.day || event.date || event.article_published || "";
  }

  /** The event's date as the text gave it (a TIMEX3 value: 2023-02, 2023-W24-WE), else the day it counts on. */
  function eventDate(event) {
    return event.date || eventDay(event);
  }

  function signed(value) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    const number = Number(value);
    return (number > 0 ? "+" : "") + number.toFixed(1);
  }

  /** Ranges [start, end) of a text with a class each, without overlaps (earlier and longer first). */
  function cleanRanges(ranges, length) {
    const kept = [];
    const sorted = ranges
      .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.end <= length && r.start < r.end)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let last = 0;
    for (const range of sorted) {
      if (range.start < last) continue;
      kept.push(range);
      last = range.end;
    }
    return kept;
  }

  /** The text as text nodes and <mark> elements for the ranges (offsets into the text). */
  function marked(text, ranges) {
    const nodes = [];
    let at = 0;
    for (const range of cleanRanges(ranges, text.length)) {
      if (range.start > at) nodes.push(document.createTextNode(text.slice(at, range.start)));
      const mark = el("mark", { class: range.cls, title: range.title || null }, text.slice(range.start, range.end));
      if (range.id) mark.id = range.id;
      nodes.push(mark);
      at = range.end;
    }
    if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
    return nodes;
  }

  /** The ranges of an event's source, trigger and target inside a text that starts at offset ``base``. */
  function eventRanges(event, base) {
    const ev = event.evidence || {};
    const ranges = [];
    if (event.source) ranges.push({ start: event.source.start - base, end: event.source.end - base, cls: "src", title: "source: " + actorLabel(event.source) });
    if (event.target) ranges.push({ start: event.target.start - base, end: event.target.end - base, cls: "tgt", title: "target: " + actorLabel(event.target) });
    if (ev.trigger_start >= 0) ranges.push({ start: ev.trigger_start - base, end: ev.trigger_end - base, cls: "trg", title: "trigger" });
    return ranges;
  }

  /** The evidence sentence with source, trigger and target highlighted. */
  function evidenceSentence(event) {
    const ev = event.evidence || {};
    const sentence = ev.sentence || "";
    return el("q", { class: "evidence" }, marked(sentence, eventRanges(event, ev.start || 0)));
  }

  function quadBadge(quad) {
    const info = QUAD[quad] || { short: "?" };
    return el("span", { class: "badge q" + quad, title: info.name || "" }, info.short);
  }

  /** A table of events: day, source, what, target, Goldstein, evidence; each row links to its event page. */
  function eventsTable(events, options) {
    const opts = options || {};
    if (!events.length) return el("p", { class: "empty" }, opts.empty || "No events.");
    const head = el("thead", {}, el("tr", {}, ["Date", "Source", "Event", "Target", "Goldstein", "Evidence"].map((h) => el("th", { scope: "col" }, h))));
    const rows = events.map((event) =>
      el(
        "tr",
        { "data-event-id": event.id, "data-day": eventDay(event) },
        el("td", { class: "nowrap", "data-label": "Date", title: event.date_text || "" }, eventDate(event) || "–"),
        el("td", { "data-label": "Source" }, actorCell(event.source)),
        el(
          "td",
          { "data-label": "Event" },
          el("a", { href: "/events/" + encodeURIComponent(event.id) }, event.cameo + " " + event.cameo_label),
          el("br"),
          quadBadge(event.quad_class),
          " ",
          el("span", { class: "status-" + event.status }, event.status),
          event.reciprocal ? el("span", { class: "muted" }, " · two-sided") : null
        ),
        el("td", { "data-label": "Target" }, actorCell(event.target)),
        el("td", { class: "num", "data-label": "Goldstein" }, signed(event.goldstein)),
        el("td", { "data-label": "Evidence" }, evidenceSentence(event))
      )
    );
    return el("div", { class: "table-wrap" }, el("table", { class: "events cards" }, head, el("tbody", {}, rows)));
  }

  function legend(node, options) {
    clear(node);
    for (const quad of [1, 2, 3, 4]) {
      node.appendChild(el("span", { class: "key" }, el("span", { class: "swatch q" + quad }), QUAD[quad].name));
    }
    if (!(options && options.noLine)) {
      node.appendChild(el("span", { class: "key" }, el("span", { class: "swatch line" }), "Mean Goldstein (−10…+10)"));
    }
    if (!(options && options.noSpans)) {
      node.appendChild(el("span", { class: "key span-key" }, el("span", { class: "swatch date-span" }),
        "Band under the axis: events dated only to a month or a year (longer than a bar's period), over that whole period, with their count; not in the bars"));
    }
  }

  function pathParts() {
    return window.location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  }

  /** Suggestions for the pair form: every country's name (its code as the label), then organizations. */
  function fillSuggestions(list) {
    const tables = codeTables || { countries: [], organizations: [] };
    const seen = new Set();
    for (const entry of tables.countries.concat(tables.organizations)) {
      if (seen.has(entry.name)) continue;
      seen.add(entry.name);
      list.appendChild(el("option", { value: entry.name, label: entry.code }));
    }
  }

  function wireDyadForm() {
    const form = document.getElementById("dyad-form");
    if (!form) return;
    const list = el("datalist", { id: "code-suggestions" });
    form.appendChild(list);
    for (const input of [form.elements.a, form.elements.b]) input.setAttribute("list", "code-suggestions");
    loadCodes().then(() => fillSuggestions(list));
    const message = el("span", { class: "form-message", role: "status" });
    form.appendChild(message);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      await loadCodes();
      const a = resolveCountry(form.elements.a.value);
      const b = resolveCountry(form.elements.b.value);
      if (a && b) {
        window.location.assign("/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b));
      } else {
        message.textContent = "Unknown: " + [a ? "" : form.elements.a.value, b ? "" : form.elements.b.value].filter(Boolean).join(", ");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", wireDyadForm);

  window.detente = {
    QUAD, el, svg, clear, getJSON, showError, actorLabel, actorCell, eventDay, eventDate, signed, marked, eventRanges,
    evidenceSentence, eventsTable, legend, pathParts, quadBadge, loadCodes, codeName, codeLabel, countryLink,
    resolveCountry,
  };
})();
