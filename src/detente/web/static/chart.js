/* detente dashboard: the cooperation-conflict chart, drawn as SVG by hand.
   One column per period: verbal and material cooperation stacked upward from the zero line, verbal and
   material conflict stacked downward, and the mean Goldstein score as a line on its own -10..+10 scale.
   Every period is a focusable button: click it, or press Enter or Space on it, to select it. */
"use strict";

(function () {
  const { svg, clear, QUAD, signed } = window.detente;
  const HEIGHT = 260;
  const PAD = { top: 24, right: 44, bottom: 34, left: 40 };

  function count(period, quad) {
    return Number((period.quad_counts || {})[String(quad)] || 0);
  }

  function describe(period) {
    const parts = [1, 2, 3, 4].map((q) => QUAD[q].short + " " + count(period, q));
    return period.period + ": " + period.events + " events (" + parts.join(", ") + "); mean Goldstein " + (period.events ? signed(period.goldstein_mean) : "–");
  }

  /**
   * Draw ``periods`` (the API's series items) into ``container``.
   * options.onSelect(period) is called when a period is chosen; options.selected is the chosen period name.
   */
  //: Periods with fewer events get no point on the Goldstein line (one event swings a mean across ±10).
  const MIN_EVENTS = 3;

  function drawBalanceChart(container, periods, options) {
    const opts = options || {};
    clear(container);
    if (!periods.length) {
      container.appendChild(document.createTextNode("No dated events to chart."));
      return null;
    }
    const width = Math.max(320, Math.floor(container.clientWidth || 800));
    const plotW = width - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const mid = PAD.top + plotH / 2;
    const up = Math.max(1, ...periods.map((p) => count(p, 1) + count(p, 2)));
    const down = Math.max(1, ...periods.map((p) => count(p, 3) + count(p, 4)));
    const scale = (plotH / 2) / Math.max(up, down);
    const band = plotW / periods.length;
    const barW = Math.max(2, Math.min(48, band * 0.7));
    const gy = (g) => mid - (g / 10) * (plotH / 2);

    const root = svg("svg", {
      class: "balance-chart",
      width: width,
      height: HEIGHT,
      viewBox: "0 0 " + width + " " + HEIGHT,
      role: "group",
      "aria-label": "Events per period: cooperation above the line, conflict below",
    });
    const top = Math.max(up, down);
    root.appendChild(svg("line", { class: "axis", x1: PAD.left, x2: width - PAD.right, y1: mid, y2: mid }));
    for (const [value, y] of [[top, PAD.top], [-top, PAD.top + plotH]]) {
      // conflict counts downwards: the lower tick is its count, labelled as such, not a negative number
      root.appendChild(svg("text", { class: "tick", x: PAD.left - 6, y: y + 4, "text-anchor": "end" }, String(Math.abs(value))));
    }
    root.appendChild(svg("text", { class: "tick unit", x: 2, y: 12 }, "events: cooperation ↑, conflict ↓"));
    root.appendChild(svg("text", { class: "tick unit goldstein", x: width - 2, y: 12, "text-anchor": "end" }, "Goldstein"));
    root.appendChild(svg("text", { class: "tick", x: PAD.left - 6, y: mid + 4, "text-anchor": "end" }, "0"));
    for (const g of [10, 0, -10]) {
      root.appendChild(svg("text", { class: "tick goldstein", x: width - PAD.right + 6, y: gy(g) + 4 }, (g > 0 ? "+" : "") + g));
    }

    const labelEvery = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(plotW / 64))));
    const groups = [];
    periods.forEach((period, i) => {
      const x = PAD.left + i * band + (band - barW) / 2;
      const group = svg("g", {
        class: "period" + (opts.selected === period.period ? " selected" : ""),
        tabindex: 0,
        role: "button",
        "aria-pressed": opts.selected === period.period ? "true" : "false",
        "aria-label": describe(period),
        "data-period": period.period,
        "data-start": period.start,
        "data-end": period.end,
      });
      group.appendChild(svg("title", {}, describe(period)));
      group.appendChild(svg("rect", { class: "hit", x: PAD.left + i * band, y: PAD.top, width: band, height: plotH }));
      let y = mid;
      for (const quad of [1, 2]) {
        const h = count(period, quad) * scale;
        if (h > 0) group.appendChild(svg("rect", { class: "bar q" + quad, x: x, y: y - h, width: barW, height: h }));
        y -= h;
      }
      y = mid;
      for (const quad of [3, 4]) {
        const h = count(period, quad) * scale;
        if (h > 0) group.appendChild(svg("rect", { class: "bar q" + quad, x: x, y: y, width: barW, height: h }));
        y += h;
      }
      if (i % labelEvery === 0) {
        group.appendChild(svg("text", { class: "tick", x: x + barW / 2, y: HEIGHT - PAD.bottom + 16, "text-anchor": "middle" }, period.period));
      }
      const choose = () => opts.onSelect && opts.onSelect(period);
      group.addEventListener("click", choose);
      group.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          choose();
        }
      });
      groups.push(group);
      root.appendChild(group);
    });

    // the mean Goldstein only where a period has enough events to mean something; gaps break the line
    const minimum = opts.minEvents || MIN_EVENTS;
    let run = [];
    const runs = [run];
    periods.forEach((p, i) => {
      if (p.events >= minimum && p.goldstein_mean !== null && p.goldstein_mean !== undefined) {
        run.push([PAD.left + i * band + band / 2, gy(Number(p.goldstein_mean))]);
      } else if (run.length) {
        run = [];
        runs.push(run);
      }
    });
    for (const points of runs) {
      if (points.length > 1) {
        root.appendChild(svg("polyline", { class: "goldstein-line", points: points.map((p) => p.join(",")).join(" ") }));
      }
      for (const [x, y] of points) root.appendChild(svg("circle", { class: "goldstein-dot", cx: x, cy: y, r: 3 }));
    }
    container.appendChild(root);
    return root;
  }

  window.detente.drawBalanceChart = drawBalanceChart;
})();
