// fundsim's widget loader for host pages (intranets, articles).
//
//   <script type="module" src="/fundsim/www/embed.js"></script>
//   <div data-fundsim data-preset="gotland" data-lang="sv"></div>
//
// Every element with a `data-fundsim` attribute gets its own widget, in its
// own shadow root: the widget's styles cannot leak into the host page, the
// host page's styles cannot break the widget, and several widgets on one page
// keep their element ids apart. Attributes (all optional):
//   data-preset="<id>"        a preset (gotland, placements, jobs, sickleave)
//   data-lang="sv" | "en"     the language (default Swedish)
//   data-scenario='{...}'     a whole scenario (the contract's JSON) instead of a preset
// The loader requests only files of its own site (the package, with the
// minified stylesheet pkg/style.css, and www/embed.css).
import init, { mount } from '../pkg/fundsim.js';

const here = new URL('.', import.meta.url);

function options(host) {
  const o = {};
  if (host.dataset.preset) o.preset = host.dataset.preset;
  if (host.dataset.lang) o.lang = host.dataset.lang;
  if (host.dataset.scenario) o.scenario = JSON.parse(host.dataset.scenario);
  return o;
}

function sheet(shadow, name) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(name, here).href;
  shadow.append(link);
}

/** Mounts a widget in every `[data-fundsim]` element that has none yet. */
export async function mountAll(scope = document) {
  await init();
  for (const host of scope.querySelectorAll('[data-fundsim]')) {
    if (host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: 'open' });
    sheet(shadow, '../pkg/style.css');
    sheet(shadow, 'embed.css');
    const root = document.createElement('div');
    root.className = 'fundsim-embed';
    shadow.append(root);
    try {
      mount(root, JSON.stringify(options(host)));
    } catch (e) {
      // A bad attribute: say which, in the widget's place, and leave the page alone.
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = `fundsim: ${e.message}`;
      root.append(p);
    }
  }
}

await mountAll();
