/* global window, document, microsoftTeams, URLSearchParams */
// How the page talks to its server. In Teams (the tab's URL carries ?inTeams=1) it signs in with the
// token Teams gives it (SSO) and follows the Teams theme; in the local demo it names the person picked
// in the local chat (?as=<id>) and follows ?theme= or the browser's colour scheme.
(function () {
  const params = new URLSearchParams(window.location.search);
  const inTeams = params.has('inTeams');
  let ready = null;

  function applyTheme(theme) {
    const name = theme === 'dark' || theme === 'contrast' ? theme : theme === 'light' || theme === 'default' ? 'light' : null;
    const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    document.body.dataset.theme = name || (dark ? 'dark' : 'light');
    window.dispatchEvent(new window.Event('themechange'));
  }

  async function start() {
    if (!inTeams) {
      applyTheme(params.get('theme'));
      return;
    }
    await microsoftTeams.app.initialize();
    const context = await microsoftTeams.app.getContext();
    applyTheme(context.app && context.app.theme);
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    microsoftTeams.app.notifySuccess();
  }

  /** Headers for every request: the Teams token, or the local person. A fresh token each time (Teams caches it). */
  async function headers() {
    if (!ready) ready = start();
    await ready;
    if (inTeams) return { authorization: `Bearer ${await microsoftTeams.authentication.getAuthToken()}` };
    return params.get('as') ? { 'x-viewer': params.get('as') } : {};
  }

  window.dashboardAuth = { headers, inTeams };
})();
