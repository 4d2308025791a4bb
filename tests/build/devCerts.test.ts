import { execFileSync } from "child_process";
import { X509Certificate } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { requireCommonJs } from "./helpers";

/* scripts/devCerts.js: the dev server's certificate, with the fallbacks this kind of machine needs. */

const getHttpsServerOptions = jest.fn<Promise<object>, []>();
jest.mock("office-addin-dev-certs", () => ({
  getHttpsServerOptions: () => getHttpsServerOptions(),
}));

interface HttpsOptions {
  cert: Buffer;
  key: Buffer;
  ca?: Buffer;
}
const devCerts = requireCommonJs<{
  getHttpsOptions(options: {
    log?: (line: string) => void;
    devCertsDir?: string;
    selfSignedDir?: string;
  }): Promise<HttpsOptions>;
  makeSelfSigned(dir: string): HttpsOptions | null;
}>("scripts/devCerts.js");

const hasOpenssl = (() => {
  try {
    execFileSync("openssl", ["version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
})();
const withOpenssl = hasOpenssl ? test : test.skip;

let tmp: string;
const log = jest.fn<void, [string]>();
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aid-ledger-certs-"));
  log.mockReset();
  getHttpsServerOptions.mockReset();
  getHttpsServerOptions.mockRejectedValue(
    new Error("Unable to install the CA certificate. /bin/sh: 1: sudo: not found\nmore")
  );
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const dirs = () => ({
  log,
  devCertsDir: path.join(tmp, "dev-certs"),
  selfSignedDir: path.join(tmp, "self-signed"),
});

test("uses office-addin-dev-certs when it succeeds, and says nothing", async () => {
  const trusted = { ca: Buffer.from("ca"), cert: Buffer.from("cert"), key: Buffer.from("key") };
  getHttpsServerOptions.mockResolvedValue(trusted);
  await expect(devCerts.getHttpsOptions(dirs())).resolves.toEqual(trusted);
  expect(log).not.toHaveBeenCalled();
});

withOpenssl(
  "when it throws, uses the certificate it generated, with its CA, and says why in one line",
  async () => {
    const generated = devCerts.makeSelfSigned(path.join(tmp, "dev-certs"))!;
    fs.writeFileSync(path.join(tmp, "dev-certs", "ca.crt"), "ca");
    const options = await devCerts.getHttpsOptions(dirs());
    expect(options.cert.equals(generated.cert)).toBe(true);
    expect(options.ca?.toString()).toBe("ca");
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(
      /could not install its CA \(Unable to install the CA certificate\. \/bin\/sh: 1: sudo: not found\)\. Serving with the certificate it generated/
    );
  }
);

withOpenssl(
  "with no usable generated files, makes a self-signed certificate for localhost and 127.0.0.1, and reuses it",
  async () => {
    fs.mkdirSync(path.join(tmp, "dev-certs"));
    fs.writeFileSync(path.join(tmp, "dev-certs", "localhost.crt"), "not a certificate");
    fs.writeFileSync(path.join(tmp, "dev-certs", "localhost.key"), "not a key");
    const options = await devCerts.getHttpsOptions(dirs());
    const cert = new X509Certificate(options.cert);
    expect(cert.checkHost("localhost")).toBe("localhost");
    expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 7 * 24 * 3600 * 1000);
    expect(log.mock.calls[0]![0]).toMatch(/self-signed certificate/);
    const again = await devCerts.getHttpsOptions(dirs());
    expect(again.cert.equals(options.cert)).toBe(true);
  }
);

test("with no certificate and no openssl, fails saying what to do", async () => {
  const savedPath = process.env.PATH;
  process.env.PATH = tmp; // no openssl here
  try {
    await expect(devCerts.getHttpsOptions(dirs())).rejects.toThrow(
      /No HTTPS certificate for the dev server.*office-addin-dev-certs install.*openssl/
    );
  } finally {
    process.env.PATH = savedPath;
  }
});
