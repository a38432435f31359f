/**
 * The one object the preload script exposes to the renderer.
 *
 * Declared here, in pure TypeScript, so that the preload (which implements it)
 * and the renderer (which consumes it) cannot drift apart. Channels that carry
 * data will be added with zod schemas next to this interface.
 */
export interface AgentApi {
  /** Lets the renderer tell the desktop shell from the web-mode host. */
  readonly platform: 'electron';
  readonly versions: RuntimeVersions;
}

export interface RuntimeVersions {
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
}

/** The global name under which the preload exposes the API (`window.agent`). */
export const AGENT_API_GLOBAL = 'agent';
