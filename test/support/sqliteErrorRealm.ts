import path from "node:path";

/**
 * Jest runs each test file in its own module registry, but the better-sqlite3 addon is loaded
 * once per worker process and throws instances of the error class of the first registry that
 * opened a database. In later files those are not `Error`s of the file's realm, and
 * `rejects.toThrow()` reports "did not throw". Clearing the addon's flag before each file
 * makes its first `new Database()` install that file's error class.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the addon has no typed entry point
const bindings = require("bindings") as (options: { bindings: string; module_root: string }) => {
  isInitialized?: boolean;
};
const addon = bindings({
  bindings: "better_sqlite3.node",
  module_root: path.dirname(require.resolve("better-sqlite3/package.json")),
});
addon.isInitialized = false;
