import { CommanderError, type Command } from 'commander';
import { buildProgram } from './program';
import { describeFailure, exitCodes } from './shared/exit';

/** Runs the CLI on `argv` (as in `process.argv`) and returns the exit code: 0 ok, 1 failure, 2 usage or configuration. */
export async function runProgram(argv: string[]): Promise<number> {
  const program = buildProgram();
  for (const cmd of [program, ...allCommands(program)]) cmd.exitOverride();
  try {
    await program.parseAsync(argv);
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return exitCodes.ok;
      if (error.exitCode === 0) return exitCodes.ok;
      return exitCodes.usage;
    }
    const { message, exitCode } = describeFailure(error);
    if (message) process.stderr.write(`${message}\n`);
    return exitCode;
  }
}

/** Every command below `cmd`, depth first. */
export function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}
