/* global require, process, console, __dirname */
/**
 * `npm start`. On Windows and macOS: sideload into Excel desktop with office-addin-debugging, as the
 * Office templates do (it starts the dev server itself). Elsewhere there is no Excel to sideload
 * into: start the HTTPS dev server (certificates: scripts/devCerts.js, with its fallbacks) and say
 * how to use the add-in from Excel on the web, and where the workbench is: the real task pane
 * beside a HyperFormula spreadsheet, which needs no Excel at all. Runs until Ctrl+C; `npm stop`
 * unloads a sideloaded add-in.
 */
const { spawn } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);

/** Runs a Node CLI with this terminal's stdio; exits with its code; Ctrl+C reaches it too. */
function run(cliPath, args) {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd: root, stdio: "inherit" });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => {
    process.exitCode = code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1);
  });
  child.on("error", (error) => {
    console.error(`Could not start ${path.basename(cliPath)}: ${error.message}`);
    process.exitCode = 1;
  });
}

if (process.platform === "win32" || process.platform === "darwin") {
  run(require.resolve("office-addin-debugging/cli.js"), ["start", manifest]);
} else {
  console.log(
    [
      "",
      `Aid Ledger: Excel desktop cannot sideload add-ins on ${process.platform}, so this starts only the HTTPS dev server.`,
      "",
      `  Manifest:       ${manifest}`,
      `  Task pane page: https://localhost:${port}/taskpane.html`,
      `  Workbench:      https://localhost:${port}/workbench.html`,
      "",
      "Without Excel: open the workbench in a browser. It runs the real task pane beside a spreadsheet",
      '(HyperFormula) where =AIDTOTAL("Africa",2016) and the other AID functions work; "Load data" writes',
      "the tables into it. It is a development preview: it has no PivotTables, and it is never deployed.",
      "If the browser warns about the certificate (the dev server says below which one it uses), accept it once.",
      "",
      "To use the add-in in Excel on the web:",
      `  1. Keep this running: Excel on the web loads the add-in from https://localhost:${port}, so this machine's`,
      "     browser must reach it. If the certificate is not trusted here, open the task pane page above once",
      "     and accept it.",
      "  2. Open a workbook in Excel on the web, then Insert > Add-ins > Upload My Add-in",
      "     (in some tenants Home > Add-ins > More Add-ins > Upload My Add-in), and upload the manifest above.",
      '  3. Type =AIDTOTAL("Africa",2016) in a cell, or choose Aid Ledger on the Home tab to open the task pane.',
      "",
      "Stop with Ctrl+C.",
      "",
    ].join("\n")
  );
  run(require.resolve("webpack-cli/bin/cli.js"), ["serve", "--mode", "development"]);
}
