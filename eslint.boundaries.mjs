// Local ESLint rule `maillage/boundaries`: where an import may point, judged on the resolved path
// (the built-in no-restricted-imports only sees the written string, so `../../auth/src/x` and
// `../x` look alike at different depths). Package names are banned with no-restricted-imports.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const ALIAS = /^@maillage\/([^/]+)(\/.*)?$/;

/** Second entry points a library declares beside its index (tsconfig.json and jest.config.js map them). */
const ENTRY_POINTS = ['libs/scoring/src/testing']; // @maillage/scoring/testing: fixtures for specs and benchmarks

/** 'libs/<lib>/src' or its index, or a declared entry point of that lib: what a lib exports to others. */
const isLibEntry = (target, lib) =>
  [`libs/${lib}/src`, ...ENTRY_POINTS.filter((e) => e.startsWith(`libs/${lib}/`))].some((e) =>
    [e, `${e}/index`, `${e}/index.ts`].includes(target),
  );

/** The import as a repository-relative path ('libs/auth/src/x'), or null for a package. */
function resolveTarget(spec, fromDir) {
  const alias = ALIAS.exec(spec);
  if (alias) return `libs/${alias[1]}/src${alias[2] ?? ''}`;
  if (spec.startsWith('.')) return path.relative(ROOT, path.resolve(fromDir, spec)).split(path.sep).join('/');
  if (/^(apps|libs)\//.test(spec)) return spec; // tsconfig baseUrl is the repository root
  return null;
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Libraries import each other by their index only, never an app's code." },
    schema: [{ type: 'object', properties: { confined: { type: 'boolean' } }, additionalProperties: false }],
    messages: {
      deep: "'{{spec}}' reaches into libs/{{lib}} internals: import '@maillage/{{lib}}' (its index.ts exports what others may use).",
      app: "'{{spec}}' is an app: libraries never import apps (apps compose libraries).",
      confined:
        "'{{spec}}' leaves libs/{{own}}: this library is pure and imports no other library, app or file outside its folder.",
    },
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const own = /^libs\/([^/]+)\//.exec(file)?.[1];
    const confined = Boolean(context.options[0]?.confined);
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const alias = ALIAS.exec(spec);
      const target = resolveTarget(spec, path.dirname(context.filename));
      if (target === null) return;
      const lib = /^libs\/([^/]+)(\/|$)/.exec(target)?.[1];
      if (lib && (alias?.[2] || lib !== own) && !isLibEntry(target, lib)) {
        context.report({ node, messageId: 'deep', data: { spec, lib } });
      } else if (own && /^apps(\/|$)/.test(target)) {
        context.report({ node, messageId: 'app', data: { spec } });
      } else if (confined && !alias && !target.startsWith(`libs/${own}/`)) {
        context.report({ node, messageId: 'confined', data: { spec, own } });
      }
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSExternalModuleReference: (node) => check(node.expression, node.expression.value),
      CallExpression: (node) => {
        const [arg] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal')
          check(arg, arg.value);
      },
    };
  },
};

export default { rules: { boundaries } };
