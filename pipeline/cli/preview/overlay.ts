/**
 * The script the preview server adds to the served page (the report itself has none): it listens for
 * rebuilds and shows data errors in an overlay, as text, over the last good report.
 */
export const PREVIEW_SCRIPT = `<script>
(() => {
  const box = document.createElement('div');
  box.id = 'norma-overlay';
  box.setAttribute('role', 'alert');
  box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;background:#fff4f2;color:#5c0d00;border-top:4px solid #b3261e;padding:12px 16px;font:14px/1.4 ui-monospace,monospace;z-index:2147483647;white-space:pre-wrap;display:none';
  document.addEventListener('DOMContentLoaded', () => document.body.appendChild(box));
  const show = (state) => {
    if (state.errors && state.errors.length) {
      box.textContent = 'norma: the last rebuild failed; the report below is the last good one.\\n\\n' + state.errors.join('\\n');
      box.style.display = 'block';
    } else {
      box.textContent = '';
      box.style.display = 'none';
    }
  };
  let version = null;
  const events = new EventSource('/events');
  events.onmessage = (e) => {
    const state = JSON.parse(e.data);
    if (version !== null && state.version !== version && !(state.errors && state.errors.length)) {
      location.reload();
      return;
    }
    version = state.version;
    show(state);
  };
})();
</script>`;

/** Pure: the served page is the report with the preview script before </body>. */
export function injectPreviewScript(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + PREVIEW_SCRIPT : html.slice(0, at) + PREVIEW_SCRIPT + html.slice(at);
}
