/** A tiny, strict XML reader for tests: well-formedness (nesting, quoting, entities) and a tree. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const decode = (s: string): string =>
  s.replace(ENTITY, (m) =>
    m === '&amp;'
      ? '&'
      : m === '&lt;'
        ? '<'
        : m === '&gt;'
          ? '>'
          : m === '&quot;'
            ? '"'
            : m === '&apos;'
              ? "'"
              : String.fromCodePoint(
                  m[2] === 'x' ? Number.parseInt(m.slice(3, -1), 16) : Number(m.slice(2, -1)),
                ),
  );

function checkText(s: string, where: string): void {
  if (s.replace(ENTITY, '').includes('&')) throw new Error(`bare & in ${where}: ${s.slice(0, 60)}`);
  if (s.includes('<')) throw new Error(`bare < in ${where}`);
}

export function parseXml(source: string): XmlElement {
  let s = source.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/;
  while (s.length > 0) {
    const lt = s.indexOf('<');
    const text = lt < 0 ? s : s.slice(0, lt);
    checkText(text, stack.at(-1)!.name);
    stack.at(-1)!.text += decode(text);
    if (lt < 0) break;
    s = s.slice(lt);
    if (s.startsWith('<!--')) {
      const end = s.indexOf('-->');
      if (end < 0) throw new Error('unclosed comment');
      s = s.slice(end + 3);
      continue;
    }
    const m = tag.exec(s);
    if (!m) throw new Error(`malformed tag at: ${s.slice(0, 60)}`);
    const [whole, close, name, attrText, selfClose] = m;
    s = s.slice(whole!.length);
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const value = a[2] ?? a[3] ?? '';
      checkText(value, `${name}@${a[1]}`);
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]!] = decode(value);
    }
    const el: XmlElement = { name: name!, attrs, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    if (!selfClose) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('not exactly one root element');
  return root.children[0]!;
}

export const childrenNamed = (el: XmlElement, name: string): XmlElement[] =>
  el.children.filter((c) => c.name === name);
