/**
 * Jest's setup of every test file: graphql-js loaded with the `instanceof` of production. Outside production, each
 * of its type checks that fails (isListType on an object type…) also looks for a second copy of graphql-js by
 * Symbol.toStringTag; in Jest's VM context every such read of a global costs about a microsecond, and the checks run
 * thousands of times a request: a third of the fuzz file's CPU. Nothing else of graphql-js depends on NODE_ENV, and
 * the test file sees NODE_ENV as it was.
 */
const env = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
try {
  require('graphql/jsutils/instanceOf.js');
} finally {
  if (env === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = env;
}
