import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signedOffRound } from '../../test/helpers/sign-off-fixtures';
import { contextForEachTest, type TestContext } from '../../test/helpers/test-context';
import { DEFAULT_ORGANISATION } from '../app-context';
import { docxPart, paragraphTexts } from '../exports/fixtures/docx-parts';

let ctx: TestContext;
contextForEachTest((fresh) => (ctx = fresh));

async function exportedText(roundId: string) {
  const started = await ctx.call('exports:start', {
    documentType: 'round_summary',
    roundId,
    personalDataConfirmed: true,
  });
  const finished = await ctx.exportJobs.settled(started.jobId);
  expect(finished.state).toBe('done');
  return paragraphTexts(docxPart(readFileSync(finished.result!.path), 'word/document.xml'));
}

describe('the organisation’s name on exports', () => {
  it('is a general name, said to be so, until someone sets it', async () => {
    expect(await ctx.call('settings:get-organisation', {})).toEqual({
      name: DEFAULT_ORGANISATION,
      isDefault: true,
    });
    const { roundId } = await signedOffRound(ctx);
    expect(await exportedText(roundId)).toContain(DEFAULT_ORGANISATION.toUpperCase());
  });

  it('is kept tidy, audited, survives a restart and heads every export made after', async () => {
    const saved = await ctx.call('settings:set-organisation', {
      name: '  The Royal Marsden   NHS Foundation Trust ',
    });
    expect(saved).toEqual({ name: 'The Royal Marsden NHS Foundation Trust', isDefault: false });
    const audit = ctx.store.sqlite
      .prepare(
        "SELECT action, entity, entity_id AS entityId, detail FROM audit_log WHERE entity = 'settings'",
      )
      .all();
    expect(audit).toEqual([
      {
        action: 'update',
        entity: 'settings',
        entityId: 'organisation',
        detail: JSON.stringify({ name: 'The Royal Marsden NHS Foundation Trust' }),
      },
    ]);

    ctx = ctx.reopen();
    expect(await ctx.call('settings:get-organisation', {})).toEqual(saved);
    const { roundId } = await signedOffRound(ctx);
    const text = await exportedText(roundId);
    expect(text).toContain('THE ROYAL MARSDEN NHS FOUNDATION TRUST');
    expect(text).not.toContain(DEFAULT_ORGANISATION.toUpperCase());
  });

  it('refuses an empty name and keeps the one it had', async () => {
    await ctx.call('settings:set-organisation', { name: 'Sutton Hospital' });
    const refused = await ctx.dispatch('settings:set-organisation', { name: '   ' });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'name', message: 'Enter your organisation’s name' },
    });
    expect(await ctx.call('settings:get-organisation', {})).toEqual({
      name: 'Sutton Hospital',
      isDefault: false,
    });
  });
});
