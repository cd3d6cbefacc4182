// The browser edition's start-up snapshot, made by `web build` with Node when Node is there
// (game/web/build.py runs it; the page works the same without it, only slower to start).
//
//     node snapshot.mjs OUT KEY      writes OUT/snapshot.bin
//
// Starting Pyodide (CPython's own start and its ~200 standard modules), importing game.core and
// building the story from content.json take seconds in a browser. Here they run once, in the built
// folder's own Pyodide, and Pyodide's memory is saved (loadPyodide's experimental `_makeSnapshot`,
// then `makeMemorySnapshot()`), gzip-compressed. The page restores it with `_loadSnapshot` (app.js,
// pythonFromSnapshot) and falls back to a normal start when anything about it does not fit.
// KEY names the core.zip and content.json it was made from; the bridge keeps it (bridge.SNAPSHOT_OF)
// and the page checks it against its own build before using the snapshot.
import {readFileSync, renameSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {gzipSync} from "node:zlib";

const [out, key] = process.argv.slice(2);
if (!out || !key) {
  console.error("usage: node snapshot.mjs OUT KEY");
  process.exit(2);
}
const indexURL = join(resolve(out), "pyodide") + "/";  // Pyodide in Node wants a path here
const {loadPyodide} = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const py = await loadPyodide({indexURL, packages: [], fullStdLib: false, _makeSnapshot: true,
  stdout: () => {}, stderr: (line) => console.error(line)});
// the same steps as the page's normal start (app.js, pythonFromScratch)
py.unpackArchive(new Uint8Array(readFileSync(join(out, "core.zip"))), "zip", {extractDir: "/home/pyodide/app"});
py.runPython("import sys; sys.path.insert(0, '/home/pyodide/app')");
const bridge = py.pyimport("game.web.bridge");
const booted = JSON.parse(bridge.boot(readFileSync(join(out, "content.json"), "utf8")));
if (!booted.ok) {
  console.error("the story did not load: " + booted.errors.join("; "));
  process.exit(1);
}
bridge.before_snapshot(key);
bridge.destroy();
const snapshot = py.makeMemorySnapshot();
const tmp = join(out, "snapshot.bin.part");
writeFileSync(tmp, gzipSync(snapshot, {level: 6}));
renameSync(tmp, join(out, "snapshot.bin"));
console.log(`snapshot: ${snapshot.length} bytes of memory`);
