import { describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '../ipc/contract';
import { NARRATIVE_MAX_BYTES } from '../ipc/stories-schemas';
import { contextForEachTest } from '../test/helpers/test-context';

// Every channel must turn malformed input into a validation error that names the field, and
// must not write anything while doing so.

const ctx = contextForEachTest();

const TABLES = [
  'rounds',
  'round_team_members',
  'areas',
  'round_areas',
  'observations',
  'templates',
  'template_prompts',
  'audit_log',
  'stories',
  'story_consents',
  'story_read_backs',
  'exports',
  'clearance_decisions',
  'settings',
  'trusted_signers',
  'sign_offs',
  'sign_off_addenda',
];

function snapshot(): string {
  return JSON.stringify(
    TABLES.map((t) => ctx.store.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()),
  );
}

const UUID = '00000000-0000-4000-8000-000000000000';
const longText = 'x'.repeat(20_001);
const tooLongNarrative = 'x'.repeat(NARRATIVE_MAX_BYTES + 1);
const newStory = { title: 'Waiting for results', storyteller: 'patient', author: 'Dr Ada Obi' };
const consent = {
  id: UUID,
  givenOn: '2026-01-10',
  method: 'written',
  recordedBy: 'Dr Ada Obi',
  scopes: ['peig'],
  identity: 'anonymised',
};
const decision = {
  itemKind: 'story',
  itemId: UUID,
  field: 'narrative',
  findingKey: 'name#0#sarah jones',
  decision: 'kept',
  reason: 'She asked to be thanked by name',
};

const PEM =
  '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n';
const periodReport = {
  documentType: 'period_report',
  from: '2026-10-01',
  to: '2026-12-31',
  signerName: 'Helen Adeyemi',
  signerRole: 'Non-Executive Director',
  attestation: 'I confirm',
  personalDataConfirmed: true,
};

// For each channel: malformed payloads and the field each must be blamed on.
const malformed: Record<ChannelName, [unknown, string][]> = {
  'app:info': [[{ extra: 1 }, 'extra']],
  'templates:list': [[{ extra: 1 }, 'extra']],
  'rounds:sites': [[{ extra: true }, 'extra']],
  'rounds:list': [
    [[], 'request'],
    [{ extra: true }, 'extra'],
  ],
  'rounds:get': [
    [{}, 'roundId'],
    [{ roundId: 'not-an-id' }, 'roundId'],
    [{ roundId: 42 }, 'roundId'],
  ],
  'rounds:create': [
    [{ site: 'Sutton', templateId: null, team: [] }, 'startsAt'],
    [{ startsAt: 'yesterday', site: 'Sutton', templateId: null, team: [] }, 'startsAt'],
    [{ startsAt: new Date().toISOString(), site: '   ', templateId: null, team: [] }, 'site'],
    [
      {
        startsAt: new Date().toISOString(),
        site: 'Sutton',
        templateId: null,
        team: [{ name: '', role: 'ned' }],
      },
      'team.0.name',
    ],
    [
      {
        startsAt: new Date().toISOString(),
        site: 'Sutton',
        templateId: null,
        team: [{ name: 'A', role: 'king' }],
      },
      'team.0.role',
    ],
    [{ startsAt: new Date().toISOString(), site: 'Sutton', templateId: null, team: 'Alex' }, 'team'],
    [
      {
        startsAt: new Date().toISOString(),
        site: 'Sutton',
        templateId: null,
        team: [],
        status: 'signed_off',
      },
      'status',
    ],
  ],
  'rounds:complete': [
    [{ roundId: null }, 'roundId'],
    [null, 'roundId'],
  ],
  'areas:add': [
    [{ roundId: UUID }, 'name'],
    [{ roundId: UUID, name: 'x'.repeat(201) }, 'name'],
    [{ roundId: 'r1', name: 'Ward' }, 'roundId'],
  ],
  'areas:names-for-site': [[{ site: 7 }, 'site']],
  'areas:list': [
    [{ site: 7 }, 'site'],
    [{ site: 'x'.repeat(201) }, 'site'],
  ],
  'observations:create': [
    [{ roundId: UUID, areaId: UUID, kind: 'rumour', source: 'patient', text: 'x', promptId: null }, 'kind'],
    [{ roundId: UUID, areaId: UUID, kind: 'seen', source: 'Mr Smith', text: 'x', promptId: null }, 'source'],
    [
      { roundId: UUID, areaId: UUID, kind: 'seen', source: 'patient', text: longText, promptId: null },
      'text',
    ],
    [{ roundId: UUID, areaId: UUID, kind: 'seen', source: 'patient', promptId: null }, 'text'],
    [{ roundId: UUID, kind: 'seen', source: 'patient', text: 'x', promptId: null }, 'areaId'],
  ],
  'observations:update': [
    [{ id: UUID, changes: { text: 5 } }, 'changes.text'],
    [{ id: UUID, changes: { roundId: UUID } }, 'changes.roundId'],
    [{ id: UUID }, 'changes'],
    [{ changes: {} }, 'id'],
  ],
  'observations:delete': [
    [{ id: '' }, 'id'],
    ['id', 'request'],
  ],
  'audit:verify': [[{ fix: true }, 'fix']],
  'audit:check-document': [
    [{ fileName: 'a.docx', contentBase64: '' }, 'contentBase64'],
    [{ fileName: 'a.docx', contentBase64: 'not base64!' }, 'contentBase64'],
    [{ fileName: '', contentBase64: 'UEsDBA==' }, 'fileName'],
  ],
  'backups:list': [[{ all: true }, 'all']],
  'backups:create': [[{ label: 'x' }, 'label']],
  'backups:restore': [
    [{ name: '../px-rounds.db' }, 'name'],
    [{}, 'name'],
  ],
  'recovery:status': [[{ reveal: true }, 'reveal']],
  'recovery:create': [[{ secret: 'x' }, 'secret']],
  'recovery:confirm': [
    [{}, 'pendingId'],
    [{ pendingId: '' }, 'pendingId'],
  ],
  'recovery:unlock': [
    [{}, 'recoveryKey'],
    [{ recoveryKey: 'A'.repeat(201) }, 'recoveryKey'],
  ],
  'stories:list': [
    [{ status: 'published' }, 'status'],
    [{ consentState: 'maybe' }, 'consentState'],
    [{ includeWithdrawn: 'yes' }, 'includeWithdrawn'],
  ],
  'stories:get': [
    [{}, 'id'],
    [{ id: 'story-1' }, 'id'],
  ],
  'stories:create': [
    [{ ...newStory, title: '   ' }, 'title'],
    [{ ...newStory, storyteller: 'nurse' }, 'storyteller'],
    [{ title: 'Waiting', storyteller: 'patient' }, 'author'],
    [{ ...newStory, narrative: tooLongNarrative }, 'narrative'],
    [{ ...newStory, narrative: 'I was scared', quotes: [{ start: 0, end: 3, text: 'I' }] }, 'quotes.0.text'],
    [{ ...newStory, learningPoints: ['  '] }, 'learningPoints.0'],
    [{ ...newStory, status: 'approved' }, 'status'],
  ],
  'stories:update': [
    [{ id: UUID, changes: { narrative: 7 } }, 'changes.narrative'],
    [{ id: UUID, changes: { narrative: tooLongNarrative } }, 'changes.narrative'],
    [{ id: UUID, changes: { status: 'approved' } }, 'changes.status'],
    [{ changes: {} }, 'id'],
  ],
  'stories:set-sentiment': [
    [{ id: UUID, confirmed: 'happy' }, 'confirmed'],
    [{ id: UUID, confirmed: null, fftAnswer: 'good' }, 'fftAnswer'],
  ],
  'stories:record-consent': [
    [{ ...consent, givenOn: '10/01/2026' }, 'givenOn'],
    [{ ...consent, scopes: [] }, 'scopes'],
    [{ ...consent, scopes: ['newspaper'] }, 'scopes.0'],
    [{ ...consent, method: 'telepathy' }, 'method'],
    [{ ...consent, identity: 'partly' }, 'identity'],
    [{ ...consent, reviewOn: '2025-12-31' }, 'reviewOn'],
  ],
  'stories:withdraw-consent': [
    [{ id: UUID }, 'withdrawnOn'],
    [{ id: UUID, withdrawnOn: 'today' }, 'withdrawnOn'],
  ],
  'stories:record-read-back': [
    [{ id: UUID, checkedOn: '2026-01-10', method: 'pigeon', textHash: 'a'.repeat(64) }, 'method'],
    [{ id: UUID, checkedOn: '2026-01-10', method: 'phone', textHash: 'abc' }, 'textHash'],
    [{ id: UUID, checkedOn: '2026-02-30', method: 'phone', textHash: 'a'.repeat(64) }, 'checkedOn'],
  ],
  'stories:approve': [
    [{ id: 'x' }, 'id'],
    [{ id: UUID, force: true }, 'force'],
  ],
  'clearance:check': [
    [{ itemKind: 'round', itemId: UUID }, 'itemKind'],
    [{ itemKind: 'story' }, 'itemId'],
  ],
  'clearance:decide': [
    [{ ...decision, reason: '   ' }, 'reason'],
    [{ ...decision, reason: null }, 'reason'],
    [{ ...decision, decision: 'ignored' }, 'decision'],
    [{ ...decision, field: 'author' }, 'field'],
    [{ ...decision, findingKey: '' }, 'findingKey'],
    // Jargon is replaced through its own channel, never as a personal-data decision.
    [{ ...decision, decision: 'plain_words', reason: 'team of specialists' }, 'decision'],
  ],
  'clearance:plain-words': [
    [{ itemKind: 'story', itemId: UUID, term: '  ' }, 'term'],
    [{ itemKind: 'round', itemId: UUID, term: 'MDT' }, 'itemKind'],
    [{ itemKind: 'story', itemId: UUID, term: 'MDT', words: 'x' }, 'words'],
  ],
  'settings:get-staff-names': [[{ names: [] }, 'names']],
  'settings:get-organisation': [[{ name: 'x' }, 'name']],
  'settings:get-person': [[{ name: 'x' }, 'name']],
  'settings:set-person': [
    [{ role: 'Governor' }, 'name'],
    [{ name: '   ', role: 'Governor' }, 'name'],
    [{ name: 'Ann Example', role: '' }, 'role'],
    [{ name: 'x'.repeat(101), role: 'Governor' }, 'name'],
    [{ name: 'Ann Example', role: 42 }, 'role'],
  ],
  'settings:set-organisation': [
    [{}, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(121) }, 'name'],
    [{ name: 42 }, 'name'],
  ],
  'settings:set-staff-names': [
    [{ names: 'Sarah Jones' }, 'names'],
    [{ names: ['  '] }, 'names.0'],
    [{ names: ['x'.repeat(101)] }, 'names.0'],
  ],
  'tagging:frameworks': [[{ all: true }, 'all']],
  'observations:set-follow-up': [
    [{ id: UUID, needsFollowUp: 'yes' }, 'needsFollowUp'],
    [{ needsFollowUp: true }, 'id'],
  ],
  'actions:list': [
    [{ status: 'closed' }, 'status'],
    [{ overdue: 'yes' }, 'overdue'],
    [{ limit: 1000 }, 'limit'],
    [{ source: { kind: 'round', id: UUID } }, 'source.kind'],
    [{ source: { kind: 'story', id: 's1' } }, 'source.id'],
  ],
  'actions:get': [[{ id: 'a1' }, 'id']],
  'actions:create': [
    [{ willDo: '' }, 'willDo'],
    [{ willDo: 'Fix the door', dueDate: '31/12/2026' }, 'dueDate'],
    [{ willDo: 'Fix the door', sources: [{ kind: 'tweet', id: UUID }] }, 'sources.0.kind'],
    [{ willDo: 'Fix the door', ownerName: 'x'.repeat(201) }, 'ownerName'],
  ],
  'actions:create-from': [
    [{ kind: 'round', id: UUID }, 'kind'],
    [{ kind: 'observation' }, 'id'],
  ],
  'actions:add-source': [
    [{ id: UUID, source: { kind: 'tweet', id: UUID } }, 'source.kind'],
    [{ id: UUID }, 'source'],
  ],
  'actions:update': [
    [{ id: UUID, changes: { status: 'done' } }, 'changes.status'],
    [{ id: UUID, changes: { dueDate: 'soon' } }, 'changes.dueDate'],
  ],
  'actions:set-status': [
    [{ id: UUID, status: 'finished' }, 'status'],
    [
      { id: UUID, status: 'fed_back', feedback: { channel: 'carrier pigeon', on: '2026-11-01' } },
      'feedback.channel',
    ],
  ],
  'actions:for-round': [[{ roundId: 'r1' }, 'roundId']],
  'actions:record-revisit': [
    [{ actionId: UUID, roundId: UUID, outcome: 'better' }, 'outcome'],
    [{ actionId: UUID, outcome: 'improved' }, 'roundId'],
  ],
  'tagging:create-custom-tag': [
    [{ label: '  ' }, 'label'],
    [{ label: 'x'.repeat(61) }, 'label'],
  ],
  'tagging:set-item-tags': [
    [{ kind: 'observation', id: UUID, tags: [], equalityStatus: 'maybe' }, 'equalityStatus'],
    [
      {
        kind: 'observation',
        id: UUID,
        tags: [{ frameworkId: 'Trust Themes!', tagId: 'access' }],
        equalityStatus: 'not_recorded',
      },
      'tags.0.frameworkId',
    ],
    [
      {
        kind: 'story',
        id: UUID,
        tags: [{ frameworkId: 'equality-groups', tagId: 'carers', impact: 'great' }],
        equalityStatus: 'recorded',
      },
      'tags.0.impact',
    ],
    [{ kind: 'observation', id: UUID, tags: 'carers', equalityStatus: 'recorded' }, 'tags'],
    [{ kind: 'action', id: UUID, tags: [], equalityStatus: 'unknown' }, 'equalityStatus'],
    [{ kind: 'round', id: UUID, tags: [], equalityStatus: 'not_recorded' }, 'kind'],
    [{ id: UUID, tags: [], equalityStatus: 'not_recorded' }, 'kind'],
  ],
  'observations:set-sentiment': [
    [{ id: UUID, confirmed: 'happy', fftAnswer: null }, 'confirmed'],
    [{ id: UUID, confirmed: null, fftAnswer: 'excellent' }, 'fftAnswer'],
  ],
  'search:observations': [
    [{ text: 5 }, 'text'],
    [{ limit: 0 }, 'limit'],
    [{ from: 'last week' }, 'from'],
    [{ sentiment: 'angry' }, 'sentiment'],
    [{ tag: { frameworkId: 'trust-key-themes' } }, 'tag.tagId'],
  ],
  'signing:identity': [[{ create: true }, 'create']],
  'signing:trusted-list': [[{ all: true }, 'all']],
  'signing:trust': [
    [{ name: '  ', role: '', publicKeyPem: PEM }, 'name'],
    [{ name: 'Helen Adeyemi', role: '', publicKeyPem: '' }, 'publicKeyPem'],
    [{ name: 'Helen Adeyemi', role: 7, publicKeyPem: PEM }, 'role'],
    [{ name: 'Helen Adeyemi', role: '', publicKeyPem: 'x'.repeat(10_001) }, 'publicKeyPem'],
    [{ name: 'Helen Adeyemi', role: '', publicKeyPem: PEM, trusted: true }, 'trusted'],
  ],
  'signing:untrust': [
    [{}, 'keyId'],
    [{ keyId: 'ABCD' }, 'keyId'],
    [{ keyId: 'A'.repeat(64) }, 'keyId'],
  ],
  'signing:key-state': [[{ check: true }, 'check']],
  'bundles:collection-key-state': [[{ check: true }, 'check']],
  'bundles:replace-locked-collection-key': [
    [{}, 'confirm'],
    [{ confirm: 1 }, 'confirm'],
  ],
  'signing:replace-locked-key': [
    [{}, 'confirm'],
    [{ confirm: 'yes' }, 'confirm'],
  ],
  'sign-off:get': [
    [{ kind: 'action', id: UUID }, 'kind'],
    [{ kind: 'round' }, 'id'],
  ],
  'sign-off:sign': [
    [{ kind: 'round', id: UUID, signerName: '', signerRole: 'NED', attestation: 'I confirm' }, 'signerName'],
    [{ kind: 'round', id: UUID, signerName: 'Helen', signerRole: 'NED' }, 'attestation'],
    [{ kind: 'period', id: UUID, signerName: 'Helen', signerRole: 'NED', attestation: 'x' }, 'kind'],
    [
      { kind: 'round', id: UUID, signerName: 'Helen', signerRole: 'NED', attestation: 'x', signedAt: 'now' },
      'signedAt',
    ],
  ],
  'sign-off:add-addendum': [
    [{ kind: 'story', id: UUID, text: '  ', signerName: 'Helen', signerRole: 'NED' }, 'text'],
    [{ kind: 'story', id: UUID, text: longText, signerName: 'Helen', signerRole: 'NED' }, 'text'],
    [{ kind: 'story', id: UUID, text: 'Correction', signerRole: 'NED' }, 'signerName'],
  ],
  'exports:start': [
    [{ documentType: 'minutes', roundId: UUID, personalDataConfirmed: true }, 'documentType'],
    [{ documentType: 'round_summary', roundId: UUID }, 'personalDataConfirmed'],
    [{ documentType: 'round_summary', roundId: UUID, personalDataConfirmed: false }, 'personalDataConfirmed'],
    [
      { documentType: 'round_summary', roundId: UUID, personalDataConfirmed: true, fileName: '../evil.docx' },
      'fileName',
    ],
    [
      { documentType: 'round_summary', roundId: UUID, personalDataConfirmed: true, fileName: 'summary.pdf' },
      'fileName',
    ],
    [
      { documentType: 'round_summary', roundId: UUID, personalDataConfirmed: true, overwrite: 'yes' },
      'overwrite',
    ],
    [
      { documentType: 'story', storyId: UUID, audience: 'newspaper', personalDataConfirmed: true },
      'audience',
    ],
    [{ documentType: 'story', storyId: UUID, personalDataConfirmed: true }, 'audience'],
    [{ ...periodReport, to: '2026-09-30' }, 'to'],
    [{ ...periodReport, from: '1 July 2026' }, 'from'],
    [{ ...periodReport, signerName: '' }, 'signerName'],
    [{ ...periodReport, documentType: 'you_said_we_did', orientation: 'diagonal' }, 'orientation'],
  ],
  'exports:status': [
    [{}, 'jobId'],
    [{ jobId: 'job-1' }, 'jobId'],
  ],
  'exports:cancel': [[{ jobId: 42 }, 'jobId']],
  'exports:verify': [
    [{ fileName: 'a.docx', contentBase64: '' }, 'contentBase64'],
    [{ fileName: 'a.docx', contentBase64: 'not base64!' }, 'contentBase64'],
    [{ fileName: '', contentBase64: 'UEsDBA==' }, 'fileName'],
  ],
  'bundles:collection-key': [[{ extra: 1 }, 'extra']],
  'bundles:set-up-collection-key': [
    [{}, 'name'],
    [{ name: '   ' }, 'name'],
  ],
  'bundles:recipients': [[{ extra: 1 }, 'extra']],
  'bundles:add-recipient': [
    [{ fileName: 'peig.json', content: '' }, 'content'],
    [{ fileName: '', content: '{}' }, 'fileName'],
  ],
  'bundles:remove-recipient': [[{ keyId: 'ABCD' }, 'keyId']],
  'bundles:preview': [
    [{ recipientKeyId: 'x', period: null }, 'recipientKeyId'],
    [
      {
        recipientKeyId: 'a'.repeat(64),
        period: { from: '2026-10-01T00:00:00Z', to: '2026-07-01T00:00:00Z' },
      },
      'period.to',
    ],
  ],
  'bundles:send': [
    [{ recipientKeyId: 'a'.repeat(64), period: null, contributorName: ' ' }, 'contributorName'],
    [{ recipientKeyId: 'a'.repeat(64), contributorName: 'Helen' }, 'period'],
  ],
  'bundles:inspect': [
    [{ fileName: 'a.pxbundle', contentBase64: '' }, 'contentBase64'],
    [{ fileName: '', contentBase64: 'UEsDBA==' }, 'fileName'],
  ],
  'bundles:import-start': [
    [{ fileName: 'a.pxbundle', contentBase64: 'not base64!' }, 'contentBase64'],
    [{ fileName: 'a.pxbundle', contentBase64: 'UEsDBA==', confirmSigner: 'yes' }, 'confirmSigner'],
  ],
  'bundles:import-status': [[{ jobId: 'job' }, 'jobId']],
  'bundles:import-cancel': [[{}, 'jobId']],
  'bundles:import-log': [[{ extra: 1 }, 'extra']],
  'exports:period-preview': [
    [{ from: '2026-10-01', to: '2026-07-01', site: null }, 'to'],
    [{ from: '2026-07-01', to: '2026-10-01', site: '' }, 'site'],
  ],
  'hub:status': [[{ extra: 1 }, 'extra']],
  'hub:save-connection': [
    [{ host: '', port: 5432, database: 'hub', user: 'ann', password: 'x' }, 'host'],
    [{ host: "db'; drop table x;--", port: 5432, database: 'hub', user: 'ann' }, 'host'],
    [{ host: 'hub.example.nhs.uk', port: 70_000, database: 'hub', user: 'ann' }, 'port'],
    [{ host: 'hub.example.nhs.uk', port: 5432, database: '', user: 'ann' }, 'database'],
    [{ host: 'hub.example.nhs.uk', port: 5432, database: 'hub', user: 'x'.repeat(64) }, 'user'],
    [{ host: 'hub.example.nhs.uk', port: 5432, database: 'hub', user: 'ann', password: '' }, 'password'],
    [
      { host: 'hub.example.nhs.uk', port: 5432, database: 'hub', user: 'ann', caCertificate: null },
      'caCertificate',
    ],
  ],
  'hub:test-connection': [[{ extra: 1 }, 'extra']],
  'hub:publish-start': [[{ extra: 1 }, 'extra']],
  'hub:pull-start': [[{ extra: 1 }, 'extra']],
  'hub:job-status': [[{ jobId: 'job' }, 'jobId']],
  'hub:job-cancel': [[{}, 'jobId']],
  'insights:get': [
    [{ from: '2026-10-01T00:00:00Z', to: '2026-07-01T00:00:00Z' }, 'to'],
    [{ from: 'Q3', to: '2026-10-01T00:00:00Z' }, 'from'],
    [{ from: '2026-07-01T00:00:00Z', to: '2026-10-01T00:00:00Z', threshold: 1 }, 'threshold'],
  ],
};

describe('every channel rejects malformed input without writing', () => {
  it('has malformed cases for every channel in the contract', () => {
    expect(Object.keys(malformed).toSorted()).toEqual([...channelNames].toSorted());
  });

  for (const channel of channelNames) {
    it(`${channel}: answers a validation error naming the field, and changes nothing`, async () => {
      // Seed real data first, so "changes nothing" is measured against a database with rows.
      const round = await ctx.call('rounds:create', {
        startsAt: new Date().toISOString(),
        site: 'Sutton',
        templateId: null,
        team: [],
      });
      await ctx.call('areas:add', { roundId: round.id, name: 'Ward 1' });
      const before = snapshot();
      for (const [payload, field] of malformed[channel]) {
        const result = await ctx.dispatch(channel, payload);
        expect(result, JSON.stringify(payload)).toMatchObject({
          ok: false,
          error: { kind: 'validation', field },
        });
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
      }
      expect(snapshot()).toBe(before);
    });
  }

  it('refuses a channel that is not in the contract', async () => {
    expect(await ctx.dispatch('rounds:drop-all', {})).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'channel' },
    });
    expect(await ctx.dispatch('constructor', {})).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'channel' },
    });
  });
});
