import type { RawData, WebSocket } from 'ws';
import { agentChannels, type AgentHandlers } from '@shared/ipc/agent-channels';
import { cacheChannels } from '@shared/ipc/cache-channels';
import { fail, type Result } from '@shared/ipc/result';
import { RpcEndpoint } from '@shared/ipc/rpc-endpoint';
import { webHostEvents, type WebErrorEnvelope } from '@shared/ipc/web-socket-protocol';

/**
 * One browser tab on the agent socket. Its agent requests are validated against `agentChannels`
 * on arrival (RpcEndpoint) and answered by the services; the host's cache requests go the other
 * way and are validated in the tab. Anything refused is answered with an error value, never
 * applied: a request with an id gets its error as the response, anything else an error envelope.
 */
export class TabConnection {
  readonly endpoint: RpcEndpoint<typeof agentChannels, typeof cacheChannels>;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    handlers: Partial<AgentHandlers>,
    events: { onServeCache(tab: TabConnection): void; onClose(tab: TabConnection): void },
  ) {
    this.endpoint = new RpcEndpoint((envelope) => this.sendJson(envelope), { channels: agentChannels, handlers }, cacheChannels, webHostEvents);
    this.endpoint.onEvent('web:serve-cache', () => events.onServeCache(this));
    socket.on('message', (data, isBinary) => void this.receive(data, isBinary));
    socket.on('close', () => {
      this.closed = true;
      this.endpoint.abandonAll('the browser tab closed or reloaded');
      events.onClose(this);
    });
    // Errors (e.g. a frame over the size cap) close the socket; 'close' above does the rest.
    socket.on('error', () => undefined);
  }

  emit(event: string, payload: unknown): void {
    try {
      this.endpoint.emit(event, payload);
    } catch {
      // The tab is going away; it asks for the current state when it reconnects.
    }
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  private async receive(data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) return this.refuse(fail('binary-message', 'binary messages are not accepted: send JSON text frames'));
    let message: unknown;
    try {
      message = JSON.parse(rawText(data));
    } catch {
      return this.refuse(fail('bad-json', 'refused a message that is not JSON'));
    }
    try {
      const handled = await this.endpoint.receive(message);
      if (!handled.ok) this.refuse(handled);
    } catch {
      // The answer could not be sent: the tab closed while its request was handled.
    }
  }

  private refuse(result: Result<never>): void {
    if (result.ok || this.closed) return;
    const envelope: WebErrorEnvelope = { type: 'error', error: result.error };
    try {
      this.sendJson(envelope);
    } catch {
      // Closed meanwhile: nobody is left to tell.
    }
  }

  /** Throws on a closed socket, so the RpcEndpoint turns a call into a transport error at once. */
  private sendJson(message: unknown): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) throw new Error('the browser tab is not connected');
    this.socket.send(JSON.stringify(message));
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
