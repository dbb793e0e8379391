/**
 * The two scripts of the IDE page around GraphiQL's bundle, served as files (the page has no inline
 * script, so its Content-Security-Policy can be script-src 'self').
 */

/** Before the bundle: Monaco's workers are files of the gateway, not blobs nor a CDN. */
export const MONACO_ENVIRONMENT_JS = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (moduleId, label) {
    var files = { editorWorkerService: 'editor', json: 'json', graphql: 'graphql' };
    return '/ide/workers/' + (files[label] || 'editor') + '.js';
  },
};
`;

/**
 * After the bundle: GraphiQL with the options the page carries as JSON (see page.ts). On a first
 * visit, the first tab is also written where GraphiQL 5 looks for the active tab's query, variables
 * and headers: without it, that tab would show the new-tab headers, and each reload would add an
 * empty tab next to the README's.
 */
export const BOOT_JS = `(function () {
  var options = JSON.parse(document.getElementById('ide-options').textContent);
  var first = options.defaultTabs[0];
  try {
    if (first && localStorage.getItem('graphiql:tabState') === null) {
      localStorage.setItem('graphiql:query', first.query);
      localStorage.setItem('graphiql:variables', first.variables || '');
      localStorage.setItem('graphiql:headers', first.headers);
    }
  } catch (error) {
    // No localStorage (a private window may refuse it): GraphiQL works without.
  }
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
`;
