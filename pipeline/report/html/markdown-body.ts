// The report's Markdown → HTML (markdown-it, GFM tables), raw HTML sanitised (sanitize-html). `#`
// headings open the report's sections (h2, numbered), `##`/`###` nest (h3, h4). Directive placeholders
// pass through as text; the caller replaces them after sanitising, so directive HTML is never re-parsed.
import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

import sanitizeHtml from 'sanitize-html';
import type { CompiledFile } from '../definition/compile-report.ts';
import { PLACEHOLDER_RE } from '../definition/parse-directives.ts';

export interface BodySection {
  id: string;
  number: number;
  title: string;
  children: { id: string; title: string }[];
  /** `section-claims`, … for the apparatus it holds (print starts those on a new page). */
  classes: string[];
}

export interface RenderedBody {
  /** Sanitised HTML with directive placeholders and `SECTION_END` where each section closes. */
  html: string;
  sections: BodySection[];
  /** The section each directive stands in (null: before the first `#` heading). */
  sectionOf: Map<number, BodySection | null>;
}

/** Marks where a section closes: its figure notes go there. */
export const SECTION_END = '\uE002';

/** A heading's id: its words in lower case joined by `-`, unique in the document. */
export function slugify(text: string, taken: Set<string>): string {
  const base =
    text
      .replace(PLACEHOLDER_RE, '')
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'section';
  // Engine ids (rows, sources, claims, figures, notes) never collide with a heading's.
  let id = /^(row|src|claim|finding|figure|fn|fnref|methods)-/.test(base) ? `s-${base}` : base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'h1'),
    'section',
    'figure',
    'figcaption',
    'sup',
    'sub',
    'del',
    's',
    'ins',
    'mark',
    'small',
    'details',
    'summary',
    'img',
  ],
  allowedAttributes: {
    '*': ['id', 'class', 'lang', 'title', 'aria-labelledby', 'aria-label'],
    a: ['href', 'rel'],
    th: ['style', 'colspan', 'rowspan', 'scope'],
    td: ['style', 'colspan', 'rowspan'],
    ol: ['start'],
    img: ['src', 'alt', 'width', 'height'],
  },
  allowedStyles: {
    th: { 'text-align': [/^(left|right|center)$/] },
    td: { 'text-align': [/^(left|right|center)$/] },
  },
  // Links: the web and mail; images only inline (data:): the report loads nothing from elsewhere.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An image whose remote source was removed is dropped whole.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

function headingLevel(tag: string): number {
  return Number(tag.slice(1));
}

interface WalkState {
  taken: Set<string>;
  sections: BodySection[];
  current: BodySection | null;
  sectionOf: Map<number, BodySection | null>;
  classOf: (index: number) => string | null;
}

function place(state: WalkState, content: string): void {
  for (const m of content.matchAll(PLACEHOLDER_RE)) {
    const index = Number(m[1]);
    state.sectionOf.set(index, state.current);
    const cls = state.classOf(index);
    if (cls && state.current && !state.current.classes.includes(cls)) state.current.classes.push(cls);
  }
}

/** Renumbers headings one level down (the cover has the h1), gives them ids, opens sections. */
function walk(tokens: Token[], state: WalkState): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    place(state, t.content);
    if (t.type !== 'heading_open') continue;
    const level = headingLevel(t.tag);
    const title = (tokens[i + 1]?.content ?? '').replace(PLACEHOLDER_RE, '').trim();
    const id = slugify(title, state.taken);
    const tag = `h${Math.min(level + 1, 6)}`;
    t.tag = tag;
    const close = tokens.slice(i).find((x) => x.type === 'heading_close');
    if (close) close.tag = tag;
    if (level === 1) {
      const section: BodySection = {
        id,
        number: state.sections.length + 1,
        title,
        children: [],
        classes: [],
      };
      state.sections.push(section);
      t.meta = { section, closePrevious: state.current !== null };
      t.attrSet('id', `${id}-title`);
      state.current = section;
    } else {
      t.attrSet('id', id);
      if (level === 2 && state.current) state.current.children.push({ id, title });
    }
  }
}

function markdown() {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  const base = md.renderer.rules.heading_open;
  md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    const open = base ? base(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    const meta = t.meta as { section: BodySection; closePrevious: boolean } | null;
    if (!meta) return open;
    const s = meta.section;
    return `${SECTION_END}${meta.closePrevious ? '</section>\n' : ''}<section class="${['report-section', ...s.classes].join(' ')}" id="${s.id}" aria-labelledby="${s.id}-title">\n${open}<span class="section-number">${s.number}</span> `;
  };
  return md;
}

/** Pure: the compiled files → one sanitised body. `taken` holds the ids the frame already uses. */
export function renderBody(
  files: readonly CompiledFile[],
  taken: Set<string>,
  classOf: (index: number) => string | null = () => null,
): RenderedBody {
  const md = markdown();
  const state: WalkState = { taken, sections: [], current: null, sectionOf: new Map(), classOf };
  // Every file is walked before any is rendered: a section's classes are known when it opens.
  const parsed = files.map((file) => {
    const env = {};
    const tokens = md.parse(file.markdown, env);
    walk(tokens, state);
    return { tokens, env };
  });
  const parts = parsed.map(({ tokens, env }) => md.renderer.render(tokens, md.options, env));
  if (state.current) parts.push(`${SECTION_END}</section>\n`);
  const html = sanitizeHtml(parts.join(''), SANITISE);
  return { html, sections: state.sections, sectionOf: state.sectionOf };
}
