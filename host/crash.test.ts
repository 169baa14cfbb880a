import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, repoRoot } from '../test/helpers/test-context';

// Every write the host acknowledged must survive the host being killed outright. `npm test`
// kills it 10 times; `npm run soak` sets PXR_CRASH_KILLS=50.
const KILLS = Number(process.env.PXR_CRASH_KILLS ?? 10);
const WRITERS = 3;

// tsx's loader inside the host's own process: its command-line wrapper would run the host in a
// child process of its own, and a SIGKILL would then kill only the wrapper.
const tsxLoader = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;

type Running = { child: ChildProcess; call: (channel: string, body: unknown) => Promise<unknown> };

async function startHost(dataDir: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--import', tsxLoader, join(repoRoot, 'test', 'helpers', 'crash-host.ts')],
    {
      env: { ...process.env, PXR_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const { port, token } = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`the host stopped before it started (${code})`)));
  });
  const call = async (channel: string, body: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/${channel}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  return { child, call };
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

const temps: { remove: () => void }[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map(killed));
  temps.splice(0).forEach((t) => t.remove());
});

describe('the browser host killed mid-write', () => {
  it(`keeps every acknowledged write across ${KILLS} kill -9s`, async () => {
    const temp = makeTempDir('pxr-crash-');
    temps.push(temp);
    const dataDir = join(temp.dir, 'data');
    let host = await startHost(dataDir);
    children.push(host.child);
    const round = (await host.call('rounds:create', {
      startsAt: new Date().toISOString(),
      site: 'Sutton',
      templateId: null,
      team: [],
    })) as { id: string };
    const { areaId } = (await host.call('areas:add', { roundId: round.id, name: 'Oak Ward' })) as {
      areaId: string;
    };
    const acknowledged = new Set<string>();
    let perRound: number[] = [];

    for (let kill = 0; kill < KILLS; kill += 1) {
      let stopping = false;
      const writer = async (w: number) => {
        for (let n = 0; !stopping; n += 1) {
          try {
            const saved = (await host.call('observations:create', {
              roundId: round.id,
              areaId,
              kind: 'heard',
              source: 'patient',
              text: `Kill ${kill}, writer ${w}, save ${n}: the call bell was answered quickly.`,
              promptId: null,
            })) as { id: string };
            acknowledged.add(saved.id);
          } catch {
            return; // The host was killed with this write in flight: it was never acknowledged.
          }
        }
      };
      const before = acknowledged.size;
      const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 350));
      await killed(host.child);
      stopping = true;
      await writing;
      perRound = [...perRound, acknowledged.size - before];
      // The killed process is the host itself: nothing is left holding the data folder.
      expect(() => process.kill(host.child.pid!, 0)).toThrow();

      host = await startHost(dataDir);
      children.push(host.child);
      const stored = (await host.call('rounds:get', { roundId: round.id })) as {
        observations: { id: string }[];
      };
      const present = new Set(stored.observations.map((o) => o.id));
      const lost = [...acknowledged].filter((id) => !present.has(id));
      expect({ kill, lost }).toEqual({ kill, lost: [] });
    }
    // Each kill landed while writes were being acknowledged, or the test proves nothing.
    expect(perRound.every((n) => n > 0)).toBe(true);
    console.log(`${KILLS} kills, ${acknowledged.size} acknowledged writes, none lost`);
  }, 600_000);
});
