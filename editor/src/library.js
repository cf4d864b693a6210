// The media library as the editor uses it: JSON endpoints beside the newsroom's media page,
// sent with the page's CSRF token and the session cookie.
export function mediaLibrary(csrfName, csrfToken) {
  const known = new Map();

  async function answer(response) {
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    if (!response.ok) {
      throw new Error(body?.error || (response.status === 413 ? 'The file is larger than the upload limit.'
        : response.status === 403 ? 'Your session has expired: save the story to sign in again.' : 'The media library did not answer (' + response.status + ').'));
    }
    return body;
  }

  function remember(figure) {
    known.set(figure.id, Promise.resolve(figure));
    return figure;
  }

  function post(url, body) {
    body.append(csrfName, csrfToken);
    return fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(answer);
  }

  return {
    get(id) {
      if (!known.has(id)) {
        known.set(id, fetch('/newsroom/media/' + encodeURIComponent(id) + '/details', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(answer).catch((error) => { known.delete(id); throw error; }));
      }
      return known.get(id);
    },
    recent() {
      return fetch('/newsroom/media/library', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(answer)
        .then((figures) => figures.map(remember));
    },
    upload(file) {
      const body = new FormData();
      body.append('file', file);
      return post('/newsroom/media/upload', body).then(remember);
    },
    /** An embed's title and thumbnail, looked up once by the server; a failure comes back as `note`. */
    lookupEmbed(url) {
      const body = new FormData();
      body.append('url', url);
      return post('/newsroom/embeds/lookup', body);
    },
    describe(id, alt, caption, credit) {
      const body = new FormData();
      body.append('alt', alt);
      body.append('caption', caption);
      body.append('credit', credit);
      return post('/newsroom/media/' + encodeURIComponent(id) + '/details', body).then(remember);
    },
  };
}
