// A governor and the PEIG lead meet at a real trust hub (a temporary PostgreSQL cluster): each
// sets up Settings → Trust hub by keyboard, the governor publishes a signed-off round, and the
// lead pulls it in; a record changed on the hub is left out and named in the pull log. A wrong
// password shows its error summary first. Every state is scanned with axe.
import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import { applyGrant, publisherGrantSql } from '../../db/hub/hub-roles';
import { startHubCluster } from '../helpers/hub-fixtures';
import type { PostgresCluster } from '../helpers/postgres-cluster';
import { callHost, expect, expectNoAxeViolations, test, type BrowserHost } from './fixtures';

const DB = 'trust_hub';
const PASSWORD = 'correct horse battery staple';
const TAMPERED_ID = '5b1c0d2e-7f3a-4c8b-9e6d-0a1b2c3d4e5f';

async function callOk<T>(host: BrowserHost, channel: string, request: unknown): Promise<T> {
  const answer = (await callHost(host, channel, request)) as { ok: boolean; value: T; error?: unknown };
  expect(answer.error, channel).toBeUndefined();
  return answer.value;
}

async function signedOffRound(host: BrowserHost) {
  const round = await callOk<{ id: string }>(host, 'rounds:create', {
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    site: 'Sutton',
    templateId: 'fifteen-steps',
    team: [],
  });
  const { areaId } = await callOk<{ areaId: string }>(host, 'areas:add', {
    roundId: round.id,
    name: 'Oak Ward',
  });
  await callOk(host, 'observations:create', {
    roundId: round.id,
    areaId,
    kind: 'seen',
    source: 'not_applicable',
    text: 'The ward was calm and the staff were welcoming.',
    promptId: null,
  });
  await callOk(host, 'rounds:complete', { roundId: round.id });
  await callOk(host, 'sign-off:sign', {
    kind: 'round',
    id: round.id,
    signerName: 'Alice Green',
    signerRole: 'Governor',
    attestation: 'I confirm that this is a fair and accurate record of the round.',
  });
}

/** Settings → Trust hub, reached from Settings by keyboard. */
async function openTrustHub(browser: Browser, host: BrowserHost): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeVisible();
  await page.evaluate("window.location.hash = '#/settings'");
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('link', { name: 'Set up and use the trust hub' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Trust hub' })).toBeVisible();
  return page;
}

/** Types the connection into the form, field by field with Tab, and saves it with Enter. */
async function typeConnection(page: Page, cluster: PostgresCluster, user: string, password: string) {
  await page.getByLabel('Server name').focus();
  await page.keyboard.type('127.0.0.1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(String(cluster.port));
  await page.keyboard.press('Tab');
  await page.keyboard.type(DB);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.getByRole('button', { name: 'Save connection' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

let cluster: PostgresCluster;
test.beforeAll(async () => {
  cluster = await startHubCluster({
    database: DB,
    roles: ['alice', 'peig_lead'],
    password: PASSWORD,
    reader: 'peig_lead',
  });
});
test.afterAll(() => cluster?.stop());

test('a governor publishes to the trust hub and the PEIG lead pulls it in, all by keyboard', async ({
  browser,
  laptops,
}) => {
  test.setTimeout(180_000);
  const [alice, lead] = laptops;
  await signedOffRound(alice);
  const identity = await callOk<{ keyId: string; publicKeyPem: string }>(alice, 'signing:identity', {});
  const admin = new pg.Client({ connectionString: cluster.url(DB) });
  await admin.connect();
  await applyGrant(admin, publisherGrantSql({ role: 'alice', ...identity }));
  await admin.end();

  // The governor: a wrong password first, then the right one, then Publish.
  const page = await openTrustHub(browser, alice);
  await expectNoAxeViolations(page, 'Trust hub (not set up)');
  await typeConnection(page, cluster, 'alice', 'not the password');
  await page.getByRole('button', { name: 'Test connection' }).press('Enter');
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toContainText('did not accept that user name and password');
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page, 'Trust hub (wrong password)');

  await page.getByLabel('Password').focus();
  await page.keyboard.type(PASSWORD);
  await page.getByRole('button', { name: 'Save connection' }).press('Enter');
  // Both buttons wait while the connection is saved.
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Test connection' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Connected to the trust hub' })).toBeVisible();
  // The password is never shown back.
  await expect(page.getByLabel('Password')).toHaveValue('');
  expect(await page.content()).not.toContain(PASSWORD);

  await page.getByRole('button', { name: 'Publish' }).press('Enter');
  await expect(page.getByText('Published 1 bundle')).toBeVisible();
  // The keyboard's place is kept: focus is still on Publish once it has finished.
  await expect(page.getByRole('button', { name: 'Publish' })).toBeFocused();
  await expect(page.locator('.nhsuk-summary-list')).toContainText(
    /Last published.*1 round \(1 observation\)/,
  );
  await expectNoAxeViolations(page, 'Trust hub (published)');

  // Someone with the hub's admin rights slips in a changed copy of Alice's record: its
  // signature no longer matches, so the lead's pull must leave it out and name it in the log.
  const tamperer = new pg.Client({ connectionString: cluster.url(DB) });
  await tamperer.connect();
  await tamperer.query(
    `insert into px_hub.units (id, kind, key_id, bundle_id, payload, signature)
     select $1::uuid, kind, key_id, bundle_id,
            replace(replace(payload, id::text, $2), 'calm', 'chaotic'), signature
       from px_hub.units where kind = 'round' limit 1`,
    [TAMPERED_ID, TAMPERED_ID],
  );
  await tamperer.end();

  // The lead trusts Alice's key, sets up the hub and pulls.
  await callOk(lead, 'signing:trust', {
    name: 'Alice Green',
    role: 'Governor',
    publicKeyPem: identity.publicKeyPem,
  });
  const leadPage = await openTrustHub(browser, lead);
  await typeConnection(leadPage, cluster, 'peig_lead', PASSWORD);
  await leadPage.getByRole('button', { name: 'Pull' }).press('Enter');
  await expect(leadPage.getByText('Added: 1 round')).toBeVisible();
  const log = leadPage.getByRole('table', { name: 'Records held back' });
  await expect(log.getByRole('row').filter({ hasText: TAMPERED_ID })).toContainText(
    'its signature does not match its content',
  );
  await expectNoAxeViolations(leadPage, 'Trust hub (pulled)');
  const rounds = await callOk<unknown[]>(lead, 'rounds:list', {});
  expect(rounds).toHaveLength(1);

  // Pulling again brings in nothing twice.
  await leadPage.getByRole('button', { name: 'Pull' }).press('Enter');
  await expect(leadPage.getByText('Added: 0 rounds')).toBeVisible();
  expect(await callOk<unknown[]>(lead, 'rounds:list', {})).toHaveLength(1);
});
