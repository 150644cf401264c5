/* detente dashboard: the map (/map). Natural Earth country outlines (world-atlas 1:50m TopoJSON, vendored)
   drawn with d3-geo in the Natural Earth projection. Countries are shaded by the events placed in the country
   as a whole (feature "country"); events in a city or region are circles sized by their count. The filter bar
   (filters.js) decides which events count; zoom with the wheel or the buttons, pan by dragging. */
"use strict";

(function () {
  const d = window.detente;
  const WIDTH = 960;
  const HEIGHT = 500;
  const MIN_ZOOM = 1;
  const MAX_ZOOM = 24;
  //: Choropleth classes: lower bounds of the event counts (fixed, so two maps can be compared).
  const CLASSES = [1, 2, 5, 20, 100];
  //: Circle radius (in screen pixels at any zoom) for a count of events.
  const radius = (n) => Math.min(18, 2.5 + 2.2 * Math.sqrt(n));

  const state = { world: null, view: { k: 1, x: 0, y: 0 }, layer: null, svg: null, request: 0 };

  function shadeClass(count) {
    let cls = 0;
    CLASSES.forEach((bound, i) => {
      if (count >= bound) cls = i + 1;
    });
    return cls;
  }

  /** ISO alpha-3 code of each world-atlas feature: by its ISO numeric id, else by name (Kosovo). */
  function featureCodes(features, tables) {
    const codes = new Map();
    const byNumeric = new Map();
    const byName = new Map();
    for (const country of tables.countries || []) {
      if (country.numeric) byNumeric.set(String(country.numeric).padStart(3, "0"), country.code);
      for (const name of [country.name].concat(country.aliases || [])) byName.set(name.toLowerCase(), country.code);
    }
    for (const feature of features) {
      const name = ((feature.properties || {}).name || "").toLowerCase();
      const code = (feature.id && byNumeric.get(String(feature.id))) || byName.get(name) || null;
      codes.set(feature, code);
    }
    return codes;
  }

  function applyView() {
    const v = state.view;
    state.layer.setAttribute("transform", "translate(" + v.x.toFixed(2) + "," + v.y.toFixed(2) + ") scale(" + v.k.toFixed(4) + ")");
    state.layer.style.setProperty("--zoom", String(v.k));
    for (const circle of state.layer.querySelectorAll("circle.place")) {
      circle.setAttribute("r", (Number(circle.dataset.radius) / v.k).toFixed(3));
    }
    state.svg.dataset.zoom = v.k.toFixed(3);
  }

  /** Zoom by ``factor`` around the point (px, py) in map units, keeping the map on screen. */
  function zoomAt(factor, px, py) {
    const v = state.view;
    const k = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, v.k * factor));
    const ratio = k / v.k;
    v.x = px - (px - v.x) * ratio;
    v.y = py - (py - v.y) * ratio;
    v.k = k;
    clampView();
    applyView();
  }

  function clampView() {
    const v = state.view;
    v.x = Math.min(0, Math.max(WIDTH - WIDTH * v.k, v.x));
    v.y = Math.min(0, Math.max(HEIGHT - HEIGHT * v.k, v.y));
  }

  /** A pointer event's position in map units (the SVG's viewBox). */
  function mapPoint(event) {
    const box = state.svg.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * WIDTH, ((event.clientY - box.top) / box.height) * HEIGHT];
  }

  function wireZoom() {
    const svg = state.svg;
    svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      const [px, py] = mapPoint(e);
      zoomAt(e.deltaY < 0 ? 1.25 : 0.8, px, py);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      drag = { start: mapPoint(e), x: state.view.x, y: state.view.y, moved: false, id: e.pointerId };
    });
    svg.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const [px, py] = mapPoint(e);
      const dx = px - drag.start[0];
      const dy = py - drag.start[1];
      if (!drag.moved && Math.hypot(dx, dy) < 3) return;
      if (!drag.moved) svg.setPointerCapture(drag.id);
      drag.moved = true;
      state.view.x = drag.x + dx;
      state.view.y = drag.y + dy;
      clampView();
      applyView();
    });
    const end = (e) => {
      if (drag && drag.moved) {
        svg.classList.add("dragged");
        setTimeout(() => svg.classList.remove("dragged"), 0);
        e.preventDefault();
      }
      drag = null;
    };
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
    svg.addEventListener("click", (e) => {
      if (svg.classList.contains("dragged")) e.preventDefault();
    }, true);
    document.getElementById("zoom-in").addEventListener("click", () => zoomAt(1.6, WIDTH / 2, HEIGHT / 2));
    document.getElementById("zoom-out").addEventListener("click", () => zoomAt(1 / 1.6, WIDTH / 2, HEIGHT / 2));
    document.getElementById("zoom-reset").addEventListener("click", () => {
      state.view = { k: 1, x: 0, y: 0 };
      applyView();
    });
  }

  function drawBase(world, tables) {
    const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: "Sphere" });
    const path = d3.geoPath(projection);
    const features = topojson.feature(world, world.objects.countries).features;
    const codes = featureCodes(features, tables);
    const svg = d.svg("svg", {
      class: "world",
      viewBox: "0 0 " + WIDTH + " " + HEIGHT,
      preserveAspectRatio: "xMidYMid meet",
      role: "img",
      "aria-label": "World map of event places",
    });
    const layer = d.svg("g", { class: "zoom-layer" });
    layer.appendChild(d.svg("path", { class: "sea", d: path({ type: "Sphere" }) }));
    layer.appendChild(d.svg("path", { class: "graticule", d: path(d3.geoGraticule10()) }));
    const countries = d.svg("g", { class: "countries" });
    for (const feature of features) {
      const code = codes.get(feature);
      const name = (feature.properties || {}).name || "";
      const shape = d.svg("path", { class: "country", d: path(feature), "data-code": code || "", "data-name": name });
      shape.appendChild(d.svg("title", {}, name));
      countries.appendChild(shape);
    }
    layer.appendChild(countries);
    layer.appendChild(d.svg("g", { class: "places" }));
    svg.appendChild(layer);
    state.svg = svg;
    state.layer = layer;
    state.projection = projection;
    d.clear(document.getElementById("map")).appendChild(svg);
    wireZoom();
    applyView();
  }

  function placeName(place) {
    return (place.name || "?") + (place.country ? ", " + (d.codeName(place.country) || place.country) : "");
  }

  function shade(countryTotals) {
    for (const shape of state.layer.querySelectorAll("path.country")) {
      const code = shape.dataset.code;
      const count = (code && countryTotals.get(code)) || 0;
      shape.setAttribute("class", "country shade" + shadeClass(count));
      shape.dataset.events = String(count);
      const title = shape.querySelector("title");
      title.textContent = shape.dataset.name + (code ? " (" + code + ")" : "") + ": " + d.filters.amount(count) + " placed in the country as a whole";
      if (code && count) {
        if (shape.parentNode.tagName.toLowerCase() !== "a") {
          const link = d.svg("a", { href: "/countries/" + encodeURIComponent(code), class: "country-link" });
          shape.parentNode.replaceChild(link, shape);
          link.appendChild(shape);
        }
      } else if (shape.parentNode.tagName.toLowerCase() === "a") {
        const link = shape.parentNode;
        link.parentNode.replaceChild(shape, link);
      }
    }
  }

  function drawPlaces(places, shaded) {
    const layer = d.clear(state.layer.querySelector("g.places"));
    // country-level places whose country has no outline at this scale are drawn as points too
    const points = places.filter((p) => p.feature !== "country" || !shaded.has(p.country));
    for (const place of points.slice().reverse()) {
      const [x, y] = state.projection([place.lon, place.lat]) || [NaN, NaN];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const label = placeName(place) + ": " + d.filters.amount(place.events);
      const r = radius(place.events);
      const dominant = [1, 2, 3, 4].reduce((best, q) => (place.quad_counts[q] > place.quad_counts[best] ? q : best), 1);
      layer.appendChild(d.svg(
        "a",
        { href: "/events/" + encodeURIComponent(place.latest_event), class: "point", "aria-label": label },
        d.svg("circle", { class: "place q" + dominant, cx: x.toFixed(2), cy: y.toFixed(2), r: r / state.view.k, "data-radius": r, "data-events": place.events }),
        d.svg("title", {}, label + " (latest: click to open)")
      ));
    }
    return points.length;
  }

  function drawLegend(places) {
    const node = d.clear(document.getElementById("legend"));
    const unit = d.filters.count();
    const shading = d.el("div", { class: "legend-group", "aria-label": "Country shading" }, d.el("strong", {}, "Country-wide " + unit + ": "));
    CLASSES.forEach((bound, i) => {
      const next = CLASSES[i + 1];
      const text = next ? (next - 1 === bound ? String(bound) : bound + "–" + (next - 1)) : bound + "+";
      shading.appendChild(d.el("span", { class: "key" }, d.el("span", { class: "swatch shade" + (i + 1) }), text));
    });
    node.appendChild(shading);
    const most = places.filter((p) => p.feature !== "country").reduce((m, p) => Math.max(m, p.events), 1);
    const sizes = [1, 10, 100].filter((n) => n <= Math.max(most, 10));
    const sizeKey = d.el("div", { class: "legend-group", "aria-label": "Circle size" }, d.el("strong", {}, unit.charAt(0).toUpperCase() + unit.slice(1) + " at a place: "));
    for (const n of sizes) {
      const r = radius(n);
      const box = 2 * radius(100) + 2;
      sizeKey.appendChild(d.el("span", { class: "key" },
        d.svg("svg", { width: 2 * r + 2, height: box, viewBox: "0 0 " + (2 * r + 2) + " " + box, "aria-hidden": "true" },
          d.svg("circle", { class: "size-key", cx: r + 1, cy: box - r - 1, r: r })),
        String(n)));
    }
    node.appendChild(sizeKey);
    const colours = d.el("div", { class: "legend-group" }, d.el("strong", {}, "Circle colour: "));
    for (const quad of [1, 2, 3, 4]) colours.appendChild(d.el("span", { class: "key" }, d.el("span", { class: "swatch q" + quad }), d.QUAD[quad].name));
    node.appendChild(colours);
  }

  function placeTable(places) {
    if (!places.length) return d.el("p", { class: "empty" }, "No events with a known place match these filters.");
    const Unit = d.filters.count() === "reports" ? "Reports" : "Instances";
    const head = d.el("thead", {}, d.el("tr", {}, ["Place", "Kind", "Country", Unit, "Mean Goldstein", "Latest"].map((h) => d.el("th", { scope: "col" }, h))));
    const rows = places.map((place) =>
      d.el(
        "tr",
        { "data-feature": place.feature || "" },
        d.el("td", { "data-label": "Place" }, place.name || "?"),
        d.el("td", { "data-label": "Kind" }, place.feature === "country" ? "whole country" : place.feature || "place"),
        d.el("td", { "data-label": "Country" }, place.country ? d.countryLink(place.country) : "–"),
        d.el("td", { class: "num", "data-label": Unit }, String(place.events)),
        d.el("td", { class: "num", "data-label": "Mean Goldstein" }, d.signed(place.goldstein_mean)),
        d.el("td", { "data-label": "Latest" }, d.el("a", { href: "/events/" + encodeURIComponent(place.latest_event) }, "event"))
      )
    );
    return d.el("div", { class: "table-wrap" }, d.el("table", { class: "places cards" }, head, d.el("tbody", {}, rows)));
  }

  async function loadPlaces() {
    const status = document.getElementById("status");
    const request = ++state.request;
    try {
      const answer = await d.getJSON("/api/places", d.filters.counted());
      if (request !== state.request) return;
      const totals = new Map();
      for (const place of answer.items) {
        if (place.feature === "country" && place.country) totals.set(place.country, (totals.get(place.country) || 0) + place.events);
      }
      shade(totals);
      const outlined = new Set([...state.layer.querySelectorAll("path.country")].map((p) => p.dataset.code).filter(Boolean));
      const shaded = new Set([...totals.keys()].filter((code) => outlined.has(code)));
      const points = drawPlaces(answer.items, shaded);
      drawLegend(answer.items);
      d.clear(document.getElementById("places")).appendChild(placeTable(answer.items));
      status.classList.remove("error");
      status.textContent =
        answer.total + " " + d.filters.describeCounted() + " at " + answer.items.length + " place(s): " + shaded.size +
        " country shading(s), " + points + " point(s)" + (answer.complete ? "." : " (from the newest " + answer.events + " reports only).");
    } catch (error) {
      if (request === state.request) d.showError(status, error);
    }
  }

  async function start() {
    const status = document.getElementById("status");
    d.filters.mount(document.getElementById("filter-bar"), loadPlaces);
    try {
      const [world, tables] = await Promise.all([d.getJSON("/static/vendor/world-atlas/countries-50m.json"), d.loadCodes()]);
      drawBase(world, tables);
    } catch (error) {
      d.showError(status, error);
      return;
    }
    loadPlaces();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
