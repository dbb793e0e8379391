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

/** After the bundle: GraphiQL with the options the page carries as JSON (see page.ts). */
export const BOOT_JS = `(function () {
  var options = JSON.parse(document.getElementById('ide-options').textContent);
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
`;
