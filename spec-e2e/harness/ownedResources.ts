/**
 * In-process servers the specs open (platform stand-ins, simulators) and AMQP connections, each with
 * its close function, so that whatever a failing spec leaves open is still closed at the end.
 */
export interface OwnedResource {
  label: string;
  closed: boolean;
  close(): Promise<void>;
}

const owned: OwnedResource[] = [];

/** Registers something to close; returns it for the spec's own after() hook. */
export function own<T>(label: string, resource: T, close: (resource: T) => Promise<void>): T {
  const entry: OwnedResource = {
    label,
    closed: false,
    close: async () => {
      if (entry.closed) return;
      entry.closed = true;
      await close(resource);
    },
  };
  owned.push(entry);
  return resource;
}

/** Closes the resource registered for `resource`'s label (the spec's own after hook). */
export async function closeOwned(label: string): Promise<void> {
  for (const entry of owned.filter((candidate) => candidate.label === label)) await entry.close();
}

/** Closes everything still open, newest first. */
export async function closeAllOwned(): Promise<void> {
  for (const entry of [...owned].reverse()) {
    try {
      await entry.close();
    } catch (error) {
      console.error(`closing ${entry.label} failed: ${(error as Error).message}`);
    }
  }
}

export function openResources(): string[] {
  return owned.filter((entry) => !entry.closed).map((entry) => entry.label);
}
