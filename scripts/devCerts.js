/* global require, module, console, process, __dirname */
/**
 * HTTPS options for the dev server (https://localhost:3000), used by webpack.config.js and
 * scripts/start.js. In order:
 *  1. office-addin-dev-certs, as the Office templates do: a development CA that this machine
 *     trusts, and a localhost certificate it signed;
 *  2. when that throws (installing the CA needs administrator rights: `sudo` on Linux), the CA and
 *     certificate it generated anyway in ~/.office-addin-dev-certs, if still valid;
 *  3. else a self-signed localhost certificate made with `openssl`, kept in node_modules/.cache.
 * Browsers do not trust 2 or 3: open https://localhost:3000/taskpane.html once and accept the
 * certificate (or trust ~/.office-addin-dev-certs/ca.crt) before loading the add-in.
 */
const { execFileSync } = require("child_process");
const { X509Certificate } = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const DEV_CERTS_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const SELF_SIGNED_DIR = path.resolve(
  __dirname,
  "..",
  "node_modules",
  ".cache",
  "aid-ledger-dev-certs"
);

/** The first line of an error, for a one-line explanation. */
function firstLine(error) {
  return (
    String(error instanceof Error ? error.message : error)
      .split("\n")
      .find((line) => line.trim()) ?? "unknown error"
  );
}

/** { cert, key, ca? } from files, when the certificate exists and is valid for at least another hour. */
function readValid(certFile, keyFile, caFile) {
  try {
    const cert = fs.readFileSync(certFile);
    const key = fs.readFileSync(keyFile);
    const validTo = new Date(new X509Certificate(cert).validTo);
    if (validTo.getTime() < Date.now() + 60 * 60 * 1000) return null;
    const options = { cert, key };
    if (caFile && fs.existsSync(caFile)) options.ca = fs.readFileSync(caFile);
    return options;
  } catch {
    return null;
  }
}

/** A self-signed certificate for localhost and 127.0.0.1, made with openssl; null when openssl is missing or fails. */
function makeSelfSigned(dir) {
  const certFile = path.join(dir, "localhost.crt");
  const keyFile = path.join(dir, "localhost.key");
  const existing = readValid(certFile, keyFile);
  if (existing) return existing;
  try {
    fs.mkdirSync(dir, { recursive: true });
    // prettier-ignore
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30",
      "-keyout", keyFile, "-out", certFile,
      "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ], { stdio: "pipe", env: process.env });
    return readValid(certFile, keyFile);
  } catch {
    return null;
  }
}

/**
 * HTTPS options ({ cert, key, ca? }) for webpack-dev-server's `server.options`, from the best source
 * available (see the top of this file). `log` receives one line saying which source is used when
 * it is not a trusted certificate. Throws only when no certificate can be had at all. The folders
 * can be changed for tests.
 */
async function getHttpsOptions({
  log = console.warn,
  devCertsDir = DEV_CERTS_DIR,
  selfSignedDir = SELF_SIGNED_DIR,
} = {}) {
  let reason;
  try {
    const { ca, cert, key } = await require("office-addin-dev-certs").getHttpsServerOptions();
    return { ca, cert, key };
  } catch (error) {
    reason = firstLine(error);
  }
  const generated = readValid(
    path.join(devCertsDir, "localhost.crt"),
    path.join(devCertsDir, "localhost.key"),
    path.join(devCertsDir, "ca.crt")
  );
  if (generated) {
    log(
      `office-addin-dev-certs could not install its CA (${reason}). Serving with the certificate it generated in ${devCertsDir}; this machine does not trust it yet.`
    );
    return generated;
  }
  const selfSigned = makeSelfSigned(selfSignedDir);
  if (selfSigned) {
    log(
      `office-addin-dev-certs could not provide a certificate (${reason}). Serving with a self-signed certificate from ${selfSignedDir}; browsers will ask you to accept it.`
    );
    return selfSigned;
  }
  throw new Error(
    `No HTTPS certificate for the dev server: office-addin-dev-certs failed (${reason}), ${devCertsDir} holds no valid certificate, and openssl is not available. Run "npx office-addin-dev-certs install" as an administrator, or install openssl.`
  );
}

module.exports = { getHttpsOptions, makeSelfSigned, DEV_CERTS_DIR, SELF_SIGNED_DIR };

// `node scripts/devCerts.js` prints which certificate the dev server would use.
if (require.main === module) {
  getHttpsOptions({ log: console.log }).then(
    (options) =>
      console.log(`HTTPS options ready (${options.ca ? "with" : "without"} a CA certificate).`),
    (error) => {
      console.error(firstLine(error));
      process.exitCode = 1;
    }
  );
}
