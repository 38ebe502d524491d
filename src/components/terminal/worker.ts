/**
 * The simulator's Web Worker: one per terminal, so two demos never share state. The page
 * terminates it when a command runs too long, which is why the simulator runs here and not on
 * the page's thread. This is the only place the terminal imports the simulator.
 *
 * The worker starts small: the simulator's core and the one scenario it runs (each scenario
 * is a parsed module, a chunk of its own) are enough for the first prompt. The command families,
 * kubectl's rarer verbs and printers, and js-yaml are chunks of their own: before a line runs, the
 * worker loads what its words may need (sim/commands/line-scan.ts), so no command is ever missing
 * and `kubectl get pods` downloads kubectl's core only. Chunks come through the module loader; the
 * worker has no other network (no-network.ts), locked before any message is read.
 */
import { createSimulator, initChunks, isIncomplete, loadCommandFamilies, loadChunks, loadCommandsFor, loadCompletion, OnDemandScenarios, scenarioLoaders } from '../../sim/browser.ts';
import { lockNetwork } from './no-network.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { SimSession } from './session.ts';

lockNetwork(self);

const scenarios = new OnDemandScenarios(scenarioLoaders);
const session = new SimSession((scenario) => createSimulator({ scenario }, scenarios), isIncomplete);

/**
 * What must be loaded before a message is answered: the scenario for `init`, with what it runs by
 * itself (its checks, after every command; a fault's sed) and, for a replay, every chunk; a
 * line's chunks for `run`.
 * Completion loads its own small chunk (command names are known without their families).
 */
async function prepare(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    await scenarios.prepare(message.scenario);
    if (message.live) session.followDiagrams((await import('../diagrams/live-state.ts')).liveState);
    await (message.replay.length > 0 ? loadCommandFamilies() : loadChunks(initChunks(message.scenario, scenarios)));
  } else if (message.type === 'run') {
    await loadCommandsFor([message.input], (path) => session.scriptAt(path));
  } else if (message.type === 'complete') {
    // Offline, a Tab completes nothing rather than taking the terminal down.
    await loadCompletion().catch(() => undefined);
  }
}

async function answer(message: ToWorker): Promise<void> {
  try {
    await prepare(message);
  } catch (error) {
    // A chunk that would not load (offline): the page shows the terminal as unavailable.
    const fail: FromWorker = { type: 'fail', message: error instanceof Error ? error.message : String(error) };
    self.postMessage(fail);
    return;
  }
  if (message.type === 'run') {
    const started: FromWorker = { type: 'started', id: message.id };
    self.postMessage(started);
    // The end-to-end tests' stand-in for a command that never ends (see RunMessage.hang).
    if (message.hang) for (;;);
  }
  const reply = session.handle(message);
  if (reply) self.postMessage(reply);
}

// Every scenario extends default, the biggest module: import it while the page sends `init`.
void scenarios.prepare('default');

/** Messages are answered one at a time, in order, even while a chunk is loading. */
let queue: Promise<void> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  queue = queue.then(() => answer(message));
});
