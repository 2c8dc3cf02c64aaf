import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { PdfMeta } from '../../pipeline/report/pdf/pdf-meta.ts';
import { xmpPacket } from '../../pipeline/report/pdf/xmp.ts';

const meta: PdfMeta = {
  title: 'Norma & <Reality> "1"',
  author: 'The editors',
  subject: 'Стахановцы',
  keywords: ['Stakhanov', 'Gulag'],
  date: new Date('2023-11-14T22:13:20Z'),
  language: 'ru',
};

function parse(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => void (level !== 'warning' && errors.push(msg)),
  }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

const DC = 'http://purl.org/dc/elements/1.1/';

describe('xmpPacket', () => {
  it('is well-formed XML carrying the title, author, subject, keywords, language and dates', () => {
    const doc = parse(xmpPacket(meta, 'norma, Skia/PDF m156'));
    const text = (ns: string, name: string) => doc.getElementsByTagNameNS(ns, name)[0]?.textContent;
    expect(text(DC, 'title')).toBe('Norma & <Reality> "1"');
    expect(text(DC, 'creator')).toBe('The editors');
    expect(text(DC, 'description')).toBe('Стахановцы');
    expect(text(DC, 'language')).toBe('ru');
    expect(doc.getElementsByTagNameNS(DC, 'subject')[0]?.getElementsByTagName('rdf:li').length).toBe(2);
    expect(text('http://ns.adobe.com/xap/1.0/', 'CreateDate')).toBe('2023-11-14T22:13:20Z');
    expect(text('http://ns.adobe.com/pdf/1.3/', 'Producer')).toBe('norma, Skia/PDF m156');
  });
  it('declares PDF/UA-1 only when asked', () => {
    expect(xmpPacket(meta, 'norma')).not.toContain('pdfuaid');
    const doc = parse(xmpPacket(meta, 'norma', { pdfua: true }));
    expect(doc.getElementsByTagNameNS('http://www.aiim.org/pdfua/ns/id/', 'part')[0]?.textContent).toBe('1');
  });
  it('drops characters XML cannot hold and is the same bytes for the same meta', () => {
    const odd = { ...meta, title: 'a\u0001b\u0000c' };
    expect(xmpPacket(odd, 'norma')).toContain('<rdf:li xml:lang="x-default">abc</rdf:li>');
    expect(xmpPacket(meta, 'norma')).toBe(xmpPacket({ ...meta }, 'norma'));
  });
});
