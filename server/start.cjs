// `npm start`: runs the server from its bundle, `dist/server.js`, made at install by `prepare`
// (`node server/start.cjs --build`). Loading the TypeScript sources through tsx at every start
// took ~3.5 s before the server listened (tsx's loader alone ~1.1 s); the bundle loads in a few
// hundred milliseconds, so a server killed and restarted is back within a second.
//
// Plain JavaScript on purpose: it must run before anything is compiled. A bundle older than any
// file it was made from (the list esbuild read, kept beside it) is made again first, so a
// developer who edits a source never runs stale code.
"use strict";
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const BUNDLE = path.join(DIST, "server.js");
const MANIFEST = path.join(DIST, "server-inputs.json");

function modifiedAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Missing, or older than one of the files it was made from (a few hundred `stat` calls, ~1 ms). */
function isStale() {
  const built = modifiedAt(BUNDLE);
  if (built === null) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(MANIFEST, "utf8"));
  } catch {
    return true;
  }
  return inputs.some((file) => (modifiedAt(path.join(ROOT, file)) ?? Infinity) > built);
}

/** Bundles the server (its npm packages stay outside, loaded from node_modules). */
function build() {
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    // The SQLite turn writer runs on a thread of its own, loaded from its own file.
    entryPoints: { server: "server/main.ts", sqliteTurnWriterThread: "server/store/sqlite/sqliteTurnWriterThread.ts" },
    outdir: DIST,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    sourcemap: "linked",
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  mkdirSync(DIST, { recursive: true });
  // Written beside and renamed: servers starting at the same moment never read half a bundle.
  const suffix = `.${process.pid}.tmp`;
  for (const file of result.outputFiles) {
    writeFileSync(file.path + suffix, file.contents);
    renameSync(file.path + suffix, file.path);
  }
  writeFileSync(
    MANIFEST + suffix,
    JSON.stringify(Object.keys(result.metafile.inputs).filter((file) => !file.startsWith("node_modules/"))),
  );
  renameSync(MANIFEST + suffix, MANIFEST);
}

if (process.argv.includes("--build")) {
  build();
  process.stdout.write(`server bundled: ${path.relative(ROOT, BUNDLE)}\n`);
} else {
  if (isStale()) build();
  require(BUNDLE);
}
