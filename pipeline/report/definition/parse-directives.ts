// Finds the directives of one Markdown file with Handlebars' own parser (positions from its loc), and
// cuts them out: the Markdown gets a placeholder per directive, so directive HTML is never re-parsed.
import Handlebars from 'handlebars';

type Node = hbs.AST.Node;
type Expr = hbs.AST.Expression;

/** A directive as written: its helper name and literal arguments, where it stands. */
export interface RawDirective {
  index: number;
  name: string;
  params: Arg[];
  hash: Record<string, Arg>;
  /** 1-based line in the file. */
  line: number;
  /** The directive stands alone on its line (only whitespace around it). */
  alone: boolean;
  source: string;
}

/** A literal argument, or the text of one that is not (an unquoted path, a sub-expression). */
export type Arg = { ok: true; value: string } | { ok: false; text: string };

export interface ParsedMarkdown {
  /** The Markdown with each directive replaced by `placeholder(index)`. */
  markdown: string;
  directives: RawDirective[];
  /** `LINE: reason` (the caller prefixes the file). */
  errors: { line: number; message: string }[];
}

// Private-use characters: markdown-it passes them through untouched, and authors' text loses them.
const OPEN = '\uE000';
const CLOSE = '\uE001';
export const placeholder = (i: number) => `${OPEN}${i}${CLOSE}`;
export const PLACEHOLDER_RE = /\uE000(\d+)\uE001/g;
export const stripPrivate = (text: string) => text.replace(/[\uE000-\uE002]/g, '');

function arg(e: Expr): Arg {
  if (e.type === 'StringLiteral') return { ok: true, value: (e as hbs.AST.StringLiteral).value };
  if (e.type === 'NumberLiteral') return { ok: true, value: String((e as hbs.AST.NumberLiteral).value) };
  if (e.type === 'BooleanLiteral') return { ok: true, value: String((e as hbs.AST.BooleanLiteral).value) };
  if (e.type === 'PathExpression') return { ok: false, text: (e as hbs.AST.PathExpression).original };
  return { ok: false, text: e.type };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function describe(node: Node): string {
  switch (node.type) {
    case 'BlockStatement':
      return 'a block ({{#…}}…{{/…}}) is not a directive; directives are single {{name …}} expressions';
    case 'PartialStatement':
    case 'PartialBlockStatement':
      return 'partials ({{> …}}) are not directives';
    case 'DecoratorBlock':
    case 'Decorator':
      return 'decorators ({{* …}}) are not directives';
    default:
      return `${node.type} is not a directive`;
  }
}

/**
 * Pure: the body of a Markdown file (its first line is file line `firstLine`) → Markdown with
 * placeholders and the directives found, in order.
 */
export function parseDirectives(body: string, firstLine = 1, startIndex = 0): ParsedMarkdown {
  const text = stripPrivate(body);
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const m = /line (\d+)/.exec(message);
    const line = m ? Number(m[1]) : 1;
    const expecting = /got '([^']+)'/.exec(message);
    return {
      markdown: '',
      directives: [],
      errors: [
        {
          line: line + firstLine - 1,
          message: `a directive is not closed or not well formed${expecting ? ` (reached ${expecting[1] === 'EOF' ? 'the end of the file' : expecting[1]})` : ''}; write it as {{name "arg" key="value"}}, or escape a literal brace pair as \\{{.`,
        },
      ],
    };
  }
  const starts = lineStarts(text);
  const offset = (p: hbs.AST.Position) => starts[p.line - 1]! + p.column;
  const out: string[] = [];
  const directives: RawDirective[] = [];
  const errors: ParsedMarkdown['errors'] = [];
  let cursor = 0;
  for (const node of program.body) {
    if (node.type === 'ContentStatement') continue;
    const from = offset(node.loc.start);
    const to = offset(node.loc.end);
    const line = node.loc.start.line + firstLine - 1;
    out.push(text.slice(cursor, from));
    cursor = to;
    if (node.type === 'CommentStatement') continue;
    if (node.type !== 'MustacheStatement') {
      errors.push({ line, message: describe(node) });
      continue;
    }
    const m = node as hbs.AST.MustacheStatement;
    const source = text.slice(from, to);
    if (m.path.type !== 'PathExpression') {
      errors.push({ line, message: `${source} names no directive` });
      continue;
    }
    if (!m.escaped) {
      errors.push({ line, message: `write ${source} with two braces: data is always escaped` });
      continue;
    }
    const lineFrom = starts[node.loc.start.line - 1]!;
    const lineTo = node.loc.end.line < starts.length ? starts[node.loc.end.line]! - 1 : text.length;
    const alone = text.slice(lineFrom, from).trim() === '' && text.slice(to, lineTo).trim() === '';
    const index = startIndex + directives.length;
    directives.push({
      index,
      name: (m.path as hbs.AST.PathExpression).original,
      params: m.params.map(arg),
      hash: Object.fromEntries((m.hash?.pairs ?? []).map((p) => [p.key, arg(p.value)])),
      line,
      alone,
      source,
    });
    // A directive alone on its line is a block of its own: blank lines keep it out of a paragraph.
    out.push(alone ? `\n${placeholder(index)}\n` : placeholder(index));
  }
  out.push(text.slice(cursor));
  return { markdown: out.join(''), directives, errors };
}
