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

  const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  const DEBOUNCE_MS = 300;
  const SUGGEST_SIZE = 6;
  const MAX_SUGGEST_LENGTH = 100; // /api/suggest refuses longer text
  const LAST_WORD = /[\p{L}\p{Nd}]+$/u; // the word being typed, as the API splits it
  const script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  const base = new URL('.', script && script.src ? script.src : location.href);
  const mounted = new WeakSet();
  const number = new Intl.NumberFormat('de-DE');
  let widgets = 0;

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

  // A word lowercased with umlauts, ß and ae/oe/ue folded as the index folds it (Lucene's GermanNormalizationFilter),
  // to see how much of a completion the reader typed: Strasse and Straße, Haeuser and Häuser alike.
  function fold(word) {
    let folded = '';
    let state = 'other';
    for (const c of word.toLowerCase()) {
      if (c === 'e' && state === 'umlaut') { state = 'vowel'; continue; }
      if (c === 'ä' || c === 'ö' || c === 'ü') { folded += c === 'ä' ? 'a' : c === 'ö' ? 'o' : 'u'; state = 'vowel'; continue; }
      folded += c === 'ß' ? 'ss' : c;
      if (c === 'a' || c === 'o') state = 'umlaut';
      else if (c === 'u') state = state === 'other' ? 'umlaut' : 'vowel';
      else state = c === 'e' || c === 'i' || c === 'q' || c === 'y' ? 'vowel' : 'other';
    }
    return folded;
  }

  // A completion split into what the reader typed (plain) and what it adds (marked). A completion that does not start
  // with the typed word (one typo away) has the whole word marked.
  function splitCompletion(typed, text) {
    const last = (LAST_WORD.exec(typed) || [''])[0];
    const head = typed.slice(0, typed.length - last.length);
    const start = text.startsWith(head) ? head.length : text.length - (LAST_WORD.exec(text) || [''])[0].length;
    const word = text.slice(start);
    const prefix = fold(last);
    for (let end = 1; end <= word.length; end++) {
      if (fold(word.slice(0, end)).startsWith(prefix)) return { plain: text.slice(0, start + end), marked: text.slice(start + end) };
    }
    return { plain: text.slice(0, start), marked: word };
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
    let suggestController = null;
    let suggestSeq = 0;
    let active = -1;

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
        error.textContent = failure && failure.message ? failure.message : String(failure);
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
    function optionNode(typed, item, index) {
      const { plain, marked } = splitCompletion(typed, item.text);
      const option = make('li', 'option', null, 'option');
      option.id = `${id}-option-${index}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.text = item.text;
      const text = make('span', 'option-text', plain);
      if (marked) text.append(make('mark', null, marked));
      option.append(text);
      if (Number.isFinite(item.articles)) {
        const count = make('span', 'option-count', number.format(item.articles));
        count.setAttribute('aria-hidden', 'true');
        option.append(count);
      }
      return option;
    }

    function optionNodes() {
      return list.querySelectorAll('[role="option"]');
    }

    function closeList() {
      suggestSeq++;
      if (suggestController) suggestController.abort();
      suggestController = null;
      active = -1;
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    // The list for the box's text; the answer to an older text is dropped (aborted when still on its way).
    async function suggest(raw) {
      const text = raw.trimStart();
      if (!text || text.length > MAX_SUGGEST_LENGTH || !LAST_WORD.test(text)) return closeList();
      const seq = ++suggestSeq;
      if (suggestController) suggestController.abort();
      const request = new AbortController();
      suggestController = request;
      const params = new URLSearchParams({ q: text, size: String(SUGGEST_SIZE) });
      let data;
      try {
        data = await fetchJson(new URL(`api/suggest?${params}`, base), request.signal);
      } catch {
        if (seq === suggestSeq) closeList(); // completions are extra: when they fail, the box works without them
        return;
      }
      if (seq !== suggestSeq) return;
      suggestController = null;
      const items = (Array.isArray(data.suggestions) ? data.suggestions : []).filter((item) => item && typeof item.text === 'string' && item.text);
      if (!items.length || root.activeElement !== input) return closeList();
      active = -1;
      list.replaceChildren(...items.map((item, i) => optionNode(text, item, i)));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      input.removeAttribute('aria-activedescendant');
    }

    function move(step) {
      const all = optionNodes();
      if (!all.length) return;
      active = active < 0 ? (step > 0 ? 0 : all.length - 1) : (active + step + all.length) % all.length;
      all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
      input.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    }

    // A search for chosen words, whole.
    function commit(text) {
      closeList();
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
        suggest(input.value);
        start(input.value, true);
      }, DEBOUNCE_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
      const open = !list.hidden;
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp':
          event.preventDefault();
          if (open) {
            move(event.key === 'ArrowDown' ? 1 : -1);
          } else {
            suggest(input.value);
          }
          break;
        case 'Enter':
          if (open && active >= 0) {
            event.preventDefault();
            commit(optionNodes()[active].dataset.text);
          }
          break; // otherwise the form submits the box
        case 'Escape':
          if (open) {
            event.preventDefault(); // the list closes; only an Escape without a list empties the box
            closeList();
          }
          break;
        case 'Tab':
          closeList();
          break;
        default:
      }
    });
    input.addEventListener('blur', closeList);
    // A press on an option keeps the focus in the box, so the list is still there for the click.
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) commit(option.dataset.text);
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
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
