/**
 * Side effects are passed in (as Observable Framework's `*Effects`), so that a stage can be tested
 * without touching the disk, and a full disk or a crash can be simulated.
 */
export interface FileSystem {
  readFile(file: string): Promise<Buffer>;
  readText(file: string): Promise<string>;
  /** Writes to a temp name beside the target, then renames: a crash never leaves a half file. */
  writeAtomic(file: string, data: string | Uint8Array): Promise<void>;
  /** As writeAtomic, for big files: text or bytes (UTF-8) in pieces, never held whole. */
  writeAtomicChunks(file: string, chunks: Iterable<string | Uint8Array>): Promise<void>;
  exists(file: string): Promise<boolean>;
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(file: string): Promise<void>;
  /** Null when nothing is there (a broken link included); `isFile` is false for folders, pipes, devices. */
  stat(file: string): Promise<{ isDirectory: boolean; isFile: boolean; size: number } | null>;
  /** The path with every link resolved, or null when nothing is there (a broken link included). */
  realpath(file: string): Promise<string | null>;
  /** True when both files exist with the same bytes; compares piece by piece, never whole. */
  sameContent(a: string, b: string): Promise<boolean>;
  /** Copies to a temp name beside the target, then renames. */
  copyAtomic(from: string, to: string): Promise<void>;
}

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
  debug(line: string): void;
}

export interface Effects {
  fs: FileSystem;
  logger: Logger;
}
