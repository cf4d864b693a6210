// Autosave for the article editor: a progressive enhancement, the form works without it.
// Posts the whole form (with its CSRF field) when typing pauses; the server answers the new
// version, which goes back into the form so the next save is not mistaken for a conflict.
(function () {
  var form = document.getElementById('editor');
  var status = document.getElementById('autosave-status');
  if (!form || !form.dataset.autosave || !window.fetch) { return; }
  var timer = null, dirty = false, busy = false;
  function save() {
    if (!dirty || busy) { return; }
    busy = true; dirty = false;
    fetch(form.dataset.autosave, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        return response.text().then(function (text) {
          if (response.ok) {
            form.elements.version.value = text;
            document.querySelectorAll('input[name=version]').forEach(function (v) { v.value = text; });
            status.textContent = 'Draft saved at ' + new Date().toLocaleTimeString();
          } else if (response.type === 'opaqueredirect' || response.status === 403) {
            status.textContent = 'Your session has expired. Press Save: your text is kept and saved after you sign in.';
          } else {
            status.textContent = text || 'Autosave failed; press Save.';
          }
        });
      })
      .catch(function () { dirty = true; status.textContent = 'Offline: not saved yet.'; })
      .finally(function () { busy = false; });
  }
  form.addEventListener('input', function () { dirty = true; clearTimeout(timer); timer = setTimeout(save, 3000); });
})();
