/**
 * Run before each test file (vitest's setupFiles, which run for every file even with isolation
 * off): state a test helper keeps at module level is reset before every test.
 */
import { beforeEach } from 'vitest';
import { resetLines } from './helpers/builder.js';

beforeEach(() => {
  resetLines();
});
