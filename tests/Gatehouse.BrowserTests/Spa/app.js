// The single-page app SinglePageAppTests drive: @azure/msal-browser configured for Gatehouse from window.gatehouseSpa,
// which the test sets before any script runs ({ clientId, authority, knownAuthority, scopes }). Every call answers a
// plain object the test can read: what msal returned, or the error's name, code and message.
(function () {
  const settings = window.gatehouseSpa;

  // In msal's popup or hidden iframe this page only has to stay put: the page that opened it reads the answer from
  // this frame's URL, and a second msal here would take the answer for itself.
  if (!settings || window.opener || window !== window.top) {
    return;
  }

  const app = new msal.PublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      knownAuthorities: [settings.knownAuthority],
      redirectUri: location.origin,
      postLogoutRedirectUri: location.origin,
    },
    cache: { cacheLocation: "sessionStorage" },
  });

  const describe = (result) => result && {
    username: result.account.username,
    name: result.account.name,
    tenantId: result.account.tenantId,
    idTokenClaims: result.idTokenClaims,
    accessToken: result.accessToken,
    expiresOn: result.expiresOn && result.expiresOn.getTime(),
    scopes: result.scopes,
    fromCache: result.fromCache,
  };
  const failure = (error) => ({
    error: { name: error.name, errorCode: error.errorCode, subError: error.subError, message: error.message },
  });
  const answer = (promise) => promise.then(describe, failure);
  const account = () => app.getAllAccounts()[0];
  const scopes = settings.scopes;

  window.spa = {
    ready: answer(app.initialize().then(() => app.handleRedirectPromise())),
    loginRedirect: () => app.loginRedirect({ scopes }).catch((error) => console.error("loginRedirect", error.errorCode, error.message)),
    loginPopup: () => answer(app.loginPopup({ scopes })),
    ssoSilent: () => answer(app.ssoSilent({ scopes })),
    acquireTokenSilent: () => answer(app.acquireTokenSilent({ scopes, account: account() })),
    // msal's default: post_logout_redirect_uri alone, a URI of the app the session signed in to.
    logoutRedirect: () => app.logoutRedirect({ account: account() }),
    accounts: () => app.getAllAccounts().map((a) => a.username),
    graph: async (url, accessToken) => {
      const response = await fetch(url, { headers: { Authorization: "Bearer " + accessToken } });
      return { status: response.status, body: await response.json() };
    },
  };
})();
