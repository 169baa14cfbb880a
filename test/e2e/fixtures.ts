// Each browser test gets its own PX Rounds browser host (a child process with a fresh data
// folder), so tests are independent and run against the real handlers and encrypted database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const projectRoot = join(import.meta.dirname, '..', '..');

const READY_LINE = /^PX Rounds is running at (http:\/\/127\.0\.0\.1:\d+\/)#token=(\S+)$/;
const START_TIMEOUT_MS = 30_000;

export type BrowserHost = {
  /** The address printed by the host, token included. */
  url: string;
  origin: string;
  dataDir: string;
  /** Moves the host's clock this many days on from the real one (days may pass mid-test). */
  advanceClock: (days: number) => Promise<void>;
};

// Kept in the test's data folder, so it goes with it.
const clockFile = (dataDir: string) => join(dataDir, 'test-clock-offset-ms');

export async function startHost(
  dataDir: string,
): Promise<{ host: BrowserHost; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'host', 'start-web.ts')], {
    cwd: projectRoot,
    env: { ...process.env, PXR_DATA_DIR: dataDir, PXR_CLOCK_OFFSET_FILE: clockFile(dataDir) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  const firstLine = new Promise<string>((resolve, reject) => {
    if (child.stdout === null) {
      reject(new Error('The browser host has no stdout'));
      return;
    }
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(line));
    // Keep draining stdout so a chatty host never blocks on a full pipe.
    lines.on('line', (line) => {
      output += `${line}\n`;
    });
    child.once('exit', (code) =>
      reject(new Error(`The browser host exited (code ${code}) before it was ready`)),
    );
    child.once('error', reject);
    setTimeout(
      () => reject(new Error('The browser host did not print its address in time')),
      START_TIMEOUT_MS,
    ).unref();
  });

  let line: string;
  try {
    line = await firstLine;
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  const match = READY_LINE.exec(line);
  if (match?.[1] === undefined) {
    child.kill('SIGKILL');
    throw new Error(`Unexpected first line from the browser host: ${line}\n${output}`);
  }
  return {
    host: {
      url: line.slice('PX Rounds is running at '.length),
      origin: match[1],
      dataDir,
      advanceClock: (days) => writeFile(clockFile(dataDir), String(days * 86_400_000)),
    },
    child,
    output: () => output,
  };
}

export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

type Fixtures = {
  /** Console errors a test causes on purpose (e.g. by cutting the network). */
  allowedConsoleErrors: RegExp[];
  host: BrowserHost;
  /** Three hosts, each with its own data folder: three laptops (two contributors and a PEIG lead). */
  laptops: [BrowserHost, BrowserHost, BrowserHost];
  /** Opens the app at the host's address; the page lands on the home screen. */
  app: Page;
};

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],

  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pxr-e2e-'));
    const { host, child, output } = await startHost(dataDir);
    try {
      await use(host);
    } finally {
      await stopHost(child);
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('host output', { body: output() });
      await rm(dataDir, { recursive: true, force: true });
    }
  },

  // eslint-disable-next-line no-empty-pattern
  laptops: async ({}, use, testInfo) => {
    const started = await Promise.all(
      [0, 1, 2].map(async () => startHost(await mkdtemp(join(tmpdir(), 'pxr-e2e-laptop-')))),
    );
    try {
      await use(started.map((s) => s.host) as [BrowserHost, BrowserHost, BrowserHost]);
    } finally {
      for (const { host, child, output } of started) {
        await stopHost(child);
        if (testInfo.status !== testInfo.expectedStatus)
          await testInfo.attach(`host output (${host.dataDir})`, { body: output() });
        await rm(host.dataDir, { recursive: true, force: true });
      }
    }
  },

  app: async ({ page, host, allowedConsoleErrors }, use) => {
    // Every request must stay on this machine (no fonts from assets.nhs.uk, no analytics), and
    // the strict CSP must never have to block anything the app itself does.
    const offMachine: string[] = [];
    const consoleProblems: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(host.origin) && !url.startsWith('data:')) offMachine.push(url);
    });
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && !allowedConsoleErrors.some((allowed) => allowed.test(text))) {
        consoleProblems.push(text);
      }
    });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeVisible();
    await use(page);
    expect(offMachine, 'requests that left the machine').toEqual([]);
    expect(consoleProblems, 'errors in the browser console').toEqual([]);
  },
});

export { expect };

/**
 * Calls a channel on the host directly, as the test's own client: for checking what the
 * database holds without going through (and being helped by) the page.
 */
export async function callHost(host: BrowserHost, channel: string, request: unknown): Promise<unknown> {
  const token = host.url.slice(host.url.indexOf('#token=') + '#token='.length);
  const response = await fetch(`${host.origin}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
  const body: unknown = await response.json();
  return body;
}

/**
 * A round at `site` with one area, made through the host's own channels for tests that are about
 * something else; `observe` records what a patient was heard to say there.
 */
export async function roundInArea(host: BrowserHost, site: string, ward: string) {
  const round = (await callHost(host, 'rounds:create', {
    startsAt: new Date().toISOString(),
    site,
    templateId: null,
    team: [],
  })) as { value: { id: string } };
  const roundId = round.value.id;
  const area = (await callHost(host, 'areas:add', { roundId, name: ward })) as { value: { areaId: string } };
  const { areaId } = area.value;
  const observe = (text: string) =>
    callHost(host, 'observations:create', {
      roundId,
      areaId,
      kind: 'heard',
      source: 'patient',
      text,
      promptId: null,
    });
  return { roundId, areaId, observe };
}

/** Runs axe with the WCAG 2.2 AA rule sets and expects no violations. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}
