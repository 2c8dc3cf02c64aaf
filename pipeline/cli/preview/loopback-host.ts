/**
 * Pure: is `host` (a request's Host header) this server on loopback? Only 127.0.0.1, localhost and
 * [::1], each with the server's port, are: any other name is a page elsewhere that made its own name
 * resolve to 127.0.0.1 (DNS rebinding) to read what the preview serves.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(127\.0\.0\.1|localhost|\[::1\]):(\d{1,5})$/i.exec(host.trim());
  return m !== null && Number(m[2]) === port;
}
