// Node-only helpers: read a .vrp / .sol file from disk. Not part of the platform-neutral
// bundle (src/io/index.ts does not re-export this file); the CLI and the bench import it.
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { parseVrp, type VrpInstance } from './parseVrp.js';
import { parseSol, type SolFile } from './sol.js';

/** Largest file the readers load (a 16 000-node FULL_MATRIX is about 1.5 GB; nothing real is close). */
const MAX_FILE_BYTES = 1 << 30;

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a component of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
};

/**
 * Reads a text file, turning file-system failures (missing file, directory, permissions,
 * oversized file) into an {@link InputError} that names the path.
 *
 * @example
 * ```ts
 * const text = await readTextFile('fixtures/tiny-8.vrp');
 * ```
 */
export async function readTextFile(path: string): Promise<string> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(FS_REASONS.EISDIR, { code: 'E0001', file: path });
    if (st.size > MAX_FILE_BYTES) throw new InputError(`file is too large (${st.size} bytes)`, { code: 'E0002', file: path, value: st.size });
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException)?.code;
    if (typeof code === 'string') {
      throw new InputError(`cannot read: ${FS_REASONS[code] ?? (e as Error).message}`, { code: 'E0001', file: path, value: code });
    }
    throw e;
  }
}

/**
 * Reads and parses a CVRPLIB `.vrp` file (see {@link parseVrp}). Node only.
 *
 * @example
 * ```ts
 * import { readVrpFile } from './readFiles.js';
 * const inst = await readVrpFile('fixtures/tiny-8.vrp');
 * const sol = await solve(inst, { maxIterations: 1000, seed: 1 });
 * ```
 */
export async function readVrpFile(path: string): Promise<VrpInstance> {
  return parseVrp(await readTextFile(path), path);
}

/**
 * Reads and parses a CVRPLIB `.sol` file (see {@link parseSol}). Node only.
 *
 * @example
 * ```ts
 * const { routes, cost } = await readSolFile('X-n101-k25.sol');
 * ```
 */
export async function readSolFile(path: string): Promise<SolFile> {
  return parseSol(await readTextFile(path), path);
}
