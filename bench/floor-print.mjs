// The PDF floor: one Node process launching the same Chromium, opening the finished report.html and
// printing it with the same PDF options as the pdf stage (outline, tagged, header and footer).
import puppeteer from 'puppeteer';

const [htmlPath, pdfPath, executablePath, paper = 'a4'] = process.argv.slice(2);
const args = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
if (process.getuid?.() === 0) args.push('--no-sandbox');
const browser = await puppeteer.launch({ executablePath, headless: true, args });
const page = await browser.newPage();
await page.setJavaScriptEnabled(false);
await page.goto(`file://${htmlPath}`, { waitUntil: 'load' });
await page.pdf({
  path: pdfPath,
  format: paper === 'letter' ? 'Letter' : 'A4',
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: '<div style="font-size:8px;width:100%;text-align:center">norma</div>',
  footerTemplate:
    '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
  margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
  outline: true,
  tagged: true,
});
await browser.close();
