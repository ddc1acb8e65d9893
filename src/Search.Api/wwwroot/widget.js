/*
 * News search widget. Embed with one element and one script tag:
 *
 *   <div data-news-search data-size="5" data-placeholder="Archiv durchsuchen …"></div>
 *   <script src="https://SEARCH-HOST/widget.js" defer></script>
 *
 * The API base is the folder this script was loaded from, so the widget always talks to the service that served it.
 * The embedding origin must be listed in the service's Search:CorsOrigins. Options (data attributes on the element):
 *   data-size         hits per request, 1 to 20 (default 5)
 *   data-placeholder  the search box's placeholder
 *   data-query        a search to run at once
 *   data-article-url  link for a hit, {id} is replaced (default: the service's own article page)
 *   data-target       where hit links open (default _blank)
 * Pages that add the element later call window.NewsSearchWidget.mount(element).
 * Everything renders into a shadow root styled only by widget.css from the same service; theme it with the custom
 * properties --news-search-accent, --news-search-mark, --news-search-font or the parts (::part(input), ::part(hit) …).
 */
(() => {
  'use strict';

  const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  const DEBOUNCE_MS = 300;
  const script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  const base = new URL('.', script && script.src ? script.src : location.href);
  const mounted = new WeakSet();
  const number = new Intl.NumberFormat('de-DE');

  function make(tag, className, text, part) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (part) node.setAttribute('part', part);
    return node;
  }

  function formatDate(value) {
    const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value || '');
    if (!match) return value || '';
    const month = MONTH_NAMES[Number(match[2]) - 1] || match[2];
    return match[3] ? `${Number(match[3])}. ${month} ${match[1]}` : `${month} ${match[1]}`;
  }

  function intOption(text, fallback, min, max) {
    const value = Number.parseInt(text || '', 10);
    return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  }

  function articleHref(template, id) {
    const raw = template ? template.split('{id}').join(encodeURIComponent(id)) : `?article=${encodeURIComponent(id)}`;
    try {
      const url = new URL(raw, base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }

  async function fetchJson(url, signal) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', signal });
    } catch (error) {
      if (error && error.name === 'AbortError') throw error;
      // A network failure and a cross-origin refusal look the same from here (a TypeError, by design of fetch).
      throw new Error('Die Suche ist gerade nicht erreichbar.');
    }
    const body = await response.json().catch(() => null);
    if (response.ok && body) return body;
    const messages = body && body.errors ? Object.values(body.errors).flat() : [];
    if (!messages.length) messages.push((body && (body.detail || body.title)) || `Fehler ${response.status}`);
    throw new Error(messages.join(' '));
  }

  function mount(host) {
    if (!(host instanceof Element) || mounted.has(host)) return;
    mounted.add(host);
    const options = {
      size: intOption(host.dataset.size, 5, 1, 20),
      placeholder: host.dataset.placeholder || 'Nachrichten durchsuchen …',
      articleUrl: host.dataset.articleUrl || '',
      target: host.dataset.target || '_blank',
    };

    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    const style = make('link');
    style.rel = 'stylesheet';
    style.href = new URL('widget.css', base).href;

    const box = make('div', 'box', null, 'container');
    const form = make('form', 'form', null, 'form');
    form.setAttribute('role', 'search');
    const input = make('input', 'input', null, 'input');
    input.type = 'search';
    input.autocomplete = 'off';
    input.maxLength = 1000;
    input.placeholder = options.placeholder;
    input.setAttribute('aria-label', options.placeholder);
    const submit = make('button', 'submit', 'Suchen', 'button');
    submit.type = 'submit';
    form.append(input, submit);
    const status = make('p', 'status', null, 'status');
    status.setAttribute('role', 'status');
    const suggestion = make('p', 'suggestion', 'Meinten Sie: ', 'suggestion');
    const suggestionButton = make('button', 'suggestion-button');
    suggestionButton.type = 'button';
    suggestion.append(suggestionButton, '?');
    suggestion.hidden = true;
    const error = make('p', 'error', null, 'error');
    error.setAttribute('role', 'alert');
    error.hidden = true;
    const hits = make('ol', 'hits', null, 'hits');
    const more = make('button', 'more', 'Weitere Treffer', 'more');
    more.type = 'button';
    more.hidden = true;
    box.append(form, status, suggestion, error, hits, more);
    root.replaceChildren(style, box);

    let controller = null;
    let timer = 0;
    let current = { q: '', next: null, shown: 0 };

    function renderHit(hit) {
      const li = make('li', 'hit', null, 'hit');
      const heading = make('h3', 'hit-heading');
      const href = articleHref(options.articleUrl, hit.id);
      const title = make(href ? 'a' : 'span', 'hit-title', hit.title, 'hit-title');
      if (href) {
        title.href = href;
        if (options.target) title.target = options.target;
        title.rel = 'noopener noreferrer';
      }
      heading.append(title);
      const meta = make('p', 'hit-meta', null, 'hit-meta');
      const time = make('time', 'date', formatDate(hit.date));
      time.dateTime = hit.date || '';
      meta.append(time);
      if (hit.source) meta.append(' · ', make('span', 'source', hit.source));
      const snippet = make('p', 'snippet', null, 'snippet');
      snippet.innerHTML = hit.snippet || ''; // server-escaped HTML: only <mark> is markup
      li.append(heading, meta, snippet);
      return li;
    }

    function clear() {
      if (controller) controller.abort();
      controller = null;
      current = { q: '', next: null, shown: 0 };
      hits.replaceChildren();
      status.textContent = '';
      error.hidden = true;
      suggestion.hidden = true;
      more.hidden = true;
      host.removeAttribute('aria-busy');
    }

    async function search(q, cursor) {
      if (controller) controller.abort();
      controller = new AbortController();
      const params = new URLSearchParams({ q, size: String(options.size) });
      if (cursor) params.set('cursor', cursor);
      host.setAttribute('aria-busy', 'true');
      more.disabled = true;
      try {
        const data = await fetchJson(new URL(`api/search?${params}`, base), controller.signal);
        if (!cursor) {
          hits.replaceChildren();
          current = { q, next: null, shown: 0 };
        }
        hits.append(...data.hits.map(renderHit));
        current.shown += data.hits.length;
        current.next = data.next || null;
        error.hidden = true;
        status.textContent = data.total === 0
          ? 'Keine Treffer.'
          : `${number.format(data.total)} Treffer${current.shown < data.total ? `, ${number.format(current.shown)} angezeigt` : ''}`;
        const didYouMean = typeof data.didYouMean === 'string' ? data.didYouMean.trim() : '';
        suggestionButton.textContent = didYouMean;
        suggestion.hidden = !didYouMean || didYouMean === q;
        more.hidden = !current.next || current.shown >= data.total;
      } catch (failure) {
        if (failure && failure.name === 'AbortError') return;
        if (!cursor) {
          hits.replaceChildren();
          status.textContent = '';
          suggestion.hidden = true;
          more.hidden = true;
        }
        error.textContent = failure && failure.message ? failure.message : String(failure);
        error.hidden = false;
      } finally {
        more.disabled = false;
        host.removeAttribute('aria-busy');
      }
    }

    function start(q) {
      clearTimeout(timer);
      const text = q.trim();
      if (!text) clear();
      else if (text !== current.q || !hits.childElementCount) search(text, null);
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      current.q = '';
      start(input.value);
    });
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => start(input.value), DEBOUNCE_MS);
    });
    more.addEventListener('click', () => { if (current.next) search(current.q, current.next); });
    suggestionButton.addEventListener('click', () => {
      input.value = suggestionButton.textContent;
      start(input.value);
    });

    if (host.dataset.query) {
      input.value = host.dataset.query;
      start(input.value);
    }
  }

  function mountAll() {
    document.querySelectorAll('[data-news-search]').forEach(mount);
  }

  window.NewsSearchWidget = Object.freeze({ mount, apiBase: base.href });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
