import { describe, expect, it } from 'vitest';
import { packageDir } from '../pipeline/io/package-dir.ts';

describe('packageDir', () => {
  it('finds a package beside the engine (a clone) or hoisted above it (an installed tool)', () => {
    const have = (files: string[]) => (p: string) => files.includes(p);
    expect(
      packageDir('/repo', '@fontsource/x', have(['/repo/node_modules/@fontsource/x/package.json'])),
    ).toBe('/repo/node_modules/@fontsource/x');
    expect(
      packageDir(
        '/proj/node_modules/norma',
        '@fontsource/x',
        have(['/proj/node_modules/@fontsource/x/package.json']),
      ),
    ).toBe('/proj/node_modules/@fontsource/x');
    // Nowhere: the engine's own folder, so that the error names the path a clone would have.
    expect(packageDir('/a/b', 'y', have([]))).toBe('/a/b/node_modules/y');
  });
});
