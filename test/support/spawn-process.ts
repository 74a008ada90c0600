import { spawn, type ChildProcess } from 'node:child_process';

export interface Spawned {
  child: ChildProcess;
  output(): string;
  /** Resolves once the output matches, or rejects after the timeout with what was printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Resolves with the exit code once the process ends by itself. */
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

/** Runs a compiled entry point (`dist/src/...`) as a real separate process. */
export function spawnNode(
  script: string,
  env: Record<string, string | undefined>,
  options: { cwd?: string; args?: string[]; nodeArgs?: string[] } = {},
): Spawned {
  return spawnCommand(
    process.execPath,
    [...(options.nodeArgs ?? []), script, ...(options.args ?? [])],
    env,
    options,
  );
}

/**
 * Runs a compiled entry point with a terminal as its stdin, stdout and stderr, as a person at a
 * shell would (util-linux `script` makes the pseudo-terminal; its output is what the terminal
 * shows, with CR LF line ends).
 */
export function spawnNodeOnTerminal(
  script: string,
  env: Record<string, string | undefined>,
  options: { cwd?: string } = {},
): Spawned {
  const command = [process.execPath, script].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return spawnCommand(
    'script',
    ['--quiet', '--flush', '--return', '--command', command, '/dev/null'],
    env,
    options,
  );
}

function spawnCommand(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  options: { cwd?: string },
): Spawned {
  const child = spawn(command, args, {
    cwd: options.cwd ?? process.cwd(),
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => ((out += chunk.toString()), (stdout += chunk.toString())));
  child.stderr?.on('data', (chunk: Buffer) => ((out += chunk.toString()), (stderr += chunk.toString())));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => out,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor: async (pattern, timeoutMs = 20_000) => {
      const started = Date.now();
      for (;;) {
        const match = out.match(pattern);
        if (match) return match;
        if (child.exitCode !== null || Date.now() - started > timeoutMs) {
          throw new Error(`Did not see ${pattern} (exit ${child.exitCode}). Output:\n${out}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
