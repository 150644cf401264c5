/* detente dashboard: the cooperation-conflict chart, drawn as SVG by hand.
   One column per period: verbal and material cooperation stacked upward from the zero line, verbal and
   material conflict stacked downward, and the mean Goldstein score as a line on its own -10..+10 scale.
   Every period is a focusable button: click it, or press Enter or Space on it, to select it.
   Events the text dated only to a longer period than the columns' (a month or a year in a chart by day or
   week: the API's "spans") are not stacked on the first day of it: each is a band under the axis over the
   whole period it covers, with its count.
   Dragging across the chart brushes a date range (options.onBrush(from, to)); the filter bar's From and
   To fields are the keyboard's way to the same range. */
"use strict";

(function () {
  const { svg, clear, QUAD, signed } = window.detente;
  const HEIGHT = 260;
  const LANE = 16; // one row of date spans under the axis
  const PAD = { top: 24, right: 44, bottom: 34, left: 40 };

  function count(period, quad) {
    return Number((period.quad_counts || {})[String(quad)] || 0);
  }

  function describe(period, unit) {
    const parts = [1, 2, 3, 4].map((q) => QUAD[q].short + " " + count(period, q));
    return period.period + ": " + period.events + " " + unit + " (" + parts.join(", ") + "); mean Goldstein " + (period.events ? signed(period.goldstein_mean) : "–");
  }

  /**
   * Draw ``periods`` (the API's series items) into ``container``.
   * options.onSelect(period) is called when a period is chosen; options.selected is the chosen period name;
   * options.unit names what the counts are ("instances", "reports"; default "events").
   */
  //: Periods with fewer events get no point on the Goldstein line (one event swings a mean across ±10).
  const MIN_EVENTS = 3;

  function drawBalanceChart(container, periods, options) {
    const opts = options || {};
    const unit = opts.unit || "events";
    clear(container);
    if (!periods.length) {
      container.appendChild(document.createTextNode("No dated events to chart."));
      return null;
    }
    const width = Math.max(320, Math.floor(container.clientWidth || 800));
    const plotW = width - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const band = plotW / periods.length;
    const spans = placeSpans(opts.spans || [], periods, band);
    const lanes = spans.reduce((n, s) => Math.max(n, s.lane + 1), 0);
    const height = HEIGHT + (lanes ? lanes * LANE + 6 : 0);
    const mid = PAD.top + plotH / 2;
    const up = Math.max(1, ...periods.map((p) => count(p, 1) + count(p, 2)));
    const down = Math.max(1, ...periods.map((p) => count(p, 3) + count(p, 4)));
    const scale = (plotH / 2) / Math.max(up, down);
    const barW = Math.max(2, Math.min(48, band * 0.7));
    const gy = (g) => mid - (g / 10) * (plotH / 2);

    const root = svg("svg", {
      class: "balance-chart",
      width: width,
      height: height,
      viewBox: "0 0 " + width + " " + height,
      role: "group",
      "aria-label": unit.charAt(0).toUpperCase() + unit.slice(1) + " per period: cooperation above the line, conflict below",
      "data-unit": unit,
    });
    const top = Math.max(up, down);
    root.appendChild(svg("line", { class: "axis", x1: PAD.left, x2: width - PAD.right, y1: mid, y2: mid }));
    for (const [value, y] of [[top, PAD.top], [-top, PAD.top + plotH]]) {
      // conflict counts downwards: the lower tick is its count, labelled as such, not a negative number
      root.appendChild(svg("text", { class: "tick", x: PAD.left - 6, y: y + 4, "text-anchor": "end" }, String(Math.abs(value))));
    }
    root.appendChild(svg("text", { class: "tick unit", x: 2, y: 12 }, unit + ": cooperation ↑, conflict ↓"));
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
        "aria-label": describe(period, unit),
        "data-period": period.period,
        "data-start": period.start,
        "data-end": period.end,
      });
      group.appendChild(svg("title", {}, describe(period, unit)));
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
    drawSpans(root, spans, HEIGHT + 2, unit);
    brushable(root, periods, band, plotH, opts);
    container.appendChild(root);
    return root;
  }

  /** Each span (an API series span) with its x range over the periods it overlaps and a lane, so that
   *  overlapping spans (a year and a month in it) sit in different rows. */
  function placeSpans(spans, periods, band) {
    const placed = [];
    const laneEnds = [];
    for (const span of spans) {
      let first = -1;
      let last = -1;
      periods.forEach((p, i) => {
        if (p.end >= span.start && p.start <= span.end) {
          if (first < 0) first = i;
          last = i;
        }
      });
      if (first < 0) continue; // outside the chart's range
      const x0 = PAD.left + first * band + 1;
      const x1 = PAD.left + (last + 1) * band - 1;
      let lane = laneEnds.findIndex((end) => end <= x0);
      if (lane < 0) {
        lane = laneEnds.length;
        laneEnds.push(0);
      }
      laneEnds[lane] = x1 + 2;
      placed.push(Object.assign({ x0: x0, x1: Math.max(x1, x0 + 3), lane: lane }, span));
    }
    return placed;
  }

  function describeSpan(span, unit) {
    const word = span.events === 1 ? unit.replace(/s$/, "") : unit;
    return span.period + ": " + span.events + " " + word + " dated only to the " +
      span.precision + " (" + span.start + " to " + span.end + "), not in the bars";
  }

  function drawSpans(root, spans, top, unit) {
    for (const span of spans) {
      const y = top + span.lane * LANE;
      const quads = [1, 2, 3, 4].filter((q) => count(span, q) > 0);
      const group = svg("g", {
        class: "date-span q" + (quads.length === 1 ? quads[0] : "mixed"),
        role: "img",
        "aria-label": describeSpan(span, unit),
        "data-period": span.period,
        "data-precision": span.precision,
        "data-events": span.events,
      });
      group.appendChild(svg("title", {}, describeSpan(span, unit)));
      group.appendChild(svg("rect", { x: span.x0, y: y, width: span.x1 - span.x0, height: LANE - 4, rx: 3 }));
      if (span.x1 - span.x0 > 14) {
        group.appendChild(svg("text", { class: "tick", x: (span.x0 + span.x1) / 2, y: y + LANE - 7, "text-anchor": "middle" }, String(span.events)));
      }
      root.appendChild(group);
    }
  }

  /** Drag across the plot to choose the periods from the one under the press to the one under the release:
   *  options.onBrush(first period's start, last period's end). A press that does not move stays a click. */
  function brushable(root, periods, band, plotH, opts) {
    if (!opts.onBrush) return;
    let origin = null;
    let rect = null;
    let suppressClick = false;
    const xOf = (event) => {
      const box = root.getBoundingClientRect();
      const scaleX = box.width ? Number(root.getAttribute("width")) / box.width : 1;
      return (event.clientX - box.left) * scaleX;
    };
    const index = (x) => Math.min(periods.length - 1, Math.max(0, Math.floor((x - PAD.left) / band)));
    root.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      origin = { x: xOf(event), id: event.pointerId, moved: false };
    });
    root.addEventListener("pointermove", (event) => {
      if (!origin || event.pointerId !== origin.id) return;
      const x = xOf(event);
      if (!origin.moved && Math.abs(x - origin.x) < 5) return;
      if (!origin.moved) {
        origin.moved = true;
        root.setPointerCapture(event.pointerId);
        rect = svg("rect", { class: "brush", y: PAD.top, height: plotH });
        root.appendChild(rect);
      }
      const a = index(Math.min(origin.x, x));
      const b = index(Math.max(origin.x, x));
      rect.setAttribute("x", PAD.left + a * band);
      rect.setAttribute("width", (b - a + 1) * band);
    });
    const finish = (event) => {
      if (!origin || event.pointerId !== origin.id) return;
      const moved = origin.moved;
      const from = origin.x;
      origin = null;
      if (rect) rect.remove();
      rect = null;
      if (!moved || event.type === "pointercancel") return;
      suppressClick = true;
      setTimeout(() => { suppressClick = false; }, 0);
      const x = xOf(event);
      const first = periods[index(Math.min(from, x))];
      const last = periods[index(Math.max(from, x))];
      opts.onBrush(first.start, last.end);
    };
    root.addEventListener("pointerup", finish);
    root.addEventListener("pointercancel", finish);
    // the click that ends a drag is not a click on a period
    root.addEventListener("click", (event) => {
      if (suppressClick) {
        event.stopPropagation();
        suppressClick = false;
      }
    }, true);
  }

  // A page's period chart: dragging sets the date range, a period picked is kept in the URL as the page's
  // selection; ``picked`` redraws and reloads what the page shows for it.
  function drawPageChart(container, state, spans, picked) {
    drawBalanceChart(container, state.periods, {
      spans: spans,
      unit: window.detente.filters.count(),
      onBrush: (from, to) => window.detente.filters.apply({ date_from: from, date_to: to }),
      selected: state.selected ? state.selected.period : null,
      onSelect: (period) => {
        state.selected = period;
        window.detente.filters.setURL({ period: period.period });
        picked(period);
      },
    });
  }

  // A page's interval picker (#interval): read from the URL (month by default); a change is kept in the URL,
  // clears the picked period, and ``changed`` reloads what the page shows.
  function bindInterval(state, changed) {
    const select = document.getElementById("interval");
    state.interval = new URL(window.location.href).searchParams.get("interval") || "month";
    select.value = state.interval;
    select.addEventListener("change", () => {
      state.interval = select.value;
      state.selected = null;
      window.detente.filters.setURL({ interval: state.interval === "month" ? "" : state.interval, period: "" });
      changed();
    });
  }

  window.detente.drawBalanceChart = drawBalanceChart;
  window.detente.drawPageChart = drawPageChart;
  window.detente.bindInterval = bindInterval;
})();
