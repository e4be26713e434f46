// The big screen's banner: today's date and a clock in China time (UTC+8, whatever zone the wall's computer is set
// to), ticking on the second, and the full-screen button (the wall shows the dashboard without browser chrome).
(function () {
  const clock = document.getElementById("clock"), today = document.getElementById("today");
  if (!clock || !today) return;
  const root = document.getElementById("dashboard");
  const en = root && root.dataset.lang === "en";
  const two = n => String(n).padStart(2, "0");
  const zhDays = "日一二三四五六";
  const enDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const enMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  function tick() {
    const t = new Date(Date.now() + 8 * 3600 * 1000); // read with getUTC*: China time
    clock.textContent = `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`;
    today.textContent = en
      ? `${enDays[t.getUTCDay()]}, ${t.getUTCDate()} ${enMonths[t.getUTCMonth()]} ${t.getUTCFullYear()}`
      : `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 星期${zhDays[t.getUTCDay()]}`;
    setTimeout(tick, 1000 - (Date.now() % 1000) + 5); // on the second, not drifting from it
  }
  tick();

  const button = document.getElementById("fullscreen");
  if (!button) return;
  if (!document.fullscreenEnabled) { button.hidden = true; return; }
  const label = () => button.textContent = document.fullscreenElement ? (en ? "Exit full screen" : "退出全屏") : (en ? "Full screen" : "全屏");
  button.addEventListener("click", () => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => {}));
  document.addEventListener("fullscreenchange", label);
})();
