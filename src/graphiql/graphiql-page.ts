/** The files GraphiQL's page loads, each from an installed package: nothing from a CDN. */
export const GRAPHIQL_ASSETS = {
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
} as const;

/** Starts GraphiQL against /graphql, with the console's token (if signed in there) in the headers pane. */
export const GRAPHIQL_START = `'use strict';
(function () {
  var token = window.sessionStorage.getItem('psm.token');
  var headers = token ? JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2) : '{\\n  "Authorization": "Bearer <npm run token -- --user am-li --roles ACCOUNT_MANAGER>"\\n}';
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var query = '# PSM: the health query needs no token; the others read the Authorization header below\\n{\\n  health {\\n    eventStore\\n    readStore\\n  }\\n}\\n';
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: query, defaultHeaders: headers, isHeadersEditorEnabled: true, shouldPersistHeaders: false })
  );
})();
`;

const scripts = ['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'start.js'];

export const GRAPHIQL_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>PSM · GraphiQL</title>
  <meta name="robots" content="noindex">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/graphiql/graphiql.min.css">
  <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <main id="graphiql"></main>
${scripts.map((name) => `  <script src="/graphiql/${name}"></script>`).join('\n')}
</body>
</html>
`;
