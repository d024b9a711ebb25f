import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** nest-cli.json (Nest's monorepo mode, used by `npm run build`) describes every app and library folder. */
const ROOT = path.resolve(__dirname, '..');
const folders = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe('nest-cli.json', () => {
  const config = JSON.parse(readFileSync(path.join(ROOT, 'nest-cli.json'), 'utf8')) as {
    monorepo: boolean;
    compilerOptions: { builder: string; tsConfigPath: string };
    projects: Record<string, { type: string; root: string; sourceRoot: string; entryFile: string }>;
  };
  const projects = Object.entries(config.projects);

  it('is a monorepo built with tsc from tsconfig.build.json', () => {
    expect(config.monorepo).toBe(true);
    expect(config.compilerOptions).toMatchObject({ builder: 'tsc', tsConfigPath: 'tsconfig.build.json' });
  });

  it('lists every app with the entry file the scripts run from dist/', () => {
    const apps = projects.filter(([, p]) => p.type === 'application');
    // apps/web is the console, built by Vite (npm run build:web), not by Nest.
    expect(apps.map(([name]) => name).sort()).toEqual(folders('apps').filter((f) => f !== 'web'));
    for (const [name, p] of apps)
      expect(p).toMatchObject({
        root: `apps/${name}`,
        sourceRoot: `apps/${name}/src`,
        entryFile: `apps/${name}/src/main`,
      });
  });

  it('lists every library folder', () => {
    const libs = projects.filter(([, p]) => p.type === 'library');
    expect(libs.map(([name]) => name).sort()).toEqual(folders('libs'));
    for (const [name, p] of libs)
      expect(p).toMatchObject({ root: `libs/${name}`, sourceRoot: `libs/${name}/src` });
  });
});
