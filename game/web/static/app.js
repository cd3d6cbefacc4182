// Neighbour in the browser: boots Pyodide, runs game.core through game/web/bridge.py, and turns
// the views it returns into HTML (render.js). Input becomes named actions; nothing else happens here.
(() => {
"use strict";

const {h, paras, modelBlock, estimateBlock, choiceList, factCard} = window.NB;
const EARLY = JSON.parse(document.getElementById("early-strings").textContent || "{}");
const KEYS = {settings: "neighbour.settings", save: "neighbour.save", secret: "neighbour.secret"};
const SETTINGS_FORMAT = 1;
const DEFAULTS = {format: SETTINGS_FORMAT, lang: (navigator.language || "en").match(/^(nb|no|nn)/i) ? "nb" : "en",
  theme: matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light", size: "normal", font: "atkinson",
  motion: matchMedia("(prefers-reduced-motion: reduce)").matches ? "reduce" : "full", notes: "on",
  // as the desktop's settings: one-switch scanning, its seconds per step, and the wait before a choice counts
  scanning: "off", scan_seconds: 1.5, choice_delay: 0.5};
const SCAN_SPEEDS = [0.5, 1, 1.5, 2, 2.5, 3, 4, 6, 8, 10], CHOICE_DELAYS = [0, 0.5, 1, 2, 3, 5];
const clampNumber = (v, lo, hi, fallback) => (typeof v === "number" && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback);
// as the desktop kiosk (docs/kiosk.md); a supervisor may set others: #kiosk&idle=90&countdown=10
const hashNumber = (name, fallback) => { const m = location.hash.match(new RegExp(`[#&]${name}=(\\d+)`)); return m ? Math.max(1, Number(m[1])) : fallback; };
const KIOSK_IDLE_S = hashNumber("idle", 60), KIOSK_COUNTDOWN_S = hashNumber("countdown", 20);

const app = {py: null, bridge: null, strings: {}, settings: {...DEFAULTS}, messages: [], room: "play",
  view: null, overlay: null, kiosk: /[?#&]kiosk\b/.test(location.search + location.hash), idle: null,
  times: {choices: []}};
window.__nb = app;

// -- storage: versioned, and anything unreadable is kept aside with a message, never deleted ------------
const store = {
  ok: (() => { try { localStorage.setItem("neighbour.probe", "1"); localStorage.removeItem("neighbour.probe"); return true; } catch (e) { return false; } })(),
  get(k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
  set(k, v) { try { localStorage.setItem(k, v); return true; } catch (e) { return false; } },
  aside(k) {
    const v = store.get(k);
    if (v === null) return;
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    if (store.set(`${k}.aside-${stamp}`, v)) { try { localStorage.removeItem(k); } catch (e) { /* kept */ } }
  },
};

function early(key, vals) {
  const t = EARLY[key]; const lang = app.settings.lang;
  let s = t ? (t[lang] || t.en || Object.values(t)[0]) : key;
  for (const [k, v] of Object.entries(vals || {})) s = s.replaceAll(`{${k}}`, v);
  return s;
}
function t(key, vals) {
  if (!(key in app.strings)) return early(key, vals);
  let s = app.strings[key];
  for (const [k, v] of Object.entries(vals || {})) s = s.replaceAll(`{${k}}`, v);
  return s;
}

function loadSettings() {
  const raw = store.get(KEYS.settings);
  if (raw === null) return;
  try {
    const s = JSON.parse(raw);
    if (typeof s !== "object" || !s || s.format > SETTINGS_FORMAT) throw new Error("newer or not settings");
    app.settings = {...DEFAULTS, ...s, format: SETTINGS_FORMAT};
    app.settings.scan_seconds = clampNumber(s.scan_seconds, 0.5, 10, DEFAULTS.scan_seconds);
    app.settings.choice_delay = clampNumber(s.choice_delay, 0, 5, DEFAULTS.choice_delay);
  } catch (e) {
    store.aside(KEYS.settings);
    app.messages.push("web.settings_aside");
  }
}
function saveSettings() { store.set(KEYS.settings, JSON.stringify(app.settings)); }
function applySettings() {
  const r = document.documentElement, s = app.settings;
  r.lang = s.lang; r.dataset.theme = s.theme; r.dataset.size = s.size; r.dataset.font = s.font; r.dataset.motion = s.motion;
  document.title = early("app.title");
  document.getElementById("skip").textContent = early("web.skip");
  document.getElementById("brand").textContent = early("app.title");
}
function secret() {
  let s = store.get(KEYS.secret);
  if (!s || !/^[0-9a-f]{32}$/.test(s)) {
    const b = new Uint8Array(16); crypto.getRandomValues(b);
    s = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    store.set(KEYS.secret, s);
  }
  return s;
}

// -- booting ---------------------------------------------------------------------------------------
async function boot() {
  loadSettings(); applySettings();
  if (app.kiosk) document.body.classList.add("kiosk");
  const msg = document.getElementById("boot-msg");
  document.getElementById("boot-title").textContent = early("app.title");
  if (location.protocol === "file:") {
    msg.removeAttribute("role");
    document.getElementById("boot").replaceChildren(h("h1", {}, early("web.file_title")),
      h("p", {class: "notice", role: "alert"}, early("web.file_body")));
    return;
  }
  msg.textContent = early("web.loading");
  document.getElementById("boot-note").textContent = early("web.loading_note");
  if ("serviceWorker" in navigator && window.isSecureContext) navigator.serviceWorker.register("sw.js").catch(() => {});
  try {
    app.times.bootStart = performance.now();
    const script = new Promise((ok, fail) => {
      const s = document.createElement("script"); s.src = "pyodide/pyodide.js"; s.onload = ok; s.onerror = () => fail(new Error("pyodide.js"));
      document.head.append(s);
    });
    const core = fetched("core.zip", "arrayBuffer");
    const snapshot = document.querySelector("meta[name='neighbour-snapshot']")?.content || "";
    let py = null;
    if (snapshot && typeof DecompressionStream === "function") {
      try { py = await pythonFromSnapshot(snapshot, script, core); app.times.snapshot = "used"; } catch (e) {
        console.warn("start-up snapshot not used:", e);  // the normal start below: the same game, slower
        app.times.snapshot = String(e && e.message ? e.message : e);
      }
    }
    app.py = py || await pythonFromScratch(script, core);
    loadStrings();
    checkSave();
    if (!store.ok) app.messages.push("web.storage_off");
    buildTools();
    home();
    app.times.ready = performance.now();
    document.body.dataset.ready = "";
    warmUp();
  } catch (e) {
    console.error(e);
    msg.setAttribute("role", "alert");
    msg.textContent = early("web.boot_failed", {why: e && e.message ? e.message : String(e)});
  }
}

// While the title is read, the short stories are played once out of sight (bridge.warm), one per idle
// moment, and the reading font's faces are loaded, so code compiled and fonts loaded on first use are
// paid for before the player's choices (measured in docs/web.md: the median choice halved; a story's
// first choice stays slower). Nothing the player has is touched.
function warmUp() {
  // the reading font's other faces too, so the first consequence in italics is not held up by its font
  if (document.fonts && document.fonts.load) {
    for (const face of ["italic 400", "normal 700"]) document.fonts.load(`${face} 1em "Atkinson Hyperlegible"`).catch(() => {});
  }
  let queue = [];
  try { queue = call("warm_plan"); } catch (e) { return; }
  const later = window.requestIdleCallback || ((fn) => setTimeout(fn, 50));  // Safari has no requestIdleCallback
  const next = () => {
    const camp = queue.shift();
    if (!camp) { app.times.warm = performance.now(); return; }
    try {
      // the views it met are drawn too, off the page (never attached, so nothing is seen or announced)
      const shown = JSON.parse(app.bridge.warm(camp)) || {};
      for (const v of Object.values(shown)) drawn(v);
    } catch (e) { console.warn("warm-up:", e); }
    later(next);
  };
  later(next);
}

const APP_DIR = "/home/pyodide/app";
const pyodideURL = () => new URL("pyodide/", location.href).href;
function fetched(name, how) {
  return fetch(name).then((r) => { if (!r.ok) throw new Error(`${name}: ${r.status}`); return r[how](); });
}

// Pyodide started from nothing: CPython's own start, the core imported, the story built (seconds).
async function pythonFromScratch(script, core) {
  const content = fetched("content.json", "text");
  await script;
  app.times.script = performance.now();
  const py = await window.loadPyodide({indexURL: pyodideURL(), packages: [], fullStdLib: false});
  app.times.pyodide = performance.now();
  py.unpackArchive(await core, "zip", {extractDir: APP_DIR});
  py.runPython(`import sys; sys.path.insert(0, '${APP_DIR}')`);
  app.bridge = py.pyimport("game.web.bridge");
  app.times.imported = performance.now();
  const booted = JSON.parse(app.bridge.boot(await content));
  app.times.booted = performance.now();
  if (!booted.ok) throw new Error(booted.errors.join("; "));
  return py;
}

// Pyodide restored from the build's start-up snapshot (game/web/snapshot.mjs): its memory as it was
// after the steps above, so the core is imported and the story built already. Anything that does not
// fit (no snapshot, a damaged download, another build's) throws, and boot() starts from scratch.
async function pythonFromSnapshot(key, script, core) {
  const held = {memory: fetch("snapshot.bin").then((r) => {
    if (!r.ok || !r.body) throw new Error(`snapshot.bin: ${r.status}`);
    return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  }).then((b) => new Uint8Array(b))};
  let failed = null;
  const failure = new Promise((ok, fail) => { failed = fail; });
  held.memory.catch(failed);
  await script;
  app.times.script = performance.now();
  const {default: create} = await import(pyodideURL() + "pyodide.asm.mjs");
  // Pyodide's memory starts at the size its .wasm declares; the snapshot (the story built) is larger,
  // so the memory grows to fit before Pyodide copies the snapshot in
  const createPyodideModule = (settings) => {
    const instantiate = settings.instantiateWasm;
    if (instantiate) {
      settings.instantiateWasm = (imports, receive) => instantiate(imports, (instance, module) => {
        held.memory.then((m) => {
          const mem = instance.exports.memory, short = m.length - mem.buffer.byteLength;
          if (short > 0) mem.grow(Math.ceil(short / 65536));
          receive(instance, module);
        }).catch(failed);
      });
    }
    return create(settings);
  };
  const py = await Promise.race([failure, window.loadPyodide({indexURL: pyodideURL(), packages: [], fullStdLib: false,
    _loadSnapshot: held.memory, createPyodideModule})]);
  held.memory = null;  // the snapshot's copy is in Pyodide's memory now; let the browser free this one
  if (py._api && py._api.config) py._api.config._loadSnapshot = null;
  app.times.pyodide = performance.now();
  py.unpackArchive(await core, "zip", {extractDir: APP_DIR});  // the files (memory holds only what was imported)
  app.bridge = py.pyimport("game.web.bridge");
  app.times.imported = performance.now();
  const awake = JSON.parse(app.bridge.awake());
  if (!awake.booted || awake.of !== key) throw new Error(`the snapshot is not of this build (${awake.of})`);
  app.times.booted = performance.now();
  return py;
}

function loadStrings() { app.strings = JSON.parse(app.bridge.strings(app.settings.lang)); }
function call(name, ...args) { return JSON.parse(app.bridge[name](...args)); }

function checkSave() {
  const text = store.get(KEYS.save);
  if (text === null) return;
  const res = call("check", text);
  if (!res.ok) { store.aside(KEYS.save); app.messages.push(["web.save_aside", {why: res.message}]); }
}

// -- the bar: title, journal, settings, language ------------------------------------------------------
function buildTools() {
  const tools = document.getElementById("tools");
  const btn = (id, label, fn, cls) => h("button", {type: "button", id, class: cls, onclick: fn}, label);
  tools.replaceChildren(...[
    btn("btn-title", t("web.menu"), () => { if (!app.kiosk) home(); }, "hide-kiosk"),
    btn("btn-journal", t("text.journal"), () => openOverlay("journal"), "hide-kiosk"),
    btn("btn-settings", t("settings.title"), () => openOverlay("settings"), "hide-kiosk"),
    app.kiosk && app.view && app.view.room ? btn("btn-restart", t("kiosk.restart"), kioskRestart) : null,
    btn("btn-lang", app.settings.lang === "nb" ? "English" : "Norsk", () => {
      app.settings.lang = app.settings.lang === "nb" ? "en" : "nb"; saveSettings(); applySettings(); loadStrings();
      buildTools(); (app.redraw || home)();
    })].filter(Boolean));
  tools.querySelector("#btn-lang").setAttribute("lang", app.settings.lang === "nb" ? "en" : "nb");
  tools.querySelector("#btn-journal").hidden = !(app.view && app.view.kind && app.view.kind !== "title" && app.view.room);
}

// -- showing a view ------------------------------------------------------------------------------------
function mount(node, view, announce) {
  const main = document.getElementById("main");
  main.replaceChildren(node);
  app.view = view || app.view;
  const first = main.querySelector("h1[tabindex], h2[tabindex]");
  if (first) first.focus({preventScroll: true});
  window.scrollTo(0, 0);
  if (announce) { const live = document.getElementById("live"); live.textContent = ""; setTimeout(() => { live.textContent = announce; }, 30); }
  buildTools();
  armChoices();
  scanReset();
}

// -- the choice delay: a new page's choices count only once it has been on screen `choice_delay` seconds
// (none while scanning, whose users set their own timing, as on the desktop), so a held or mashed key
// never chooses on a page not yet seen. The buttons say so (aria-disabled) and look it, at the same size.
function armChoices() {
  clearTimeout(app.armed);
  const buttons = Array.from(document.querySelectorAll("#choices button"));
  const wait = app.settings.scanning === "on" ? 0 : app.settings.choice_delay;
  app.times.shown = performance.now();
  app.readyAt = buttons.length && wait > 0 ? app.times.shown + wait * 1000 : 0;
  if (!app.readyAt) return;
  for (const b of buttons) b.setAttribute("aria-disabled", "true");
  app.armed = setTimeout(() => { for (const b of buttons) b.removeAttribute("aria-disabled"); }, wait * 1000);
}
const choicesReady = () => performance.now() >= (app.readyAt || 0);

// -- one-switch scanning: the marker steps by itself through the choices (or a page's buttons), starting
// from none, so the game never suggests an answer; Space, Enter or a tap anywhere takes the marked one.
// It waits while an overlay (settings, journal...) is open; the kiosk has none, as on the desktop.
const scan = {timer: null, at: null};
const scanning = () => app.settings.scanning === "on" && !app.overlay && !app.kiosk && document.body.hasAttribute("data-ready");
function scanTargets() {
  const main = document.getElementById("main");
  const choices = main.querySelectorAll("#choices button");
  return Array.from(choices.length ? choices : main.querySelectorAll("button")).filter((b) => !b.disabled && b.getClientRects().length);
}
function scanMark(b) {
  if (scan.at) scan.at.classList.remove("scanned");
  scan.at = b;
  if (!b) return;
  b.classList.add("scanned");
  b.focus({preventScroll: true});
  b.scrollIntoView({block: "nearest", behavior: app.settings.motion === "reduce" ? "auto" : "smooth"});
}
function scanStep() {
  if (!scanning()) return scanMark(null);
  const list = scanTargets();
  if (list.length) scanMark(list[(list.indexOf(scan.at) + 1) % list.length]);
}
function scanReset() {
  clearInterval(scan.timer); scan.timer = null;
  scanMark(null);
  if (app.settings.scanning === "on") scan.timer = setInterval(scanStep, app.settings.scan_seconds * 1000);
}

function messages() {
  const out = app.messages.map((m) => h("p", {class: "notice", role: "status"}, Array.isArray(m) ? t(m[0], m[1]) : t(m)));
  app.messages = [];
  return out;
}

function show(v) {
  app.overlay = null;
  app.redraw = () => show(call("view", app.settings.lang));
  if (v.kind === "title") return home();
  if (v.kind === "error" || v.kind === "broken") { app.messages.push(["web.boot_failed", {why: v.message}]); return home(); }
  const node = viewNode(v, (name, arg) => { if (choicesReady()) doAct(name, arg); });
  mount(node, v, NB.textFor(v));
  // saved after the new text is on screen (the next frame), never before it
  if (app.room !== "kiosk") requestAnimationFrame(() => setTimeout(autosave, 0));
}

function viewNode(v, act) {
  if (v.kind === "scene") return NB.sceneView(v, act, t);
  if (v.kind === "notes") return NB.notesView(v, act);
  if (v.kind === "day_end") return NB.dayEndView(v, act);
  if (v.kind === "block_end") return NB.listView(v.title, h("ul", {}, v.questions.map((q) => h("li", {}, q))), v.button, act, "proceed");
  if (v.kind === "feedback") return NB.listView(v.title, h("ul", {}, v.lines.map((q) => h("li", {}, q))), v.button, act, "proceed");
  if (v.kind === "ending") return endingView(v);
  return h("p", {}, JSON.stringify(v));
}

// a view drawn and thrown away (the warm-up): never attached to the page, so nothing is seen or said
function drawn(v) { if (v && v.kind) viewNode(v, () => {}); }

function doAct(name, arg) {
  const t0 = performance.now();
  const v = call("act", name, arg || 0);
  show(v);
  requestAnimationFrame(() => app.times.choices.push(performance.now() - t0));
  kioskActive();
}

function autosave() {
  const text = app.bridge.save();
  if (text) store.set(KEYS.save, text);
}

// -- the title page and the rooms ----------------------------------------------------------------------
function home() {
  app.overlay = null; app.redraw = home;
  if (app.kiosk) return kioskAttract();
  const v = call("leave", app.settings.lang); app.room = "play";  // in the player's language from the first page on
  const saved = store.get(KEYS.save);
  const byRole = {};
  for (const c of v.campaigns) (byRole[c.role] = byRole[c.role] || {name: c.role_name, list: []}).list.push(c);
  const kind = (k) => t(`web.kind_${k}`).startsWith("web.") ? k : t(`web.kind_${k}`);
  const node = h("div", {class: "stack title fade"},
    h("h1", {tabindex: "-1"}, t("app.title")),
    h("p", {class: "muted"}, v.tagline),
    messages(),
    saved ? h("div", {class: "row"}, h("button", {type: "button", class: "primary", id: "continue", onclick: resume}, t("web.continue"))) : null,
    saved ? h("p", {class: "muted"}, t("web.saved_here")) : null,
    h("h2", {}, t("web.stories")),
    Object.entries(byRole).map(([role, r]) => h("section", {"aria-label": r.name}, h("h3", {}, r.name),
      h("div", {class: "grid"}, r.list.map((c) => h("button", {type: "button", "data-campaign": c.id,
        onclick: () => briefing(c.id, "play")}, c.title, h("span", {class: "hint"}, kind(c.kind))))))),
    h("h2", {}, t("web.rooms")),
    h("div", {class: "grid"},
      h("button", {type: "button", id: "room-class", onclick: classroom}, t("title.classroom")),
      h("button", {type: "button", id: "room-training", onclick: training}, t("title.training")),
      h("button", {type: "button", id: "room-kiosk", onclick: () => { location.hash = "kiosk"; app.kiosk = true; document.body.classList.add("kiosk"); home(); }}, t("web.kiosk"))),
    h("p", {class: "muted"}, v.disclaimer));
  mount(node, v);
}

function resume() {
  const v = call("restore", store.get(KEYS.save) || "");
  if (v.kind === "broken") { store.aside(KEYS.save); app.messages.push(["web.save_aside", {why: v.message}]); return home(); }
  app.room = v.room || "play";
  show(v);
}

function briefing(campaign, room, code) {
  app.redraw = () => briefing(campaign, room, code);
  const b = call("briefing", campaign, app.settings.lang);
  const go = (profile) => start({campaign, profile, room, code});
  const node = h("section", {class: "stack fade", "aria-labelledby": "brief-title"},
    h("h2", {id: "brief-title", tabindex: "-1"}, b.title),
    paras(b.text),
    b.profiles.length ? [h("h3", {}, b.choose), h("div", {class: "grid"}, b.profiles.map((p) =>
      h("button", {type: "button", "data-profile": p.id, onclick: () => go(p.id)},
        h("strong", {}, p.age ? `${p.name}, ${p.age}` : p.name), h("span", {class: "hint"}, p.summary))))]
      : h("div", {class: "row"}, h("button", {type: "button", class: "primary", id: "start", onclick: () => go(null)}, b.start)));
  mount(node, b, b.title);
}

function start(opts) {
  app.room = opts.room || "play";
  const v = call("start", JSON.stringify({...opts, lang: app.settings.lang, notes: app.settings.notes, secret: secret()}));
  show(v);
}

function campaignButtons(room, filter, code) {
  const v = call("title", app.settings.lang);
  return h("div", {class: "grid"}, v.campaigns.filter(filter).map((c) => h("button", {type: "button", "data-campaign": c.id,
    onclick: () => { const k = code ? code() : null; if (code && !k) { document.getElementById("code").focus(); return; } briefing(c.id, room, k); }},
    c.title, h("span", {class: "hint"}, `${c.role_name} · ${t("web.kind_" + c.kind).startsWith("web.") ? c.kind : t("web.kind_" + c.kind)}`))));
}

function classroom() {
  app.redraw = classroom;
  const code = () => document.getElementById("code").value.replace(/\s+/g, "").toUpperCase().slice(0, 10);
  const node = h("section", {class: "stack fade", "aria-labelledby": "class-title"},
    h("h2", {id: "class-title", tabindex: "-1"}, t("class.title")),
    paras(t("class.intro")),
    h("label", {for: "code"}, t("class.code_title")),
    h("input", {type: "text", id: "code", autocomplete: "off", autocapitalize: "characters", maxlength: "10",
      "aria-describedby": "code-help"}),
    h("p", {id: "code-help", class: "muted"}, t("class.code_prompt")),
    h("h3", {}, t("web.choose_story")),
    campaignButtons("class", () => true, code));
  mount(node, {kind: "class_setup"});
}

function training() {
  app.redraw = training;
  const node = h("section", {class: "stack fade", "aria-labelledby": "training-title"},
    h("h2", {id: "training-title", tabindex: "-1"}, t("training.title")),
    paras(t("training.intro")),
    campaignButtons("training", (c) => c.role === "officer"));
  mount(node, {kind: "training_setup"});
}

// -- the ending, and what a room adds to it --------------------------------------------------------------
function download() {
  const r = call("result");
  if (!r) return;
  const a = h("a", {href: URL.createObjectURL(new Blob([r.text], {type: "application/json"})), download: r.name});
  document.body.append(a); a.click(); a.remove();
  app.times.downloaded = r.name;
}

function endingView(v) {
  const room = app.room;
  const buttons = [];
  if (room === "class" || room === "training") buttons.push(h("button", {type: "button", class: "primary", id: "download", onclick: download}, t("web.download")));
  if (room === "class") buttons.push(h("button", {type: "button", id: "debrief", onclick: () => openOverlay("debrief")}, t("class.debrief")));
  if (room === "training") buttons.push(h("button", {type: "button", id: "review", onclick: () => openOverlay("review")}, t("web.review")));
  if (room !== "kiosk") buttons.push(h("button", {type: "button", id: "to-title", onclick: home}, t("web.menu")));
  else buttons.push(h("button", {type: "button", id: "to-title", onclick: kioskAttract}, t("kiosk.restart")));
  return h("section", {class: "stack fade", "aria-labelledby": "end-title"},
    h("h2", {id: "end-title", tabindex: "-1"}, v.title),
    paras(v.text),
    v.code ? h("p", {class: "card", id: "result-code"}, h("strong", {}, v.code)) : null,
    room === "class" ? h("p", {class: "muted"}, t("web.download_note")) : null,
    h("div", {class: "row"}, buttons),
    estimateBlock(v.estimate),
    v.epilogues.length ? [h("h3", {}, v.epilogues_title), v.epilogues.map((e) => h("div", {class: "card"},
      h("h4", {}, e.name), e.title ? h("p", {}, h("strong", {}, e.title)) : null, paras(e.text), estimateBlock(e.estimate)))] : null,
    NB.whatIfBlock(v.what_if, num),
    modelBlock(v.model, t("web.model_title")),
    v.real.length ? [h("h3", {}, v.real_title), v.real.map((f) => factCard(f, t("text.fact")))] : null,
    v.debrief.length ? [h("h3", {}, v.debrief_title), h("ul", {}, v.debrief.map((q) => h("li", {}, q)))] : null,
    room === "class" && v.days.length ? [h("h3", {}, t("class.what_if")), h("p", {}, t("class.what_if_body")),
      h("div", {class: "grid"}, v.days.map((d) => h("button", {type: "button", "data-day": d, onclick: () => doAct("rewind", d)}, t("class.day_n", {day: d}))))] : null);
}

// -- overlays: journal, debrief, review, settings (Back returns to the game) ----------------------------------
function back() {
  const to = app.before || home;
  app.overlay = null; app.before = null;
  to();
}

function openOverlay(name) {
  if (!app.overlay) app.before = app.redraw;
  let node;
  const backBtn = h("button", {type: "button", id: "back", onclick: back}, t("ui.back"));
  if (name === "settings") node = settingsView(backBtn);
  else {
    const v = call(name);
    if (!v || v.kind === "title") return;
    if (name === "journal") node = h("section", {class: "stack"}, h("h2", {tabindex: "-1"}, v.title),
      v.people.map((p) => h("div", {class: "card"}, p.name ? h("h3", {}, p.name) : null,
        p.meters.map((m) => h("div", {class: "meter"}, h("span", {id: `m-${p.name}-${m.name}`}, m.name),
          h("progress", {max: 100, value: m.value, "aria-labelledby": `m-${p.name}-${m.name}`}), h("span", {}, `${m.value}`))),
        estimateBlock(p.estimate))),
      h("p", {class: "muted"}, v.note), modelBlock(v.model, t("web.model_title")), backBtn);
    else if (name === "debrief") node = h("section", {class: "stack"}, h("h2", {tabindex: "-1"}, v.title),
      h("h3", {}, v.moved_title), h("ul", {}, v.moved.map((m) => h("li", {}, m))), h("p", {class: "muted"}, v.moved_note),
      h("h3", {}, v.questions_title), h("ul", {}, v.questions.map((q) => h("li", {}, q))), modelBlock(v.model, t("web.model_title")), backBtn);
    else if (name === "review") node = h("section", {class: "stack"}, h("h2", {tabindex: "-1"}, v.title),
      v.shifts.map((s) => h("div", {class: "card"}, h("h3", {}, s.head), h("ul", {}, s.principles.map((p) => h("li", {}, p))),
        h("p", {}, s.total), h("p", {class: "muted"}, s.residents_title), h("ul", {}, s.residents.map((r) => h("li", {}, r))))),
      h("h3", {}, t("training.q_next")), backBtn);
  }
  app.overlay = name; app.redraw = () => openOverlay(name);
  mount(node, null, null);
}

function num(v) { return String(v).replace(".", t("ui.decimal_separator")); }

function settingsView(backBtn) {
  const s = app.settings;
  const pick = (key, label, options, note) => {
    const id = `set-${key}`;
    const numeric = typeof DEFAULTS[key] === "number";
    return [h("label", {for: id}, label), h("select", {id, "aria-describedby": note ? `${id}-note` : null, onchange: (e) => {
      s[key] = numeric ? Number(e.target.value) : e.target.value; saveSettings(); applySettings(); }},
      options.map(([value, text]) => h("option", {value: String(value), selected: s[key] === value}, text.charAt(0).toLocaleUpperCase() + text.slice(1)))),
      note ? h("p", {class: "muted", id: `${id}-note`}, note) : null];
  };
  const seconds = (n) => t("settings.seconds_plain", {n: num(n)});
  return h("section", {class: "stack"}, h("h2", {tabindex: "-1"}, t("settings.title")),
    pick("theme", t("settings.theme"), [["light", t("settings.theme_light")], ["dark", t("settings.theme_dark")], ["contrast", t("settings.theme_contrast")]]),
    pick("size", t("settings.text_size"), [["normal", t("settings.size_normal")], ["large", t("settings.size_large")], ["largest", t("settings.size_largest")]]),
    pick("font", t("settings.font"), [["atkinson", t("settings.font_atkinson")], ["dyslexic", t("settings.font_dyslexic")]]),
    pick("motion", t("settings.reduced_motion"), [["reduce", t("ui.on")], ["full", t("ui.off")]]),
    pick("notes", t("settings.content_notes"), [["on", t("ui.on")], ["off", t("ui.off")]]),
    pick("choice_delay", t("settings.choice_delay"), CHOICE_DELAYS.map((d) => [d, d ? seconds(d) : t("settings.off_delay")]),
      t("settings.choice_delay_note")),
    app.kiosk ? null : [
      pick("scanning", t("settings.scanning"), [["on", t("ui.on")], ["off", t("ui.off")]], t("web.scanning_note")),
      pick("scan_seconds", t("settings.scan_speed"), SCAN_SPEEDS.map((n) => [n, seconds(n)]), t("settings.scan_speed_note"))],
    backBtn);
}

// -- the kiosk: full screen, an attract screen, and a reset when nobody is there ------------------------------
function kioskAttract() {
  app.redraw = kioskAttract; app.overlay = null; app.before = null;
  call("leave"); app.room = "kiosk"; app.view = {kind: "title"};
  const node = h("div", {class: "attract fade"}, h("h1", {tabindex: "-1"}, t("app.title")), h("p", {}, t("title.tagline")),
    h("button", {type: "button", class: "primary", id: "kiosk-touch", onclick: kioskChoose}, t("kiosk.touch")));
  mount(node, {kind: "title"});
}
function kioskChoose() {
  app.redraw = kioskChoose;
  if (document.documentElement.requestFullscreen && !document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => {});
  const v = call("title", app.settings.lang);
  const pickFor = (role) => (v.campaigns.find((c) => c.role === role && c.kind === "short") || v.campaigns.find((c) => c.role === role) || {}).id;
  const node = h("section", {class: "attract stack fade"}, h("h2", {tabindex: "-1"}, t("kiosk.choose")), paras(t("kiosk.choose_body")),
    ["resident", "officer"].filter(pickFor).map((role) => h("button", {type: "button", "data-role": role,
      onclick: () => start({campaign: pickFor(role), room: "kiosk"})}, t(`kiosk.${role}`))));
  mount(node, {kind: "kiosk_choose"});
  kioskActive();
}
function kioskRestart() {
  const node = h("section", {class: "attract stack"}, h("h2", {tabindex: "-1"}, t("kiosk.restart_question")),
    h("div", {class: "row"}, h("button", {type: "button", class: "primary", id: "restart-yes", onclick: kioskAttract}, t("kiosk.restart_yes")),
      h("button", {type: "button", id: "restart-no", onclick: back}, t("ui.no_stay"))));
  if (!app.overlay) app.before = app.redraw;
  app.overlay = "restart";
  mount(node, null, t("kiosk.restart_question"));
}
function kioskActive() {
  if (!app.kiosk) return;
  clearTimeout(app.idle);
  app.idle = setTimeout(kioskStill, KIOSK_IDLE_S * 1000);
}
function kioskStill() {
  if (!app.view || app.view.kind === "title") return;
  if (!app.overlay) app.before = app.redraw;
  app.overlay = "still";
  let left = KIOSK_COUNTDOWN_S;
  const words = (n) => call("ui", "kiosk.countdown", JSON.stringify({n}));
  const count = h("p", {role: "timer"}, words(left));
  const node = h("section", {class: "attract stack"}, h("h2", {tabindex: "-1"}, t("kiosk.still_there")), count,
    h("button", {type: "button", class: "primary", onclick: () => { clearInterval(tick); back(); kioskActive(); }}, t("kiosk.yes_here")));
  const tick = setInterval(() => { left -= 1; count.textContent = words(left); if (left <= 0) { clearInterval(tick); kioskAttract(); } }, 1000);
  mount(node, null, t("kiosk.still_there"));
}

// -- keys: a number takes that choice; Escape closes an overlay ---------------------------------------------
document.addEventListener("keydown", (e) => {
  kioskActive();
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.altKey || e.ctrlKey || e.metaKey) return;
  if (scanning() && (e.key === " " || e.key === "Enter") && !e.target.closest("header")) {
    e.preventDefault();  // the one switch takes the marked button, wherever the focus is; nothing before the first step
    if (!e.repeat && scan.at) scan.at.click();
  } else if (/^[1-9]$/.test(e.key)) {
    if (e.repeat) return;  // a held key repeats nothing: each choice is its own press
    const b = document.querySelector(`#choices button[data-choice="${Number(e.key) - 1}"]`);
    if (b) { e.preventDefault(); b.click(); }
  } else if (e.key === "Escape" && app.overlay && !app.kiosk) { e.preventDefault(); back(); }
});
document.addEventListener("keyup", (e) => { if (scanning() && e.key === " " && !e.target.closest("header")) e.preventDefault(); });
document.addEventListener("pointerdown", kioskActive);
// while scanning, a tap or click anywhere but the bar is the switch: it takes the marked button
document.addEventListener("click", (e) => {
  if (!scanning() || !e.isTrusted || e.detail === 0 || e.target.closest("header")) return;
  e.preventDefault(); e.stopPropagation();
  if (scan.at) scan.at.click();
}, true);

boot();
})();
