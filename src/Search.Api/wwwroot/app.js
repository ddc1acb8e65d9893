'use strict';

(() => {
  const PAGE_SIZE = 10;
  const MONTHS = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];
  const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  const $ = (id) => document.getElementById(id);
  const el = {
    form: $('search-form'), q: $('q'), error: $('error'), resultsView: $('results-view'),
    summary: $('summary'), hits: $('hits'), facets: $('month-facets'), reset: $('month-reset'),
    pager: $('pager'), prev: $('prev'), next: $('next'), pageInfo: $('page-info'),
    article: $('article'), back: $('back'), articleTitle: $('article-title'), articleMeta: $('article-meta'),
    articleCaption: $('article-caption'), articleBody: $('article-body'), articleLink: $('article-link'), articleUrl: $('article-url'),
  };
  const number = new Intl.NumberFormat('de-DE');
  const millis = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
  let renderSeq = 0;
  let lastOpenedId = null;

  // ---- URL state -------------------------------------------------------------
  function readState() {
    const params = new URLSearchParams(location.search);
    const page = Number.parseInt(params.get('page') || '1', 10);
    return {
      q: params.get('q') || '',
      months: [...new Set(params.getAll('month').filter(Boolean))].sort().reverse(),
      page: Number.isFinite(page) && page > 0 ? page : 1,
      article: params.get('article') || '',
    };
  }

  function stateUrl(state) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    state.months.forEach((m) => params.append('month', m));
    if (state.page > 1) params.set('page', String(state.page));
    if (state.article) params.set('article', state.article);
    const query = params.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  function navigate(changes) {
    const state = { ...readState(), article: '', ...changes };
    history.pushState(null, '', stateUrl(state));
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

  async function fetchJson(url) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch {
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
    el.q.value = state.q;
    el.error.hidden = true;
    document.title = (state.q ? `${state.q} – ` : '') + 'Nachrichtensuche';
    if (state.article) return renderArticle(state, seq);

    el.article.hidden = true;
    el.resultsView.hidden = false;
    el.resultsView.setAttribute('aria-busy', 'true');
    const params = new URLSearchParams({ q: state.q, page: String(state.page), size: String(PAGE_SIZE) });
    state.months.forEach((m) => params.append('month', m));
    try {
      const data = await fetchJson('/api/search?' + params);
      if (seq !== renderSeq) return;
      renderResults(state, data);
    } catch (error) {
      if (seq !== renderSeq) return;
      el.summary.textContent = '';
      el.hits.replaceChildren();
      el.facets.replaceChildren();
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

    el.prev.hidden = data.page <= 1;
    el.next.hidden = data.page * data.size >= data.total;
    el.pager.hidden = el.prev.hidden && el.next.hidden;
    el.pageInfo.textContent = `Seite ${number.format(data.page)} von ${number.format(pages)}`;

    renderFacets(state, data.facets && data.facets.month ? data.facets.month : []);
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

  function renderFacets(state, facets) {
    const selected = new Set(state.months);
    const values = new Map(facets.map((f) => [f.value, f.count]));
    selected.forEach((m) => { if (!values.has(m)) values.set(m, 0); });
    const items = [...values].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([value, count]) => {
      const button = make('button', 'facet');
      button.type = 'button';
      button.dataset.month = value;
      button.setAttribute('aria-pressed', String(selected.has(value)));
      button.setAttribute('aria-label', `${monthLabel(value, true)}, ${number.format(count)} Treffer`);
      button.append(make('span', 'facet-label', monthLabel(value)), make('span', 'facet-count', number.format(count)));
      const li = make('li');
      li.append(button);
      return li;
    });
    const focused = el.facets.contains(document.activeElement) ? document.activeElement.dataset.month : null;
    el.facets.replaceChildren(...items);
    if (focused) el.facets.querySelector(`button.facet[data-month="${CSS.escape(focused)}"]`)?.focus();
    el.reset.setAttribute('aria-pressed', String(selected.size === 0));
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
    try {
      const article = await fetchJson('/api/articles/' + encodeURIComponent(state.article));
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
  }

  // ---- events ----------------------------------------------------------------
  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ q: el.q.value.trim(), page: 1 });
  });

  el.facets.addEventListener('click', (event) => {
    const button = event.target.closest('button.facet');
    if (!button) return;
    const months = new Set(readState().months);
    const month = button.dataset.month;
    if (months.has(month)) months.delete(month); else months.add(month);
    navigate({ months: [...months].sort().reverse(), page: 1 });
  });

  el.reset.addEventListener('click', () => navigate({ months: [], page: 1 }));
  el.prev.addEventListener('click', () => { navigate({ page: Math.max(1, readState().page - 1) }); el.summary.scrollIntoView(); });
  el.next.addEventListener('click', () => { navigate({ page: readState().page + 1 }); el.summary.scrollIntoView(); });

  el.hits.addEventListener('click', (event) => {
    const link = event.target.closest('a.hit-title');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState({ fromResults: true }, '', link.getAttribute('href'));
    window.scrollTo(0, 0);
    render();
  });

  el.back.addEventListener('click', () => {
    if (history.state && history.state.fromResults) history.back();
    else navigate({ article: '' });
  });

  window.addEventListener('popstate', async () => {
    const wasArticle = !el.article.hidden;
    await render();
    if (wasArticle && lastOpenedId && el.article.hidden) {
      const link = el.hits.querySelector(`a.hit-title[data-id="${CSS.escape(lastOpenedId)}"]`);
      if (link) link.focus();
    }
  });

  render();
})();
