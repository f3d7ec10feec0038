// `npm run bench -- --smoke`: every section at a small size, so CI notices a section that no longer
// runs (a broken section throws). Smoke figures say nothing about speed and are never kept.

/** True in a smoke run. */
export const SMOKE = process.argv.includes('--smoke');

/** The full run's value, or the smoke run's. */
export function sized<T>(full: T, smoke: T): T {
  return SMOKE ? smoke : full;
}
