import { runProgram } from './run';

const code = await runProgram(process.argv);
process.stdout.write('', () => process.exit(code));
