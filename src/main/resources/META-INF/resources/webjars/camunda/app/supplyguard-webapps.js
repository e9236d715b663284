// SupplyGuard settings shared by the scripts/config.js overrides of Camunda's webapps (Tasklist,
// Cockpit, Admin, Welcome 7.24): Chinese first (locales/zh.json beside each config; English
// stays available for browsers that ask for it), our name in the header, ISO-like dates.
export function webappConfig(name) {
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
