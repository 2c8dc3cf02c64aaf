// Never download a browser: the pdf stage finds the system Chromium at run time.
module.exports = { skipDownload: true, chrome: { skipDownload: true }, 'chrome-headless-shell': { skipDownload: true }, firefox: { skipDownload: true } };
