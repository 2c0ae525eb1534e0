/**
 * Scenario 7: peak RSS of an Upload Image of a 10 MB picture from a URL, in its own process
 * (dist/bench/imageUploadRun.js), over the baseline of the same upload of a 1 KB picture. The picture is downloaded
 * to a temporary file and streamed from it into the multipart request, so the growth stays under twice the file.
 * The simulator (which keeps the bytes) and the picture's server run here, in the parent.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { startSimulator } from '../simulator';
import { IMAGE_ENV, SIMULATOR_ENV } from './memoryRunReport';
import { fixed, median, megabytes } from './numbers';
import { runNodeMeasured } from './peakRss';
import { BenchMode, LineBuilder, Scenario } from './scenario';

const TITLE = '7 image upload (peak RSS, own process)';
const LARGE_BYTES = 10 * 1024 * 1024;
const SMALL_BYTES = 1024;
/** The target: the upload's growth over the baseline stays under twice the file. */
const MAX_GROWTH_PER_FILE = 2;

/** A JPEG-looking file (the component checks the first bytes) of `size` bytes. */
function picture(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x5a);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

async function servePictures(files: Record<string, Buffer>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const file = files[(request.url ?? '').slice(1)];
    response.writeHead(file ? 200 : 404, { 'Content-Type': 'image/jpeg', 'Content-Length': String(file?.length ?? 0) });
    response.end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export const imageUpload: Scenario = {
  key: 'image-upload',
  title: TITLE,
  async run(mode: BenchMode) {
    const runs = mode.quick ? 1 : 3;
    const sim = await startSimulator({ items: 5, archivedItems: 0, sales: 0, customers: 0, rateLimit: false, revokeRotatedRefreshTokens: false });
    const pictures = await servePictures({ 'small.jpg': picture(SMALL_BYTES), 'large.jpg': picture(LARGE_BYTES) });
    try {
      const itemID = Number(sim.store.list('Item')[0].itemID);
      const peak = async (file: string): Promise<number[]> => {
        const env = { [SIMULATOR_ENV]: JSON.stringify(sim.credentials), [IMAGE_ENV]: JSON.stringify({ url: `${pictures.url}/${file}`, itemID }) };
        const peaks: number[] = [];
        for (let index = 0; index < runs; index += 1) peaks.push((await runNodeMeasured(path.join(__dirname, 'imageUploadRun.js'), [], env)).peakRssKb);
        return peaks;
      };
      const baseline = await peak('small.jpg');
      const large = await peak('large.jpg');
      const growthKb = median(large) - median(baseline);
      const perFile = (growthKb * 1024) / LARGE_BYTES;
      const runsNote = runs > 1 ? `, median of ${runs}` : '';
      const lines = new LineBuilder(TITLE)
        .info(`peak RSS, 1 KB upload (baseline)${runsNote}`, median(baseline), megabytes(median(baseline)))
        .info(`peak RSS, 10 MB upload${runsNote}`, median(large), megabytes(median(large)))
        .target('10 MB upload over the baseline, per file size', perFile, `${fixed(perFile)}x (${megabytes(growthKb)})`,
          `< ${fixed(MAX_GROWTH_PER_FILE)}x`, perFile < MAX_GROWTH_PER_FILE, 'ratio');
      const stored = sim.store.list('Image').map((row) => Number(row.size));
      return { lines: lines.lines, details: { runs, baselinePeaksKb: baseline, largePeaksKb: large, fileBytes: LARGE_BYTES, storedSizes: stored } };
    } finally {
      await pictures.close();
      await sim.close();
    }
  },
};
