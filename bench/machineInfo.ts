// What a benchmark ran on, recorded next to its results.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

/** The machine and software a benchmark ran on. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  totalMemoryBytes: number;
  node: string;
  platform: string;
  arch: string;
  osRelease: string;
  binrouteVersion?: string;
  /** `git rev-parse HEAD` of the package checkout, when it is one. */
  gitCommit?: string;
  /** True when the checkout had uncommitted changes (`git status --porcelain` not empty). */
  gitDirty?: boolean;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Describes this machine (CPU model, cores, memory, Node, OS) and, given the package root,
 * binroute's version and git commit.
 *
 * @example
 * ```ts
 * const m = machineInfo('/work/main');
 * console.log(`${m.cpuModel} × ${m.cores}, node ${m.node}, binroute ${m.binrouteVersion} @ ${m.gitCommit}`);
 * ```
 */
export function machineInfo(packageRoot?: string): MachineInfo {
  const cpus = os.cpus();
  const info: MachineInfo = {
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
  };
  if (packageRoot) {
    try {
      info.binrouteVersion = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;
    } catch {
      // no readable package.json: leave the version out
    }
    const commit = git(['rev-parse', 'HEAD'], packageRoot);
    if (commit && /^[0-9a-f]{40}$/.test(commit)) {
      info.gitCommit = commit;
      const status = git(['status', '--porcelain', '--untracked-files=no'], packageRoot);
      if (status !== undefined) info.gitDirty = status !== '';
    }
  }
  return info;
}
