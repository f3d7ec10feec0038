/* global window, microsoftTeams */
// The channel tab's configuration page: nothing to choose, so it saves the dashboard as the tab at once.
(async function () {
  await microsoftTeams.app.initialize();
  const contentUrl = `${window.location.origin}/dashboard?inTeams=1`;
  microsoftTeams.pages.config.registerOnSaveHandler((save) => {
    microsoftTeams.pages.config.setConfig({ entityId: 'plan-dashboard', contentUrl, websiteUrl: contentUrl, suggestedDisplayName: 'Plan dashboard' })
      .then(() => save.notifySuccess(), (err) => save.notifyFailure(String(err)));
  });
  microsoftTeams.pages.config.setValidityState(true);
})();
