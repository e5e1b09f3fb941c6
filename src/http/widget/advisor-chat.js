/**
 * <advisor-chat>: the Adaptation Advisor's drop-in chat widget. One classic script, no framework, no build step:
 *
 *   <script src="https://advisor.example.com/widget.js" defer></script>
 *   <advisor-chat></advisor-chat>
 *
 * It talks to the server it was loaded from (or the `server` attribute) with the AI SDK UI-message stream protocol of
 * POST /v1/chat, read here by hand: text deltas are rendered as they arrive, as simple Markdown built from DOM nodes
 * (never innerHTML), and the data parts drive the rest (`data-session` the session, `data-question` and suggestions
 * the quick-reply chips, `data-recommendation` the plan, costs and sources). The chat id and session token are kept
 * in localStorage, the history is restored on reload with GET /v1/chat/{id}, an expired or unknown session starts a
 * new chat, and a 429 waits out its Retry-After before sending again.
 *
 * Attributes: server (base URL; default the script's origin), heading, placeholder, storage-key, widget-token
 * (sent as x-widget-token, for servers that require API keys). Events: `advisor-turn` (detail: timings in ms),
 * `advisor-session` (detail: { chatId }).
 */
(() => {
  const SCRIPT_ORIGIN = (() => {
    try {
      return new URL(document.currentScript?.src ?? '', location.href).origin;
    } catch {
      return location.origin;
    }
  })();
  const TAG = 'advisor-chat';
  if (customElements.get(TAG)) return;

  /** Follow-up questions the advisor understands, offered after an answer. */
  const FOLLOW_UPS = ['What would it cost?', 'What should we do first?', 'What would change your answer?'];
  /** Quick answers to the advisor's questions, by the profile field asked about. */
  const QUICK_ANSWERS = {
    task: ['A support bot over our docs', 'Classify support tickets', 'Extract fields from invoices'],
    taskType: ['Chat assistant', 'Classification', 'Extraction'],
    goals: ['Answer from our documents', 'Follow our output format', 'Cheaper and faster'],
    labeledExamples: ['None yet', 'About 500', 'Over 10,000'],
    unlabeledCorpus: ['A large set of docs', 'A few documents', 'None'],
    gpuCount: ['No GPUs', 'One RTX 4090', '2 × A100 80GB'],
    gpuName: ['One RTX 4090', '2 × A100 80GB', 'No GPUs'],
    modelName: ['GPT-4o via the API', 'Llama 3.1 8B', 'Not decided yet'],
    modelAccess: ['API only', 'Open weights', 'API with fine-tuning'],
    knowledgeChanges: ['Weekly', 'Rarely', 'Never'],
    needsCitations: ['Yes, answers must cite sources', 'No'],
    needsStyleOrFormat: ['Yes, a strict format', 'No'],
    mlExpertise: ['None', 'Basic', 'Expert'],
    oneTimeBudgetUSD: ['Under $1,000', 'About $10,000', 'No fixed budget'],
    monthlyBudgetUSD: ['Under $500 a month', 'About $5,000 a month', 'No fixed budget'],
    dataMustStayOnPrem: ['Yes, data must stay on our premises', 'No, the cloud is fine'],
    deployment: ['Cloud API', 'Our own servers', 'On device'],
    timelineWeeks: ['2 weeks', '3 months', 'No real deadline'],
    modality: ['Text', 'Images', 'Audio'],
    canSwitchModel: ['Yes, we can switch', 'No, we must keep this model'],
  };
  const STARTERS = [
    'We want a support bot that answers from our docs',
    'We have one RTX 4090 and want to fine-tune Llama 3.1 8B',
    'What is RAG?',
  ];
  const MAX_RATE_LIMIT_RETRIES = 3;

  const STYLE = `
:host { display: flex; flex-direction: column; box-sizing: border-box; height: var(--advisor-height, 600px);
  min-height: 320px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430;
  background: #fff; border: 1px solid #d8dde6; border-radius: 12px; overflow: hidden; }
*, *::before, *::after { box-sizing: border-box; }
header { display: flex; align-items: center; gap: 8px; padding: 10px 14px; background: #18324f; color: #fff; }
header h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 600; }
header button { background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.5); border-radius: 6px;
  padding: 4px 10px; font: inherit; font-size: 13px; cursor: pointer; }
.log { position: relative; flex: 1; overflow-y: auto; padding: 14px; display: flex; flex-direction: column; gap: 10px;
  background: #f6f8fb; overscroll-behavior: contain; }
.message { max-width: min(100%, 46rem); padding: 9px 13px; border-radius: 12px; overflow-wrap: anywhere; }
.message.user { align-self: flex-end; background: #1f5fa8; color: #fff; border-bottom-right-radius: 4px;
  white-space: pre-wrap; }
.message.assistant { align-self: flex-start; background: #fff; border: 1px solid #e1e6ee;
  border-bottom-left-radius: 4px; }
.message.note { align-self: center; background: #fff7e0; border: 1px solid #f0d98c; font-size: 13px; }
.message.error { align-self: center; background: #fdecec; border: 1px solid #f2b8b8; font-size: 13px; }
.message p, .message ul, .message ol, .message pre, .message blockquote, .message table { margin: 0 0 .6em; }
.message > :last-child, .message .body > :last-child { margin-bottom: 0; }
.message h3, .message h4, .message h5 { margin: .7em 0 .3em; font-size: 1em; }
.message h3 { font-size: 1.05em; }
.message ul, .message ol { padding-left: 1.6em; }
.message ol { padding-left: 2em; }
.message code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; background: #eef1f6; padding: 1px 4px;
  border-radius: 4px; }
.message pre { background: #eef1f6; padding: 8px; border-radius: 6px; overflow-x: auto; }
.message pre code { background: none; padding: 0; }
.message blockquote { border-left: 3px solid #c9d2df; padding-left: 10px; color: #4a5566; }
.message table { border-collapse: collapse; display: block; overflow-x: auto; font-size: 14px; }
.message th, .message td { border: 1px solid #d8dde6; padding: 3px 7px; text-align: left; }
.message a { color: #1f5fa8; }
.message sup { font-size: .75em; }
.message .footnotes { font-size: 13px; color: #4a5566; border-top: 1px solid #e1e6ee; padding-top: 6px; }
.message details { margin-top: 8px; font-size: 14px; border-top: 1px solid #e1e6ee; padding-top: 6px; }
.message summary { cursor: pointer; color: #1f5fa8; }
.message details h4 { margin: .6em 0 .2em; }
.typing::after { content: "…"; animation: blink 1s steps(2, start) infinite; }
@keyframes blink { to { visibility: hidden; } }
.chips { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 14px 0; background: #fff; }
.chips:empty { display: none; }
.chips button { border: 1px solid #1f5fa8; color: #1f5fa8; background: #fff; border-radius: 999px;
  padding: 5px 12px; font: inherit; font-size: 13px; cursor: pointer; }
.chips button:hover, .chips button:focus-visible { background: #e8f0fa; }
.status { min-height: 0; padding: 0 14px; font-size: 13px; color: #8a4b00; background: #fff; }
.status:not(:empty) { padding-top: 6px; }
form { display: flex; gap: 8px; padding: 10px 14px 12px; background: #fff; border-top: 1px solid #e1e6ee; }
textarea { flex: 1; resize: none; min-height: 42px; max-height: 140px; padding: 9px 11px; font: inherit;
  font-size: 16px; border: 1px solid #c9d2df; border-radius: 8px; }
textarea:focus { outline: 2px solid #1f5fa8; outline-offset: -1px; }
form button { padding: 0 16px; font: inherit; font-weight: 600; color: #fff; background: #1f5fa8; border: 0;
  border-radius: 8px; cursor: pointer; }
form button:disabled, .chips button:disabled { opacity: .5; cursor: default; }
@media (max-width: 480px) {
  :host { border-radius: 0; border-left: 0; border-right: 0; }
  .log { padding: 10px; }
  .message { max-width: 100%; }
  .chips, form, .status { padding-left: 10px; padding-right: 10px; }
  /* One row of chips that scrolls sideways, so the answer keeps the screen. */
  .chips { flex-wrap: nowrap; overflow-x: auto; scrollbar-width: none; }
  .chips button { flex: 0 0 auto; }
}`;

  // ---------------------------------------------------------------------------------------------------------------
  // Markdown: a small, safe subset rendered with DOM nodes and textContent only (no HTML from the text is parsed).

  const SAFE_URL = /^(https?:|mailto:)/i;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function safeHref(url) {
    try {
      const parsed = new URL(url, location.href);
      return SAFE_URL.test(parsed.protocol) ? parsed.href : undefined;
    } catch {
      return undefined;
    }
  }

  function link(text, url) {
    const href = safeHref(url);
    if (href === undefined) return document.createTextNode(text);
    const anchor = element('a', '', text);
    anchor.href = href;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer nofollow';
    return anchor;
  }

  const INLINE =
    /(`[^`\n]+`)|(\*\*[^*\n]+?\*\*|__[^_\n]+?__)|(\*[^*\s\n][^*\n]*?\*|\b_[^_\s\n][^_\n]*?_\b)|(\[\^[^\]\s]{1,20}\])|(\[[^\]\n]+\]\((?:[^()\s]|\([^()\s]*\))+\))|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

  /** Appends `text` to `parent` with inline code, bold, italic, footnote references and links. */
  function renderInline(text, parent) {
    let last = 0;
    for (const match of text.matchAll(INLINE)) {
      if (match.index > last) parent.append(document.createTextNode(text.slice(last, match.index)));
      const [token] = match;
      if (match[1]) parent.append(element('code', '', token.slice(1, -1)));
      else if (match[2]) renderInline(token.slice(2, -2), parent.appendChild(element('strong')));
      else if (match[3]) renderInline(token.slice(1, -1), parent.appendChild(element('em')));
      else if (match[4]) parent.append(element('sup', '', `[${token.slice(2, -1)}]`));
      else if (match[5]) {
        const close = token.indexOf('](');
        parent.append(link(token.slice(1, close), token.slice(close + 2, -1)));
      } else parent.append(link(token, token));
      last = match.index + token.length;
    }
    if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
  }

  const BLOCK_START = /^(\s*[-*+]\s+|\s*\d{1,3}[.)]\s+|#{1,6}\s|```|>|\[\^[^\]]+\]:|\|)/;

  /** Renders Markdown `text` into a fragment: headings, lists, code blocks, quotes, tables, footnotes, paragraphs. */
  function renderMarkdown(text) {
    const fragment = document.createDocumentFragment();
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const footnotes = [];
    let index = 0;
    while (index < lines.length) {
      const line = lines[index];
      if (/^\s*$/.test(line)) {
        index += 1;
        continue;
      }
      if (line.startsWith('```')) {
        const code = [];
        index += 1;
        while (index < lines.length && !lines[index].startsWith('```')) code.push(lines[index++]);
        index += 1;
        fragment.appendChild(element('pre')).append(element('code', '', code.join('\n')));
        continue;
      }
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) {
        const level = Math.min(5, heading[1].length + 2);
        renderInline(heading[2], fragment.appendChild(element(`h${level}`)));
        index += 1;
        continue;
      }
      if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
        fragment.append(element('hr'));
        index += 1;
        continue;
      }
      const footnote = /^\[\^([^\]]+)\]:\s*(.*)$/.exec(line);
      if (footnote) {
        footnotes.push({ label: footnote[1], text: footnote[2] });
        index += 1;
        continue;
      }
      if (line.startsWith('>')) {
        const quoted = [];
        while (index < lines.length && lines[index].startsWith('>')) quoted.push(lines[index++].replace(/^>\s?/, ''));
        const quote = fragment.appendChild(element('blockquote'));
        quote.append(renderMarkdown(quoted.join('\n')));
        continue;
      }
      if (line.trimStart().startsWith('|') && /^\s*\|?\s*:?-{2,}/.test(lines[index + 1] ?? '')) {
        const cells = (row) =>
          row
            .trim()
            .replace(/^\||\|$/g, '')
            .split('|')
            .map((cell) => cell.trim());
        const table = fragment.appendChild(element('table'));
        const head = table.appendChild(element('thead')).appendChild(element('tr'));
        for (const cell of cells(line)) renderInline(cell, head.appendChild(element('th')));
        index += 2;
        const bodyRows = table.appendChild(element('tbody'));
        while (index < lines.length && lines[index].trimStart().startsWith('|')) {
          const row = bodyRows.appendChild(element('tr'));
          for (const cell of cells(lines[index++])) renderInline(cell, row.appendChild(element('td')));
        }
        continue;
      }
      const listItem = /^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$/;
      const item = listItem.exec(line);
      if (item) {
        const ordered = /\d/.test(item[2]);
        const list = fragment.appendChild(element(ordered ? 'ol' : 'ul'));
        if (ordered && Number.parseInt(item[2], 10) !== 1) list.start = Number.parseInt(item[2], 10);
        let current;
        while (index < lines.length) {
          const next = listItem.exec(lines[index]);
          if (next && /\d/.test(next[2]) === ordered) {
            current = list.appendChild(element('li'));
            renderInline(next[3], current);
          } else if (current && /^\s{2,}\S/.test(lines[index]) && !listItem.test(lines[index])) {
            current.append(document.createTextNode(' '));
            renderInline(lines[index].trim(), current);
          } else break;
          index += 1;
        }
        continue;
      }
      const paragraph = fragment.appendChild(element('p'));
      let first = true;
      while (index < lines.length && !/^\s*$/.test(lines[index]) && (first || !BLOCK_START.test(lines[index]))) {
        if (!first) paragraph.append(element('br'));
        renderInline(lines[index], paragraph);
        first = false;
        index += 1;
      }
    }
    if (footnotes.length > 0) {
      const list = fragment.appendChild(element('ol', 'footnotes'));
      for (const note of footnotes) {
        const entry = list.appendChild(element('li'));
        if (/^\d+$/.test(note.label)) entry.value = Number(note.label);
        renderInline(note.text, entry);
      }
    }
    return fragment;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The AI SDK UI-message stream: server-sent events, one JSON chunk per `data:` line, ending with `data: [DONE]`.

  async function* readEvents(body) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value ?? new Uint8Array(), { stream: !done }).replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        if (data !== '') yield data;
        end = buffer.indexOf('\n\n');
      }
      if (done) return;
    }
  }

  const METHOD_NAMES = {
    rag: 'RAG',
    lora: 'LoRA',
    qlora: 'QLoRA',
    'in-context-learning': 'in-context learning',
    'full-fine-tuning': 'full fine-tuning',
    'managed-fine-tuning': 'managed fine-tuning',
  };

  /** A method id in words ("qlora" → "QLoRA", "prompt-engineering" → "prompt engineering"). */
  function humanMethod(id) {
    return METHOD_NAMES[id] ?? String(id).replace(/-/g, ' ');
  }

  function money(value) {
    return `$${Number(value).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
  }

  /**
   * The sources behind the plan: those cited by the reasons of the methods in the plan (or of the top-ranked one), in
   * the recommendation's order; all of them when none can be told apart. At most 12.
   */
  function citedSources(recommendation) {
    const sources = Array.isArray(recommendation.sources) ? recommendation.sources : [];
    const ranked = Array.isArray(recommendation.recommendations) ? recommendation.recommendations : [];
    const planned = new Set(
      (Array.isArray(recommendation.plan) ? recommendation.plan : []).flatMap((step) => step.methods ?? []),
    );
    if (planned.size === 0 && ranked[0]) planned.add(ranked[0].method);
    const cited = new Set();
    for (const item of ranked) {
      if (!planned.has(item.method)) continue;
      for (const reason of Array.isArray(item.reasons) ? item.reasons : []) {
        for (const id of Array.isArray(reason.sources) ? reason.sources : []) cited.add(id);
      }
    }
    const chosen = cited.size > 0 ? sources.filter((source) => cited.has(source.id)) : sources;
    return (chosen.length > 0 ? chosen : sources).slice(0, 12);
  }

  /** The plan, the costs and the sources of a `data-recommendation` part, as a collapsed details block. */
  function recommendationDetails(recommendation) {
    const details = element('details');
    details.append(element('summary', '', 'Plan, costs and sources'));
    const plan = Array.isArray(recommendation.plan) ? recommendation.plan : [];
    if (plan.length > 0) {
      details.append(element('h4', '', 'Plan'));
      const list = details.appendChild(element('ol'));
      for (const step of plan) {
        const entry = list.appendChild(element('li'));
        const methods = Array.isArray(step.methods) ? step.methods.map(humanMethod).join(' + ') : '';
        entry.append(element('strong', '', methods));
        if (step.why) entry.append(document.createTextNode(`: ${step.why}`));
      }
    }
    const costs = [];
    for (const option of Array.isArray(recommendation.computeOptions) ? recommendation.computeOptions : []) {
      if (typeof option.why === 'string') costs.push(option.why);
    }
    const top = Array.isArray(recommendation.recommendations) ? recommendation.recommendations[0] : undefined;
    const estimates = top?.estimates;
    if (estimates && typeof estimates.oneTimeUSD === 'number' && estimates.oneTimeUSD > 0) {
      costs.push(`${humanMethod(top.method)}: about ${money(estimates.oneTimeUSD)} one-time`);
    }
    if (estimates && typeof estimates.monthlyUSD === 'number') {
      costs.push(`${humanMethod(top.method)}: about ${money(estimates.monthlyUSD)} a month`);
    }
    if (costs.length > 0) {
      details.append(element('h4', '', 'Costs'));
      const list = details.appendChild(element('ul'));
      for (const cost of costs) renderInline(cost, list.appendChild(element('li')));
    }
    const sources = citedSources(recommendation);
    if (sources.length > 0) {
      details.append(element('h4', '', 'Sources'));
      const list = details.appendChild(element('ol'));
      for (const source of sources) {
        const entry = list.appendChild(element('li'));
        entry.append(link(String(source.title ?? source.url ?? source.id), String(source.url ?? '')));
        if (source.year) entry.append(document.createTextNode(` (${source.year})`));
      }
    }
    return details.childElementCount > 1 ? details : undefined;
  }

  /**
   * Quick replies for the latest assistant message: suggestions from its data parts, else by what it asked; follow-up
   * questions already asked in `history` are left out.
   */
  function chipsFor(message, history = []) {
    const chips = [];
    const asked = new Set(
      history
        .filter((item) => item.role === 'user')
        .map((item) =>
          item.parts
            .map((part) => part.text ?? '')
            .join('')
            .trim()
            .toLowerCase(),
        ),
    );
    const add = (text, always = false) => {
      const value = (typeof text === 'string' ? text : (text?.text ?? text?.label))?.trim();
      if (typeof value !== 'string' || value === '' || chips.includes(value)) return;
      if (always || !asked.has(value.toLowerCase())) chips.push(value);
    };
    for (const part of message.parts) {
      if (!part.type?.startsWith('data-')) continue;
      const suggestions = part.data?.suggestions ?? part.data?.followUps;
      if (Array.isArray(suggestions)) for (const suggestion of suggestions) add(suggestion);
    }
    const question = message.parts.find((part) => part.type === 'data-question')?.data;
    if (question) {
      for (const answer of QUICK_ANSWERS[question.field] ?? []) add(answer);
      add('Not sure', true);
      add('Just recommend', true);
      return chips.slice(0, 6);
    }
    const recommendation = message.parts.find((part) => part.type === 'data-recommendation')?.data;
    if (recommendation || chips.length > 0 || message.metadata?.kind !== 'greeting') {
      for (const followUp of FOLLOW_UPS) add(followUp);
      const ranked = Array.isArray(recommendation?.recommendations) ? recommendation.recommendations : [];
      const rejected = ranked.find((item) => item.verdict === 'not-viable') ?? ranked[1];
      if (rejected?.method) add(`Why not ${humanMethod(rejected.method)}?`);
    }
    return chips.slice(0, 6);
  }

  function retryAfterSeconds(response) {
    const header = response.headers.get('retry-after') ?? response.headers.get('ratelimit-reset');
    if (header === null) return 10;
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.min(3600, Math.max(1, Math.ceil(seconds)));
    const date = Date.parse(header);
    return Number.isNaN(date) ? 10 : Math.min(3600, Math.max(1, Math.ceil((date - Date.now()) / 1000)));
  }

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join(
      '',
    );
  }

  const SESSION_GONE = new Set(['session_token_required', 'session_token_invalid', 'session_not_found']);

  class AdvisorChat extends HTMLElement {
    constructor() {
      super();
      /** Timings of each turn, in ms from the send: headers, first body byte, first text, end. */
      this.timings = [];
      this.busy = false;
      this.session = undefined;
      this.messages = [];
    }

    get server() {
      return (this.getAttribute('server') || SCRIPT_ORIGIN).replace(/\/+$/, '');
    }

    get storageKey() {
      return `${this.getAttribute('storage-key') || 'advisor-chat'}:${this.server}`;
    }

    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      if (
        'adoptedStyleSheets' in root &&
        typeof CSSStyleSheet === 'function' &&
        'replaceSync' in CSSStyleSheet.prototype
      ) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        root.adoptedStyleSheets = [sheet];
      } else {
        root.append(element('style', '', STYLE));
      }
      const header = root.appendChild(element('header'));
      header.append(element('h2', '', this.getAttribute('heading') || 'Adaptation Advisor'));
      this.resetButton = header.appendChild(element('button', '', 'New chat'));
      this.resetButton.type = 'button';
      this.resetButton.addEventListener('click', () => this.startOver());
      this.log = root.appendChild(element('div', 'log'));
      this.log.setAttribute('role', 'log');
      this.log.setAttribute('aria-live', 'polite');
      this.log.setAttribute('aria-label', 'Conversation');
      this.chips = root.appendChild(element('div', 'chips'));
      this.chips.setAttribute('aria-label', 'Suggested replies');
      this.status = root.appendChild(element('div', 'status'));
      this.status.setAttribute('role', 'status');
      this.form = root.appendChild(element('form'));
      this.input = this.form.appendChild(element('textarea'));
      this.input.rows = 1;
      this.input.placeholder = this.getAttribute('placeholder') || 'Message the advisor…';
      this.input.setAttribute('aria-label', 'Your message');
      this.sendButton = this.form.appendChild(element('button', '', 'Send'));
      this.sendButton.type = 'submit';
      this.form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.submit();
      });
      this.input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.submit();
        }
      });
      this.input.addEventListener('input', () => {
        this.input.style.height = 'auto';
        this.input.style.height = `${Math.min(140, this.input.scrollHeight + 2)}px`;
      });
      this.ready = this.restore();
    }

    submit() {
      const text = this.input.value.trim();
      if (text === '' || this.busy) return;
      this.input.value = '';
      this.input.style.height = '';
      this.send(text);
    }

    // ----- session -----

    loadSession() {
      try {
        const stored = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null');
        return stored && typeof stored.chatId === 'string' && typeof stored.token === 'string' ? stored : undefined;
      } catch {
        return undefined;
      }
    }

    saveSession(session) {
      this.session = session;
      try {
        if (session) localStorage.setItem(this.storageKey, JSON.stringify(session));
        else localStorage.removeItem(this.storageKey);
      } catch {
        // Storage disabled (private mode): the conversation lasts as long as the page.
      }
      if (session) this.dispatchEvent(new CustomEvent('advisor-session', { detail: { chatId: session.chatId } }));
    }

    headers(extra = {}) {
      const headers = { ...extra };
      const widgetToken = this.getAttribute('widget-token') || this.widgetToken;
      if (widgetToken) headers['x-widget-token'] = widgetToken;
      return headers;
    }

    async restore() {
      const stored = this.loadSession();
      if (stored === undefined) return this.greet();
      this.setBusy(true, 'Restoring your conversation…');
      try {
        const response = await fetch(`${this.server}/v1/chat/${encodeURIComponent(stored.chatId)}`, {
          headers: this.headers({ 'x-session-token': stored.token }),
        });
        if (response.status === 404) {
          this.saveSession(undefined);
          this.greet('Your previous conversation has expired, so this is a new one.');
          return;
        }
        if (!response.ok) throw new Error(await this.errorText(response));
        const history = await response.json();
        this.session = stored;
        this.messages = Array.isArray(history.messages) ? history.messages : [];
        this.log.replaceChildren();
        // The welcome comes back too, so the restored page looks like the one that was left.
        this.renderMessage(this.introMessage());
        for (const message of this.messages) this.renderMessage(message);
        const last = this.messages.at(-1);
        if (last?.role === 'assistant') this.showChips(chipsFor(last, this.messages));
        else if (this.messages.length === 0) this.greet();
        if (this.log.lastElementChild) this.reveal(this.log.lastElementChild);
      } catch (error) {
        this.session = stored;
        this.addNote(`Could not restore the conversation (${error.message}). You can keep chatting.`, 'error');
      } finally {
        this.setBusy(false);
      }
    }

    introMessage() {
      return {
        id: 'intro',
        role: 'assistant',
        metadata: { kind: 'greeting', provisional: false },
        parts: [
          {
            type: 'text',
            text:
              'Hi! I help teams decide how to adapt a foundation model: prompting, RAG, LoRA/QLoRA, fine-tuning or ' +
              'distillation, with costs and sources.\n\nWhat do you want to build?',
          },
        ],
      };
    }

    greet(note) {
      this.log.replaceChildren();
      if (note) this.addNote(note);
      this.renderMessage(this.introMessage());
      this.showChips(STARTERS);
    }

    startOver() {
      if (this.busy) return;
      this.saveSession(undefined);
      this.messages = [];
      this.showStatus('');
      this.greet();
      this.input.focus();
    }

    // ----- rendering -----

    renderMessage(message) {
      const bubble = element('div', `message ${message.role === 'user' ? 'user' : 'assistant'}`);
      bubble.dataset.role = message.role;
      if (message.id) bubble.dataset.id = message.id;
      this.fillMessage(bubble, message);
      this.log.append(bubble);
      return bubble;
    }

    fillMessage(bubble, message) {
      const texts = message.parts.filter((part) => part.type === 'text').map((part) => part.text ?? '');
      if (message.role === 'user') {
        bubble.textContent = texts.join('');
        return;
      }
      const body = element('div', 'body');
      for (const text of texts) body.append(renderMarkdown(text));
      bubble.replaceChildren(body);
      const recommendation = message.parts.find((part) => part.type === 'data-recommendation')?.data;
      const details = recommendation ? recommendationDetails(recommendation) : undefined;
      if (details) bubble.append(details);
    }

    addNote(text, kind = 'note') {
      const note = element('div', `message ${kind}`, text);
      this.log.append(note);
      this.scrollToEnd();
      return note;
    }

    showChips(chips) {
      this.chips.replaceChildren();
      for (const text of chips) {
        const chip = this.chips.appendChild(element('button', '', text));
        chip.type = 'button';
        chip.disabled = this.busy;
        chip.addEventListener('click', () => {
          if (!this.busy) this.send(text);
        });
      }
    }

    showStatus(text) {
      this.status.textContent = text;
    }

    setBusy(busy, status) {
      this.busy = busy;
      this.sendButton.disabled = busy;
      this.resetButton.disabled = busy;
      for (const chip of this.chips.querySelectorAll('button')) chip.disabled = busy;
      this.showStatus(status ?? '');
    }

    scrollToEnd() {
      this.log.scrollTop = this.log.scrollHeight;
    }

    /** Shows the end of the conversation, or the start of `bubble` when it is taller than the log (a long answer). */
    reveal(bubble) {
      if (bubble.offsetHeight > this.log.clientHeight - 24) this.log.scrollTop = bubble.offsetTop - 8;
      else this.scrollToEnd();
    }

    async errorText(response) {
      try {
        const body = await response.json();
        return body?.error?.message ?? `HTTP ${response.status}`;
      } catch {
        return `HTTP ${response.status}`;
      }
    }

    // ----- a turn -----

    async send(text) {
      await this.ready;
      const userMessage = { id: newId(), role: 'user', parts: [{ type: 'text', text }] };
      this.messages.push(userMessage);
      this.renderMessage(userMessage);
      this.showChips([]);
      this.scrollToEnd();
      this.setBusy(true);
      try {
        await this.turn(userMessage, { recovered: false, rateLimited: 0 });
      } finally {
        this.setBusy(false);
        this.input.focus({ preventScroll: true });
      }
    }

    async turn(userMessage, attempt) {
      const chatId = this.session?.chatId ?? newId();
      const headers = this.headers({ 'content-type': 'application/json' });
      if (this.session?.token) headers['x-session-token'] = this.session.token;
      const pending = element('div', 'message assistant typing');
      this.log.append(pending);
      this.scrollToEnd();
      const started = performance.now();
      const timing = { chatId };
      let response;
      try {
        response = await fetch(`${this.server}/v1/chat`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ id: chatId, trigger: 'submit-message', messages: [userMessage] }),
        });
      } catch (error) {
        pending.remove();
        this.addNote(`Could not reach the advisor (${error.message}). Check your connection and try again.`, 'error');
        return;
      }
      timing.headersMs = performance.now() - started;
      if (response.status === 429) {
        pending.remove();
        if (attempt.rateLimited >= MAX_RATE_LIMIT_RETRIES) {
          this.addNote('The advisor is still busy. Please try again in a while.', 'error');
          return;
        }
        await this.waitOut(retryAfterSeconds(response), await this.errorText(response));
        return this.turn(userMessage, { ...attempt, rateLimited: attempt.rateLimited + 1 });
      }
      if (!response.ok) {
        pending.remove();
        const body = await response.json().catch(() => undefined);
        const code = body?.error?.code;
        if (!attempt.recovered && (SESSION_GONE.has(code) || code === 'session_message_limit')) {
          this.saveSession(undefined);
          this.addNote(
            code === 'session_message_limit'
              ? 'This conversation is full, so I started a new one.'
              : 'Your previous conversation could not be continued (it expired), so I started a new one.',
          );
          return this.turn(userMessage, { ...attempt, recovered: true });
        }
        this.addNote(body?.error?.message ?? `The advisor answered HTTP ${response.status}.`, 'error');
        return;
      }
      const token = response.headers.get('x-session-token');
      if (token) this.saveSession({ chatId, token });
      await this.readReply(response, pending, started, timing, chatId);
    }

    async waitOut(seconds, message) {
      for (let left = seconds; left > 0; left--) {
        this.showStatus(`${message.replace(/;? ?retry in \d+ s.*$/i, '')}. Sending again in ${left} s…`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      this.showStatus('');
    }

    async readReply(response, bubble, started, timing, chatId) {
      const message = { id: '', role: 'assistant', metadata: undefined, parts: [] };
      let frame = 0;
      const paint = () => {
        frame = 0;
        bubble.classList.remove('typing');
        this.fillMessage(bubble, message);
        this.reveal(bubble);
      };
      const schedule = () => {
        if (frame === 0) frame = requestAnimationFrame(paint);
      };
      const texts = new Map();
      let failed;
      try {
        for await (const data of readEvents(response.body)) {
          timing.firstByteMs ??= performance.now() - started;
          if (data === '[DONE]') break;
          let chunk;
          try {
            chunk = JSON.parse(data);
          } catch {
            continue;
          }
          if (chunk.type === 'start') {
            if (chunk.messageId) message.id = chunk.messageId;
            if (chunk.messageMetadata) message.metadata = chunk.messageMetadata;
          } else if (chunk.type === 'text-start') {
            const part = { type: 'text', text: '' };
            texts.set(chunk.id, part);
            message.parts.push(part);
          } else if (chunk.type === 'text-delta') {
            timing.firstTextMs ??= performance.now() - started;
            const part = texts.get(chunk.id);
            if (part) part.text += chunk.delta ?? '';
            schedule();
          } else if (chunk.type === 'data-session') {
            if (chunk.data?.sessionToken) this.saveSession({ chatId, token: chunk.data.sessionToken });
          } else if (chunk.type === 'error') {
            failed = chunk.errorText || 'The advisor could not answer.';
          } else if (typeof chunk.type === 'string' && chunk.type.startsWith('data-') && !chunk.transient) {
            const existing = chunk.id
              ? message.parts.find((part) => part.type === chunk.type && part.id === chunk.id)
              : undefined;
            if (existing) existing.data = chunk.data;
            else message.parts.push({ type: chunk.type, ...(chunk.id ? { id: chunk.id } : {}), data: chunk.data });
            if (chunk.type === 'data-recommendation') schedule();
          }
        }
      } catch (error) {
        failed = `The reply was cut off (${error.message}).`;
      }
      if (frame !== 0) cancelAnimationFrame(frame);
      timing.totalMs = performance.now() - started;
      if (message.parts.some((part) => part.type === 'text' && part.text !== '')) {
        paint();
        bubble.dataset.role = 'assistant';
        if (message.id) bubble.dataset.id = message.id;
        this.messages.push(message);
        this.showChips(chipsFor(message, this.messages));
        this.reveal(bubble); // the chips took room from the log
      } else bubble.remove();
      if (failed) this.addNote(failed, 'error');
      this.timings.push(timing);
      this.dispatchEvent(new CustomEvent('advisor-turn', { detail: timing }));
    }
  }

  customElements.define(TAG, AdvisorChat);
})();
