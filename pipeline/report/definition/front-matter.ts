// The front matter of report/index.md: YAML between `---` lines, checked with zod. Errors name the line.
import { isMap, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { ReportIdentity } from '../../core/types.ts';

const text = z.string().trim();
const yearText = z.union([z.string(), z.number()]).transform((y) => String(y).trim());
const schema = z
  .object({
    title: text.min(1, 'the report needs a title'),
    subtitle: text.default(''),
    author: text.default(''),
    publisher: text.default(''),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en or de-CH')
      .default('en'),
    essay: z
      .object({
        title: text.min(1, 'the essay needs a title'),
        author: text.default(''),
        year: yearText.default(''),
        url: z.string().url().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type FrontMatterResult =
  | {
      ok: true;
      identity: ReportIdentity /** 1-based line where the Markdown body starts. */;
      bodyLine: number;
      body: string;
    }
  | { ok: false; errors: string[] };

/** Splits `---\n…\n---\n` off the top of a Markdown file; null when the file has none. */
export function splitFrontMatter(source: string): { yaml: string; body: string; bodyLine: number } | null {
  const textNoBom = source.replace(/^\uFEFF/, '');
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(textNoBom);
  if (m?.index !== 0) return null;
  const yaml = m[1]!;
  const bodyLine = m[0].split('\n').length + (m[0].endsWith('\n') ? 0 : 1);
  return { yaml, body: textNoBom.slice(m[0].length), bodyLine };
}

/** Pure: the text of index.md → the identity, or `ref:LINE: reason` sentences. */
export function parseFrontMatter(source: string, ref: string): FrontMatterResult {
  const split = splitFrontMatter(source);
  if (!split)
    return { ok: false, errors: [`${ref}:1: the file must start with a front matter (--- title: … ---).`] };
  const lines = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: lines, prettyErrors: false });
  // The YAML starts on line 2 (after the opening ---).
  const lineAt = (offset: number) => lines.linePos(offset).line + 1;
  if (doc.errors.length > 0)
    return {
      ok: false,
      errors: doc.errors.map(
        (e) =>
          `${ref}:${lineAt(e.pos[0])}: the front matter is not valid YAML (${e.message.split('\n')[0]}).`,
      ),
    };
  const json: unknown = doc.toJS() ?? {};
  const result = schema.safeParse(json);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => {
        const node = issue.path.length > 0 ? doc.getIn(issue.path, true) : null;
        const parentNode = doc.getIn(issue.path.slice(0, -1), true);
        const range =
          (node as { range?: number[] } | null)?.range ?? (isMap(parentNode) ? parentNode.range : null);
        const line = range ? lineAt(range[0]!) : 1;
        const key = issue.path.join('.') || 'front matter';
        const what =
          issue.code === 'unrecognized_keys'
            ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (known: title, subtitle, author, publisher, language, essay {title, author, year, url})`
            : issue.message;
        return `${ref}:${line}: ${key}: ${what}.`;
      }),
    };
  }
  const d = result.data;
  return {
    ok: true,
    bodyLine: split.bodyLine,
    body: split.body,
    identity: {
      title: d.title,
      subtitle: d.subtitle,
      author: d.author,
      publisher: d.publisher,
      language: d.language,
      essay: d.essay
        ? {
            title: d.essay.title,
            author: d.essay.author,
            year: d.essay.year,
            ...(d.essay.url ? { url: d.essay.url } : {}),
          }
        : { title: '', author: '', year: '' },
    },
  };
}
