import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../ipc/contract';
import { createTestContext, type TestContext } from '../test/helpers/test-context';

// A channel's name begins with its feature, and the feature's handler map lives in
// domain/<feature>/<feature>-handlers.ts, exported as <feature>Handlers (camel case). Each map
// must serve exactly the channels that begin with its feature's name, so a newcomer finds a
// channel's handler by its name alone.

type Factory = (...args: unknown[]) => Record<string, unknown>;

const domainFolder = import.meta.dirname;
const featureOf = (channel: string) => channel.slice(0, channel.indexOf(':'));
const factoryName = (feature: string) =>
  `${feature.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}Handlers`;

/** Every feature folder holding a handler map, found on disk rather than listed here. */
const handlerFeatures = readdirSync(domainFolder, { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && existsSync(join(domainFolder, entry.name, `${entry.name}-handlers.ts`)),
  )
  .map((entry) => entry.name);

let ctx: TestContext;
const maps = new Map<string, string[]>();

beforeAll(async () => {
  ctx = createTestContext();
  for (const feature of handlerFeatures) {
    const module = (await import(join(domainFolder, feature, `${feature}-handlers.ts`))) as Record<
      string,
      unknown
    >;
    const factory = module[factoryName(feature)] as Factory | undefined;
    if (typeof factory !== 'function')
      throw new Error(`${feature}-handlers.ts exports no ${factoryName(feature)}`);
    // Only the map's keys are read, and building a map calls nothing, so the other
    // dependencies (signing identity, export jobs, settings) can be left empty.
    maps.set(feature, Object.keys(factory(ctx.store, {})));
  }
});
afterAll(() => ctx.dispose());

describe('each channel is served by the handler map of the feature its name begins with', () => {
  for (const channel of channelNames) {
    it(`${channel} is in domain/${featureOf(channel)}/${featureOf(channel)}-handlers.ts`, () => {
      expect(maps.get(featureOf(channel)) ?? [], `no handler map for “${featureOf(channel)}”`).toContain(
        channel,
      );
    });
  }

  it('has no handler map serving a channel of another feature, or one outside the contract', () => {
    for (const [feature, channels] of maps) {
      for (const channel of channels) {
        expect(featureOf(channel), `${feature}-handlers.ts serves ${channel}`).toBe(feature);
        expect(channelNames).toContain(channel);
      }
    }
  });

  it('finds a handler map for every feature named by a channel, and none for a feature without channels', () => {
    const named = [...new Set(channelNames.map(featureOf))].toSorted();
    expect([...maps.keys()].toSorted()).toEqual(named);
  });
});
