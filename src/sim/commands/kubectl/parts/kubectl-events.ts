/**
 * The events kubectl's core does not record as they happen: the kubelet's, about its static pods
 * (controllers/staticpod-events.ts). A chunk of its own, loaded for a line that reads events
 * (get events, describe).
 */
import { writeStaticPodEvents } from '../../../controllers/staticpod-events.ts';
import { registerEventWriter } from '../verbs.ts';

/** Registers the writer with kubectl (idempotent). */
export function install(): void {
  registerEventWriter((k) => writeStaticPodEvents(k.ctx.world, k.store));
}
