/* detente dashboard: one country (/countries/{code}): its events over time, its partners ranked (each a link
   to the pair's page; the country with itself is its domestic pair), its events, its quotes and its domestic
   events, all under the filter bar's filters. */
"use strict";

(function () {
  const d = window.detente;
  const PAGE = 50;
  const state = { code: "", interval: "month", periods: [], spans: [], selected: null, request: 0 };

  function countryFilters() {
    return Object.assign({}, d.filters.params(), { country: state.code });
  }

  /** The filters of the chart and the partners: the country's, and what they count. */
  function countedFilters() {
    return Object.assign(countryFilters(), { count: d.filters.count() });
  }

  const Unit = () => (d.filters.count() === "reports" ? "Reports" : "Instances");

  async function loadChart() {
    const node = document.getElementById("chart");
    try {
      const series = await d.getJSON("/api/series", Object.assign({ interval: state.interval }, countedFilters()));
      state.periods = series.items;
      state.spans = series.spans || [];
      const wanted = new URL(window.location.href).searchParams.get("period");
      state.selected = state.periods.find((p) => p.period === wanted) || null;
      drawChart();
      const total = series.items.reduce((n, p) => n + p.events, 0);
      document.getElementById("chart-h").textContent = "Its " + series.count + " over time";
      document.getElementById("summary").textContent =
        total + " dated " + d.filters.describeCounted() + " with " + d.codeLabel(state.code) + " on either side.";
      loadEvents();
    } catch (error) {
      d.showError(node, error);
      loadEvents();
    }
  }

  function drawChart() {
    d.drawPageChart(document.getElementById("chart"), state, state.spans, () => {
      drawChart();
      loadEvents();
    });
  }

  function partnerRow(dyad) {
    const partner = dyad.a === state.code ? dyad.b : dyad.a;
    const domestic = dyad.a === dyad.b;
    return d.el(
      "tr",
      { "data-partner": partner },
      d.el("td", { "data-label": "Partner" },
        domestic ? d.el("span", {}, "itself (domestic)") : d.countryLink(partner)),
      d.el("td", { class: "num", "data-label": Unit() },
        d.el("a", { href: "/dyads/" + encodeURIComponent(state.code) + "/" + encodeURIComponent(partner), title: "The pair's page" }, String(dyad.events))),
      d.el("td", { class: "num", "data-label": "Mean Goldstein" }, d.signed(dyad.goldstein_mean))
    );
  }

  async function loadPartners() {
    const node = document.getElementById("partners");
    try {
      const page = await d.getJSON("/api/dyads", Object.assign({ limit: 20 }, countedFilters()));
      if (!page.items.length) {
        d.clear(node).appendChild(d.el("p", { class: "empty" }, "No partners under these filters."));
        return;
      }
      document.getElementById("partners-h").textContent = "Partners, most " + page.count + " first";
      const head = d.el("thead", {}, d.el("tr", {}, ["Partner", Unit(), "Mean Goldstein"].map((h) => d.el("th", { scope: "col" }, h))));
      const more = page.total > page.items.length ? d.el("p", { class: "hint" }, "The first " + page.items.length + " of " + page.total + " partners.") : null;
      d.clear(node).append(d.el("table", { class: "partners cards" }, head, d.el("tbody", {}, page.items.map(partnerRow))));
      if (more) node.appendChild(more);
    } catch (error) {
      d.showError(node, error);
    }
  }

  async function loadEvents() {
    const node = document.getElementById("events");
    const status = document.getElementById("events-status");
    const bar = document.getElementById("period-filter");
    const params = Object.assign({ limit: PAGE }, countryFilters());
    if (state.selected) {
      params.date_from = state.selected.start;
      params.date_to = state.selected.end;
      document.getElementById("period-filter-text").textContent = "Showing " + state.selected.period;
    }
    bar.hidden = !state.selected;
    const request = ++state.request;
    try {
      const page = await d.getJSON("/api/events", params);
      if (request !== state.request) return;
      d.clear(node).appendChild(d.eventsTable(page.items, { empty: "No events under these filters." }));
      status.textContent = page.total > page.items.length
        ? "The newest " + page.items.length + " of " + page.total + " events."
        : page.total + " event(s).";
    } catch (error) {
      if (request === state.request) d.showError(node, error);
    }
  }

  async function loadDomestic() {
    const node = document.getElementById("domestic");
    const status = document.getElementById("domestic-status");
    try {
      const params = Object.assign({}, d.filters.params(), { dyad: state.code + "-" + state.code, limit: PAGE });
      const page = await d.getJSON("/api/events", params);
      d.clear(node).appendChild(d.eventsTable(page.items, { empty: "No domestic events under these filters." }));
      status.textContent = page.total > page.items.length ? "The newest " + page.items.length + " of " + page.total + "." : "";
    } catch (error) {
      d.showError(node, error);
    }
  }

  function quoteItem(quote) {
    const speaker = quote.speaker ? d.actorLabel(quote.speaker) : "unknown speaker";
    return d.el(
      "li",
      {},
      d.el("blockquote", {}, quote.text),
      d.el("span", { class: "muted" }, "— " + speaker + (quote.cue ? ", " + quote.cue : ""))
    );
  }

  async function loadQuotes() {
    const node = document.getElementById("quotes");
    try {
      const page = await d.getJSON("/api/quotes", { country: state.code, limit: 20 });
      d.clear(node).appendChild(
        page.items.length
          ? d.el("ul", { class: "quotes" }, page.items.map(quoteItem))
          : d.el("p", { class: "empty" }, "No quotes from speakers of " + d.codeLabel(state.code) + ".")
      );
      if (page.total > page.items.length) node.appendChild(d.el("p", { class: "hint" }, "The first " + page.items.length + " of " + page.total + " quotes."));
    } catch (error) {
      d.showError(node, error);
    }
  }

  async function start() {
    state.code = (d.pathParts()[1] || "").toUpperCase();
    await d.loadCodes();
    const label = d.codeLabel(state.code);
    document.title = label + " · detente";
    document.getElementById("title").textContent = label;
    d.legend(document.getElementById("legend"));
    d.bindInterval(state, loadChart);
    document.getElementById("period-clear").addEventListener("click", () => {
      state.selected = null;
      d.filters.setURL({ period: "" });
      drawChart();
      loadEvents();
    });
    d.filters.mount(document.getElementById("filter-bar"), () => {
      state.selected = null;
      d.filters.setURL({ period: "" });
      loadChart();
      loadPartners();
      loadDomestic();
    }, { noCountry: true });
    loadChart();
    loadPartners();
    loadQuotes();
    loadDomestic();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
