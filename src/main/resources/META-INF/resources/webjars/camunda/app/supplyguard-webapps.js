// SupplyGuard settings shared by the scripts/config.js overrides of Camunda's webapps (Tasklist,
// Cockpit, Admin, Welcome 7.24): Chinese first (locales/zh.json beside each config; English
// stays available for browsers that ask for it), our name in the header, ISO-like dates.
export function webappConfig(name) {
  waitForPluginsAsLongAsTheyTake();
  return {
    app: {
      name,
      vendor: 'SupplyGuard'
    },
    locales: {
      availableLocales: ['zh', 'en'],
      fallbackLocale: 'zh'
    },
    dateFormat: {
      monthName: 'MMMM',
      day: 'DD',
      abbr: 'lll',
      normal: 'YYYY-MM-DD HH:mm',
      long: 'YYYY-MM-DD HH:mm:ss',
      short: 'YYYY-MM-DD'
    },
    // the first-login hint points at Camunda's welcome page; staff get their own training
    disableWelcomeMessage: true
  };
}

// The webapps load their plugin bundles with RequireJS, which gives up after 7 s by default and
// leaves the app a blank page with a spinner: on a busy office PC or a slow county link that is a
// real outage. This config is read before the plugins are requested, so the limit can still be
// lifted here. RequireJS lives inside the webapps' webpack bundle (Camunda 7.24: module 1703 of
// lib/deps.js), reachable only through webpack's chunk loader; where it is not found (another
// Camunda version) nothing changes, and CockpitBrowserTest says so.
const REQUIREJS_MODULE = 1703;

function requireJs() {
  let found = null;
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  if (chunks && typeof chunks.push === 'function') {
    chunks.push([[`supplyguard-${Date.now()}-${Math.random()}`], {}, (webpackRequire) => {
      try {
        const candidate = webpackRequire(REQUIREJS_MODULE).requirejs;
        if (candidate && typeof candidate.config === 'function') {
          found = candidate;
        }
      } catch (notThere) {
        found = null;
      }
    }]);
  }
  return found;
}

function waitForPluginsAsLongAsTheyTake() {
  const requirejs = requireJs();
  if (requirejs) {
    requirejs.config({ waitSeconds: 0 });
    // read back from RequireJS itself, for the browser test that checks the limit is lifted
    window.supplyguardPluginWaitSeconds = requirejs.s.contexts._.config.waitSeconds;
  }
}
