import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../pipeline/cli/args.ts';
import { UNITS } from '../pipeline/core/types.ts';
import { CHART_KINDS, kindOptions } from '../pipeline/report/charts/kinds.ts';
import { APPARATUS, HELPERS } from '../pipeline/report/definition/directive.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const doc = (name: string) => readFileSync(path.join(ROOT, 'docs', name), 'utf8');

describe('docs/', () => {
  it('names every chart kind and every option of each kind in the report reference', () => {
    const report = doc('report.md');
    for (const kind of CHART_KINDS) {
      expect(report).toContain(`\`${kind}\``);
      for (const option of kindOptions(kind))
        expect(report, `${kind} ${option.name}`).toContain(`\`${option.name}="`);
    }
  });

  it('documents every directive', () => {
    const report = doc('report.md');
    for (const name of HELPERS) expect(report).toContain(`{{${name}`);
    for (const name of APPARATUS) expect(report).toContain(`\`{{${name}}}\``);
  });

  it('documents every command-line option and every built-in unit', () => {
    const commands = doc('commands.md');
    for (const flag of USAGE.match(/--[a-z-]+/g) ?? []) expect(commands, flag).toContain(`\`${flag}`);
    const data = doc('data.md');
    for (const unit of UNITS) expect(data).toContain(unit);
  });

  it('never sends a reader to a file a clone does not have, and every link inside docs/ resolves', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const text of [
      readme,
      ...['README.md', 'data.md', 'report.md', 'config.md', 'commands.md', 'new-subject.md'].map(doc),
    ]) {
      expect(text).not.toMatch(/DESIGN\.md/);
      for (const [, target] of text.matchAll(/\]\(((?!https?:)[^)#]+)(?:#[^)]*)?\)/g)) {
        const base = text === readme ? ROOT : path.join(ROOT, 'docs');
        expect(() => readFileSync(path.join(base, target!)), target).not.toThrow();
      }
    }
  });
});
