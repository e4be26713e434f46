// After a code is sent, the "send code" button waits (60 s, the server's rule) and says how long: no tap sends too early.
(function () {
  const button = document.getElementById("send-code");
  if (!button) return;
  let left = parseInt(button.dataset.wait || "0", 10);
  if (!(left > 0)) return;
  const label = button.textContent, template = button.dataset.labelWait || "{0}";
  button.disabled = true;
  const tick = () => {
    if (left <= 0) { button.disabled = false; button.textContent = label; return; }
    button.textContent = template.replace("{0}", left--);
    setTimeout(tick, 1000);
  };
  tick();
})();
