import { statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE_PACKAGE = /^@stimawatch\//;

export const SERVICES = ['collector', 'alerts'] as const;
export type Service = (typeof SERVICES)[number];

/** Where `npm run build:services` writes a service's bundle, and where the images run it from. */
export function defaultBundlePath(service: Service): string {
  return join(ROOT, service, 'dist', 'main.mjs');
}

/**
 * Leaves third-party packages to `node_modules` at run time: PGlite, pino and others load files relative to
 * their own modules, so they must stay where npm put them. Our workspace packages export their `.ts` sources,
 * which plain node cannot load, so those are bundled.
 */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || WORKSPACE_PACKAGE.test(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** Worker-thread modules a service starts, bundled next to its main bundle (it finds them there). */
const WORKER_ENTRIES: Record<Service, readonly string[]> = {
  collector: ['ingest/parse-worker'],
  alerts: [],
};

/**
 * Bundles `<service>/src/main.ts` and the workspace code it imports into one ES module (plus a linked source
 * map), and each of its worker modules next to it, so production starts with plain `node` instead of the tsx
 * loader. Returns the main bundle's path.
 */
export async function buildService(service: Service, outFile = defaultBundlePath(service)): Promise<string> {
  const entryPoints: Record<string, string> = {
    [basename(outFile, '.mjs')]: join(ROOT, service, 'src', 'main.ts'),
  };
  for (const entry of WORKER_ENTRIES[service])
    entryPoints[basename(entry)] = join(ROOT, service, 'src', `${entry}.ts`);
  await build({
    entryPoints,
    outdir: dirname(outFile),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    plugins: [externalPackages],
    logLevel: 'warning',
  });
  return outFile;
}

/** Builds the named services' bundles (every service by default) at their default paths. */
export async function buildServices(services: readonly Service[] = SERVICES): Promise<string[]> {
  return Promise.all(services.map((service) => buildService(service)));
}

function isService(name: string): name is Service {
  return (SERVICES as readonly string[]).includes(name);
}

function formatSize(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function runCli(args: readonly string[]): Promise<void> {
  const unknown = args.filter((name) => !isService(name));
  if (unknown.length > 0) {
    throw new Error(`unknown service ${unknown.join(', ')} (expected ${SERVICES.join(' or ')})`);
  }
  const outFiles = await buildServices(args.length === 0 ? SERVICES : args.filter(isService));
  for (const outFile of outFiles) {
    const size = formatSize(statSync(outFile).size);
    const mapSize = formatSize(statSync(`${outFile}.map`).size);
    console.log(`${relative(ROOT, outFile)}  ${size} (source map ${mapSize})`);
  }
}

// `tsx scripts/build-services.ts [collector] [alerts]`: the images build only their own service.
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    // esbuild has already printed the located errors; this line says which step failed.
    console.error(`build:services failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
