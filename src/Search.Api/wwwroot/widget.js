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
 * What the widget shares with the service's search page (dates, marked text, fetching, the list of completions) comes
 * from search-ui.js beside this script, which it adds to the page with a script tag of its own (see search-ui.js for
 * why not as a module); widgets are mounted once it has arrived, so an embedding page's CSP allows the service's
 * origin in script-src as for this script.
 * Everything renders into a shadow root styled only by widget.css from the same service; theme it with the custom
 * properties --news-search-accent, --news-search-mark, --news-search-font or the parts (::part(input), ::part(hit),
 * ::part(suggestions), ::part(option) …).
 *
 * The widget searches as the reader types, the last word also matching as the start of a word (prefix=last), and
 * offers completions of that word in a list under the box (/api/suggest), a WAI-ARIA combobox with manual selection:
 * ArrowDown and ArrowUp move through the options (from the last to the first and back round) without changing the box;
 * Enter or a click searches the active option as whole words, Enter without one the box; Escape closes the list (a
 * second one empties the box); Tab, a click elsewhere and a search close it too.
 */
(() => {
  'use strict';

  const DEBOUNCE_MS = 300;
  const SUGGEST_SIZE = 6;
  const script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  const base = new URL('.', script && script.src ? script.src : location.href);
  const mounted = new WeakSet();
  const waiting = []; // elements to mount once search-ui.js has arrived
  let ui = null; // window.NewsSearchUi, once it has arrived
  let widgets = 0;

  // search-ui.js from the service that served this script, unless the page has it already; then ready(it).
  function loadShared(ready) {
    if (window.NewsSearchUi) {
      ready(window.NewsSearchUi);
      return;
    }
    const tag = document.createElement('script');
    tag.src = new URL('search-ui.js', base).href;
    tag.addEventListener('load', () => ready(window.NewsSearchUi));
    (document.head || document.documentElement).append(tag);
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

  // Whether the service answers at all. A network failure and a cross-origin refusal look the same to fetch (a
  // TypeError, by design), but a no-cors request needs no permission: it succeeds (with an opaque answer) whenever the
  // service is up. So when a search fails and this probe succeeds, the service refused this site.
  async function serviceAnswers() {
    try {
      await fetch(new URL('health', base), { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
      return true;
    } catch {
      return false;
    }
  }

  function fetchJson(url, signal) {
    return ui.fetchJson(url, {
      signal,
      credentials: 'omit',
      unreachable: async () => (await serviceAnswers()
        ? new Error(`Diese Seite (${location.origin}) darf die Nachrichtensuche nicht verwenden: der Dienst muss sie in Search:CorsOrigins erlauben.`)
        : new Error('Die Suche ist gerade nicht erreichbar.')),
    });
  }

  // Elements passed before search-ui.js has arrived are mounted when it has.
  function mount(host) {
    if (!(host instanceof Element) || mounted.has(host)) return;
    if (!ui) {
      waiting.push(host);
      return;
    }
    mounted.add(host);
    const { LAST_WORD, number, make, fillMeta, setMarked, completionList } = ui;
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
    const id = `news-search-${++widgets}`;
    const combo = make('div', 'combo');
    const input = make('input', 'input', null, 'input');
    input.type = 'search';
    input.autocomplete = 'off';
    input.maxLength = 1000;
    input.placeholder = options.placeholder;
    input.setAttribute('aria-label', options.placeholder);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', `${id}-suggestions`);
    const list = make('ul', 'suggestions', null, 'suggestions');
    list.id = `${id}-suggestions`;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Vorschläge');
    list.hidden = true;
    combo.append(input, list);
    const submit = make('button', 'submit', 'Suchen', 'button');
    submit.type = 'submit';
    form.append(combo, submit);
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
    let current = { q: '', prefix: false, next: null, shown: 0 };

    function renderHit(hit) {
      const li = make('li', 'hit', null, 'hit');
      const heading = make('h3', 'hit-heading');
      const href = articleHref(options.articleUrl, hit.id);
      const title = make(href ? 'a' : 'span', 'hit-title', null, 'hit-title');
      // Marked: a hit that matched in its title alone shows why.
      setMarked(title, hit.titleHtml, hit.title);
      if (href) {
        title.href = href;
        if (options.target) title.target = options.target;
        title.rel = 'noopener noreferrer';
      }
      heading.append(title);
      const meta = make('p', 'hit-meta', null, 'hit-meta');
      fillMeta(meta, hit);
      const snippet = make('p', 'snippet', null, 'snippet');
      setMarked(snippet, hit.snippet || '');
      li.append(heading, meta);
      // The widget shows no captions, except one with the words a hit was found by.
      if (typeof hit.captionHtml === 'string' && hit.captionHtml.includes('<mark>')) {
        const caption = make('p', 'caption', null, 'caption');
        setMarked(caption, hit.captionHtml);
        li.append(caption);
      }
      li.append(snippet);
      return li;
    }

    function clear() {
      if (controller) controller.abort();
      controller = null;
      current = { q: '', prefix: false, next: null, shown: 0 };
      hits.replaceChildren();
      status.textContent = '';
      error.hidden = true;
      suggestion.hidden = true;
      more.hidden = true;
      host.removeAttribute('aria-busy');
    }

    // prefix: the reader is still typing the last word, which then also matches as the start of a word.
    async function search(q, cursor, prefix) {
      if (controller) controller.abort();
      controller = new AbortController();
      const params = new URLSearchParams({ q, size: String(options.size) });
      if (prefix) params.set('prefix', 'last');
      if (cursor) params.set('cursor', cursor);
      host.setAttribute('aria-busy', 'true');
      more.disabled = true;
      try {
        const data = await fetchJson(new URL(`api/search?${params}`, base), controller.signal);
        if (!cursor) {
          hits.replaceChildren();
          current = { q, prefix, next: null, shown: 0 };
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
        // The problem's messages on one line.
        error.textContent = failure && failure.messages ? failure.messages.join(' ') : failure && failure.message ? failure.message : String(failure);
        error.hidden = false;
      } finally {
        more.disabled = false;
        host.removeAttribute('aria-busy');
      }
    }

    // typing: the reader is still typing, so a last word not followed by a space is searched as a prefix.
    function start(raw, typing) {
      clearTimeout(timer);
      const text = raw.trim();
      const prefix = Boolean(typing) && LAST_WORD.test(raw);
      if (!text) clear();
      else if (text !== current.q || prefix !== current.prefix || !hits.childElementCount) search(text, null, prefix);
    }

    // ---- the list of completions (a combobox) ----
    const completions = completionList({
      input,
      list,
      idPrefix: `${id}-option-`,
      parts: true,
      load: (text, signal) => fetchJson(new URL(`api/suggest?${new URLSearchParams({ q: text, size: String(SUGGEST_SIZE) })}`, base), signal),
      choose: commit,
      reopen: () => completions.request(input.value),
    });

    // A search for chosen words, whole.
    function commit(text) {
      completions.close();
      input.value = text;
      current.q = '';
      start(text, false);
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      commit(input.value);
    });
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        completions.request(input.value);
        start(input.value, true);
      }, DEBOUNCE_MS);
    });
    more.addEventListener('click', () => { if (current.next) search(current.q, current.next, current.prefix); });
    suggestionButton.addEventListener('click', () => commit(suggestionButton.textContent));

    if (host.dataset.query) {
      input.value = host.dataset.query;
      start(input.value, false);
    }
  }

  function mountAll() {
    document.querySelectorAll('[data-news-search]').forEach(mount);
  }

  window.NewsSearchWidget = Object.freeze({ mount, apiBase: base.href });
  loadShared((shared) => {
    ui = shared;
    waiting.splice(0).forEach(mount);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
    else mountAll();
  });
})();
