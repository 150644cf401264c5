/* detente dashboard: the filter bar every chart page shares. Its values live in the page's URL (so every
   view is a link): status (default "occurred": a planned or cancelled event did not happen), date range,
   country, CAMEO root, QuadClass and text. Pages read them with detente.filters.params() and are told of a
   change through the callback given to detente.filters.mount().
   The bar also says what the charts, rankings and the map count (URL parameter "count"): event instances
   (each real-world event once, however many reports tell of it; the default) or reports (every stored
   event). Only the aggregate requests take it: pages add it with detente.filters.counted(). */
"use strict";

(function () {
  const d = window.detente;
  const STATUSES = ["occurred", "planned", "cancelled", "denied", "hypothetical", "negated"];
  //: URL parameter -> API parameter (the API's own names, so a URL can be read as an API query).
  const FIELDS = ["status", "date_from", "date_to", "country", "root", "quad_class", "q"];
  const DEFAULTS = { status: "occurred", count: "instances" };
  //: What the charts count: the API's count parameter, and its words.
  const COUNTS = { instances: "instances", reports: "reports" };

  function current() {
    const url = new URL(window.location.href);
    const values = {};
    for (const name of FIELDS) {
      const value = url.searchParams.get(name);
      values[name] = value === null ? DEFAULTS[name] || "" : value;
    }
    return values;
  }

  /** The API parameters of the current filters ("all" statuses: no status parameter). */
  function params() {
    const values = current();
    const out = {};
    for (const name of FIELDS) {
      if (values[name] && values[name] !== "all") out[name] = values[name];
    }
    return out;
  }

  /** What the aggregates count: "instances" (the default) or "reports". */
  function count() {
    const value = new URL(window.location.href).searchParams.get("count");
    return Object.prototype.hasOwnProperty.call(COUNTS, value) ? value : DEFAULTS.count;
  }

  /** The API parameters of an aggregate request (series, rankings, places): the filters and the count. */
  function counted() {
    return Object.assign(params(), { count: count() });
  }

  /** Set URL parameters (empty or default values are dropped) without reloading; extra page state too. */
  function setURL(changes) {
    const url = new URL(window.location.href);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === "" || DEFAULTS[name] === value) url.searchParams.delete(name);
      else url.searchParams.set(name, String(value));
    }
    window.history.replaceState(null, "", url);
  }

  function field(label, control) {
    return d.el("label", { class: "filter-field" }, label, " ", control);
  }

  //: The mounted bar: its date inputs and its change callback (for apply()).
  let mounted = null;

  /** Set filters from outside the bar (the chart's brush sets the date range): URL, inputs, then the
   *  page's change callback, as if typed into the bar. */
  function apply(changes) {
    setURL(Object.assign({ period: "" }, changes));
    if (!mounted) return;
    const values = current();
    mounted.from.value = values.date_from;
    mounted.to.value = values.date_to;
    mounted.onChange();
  }

  function mount(node, onChange, options) {
    const opts = options || {};
    const values = current();
    const status = d.el("select", { name: "status", id: "filter-status" },
      d.el("option", { value: "all" }, "all statuses"),
      STATUSES.map((s) => d.el("option", { value: s }, s)));
    status.value = values.status;
    const from = d.el("input", { type: "date", name: "date_from", id: "filter-from", value: values.date_from });
    const to = d.el("input", { type: "date", name: "date_to", id: "filter-to", value: values.date_to });
    const quad = d.el("select", { name: "quad_class", id: "filter-quad" },
      d.el("option", { value: "" }, "any"),
      [1, 2, 3, 4].map((q) => d.el("option", { value: String(q) }, d.QUAD[q].name)));
    quad.value = values.quad_class;
    const counting = d.el("select", { name: "count", id: "filter-count", title: "What the charts, rankings and map count" },
      d.el("option", { value: "instances" }, "instances"),
      d.el("option", { value: "reports" }, "reports"));
    counting.value = count();
    const controls = [field("Status", status), field("From", from), field("To", to), field("Class", quad)];
    const extra = {};
    if (!opts.noCountry) {
      extra.country = d.el("input", { name: "country", id: "filter-country", size: 4, maxlength: 40, placeholder: "e.g. USA", value: values.country });
      controls.push(field("Country", extra.country));
    }
    extra.root = d.el("input", { name: "root", id: "filter-root", size: 3, maxlength: 40, placeholder: "e.g. 19", value: values.root });
    extra.q = d.el("input", { type: "search", name: "q", id: "filter-q", size: 10, maxlength: 200, placeholder: "words", value: values.q });
    controls.push(field("CAMEO root", extra.root), field("Text", extra.q), field("Count", counting));
    const form = d.el("form", { class: "filters", id: "filters", role: "search", "aria-label": "Filter events" },
      controls, d.el("button", { type: "submit" }, "Apply"));
    const read = () => {
      const changes = { status: status.value, date_from: from.value, date_to: to.value, quad_class: quad.value, count: counting.value };
      for (const [name, input] of Object.entries(extra)) changes[name] = input.value.trim();
      setURL(changes);
      onChange();
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      read();
    });
    for (const control of [status, quad, from, to, counting]) control.addEventListener("change", read);
    d.clear(node).appendChild(form);
    mounted = { from: from, to: to, onChange: onChange };
  }

  /** The filters' events in words: "occurred events", "events of every status". */
  function describe() {
    const p = params();
    return p.status ? p.status + " events" : "events of every status";
  }

  /** What is counted, in words: "instances of occurred events", "reports of events of every status". */
  function describeCounted() {
    return count() + " of " + describe();
  }

  /** One count in words: "1 instance", "3 reports". */
  function amount(n) {
    const word = count() === "reports" ? "report" : "instance";
    return n + " " + word + (n === 1 ? "" : "s");
  }

  d.filters = { params, current, setURL, mount, describe, apply, count, counted, describeCounted, amount };
})();
