// The big screen's charts (ECharts, SVG): ring pies with a legend of names and counts, and the 30-day trend. Each chart
// follows its panel's size, so the same page fits a 1920×1080 wall, a 1440×900 desk and a phone.
window.GridGovCharts = (function () {
  const palette = ["#3fd0ff", "#2f7cf6", "#36cfc9", "#ffc53d", "#ff7a45", "#b37feb", "#73d13d", "#8c9db5"];
  const ink = "#e6f1ff", soft = "#a9c1e0";
  const fontFor = el => Math.max(12, Math.min(19, Math.round(el.clientHeight / 15)));

  function chartOf(el) {
    let chart = echarts.getInstanceByDom(el);
    if (!chart) {
      chart = echarts.init(el, null, { renderer: "svg" });
      new ResizeObserver(() => { chart.resize(); if (el._draw) el._draw(); }).observe(el);
    }
    return chart;
  }

  // slices: [{ key, name, count }]; the total stands in the ring's hole.
  function pie(el, slices, totalLabel) {
    if (!window.echarts || !el) return;
    const chart = chartOf(el);
    el._draw = () => {
      const fs = fontFor(el), counts = Object.fromEntries(slices.map(s => [s.name, s.count]));
      const total = slices.reduce((a, s) => a + s.count, 0);
      chart.setOption({
        animation: false, color: palette, backgroundColor: "transparent",
        tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
        title: {
          text: String(total), subtext: totalLabel, left: "27%", top: "center", textAlign: "center", itemGap: 2,
          textStyle: { color: "#fff", fontSize: Math.round(fs * 1.7), fontWeight: 800 }, subtextStyle: { color: soft, fontSize: fs - 1 },
        },
        legend: {
          orient: "vertical", left: "55%", top: "middle", icon: "circle", itemWidth: fs * 0.7, itemHeight: fs * 0.7,
          itemGap: Math.max(4, Math.round(el.clientHeight / 40)), textStyle: { color: ink, fontSize: fs },
          formatter: name => `${name}  ${counts[name]}`,
        },
        series: [{
          type: "pie", radius: ["50%", "78%"], center: ["27%", "50%"], label: { show: false }, avoidLabelOverlap: true,
          itemStyle: { borderColor: "#061a38", borderWidth: 2 },
          data: slices.map(s => ({ name: s.name, value: s.count })),
        }],
      }, true);
    };
    el._draw();
    el.dataset.slices = String(slices.length);
  }

  // Closed per day as bars, reported per day as a line (from the panel's data attributes).
  function trend(el) {
    if (!window.echarts || !el) return;
    const chart = chartOf(el);
    const days = el.dataset.days.split(","), closed = el.dataset.values.split(",").map(Number), reported = el.dataset.reported.split(",").map(Number);
    el._draw = () => {
      const fs = Math.max(11, Math.min(16, Math.round(el.clientHeight / 13)));
      chart.setOption({
        // No grow-in animation: a wall screen (and its screenshot) shows the real heights at once.
        animation: false, backgroundColor: "transparent",
        grid: { left: fs * 2.6, right: 12, top: fs * 2.2, bottom: fs * 1.9 },
        legend: { right: 8, top: 0, textStyle: { color: ink, fontSize: fs }, itemHeight: fs * 0.7 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: days, axisLabel: { color: soft, fontSize: fs }, axisLine: { lineStyle: { color: "#2f6db5" } } },
        yAxis: { type: "value", minInterval: 1, axisLabel: { color: soft, fontSize: fs }, splitLine: { lineStyle: { color: "rgba(63,208,255,.12)" } } },
        series: [
          { name: el.dataset.labelClosed, type: "bar", data: closed, barMaxWidth: 14, itemStyle: { color: "#2f7cf6" } },
          { name: el.dataset.labelReported, type: "line", data: reported, smooth: true, symbol: "none", lineStyle: { color: "#3fd0ff", width: 2 },
            areaStyle: { color: "rgba(63,208,255,.15)" } },
        ],
      }, true);
    };
    el._draw();
  }

  return { pie, trend };
})();
