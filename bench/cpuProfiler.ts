/** Profiles a piece of async work in this process with the V8 CPU profiler (node:inspector). */
import { Session } from 'node:inspector';
import { CpuProfile } from './cpuProfileSummary';

function post(session: Session, method: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    session.post(method, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export async function profiled<T>(work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.start');
    const result = await work();
    const { profile } = await post(session, 'Profiler.stop') as { profile: CpuProfile };
    return { result, profile };
  } finally {
    session.disconnect();
  }
}
