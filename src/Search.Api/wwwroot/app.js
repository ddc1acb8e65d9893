'use strict';

// The search page. What it shares with the widget (elements, dates, fetching, the list of completions) is in
// search-ui.js, which index.html loads first.
(() => {
  const { LAST_WORD, number, make, monthLabel, fillMeta, setMarked, fetchJson: fetchApi, completionList } = window.NewsSearchUi;
  const DEFAULT_SIZE = 10;
  const MAX_WINDOW = 10000; // the API answers page × size up to this; deeper lists need its cursor
  const $ = (id) => document.getElementById(id);
  const el = {
    form: $('search-form'), q: $('q'), suggestions: $('suggestions'), error: $('error'), resultsView: $('results-view'),
    summary: $('summary'), hits: $('hits'), didYouMean: $('did-you-mean'), didYouMeanLink: $('did-you-mean-link'), partial: $('partial'),
    pager: $('pager'), prev: $('prev'), next: $('next'), pageInfo: $('page-info'), windowNote: $('window-note'),
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

  const millis = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
  let renderSeq = 0;
  let lastOpenedId = null;
  let keyboardUsed = false; // the reader's last input was a key, not a pointer (or nothing yet)

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
      page: positiveInt(params.get('page'), 1, MAX_WINDOW),
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
  function isPlainClick(event) {
    return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
  }

  function fetchJson(url, signal) {
    return fetchApi(url, { signal, unreachable: () => new Error('Der Server ist nicht erreichbar. Bitte später erneut versuchen.') });
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
      // No facets to offer: the groups go too, not only their values.
      FACETS.forEach((f) => { f.list.replaceChildren(); f.list.closest('.facet-group').hidden = true; });
      el.pager.hidden = true;
      el.windowNote.hidden = true;
      showError(error);
    } finally {
      if (seq === renderSeq) el.resultsView.removeAttribute('aria-busy');
    }
  }

  function renderResults(state, data) {
    // Pages are numbered in the URL (page × size ≤ MAX_WINDOW, as the API allows); deeper hits need a narrower search.
    const reachable = Math.max(1, Math.floor(MAX_WINDOW / data.size));
    const pages = Math.max(1, Math.min(reachable, Math.ceil(data.total / data.size)));
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
    el.next.hidden = data.page * data.size >= data.total || data.page >= reachable;
    el.pager.hidden = el.prev.hidden && el.next.hidden;
    el.pageInfo.textContent = `Seite ${number.format(data.page)} von ${number.format(pages)}`;
    const cut = data.total > reachable * data.size;
    el.windowNote.hidden = !cut;
    el.windowNote.textContent = cut
      ? `Angezeigt werden die ersten ${number.format(reachable * data.size)} Treffer. Für weitere grenzen Sie die Suche ein: mehr Suchwörter, Monat, Jahr oder Quelle.`
      : '';

    FACETS.forEach((f) => renderFacet(f, state[f.key], (data.facets && data.facets[f.key]) || []));
  }

  function renderHit(state, hit) {
    const li = make('li', 'hit');
    const heading = make('h3', 'hit-heading');
    const link = make('a', 'hit-title');
    // Marked: a hit that matched in its title alone shows why.
    setMarked(link, hit.titleHtml, hit.title);
    link.href = stateUrl({ ...state, article: hit.id });
    link.dataset.id = hit.id;
    heading.append(link);
    const meta = make('p', 'hit-meta');
    fillMeta(meta, hit);
    li.append(heading, meta);
    if (hit.caption) {
      const caption = make('p', 'caption');
      setMarked(caption, hit.captionHtml, hit.caption);
      li.append(caption);
    }
    const snippet = make('p', 'snippet');
    setMarked(snippet, hit.snippet || '');
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
    // Focus moves to the heading so a screen reader reads the article and Tab goes on from there; the ring shows only
    // to a reader who came by keyboard (a page opened from its URL would otherwise inherit the search box's ring).
    el.articleTitle.dataset.focusRing = String(keyboardUsed);
    el.articleTitle.focus();

    const similar = await related;
    if (seq !== renderSeq || !similar || !Array.isArray(similar.hits) || !similar.hits.length) return;
    el.relatedHits.replaceChildren(...similar.hits.map((hit) => renderHit(state, hit)));
    el.related.hidden = false;
  }

  // ---- search as you type ----------------------------------------------------
  // While the reader types, the hits follow the box: the last word, still being typed, also matches as the start of
  // a word (prefix=last, kept in the URL so a reload shows the same; one history entry for the whole typing). A list
  // under the box offers completions of the last word from /api/suggest within the page's filters, a WAI-ARIA combobox
  // (search-ui.js's completionList, with its keys); a chosen completion is searched as whole words.
  const TYPING_MS = 250;
  const SUGGEST_SIZE = 8;
  let typingTimer = 0;

  const completions = completionList({
    input: el.q,
    list: el.suggestions,
    idPrefix: 'suggestion-',
    load: (text, signal) => {
      const state = readState();
      const params = new URLSearchParams({ q: text, size: String(SUGGEST_SIZE) });
      FACETS.forEach((f) => state[f.key].forEach((v) => params.append(f.key, v)));
      return fetchJson('api/suggest?' + params, signal);
    },
    choose,
    reopen: () => {
      clearTimeout(typingTimer);
      completions.request(el.q.value);
    },
  });

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
    completions.close();
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
  document.addEventListener('keydown', () => { keyboardUsed = true; }, true);
  document.addEventListener('pointerdown', () => { keyboardUsed = false; }, true);

  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(el.q.value.trim());
  });

  el.q.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      completions.request(el.q.value);
      searchWhileTyping(el.q.value);
    }, TYPING_MS);
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
    completions.close();
    const wasArticle = !el.article.hidden;
    await render();
    if (wasArticle && lastOpenedId && el.article.hidden) {
      const link = el.hits.querySelector(`a.hit-title[data-id="${CSS.escape(lastOpenedId)}"]`);
      if (link) link.focus();
    }
  });

  render();
})();
