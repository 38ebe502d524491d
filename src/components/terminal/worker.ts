/**
 * The simulator's Web Worker: one per terminal, so two demos never share state. The page
 * terminates it when a command runs too long, which is why the simulator runs here and not on
 * the page's thread. This is the only place the terminal imports the simulator.
 *
 * The worker starts small: the simulator's core and the one scenario it runs (each scenario
 * is a parsed module, a chunk of its own) are enough for the first prompt. The command families
 * are chunks of their own, loaded while the world is built; a line waits for them, so no command
 * is ever missing. Chunks come through the module loader; the worker has no other network
 * (no-network.ts), locked before any message is read.
 */
import { createSimulator, isIncomplete, loadCommandFamilies, OnDemandScenarios, scenarioLoaders } from '../../sim/browser.ts';
import { lockNetwork } from './no-network.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { SimSession } from './session.ts';

lockNetwork(self);

const scenarios = new OnDemandScenarios(scenarioLoaders);
const session = new SimSession((scenario) => createSimulator({ scenario }, scenarios), isIncomplete);

/** What must be loaded before a message is answered: the scenario for `init`, the commands for anything that runs one. */
async function prepare(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    await scenarios.prepare(message.scenario);
    // The command chunks download while the world is built (not earlier: on a slow network they
    // would share it with the scenario module), so that the first command rarely waits for them.
    const commands = loadCommandFamilies();
    commands.catch(() => undefined);
    if (message.replay.length > 0) await commands;
  } else if (message.type !== 'cancel') {
    await loadCommandFamilies();
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
  const reply = session.handle(message);
  if (reply) self.postMessage(reply);
}

// Every scenario extends default, the biggest module: import it while the page sends `init`.
void scenarios.prepare('default');

/** Messages are answered one at a time, in order, even while a chunk is loading. */
let queue: Promise<void> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  // The end-to-end tests' stand-in for a command that never ends (see RunMessage.hang).
  if (message.type === 'run' && message.hang) for (;;);
  queue = queue.then(() => answer(message));
});
