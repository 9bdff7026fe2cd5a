import { Command, Option } from 'commander';
import { loadDemo } from './commands/demo.js';
import { exportLog } from './commands/export.js';
import { importFile } from './commands/import.js';
import { importSheet, type ImportSheetOptions } from './commands/import-sheet.js';
import { replay, type ReplayOptions } from './commands/replay.js';
import { restatement, type RestatementOptions } from './commands/restatement.js';
import { registerServerCommands } from './commands/server.js';
import { reportVerification, verifyFile, verifyStore, type VerifyOptions } from './commands/verify.js';
import { reportFailure } from './failure.js';
import { defaultStoreUrl, parseDate, parseHash, parsePosition, parseTime } from './options.js';
import { withExistingStore, withStore } from './store.js';

/** `jalon`: the command line of CONTRACT.md. Each command lives in commands/; this file wires them. */

const print = (line: string) => void process.stdout.write(`${line}\n`);
const printRaw = (text: string) => void process.stdout.write(text);
const note = (line: string) => void process.stderr.write(`${line}\n`);

type Run = (work: (cmd: Command) => Promise<number>) => (...args: unknown[]) => Promise<void>;

const storeOf = (cmd: Command) => cmd.optsWithGlobals<{ store: string }>().store;

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('jalon')
    .description('Results monitoring on an append-only, tamper-evident event log')
    .addOption(new Option('--store <url>', 'event store URL, e.g. sqlite:PATH (env JALON_STORE)').default(defaultStoreUrl()))
    .exitOverride()
    // Errors are reported once, as one line, by reportFailure.
    .configureOutput({ outputError: () => {} });
  // commander passes the command last; its exit code is kept for main().
  const run: Run = (work) => async (...args) => setExit(await work(args[args.length - 1] as Command));
  registerReadCommands(program, run);
  registerWriteCommands(program, run);
  registerServerCommands(program, storeOf);
  return program;
}

function registerReadCommands(program: Command, run: Run): void {
  program
    .command('replay')
    .description('replay the log and print every indicator (a table, or the JSON of GET /api/v1/indicators)')
    .option('--as-of <date>', 'business date YYYY-MM-DD (default: the end of the project)', parseDate)
    .option('--at-position <n>', 'count only the log up to this position (default: the head)', parsePosition)
    .option('--at-time <time>', 'instead: the log up to the last event recorded at or before YYYY-MM-DDTHH:MM:SS.sssZ', parseTime)
    .option('--json', 'print JSON instead of a table')
    .action(run((cmd) => withExistingStore(storeOf(cmd), (store) => replay(store, cmd.opts<ReplayOptions>(), printRaw))));
  program
    .command('restatement')
    .description('what changed in each indicator since a figure was reported, and which events changed it')
    .option('--since <n>', 'the position the figures were reported at', parsePosition)
    .option('--since-time <time>', 'instead: the last position recorded at or before YYYY-MM-DDTHH:MM:SS.sssZ', parseTime)
    .option('--as-of <date>', 'business date YYYY-MM-DD (default: the end of the project)', parseDate)
    .option('--at-position <n>', 'compare with the log up to this position (default: the head)', parsePosition)
    .option('--at-time <time>', 'instead: the log up to the last event recorded at or before this time', parseTime)
    .option('--json', 'print the JSON of GET /api/v1/restatement instead of a table')
    .action(run((cmd) => withExistingStore(storeOf(cmd), (store) => restatement(store, cmd.opts<RestatementOptions>(), printRaw))));
  program
    .command('verify')
    .description('verify the hash chain of the store, or of an export file (no server needed)')
    .option('--file <path>', 'an NDJSON export to verify instead of the store; "-" for standard input')
    .option('--expect-head <hash>', 'also require an event with this hash in the chain', parseHash)
    .action(run((cmd) => verify(storeOf(cmd), cmd.opts<VerifyOptions>())));
  program
    .command('export')
    .description('write the whole log as NDJSON, one event envelope a line, in position order')
    .option('--out <file>', 'write to this file (default: standard output)')
    .action(run((cmd) => withExistingStore(storeOf(cmd), (store) => exportLog(store, cmd.opts<{ out?: string }>().out, note))));
}

function registerWriteCommands(program: Command, run: Run): void {
  program
    .command('demo')
    .description("load the bundled project's synthetic demo history into an empty store")
    .action(run((cmd) => withStore(storeOf(cmd), (store) => loadDemo(store, print))));
  program
    .command('import')
    .description('restore an NDJSON export into an empty store, after verifying its chain and every event')
    .argument('<file>', 'the export to restore; "-" for standard input')
    .action(run((cmd) => withStore(storeOf(cmd), (store) => importFile(store, cmd.args[0], print))));
  program
    .command('import-sheet')
    .description('record a sheet (CSV or XLSX) of one kind: every row or none, as POST /api/v1/sheets/{kind}')
    .argument('<file>', 'the sheet, a .csv or .xlsx file; its header is row 1')
    .requiredOption('--kind <kind>', 'csos, assessments, agreements, trainings, cases, assistance or closures')
    .option('--dry-run', 'report every row and record nothing')
    .option('--as <username>', 'who the events are recorded by', 'cli')
    .action(run((cmd) => withStore(storeOf(cmd), (store) => importSheet(store, cmd.args[0], cmd.opts<ImportSheetOptions>(), print))));
}

async function verify(storeUrl: string, options: VerifyOptions): Promise<number> {
  const result =
    options.file !== undefined
      ? await verifyFile(options.file, options)
      : await withExistingStore(storeUrl, (store) => verifyStore(store, options));
  return reportVerification(result, options, print);
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  try {
    await buildProgram((code) => (exitCode = code)).parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    return reportFailure(error, (text) => process.stderr.write(text));
  }
}

// A reader that stops early (`jalon export | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`jalon: cannot write to standard output: ${error.message}\n`);
  process.exit(1);
});

process.exitCode = await main(process.argv);
