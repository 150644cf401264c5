/* detente dashboard: an offline API reference drawn from /openapi.json (no Swagger UI, no CDN). */
"use strict";

(function () {
  const d = window.detente;

  function schemaType(schema) {
    if (!schema) return "";
    if (schema.type) return schema.type + (schema.enum ? " (" + schema.enum.join(" | ") + ")" : "");
    const options = schema.anyOf || schema.oneOf;
    if (options) return options.map(schemaType).filter((t) => t && t !== "null").join(" or ");
    return "";
  }

  /** Text with `code` and ``code`` spans as <code> elements. */
  function richText(text) {
    return String(text || "")
      .split(/``?([^`]+)``?/)
      .map((part, i) => (i % 2 ? d.el("code", {}, part) : part));
  }

  function bodyFields(op) {
    const content = ((op.requestBody || {}).content || {})["application/json"];
    const options = content && content.schema ? content.schema.anyOf || [content.schema] : [];
    const object = options.find((schema) => schema.properties);
    if (!object) return null;
    const required = new Set(object.required || []);
    const rows = Object.entries(object.properties).map(([name, schema]) =>
      d.el(
        "tr",
        {},
        d.el("td", {}, d.el("code", {}, name), required.has(name) ? " *" : ""),
        d.el("td", {}, "body"),
        d.el("td", {}, schemaType(schema)),
        d.el("td", {}, schema.description || "")
      )
    );
    return rows;
  }

  function parameterTable(parameters, extraRows) {
    const head = d.el("thead", {}, d.el("tr", {}, ["Name", "In", "Type", "Description"].map((h) => d.el("th", { scope: "col" }, h))));
    const rows = parameters.map((p) =>
      d.el(
        "tr",
        {},
        d.el("td", {}, d.el("code", {}, p.name), p.required ? " *" : ""),
        d.el("td", {}, p.in),
        d.el("td", {}, schemaType(p.schema)),
        d.el("td", {}, p.description || (p.schema && p.schema.description) || "")
      )
    );
    return d.el("table", { class: "params" }, head, d.el("tbody", {}, rows, extraRows || []));
  }

  function operation(path, method, op) {
    const title = d.el("h2", {}, d.el("span", { class: "method" }, method.toUpperCase()), " ", d.el("code", {}, path));
    const parts = [title, d.el("p", {}, op.summary || "")];
    if (op.description) parts.push(d.el("p", { class: "muted pre" }, richText(op.description)));
    const body = bodyFields(op);
    if ((op.parameters && op.parameters.length) || body) parts.push(parameterTable(op.parameters || [], body));
    if (method === "get" && !path.includes("{")) parts.push(d.el("p", {}, d.el("a", { href: path }, "Open " + path)));
    return d.el("section", { class: "panel" }, parts);
  }

  async function start() {
    const status = document.getElementById("status");
    try {
      const spec = await d.getJSON("/openapi.json");
      const node = d.clear(document.getElementById("docs"));
      node.appendChild(d.el("p", { class: "pre" }, richText(spec.info.description)));
      for (const [path, methods] of Object.entries(spec.paths)) {
        for (const [method, op] of Object.entries(methods)) node.appendChild(operation(path, method, op));
      }
      status.textContent = spec.info.title + " " + spec.info.version;
    } catch (error) {
      d.showError(status, error);
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
