// Runs the real CLI from source in a child process, as a user would run `newsdesk`.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../../core/cli.ts', import.meta.url));
/** Resolved here so the child finds tsx whatever its working folder. */
export const TSX = import.meta.resolve('tsx');

export type CliResult = { code: number | null; stdout: string; stderr: string };

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, CLI, ...args], {
    env: { ...process.env, NEWSDESK_DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
