/**
 * The scenario format's error on its own, so that code that only reports bad scenarios (the
 * browser worker's resolve, files.ts) does not import the validator of schema.ts with it.
 */

/** A scenario that does not follow the format; the message names the field. */
export class ScenarioError extends Error {}
