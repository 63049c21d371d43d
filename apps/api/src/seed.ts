import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DemoDataModule, DemoSeeder, type DemoNmsKey } from '@netduty/demo-data';
import { PlatformModule } from '@netduty/platform';
import { ConfigError, loadAppConfig } from '@netduty/platform-config';
import { explainStartupFailure } from './app/startup-failure';

/** The seed command's own context: the platform plus the demo data, which only it builds. */
@Module({})
class SeedCommandModule {}

/** `--nms-keys-file <path>`: where the demo NMS keys' plaintext is kept (git-ignored, mode 600). */
function nmsKeysFileArgument(argv: readonly string[]): string | null {
  const at = argv.indexOf('--nms-keys-file');
  if (at === -1) return null;
  const path = argv[at + 1];
  if (!path || path.startsWith('--')) throw new Error('--nms-keys-file needs a path');
  return path;
}

/** The previous seed's keys by source id; an unreadable or foreign file counts as none (new keys are issued). */
function readKnownKeys(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { sources?: { sourceSystemId?: unknown; key?: unknown }[] };
    const known: Record<string, string> = {};
    for (const entry of parsed.sources ?? []) if (typeof entry.sourceSystemId === 'string' && typeof entry.key === 'string') known[entry.sourceSystemId] = entry.key;
    return known;
  } catch {
    return {};
  }
}

/** Written beside, then renamed: the file is never half written, and never readable by others. */
function writeKeys(path: string, keys: DemoNmsKey[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const body = {
    note: 'Demo NMS API keys (plaintext, local only; the database keeps their SHA-256). Send one as X-API-Key to POST /tmf-api/alarm/v4/alarm.',
    sources: keys,
  };
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
  chmodSync(path, 0o600);
}

/**
 * One-shot: loads the Lạng Sơn demo province into an empty database, then exits. With --nms-keys-file,
 * also the demo NMS sources and their keys (kept when the file still holds active ones).
 */
async function main(): Promise<void> {
  const keysFile = nmsKeysFileArgument(process.argv.slice(2));
  const config = loadAppConfig();
  const app = await NestFactory.createApplicationContext(
    {
      module: SeedCommandModule,
      imports: [
        PlatformModule.forRoot(config, 'api'),
        DemoDataModule.forRoot({ forcePasswordChange: config.FORCE_PASSWORD_CHANGE }),
      ],
    },
    { logger: ['error', 'warn'] },
  );
  try {
    const summary = await app.get(DemoSeeder).seed();
    console.log(
      summary.skipped
        ? 'Demo data already present; nothing seeded'
        : `Seeded Lạng Sơn: ${summary.communes} communes/wards, ${summary.sites} sites, ${summary.clusters} clusters, ${summary.responders} responders, ${summary.incidents} incidents, ${summary.users} demo accounts`,
    );
    if (keysFile) {
      const { keys, issued } = await app.get(DemoSeeder).seedNmsSources(readKnownKeys(keysFile));
      writeKeys(keysFile, keys);
      console.log(`Demo NMS sources: ${keys.map((key) => key.sourceSystemId).join(', ')} (${issued} new key${issued === 1 ? '' : 's'}); keys in ${keysFile}`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : explainStartupFailure(error));
  process.exit(1);
});
