import pg from 'pg';

// What trust IT runs to let a person publish to, or read from, the hub. Each person logs in with
// their own PostgreSQL role (made by IT as it makes any login); these statements only add the
// hub's group role to it, and for a publisher register the signing key their laptop shows. The
// same text is printed for IT to run by hand, or run here over an admin connection.

export type PublisherGrant = { role: string; keyId: string; publicKeyPem: string };

export function publisherGrantSql({ role, keyId, publicKeyPem }: PublisherGrant): string {
  return [
    `GRANT px_hub_publisher TO ${pg.escapeIdentifier(role)};`,
    'INSERT INTO px_hub.publisher_keys (key_id, role_name, public_key_pem)',
    `  VALUES (${pg.escapeLiteral(keyId)}, ${pg.escapeLiteral(role)}, ${pg.escapeLiteral(publicKeyPem)});`,
  ].join('\n');
}

export function readerGrantSql(role: string): string {
  return `GRANT px_hub_reader TO ${pg.escapeIdentifier(role)};`;
}

export function adminGrantSql(role: string): string {
  return `GRANT px_hub_admin TO ${pg.escapeIdentifier(role)};`;
}

/** Applies a grant in one transaction, so a key is never registered without its grant. */
export async function applyGrant(client: pg.ClientBase, sqlText: string): Promise<void> {
  await client.query('begin');
  try {
    await client.query(sqlText);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
