// Screenshots of /tmp/norma-report.html in tiles (and optionally a PDF) to look at the report:
// npx tsx test/report/screenshot.ts <width> <prefix> <tile-height> [pdf]. Uses the system Chromium, JS off.
import puppeteer from 'puppeteer';

const [width = '1280', prefix = '/tmp/tile', tileH = '1800'] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
await page.setJavaScriptEnabled(false);
await page.setViewport({ width: Number(width), height: 1000 });
await page.goto('file:///tmp/norma-report.html', { waitUntil: 'load' });
const h = await page.evaluate(() => document.documentElement.scrollHeight).catch(() => 20000);
console.log('height', h);
const th = Number(tileH);
for (let y = 0, i = 0; y < h && i < 40; y += th, i++) {
  await page.screenshot({
    path: `${prefix}-${String(i).padStart(2, '0')}.png`,
    clip: { x: 0, y, width: Number(width), height: Math.min(th, h - y) },
    captureBeyondViewport: true,
  });
}
if (process.argv[5] === 'pdf')
  await page.pdf({ path: '/tmp/norma.pdf', preferCSSPageSize: true, printBackground: true });
await browser.close();
