/** `this` for a handler that throws every message away, counting what was emitted. */
import { silentLogger } from '../lib/client/http';
import { HandlerContext } from '../lib/runtime/context';
import { PlatformMessage } from '../lib/runtime/messages';

export interface EmitCounts {
  data: number;
  snapshot: number;
  updateKeys: number;
  error: number;
}

export interface CountingContext extends HandlerContext {
  counts: EmitCounts;
}

/** A context whose emit only counts events (sailor would publish them; here nothing is kept but what `onData` keeps). */
export function noopContext(onData?: (message: PlatformMessage) => void): CountingContext {
  const counts: EmitCounts = { data: 0, snapshot: 0, updateKeys: 0, error: 0 };
  const emit = (event: string, payload?: unknown): Promise<void> => {
    if (event === 'data' || event === 'snapshot' || event === 'updateKeys' || event === 'error') counts[event] += 1;
    if (event === 'data') onData?.(payload as PlatformMessage);
    return Promise.resolve();
  };
  return { emit, logger: silentLogger, counts };
}
