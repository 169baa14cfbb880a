// The project's own ESLint rules: the layer map and the absence of import cycles, which no
// built-in rule can express because they depend on where an import lands, not how it is spelt.
// Used by eslint.config.js as the `architecture` plugin; each rule's behaviour is proven by
// test/unit/eslint-rules.test.ts on sample trees.
//
// - architecture/layer-imports: what a layer's files may import, by the resolved file's folder and
//   by package name (options below).
// - architecture/no-file-cycles: no file reaches itself through its imports, type imports included.
// - architecture/no-folder-cycles: no two feature folders depend on each other, directly or through
//   other feature folders (test and bench files do not count: they may compose several features).
import {
  findPath,
  isRelative,
  isTestFile,
  packageName,
  readGraph,
  resolveSpecifier,
  toRelative,
} from './import-graph.js';

/** Each import-like node of the file with its source literal and whether it imports only types. */
const importNodes = (program) => {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'ImportDeclaration') {
      const specifiers = node.specifiers;
      const typeOnly =
        node.importKind === 'type' ||
        (specifiers.length > 0 &&
          specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type'));
      found.push({ node, specifier: node.source.value, typeOnly });
      return;
    }
    if ((node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source) {
      found.push({ node, specifier: node.source.value, typeOnly: node.exportKind === 'type' });
    }
    if (
      node.type === 'ImportExpression' &&
      node.source.type === 'Literal' &&
      typeof node.source.value === 'string'
    ) {
      found.push({ node, specifier: node.source.value, typeOnly: false });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(program);
  return found;
};

const within = (file, folder) => file === folder || file.startsWith(`${folder}/`);

/** The current file's imports, resolved, each with the node to report on. */
const currentImports = (context) => {
  const root = context.cwd;
  const file = toRelative(root, context.filename);
  const imports = importNodes(context.sourceCode.ast).map((found) =>
    isRelative(found.specifier)
      ? { ...found, target: resolveSpecifier(root, file, found.specifier) }
      : { ...found, package: packageName(found.specifier) },
  );
  return { root, file, imports };
};

const layerOptionsSchema = {
  type: 'object',
  properties: {
    layer: { type: 'string' },
    allowFolders: { type: 'array', items: { type: 'string' } },
    forbidFolders: { type: 'array', items: { type: 'string' } },
    allowFiles: { type: 'array', items: { type: 'string' } },
    allowPackages: { type: 'array', items: { type: 'string' } },
    forbidPackages: { type: 'array', items: { type: 'string' } },
    typeImportsAllowed: { type: 'boolean' },
    transitive: { type: 'boolean' },
  },
  required: ['layer'],
  additionalProperties: false,
};

/**
 * Options: `layer` names the layer in messages. Folders and files are repository-relative.
 * `allowFolders` (when given) is the only places files may be imported from; `forbidFolders` are
 * places they may not; `allowFiles` are exceptions to both. `allowPackages` (when given) is the
 * only packages; `forbidPackages` are packages never imported. With `typeImportsAllowed`, an
 * `import type` is exempt from the package rules (it leaves nothing in the bundle). With
 * `transitive`, a value import of a file that itself reaches a forbidden package through value
 * imports is reported too, since the package would arrive in the bundle all the same.
 */
const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each layer to the imports the architecture allows it.' },
    schema: [layerOptionsSchema],
    messages: {
      folder: '{{layer}} may not import {{target}}: {{reason}}.',
      package: "{{layer}} may not import the package '{{name}}'{{via}}.",
    },
  },
  create(context) {
    const options = context.options[0];
    const allowFiles = new Set(options.allowFiles ?? []);
    const packageForbidden = (name) =>
      (options.allowPackages !== undefined &&
        !options.allowPackages.includes(name) &&
        !name.startsWith('node:')) ||
      (options.forbidPackages ?? []).includes(name);
    const folderReason = (target) => {
      if (allowFiles.has(target)) return undefined;
      const forbidden = (options.forbidFolders ?? []).find((folder) => within(target, folder));
      if (forbidden) return `${forbidden}/ is not below it in the layer map`;
      if (options.allowFolders && !options.allowFolders.some((folder) => within(target, folder))) {
        return `it imports only from ${options.allowFolders.map((folder) => `${folder}/`).join(', ')}`;
      }
      return undefined;
    };
    return {
      'Program:exit'() {
        const { root, file, imports } = currentImports(context);
        let graph;
        for (const found of imports) {
          if (found.package !== undefined) {
            if (!(options.typeImportsAllowed && found.typeOnly) && packageForbidden(found.package)) {
              context.report({
                node: found.node,
                messageId: 'package',
                data: { ...options, name: found.package, via: '' },
              });
            }
            continue;
          }
          const reason = folderReason(found.target);
          if (reason) {
            context.report({
              node: found.node,
              messageId: 'folder',
              data: { layer: options.layer, target: found.target, reason },
            });
            continue;
          }
          if (!options.transitive || found.typeOnly) continue;
          graph ??= readGraph(root, { file, edges: imports });
          const chain = reachesForbiddenPackage(graph, found.target, packageForbidden);
          if (chain) {
            context.report({
              node: found.node,
              messageId: 'package',
              data: { layer: options.layer, name: chain.name, via: ` (through ${chain.files.join(' → ')})` },
            });
          }
        }
      },
    };
  },
};

/** The first forbidden package reached from `start` through value imports, with the files on the way. */
const reachesForbiddenPackage = (graph, start, forbidden) => {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const edge of graph.get(current) ?? []) {
      if (edge.typeOnly) continue;
      if (edge.package !== undefined && forbidden(edge.package)) {
        const files = [];
        for (let at = current; at !== undefined; at = previous.get(at)) files.unshift(at);
        return { name: edge.package, files };
      }
      if (edge.target && graph.has(edge.target) && !previous.has(edge.target)) {
        previous.set(edge.target, current);
        queue.push(edge.target);
      }
    }
  }
  return undefined;
};

const noFileCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids a chain of imports that leads back to the importing file.' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}.' },
  },
  create(context) {
    return {
      'Program:exit'() {
        const { root, file, imports } = currentImports(context);
        const local = imports.filter((found) => found.target !== undefined);
        if (local.length === 0) return;
        const graph = readGraph(root, { file, edges: local });
        for (const found of local) {
          const chain = findPath(graph, found.target, file);
          if (chain)
            context.report({
              node: found.node,
              messageId: 'cycle',
              data: { chain: [file, ...chain].join(' → ') },
            });
        }
      },
    };
  },
};

/** The feature folder a file belongs to (`domain/stories`), given patterns like `domain/*`. */
const featureFolderOf = (patterns, file) => {
  for (const pattern of patterns) {
    const parent = pattern.replace(/\/\*$/, '');
    if (!file.startsWith(`${parent}/`)) continue;
    const rest = file.slice(parent.length + 1).split('/');
    if (rest.length > 1) return `${parent}/${rest[0]}`;
  }
  return undefined;
};

/** Feature folder → Map of feature folder it imports → one file-level import that shows it. */
const folderGraph = (graph, patterns) => {
  const folders = new Map();
  for (const [file, edges] of graph) {
    if (isTestFile(file)) continue;
    const from = featureFolderOf(patterns, file);
    if (!from) continue;
    for (const edge of edges) {
      const to = edge.target && featureFolderOf(patterns, edge.target);
      if (!to || to === from) continue;
      if (!folders.has(from)) folders.set(from, new Map());
      if (!folders.get(from).has(to)) folders.get(from).set(to, `${file} imports ${edge.target}`);
    }
  }
  return folders;
};

const noFolderCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids two feature folders from depending on each other, directly or in a ring.' },
    schema: [
      {
        type: 'object',
        properties: { featureFolders: { type: 'array', items: { type: 'string' } } },
        required: ['featureFolders'],
        additionalProperties: false,
      },
    ],
    messages: { cycle: '{{from}} and {{to}} depend on each other: {{back}}.' },
  },
  create(context) {
    const patterns = context.options[0].featureFolders;
    return {
      'Program:exit'() {
        const { root, file, imports } = currentImports(context);
        const from = featureFolderOf(patterns, file);
        if (!from || isTestFile(file)) return;
        const local = imports.filter((found) => found.target !== undefined);
        const outward = local.filter((found) => {
          const to = featureFolderOf(patterns, found.target);
          return to !== undefined && to !== from;
        });
        if (outward.length === 0) return;
        const folders = folderGraph(readGraph(root, { file, edges: local }), patterns);
        const asGraph = new Map(
          [...folders].map(([folder, targets]) => [
            folder,
            [...targets.keys()].map((target) => ({ target })),
          ]),
        );
        for (const found of outward) {
          const to = featureFolderOf(patterns, found.target);
          const chain = findPath(asGraph, to, from);
          if (!chain) continue;
          const back = chain
            .slice(1)
            .map((folder, index) => folders.get(chain[index]).get(folder))
            .join('; ');
          context.report({ node: found.node, messageId: 'cycle', data: { from, to, back } });
        }
      },
    };
  },
};

export default {
  meta: { name: 'architecture' },
  rules: {
    'layer-imports': layerImports,
    'no-file-cycles': noFileCycles,
    'no-folder-cycles': noFolderCycles,
  },
};
