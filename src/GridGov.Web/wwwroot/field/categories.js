// Choosing what the problem is: a grid of the dozen categories most used in the worker's area (or a fixed list of
// the most common patrol findings, GET /api/field/start), and a search box that filters every category by name.
// Names, not codes; each tile carries a one-character mark of its group, coloured by group.
window.FieldCategories = (function () {
  const { $, t, el, en, online, get, cache, start } = FieldApp;
  // One character per group (major category), so a tile is recognised before it is read.
  const MARKS = { "01": "环", "02": "广", "03": "工", "04": "急", "05": "街", "06": "纠", "07": "治", "08": "险", "09": "人", "10": "民", "11": "企", "12": "议", "13": "设" };
  // What workers say when a category's name is not the word they think of ("漏水" is a burst main or a neighbours'
  // dispute; "吵" is building noise or a dispute): each word finds these categories too.
  const ALIASES = {
    "漏水": ["0402", "0601"], "水管": ["0402"], "积水": ["0405", "1304"], "淹": ["0405"], "下水道": ["1304"],
    "噪音": ["0301", "0601"], "噪声": ["0301", "0601"], "吵": ["0301", "0601"], "装修": ["0601", "0301"],
    "停车": ["0504", "0505"], "单车": ["0505"], "电动车": ["0505", "0804"], "充电": ["0804"],
    "摆摊": ["0501", "0502"], "小贩": ["0501"], "杂物": ["0104", "0801"], "消防": ["0801", "0404"],
    "煤气": ["0403", "0802"], "天然气": ["0403", "0802"], "着火": ["0404"], "起火": ["0404"], "冒烟": ["0404"],
    "老人": ["0901", "1003"], "打架": ["0601", "0702"], "吵架": ["0601"], "坑": ["1303", "0401"], "裂缝": ["0803", "1303"],
    "灯": ["1302", "1306"], "红绿灯": ["1306"], "沙发": ["1001"], "家具": ["1001"], "诈骗": ["0704"], "租房": ["0703"],
  };
  const aliased = q => new Set(Object.entries(ALIASES).filter(([w]) => q.includes(w) || w.includes(q)).flatMap(([, codes]) => codes));
  let all = [], groups = {}, top = [], chosen = "";

  const nameOf = c => (en && c.nameEn) || c.name;
  function tile(c) {
    const b = el("button", "cat-tile");
    b.type = "button";
    b.dataset.code = c.code;
    b.setAttribute("aria-pressed", String(c.code === chosen));
    const group = c.code.slice(0, 2);
    const mark = el("span", "mark g" + group, MARKS[group] || "·");
    mark.setAttribute("aria-hidden", "true");
    b.append(mark, el("span", "name", nameOf(c)));
    b.addEventListener("click", () => pick(c.code));
    return b;
  }
  function render() {
    const q = $("cat-search").value.trim();
    const grid = $("cat-grid");
    grid.innerHTML = "";
    let shown;
    if (q) {
      // A group's name finds all of its categories ("安全" → every 安全隐患 item).
      const also = aliased(q);
      shown = all.filter(c => nameOf(c).includes(q) || (c.nameEn || "").toLowerCase().includes(q.toLowerCase())
        || (groups[c.parentCode] || "").includes(q) || also.has(c.code));
      $("cat-hint").textContent = shown.length ? t(`找到 ${shown.length} 类，点一下选中：`, `${shown.length} found, tap one:`)
        : t(`没有找到「${q}」。换个说法试试，例如“垃圾”“路灯”“停车”；实在找不到可选「群众意见建议」。`,
          `Nothing for "${q}". Try another word; if nothing fits, choose "Opinions and suggestions".`);
    } else {
      shown = top.map(code => all.find(c => c.code === code)).filter(Boolean);
      if (shown.length === 0) shown = all.slice(0, 12);
      // The chosen one stays in view even when it came from a search.
      if (chosen && !shown.some(c => c.code === chosen)) { const c = all.find(x => x.code === chosen); if (c) shown = [c, ...shown]; }
      $("cat-hint").textContent = t("常见问题（点一下选中）：", "Common problems (tap one):");
    }
    for (const c of shown) grid.appendChild(tile(c));
  }
  function pick(code) {
    chosen = code;
    $("category").value = code;
    $("category-error").textContent = "";
    const c = all.find(x => x.code === code);
    $("cat-chosen").textContent = c ? t("已选：", "Chosen: ") + nameOf(c) + (groups[c.parentCode] ? `（${groups[c.parentCode]}）` : "") : "";
    for (const b of document.querySelectorAll(".cat-tile")) b.setAttribute("aria-pressed", String(b.dataset.code === code));
  }

  async function load() {
    let cats = cache.read("categories");
    if (online()) {
      const r = await get("api/categories").catch(() => null);
      if (r && r.ok) { cats = await r.json(); cache.write("categories", cats); }
    }
    cats = cats || [];
    groups = Object.fromEntries(cats.filter(c => c.code.length === 2).map(c => [c.code, nameOf(c)]));
    all = cats.filter(c => c.code.length === 4 && c.active);
    top = (await start()).topCategories || [];
    render();
    if (!all.length) $("cat-hint").textContent = t("类别还没有下载：请联网后再打开本页", "Categories not loaded yet: open this page online once");
  }
  document.addEventListener("DOMContentLoaded", () => {
    $("cat-search").addEventListener("input", render);
    load();
  });

  return {
    chosen: () => chosen,
    name: code => { const c = all.find(x => x.code === code); return c ? nameOf(c) : ""; },
    clear() { chosen = ""; $("category").value = ""; $("cat-search").value = ""; $("cat-chosen").textContent = ""; render(); },
  };
})();
