// How a Confluence user's browser is routed in tests and benchmarks: all.js from the npm package
// (the app keeps its production CDN tag), and nothing beyond the loopback.
// CommonJS, so that both the Playwright tests (TypeScript) and the benchmark (an ES module) load it.
const { readFile } = require('node:fs/promises');
const { basename, join } = require('node:path');

const CDN_FILES = join(__dirname, 'node_modules', 'atlassian-connect-js', 'dist');

/** Routes every request of a Playwright browser context as above. */
exports.hostRoutes = async function hostRoutes(context) {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'connect-cdn.atl-paas.net') {
      // The CDN's all.js is the package's iframe.js; the CSS files keep their names.
      const name = basename(url.pathname);
      const file = name === 'all.js' || name === 'all-debug.js' ? 'iframe.js' : name;
      try {
        const body = await readFile(join(CDN_FILES, file));
        return route.fulfill({ status: 200, body, contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript' });
      } catch {
        return route.fulfill({ status: 404, body: 'not in the npm package' });
      }
    }
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    return route.abort();
  });
};
