// The project's seeded generator (src/seededRandom.ts), so a soak run can be repeated exactly.
export { seededRandom } from '../../src/seededRandom.ts';
