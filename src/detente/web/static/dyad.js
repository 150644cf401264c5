/* detente dashboard: one country pair (/dyads/A/B): the chart, the events table it filters, the quotes. */
"use strict";

(function () {
  const d = window.detente;
  const EVENT_PAGE = 500;
  //: A quote counts as said "around" one of the pair's events when it lies within this many characters of
  //: the event's evidence sentence in the same article (about a sentence either side).
  const NEAR = 300;
  const state = { a: "", b: "", interval: "month", periods: [], dateSpans: [], selected: null, spans: null, request: 0 };

  function dyadParam() {
    return state.a + "-" + state.b;
  }

  async function loadChart() {
    const chart = document.getElementById("chart");
    try {
      const filters = d.filters.params();
      const params = { interval: state.interval, status: filters.status, date_from: filters.date_from, date_to: filters.date_to, count: d.filters.count() };
      const series = await d.getJSON("/api/dyads/" + encodeURIComponent(state.a) + "/" + encodeURIComponent(state.b) + "/series", params);
      state.periods = series.items;
      state.dateSpans = series.spans || [];
      const wanted = new URL(window.location.href).searchParams.get("period");
      const chosen = state.periods.find((p) => p.period === wanted);
      if (chosen && !state.selected) {
        state.selected = chosen;
        loadEvents();
      }
      drawChart();
      const total = series.items.reduce((n, p) => n + p.events, 0);
      const active = series.items.filter((p) => p.events).length;
      const coarse = state.dateSpans.reduce((n, s) => n + s.events, 0);
      document.getElementById("summary").textContent =
        total + " dated " + d.filters.describeCounted() + " between " + state.a + " and " + state.b + " in " + active +
        " of " + series.items.length + " " + state.interval + "(s)" +
        (coarse ? "; " + coarse + " more dated only to a longer period (bands under the axis)." : ".");
    } catch (error) {
      d.showError(chart, error);
      document.getElementById("summary").textContent = "";
    }
  }

  function drawChart() {
    d.drawPageChart(document.getElementById("chart"), state, state.dateSpans, showPeriod);
  }

  function showPeriod(period) {
    drawChart();
    const focused = document.querySelector('#chart .period[data-period="' + CSS.escape(period.period) + '"]');
    if (focused) focused.focus();
    loadEvents();
  }

  function clearPeriod() {
    state.selected = null;
    d.filters.setURL({ period: "" });
    drawChart();
    loadEvents();
  }

  async function loadEvents() {
    const node = document.getElementById("events");
    const status = document.getElementById("events-status");
    const bar = document.getElementById("filter");
    const params = Object.assign({ dyad: dyadParam(), limit: EVENT_PAGE }, d.filters.params());
    if (state.selected) {
      params.date_from = state.selected.start;
      params.date_to = state.selected.end;
      bar.hidden = false;
      document.getElementById("filter-text").textContent =
        "Showing " + state.selected.period + " (" + state.selected.start + " to " + state.selected.end + ")";
    } else {
      bar.hidden = true;
    }
    status.textContent = "Loading events…";
    const request = ++state.request; // a later click wins over an answer still on its way
    try {
      const page = await d.getJSON("/api/events", params);
      if (request !== state.request) return;
      d.clear(node).appendChild(d.eventsTable(page.items, { empty: "No events between these two." }));
      node.classList.remove("error");
      status.textContent = page.total > page.items.length
        ? "The first " + page.items.length + " of " + page.total + " events."
        : page.total + " event(s).";
      if (!state.selected && state.spans === null) {
        state.spans = evidenceSpans(page.items);
        loadQuotes();
      }
    } catch (error) {
      if (request !== state.request) return;
      d.showError(node, error);
      status.textContent = "";
    }
  }

  /** Article id -> the pair's events there, each with its evidence sentence's span. */
  function evidenceSpans(events) {
    const spans = new Map();
    for (const event of events) {
      const ev = event.evidence || {};
      if (!Number.isInteger(ev.start) || !Number.isInteger(ev.end)) continue;
      if (!spans.has(event.article_id)) spans.set(event.article_id, []);
      spans.get(event.article_id).push({ start: ev.start, end: ev.end, event: event });
    }
    return spans;
  }

  /** The pair's event whose evidence sentence the quote is in or next to, else null. */
  function nearEvent(quote) {
    const spans = (state.spans && state.spans.get(quote.article_id)) || [];
    let best = null;
    for (const span of spans) {
      const gap = Math.max(0, span.start - quote.end, quote.start - span.end);
      if (gap <= NEAR && (best === null || gap < best.gap)) best = { gap: gap, event: span.event };
    }
    return best ? best.event : null;
  }

  function quoteItem(quote, event) {
    const speaker = quote.speaker ? d.actorLabel(quote.speaker) : "unknown speaker";
    return d.el(
      "li",
      { "data-article-id": quote.article_id, "data-event-id": event.id },
      d.el("blockquote", {}, quote.text),
      d.el("span", { class: "muted" }, "— " + speaker + (quote.cue ? ", " + quote.cue : "") + "; next to "),
      d.el("a", { href: "/events/" + encodeURIComponent(event.id) }, event.cameo + " " + event.cameo_label)
    );
  }

  async function loadQuotes() {
    for (const [side, code] of [["a", state.a], ["b", state.b]]) {
      const node = document.getElementById("quotes-" + side);
      document.getElementById("quotes-" + side + "-h").textContent = d.codeLabel(code);
      try {
        const page = await d.getJSON("/api/quotes", { country: code, limit: 500 });
        const near = page.items.map((q) => [q, nearEvent(q)]).filter(([, event]) => event);
        d.clear(node).appendChild(
          near.length
            ? d.el("ul", { class: "quotes" }, near.map(([q, event]) => quoteItem(q, event)))
            : d.el("p", { class: "empty" }, "No quotes from " + code + " next to these events.")
        );
      } catch (error) {
        d.showError(node, error);
      }
    }
  }

  async function start() {
    const parts = d.pathParts();
    state.a = (parts[1] || "").toUpperCase();
    state.b = (parts[2] || "").toUpperCase();
    await d.loadCodes();
    document.title = state.a + " – " + state.b + " · detente";
    d.clear(document.getElementById("title")).append(d.countryLink(state.a), " – ", d.countryLink(state.b));
    d.legend(document.getElementById("legend"));
    d.bindInterval(state, () => {
      loadChart();
      loadEvents();
    });
    d.filters.mount(document.getElementById("filter-bar"), () => {
      state.selected = null;
      state.spans = null;
      d.filters.setURL({ period: "" });
      loadChart();
      loadEvents();
    }, { noCountry: true });
    document.getElementById("clear").addEventListener("click", clearPeriod);
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(drawChart, 150);
    });
    loadChart();
    loadEvents();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
