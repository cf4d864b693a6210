// Autosave for the article editor: a progressive enhancement, the form works without it.
// Posts the whole form (with its CSRF field) when typing pauses; the server answers the new
// version, which goes back into the form so the next save is not mistaken for a conflict.
// A new story is saved as a draft from the first keystroke: the first answer (201) names the
// article, and the form, the address bar and later autosaves move there. One request at a time,
// and the form's draftKey makes the server create the draft once, however the requests race.
(function () {
  var form = document.getElementById('editor');
  var status = document.getElementById('autosave-status');
  if (!form || !form.dataset.autosave || !window.fetch) { return; }
  var timer = null, dirty = false, busy = false;
  var isNew = function () { return !!form.elements.draftKey && !/\/\d+\/autosave$/.test(form.dataset.autosave); };
  function setVersion(text) {
    form.elements.version.value = text;
    document.querySelectorAll('input[name=version]').forEach(function (v) { v.value = text; });
  }
  function save() {
    if (!dirty || busy) { return; }
    busy = true; dirty = false;
    fetch(form.dataset.autosave, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        return response.text().then(function (text) {
          if (response.status === 201) {
            var article = response.headers.get('Location');
            form.action = article;
            form.dataset.autosave = article + '/autosave';
            // A reload, or the back button after leaving, comes back to the draft, not to an empty new story.
            history.replaceState(null, '', article);
            setVersion(text);
            status.textContent = 'Draft created and saved at ' + new Date().toLocaleTimeString();
          } else if (response.ok) {
            setVersion(text);
            status.textContent = 'Draft saved at ' + new Date().toLocaleTimeString();
          } else if (response.type === 'opaqueredirect' || response.status === 403) {
            status.textContent = 'Your session has expired. Press Save: your text is kept and saved after you sign in.';
          } else {
            status.textContent = text || 'Autosave failed; press Save.';
          }
        });
      })
      .catch(function () { dirty = true; status.textContent = 'Offline: not saved yet.'; })
      .finally(function () {
        busy = false;
        // Typing went on while this save was on its way: that text is not saved yet.
        if (dirty) { schedule(); }
      });
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(save, isNew() ? 800 : 3000); }
  form.addEventListener('input', function () { dirty = true; schedule(); });
})();
