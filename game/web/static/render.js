// Turning the core's views (plain data from bridge.py, already in the player's words) into HTML.
// Real headings and buttons, in reading order; no story logic lives here.
"use strict";

function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false || kid === "") continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

function paras(text, cls) {
  return String(text || "").split(/\n\s*\n|\n/).filter((p) => p.trim()).map((p) => h("p", {class: cls}, p));
}

function sources(list) {
  return list && list.length ? h("ul", {class: "sources"}, list.map((s) => h("li", {}, s))) : null;
}

function factCard(f, heading) {
  return h("aside", {class: "fact", "aria-label": heading},
    h("h3", {}, heading),
    paras(f.text),
    f.caveat ? h("p", {class: "caveat"}, `${f.labels.caveat}: ${f.caveat}`) : null,
    f.sources.length ? h("p", {class: "muted"}, f.labels.source + ":") : null,
    sources(f.sources));
}

function modelBlock(m, summary) {
  return h("details", {class: "card model"},
    h("summary", {}, summary),
    h("h3", {}, m.title),
    h("p", {}, h("strong", {}, m.disclaimer)),
    paras(m.explain),
    h("p", {class: "formula"}, m.formula),
    h("h3", {}, m.weights_title),
    h("ul", {}, m.weights.map((w) => h("li", {}, w.text, w.note ? h("div", {class: "muted"}, w.note) : null,
      sources(w.sources)))),
    m.sources && m.sources.length ? [h("h3", {}, m.sources_title), sources(m.sources)] : null);
}

function estimateBlock(est) {
  if (!est) return null;
  return h("div", {class: "card estimate"},
    est.title ? h("h3", {}, est.title) : null,
    h("p", {}, est.line),
    h("p", {class: "muted"}, est.drivers_title),
    h("ul", {}, est.drivers.map((d) => h("li", {}, d))));
}

// choices as a numbered list of buttons; `act(i)` is called with the index
function choiceList(choices, act, primaryFirst) {
  return h("ol", {class: "choices", id: "choices"}, choices.map((c, i) =>
    h("li", {}, h("button", {type: "button", class: primaryFirst && i === 0 ? "primary" : null,
      "data-choice": i, onclick: () => act(i)},
      h("span", {class: "num", "aria-hidden": "true"}, `${i + 1}.`), c.label,
      c.hint ? h("span", {class: "hint"}, c.hint) : null))));
}

function sceneView(v, act, t) {
  const fig = v.place ? h("figure", {},
    h("img", {class: "art", src: `assets/${v.place.art}`, alt: v.place.name, width: 800, height: 450}),
    v.speaker && v.speaker.portrait ? h("img", {class: "portrait", src: `assets/${v.speaker.portrait}`,
      alt: v.speaker.name, width: 120, height: 120}) : null,
    h("figcaption", {}, v.place.name)) : null;
  const changed = v.changed && v.changed.length ? h("div", {class: "changed", role: "note"},
    h("p", {class: "muted"}, t("web.changed")),
    h("ul", {}, v.changed.map((g) => h("li", {}, g.why, h("ul", {}, g.rows.map((r) => h("li", {}, r))))))) : null;
  return h("div", {class: "scene fade"}, fig,
    h("section", {"aria-labelledby": "scene-title"},
      h("p", {class: "header"}, v.header),
      h("h2", {id: "scene-title", tabindex: "-1"}, v.title || (v.place ? v.place.name : v.header)),
      changed,
      v.speaker ? h("p", {class: "speaker"}, v.speaker.name,
        v.speaker.role ? h("span", {class: "role"}, ` · ${v.speaker.role}`) : null) : null,
      paras(v.text),
      v.fact ? factCard(v.fact, t("text.fact")) : null,
      choiceList(v.choices, (i) => act("choose", i)),
      v.locked.length ? h("ul", {class: "locked"}, v.locked.map((l) => h("li", {}, l))) : null));
}

function notesView(v, act) {
  return h("section", {class: "stack fade", "aria-labelledby": "notes-title"},
    h("h2", {id: "notes-title", tabindex: "-1"}, v.title),
    v.notes.map((n) => h("div", {class: "card"}, h("h3", {}, n.name), paras(n.note),
      n.help ? h("p", {class: "muted"}, n.help) : null)),
    choiceList(v.choices, (i) => act("note", i), true));
}

function listView(title, items, button, act, name) {
  return h("section", {class: "stack fade", "aria-labelledby": "list-title"},
    h("h2", {id: "list-title", tabindex: "-1"}, title),
    items,
    choiceList([{label: button, hint: ""}], () => act(name, 0), true));
}

function dayEndView(v, act) {
  const items = v.changes.length ? h("ul", {}, v.changes.map((g) => h("li", {}, h("strong", {}, g.why),
    h("ul", {}, g.rows.map((r) => h("li", {}, r)))))) : null;
  return listView(v.title, items, v.button, act, "proceed");
}

// -- the what-if picture: two runs' risk day by day, as the window's runs_chart draws it --------------------
// the SVG namespace, as the HTML parser gives it to an <svg> (the page names no address at all)
const SVG_NS = (() => { const d = document.createElement("div"); d.innerHTML = "<svg></svg>"; return d.firstChild.namespaceURI; })();
function svgEl(tag, attrs, ...kids) {  // an SVG element
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
  for (const kid of kids.flat(Infinity)) if (kid !== null && kid !== undefined) el.append(kid instanceof Node ? kid : String(kid));
  return el;
}

// a run's marker: round for the first run, square for the second (told apart by shape, not colour alone)
function marker(i, x, y, r) {
  return i === 0 ? svgEl("circle", {cx: x, cy: y, r}) : svgEl("rect", {x: x - r, y: y - r, width: 2 * r, height: 2 * r});
}

// `w`: views.what_if (runs of [day, risk] points, the axis, the words); `num` writes a number the language's way
function whatIfBlock(w, num) {
  if (!w) return null;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const main = document.getElementById("main");
  // drawn at about the width it is shown at, so its words are the page's size on a phone and a laptop
  const W = Math.round(Math.max(300, Math.min(760, (main ? main.clientWidth : 700) - 2 * rem)));
  const H = Math.round(Math.max(12 * rem, Math.min(20 * rem, W * 0.5)));
  const L = Math.round(3.4 * rem), R = Math.round(0.8 * rem), T = Math.round(0.8 * rem), B = Math.round(3 * rem);
  const days = [...new Set(w.runs.flatMap((r) => r.points.map((p) => p[0])))].sort((a, b) => a - b);
  const first = days.length ? days[0] : 0, last = Math.max(days.length ? days[days.length - 1] : 1, first + 1);
  const {lo, hi, step} = w.axis;
  const pad = 0.7 * rem;  // the first and last markers clear the axis and its labels
  const x = (d) => L + pad + (d - first) / (last - first) * (W - L - R - 2 * pad);
  const y = (r) => T + (hi - Math.max(lo, Math.min(hi, r))) / (hi - lo) * (H - T - B);
  const pct = (v) => `${num(v)} %`;
  const grid = [];
  for (let p = lo; p <= hi; p += step) {
    grid.push(svgEl("line", {class: "grid", x1: L, x2: W - R, y1: y(p), y2: y(p)}),
      svgEl("text", {class: "tick", x: L - 0.4 * rem, y: y(p), "text-anchor": "end", "dominant-baseline": "middle"}, pct(p)));
  }
  const every = Math.max(1, Math.ceil((last - first) / Math.max(1, Math.floor((W - L - R) / (2.2 * rem)))));
  for (let d = first; d <= last; d += every) {
    grid.push(svgEl("text", {class: "tick", x: x(d), y: H - B + 1.3 * rem, "text-anchor": "middle"}, String(d)));
  }
  const lines = w.runs.map((run, i) => svgEl("g", {class: `run run${i}`},
    run.points.length > 1 ? svgEl("polyline", {points: run.points.map(([d, r]) => `${x(d)},${y(r)}`).join(" ")}) : null,
    run.points.map(([d, r]) => marker(i, x(d), y(r), 0.32 * rem))));
  const svg = svgEl("svg", {class: "chart", viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img",
    "aria-label": `${w.title}. ${w.note}`},
    svgEl("rect", {class: "plot", x: L, y: T, width: W - L - R, height: H - T - B}), grid,
    svgEl("text", {class: "tick", x: (L + W - R) / 2, y: H - 0.2 * rem, "text-anchor": "middle"}, w.day_label), lines);
  const legend = h("ul", {class: "legend"}, w.runs.map((run, i) => h("li", {},
    svgEl("svg", {class: `chart run run${i}`, viewBox: "0 0 40 16", width: "40", height: "16", "aria-hidden": "true"},
      svgEl("polyline", {points: "2,8 38,8"}), marker(i, 20, 8, 5)), run.label)));
  const byDay = w.runs.map((run) => new Map(run.points));
  const table = h("table", {class: "numbers"},
    h("caption", {}, w.table_label),
    h("thead", {}, h("tr", {}, h("th", {scope: "col"}, w.day_label), w.runs.map((run) => h("th", {scope: "col"}, run.label)))),
    h("tbody", {}, days.map((d) => h("tr", {}, h("th", {scope: "row"}, String(d)),
      byDay.map((m) => h("td", {}, m.has(d) ? pct(Math.round(m.get(d))) : "–"))))));
  return h("section", {class: "card what-if", id: "what-if", "aria-labelledby": "what-if-title"},
    h("h3", {id: "what-if-title"}, w.title),
    h("figure", {}, h("p", {class: "axis-label muted", "aria-hidden": "true"}, w.risk_label), svg, legend,
      h("figcaption", {class: "muted"}, w.note)),
    table);
}

function textFor(v) {
  // what the live region announces for a view: its heading, its text and what just changed
  const parts = [];
  if (v.changed) for (const g of v.changed) parts.push(g.why, `${g.rows.join("; ")}.`);
  if (v.header) parts.push(v.header);
  if (v.title) parts.push(v.title);
  if (v.speaker) parts.push(v.speaker.name);
  if (v.text) parts.push(v.text);
  if (v.fact) parts.push(v.fact.text, v.fact.caveat || "");
  if (v.notes) for (const n of v.notes) parts.push(n.name, n.note);
  if (v.changes) for (const g of v.changes) parts.push(g.why, `${g.rows.join("; ")}.`);
  if (v.questions) parts.push(...v.questions);
  if (v.lines) parts.push(...v.lines);
  return parts.filter(Boolean).join(" ");
}

window.NB = {h, paras, sources, factCard, modelBlock, estimateBlock, choiceList, sceneView, notesView, listView,
  dayEndView, whatIfBlock, textFor};
