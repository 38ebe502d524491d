/**
 * The simulator's Web Worker: one per terminal, so two demos never share state. The page
 * terminates it when a command runs too long, which is why the simulator runs here and not on
 * the page's thread. This is the only place the terminal imports the simulator.
 */
import { createSimulator, isIncomplete } from '../../sim/index.ts';
import type { ToWorker } from './protocol.ts';
import { SimSession } from './session.ts';

const session = new SimSession((scenario) => createSimulator({ scenario }), isIncomplete);

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  // The end-to-end tests' stand-in for a command that never ends (see RunMessage.hang).
  if (message.type === 'run' && message.hang) for (;;);
  const answer = session.handle(message);
  if (answer) self.postMessage(answer);
});
