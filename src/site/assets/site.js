// Code Velocity: small progressive enhancement for the reader site (ES2020, no dependencies).
// Pages work fully without it: share links are plain links, and the copy button stays hidden.
// Every string it shows comes from data attributes the server rendered in the reader's language.
(() => {
  const numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined);

  /** Counts a share and shows the new total; failures are silent, the share itself went ahead. */
  function countShare(row, network) {
    const endpoint = row.dataset.shareEndpoint;
    const counter = row.querySelector('[data-share-count]');
    if (!endpoint) return;
    // keepalive lets the request finish even when the click leaves the page (mailto:, same tab).
    fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ network }),
      credentials: 'same-origin',
      keepalive: true,
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => {
        if (counter && data && typeof data.count === 'number')
          counter.textContent = numberFormat.format(data.count);
      })
      .catch(() => {});
  }

  function say(status, text) {
    if (!status || !text) return;
    // Emptying first makes screen readers announce the same message again on a second copy.
    status.textContent = '';
    window.setTimeout(() => {
      status.textContent = text;
    }, 50);
  }

  function enhanceCopy(row) {
    const item = row.querySelector('[data-copy-item]');
    const button = row.querySelector('[data-copy-url]');
    const status = row.querySelector('[data-copy-status]');
    // The clipboard API exists only in secure contexts; without it the button would do nothing.
    if (!item || !button || !navigator.clipboard || !window.isSecureContext) return;
    item.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(button.dataset.copyUrl || window.location.href).then(
        () => {
          say(status, button.dataset.copied);
          countShare(row, 'copy');
        },
        () => say(status, button.dataset.copyFailed),
      );
    });
  }

  for (const row of document.querySelectorAll('[data-share-endpoint]')) {
    row.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[data-network]') : null;
      if (link && row.contains(link)) countShare(row, link.dataset.network);
    });
    enhanceCopy(row);
  }

  // Embed cards: the page holds only a link until the reader presses "Load video"; then, and only
  // then, the player is fetched, from one of the two origins the Content-Security-Policy allows.
  const PLAYER_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];
  for (const card of document.querySelectorAll('figure.embed[data-embed-src]')) {
    const button = card.querySelector('[data-embed-load]');
    let src;
    try {
      src = new URL(card.dataset.embedSrc || '');
    } catch {
      continue;
    }
    if (!button || !PLAYER_ORIGINS.includes(src.origin)) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const frame = document.createElement('iframe');
      frame.src = src.href;
      frame.title = card.dataset.embedTitle || '';
      frame.className = 'embed-frame';
      frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
      frame.allowFullscreen = true;
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      button.replaceWith(frame);
      card.classList.add('embed-loaded');
      frame.focus();
    });
  }
})();
