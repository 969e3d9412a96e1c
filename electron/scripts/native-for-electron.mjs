#!/usr/bin/env node
// Builds better-sqlite3 for the installed Electron into node_modules/better-sqlite3/build-electron/,
// beside (not over) the Node build that tests, the command line and browser mode load. Run by
// `npm start` and `npm run package`, never by `npm install`: it downloads Electron's headers or a
// prebuilt binary, which a machine without internet access cannot.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const moduleDir = dirname(require.resolve('better-sqlite3/package.json'));
const outDir = join(moduleDir, 'build-electron');
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'built-for.txt');
const stamp = `electron-${electronVersion}-${process.platform}-${process.arch}`;

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

console.log(`Building the SQLite driver for Electron ${electronVersion} (once)…`);
const work = mkdtempSync(join(tmpdir(), 'ahc-native-'));
try {
  cpSync(moduleDir, work, { recursive: true, filter: (src) => !src.includes(`${join(moduleDir, 'build')}`) && !src.includes('build-electron') });
  const run = (command, args) => spawnSync(command, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' });
  const prebuilt = run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]);
  if (prebuilt.status !== 0) {
    const gyp = run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron']);
    if (gyp.status !== 0) {
      console.error('Could not build better-sqlite3 for Electron: it needs internet access to fetch Electron\'s headers, and a C++ toolchain.');
      process.exit(1);
    }
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(stampFile, stamp);
} finally {
  rmSync(work, { recursive: true, force: true });
}
