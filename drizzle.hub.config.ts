import { defineConfig } from 'drizzle-kit';

// The trust hub's PostgreSQL schema; the app's own SQLite schema is drizzle.config.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/hub/hub-schema.ts',
  out: './db/hub/migrations',
  schemaFilter: ['px_hub'],
});
