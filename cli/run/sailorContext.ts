import { Logger } from '../../lib/client/http';
import { HandlerContext } from '../../lib/runtime/context';

/** Receives what a handler emits; may be async, and a rejection reaches the handler's `await this.emit(...)`. */
export type EmitListener = (event: string, payload?: unknown) => Promise<void> | void;

/** `this` for a handler, as sailor builds it: an `emit` the handler can await, and a logger. */
export function sailorContext(logger: Logger, listener: EmitListener): HandlerContext {
  return {
    logger,
    emit: async (event: string, payload?: unknown) => { await listener(event, payload); },
  };
}
