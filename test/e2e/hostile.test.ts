import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, runCli, workspace } from './run-cli.ts';

/**
 * Hostile text in every kind of field is shown as text: the report, rendered to HTML and printed by
 * Chromium, makes no request at all, here to a loopback server that counts them.
 */
describe.runIf(CHROMIUM)('hostile raw data', () => {
  const ws = workspace('basic');
  let requests: string[] = [];
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const attack = (tag: string) =>
      [
        `<img src=${base}/${tag}-img onerror=alert(1)>`,
        `<script src=${base}/${tag}-script></script>`,
        `<link rel=stylesheet href=${base}/${tag}-css>`,
        `<iframe src=${base}/${tag}-frame></iframe>`,
        `<style>@import url(${base}/${tag}-import)</style>`,
        `{{{evil}}} }} url(${base}/${tag}-url)`,
      ].join(' ');
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const sources = readFileSync(path.join(ws.raw, 'sources.csv'), 'utf8').replace(
      'Stakhanovism and the Politics of Productivity in the USSR',
      attack('title').replace(/,/g, ' '),
    );
    writeFileSync(
      path.join(ws.raw, 'sources.csv'),
      `${sources}hostile-1,${q(attack('author'))},${q(attack('work'))},1999,popular,${q(attack('publisher'))},javascript:alert(1),en,${q(attack('notes'))}\n`,
    );
    writeFileSync(
      path.join(ws.raw, 'observations/hostile-1.csv'),
      `measure_id,period,value,unit,page,status,note\nrecord.stakhanov-tonnes,1935-08-31,102 t,,${q(attack('page'))},,${q(attack('note'))}\n`,
    );
    const measures = readFileSync(path.join(ws.raw, 'measures.csv'), 'utf8');
    writeFileSync(
      path.join(ws.raw, 'measures.csv'),
      measures.replace('Coal cut in the record shift', attack('label').replace(/,/g, ' ')),
    );
    const claims = readFileSync(path.join(ws.raw, 'claims.csv'), 'utf8');
    writeFileSync(
      path.join(ws.raw, 'claims.csv'),
      // claims.csv: claim_id, measure_id, claimed, period, summary, claim, quote, as, stance.
      `${claims}ess-x,record.stakhanov-tonnes,102 t,1935-08-31,${q(attack('claim'))},,,,\n`,
    );
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(ws.dir, { recursive: true, force: true });
  });

  it('builds the report, HTML and PDF, without a single request', () => {
    requests = [];
    const r = runCli(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out]);
    expect(r.code, r.stderr).toBe(0);
    expect(requests).toEqual([]);
  });

  it('shows the hostile text as text', () => {
    const html = readFileSync(path.join(ws.out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<(img|script|iframe|link)[^>]*127\.0\.0\.1/i);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script src=');
    for (const name of ['index.html', 'feed.xml']) {
      expect(readFileSync(path.join(ws.out, name), 'utf8')).not.toMatch(
        /<(img|script|iframe)[^>]*127\.0\.0\.1/i,
      );
    }
  });
});
