import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:web` puts the web app: served by the server, and printed from by its Chromium. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
