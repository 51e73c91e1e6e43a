// The status board: reads the public API (with the key from localStorage when auth is on) and draws plain SVG.
"use strict";

const STATUS_ORDER = ["blocked", "in_progress", "planned", "not_started", "done", "cancelled"];
const SVG = "http://www.w3.org/2000/svg";
let config = {auth: false, browser_url: "", item_query: "", action_items: false};

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

async function api(path, options = {}) {
  const headers = {"Accept": "application/json", ...(options.headers || {})};
  const key = localStorage.getItem("smartmeet.key");
  if (key) headers["Authorization"] = `Bearer ${key}`;
  const response = await fetch(path, {...options, headers});
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (_) { /* not JSON */ }
    const error = new Error(`${path}: ${response.status} ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message;
  box.hidden = !message;
}

function browserLink(item) {
  const text = `:param name => ${JSON.stringify(item.name)};\n${config.item_query}`;
  return el("a", {href: `${config.browser_url}?cmd=edit&arg=${encodeURIComponent(text)}`, target: "_blank",
                  rel: "noopener", class: "browser", title: "Open this item's state history in Neo4j Browser",
                  text: "Neo4j Browser ↗"});
}

function progressBar(progress) {
  const value = progress ?? 0;
  return el("div", {class: "bar", title: progress == null ? "progress unknown" : `${value}%`},
            el("span", {style: `width:${value}%`}), el("em", {text: progress == null ? "–" : `${value}%`}));
}

// Progress over the item's meetings: one dot per state version, coloured by status, joined by a line.
function timelineChart(events) {
  const width = 260, height = 64, pad = 8;
  const svg = el("svg:svg", {viewBox: `0 0 ${width} ${height}`, class: "timeline", role: "img"});
  if (!events.length) return svg;
  const x = i => events.length === 1 ? width / 2 : pad + i * (width - 2 * pad) / (events.length - 1);
  const y = p => height - pad - (p ?? 0) * (height - 2 * pad) / 100;
  svg.append(el("svg:polyline", {points: events.map((e, i) => `${x(i)},${y(e.progress)}`).join(" "), class: "line"}));
  events.forEach((e, i) => {
    const dot = el("svg:circle", {cx: x(i), cy: y(e.progress), r: 4, class: `dot s-${e.status}`});
    dot.append(el("svg:title", {text: `${e.date} ${e.external_id || ""}: ${e.status}` +
                                      (e.progress == null ? "" : `, ${e.progress}%`) + (e.owner ? `, ${e.owner}` : "")}));
    svg.append(dot);
  });
  svg.setAttribute("aria-label", `${events.length} state changes, latest ${events[events.length - 1].status}`);
  return svg;
}

function itemCard(item, timeline) {
  const state = item.state || {};
  const blockers = state.blockers && state.blockers.length
    ? el("p", {class: "blockers", text: `Blocked by ${state.blockers.join(", ")}`}) : null;
  return el("article", {class: "card", "data-id": item.id},
    el("h3", {text: item.name}, el("small", {text: ` ${item.type}`})),
    el("p", {class: "owner", text: state.owner ? `Owner: ${state.owner}` : "No owner"}),
    progressBar(state.progress), blockers, timelineChart(timeline.events || []),
    el("p", {class: "since", text: state.external_id ? `since ${state.since || ""} (${state.external_id})` : ""}),
    browserLink(item));
}

async function loadItems() {
  const page = await api("/api/entities?limit=500");
  const items = page.items.filter(i => i.type !== "person");
  const details = await Promise.all(items.map(i => Promise.all([
    api(`/api/entities/${encodeURIComponent(i.id)}`), api(`/api/entities/${encodeURIComponent(i.id)}/timeline`)])));
  const groups = new Map();
  for (const [item, timeline] of details) {
    const status = item.state.status || "unknown";
    if (!groups.has(status)) groups.set(status, []);
    groups.get(status).push(itemCard(item, timeline));
  }
  const rank = s => (STATUS_ORDER.indexOf(s) + 1) || STATUS_ORDER.length + 1;
  const columns = document.getElementById("columns");
  columns.replaceChildren(...[...groups.keys()].sort((a, b) => rank(a) - rank(b)).map(status =>
    el("div", {class: `column s-${status}`},
       el("h3", {class: "status", text: `${status.replace("_", " ")} (${groups.get(status).length})`}),
       ...groups.get(status))));
  if (!groups.size) columns.append(el("p", {class: "empty", text: "No items yet: ingest a meeting."}));
  return new Map(details.map(([item]) => [item.id, item]));
}

async function loadCriticalPath(items) {
  const critical = await api("/api/critical-path");
  const chain = document.getElementById("chain");
  if (!critical.ids.length) {
    chain.replaceChildren(el("p", {class: "empty", text: "No unfinished dependency chain."}));
    return;
  }
  const links = critical.ids.flatMap((id, i) => {
    const state = (items.get(id) || {}).state || {};
    const box = el("div", {class: "link"}, el("strong", {text: critical.path[i]}),
                   el("span", {text: `${100 - (state.progress ?? 0)}% left · ${state.status || "?"}`}));
    return i ? [el("span", {class: "arrow", text: "→", title: "depends on"}), box] : [box];
  });
  chain.replaceChildren(el("div", {class: "chain"}, ...links),
                        el("p", {class: "total", text: `Remaining work on the chain: ${critical.remaining} points`}));
}

function sourceList(sources) {
  return el("ul", {class: "sources"}, ...sources.map(s => el("li", {},
    el("span", {class: "where", text: [s.external_id || s.title || s.meeting_id, s.date, (s.speakers || []).join(", ")]
                                        .filter(Boolean).join(" · ")}),
    s.quote ? el("q", {text: s.quote}) : null)));
}

async function loadChanges() {
  const meetings = await api("/api/meetings?limit=3");
  const list = document.getElementById("change-list");
  if (meetings.items.length < 2) {
    list.replaceChildren(el("li", {class: "empty", text: "Changes appear once there are two meetings."}));
    return;
  }
  const since = meetings.items[meetings.items.length - 1];
  const changes = await api(`/api/changes?since=${encodeURIComponent(since.id)}&limit=50`);
  list.replaceChildren(...changes.changes.map(c => el("li", {},
    el("strong", {text: c.entity}), ` ${c.field}: `, el("span", {class: "from", text: fmt(c.from)}), " → ",
    el("span", {class: "to", text: fmt(c.to)}), el("small", {text: ` ${c.external_id || ""} ${c.date}`}))));
  if (!changes.changes.length) list.append(el("li", {class: "empty", text: "Nothing changed recently."}));
}

function fmt(value) {
  if (value == null) return "–";
  return Array.isArray(value) ? (value.join(", ") || "none") : String(value);
}

async function loadActionItems() {
  const list = document.getElementById("action-list");
  if (!config.action_items) {
    list.replaceChildren(el("li", {class: "empty", text: "This API does not track action items yet."}));
    return;
  }
  const page = await api("/api/action-items?status=open&limit=50");
  list.replaceChildren(...page.items.map(a => el("li", {},
    el("strong", {text: a.owner || "Unassigned"}), `: ${a.text}`,
    el("small", {text: ` ${a.due ? "due " + a.due : (a.due_text || "")} · ${a.meeting_title || a.external_id || ""}`
                       + ` ${a.meeting_date}`, title: a.quote}))));
  if (!page.items.length) list.append(el("li", {class: "empty", text: "No open action items."}));
}

async function ask(event) {
  event.preventDefault();
  const question = document.getElementById("question").value.trim();
  const box = document.getElementById("answer");
  if (!question) return;
  box.replaceChildren(el("p", {class: "pending", text: "Thinking…"}));
  try {
    const answer = await api("/api/query", {method: "POST", body: JSON.stringify({question}),
                                            headers: {"Content-Type": "application/json"}});
    const ids = answer.sources.map(s => s.memory_id).filter(Boolean);
    const details = ids.length
      ? new Map((await api(`/api/sources?${ids.map(i => `memory_id=${encodeURIComponent(i)}`).join("&")}`))
          .sources.map(d => [d.memory_id, d]))
      : new Map();
    const known = s => Object.fromEntries(Object.entries(s).filter(([, v]) => v != null));  // a null must not hide a detail
    const sources = answer.sources.map(s => ({...(details.get(s.memory_id) || {}), ...known(s)}));
    box.replaceChildren(el("p", {class: "text", text: answer.answer}), sources.length ? sourceList(sources) : null);
  } catch (error) {
    box.replaceChildren(el("p", {class: "failed", text: error.message}));
  }
}

async function refresh() {
  showError("");
  try {
    const items = await loadItems();
    await Promise.all([loadCriticalPath(items), loadChanges(), loadActionItems()]);
    document.body.dataset.loaded = "true";
  } catch (error) {
    if (error.status === 401 || error.status === 403) document.getElementById("key-form").hidden = false;
    showError(error.message);
    document.body.dataset.loaded = "error";
  }
}

async function start() {
  config = await (await fetch("/board/config.json")).json();
  const keyForm = document.getElementById("key-form");
  keyForm.hidden = !config.auth;
  document.getElementById("key").value = localStorage.getItem("smartmeet.key") || "";
  keyForm.addEventListener("submit", event => {
    event.preventDefault();
    localStorage.setItem("smartmeet.key", document.getElementById("key").value.trim());
    refresh();
  });
  document.getElementById("ask-form").addEventListener("submit", ask);
  await refresh();
}

start();
