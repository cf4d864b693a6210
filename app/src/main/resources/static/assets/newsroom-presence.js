// "Someone else is editing": a progressive enhancement of the editor page. Tells the server this
// page is open (now, then every 20 s while the tab is visible) and shows who else has the story
// open, as the server answers it. The server also renders that line on load, so without this
// script the page still says who was there when it was opened.
(function () {
  var line = document.getElementById('presence');
  if (!line || !line.dataset.heartbeat || !window.fetch) { return; }
  var body = new URLSearchParams();
  body.append(line.dataset.csrfName, line.dataset.csrfToken);
  function beat() {
    if (document.hidden) { return; }
    fetch(line.dataset.heartbeat, { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual',
                                    headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer) { line.textContent = answer.text; } })
      .catch(function () { /* offline: the last known line stays */ });
  }
  beat();
  setInterval(beat, 20000);
  document.addEventListener('visibilitychange', beat);
})();
