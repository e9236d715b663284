// SupplyGuard override of the shipped scripts/config.js of Camunda Cockpit 7.24: Chinese first
// (locales/zh.json beside it; English stays available for browsers that ask for it), our name
// in the header, ISO-like dates.

export default {
  app: {
    name: '流程监控',
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
  // the first-login hint points at the Camunda welcome page; staff get their own training
  disableWelcomeMessage: true
};
