import { describe, expect, it } from 'vitest';
import { describeAgreement, formatKappa, kappaBand } from '../../renderer/src/lib/kappa-words';

describe('Cohen’s kappa in plain words', () => {
  it('names the Landis & Koch band of the figure as it is shown', () => {
    expect(kappaBand(-0.1)).toBe('poor');
    expect(kappaBand(0)).toBe('slight');
    expect(kappaBand(0.2)).toBe('slight');
    expect(kappaBand(0.204)).toBe('slight'); // shown as 0.20
    expect(kappaBand(0.21)).toBe('fair');
    expect(kappaBand(0.6)).toBe('moderate');
    expect(kappaBand(0.605)).toBe('substantial'); // shown as 0.61
    expect(kappaBand(0.8)).toBe('substantial');
    expect(kappaBand(0.81)).toBe('almost perfect');
    expect(kappaBand(1)).toBe('almost perfect');
  });

  it('writes the figure with two decimals and a real minus sign', () => {
    expect(formatKappa(0.6234)).toBe('0.62');
    expect(formatKappa(-0.125)).toBe('−0.12');
    expect(formatKappa(-0.001)).toBe('0.00');
  });

  it('gives the headline and what it rests on', () => {
    const words = describeAgreement({
      kappa: 0.62,
      observedAgreement: 0.8,
      compared: 25,
      overridden: 5,
      unconfirmed: 12,
    });
    expect(words.headline).toBe('0.62 — substantial agreement');
    expect(words.basis).toContain('25 observations');
    expect(words.basis).toContain('People kept 20 of 25 suggestions (80%).');
    expect(words.overridden).toBe('People checked 25 suggestions and changed 5 of them.');
    expect(words.unconfirmed).toBe('12 suggestions are not yet confirmed.');
  });

  it('says so when nothing was confirmed, or when agreement cannot be measured', () => {
    const none = describeAgreement({
      kappa: null,
      observedAgreement: 0,
      compared: 0,
      overridden: 0,
      unconfirmed: 1,
    });
    expect(none.headline).toBe('Not measured yet');
    expect(none.unconfirmed).toBe('1 suggestion is not yet confirmed.');
    const degenerate = describeAgreement({
      kappa: null,
      observedAgreement: 1,
      compared: 3,
      overridden: 0,
      unconfirmed: 0,
    });
    expect(degenerate.headline).toBe('Cannot be measured');
    expect(degenerate.unconfirmed).toBe('Every suggestion in this period has been confirmed or changed.');
  });
});
