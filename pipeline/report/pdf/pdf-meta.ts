import type { NormaConfig } from '../../core/types.ts';

/** What the PDF's Info dictionary says about the report; `date` is the build date, never the clock. */
export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  date: Date;
  /** BCP 47 tag (`en`), written as the document's /Lang when Chromium left none. */
  language: string;
}

/** The report's PDF metadata from the config (nothing hard-coded) and the edition's date. */
export function pdfMetaFromConfig(config: NormaConfig, date: Date): PdfMeta {
  const keywords = [config.publisher, config.essay.title, config.essay.author].filter((k) => k.trim() !== '');
  return {
    title: config.title,
    author: config.author,
    subject: config.subtitle,
    keywords: [...new Set(keywords)],
    date,
    language: config.language,
  };
}
