// Headless Chromium from the operating system's packages (Debian's `chromium`), driven by playwright-core:
// npm's browser downloads are not reachable here, and the system browser is what `.ci/run` installs.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where the browser is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/**
 * Whether the browser tests can run here: Chromium, and `openssl` for the fake Frontend API's certificate.
 * The reason is shown when the tests are skipped.
 */
export function chromiumAvailability(): { available: true } | { available: false; reason: string } {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    return {
      available: false,
      reason: `no Chromium at ${CHROMIUM_PATH} (install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH)`,
    };
  }
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    return { available: false, reason: 'no openssl command (install it with `apt-get install -y openssl`)' };
  }
  return { available: true };
}

/**
 * Launches headless Chromium with a fresh profile (playwright-core makes a new temporary user-data-dir per
 * launch and removes it on close). `hostRules` maps test host names to 127.0.0.1, so that the app
 * (`app.test`) and the Frontend API (`clerk.app.test`) are different hosts, with separate cookie jars, as in
 * production. The Frontend API's certificate is self-signed: certificate errors are ignored. `secureOrigins` are
 * plain-HTTP app origins Chromium treats as secure, so that it sends them `Sec-Fetch-*` headers as it does to an
 * HTTPS site (a satellite's sync is decided on `Sec-Fetch-Dest: document`, as Clerk's is).
 */
export function launchChromium(hostnames: readonly string[], secureOrigins: readonly string[] = []): Promise<Browser> {
  const rules = hostnames.map((hostname) => `MAP ${hostname} 127.0.0.1`).join(',');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    chromiumSandbox: false,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${rules}`,
      ...(secureOrigins.length > 0 ? [`--unsafely-treat-insecure-origin-as-secure=${secureOrigins.join(',')}`] : []),
    ],
  });
}
