import { describe, expect, it } from 'vitest';
import { chromiumNotFound } from '../../pipeline/report/pdf/chromium-error.ts';
import { type FindChromiumDeps, findChromium } from '../../pipeline/report/pdf/find-chromium.ts';

const deps = (executables: string[], cache: string[] = []): FindChromiumDeps => ({
  isExecutable: async (f) => executables.includes(f),
  cacheBinaries: async () => cache,
});

describe('findChromium', () => {
  it('uses PUPPETEER_EXECUTABLE_PATH first, and only it when set', async () => {
    const env = { PUPPETEER_EXECUTABLE_PATH: '/opt/chrome', HOME: '/h' };
    expect(await findChromium(env, deps(['/opt/chrome', '/usr/bin/chromium']))).toBe('/opt/chrome');
    expect(await findChromium(env, deps(['/usr/bin/chromium']))).toBeNull();
  });
  it('then the system paths in order', async () => {
    expect(await findChromium({}, deps(['/usr/bin/google-chrome', '/usr/bin/chromium-browser']))).toBe(
      '/usr/bin/chromium-browser',
    );
    expect(await findChromium({}, deps(['/snap/bin/chromium']))).toBe('/snap/bin/chromium');
  });
  it("then puppeteer's cache", async () => {
    const chrome = '/h/.cache/puppeteer/chrome/linux-131/chrome-linux64/chrome';
    expect(await findChromium({ HOME: '/h' }, deps([chrome], [chrome]))).toBe(chrome);
  });
  it('gives null when there is none, and the error says how to install one (exit 3)', async () => {
    expect(await findChromium({}, deps([]))).toBeNull();
    const error = chromiumNotFound({});
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(
      /Chromium was not found.*apt-get install -y chromium.*PUPPETEER_EXECUTABLE_PATH/,
    );
    expect(chromiumNotFound({ PUPPETEER_EXECUTABLE_PATH: '/x' }).message).toContain(
      '/x, which is not an executable',
    );
  });
  it('finds a real browser on this machine when one is installed', async () => {
    const found = await findChromium();
    if (found) expect(found).toMatch(/chrom/i);
  });
});
