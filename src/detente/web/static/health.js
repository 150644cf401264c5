/* detente dashboard: the health page. The service (GET /api/health) and what `detente watch` is doing
   (GET /api/watch: sources, the fetch queue, dead letters). Text goes in through textContent only. */
"use strict";

(function () {
  const d = window.detente;
  const REFRESH_MS = 30000;

  /** "42 s", "5 min", "3.2 h", "2.0 d". */
  function duration(seconds) {
    if (seconds === null || seconds === undefined) return "never";
    if (seconds < 90) return Math.round(seconds) + " s";
    if (seconds < 5400) return Math.round(seconds / 60) + " min";
    if (seconds < 172800) return (seconds / 3600).toFixed(1) + " h";
    return (seconds / 86400).toFixed(1) + " d";
  }

  function counts(byStatus) {
    const entries = Object.entries(byStatus || {}).sort((a, b) => a[0].localeCompare(b[0]));
    return entries.length ? entries.map(([status, n]) => status + " " + n).join(", ") : "none";
  }

  /** A source is late when its last success is more than two poll intervals (and a minute) ago. */
  function isLate(source) {
    if (source.lag_seconds === null || source.lag_seconds === undefined) return source.errors > 0;
    return source.interval_seconds ? source.lag_seconds > 2 * source.interval_seconds + 60 : false;
  }

  function sourcesTable(sources) {
    if (!sources.length) {
      return d.el("p", { class: "muted" }, "No live sources: run detente watch with a sources file to add some.");
    }
    const head = d.el("thead", {}, d.el("tr", {},
      ["Source", "Kind", "Last success", "Lag", "Errors", "Last error", "Pages"].map((h) => d.el("th", { scope: "col" }, h))));
    const rows = sources.map((source) => {
      const late = isLate(source);
      const lag = d.el("td", { class: "num nowrap" + (late ? " error" : "") }, duration(source.lag_seconds));
      if (late) lag.appendChild(d.el("span", { class: "late" }, " late"));
      return d.el("tr", { "data-source": source.id, class: late ? "late-row" : null },
        d.el("td", {}, source.id),
        d.el("td", {}, source.kind),
        d.el("td", { class: "nowrap" }, source.last_success || "never"),
        lag,
        d.el("td", { class: "num" + (source.errors ? " error" : "") }, String(source.errors)),
        d.el("td", {}, source.last_error || ""),
        d.el("td", {}, counts(source.pages)));
    });
    return d.el("div", { class: "table-wrap" }, d.el("table", { class: "sources" }, head, d.el("tbody", {}, rows)));
  }

  function queueList(queue) {
    const entries = Object.entries(queue || {}).sort((a, b) => a[0].localeCompare(b[0]));
    if (!entries.length) return d.el("p", { class: "muted" }, "The queue is empty.");
    return d.el("dl", { class: "queue" }, entries.map(([status, n]) => [
      d.el("dt", {}, status), d.el("dd", { "data-status": status }, String(n))]));
  }

  function deadTable(dead) {
    if (!dead.length) return d.el("p", { class: "muted" }, "No dead letters.");
    const head = d.el("thead", {}, d.el("tr", {},
      ["Page", "Source", "Attempts", "Error", "When"].map((h) => d.el("th", { scope: "col" }, h))));
    const rows = dead.map((page) => d.el("tr", {},
      d.el("td", { class: "url" }, page.url),
      d.el("td", {}, page.source_id || ""),
      d.el("td", { class: "num" }, String(page.attempts)),
      d.el("td", {}, (page.error_code ? page.error_code + ": " : "") + (page.last_error || "")),
      d.el("td", { class: "nowrap" }, page.updated_at || "")));
    return d.el("div", { class: "table-wrap" }, d.el("table", { class: "dead" }, head, d.el("tbody", {}, rows)));
  }

  async function load() {
    const service = document.getElementById("service");
    const parts = [document.getElementById("sources"), document.getElementById("queue"), document.getElementById("dead")];
    try {
      const health = await d.getJSON("/api/health");
      service.classList.remove("error");
      service.textContent = "Service " + health.status + " (version " + health.version + "): " + health.articles +
        " articles, " + health.events + " events; " + (health.writable ? "accepts writes." : "read-only.");
    } catch (err) {
      d.showError(service, err);
    }
    try {
      const watch = await d.getJSON("/api/watch");
      const [sources, queue, dead] = parts.map((part) => {
        part.classList.remove("error");
        return d.clear(part);
      });
      if (!watch.watching) {
        sources.appendChild(d.el("p", { class: "muted" }, "This store does not keep the state of detente watch."));
        return;
      }
      sources.appendChild(sourcesTable(watch.sources));
      queue.appendChild(queueList(watch.queue));
      dead.appendChild(deadTable(watch.dead_letters));
    } catch (err) {
      d.showError(parts[0], err);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("refresh").addEventListener("click", load);
    load();
    window.setInterval(load, REFRESH_MS);
  });
})();
