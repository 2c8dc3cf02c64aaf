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
// No time limit: a big collection's print is what is being measured.
await page.goto(`file://${htmlPath}`, { waitUntil: 'load', timeout: 0 });
await page.pdf({
  path: pdfPath,
  format: paper === 'letter' ? 'Letter' : 'A4',
  printBackground: true,
  // As the pdf stage: the report draws its running header and page numbers in CSS page-margin boxes.
  displayHeaderFooter: false,
  preferCSSPageSize: false,
  outline: true,
  tagged: true,
  timeout: 0,
});
await browser.close();
