import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each architecture rule is shown to fire on a sample tree laid out like the project (and to stay
// quiet on the allowed counterpart), linted with the project's own eslint.config.js. That the real
// tree passes is shown by `npm run lint`.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const sampleTree: Record<string, string> = {
  'db/reaches-domain.ts': "import { x } from '../domain/store';\nexport const y = x;\n",
  'db/reaches-renderer.ts': "import { x } from '../renderer/src/App';\nexport const y = x;\n",
  'db/composes-in-a-test.test.ts': "import { x } from '../domain/store';\nexport const y = x;\n",
  'db/reads-ipc.ts': "import type { X } from '../ipc/contract';\nexport type Y = X;\n",
  'domain/store.ts': 'export const x = 1;\n',
  'ipc/contract.ts':
    "import { z } from 'zod';\nimport { part } from './part';\nexport const X = z.string().and(part);\nexport type X = string;\n",
  'ipc/part.ts': "import { z } from 'zod';\nexport const part = z.string();\n",
  'ipc/reaches-db.ts': "import { x } from '../db/reads-ipc';\nexport const y = x;\n",
  'ipc/uses-another-package.ts': "import { sql } from 'drizzle-orm';\nexport const y = sql;\n",
  'renderer/src/App.tsx': 'export const x = 1;\n',
  'renderer/src/pages/alpha/ImpureDomain.tsx':
    "import { x } from '../../../../domain/store';\nexport const y = x;\n",
  'renderer/src/pages/alpha/PureDomain.tsx':
    "import { suggestTags } from '../../../../domain/tagging/suggest-tags';\nexport const y = suggestTags;\n",
  'domain/tagging/suggest-tags.ts': 'export const suggestTags = 1;\n',
  'electron/preload/value-zod.ts': "import { z } from 'zod';\nexport const y = z;\n",
  'electron/preload/type-zod.ts': "import type { ZodType } from 'zod';\nexport type Y = ZodType;\n",
  'electron/preload/zod-through-ipc.ts': "import { X } from '../../ipc/contract';\nexport const y = X;\n",
  'electron/preload/types-from-ipc.ts': "import type { X } from '../../ipc/contract';\nexport type Y = X;\n",
  'cli/first.ts': "import { b } from './second';\nexport const a = b;\n",
  'cli/second.ts': "import type { A } from './third';\nexport const b = 1;\nexport type B = A;\n",
  'cli/third.ts': "import { a } from './first';\nexport type A = typeof a;\n",
  'domain/north/north-service.ts': "import { s } from '../south/south-service';\nexport const n = s;\n",
  'domain/south/south-service.ts': "import { e } from '../east/east-service';\nexport const s = e;\n",
  'domain/east/east-service.ts': "import { n2 } from '../north/other';\nexport const e = n2;\n",
  'domain/north/other.ts': 'export const n2 = 1;\n',
  'domain/west/west.test.ts': "import { n } from '../north/north-service';\nexport const w = n;\n",
  'domain/north/uses-west.ts': "import { w } from '../west/west.test';\nexport const u = w;\n",
  'renderer/src/pages/one/One.tsx': "import { Two } from '../two/Two';\nexport const One = Two;\n",
  'renderer/src/pages/two/Two.tsx': "import { x } from '../one/constants';\nexport const Two = x;\n",
  'renderer/src/pages/one/constants.ts': 'export const x = 1;\n',
};

type Finding = { file: string; ruleId: string | null; message: string };
let root: string;
let findings: Finding[];

const findingsFor = (file: string) => findings.filter((finding) => finding.file === file);
const rulesFor = (file: string) => findingsFor(file).map((finding) => finding.ruleId);

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'lint-rules-'));
  for (const [file, text] of Object.entries(sampleTree)) {
    mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(repoRoot, 'eslint.config.js') });
  const results = await eslint.lintFiles(Object.keys(sampleTree));
  findings = results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(root, result.filePath).split(path.sep).join('/'),
      ruleId: message.ruleId,
      message: message.message,
    })),
  );
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the layer map', () => {
  it('keeps db/ from importing domain/ and the renderer, but not from importing ipc/ types', () => {
    expect(findingsFor('db/reaches-domain.ts')).toEqual([
      expect.objectContaining({
        ruleId: 'architecture/layer-imports',
        message: expect.stringContaining('db/ may not import domain/store.ts'),
      }),
    ]);
    expect(rulesFor('db/reaches-renderer.ts')).toEqual(['architecture/layer-imports']);
    expect(rulesFor('db/reads-ipc.ts')).toEqual([]);
  });

  it('lets tests compose layers', () => {
    expect(rulesFor('db/composes-in-a-test.test.ts')).toEqual([]);
  });

  it('lets ipc/ import only zod and ipc/', () => {
    expect(rulesFor('ipc/contract.ts')).toEqual([]);
    expect(findingsFor('ipc/reaches-db.ts')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('it imports only from ipc/') }),
    ]);
    expect(findingsFor('ipc/uses-another-package.ts')).toEqual([
      expect.objectContaining({ message: "ipc/ may not import the package 'drizzle-orm'." }),
    ]);
  });

  it('lets the renderer import only the listed pure domain modules', () => {
    expect(findingsFor('renderer/src/pages/alpha/ImpureDomain.tsx')).toEqual([
      expect.objectContaining({
        ruleId: 'architecture/layer-imports',
        message: expect.stringContaining('The renderer may not import domain/store.ts'),
      }),
    ]);
    expect(rulesFor('renderer/src/pages/alpha/PureDomain.tsx')).toEqual([]);
  });

  it('keeps zod out of the preload, directly or through another file, but allows its types', () => {
    expect(findingsFor('electron/preload/value-zod.ts')).toEqual([
      expect.objectContaining({ message: "The preload may not import the package 'zod'." }),
    ]);
    expect(findingsFor('electron/preload/zod-through-ipc.ts')).toEqual([
      expect.objectContaining({
        message: "The preload may not import the package 'zod' (through ipc/contract.ts).",
      }),
    ]);
    expect(rulesFor('electron/preload/type-zod.ts')).toEqual([]);
    expect(rulesFor('electron/preload/types-from-ipc.ts')).toEqual([]);
  });
});

describe('cycles', () => {
  it('finds a ring of files, type imports included, at every file on it', () => {
    expect(findingsFor('cli/first.ts')).toEqual([
      {
        file: 'cli/first.ts',
        ruleId: 'architecture/no-file-cycles',
        message: 'Import cycle: cli/first.ts → cli/second.ts → cli/third.ts → cli/first.ts.',
      },
    ]);
    expect(rulesFor('cli/second.ts')).toEqual(['architecture/no-file-cycles']);
    expect(rulesFor('cli/third.ts')).toEqual(['architecture/no-file-cycles']);
  });

  it('finds feature folders that depend on each other through other folders, without a file cycle', () => {
    expect(findingsFor('domain/north/north-service.ts')).toEqual([
      expect.objectContaining({
        ruleId: 'architecture/no-folder-cycles',
        message:
          'domain/north and domain/south depend on each other: domain/south/south-service.ts imports ' +
          'domain/east/east-service.ts; domain/east/east-service.ts imports domain/north/other.ts.',
      }),
    ]);
    expect(rulesFor('domain/east/east-service.ts')).toEqual(['architecture/no-folder-cycles']);
  });

  it('finds two screen folders that import each other', () => {
    expect(rulesFor('renderer/src/pages/one/One.tsx')).toEqual(['architecture/no-folder-cycles']);
    expect(rulesFor('renderer/src/pages/two/Two.tsx')).toEqual(['architecture/no-folder-cycles']);
  });

  it('does not count a test that composes features', () => {
    expect(rulesFor('domain/west/west.test.ts')).toEqual([]);
  });
});
