// Records that a story went out in a file, straight into the host's database (a second
// connection, as the export feature's own step would). The screens cannot export a story yet,
// and withdrawal must list every file the story went out in.
import { join } from 'node:path';
import { openDatabase } from '../../db/connection';
import { loadOrCreateKeyFile } from '../../db/key-file';
import { createStore } from '../../domain/store';
import type { ConsentIdentity, ConsentScope } from '../../ipc/vocabulary';
import { projectRoot, type BrowserHost } from './fixtures';

// As in domain/app-context.ts, which this runner cannot load (it imports JSON resources).
const DATABASE_FILE = 'px-rounds.db';
const BACKUPS_FOLDER = 'backups';

/** A second connection to the host's database for `use`, closed after it whatever happens. */
function withHostDatabase(host: BrowserHost, use: (opened: ReturnType<typeof openDatabase>) => void): void {
  const opened = openDatabase({
    file: join(host.dataDir, DATABASE_FILE),
    key: loadOrCreateKeyFile(host.dataDir),
    migrationsFolder: join(projectRoot, 'db', 'migrations'),
    backupsFolder: join(host.dataDir, BACKUPS_FOLDER),
    integrityCheck: 'deferred',
  });
  try {
    use(opened);
  } finally {
    opened.close();
  }
}

export function seedStoryExport(
  host: BrowserHost,
  entry: { storyId: string; fileName: string; scope: ConsentScope; identity: ConsentIdentity },
): void {
  withHostDatabase(host, (opened) => {
    const store = createStore(opened.sqlite, opened.db, { actor: 'e2e' });
    // The repository's own step (consent-service's recordStoryExport checks the consent first, and
    // is tested with the domain; its module graph loads JSON, which this runner cannot).
    store.stories.recordExport({ ...entry, kind: 'story', exportedAt: new Date().toISOString() });
    store.dispose();
  });
}

/**
 * Rewrites a story's consent as a set of uses recorded before they became levels (staff
 * training alone, say): such records exist, and the period report must account for them.
 */
export function seedConsentScopes(host: BrowserHost, storyId: string, scopes: readonly ConsentScope[]): void {
  withHostDatabase(host, (opened) => {
    opened.sqlite
      .prepare('UPDATE story_consents SET scopes = ? WHERE story_id = ?')
      .run(JSON.stringify(scopes), storyId);
  });
}
