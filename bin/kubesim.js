#!/usr/bin/env node
// kubesim: the simulator in a terminal. Interactive on a TTY; otherwise runs the script given
// on stdin or with --script and prints what a terminal would show.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const HELP = `Usage: kubesim [--scenario NAME] [--script FILE] [--echo]

A simulated Kubernetes cluster (kubeadm v1.34 on Ubuntu 24.04) in your terminal.

  --scenario NAME   start from a scenario of content/scenarios (default: default)
  --script FILE     run the commands in FILE instead of reading stdin
  --echo            print each command after the prompt before its output
  --list            list the scenarios
  -h, --help        show this help

Interactive when stdin is a terminal (Tab completes, Ctrl-D quits). Otherwise the commands
come from stdin:  echo 'kubectl get nodes' | kubesim
The exit status is the last command's.
`;

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`kubesim needs Node.js 22.12 or newer (it runs the TypeScript sources directly); this is ${process.version}.\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { scenario: undefined, script: undefined, echo: false, help: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`option ${a} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') opts.help = true;
    else if (a === '--echo') opts.echo = true;
    else if (a === '--list') opts.list = true;
    else if (a === '--scenario') opts.scenario = value();
    else if (a.startsWith('--scenario=')) opts.scenario = a.slice(11);
    else if (a === '--script') opts.script = value();
    else if (a.startsWith('--script=')) opts.script = a.slice(9);
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`kubesim: ${e.message}\n${HELP}`);
  process.exit(2);
}
if (opts.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const sim = await import('../src/sim/index.ts');
if (opts.list) {
  process.stdout.write(sim.scenarioNames().join('\n') + '\n');
  process.exit(0);
}

let simulator;
try {
  simulator = sim.createSimulator({ scenario: opts.scenario });
} catch (e) {
  process.stderr.write(`kubesim: ${e.message}\n`);
  process.exit(2);
}

function write(stream, text) {
  return new Promise((resolve) => (text ? stream.write(text, resolve) : resolve()));
}

/** A run's output in the order it was written (RunResult.chunks), else stdout then stderr. */
function pieces(r) {
  return r.chunks ?? [{ stream: 'stdout', text: r.stdout }, { stream: 'stderr', text: r.stderr }];
}

async function runBatch(text) {
  let status = 0;
  for (const command of sim.splitScript(text)) {
    if (opts.echo) await write(process.stdout, simulator.prompt() + command + '\n');
    const r = simulator.run(command);
    for (const c of pieces(r)) await write(c.stream === 'stdout' ? process.stdout : process.stderr, c.text);
    status = r.exitCode;
  }
  if (opts.echo) await write(process.stdout, simulator.prompt() + '\n');
  return status;
}

async function readStdin() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

function interactive() {
  let status = 0;
  let pending = '';
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    historySize: 1000,
    completer: (line) => {
      const word = line.slice(line.search(/\S*$/));
      return [simulator.complete(line, line.length), word];
    },
  });
  rl.setPrompt(simulator.prompt());
  rl.prompt();
  rl.on('line', (line) => {
    pending = pending ? `${pending}\n${line}` : line;
    if (sim.isIncomplete(pending)) {
      rl.setPrompt('> ');
      rl.prompt();
      return;
    }
    const r = simulator.run(pending);
    pending = '';
    for (const c of pieces(r)) (c.stream === 'stdout' ? process.stdout : process.stderr).write(c.text);
    status = r.exitCode;
    rl.setPrompt(simulator.prompt());
    rl.prompt();
  });
  rl.on('close', () => {
    process.stdout.write('\n');
    process.exit(status);
  });
}

if (opts.script === undefined && process.stdin.isTTY) {
  interactive();
} else {
  let text;
  try {
    text = opts.script !== undefined ? readFileSync(opts.script, 'utf8') : await readStdin();
  } catch (e) {
    process.stderr.write(`kubesim: cannot read ${opts.script}: ${e.code === 'ENOENT' ? 'No such file or directory' : e.message}\n`);
    process.exit(2);
  }
  process.exitCode = await runBatch(text);
}
