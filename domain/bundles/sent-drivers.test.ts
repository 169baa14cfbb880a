import { describe, expect, it } from 'vitest';
import { driversAsSent } from './sent-drivers';

const driver = (phrase: string, start: number, polarity = 'positive') => ({
  phrase,
  start,
  end: start + phrase.length,
  polarity,
});

describe('sentiment drivers of a text sent with personal details removed', () => {
  it('leaves out a driver inside what was removed, and moves the rest to where they now stand', () => {
    const original = 'Sarah Jones was wonderful and kind.';
    const sent = '[name removed] was wonderful and kind.';
    const drivers = JSON.stringify([driver('Sarah', 0), driver('wonderful', 16), driver('kind', 30)]);
    expect(JSON.parse(driversAsSent(drivers, original, sent))).toEqual([
      driver('wonderful', 19),
      driver('kind', 33),
    ]);
  });

  it('keeps the drivers of a text sent as it is, untouched', () => {
    const drivers = JSON.stringify([driver('kind', 4)]);
    expect(driversAsSent(drivers, 'Very kind.', 'Very kind.')).toBe(drivers);
  });
});
