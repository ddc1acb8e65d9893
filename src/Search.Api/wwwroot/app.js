'use strict';

(() => {
  const DEFAULT_SIZE = 10;
  const MONTHS = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];
  const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  const $ = (id) => document.getElementById(id);
  const el = {
    form: $('search-form'), q: $('q'), suggestions: $('suggestions'), error: $('error'), resultsView: $('results-view'),
    summary: $('summary'), hits: $('hits'), didYouMean: $('did-you-mean'), didYouMeanLink: $('did-you-mean-link'), partial: $('partial'),
    pager: $('pager'), prev: $('prev'), next: $('next'), pageInfo: $('page-info'),
    article: $('article'), back: $('back'), articleTitle: $('article-title'), articleMeta: $('article-meta'),
    articleCaption: $('article-caption'), articleBody: $('article-body'), articleLink: $('article-link'), articleUrl: $('article-url'),
    related: $('related'), relatedHits: $('related-hits'),
  };

  // The facets shown beside the hits. Each is a URL parameter of the page and of /api/search (repeatable: any of the
  // values), a list of toggle buttons (button.facet[data-<key>]) and a reset button.
  const FACETS = [
    { key: 'month', list: $('month-facets'), reset: $('month-reset'), sort: 'value', label: (v) => monthLabel(v), title: (v) => monthLabel(v, true) },
    { key: 'year', list: $('year-facets'), reset: $('year-reset'), sort: 'value', label: (v) => v, title: (v) => v },
    { key: 'source', list: $('source-facets'), reset: $('source-reset'), sort: 'count', label: (v) => v, title: (v) => v },
  ];

  const number = new Intl.NumberFormat('de-DE');
  const millis = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
  let renderSeq = 0;
  let lastOpenedId = null;

  // ---- URL state -------------------------------------------------------------
  // Everything a reader sees follows from the URL, so a search (filters, page, open article) can be shared.
  function canonical(key, values) {
    const unique = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
    return key === 'source' ? unique.sort() : unique.sort().reverse();
  }

  function positiveInt(text, fallback, max) {
    const value = Number.parseInt(text || '', 10);
    return Number.isFinite(value) && value > 0 && value <= max ? value : fallback;
  }

  function readState() {
    const params = new URLSearchParams(location.search);
    const state = {
      q: params.get('q') || '',
      // prefix=last: the hits shown while typing, the last word also matching as the start of a word.
      prefix: params.get('prefix') === 'last' ? 'last' : '',
      page: positiveInt(params.get('page'), 1, 10000),
      size: positiveInt(params.get('size'), DEFAULT_SIZE, 100),
      article: params.get('article') || '',
    };
    FACETS.forEach((f) => { state[f.key] = canonical(f.key, params.getAll(f.key)); });
    return state;
  }

  function stateUrl(state) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    if (state.prefix) params.set('prefix', state.prefix);
    FACETS.forEach((f) => state[f.key].forEach((v) => params.append(f.key, v)));
    if (state.page > 1) params.set('page', String(state.page));
    if (state.size !== DEFAULT_SIZE) params.set('size', String(state.size));
    if (state.article) params.set('article', state.article);
    const query = params.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  function navigate(changes, historyState = null) {
    const state = { ...readState(), article: '', ...changes };
    history.pushState(historyState, '', stateUrl(state));
    render();
  }

  // ---- helpers ---------------------------------------------------------------
  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function monthLabel(value, long) {
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    if (!match) return value;
    const names = long ? MONTH_NAMES : MONTHS;
    return `${names[Number(match[2]) - 1] || match[2]} ${match[1]}`;
  }

  function dateNode(value) {
    const time = make('time', 'date');
    time.dateTime = value;
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    time.textContent = day ? `${Number(day[3])}. ${MONTH_NAMES[Number(day[2]) - 1]} ${day[1]}` : monthLabel(value, true);
    return time;
  }

  function fillMeta(target, item) {
    target.replaceChildren(dateNode(item.date));
    if (item.source) target.append(' · ', make('span', 'source', item.source));
  }

  function isPlainClick(event) {
    return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
  }

  async function fetchJson(url, signal) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
    } catch (error) {
      if (error && error.name === 'AbortError') throw error;
      throw new Error('Der Server ist nicht erreichbar. Bitte später erneut versuchen.');
    }
    const body = await response.json().catch(() => null);
    if (response.ok && body) return body;
    const messages = body && body.errors ? Object.values(body.errors).flat() : [];
    if (!messages.length) messages.push((body && (body.detail || body.title)) || `Fehler ${response.status}`);
    throw new Error(messages.join('\n'));
  }

  function showError(error) {
    const lines = String(error && error.message ? error.message : error).split('\n');
    el.error.replaceChildren(...lines.map((line) => make('p', null, line)));
    el.error.hidden = false;
  }

  // ---- rendering -------------------------------------------------------------
  async function render() {
    const seq = ++renderSeq;
    const state = readState();
    // While the reader types, the box already says it (perhaps with a space the URL leaves out): leave it alone.
    if (el.q.value.trim() !== state.q) el.q.value = state.q;
    el.error.hidden = true;
    document.title = (state.q ? `${state.q} – ` : '') + 'Nachrichtensuche';
    if (state.article) return renderArticle(state, seq);

    el.article.hidden = true;
    el.resultsView.hidden = false;
    el.resultsView.setAttribute('aria-busy', 'true');
    const params = new URLSearchParams({ q: state.q, page: String(state.page), size: String(state.size) });
    if (state.prefix) params.set('prefix', state.prefix);
    FACETS.forEach((f) => state[f.key].forEach((v) => params.append(f.key, v)));
    try {
      const data = await fetchJson('api/search?' + params);
      if (seq !== renderSeq) return;
      renderResults(state, data);
    } catch (error) {
      if (seq !== renderSeq) return;
      el.summary.textContent = '';
      el.hits.replaceChildren();
      el.didYouMean.hidden = true;
      el.partial.hidden = true;
      FACETS.forEach((f) => f.list.replaceChildren());
      el.pager.hidden = true;
      showError(error);
    } finally {
      if (seq === renderSeq) el.resultsView.removeAttribute('aria-busy');
    }
  }

  function renderResults(state, data) {
    const pages = Math.max(1, Math.ceil(data.total / data.size));
    el.summary.textContent = `${number.format(data.total)} Treffer · ${millis.format(data.tookMs)} ms`;
    el.hits.start = (data.page - 1) * data.size + 1;
    el.hits.replaceChildren(...data.hits.map((hit) => renderHit(state, hit)));
    if (data.total === 0) el.summary.textContent += ' · Versuchen Sie andere oder weniger Suchwörter.';
    else if (!data.hits.length) el.summary.textContent += ` · Seite ${data.page} ist leer`;

    const suggestion = typeof data.didYouMean === 'string' ? data.didYouMean.trim() : '';
    el.didYouMean.hidden = !suggestion || suggestion === state.q;
    el.didYouMeanLink.textContent = suggestion;
    el.didYouMeanLink.href = stateUrl({ ...state, q: suggestion, prefix: '', page: 1, article: '' });
    el.didYouMeanLink.dataset.q = suggestion;
    el.partial.hidden = !data.partial;

    el.prev.hidden = data.page <= 1;
    el.next.hidden = data.page * data.size >= data.total;
    el.pager.hidden = el.prev.hidden && el.next.hidden;
    el.pageInfo.textContent = `Seite ${number.format(data.page)} von ${number.format(pages)}`;

    FACETS.forEach((f) => renderFacet(f, state[f.key], (data.facets && data.facets[f.key]) || []));
  }

  function renderHit(state, hit) {
    const li = make('li', 'hit');
    const heading = make('h3', 'hit-heading');
    const link = make('a', 'hit-title', hit.title);
    link.href = stateUrl({ ...state, article: hit.id });
    link.dataset.id = hit.id;
    heading.append(link);
    const meta = make('p', 'hit-meta');
    fillMeta(meta, hit);
    li.append(heading, meta);
    if (hit.caption) li.append(make('p', 'caption', hit.caption));
    const snippet = make('p', 'snippet');
    snippet.innerHTML = hit.snippet || ''; // server-escaped HTML with <mark> only
    li.append(snippet);
    return li;
  }

  function renderFacet(facet, selectedValues, counts) {
    const selected = new Set(selectedValues);
    const values = new Map(counts.map((c) => [c.value, c.count]));
    selected.forEach((v) => { if (!values.has(v)) values.set(v, 0); });
    let entries = [...values];
    // Months and years read newest first; sources keep the API's order (most hits first).
    if (facet.sort === 'value') entries = entries.sort((a, b) => (a[0] < b[0] ? 1 : -1));
    const items = entries.map(([value, count]) => {
      const button = make('button', 'facet');
      button.type = 'button';
      button.dataset[facet.key] = value;
      button.setAttribute('aria-pressed', String(selected.has(value)));
      button.setAttribute('aria-label', `${facet.title(value)}, ${number.format(count)} Treffer`);
      button.append(make('span', 'facet-label', facet.label(value)), make('span', 'facet-count', number.format(count)));
      const li = make('li');
      li.append(button);
      return li;
    });
    const focused = facet.list.contains(document.activeElement) ? document.activeElement.dataset[facet.key] : null;
    facet.list.replaceChildren(...items);
    if (focused) facet.list.querySelector(`button.facet[data-${facet.key}="${CSS.escape(focused)}"]`)?.focus();
    facet.reset.setAttribute('aria-pressed', String(selected.size === 0));
    facet.list.closest('.facet-group').hidden = items.length === 0;
  }

  async function renderArticle(state, seq) {
    el.resultsView.hidden = true;
    el.article.hidden = false;
    lastOpenedId = state.article;
    el.articleTitle.textContent = 'Artikel wird geladen …';
    el.articleMeta.replaceChildren();
    el.articleCaption.hidden = true;
    el.articleBody.replaceChildren();
    el.articleLink.hidden = true;
    el.related.hidden = true;
    el.relatedHits.replaceChildren();
    const id = encodeURIComponent(state.article);
    // Related articles are extra: when they fail, the article still shows.
    const related = fetchJson(`api/articles/${id}/related?size=5`).catch(() => null);
    try {
      const article = await fetchJson(`api/articles/${id}`);
      if (seq !== renderSeq) return;
      el.articleTitle.textContent = article.title;
      document.title = `${article.title} – Nachrichtensuche`;
      fillMeta(el.articleMeta, article);
      el.articleCaption.textContent = article.caption || '';
      el.articleCaption.hidden = !article.caption;
      const paragraphs = String(article.body || '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      el.articleBody.replaceChildren(...paragraphs.map((p) => make('p', null, p)));
      if (article.url && /^https?:\/\//i.test(article.url)) {
        el.articleUrl.href = article.url;
        el.articleLink.hidden = false;
      }
    } catch (error) {
      if (seq !== renderSeq) return;
      el.articleTitle.textContent = 'Artikel nicht verfügbar';
      showError(error);
    }
    el.articleTitle.focus();

    const similar = await related;
    if (seq !== renderSeq || !similar || !Array.isArray(similar.hits) || !similar.hits.length) return;
    el.relatedHits.replaceChildren(...similar.hits.map((hit) => renderHit(state, hit)));
    el.related.hidden = false;
  }

  // ---- search as you type ----------------------------------------------------
  // While the reader types, the hits follow the box: the last word, still being typed, also matches as the start of
  // a word (prefix=last, kept in the URL so a reload shows the same; one history entry for the whole typing). A list
  // under the box offers completions of the last word from /api/suggest within the page's filters. It is a WAI-ARIA
  // combobox with manual selection: ArrowDown and ArrowUp move through the options (from the last to the first and
  // back round) without changing the box; Enter or a click searches the active option as whole words, Enter without
  // one the box; Escape closes the list (a second one empties the box, as in any search box); Tab, a click elsewhere
  // and a search close it too.
  const TYPING_MS = 250;
  const SUGGEST_SIZE = 8;
  const MAX_SUGGEST_LENGTH = 100; // /api/suggest refuses longer text
  const LAST_WORD = /[\p{L}\p{Nd}]+$/u; // the word being typed, as the API splits it
  let typingTimer = 0;
  let suggestController = null;
  let suggestSeq = 0;
  let activeOption = -1;

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

  function optionNode(typed, suggestion, index) {
    const { plain, marked } = splitCompletion(typed, suggestion.text);
    const option = make('li', 'option');
    option.id = `suggestion-${index}`;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    option.dataset.text = suggestion.text;
    const text = make('span', 'option-text', plain);
    if (marked) text.append(make('mark', null, marked));
    option.append(text);
    if (Number.isFinite(suggestion.articles)) {
      const count = make('span', 'option-count', number.format(suggestion.articles));
      count.setAttribute('aria-hidden', 'true');
      option.append(count);
    }
    return option;
  }

  function options() {
    return el.suggestions.querySelectorAll('[role="option"]');
  }

  function closeSuggestions() {
    suggestSeq++;
    if (suggestController) suggestController.abort();
    suggestController = null;
    activeOption = -1;
    el.suggestions.hidden = true;
    el.suggestions.replaceChildren();
    el.q.setAttribute('aria-expanded', 'false');
    el.q.removeAttribute('aria-activedescendant');
  }

  function showSuggestions(typed, suggestions) {
    const usable = suggestions.filter((s) => s && typeof s.text === 'string' && s.text);
    if (!usable.length) return closeSuggestions();
    activeOption = -1;
    el.suggestions.replaceChildren(...usable.map((s, i) => optionNode(typed, s, i)));
    el.suggestions.hidden = false;
    el.q.setAttribute('aria-expanded', 'true');
    el.q.removeAttribute('aria-activedescendant');
  }

  // The list for the box's text; the answer to an older text is dropped (aborted when still on its way).
  async function requestSuggestions(raw) {
    const text = raw.trimStart();
    if (!text || text.length > MAX_SUGGEST_LENGTH || !LAST_WORD.test(text)) return closeSuggestions();
    const seq = ++suggestSeq;
    if (suggestController) suggestController.abort();
    const controller = new AbortController();
    suggestController = controller;
    const state = readState();
    const params = new URLSearchParams({ q: text, size: String(SUGGEST_SIZE) });
    FACETS.forEach((f) => state[f.key].forEach((v) => params.append(f.key, v)));
    let data;
    try {
      data = await fetchJson('api/suggest?' + params, controller.signal);
    } catch {
      if (seq === suggestSeq) closeSuggestions(); // completions are extra: when they fail, the box works without them
      return;
    }
    if (seq !== suggestSeq) return;
    suggestController = null;
    if (document.activeElement !== el.q) return;
    showSuggestions(text, Array.isArray(data.suggestions) ? data.suggestions : []);
  }

  function setActive(index) {
    const all = options();
    activeOption = index;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    el.q.setAttribute('aria-activedescendant', all[index].id);
    all[index].scrollIntoView({ block: 'nearest' });
  }

  function moveActive(step) {
    const count = options().length;
    if (!count) return;
    setActive(activeOption < 0 ? (step > 0 ? 0 : count - 1) : (activeOption + step + count) % count);
  }

  // The hits for the box as it is now, the last word as a prefix when the reader is in the middle of it.
  function searchWhileTyping(raw) {
    const q = raw.trim();
    const prefix = LAST_WORD.test(raw) ? 'last' : '';
    const current = readState();
    if (!current.article && current.q === q && current.prefix === prefix) return;
    const url = stateUrl({ ...current, q, prefix, page: 1, article: '' });
    if (history.state && history.state.typing) history.replaceState(history.state, '', url);
    else history.pushState({ typing: true }, '', url);
    render();
  }

  // A search for chosen words, whole: it takes the place of the hits shown while typing, in the history too.
  function commit(q) {
    clearTimeout(typingTimer);
    closeSuggestions();
    const changes = { q, page: 1, prefix: '' };
    if (history.state && history.state.typing) {
      history.replaceState(null, '', stateUrl({ ...readState(), article: '', ...changes }));
      render();
    } else {
      navigate(changes);
    }
  }

  function choose(text) {
    el.q.value = text;
    commit(text.trim());
  }

  // ---- events ----------------------------------------------------------------
  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(el.q.value.trim());
  });

  el.q.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      requestSuggestions(el.q.value);
      searchWhileTyping(el.q.value);
    }, TYPING_MS);
  });

  el.q.addEventListener('keydown', (event) => {
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const open = !el.suggestions.hidden;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (open) {
          moveActive(event.key === 'ArrowDown' ? 1 : -1);
        } else {
          clearTimeout(typingTimer);
          requestSuggestions(el.q.value);
        }
        break;
      case 'Enter':
        if (open && activeOption >= 0) {
          event.preventDefault();
          choose(options()[activeOption].dataset.text);
        }
        break; // otherwise the form submits the box
      case 'Escape':
        if (open) {
          event.preventDefault(); // the list closes; only an Escape without a list empties the box
          closeSuggestions();
        }
        break;
      case 'Tab':
        closeSuggestions();
        break;
      default:
    }
  });

  el.q.addEventListener('blur', closeSuggestions);
  // A press on an option keeps the focus in the box, so the list is still there for the click.
  el.suggestions.addEventListener('mousedown', (event) => event.preventDefault());
  el.suggestions.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) choose(option.dataset.text);
  });

  FACETS.forEach((facet) => {
    facet.list.addEventListener('click', (event) => {
      const button = event.target.closest('button.facet');
      if (!button) return;
      const values = new Set(readState()[facet.key]);
      const value = button.dataset[facet.key];
      if (values.has(value)) values.delete(value); else values.add(value);
      navigate({ [facet.key]: canonical(facet.key, [...values]), page: 1 });
    });
    facet.reset.addEventListener('click', () => navigate({ [facet.key]: [], page: 1 }));
  });

  el.didYouMeanLink.addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    commit(el.didYouMeanLink.dataset.q || '');
  });

  el.prev.addEventListener('click', () => { navigate({ page: Math.max(1, readState().page - 1) }); el.summary.scrollIntoView(); });
  el.next.addEventListener('click', () => { navigate({ page: readState().page + 1 }); el.summary.scrollIntoView(); });

  function openArticleLink(event, historyState) {
    const link = event.target.closest('a.hit-title');
    if (!link || !isPlainClick(event)) return;
    event.preventDefault();
    history.pushState(historyState, '', link.getAttribute('href'));
    window.scrollTo(0, 0);
    render();
  }

  el.hits.addEventListener('click', (event) => openArticleLink(event, { fromResults: true }));
  el.relatedHits.addEventListener('click', (event) => openArticleLink(event, null));

  el.back.addEventListener('click', () => {
    if (history.state && history.state.fromResults) history.back();
    else navigate({ article: '' });
  });

  window.addEventListener('popstate', async () => {
    clearTimeout(typingTimer);
    closeSuggestions();
    const wasArticle = !el.article.hidden;
    await render();
    if (wasArticle && lastOpenedId && el.article.hidden) {
      const link = el.hits.querySelector(`a.hit-title[data-id="${CSS.escape(lastOpenedId)}"]`);
      if (link) link.focus();
    }
  });

  render();
})();
