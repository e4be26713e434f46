// Filters an editor table's rows by name as the user types (rows carry data-name; a group without a match hides).
(function () {
  const box = document.getElementById('cat-search');
  if (!box) return;
  box.addEventListener('input', () => {
    const q = box.value.trim().toLowerCase();
    document.querySelectorAll('table.editor tbody').forEach(group => {
      let shown = 0;
      group.querySelectorAll('tr[data-name]').forEach(row => {
        const hit = q === '' || row.dataset.name.toLowerCase().includes(q) || row.classList.contains('has-error');
        row.hidden = !hit;
        if (hit) shown++;
      });
      group.hidden = shown === 0;
    });
  });
})();
