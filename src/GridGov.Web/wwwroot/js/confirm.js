// A button with data-confirm asks before its form is sent (ending an assignment, …); no answer, no request.
document.addEventListener("submit", e => {
  const button = e.submitter;
  if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) e.preventDefault();
}, true);
