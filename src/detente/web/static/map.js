/* detente dashboard: the map (/map). An equirectangular SVG (x = longitude, y = -latitude) with a
   graticule, the coarse land outlines shipped in world.json, and one point per place with events. */
"use strict";

(function () {
  const d = window.detente;
  const PAGE = 500;

  function graticule(root) {
    for (let lon = -180; lon <= 180; lon += 30) {
      root.appendChild(d.svg("line", { class: "graticule", x1: lon, x2: lon, y1: -90, y2: 90 }));
    }
    for (let lat = -60; lat <= 60; lat += 30) {
      root.appendChild(d.svg("line", { class: lat === 0 ? "graticule equator" : "graticule", x1: -180, x2: 180, y1: -lat, y2: -lat }));
    }
  }

  function land(root, world) {
    for (const shape of world.shapes) {
      const points = shape.points.map(([lon, lat]) => lon + "," + -lat).join(" ");
      root.appendChild(d.svg("polygon", { class: "land", points: points }, d.svg("title", {}, shape.name)));
    }
  }

  /** Events grouped by place (same coordinates). */
  function places(events) {
    const byPlace = new Map();
    for (const event of events) {
      const loc = event.location;
      if (!loc || typeof loc.lat !== "number" || typeof loc.lon !== "number") continue;
      const key = loc.lat.toFixed(3) + "," + loc.lon.toFixed(3);
      if (!byPlace.has(key)) byPlace.set(key, { location: loc, events: [] });
      byPlace.get(key).events.push(event);
    }
    return [...byPlace.values()].sort((a, b) => b.events.length - a.events.length);
  }

  function placeName(loc) {
    return loc.name + (loc.country ? ", " + loc.country : "");
  }

  function pointFor(place) {
    const loc = place.location;
    const first = place.events[0];
    const label = placeName(loc) + ": " + place.events.length + " event(s)";
    const radius = Math.min(6, 1.6 + Math.sqrt(place.events.length));
    return d.svg(
      "a",
      { href: "/events/" + encodeURIComponent(first.id), class: "point", "aria-label": label },
      d.svg("circle", { cx: loc.lon, cy: -loc.lat, r: radius, class: "q" + first.quad_class }),
      d.svg("title", {}, label)
    );
  }

  function placeTable(list) {
    if (!list.length) return d.el("p", { class: "empty" }, "No events with a known place yet.");
    const head = d.el("thead", {}, d.el("tr", {}, ["Place", "Lat", "Lon", "Events"].map((h) => d.el("th", { scope: "col" }, h))));
    const rows = list.map((place) =>
      d.el(
        "tr",
        {},
        d.el("td", {}, placeName(place.location)),
        d.el("td", { class: "num" }, place.location.lat.toFixed(2)),
        d.el("td", { class: "num" }, place.location.lon.toFixed(2)),
        d.el(
          "td",
          {},
          place.events.slice(0, 8).map((event, i) => [
            i ? ", " : "",
            d.el("a", { href: "/events/" + encodeURIComponent(event.id) }, event.cameo + " " + event.cameo_label),
          ]),
          place.events.length > 8 ? " …" : ""
        )
      )
    );
    return d.el("div", { class: "table-wrap" }, d.el("table", {}, head, d.el("tbody", {}, rows)));
  }

  async function start() {
    const status = document.getElementById("status");
    const node = document.getElementById("map");
    d.legend(document.getElementById("legend"), { noLine: true });
    try {
      const [world, page] = await Promise.all([d.getJSON("/static/world.json"), d.getJSON("/api/locations", { limit: PAGE })]);
      const root = d.svg("svg", {
        class: "world",
        viewBox: "-180 -90 360 180",
        preserveAspectRatio: "xMidYMid meet",
        role: "img",
        "aria-label": "World map of event places",
      });
      root.appendChild(d.svg("rect", { class: "sea", x: -180, y: -90, width: 360, height: 180 }));
      graticule(root);
      land(root, world);
      const list = places(page.items);
      const layer = d.svg("g", { class: "points" });
      for (const place of list.slice().reverse()) layer.appendChild(pointFor(place));
      root.appendChild(layer);
      d.clear(node).appendChild(root);
      d.clear(document.getElementById("places")).appendChild(placeTable(list));
      status.textContent = page.items.length + " event(s) at " + list.length + " place(s)" + (page.total > page.items.length ? " (the first " + page.items.length + " of " + page.total + ")" : "") + ".";
    } catch (error) {
      d.showError(status, error);
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
