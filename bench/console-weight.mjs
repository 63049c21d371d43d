#!/usr/bin/env node
// Console first-load weight: reads the built console (run `npx nx build console` first; this script
// builds nothing), follows index.html's initial scripts and modulepreloads plus the static imports of
// those chunks, gzips each and prints the first-load total, then every chunk loaded only later.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist/apps/console'));
const indexFile = join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`${relative(root, indexFile)} is missing: build the console first (npx nx build console)`);
  process.exit(1);
}
const BUDGET_KB = 300;

const html = readFileSync(indexFile, 'utf8');
const fromHtml = [
  ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g),
  ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"[^>]*>/g),
].map((match) => match[1]);

const fileOf = (url) => join(dist, url.replace(/^\//, ''));
// kB = 1000 bytes, as Vite reports them.
const kb = (bytes) => (bytes / 1000).toFixed(1);
const gzipped = new Map();
function gzipSize(file) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipped.get(file);
}

// Static imports of a chunk load with it (the browser fetches them before running it); dynamic
// import() calls are what stays lazy.
function staticImports(file) {
  const source = readFileSync(file, 'utf8');
  const specifiers = [
    ...source.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g),
    ...source.matchAll(/\bexport\s*[\w$*{}\s,]*from\s*["']([^"']+\.js)["']/g),
  ].map((match) => match[1]);
  return specifiers.filter((specifier) => specifier.startsWith('.') || specifier.startsWith('/')).map((specifier) => (specifier.startsWith('/') ? fileOf(specifier) : resolve(dirname(file), specifier)));
}

const initial = new Set();
const queue = fromHtml.map(fileOf);
while (queue.length > 0) {
  const file = queue.shift();
  if (initial.has(file) || !existsSync(file)) continue;
  initial.add(file);
  queue.push(...staticImports(file));
}

function jsFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}
const lazy = jsFiles(dist).filter((file) => !initial.has(file));

const row = (file) => `  ${relative(dist, file).padEnd(48)} ${kb(readFileSync(file).length).padStart(9)} kB raw ${kb(gzipSize(file)).padStart(8)} kB gzip`;
const total = (files) => files.reduce((sum, file) => sum + gzipSize(file), 0);
const bySize = (a, b) => gzipSize(b) - gzipSize(a);

console.log(`Console first load (${relative(root, dist) || dist}): index.html's scripts, modulepreloads and their static imports`);
for (const file of [...initial].sort(bySize)) console.log(row(file));
const firstLoad = total([...initial]);
console.log(`  first-load JavaScript: ${kb(firstLoad)} kB gzipped (budget ${BUDGET_KB} kB: ${firstLoad <= BUDGET_KB * 1000 ? 'within' : 'OVER'})`);
console.log(`\nLoaded later (lazy chunks), ${lazy.length} files, ${kb(total(lazy))} kB gzipped in all:`);
for (const file of lazy.sort(bySize)) console.log(row(file));
