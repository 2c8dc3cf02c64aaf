import { describe, expect, it } from 'vitest';
import { httpUrl, safeBaseUrl, safeHttpUrl } from '../../pipeline/core/safe-url.ts';

describe('the one URL guard', () => {
  it('lets only absolute http(s) URLs become links', () => {
    expect(safeHttpUrl('https://en.wikipedia.org/wiki/Gulag')).toBe('https://en.wikipedia.org/wiki/Gulag');
    expect(safeHttpUrl(' HTTP://example.org ')).toBe('http://example.org/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('//evil.example')).toBeNull();
    expect(safeHttpUrl('report.pdf')).toBeNull();
    // A special scheme without its slashes parses as a URL; the guard wants them written.
    expect(safeHttpUrl('https:evil.example')).toBeNull();
    expect(httpUrl('https://[::1')).toBeNull();
  });

  it('makes the feed base URL from the same guard, without credentials, query or fragment', () => {
    expect(safeBaseUrl('https://example.org/reports')).toBe('https://example.org/reports/');
    expect(safeBaseUrl('https://example.org/reports/?x=1#top')).toBe('https://example.org/reports/');
    expect(safeBaseUrl('https://user:pw@example.org/')).toBe('');
    expect(safeBaseUrl('javascript:alert(1)//')).toBe('');
    expect(safeBaseUrl('')).toBe('');
    expect(safeBaseUrl('https:example.org')).toBe('');
  });
});
