import { describe, expect, it } from 'vitest';
import { matchPoints } from './decision-remap';

describe('matching learning points across an edit of the list', () => {
  it('follows unchanged points to their new places and drops edited ones', () => {
    expect(matchPoints(['a', 'b', 'c'], ['new', 'a', 'c', 'b edited'])).toEqual([undefined, 0, 2, undefined]);
  });

  it('lets a point that stayed put keep its own decisions when its twin moves', () => {
    expect(matchPoints(['same', 'x', 'same'], ['same', 'same'])).toEqual([0, 2]);
  });
});
