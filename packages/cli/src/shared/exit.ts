import { type DomainError, formatConfigError, isDomainError, renderErrorMessage } from '@passerelle/core';

/** Exit codes of every command: 0 ok, 1 failure, 2 usage or configuration. */
export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

/** A usage error (bad flag value or combination): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the command has already explained to the user: exit with `code`, print nothing more. */
export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'ExitError';
  }
}

/** Turns any error into one clear line or block for a terminal, and the exit code. Never a stack trace. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof ExitError) return { message: '', exitCode: error.exitCode };
  if (error instanceof UsageError) return { message: `Error: ${error.message}`, exitCode: exitCodes.usage };
  if (isDomainError(error)) {
    if (error.code === 'invalid_config')
      return { message: formatConfigError(error as DomainError), exitCode: exitCodes.usage };
    const base = renderErrorMessage(error.code, error.details, 'en');
    const extra =
      error.code === 'validation_failed' || error.code === 'import_failed'
        ? `\n${JSON.stringify(error.details, null, 2)}`
        : typeof error.details.reason === 'string' && !base.includes(error.details.reason)
          ? ` (${error.details.reason})`
          : '';
    return { message: `Error [${error.code}]: ${base}${extra}`, exitCode: exitCodes.failure };
  }
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') {
    if (e.code === 'EADDRINUSE') {
      return {
        message: `Error: the address is already in use (${e.message.replace(/^listen /, '')}); choose another --port or PORT.`,
        exitCode: exitCodes.usage,
      };
    }
    if (e.code === 'EADDRNOTAVAIL')
      return {
        message: `Error: cannot listen on that address (--host / HOST): ${e.message}`,
        exitCode: exitCodes.usage,
      };
    if (e.code === 'EACCES' && /listen/.test(e.message))
      return {
        message: `Error: not allowed to listen there (--port / PORT): ${e.message}`,
        exitCode: exitCodes.usage,
      };
    if (e.code === 'ENOENT')
      return { message: `Error: file not found: ${e.path ?? e.message}`, exitCode: exitCodes.failure };
  }
  const msg = error instanceof Error ? error.message : String(error);
  return { message: `Error: ${msg.split('\n')[0]}`, exitCode: exitCodes.failure };
}
