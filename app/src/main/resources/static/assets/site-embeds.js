// Click to play: an embed's card stays a plain link (nothing of the provider loads) until the
// reader asks for the player; then the player, and only it, loads in a sandboxed frame.
(function () {
  'use strict';
  document.querySelectorAll('aside.embed[data-player]').forEach(function (embed) {
    var card = embed.querySelector('a.embed-card');
    var src = embed.getAttribute('data-player');
    if (!card || !/^https:\/\//.test(src)) {
      return;
    }
    var provider = (embed.querySelector('.embed-provider') || {}).textContent || 'the provider';
    var title = (embed.querySelector('.embed-title') || {}).textContent || provider;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'embed-play';
    button.textContent = 'Play here: loads content from ' + provider;
    button.addEventListener('click', function () {
      var frame = document.createElement('iframe');
      frame.src = src;
      frame.title = title + ' (' + provider + ')';
      frame.className = 'embed-player';
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation');
      frame.setAttribute('allow', 'encrypted-media; picture-in-picture; fullscreen');
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      frame.setAttribute('allowfullscreen', '');
      embed.replaceChildren(frame);
      frame.focus();
    });
    embed.appendChild(button);
  });
})();
