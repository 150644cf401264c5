/* detente dashboard: the overview (/): totals, the timeline of all events, the most active pairs and the
   latest events (a period clicked on the timeline filters them). The timeline and the pairs count event
   instances or reports, as the filter bar's Count says. */
"use strict";

(function () {
  const d = window.detente;
  const state = { periods: [], spans: [], selected: null, request: 0, interval: "month" };
  const f = () => d.filters.params();
  const counted = () => d.filters.counted();
  const Unit = () => (d.filters.count() === "reports" ? "Reports" : "Instances");

  async function loadTotals() {
    const node = document.getElementById("totals");
    try {
      const health = await d.getJSON("/api/health");
      node.textContent = health.articles + " articles, " + health.events + " events (reports)" +
        (health.instances === undefined || health.instances === null ? "" : ", " + health.instances + " event instances") +
        " in the store.";
    } catch (error) {
      d.showError(node, error);
    }
  }

  function drawTimeline() {
    d.drawPageChart(document.getElementById("timeline"), state, state.spans, () => {
      drawTimeline();
      loadLatest();
    });
  }

  async function loadTimeline() {
    try {
      const series = await d.getJSON("/api/series", Object.assign({ interval: state.interval }, counted()));
      state.periods = series.items;
      state.spans = series.spans || [];
      const wanted = new URL(window.location.href).searchParams.get("period");
      state.selected = state.periods.find((p) => p.period === wanted) || null;
      document.getElementById("timeline-h").textContent = Unit() + " per period";
      document.getElementById("timeline-hint").textContent =
        "Counting " + d.filters.describeCounted() + " per " + state.interval + " (periods without any show as gaps; " +
        (series.count === "reports" ? "every report counts" : "an instance counts once, however many reports tell of it") + "); " +
        "the line is the mean Goldstein score where a period has at least 3 " + series.count + ". " +
        "Drag across the chart to choose a date range (or type it in From and To).";
      drawTimeline();
      loadLatest();
    } catch (error) {
      d.showError(document.getElementById("timeline"), error);
      loadLatest();
    }
  }

  function pairTitle(dyad) {
    return (d.codeName(dyad.a) || dyad.a) + " – " + (d.codeName(dyad.b) || dyad.b);
  }

  async function loadDyads() {
    const node = document.getElementById("dyads");
    try {
      const page = await d.getJSON("/api/dyads", Object.assign({ limit: 12 }, counted()));
      if (!page.items.length) {
        d.clear(node).appendChild(d.el("p", { class: "empty" }, "No country pairs yet."));
        return;
      }
      const rows = page.items.map((dyad) =>
        d.el(
          "tr",
          {},
          d.el("td", { "data-label": "Pair" },
            d.el("a", { href: "/dyads/" + encodeURIComponent(dyad.a) + "/" + encodeURIComponent(dyad.b), title: pairTitle(dyad) }, dyad.a + " – " + dyad.b),
            d.el("br"),
            d.el("span", { class: "muted small" },
              d.el("a", { href: "/countries/" + encodeURIComponent(dyad.a) }, d.codeName(dyad.a) || dyad.a),
              dyad.a === dyad.b ? " (domestic)" : [" – ", d.el("a", { href: "/countries/" + encodeURIComponent(dyad.b) }, d.codeName(dyad.b) || dyad.b)])),
          d.el("td", { class: "num", "data-label": Unit() }, String(dyad.events)),
          d.el("td", { class: "num", "data-label": "Mean Goldstein" }, d.signed(dyad.goldstein_mean))
        )
      );
      const head = d.el("thead", {}, d.el("tr", {}, ["Pair", Unit(), "Mean Goldstein"].map((h) => d.el("th", { scope: "col" }, h))));
      d.clear(node).appendChild(d.el("table", { class: "dyads cards" }, head, d.el("tbody", {}, rows)));
    } catch (error) {
      d.showError(node, error);
    }
  }

  async function loadLatest() {
    const node = document.getElementById("latest");
    const bar = document.getElementById("latest-filter");
    const params = Object.assign({ limit: 25, order: "desc" }, f());
    if (state.selected) {
      params.date_from = state.selected.start;
      params.date_to = state.selected.end;
      document.getElementById("latest-filter-text").textContent = "Showing " + state.selected.period;
    }
    bar.hidden = !state.selected;
    const request = ++state.request; // a later click wins over an answer still on its way
    try {
      const page = await d.getJSON("/api/events", params);
      if (request !== state.request) return;
      d.clear(node).appendChild(d.eventsTable(page.items, { empty: "No events yet: run detente ingest." }));
    } catch (error) {
      d.showError(node, error);
    }
  }

  async function start() {
    await d.loadCodes();
    d.legend(document.getElementById("timeline-legend"));
    document.getElementById("latest-clear").addEventListener("click", () => {
      state.selected = null;
      d.filters.setURL({ period: "" });
      drawTimeline();
      loadLatest();
    });
    d.bindInterval(state, loadTimeline);
    d.filters.mount(document.getElementById("filter-bar"), () => {
      state.selected = null;
      d.filters.setURL({ period: "" });
      loadTimeline();
      loadDyads();
    });
    loadTotals();
    loadTimeline();
    loadDyads();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
