/**
 * The events kubectl's core does not record as they happen (the kubelet's, about its static pods:
 * controllers/staticpod-events.ts) and `kubectl events`. A chunk of its own, loaded for a line that
 * reads events (get events, describe, events).
 */
import { writeStaticPodEvents } from '../../../controllers/staticpod-events.ts';
import { events, EVENTS_FLAGS } from '../events.ts';
import { registerEventWriter, registerVerbs } from '../verbs.ts';

/** Registers the writer with kubectl (idempotent). */
export function install(): void {
  registerEventWriter((k) => writeStaticPodEvents(k.ctx.world, k.store));
  registerVerbs({ events: { flags: EVENTS_FLAGS, run: events, server: true } });
}
