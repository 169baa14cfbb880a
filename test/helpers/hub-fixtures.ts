import pg from 'pg';
import { applyGrant, publisherGrantSql } from '../../db/hub/hub-roles';

/** IT's step on the hub: lets `role` publish under the laptop's signing key. */
export async function registerHubPublisher(
  url: string,
  role: string,
  identity: { keyId: string; publicKeyPem: string },
): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await applyGrant(
    admin,
    publisherGrantSql({ role, keyId: identity.keyId, publicKeyPem: identity.publicKeyPem }),
  );
  await admin.end();
}
