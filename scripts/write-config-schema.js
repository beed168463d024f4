// Regenerates schema/config.schema.json from the built rules (`npm run build` first).
import { writeFileSync } from 'node:fs';
import { configSchema } from '../dist/engine/config-schema.js';
import { RULES } from '../dist/rules/index.js';

writeFileSync(
  new URL('../schema/config.schema.json', import.meta.url),
  `${JSON.stringify(configSchema(RULES), null, 2)}\n`,
);
