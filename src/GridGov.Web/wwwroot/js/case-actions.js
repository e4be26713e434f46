// Case page: a form with photos uploads them to /api/photos first and sends their ids with the action; every form's
// button is disabled once sent, so a double click acts once.
(function () {
  for (const form of document.querySelectorAll("form.action-form")) {
    form.addEventListener("submit", async e => {
      const button = form.querySelector("button[type=submit]");
      const files = form.querySelector("input[type=file][data-photos-for]");
      if (form.dataset.uploaded) return; // the photos are up: this is the real post
      if (button.disabled) { e.preventDefault(); return; }
      if (files && files.files.length > 0 && !form.dataset.uploaded) {
        e.preventDefault();
        button.disabled = true;
        const ids = [];
        try {
          for (const file of Array.from(files.files).slice(0, 9)) {
            const r = await fetch("api/photos", { method: "POST", body: file, credentials: "same-origin",
              headers: { "content-type": file.type || "application/octet-stream", "content-disposition": `attachment; filename="${encodeURIComponent(file.name)}"` } });
            const body = await r.json().catch(() => ({}));
            if (!r.ok) throw new Error(body.detail || body.title || ("照片上传失败 " + r.status));
            ids.push(body.id);
          }
        } catch (err) {
          button.disabled = false;
          let msg = form.querySelector(".upload-error");
          if (!msg) { msg = document.createElement("div"); msg.className = "error upload-error"; msg.setAttribute("role", "alert"); files.after(msg); }
          msg.textContent = err.message;
          return;
        }
        form.querySelector("input[name='Input.PhotoIds']").value = ids.join(",");
        files.value = "";
        form.dataset.uploaded = "1";
        form.requestSubmit ? form.requestSubmit() : form.submit();
        return;
      }
      // Let the browser post the form; a second click meanwhile does nothing.
      setTimeout(() => { button.disabled = true; }, 0);
    });
  }
})();
