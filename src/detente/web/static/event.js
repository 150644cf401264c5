/* detente dashboard: one event (/events/{id}): its facts, the article text with every mention marked (the
   evidence's source, trigger and target inside it), the list of mentions linking into the text, and the
   other reports of its instance (the same real-world event told elsewhere), each a link to its page. */
"use strict";

(function () {
  const d = window.detente;

  function fact(term, ...value) {
    return [d.el("dt", {}, term), d.el("dd", {}, ...value)];
  }

  function showFacts(event) {
    const title = d.actorLabel(event.source) + (event.reciprocal ? " ↔ " : " → ") + d.actorLabel(event.target);
    document.getElementById("title").textContent = event.cameo + " " + event.cameo_label + ": " + title;
    document.title = event.cameo_label + " · detente";
    const facts = document.getElementById("facts");
    d.clear(facts);
    const rows = [
      fact("CAMEO", event.cameo + " " + event.cameo_label),
      fact("PLOVER", (event.plover || "–") + (event.plover_mode ? " (" + event.plover_mode + ")" : "")),
      fact("QuadClass", d.quadBadge(event.quad_class)),
      fact("Goldstein", d.signed(event.goldstein)),
      fact("Status", event.status),
      fact("Date", d.eventDate(event) || "–", event.date_text ? " (“" + event.date_text + "”)" : ""),
      fact("Place", event.location ? event.location.name + (event.location.country ? ", " + event.location.country : "") : "–"),
      fact("Rule", d.el("code", {}, event.evidence.rule || "–")),
    ];
    for (const row of rows) for (const node of row) facts.appendChild(node);
  }

  function mentionsOf(event) {
    const list = event.mention_list && event.mention_list.length ? event.mention_list : [event.evidence];
    return list.map((m, i) => ({ ...m, index: i }));
  }

  /** The article text with each mention's sentence marked; the evidence's actors and trigger inside it. */
  function articleNodes(text, event, mentions) {
    const ev = event.evidence;
    const nodes = [];
    let at = 0;
    const sentences = mentions
      .filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end)
      .sort((a, b) => a.start - b.start);
    for (const m of sentences) {
      if (m.start < at) continue;
      nodes.push(document.createTextNode(text.slice(at, m.start)));
      const isEvidence = m.start === ev.start && m.end === ev.end;
      const inner = isEvidence
        ? d.eventRanges(event, m.start)
        : m.trigger_start >= 0
          ? [{ start: m.trigger_start - m.start, end: m.trigger_end - m.start, cls: "trg", title: "trigger" }]
          : [];
      const mark = d.el(
        "mark",
        { class: isEvidence ? "sentence evidence-mark" : "sentence", id: "m-" + m.index, tabindex: -1 },
        d.marked(text.slice(m.start, m.end), inner)
      );
      nodes.push(mark);
      at = m.end;
    }
    nodes.push(document.createTextNode(text.slice(at)));
    return nodes;
  }

  function showMentions(mentions) {
    const list = d.clear(document.getElementById("mentions"));
    for (const m of mentions) {
      const link = d.el("a", { href: "#m-" + m.index }, m.sentence);
      link.addEventListener("click", (e) => {
        const target = document.getElementById("m-" + m.index);
        if (target) {
          e.preventDefault();
          target.scrollIntoView({ block: "center" });
          target.focus();
        }
      });
      list.appendChild(d.el("li", {}, link, d.el("span", { class: "muted" }, " — trigger “" + (m.trigger || "") + "”")));
    }
  }

  /** Only web addresses become links (never javascript: or data: URLs from an article's metadata). */
  function safeURL(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (err) {
      return null;
    }
  }

  function showArticleMeta(article) {
    const meta = d.clear(document.getElementById("article-meta"));
    meta.appendChild(document.createTextNode([article.title, article.published, article.source].filter(Boolean).join(" · ")));
    const url = article.url ? safeURL(article.url) : null;
    if (url) {
      meta.appendChild(d.el("br"));
      meta.appendChild(d.el("a", { href: url, id: "article-url", rel: "noopener noreferrer nofollow", target: "_blank" }, "Source article ↗"));
      meta.appendChild(d.el("span", { class: "muted small" }, " " + new URL(url).host));
    } else if (article.url) {
      meta.appendChild(d.el("span", { class: "muted small" }, " (source: " + article.url + ")"));
    }
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  /** A web address's host (the outlet of an article without a source name), else null. */
  function host(url) {
    const safe = url ? safeURL(url) : null;
    return safe ? new URL(safe).host : null;
  }

  function reportItem(report) {
    const article = [report.article_title || "Untitled article", report.article_source || host(report.article_url), report.article_published]
      .filter(Boolean).join(" · ");
    const sentence = (report.evidence && report.evidence.sentence) || "";
    return d.el(
      "li",
      { "data-event-id": report.id },
      d.el("a", { href: "/events/" + encodeURIComponent(report.id) }, article),
      d.el("br"),
      d.el("span", { class: "muted" }, (report.cameo ? report.cameo + " " + (report.cameo_label || "") + ": " : "") + "“" + sentence + "”")
    );
  }

  /** The other reports of the event's instance, or why there are none. */
  async function showInstance(event) {
    const status = document.getElementById("instance-status");
    const list = d.clear(document.getElementById("instance-reports"));
    if (!event.instance_id) {
      status.textContent = "Not linked to other reports yet: this report counts as an instance of its own.";
      return;
    }
    try {
      const instance = await d.getJSON("/api/events/" + encodeURIComponent(event.id) + "/instance");
      const others = (instance.reports || []).filter((report) => report.id !== event.id);
      if (!others.length) {
        status.textContent = "This is the only report of this event.";
        return;
      }
      status.textContent = "The same event is told by " + plural(instance.num_reports, "report") + " in " +
        plural(instance.num_articles, "article") + " (syndicated copies once) from " + plural(instance.num_sources, "outlet") +
        "; the other " + plural(others.length, "report") + ":";
      for (const report of others) list.appendChild(reportItem(report));
    } catch (error) {
      d.showError(status, error);
    }
  }

  async function start() {
    await d.loadCodes();
    const parts = d.pathParts();
    const id = parts[1] || "";
    const status = document.getElementById("status");
    try {
      const event = await d.getJSON("/api/events/" + encodeURIComponent(id));
      showFacts(event);
      showInstance(event);
      const mentions = mentionsOf(event);
      showMentions(mentions);
      const article = await d.getJSON("/api/articles/" + encodeURIComponent(event.article_id));
      showArticleMeta(article);
      const others = (article.events || []).filter((other) => other.id !== event.id);
      d.clear(document.getElementById("others")).appendChild(
        d.eventsTable(others, { empty: "No other events in this article." })
      );
      const textNode = d.clear(document.getElementById("article-text"));
      for (const node of articleNodes(article.text, event, mentions)) textNode.appendChild(node);
      const evidence = textNode.querySelector("mark.evidence-mark");
      if (evidence) textNode.scrollTop = Math.max(0, evidence.offsetTop - textNode.clientHeight / 3);
      status.textContent = mentions.length + " mention(s) in article " + article.id + ".";
    } catch (error) {
      d.showError(status, error);
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
