/** `node dist/scripts/logo/makeLogo.js`: draws the component icon and writes logo.png at the package root. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../cli/packageRoot';
import { LOGO_SIZE, drawLogo } from './drawLogo';
import { encodePng } from './png';

const path = join(findPackageRoot(__dirname), 'logo.png');
const png = encodePng(LOGO_SIZE, LOGO_SIZE, drawLogo());
writeFileSync(path, png);
console.log(`logo: ${LOGO_SIZE}x${LOGO_SIZE}, ${png.length} bytes -> ${path}`);
