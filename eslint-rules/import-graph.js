// The project's import graph, read from the files on disk, for the architecture rules.
// Only relative specifiers are followed (the project uses no path aliases); a bare specifier is a
// package. Files are parsed with the TypeScript parser already installed for type checking, and
// each file's imports are kept until its modification time changes, so one lint run parses each
// file once while an editor that keeps ESLint running still sees edits.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'out',
  'dist',
  'test-results',
  'playwright-report',
  'migrations',
]);
const SOURCE_FILE = /\.(ts|tsx)$/;
const EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx'];

/** Paths are repository-relative with forward slashes, the way the rules and messages name them. */
export const toRelative = (root, file) => path.relative(root, file).split(path.sep).join('/');

export const isTestFile = (relative) =>
  /\.(test|spec|bench)\.tsx?$/.test(relative) ||
  relative.startsWith('test/') ||
  relative.startsWith('bench/');

/** Resolves a relative specifier to a repository-relative file, or to the normalised path when no file exists. */
export const resolveSpecifier = (root, fromRelative, specifier) => {
  const base = path.resolve(root, path.dirname(fromRelative), specifier.replace(/\.js$/, ''));
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return toRelative(root, candidate);
  }
  return toRelative(root, base);
};

export const isRelative = (specifier) => specifier.startsWith('./') || specifier.startsWith('../');

/** The package a bare specifier names: `zod/mini` → `zod`, `@scope/pkg/x` → `@scope/pkg`, `node:fs` → `node:fs`. */
export const packageName = (specifier) => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

const isTypeOnlyImport = (node) => {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
};

/** Every import, re-export and dynamic import of a file's text: `{ specifier, typeOnly }`. */
const importsOfText = (fileName, text) => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnlyImport(node) });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

const parsedFiles = new Map();

const sourceFiles = (root) => {
  const files = [];
  const walk = (folder) => {
    let entries;
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE_FILE.test(entry.name)) files.push(full);
    }
  };
  walk(root);
  return files;
};

/** Resolves a file's raw imports into edges: `{ target, typeOnly, specifier }` for files, `{ package }` for packages. */
export const resolveImports = (root, fromRelative, imports) =>
  imports.map(({ specifier, typeOnly }) =>
    isRelative(specifier)
      ? { specifier, typeOnly, target: resolveSpecifier(root, fromRelative, specifier) }
      : { specifier, typeOnly, package: packageName(specifier) },
  );

/**
 * The graph of the tree under `root`: a Map from repository-relative file to its resolved imports.
 * `override` replaces one file's imports by those read from the text being linted (which may not be
 * on disk yet, or may differ from it).
 */
export const readGraph = (root, override) => {
  const graph = new Map(diskGraph(root));
  if (override) graph.set(override.file, override.edges);
  return graph;
};

// The walk and the modification times are reused for a second: one lint run asks for the graph
// once per file and the answer cannot change meanwhile except by an edit, which an editor's next
// run, a second later, sees.
const DISK_GRAPH_LIFETIME_MS = 1000;
let lastDiskGraph;

const diskGraph = (root) => {
  const now = Date.now();
  if (lastDiskGraph && lastDiskGraph.root === root && now - lastDiskGraph.readAt < DISK_GRAPH_LIFETIME_MS) {
    return lastDiskGraph.graph;
  }
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const edges = fileEdges(root, file);
    if (edges) graph.set(toRelative(root, file), edges);
  }
  lastDiskGraph = { root, readAt: now, graph };
  return graph;
};

/** A file's resolved imports, parsed again only when it changed; undefined when it has just been removed. */
const fileEdges = (root, file) => {
  try {
    const modified = fs.statSync(file).mtimeMs;
    let cached = parsedFiles.get(file);
    if (!cached || cached.modified !== modified) {
      const imports = importsOfText(file, fs.readFileSync(file, 'utf8'));
      cached = { modified, edges: resolveImports(root, toRelative(root, file), imports) };
      parsedFiles.set(file, cached);
    }
    return cached.edges;
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
};

/** The shortest chain of files from `start` to `goal` along file edges, or undefined. */
export const findPath = (graph, start, goal, follows = () => true) => {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === goal) {
      const chain = [];
      for (let at = goal; at !== undefined; at = previous.get(at)) chain.unshift(at);
      return chain;
    }
    for (const edge of graph.get(current) ?? []) {
      if (edge.target && follows(edge) && graph.has(edge.target) && !previous.has(edge.target)) {
        previous.set(edge.target, current);
        queue.push(edge.target);
      }
    }
  }
  return undefined;
};
