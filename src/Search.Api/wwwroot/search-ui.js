/*
 * What the search page (app.js) and the embeddable widget (widget.js) share: building elements, dates in German,
 * the API's marked HTML, fetching JSON with the API's problem details, and the list of completions under a search box.
 * It defines one global, window.NewsSearchUi.
 *
 * A classic script, not an ES module, and no build step. The page loads it with a script tag before app.js; the widget,
 * still embedded with its one script tag, adds a script tag for it from the service that served widget.js. A module
 * would not do for the widget: other origins may import a module only with a CORS grant, and on a site that is not in
 * Search:CorsOrigins the widget must still show, to say that the site may not use the search.
 */
(() => {
  'use strict';

  const MONTHS = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];
  const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  const MAX_SUGGEST_LENGTH = 100; // /api/suggest refuses longer text
  const LAST_WORD = /[\p{L}\p{Nd}]+$/u; // the word being typed, as the API splits it
  const number = new Intl.NumberFormat('de-DE');

  // part: the name a page embedding the widget styles it by (::part(name)); none on the search page.
  function make(tag, className, text, part) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (part) node.setAttribute('part', part);
    return node;
  }

  // "Dez. 2021" for 2021-12, or "Dezember 2021" when long; any other value as it is.
  function monthLabel(value, long) {
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    if (!match) return value;
    const names = long ? MONTH_NAMES : MONTHS;
    return `${names[Number(match[2]) - 1] || match[2]} ${match[1]}`;
  }

  // "9. Dezember 2021" for 2021-12-09, "Dezember 2021" for 2021-12 (an article dated by its month only).
  function formatDate(value) {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
    return day ? `${Number(day[3])}. ${MONTH_NAMES[Number(day[2]) - 1] || day[2]} ${day[1]}` : monthLabel(value || '', true);
  }

  // An article's date and source, as a hit and an article show them under their title.
  function fillMeta(target, item) {
    const time = make('time', 'date', formatDate(item.date));
    time.dateTime = item.date || '';
    target.replaceChildren(time);
    if (item.source) target.append(' · ', make('span', 'source', item.source));
  }

  // The API's titleHtml, captionHtml and snippet are escaped by the service, with <mark> as their only markup, so they
  // may be set as HTML; without them the plain text is set as text.
  function setMarked(node, html, text) {
    if (typeof html === 'string') node.innerHTML = html; else node.textContent = text;
  }

  // The API's answer as JSON. A failed request throws an Error whose messages are the problem's: one for each bad
  // parameter, else its detail or title (the message holds them one per line). When the service cannot be reached,
  // throws what unreachable() returns. An aborted request throws the AbortError.
  async function fetchJson(url, { signal, credentials = 'same-origin', unreachable }) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' }, credentials, signal });
    } catch (error) {
      if (error && error.name === 'AbortError') throw error;
      throw await unreachable();
    }
    const body = await response.json().catch(() => null);
    if (response.ok && body) return body;
    const messages = body && body.errors ? Object.values(body.errors).flat() : [];
    if (!messages.length) messages.push((body && (body.detail || body.title)) || `Fehler ${response.status}`);
    throw Object.assign(new Error(messages.join('\n')), { messages });
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

  /*
   * The list of completions of the word being typed, under a search box (input) in a list element (list): a WAI-ARIA
   * combobox with manual selection. ArrowDown and ArrowUp move through the options (from the last to the first and back
   * round) without changing the box, or, with the list closed, call reopen(); Enter or a click calls choose(text) with
   * the active option, Enter without one leaves the box to its form; Escape closes the list (a second one empties the
   * box, as in any search box); Tab, leaving the box and close() close it too.
   *   load(text, signal)  the API's answer to /api/suggest for the box's text
   *   idPrefix            the options' ids are idPrefix + their index
   *   parts               give the options a part name (the widget's ::part(option))
   * The answer to an older text is dropped (aborted when still on its way); when completions fail, the box works
   * without them.
   */
  function completionList({ input, list, idPrefix, parts, load, choose, reopen }) {
    let controller = null;
    let seq = 0;
    let active = -1;

    function optionNode(typed, item, index) {
      const { plain, marked } = splitCompletion(typed, item.text);
      const option = make('li', 'option', null, parts ? 'option' : null);
      option.id = `${idPrefix}${index}`;
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

    function options() {
      return list.querySelectorAll('[role="option"]');
    }

    function close() {
      seq++;
      if (controller) controller.abort();
      controller = null;
      active = -1;
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    // The list for the box's text.
    async function request(raw) {
      const text = raw.trimStart();
      if (!text || text.length > MAX_SUGGEST_LENGTH || !LAST_WORD.test(text)) return close();
      const mine = ++seq;
      if (controller) controller.abort();
      const attempt = new AbortController();
      controller = attempt;
      let data;
      try {
        data = await load(text, attempt.signal);
      } catch {
        if (mine === seq) close();
        return;
      }
      if (mine !== seq) return;
      controller = null;
      const items = (Array.isArray(data.suggestions) ? data.suggestions : []).filter((item) => item && typeof item.text === 'string' && item.text);
      // The box's document or shadow root knows whether the box still has the focus.
      if (!items.length || input.getRootNode().activeElement !== input) return close();
      active = -1;
      list.replaceChildren(...items.map((item, i) => optionNode(text, item, i)));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      input.removeAttribute('aria-activedescendant');
    }

    function move(step) {
      const all = options();
      if (!all.length) return;
      active = active < 0 ? (step > 0 ? 0 : all.length - 1) : (active + step + all.length) % all.length;
      all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
      input.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    }

    input.addEventListener('keydown', (event) => {
      if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
      const open = !list.hidden;
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp':
          event.preventDefault();
          if (open) move(event.key === 'ArrowDown' ? 1 : -1);
          else reopen();
          break;
        case 'Enter':
          if (open && active >= 0) {
            event.preventDefault();
            choose(options()[active].dataset.text);
          }
          break; // otherwise the form submits the box
        case 'Escape':
          if (open) {
            event.preventDefault(); // the list closes; only an Escape without a list empties the box
            close();
          }
          break;
        case 'Tab':
          close();
          break;
        default:
      }
    });
    input.addEventListener('blur', close);
    // A press on an option keeps the focus in the box, so the list is still there for the click.
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) choose(option.dataset.text);
    });

    return { request, close };
  }

  window.NewsSearchUi = Object.freeze({
    LAST_WORD, number, make, monthLabel, formatDate, fillMeta, setMarked, fetchJson, completionList,
  });
})();
