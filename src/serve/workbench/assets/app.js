// The certlex workbench: the law browser, the rule editor and "try it".
// Plain JavaScript, no library, no request to anywhere but this server.
"use strict";

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const both = (t) => (t ? [t.zh, t.en].filter(Boolean).join(" · ") : "");
const state = { law: null, article: null, file: null, checkTimer: null, checkSeq: 0 };

async function getJSON(url, opts) {
  const r = await fetch(url, opts);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.message ? body.message + (body.hint ? " — " + body.hint : "") : r.status + " " + r.statusText);
  return body;
}

function at() { return $("at").value; }
function regime() { return $("regime").value; }

// ---- views -------------------------------------------------------------
document.querySelectorAll("nav button").forEach((b) =>
  b.addEventListener("click", () => show(b.dataset.view)));

function show(view) {
  document.querySelectorAll("nav button").forEach((b) => b.classList.toggle("active", b.dataset.view === view));
  document.querySelectorAll(".view").forEach((v) => v.classList.toggle("active", v.id === "view-" + view));
}

// ---- the law browser ---------------------------------------------------
async function loadLaw() {
  const law = await getJSON("/api/law");
  state.law = law;
  $("at").value = law.today;
  $("regime").innerHTML = law.regimes.map(([name, title]) => `<option value="${esc(name)}">${esc(name)} — ${esc(both(title))}</option>`).join("");
  $("tree").innerHTML = law.instruments.map((inst) => `
    <details ${inst.id === "ESL" ? "open" : ""}><summary>${esc(both(inst.title) || inst.id)} <span class="badge">${esc(inst.status)}</span></summary>
    ${inst.chapters.map((ch) => `
      <details class="chapter" ${inst.id === "ESL" ? "open" : ""}><summary>${ch.number ? esc(both(ch.title) || "Chapter " + ch.number) : "—"}</summary>
        <ul>${ch.articles.map((a) => `<li><a data-inst="${esc(inst.id)}" data-n="${a.number}">${esc(inst.id)} ${a.number} ${esc(a.heading.zh || a.heading.en || "")}${a.scope !== "in-scope" ? ` <span class="badge ${a.scope}">${a.scope}</span>` : ""}${a.rules ? ` <span class="badge">${a.rules} rule${a.rules > 1 ? "s" : ""}</span>` : ""}</a></li>`).join("")}</ul>
      </details>`).join("")}
    </details>`).join("");
  $("tree").addEventListener("click", (e) => {
    const a = e.target.closest("a[data-inst]");
    if (a) openArticle(a.dataset.inst, Number(a.dataset.n));
  });
}

async function openArticle(inst, n) {
  show("law");
  const box = $("article");
  box.innerHTML = `<p class="hint">…</p>`;
  let a;
  try {
    a = await getJSON(`/api/article?instrument=${encodeURIComponent(inst)}&number=${n}&at=${encodeURIComponent(at())}`);
  } catch (e) {
    box.innerHTML = `<p class="badge error">${esc(e.message)}</p>`;
    return;
  }
  state.article = a;
  const scope = a.scope !== "in-scope"
    ? `<p><span class="badge ${a.scope}">${a.scope}</span> ${esc(both(a.reason))}</p>` : "";
  const versions = a.versions.map((v) => `
    <h3>${v.from ? "自 from " + esc(v.from) : "原文 · wording"}${v.until ? " 至 until " + esc(v.until) : ""}</h3>
    <div class="texts">
      <div lang="zh">${esc(wording(v, "zh"))}</div>
      <div lang="en">${esc(wording(v, "en"))}</div>
    </div>
    <p class="prov">zh: ${esc(v.provenance.confidence_zh || "—")}, ${esc(v.provenance.source_zh || "—")} · en: ${esc(v.provenance.confidence_en || "—")}, ${esc(v.provenance.source_en || "—")}</p>
    ${v.note.zh || v.note.en ? `<p class="hint">${esc(both(v.note))}</p>` : ""}`).join("");
  const rules = a.rules.map((r) => `
    <div class="rule">
      <b>${esc(r.id)}</b> ${esc(both(r.title))} <span class="badge">${esc(r.severity)}</span> <span class="badge">${esc(r.applies_to)}</span>
      <div class="prov">${esc(r.cites)} · ${r.in_force.map(([g, on]) => `${esc(g)}: ${on ? "in force" : "not in force"}`).join(" · ")} · <a href="#" data-open="${esc(r.file)}" data-line="${r.line}">${esc(r.file)}:${r.line}</a></div>
      ${r.parameters.map((p) => `
        <table><tr><th colspan="2">${esc(p.name)} — ${esc(both(p.title))}</th></tr>
        ${p.values.map(([w, c]) => `<tr><td>${esc(w)}</td><td>${esc(c)}</td></tr>`).join("")}
        <tr><td colspan="2">${esc(at())}: ${p.now.map((x) => `${esc(x.regime)} = ${esc(x.value ? both(x.value) : "—")}`).join("; ")}</td></tr></table>`).join("")}
      <pre>${esc(r.source)}</pre>
    </div>`).join("");
  box.innerHTML = `
    <h2>${esc(both(a.instrument_title))} ${esc(a.instrument)} ${a.number} ${esc(both(a.heading))}</h2>
    ${scope}${versions}
    ${a.note.zh || a.note.en ? `<p class="hint">${esc(both(a.note))}</p>` : ""}
    <h3>规则 · Rules (${a.rules.length})</h3>${rules || `<p class="hint">没有规则引用本条。 No rule cites this article.</p>`}
    <h3>场景 · Scenarios</h3><div id="scenarios" class="scen"></div>`;
  box.querySelectorAll("a[data-open]").forEach((l) => l.addEventListener("click", (e) => {
    e.preventDefault();
    openFile(l.dataset.open, Number(l.dataset.line));
  }));
  runScenarios(a.rules.map((r) => r.id), $("scenarios"));
}

function wording(v, l) {
  const lines = [];
  if (v.text[l]) lines.push(v.text[l]);
  for (const p of v.paras) {
    if (p.text[l] && p.text[l] !== v.text[l]) lines.push(p.text[l]);
    for (const [n, t] of p.items) if (t[l]) lines.push(`  (${n}) ${t[l]}`);
  }
  return lines.join("\n") || (l === "zh" ? "（无原文）" : "(no text)");
}

// Scenarios from one run of the features per server start: poll while it runs.
async function runScenarios(ids, box) {
  if (!ids.length) { box.innerHTML = `<p class="hint">—</p>`; return; }
  box.innerHTML = `<p class="hint">正在运行场景 · running the scenarios…</p>`;
  for (;;) {
    let r;
    try { r = await getJSON(`/api/scenarios?rules=${encodeURIComponent(ids.join(","))}`); }
    catch (e) { box.innerHTML = `<p class="badge error">${esc(e.message)}</p>`; return; }
    if (r.state === "running") { await new Promise((ok) => setTimeout(ok, 700)); continue; }
    if (r.state === "unavailable") { box.innerHTML = `<p class="hint">${esc(r.reason)}</p>`; return; }
    const passed = r.scenarios.filter((s) => s.passed).length;
    box.innerHTML = `<p>${passed} / ${r.scenarios.length} 通过 · passed</p><ul>${r.scenarios.map((s) => `
      <li class="${s.passed ? "passed" : "failed"}"><span class="badge ${s.passed ? "pass" : "fail"}">${s.passed ? "pass" : "fail"}</span>
      ${esc(s.name)} <span class="prov">${esc(s.feature)}:${s.line} — ${s.expects.filter((x) => ids.includes(x.rule)).map((x) => esc(x.rule + " " + x.status)).join(", ")}</span>
      ${s.failure ? `<div class="prov">${esc(s.failure)}</div>` : ""}</li>`).join("")}</ul>`;
    return;
  }
}

// A new date shows the current article's parameter values and marks on it.
$("at").addEventListener("change", () => {
  if (state.article && $("view-law").classList.contains("active")) openArticle(state.article.instrument, state.article.number);
});

let searchTimer = null;
$("search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    const q = $("search").value.trim();
    if (!q) { $("hits").innerHTML = ""; return; }
    const hits = await getJSON(`/api/search?q=${encodeURIComponent(q)}`).catch(() => []);
    $("hits").innerHTML = hits.length ? hits.map((h) => `<div data-inst="${esc(h.instrument)}" data-n="${h.article ?? ""}">
      <b>${h.kind === "rule" ? esc(h.rule) : esc(h.instrument + " " + h.article)}</b> ${esc(h.snippet)}</div>`).join("")
      : `<p class="hint">没有结果 · nothing found</p>`;
  }, 250);
});
$("hits").addEventListener("click", (e) => {
  const d = e.target.closest("div[data-inst]");
  if (d && d.dataset.n) openArticle(d.dataset.inst, Number(d.dataset.n));
});

// ---- the editor --------------------------------------------------------
async function loadFiles() {
  const f = await getJSON("/api/files");
  $("file").innerHTML = f.files.map((n) => `<option>${esc(n)}</option>`).join("");
  $("save").disabled = !f.writable;
  $("readonly").textContent = f.writable
    ? `保存到 · saving to ${f.rules_source}`
    : "内置规则是只读的：用 `certlex --rules DIR serve` 启动才能保存；可以下载文件。 The built-in rules are read-only: start with `certlex --rules DIR serve` to save; you can download the file.";
  if (f.files.length) await openFile(f.files[0], 0, true);
}

async function openFile(name, line, stay) {
  if (!stay) show("editor");
  $("file").value = name;
  const r = await fetch(`/api/file?name=${encodeURIComponent(name)}`);
  $("editor-text").value = r.ok ? await r.text() : "";
  state.file = name;
  gutter();
  await check();
  if (line) goToLine(line);
}

function gutter() {
  const n = $("editor-text").value.split("\n").length;
  let s = "";
  for (let i = 1; i <= n; i++) s += i + "\n";
  $("gutter").textContent = s;
}

function goToLine(line, col) {
  const t = $("editor-text");
  const lines = t.value.split("\n");
  let pos = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) pos += lines[i].length + 1;
  pos += Math.max(0, (col || 1) - 1);
  t.focus();
  t.setSelectionRange(pos, pos + Math.max(1, (lines[line - 1] || "").length - (col || 1) + 1));
  const lh = parseFloat(getComputedStyle(t).lineHeight) || 19;
  t.scrollTop = Math.max(0, (line - 5) * lh);
}

async function check() {
  const seq = ++state.checkSeq;
  $("editor-state").textContent = "检查中 · checking…";
  let r;
  try {
    r = await getJSON(`/api/check?name=${encodeURIComponent(state.file)}&lang=en`, { method: "POST", body: $("editor-text").value });
  } catch (e) {
    if (seq === state.checkSeq) $("editor-state").textContent = e.message;
    return;
  }
  if (seq !== state.checkSeq) return;
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  $("diag-count").textContent = `(${errors} error${errors === 1 ? "" : "s"}, ${r.diagnostics.length - errors} warning${r.diagnostics.length - errors === 1 ? "" : "s"})`;
  $("editor-state").textContent = errors ? "有错误 · has errors" : "无错误 · no errors";
  $("diagnostics").innerHTML = r.diagnostics.map((d) => `
    <li class="${d.severity}" data-line="${d.line ?? ""}" data-col="${d.col ?? ""}">
      <span class="badge ${d.severity}">${d.severity}</span> ${d.line ? `${d.line}:${d.col} ` : ""}<b>${esc(d.message)}</b> <span class="prov">${esc(d.code)}</span>
      ${d.label ? `<div class="help">${esc(d.label)}</div>` : ""}${d.help ? `<div class="help">help: ${esc(d.help)}</div>` : ""}</li>`).join("")
    + (r.errors_elsewhere ? `<li class="error">${r.errors_elsewhere} error(s) in other rule files with this file</li>` : "");
}

$("diagnostics").addEventListener("click", (e) => {
  const li = e.target.closest("li[data-line]");
  if (li && li.dataset.line) goToLine(Number(li.dataset.line), Number(li.dataset.col));
});
$("editor-text").addEventListener("input", () => {
  gutter();
  clearTimeout(state.checkTimer);
  state.checkTimer = setTimeout(check, 400);
});
$("editor-text").addEventListener("scroll", () => { $("gutter").scrollTop = $("editor-text").scrollTop; });
$("file").addEventListener("change", () => openFile($("file").value));
$("fmt").addEventListener("click", async () => {
  const r = await getJSON(`/api/fmt?name=${encodeURIComponent(state.file)}`, { method: "POST", body: $("editor-text").value });
  if (r.text != null) { $("editor-text").value = r.text; gutter(); $("editor-state").textContent = "已格式化 · formatted"; check(); }
  else $("editor-state").textContent = "无法格式化 · cannot format: " + r.diagnostics.map((d) => d.message).join("; ");
});
$("download").addEventListener("click", () => {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([$("editor-text").value], { type: "text/plain;charset=utf-8" }));
  a.download = state.file.split("/").pop();
  a.click();
  URL.revokeObjectURL(a.href);
});
$("save").addEventListener("click", async () => {
  try {
    const r = await getJSON(`/api/save?name=${encodeURIComponent(state.file)}`, { method: "POST", body: $("editor-text").value });
    $("editor-state").textContent = "已保存 · saved " + r.saved;
  } catch (e) { $("editor-state").textContent = e.message; }
});

// ---- try it ------------------------------------------------------------
$("try-run").addEventListener("click", async () => {
  const file = $("try-file").files[0];
  const body = file ? await file.arrayBuffer() : $("try-input").value;
  const q = new URLSearchParams({ format: "json", findings: "all", regime: regime(), at: at() });
  $("try-state").textContent = "检查中 · checking…";
  let report;
  try { report = await getJSON(`${$("try-kind").value}?${q}`, { method: "POST", body }); }
  catch (e) { $("try-state").textContent = ""; $("findings").innerHTML = `<p class="badge error">${esc(e.message)}</p>`; return; }
  $("try-state").textContent = "";
  await showFindings(report);
});
$("try-file").addEventListener("change", () => { if ($("try-file").files[0]) $("try-input").value = ""; });
$("try-input").addEventListener("input", () => { $("try-file").value = ""; });

// Findings grouped by the article they cite, with its wording on the date judged.
async function showFindings(report) {
  const subject = report.subjects && report.subjects[0];
  if (!subject) { $("findings").innerHTML = `<p class="hint">—</p>`; return; }
  const groups = new Map();
  for (const f of subject.findings) {
    const key = (f.cites && f.cites[0] || "").match(/^(\S+) (\d+)/);
    const k = key ? key[1] + " " + key[2] : (f.cites && f.cites[0]) || "—";
    if (!groups.has(k)) groups.set(k, { inst: key && key[1], n: key && Number(key[2]), date: f.judged_at, items: [] });
    groups.get(k).items.push(f);
  }
  const adverse = (s) => s !== "pass" && s !== "not-applicable" && s !== "not-in-force";
  for (const g of groups.values()) g.items.sort((a, b) => Number(adverse(b.status)) - Number(adverse(a.status)));
  const order = [...groups.entries()].sort((a, b) => Number(b[1].items.some((f) => adverse(f.status))) - Number(a[1].items.some((f) => adverse(f.status))));
  const named = $("try-file").files[0] ? $("try-file").files[0].name : "粘贴的内容 · pasted";
  const counts = subject.findings.filter((f) => adverse(f.status)).length;
  let html = `<h3>${esc(named)} (${esc(subject.kind)}): ${counts} adverse of ${subject.findings.length} — ${subject.blocking ? `<span class="badge fail">不合规 · not conformant</span>` : `<span class="badge pass">合规 · conformant</span>`}</h3>`;
  for (const [k, g] of order) {
    let text = "";
    if (g.inst) {
      try {
        const a = await getJSON(`/api/article?instrument=${encodeURIComponent(g.inst)}&number=${g.n}&at=${encodeURIComponent(g.date || at())}`);
        const v = versionAt(a.versions, g.date);
        if (v) text = `<div class="texts"><div lang="zh">${esc(wording(v, "zh"))}</div><div lang="en">${esc(wording(v, "en"))}</div></div>`;
      } catch (_) { /* a standard's section has no article */ }
    }
    html += `<div class="group"><h4>${esc(k)} ${g.inst ? `<button data-inst="${esc(g.inst)}" data-n="${g.n}">条文与场景 · article and scenarios</button>` : ""}</h4>${text}
      ${g.items.map((f) => `<div class="finding"><span class="badge ${esc(f.status)}">${esc(f.status)}</span> <b>${esc(f.rule)}</b> ${esc(both(report.catalogue?.[f.rule]?.title))}
        ${f.message ? `<div>${esc(both(f.message))}</div>` : ""}<div class="prov">${esc((f.cites || []).join(", "))} · ${esc(f.judged_at || "")}${f.fact ? " · " + esc(f.fact) : ""}</div></div>`).join("")}</div>`;
  }
  $("findings").innerHTML = html;
  $("findings").querySelectorAll("button[data-inst]").forEach((b) => b.addEventListener("click", () => openArticle(b.dataset.inst, Number(b.dataset.n))));
}

function versionAt(versions, date) {
  let found = versions[0];
  for (const v of versions) if (!v.from || !date || v.from <= date) found = v;
  return found;
}

loadLaw().then(loadFiles).catch((e) => { $("article").innerHTML = `<p class="badge error">${esc(e.message)}</p>`; });
