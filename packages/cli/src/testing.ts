import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Path of the `passerelle` executable script. */
export const cliPath = fileURLToPath(new URL('../bin/passerelle.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process (same Node) and collects its output. */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 170_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Starts `passerelle serve` in a child process and resolves once /readyz answers 200. */
export async function startServer(
  args: string[],
  port: number,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    [cliPath, 'serve', '--port', String(port), '--host', '127.0.0.1', ...args],
    {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 170_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${out}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return { child, url, output: () => out };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${out}`);
}

/** Creates an administrator and an API token for it through the real CLI; returns the Bearer header. */
export async function createAdminToken(dbArgs: string[]): Promise<Record<string, string>> {
  const email = `admin-${Math.random().toString(36).slice(2, 10)}@passerelle.test`;
  const user = await runCli(['users', 'create', '--email', email, '--role', 'administrator', ...dbArgs], {
    input: 'a long and unguessable test passphrase 7!\n',
  });
  if (user.code !== 0) throw new Error(`users create failed: ${user.stderr}`);
  const token = await runCli([
    'tokens',
    'create',
    '--user',
    email,
    '--scopes',
    '*:read,*:write',
    '--expires',
    '1d',
    ...dbArgs,
  ]);
  if (token.code !== 0) throw new Error(`tokens create failed: ${token.stderr}`);
  return { authorization: `Bearer ${token.stdout.trim()}` };
}
