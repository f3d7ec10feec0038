import { describe, expect, it } from 'vitest';
import { readReply } from '../../src/domain/typedReply.ts';

const today = '2026-08-01';
const read = (text: string) => readReply(text, today);

describe('an owner typing done', () => {
  it.each([
    ['done', null],
    ['Done!', null],
    ['  DONE.  ', null],
    ['completed', null],
    ['done 1.2.3', '1.2.3'],
    ['1.2.3 done', '1.2.3'],
    ['2.3: done', '2.3'],
    ['done 6a', '6a'],
    ['done 8 i', '8 i'],
    ['3.8 done, thanks', '3.8'],
  ])('"%s" is done (ref %s)', (text, ref) => {
    expect(read(text)).toEqual({ kind: 'done', ref });
  });
});

describe('an owner typing delayed', () => {
  it('"delayed to 30 June because the provider is late" means the next 30 June', () => {
    expect(read('delayed to 30 June because the provider is late')).toEqual({
      kind: 'delayed', ref: null, newDate: '2027-06-30', reason: 'the provider is late',
    });
    expect(readReply('delayed to 30 June because the provider is late', '2026-06-01')).toMatchObject({ newDate: '2026-06-30' });
  });

  it('"delay 1.2.3 until 2027-07-31: venue"', () => {
    expect(read('delay 1.2.3 until 2027-07-31: venue')).toEqual({ kind: 'delayed', ref: '1.2.3', newDate: '2027-07-31', reason: 'venue' });
  });

  it('"delayed to end of July - waiting on funding" is the last day of the next July', () => {
    expect(read('delayed to end of July - waiting on funding')).toEqual({ kind: 'delayed', ref: null, newDate: '2027-07-31', reason: 'waiting on funding' });
    expect(readReply('delayed to end of July - waiting on funding', '2026-07-15')).toMatchObject({ newDate: '2026-07-31' });
    expect(read('delayed to the end of February 2028: leap year')).toMatchObject({ newDate: '2028-02-29', reason: 'leap year' });
  });

  it('"delayed 1.2.3 to 31/07/2027 reason" reads the date UK style', () => {
    expect(read('delayed 1.2.3 to 31/07/2027 reason')).toEqual({ kind: 'delayed', ref: '1.2.3', newDate: '2027-07-31', reason: 'reason' });
    expect(read('delayed to 3/4 as the board moved')).toMatchObject({ newDate: '2027-04-03', reason: 'the board moved' });
    expect(read('delayed to 1/9/26: summer')).toMatchObject({ newDate: '2026-09-01' });
  });

  it('takes words chrono knows: "1.2.3 delayed until next Friday, staff off sick"', () => {
    expect(read('1.2.3 delayed until next Friday, staff off sick')).toEqual({ kind: 'delayed', ref: '1.2.3', newDate: '2026-08-07', reason: 'staff off sick' });
  });

  it('a bare number before a month is the day, not a reference', () => {
    expect(read('delayed 30 June: provider')).toEqual({ kind: 'delayed', ref: null, newDate: '2027-06-30', reason: 'provider' });
  });

  it('says what is missing or wrong', () => {
    expect(read('delayed')).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('to when') });
    expect(read('delayed because of the weather')).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('to when') });
    expect(read('delayed to 31/07/2027')).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('reason is needed') });
    expect(read('delayed to 31/02/2027 because')).toEqual({ kind: 'invalid', problem: '31/02/2027 is not a date' });
    expect(read('delayed to July - waiting on funding')).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('which day of July?') });
    expect(read(`delayed to 31/07/2027 ${'x'.repeat(501)}`)).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('too long') });
  });
});

describe('an owner typing blocked', () => {
  it('"blocked: waiting for the PCT"', () => {
    expect(read('blocked: waiting for the PCT')).toEqual({ kind: 'blocked', ref: null, reason: 'waiting for the PCT' });
  });

  it('"blocked 6a waiting for sign-off"', () => {
    expect(read('blocked 6a waiting for sign-off')).toEqual({ kind: 'blocked', ref: '6a', reason: 'waiting for sign-off' });
  });

  it('"Blocked - 2.3 - no venue" and "stuck because the data is late"', () => {
    expect(read('Blocked - 2.3 - no venue')).toEqual({ kind: 'blocked', ref: '2.3', reason: 'no venue' });
    expect(read('stuck because the data is late')).toEqual({ kind: 'blocked', ref: null, reason: 'the data is late' });
  });

  it('"blocked" alone asks for a reason', () => {
    expect(read('blocked')).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('a reason is needed') });
    expect(read('blocked 1.2.3')).toMatchObject({ kind: 'invalid' });
  });
});

describe('messages that are not answers', () => {
  it.each(["what's overdue?", 'help', 'is 1.2.3 done?', 'the review is done', '', '1.2.3', 'doneness'])('"%s" is not an answer', (text) => {
    expect(read(text)).toBeNull();
  });
});
