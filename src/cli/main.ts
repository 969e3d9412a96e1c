import { DatabaseOpenError } from '../db/connection';
import { ProfileError } from '../services/import-files';
import { demoCommand } from './commands/demo';
import { importCommand } from './commands/import';
import { importsCommand, undoCommand } from './commands/history';
import { serveCommand } from './commands/serve';
import { checklistCommand, scoresCommand } from './commands/scores';
import { alertsCommand } from './commands/alerts';
import { reviewCommand } from './commands/review';
import { backupCommand } from './commands/backup';
import { restoreCommand } from './commands/restore';
import { EXIT, processOutput, UsageError, type Output } from './output';

export const HELP = `Account Health Console — command line

usage: account-health COMMAND [options]

  demo      --db PATH [--as-of DATE]          write the built-in demo portfolio into PATH
  import    --db PATH [--kind KIND] [--map FIELD=HEADER,…] [--set FIELD=VALUE,…]
            [--profile NAME] [--sheet NAME] [--date-order dmy|mdy] [--skip-invalid] [--json] FILE…
                                              KIND: accounts | assets | service | recommendations | surveys
                                              (detected from the headers when omitted); --map names the
                                              file's column for a field (empty: ignore it), --set gives a
                                              field one value for every row, --profile applies (and with
                                              --map/--set, saves) a named mapping
  scores    --db PATH [--as-of DATE] [--weights K=V,…] [--json]
                                              loyalty per account, with the evidence behind each point;
                                              K: service | satisfaction | footprint | partnership | commercial
  alerts    --db PATH [--as-of DATE] [--json] re-evaluate and list the alerts (a past date: as of then)
  checklist --db PATH --account ID [--as-of DATE] [--json]
                                              the partnership checklist of one account
  review    --db PATH --account ID [--as-of DATE] --out FILE.html|FILE.pdf
                                              the account-review brief to take into the meeting; a PDF
                                              needs Chromium (or set CHROMIUM_PATH)
  imports   --db PATH [--json]                the import history
  undo      --db PATH --import ID             take one import back out, whole
  serve     --db PATH [--port N] [--as-of D] browser mode: prints http://127.0.0.1:PORT/?token=…
  backup    --db PATH [--out FILE]            a consistent copy of the database, into FILE or the
                                              backups folder beside it (the newest 10 are kept, or as set)
  restore   --db PATH --from FILE             put a checked backup in place of the database; the data
                                              it replaces is backed up first

A database that does not exist yet is created. Exit status: 0 success; 2 unusable input (the
database is left exactly as it was); 1 anything else.`;

type Command = (argv: string[], io: Output) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  demo: demoCommand,
  import: importCommand,
  imports: importsCommand,
  undo: undoCommand,
  serve: serveCommand,
  scores: scoresCommand,
  alerts: alertsCommand,
  checklist: checklistCommand,
  review: reviewCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

export async function runCli(argv: string[], io: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return name ? EXIT.ok : EXIT.badInput;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`error: unknown command "${name}"\n\n${HELP}`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP);
    return EXIT.ok;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\nRun with --help for the commands and their options.`);
      return EXIT.badInput;
    }
    if (error instanceof DatabaseOpenError || error instanceof ProfileError) {
      io.err(`error: ${error.message}`);
      return EXIT.badInput;
    }
    io.err(`error: ${(error as Error).stack ?? String(error)}`);
    return EXIT.failed;
  }
}

// Run when executed, not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/(^|[\\/])(main\.ts|cli\.js)$/.test(invoked)) {
  // A reader that stops early (`… | head`) closes the pipe: the command still finishes its work,
  // and what it would have printed is dropped instead of failing it.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${String(error)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
