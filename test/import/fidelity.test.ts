// Fidelity against the labels (test/fixtures/labels, written by reading the plans), for the text seeds
// and every office rendering. Goals: actions found and precision at least 99%, schedules and owners 98%.
import { describe, expect, it } from 'vitest';
import { byFormat } from './fidelity.ts';

describe('fidelity against labels written by reading the plans', () => {
  it('every format finds at least 99% of the actions with 99% precision, and 98% right schedules and owners', async () => {
    const figures = await byFormat();
    expect([...figures.keys()].sort()).toEqual(['docx', 'pdf', 'txt', 'xlsx']);
    for (const [format, f] of figures) {
      expect.soft(f.found, `${format} actions found`).toBeGreaterThanOrEqual(0.99);
      expect.soft(f.precision, `${format} precision`).toBeGreaterThanOrEqual(0.99);
      expect.soft(f.schedules, `${format} schedules right`).toBeGreaterThanOrEqual(0.98);
      expect.soft(f.owners, `${format} owners right`).toBeGreaterThanOrEqual(0.98);
    }
  });
});
