// Fidelity against the labels (test/fixtures/labels, written by reading the plans), for the text seeds
// and every office rendering. Goals: actions found and precision at least 99%, schedules and owners 98%.
import { describe, expect, it } from 'vitest';
import { byFormat } from './fidelity.ts';

describe('fidelity against labels written by reading the plans', () => {
  it('every format and layout finds at least 99% of the actions with 99% precision, and 98% right schedules and owners', async () => {
    const figures = await byFormat();
    expect([...figures.keys()].sort()).toEqual(['csv (flat)', 'csv (other layout)', 'docx', 'docx (flat)', 'docx (other layout)', 'pdf', 'pdf (other layout)', 'pdf printed from Word (flat)', 'pdf printed from Word (other layout)', 'txt', 'xlsx', 'xlsx (flat)', 'xlsx (other layout)']);
    for (const [format, f] of figures) {
      const goal = { found: 0.99, precision: 0.99, schedules: 0.98, owners: 0.98 };
      expect.soft(f.found, `${format} actions found`).toBeGreaterThanOrEqual(goal.found);
      expect.soft(f.precision, `${format} precision`).toBeGreaterThanOrEqual(goal.precision);
      expect.soft(f.schedules, `${format} schedules right`).toBeGreaterThanOrEqual(goal.schedules);
      expect.soft(f.owners, `${format} owners right`).toBeGreaterThanOrEqual(goal.owners);
    }
    // 65 documents (five plans in thirteen renderings), read one after another on a shared machine.
  }, 120_000);
});
