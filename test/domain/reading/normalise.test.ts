import { describe, expect, it } from 'vitest';
import { normalise } from '../../../src/domain/reading/normalise.ts';

const people = new Set(['sam patel', 'priya shah']);
const read = (raw: string) => normalise(raw, (name) => people.has(name.toLowerCase()));

describe('turning what Teams sends into the words typed', () => {
  it('drops HTML and decodes entities as Teams writes them', () => {
    expect(read('<p>what&#39;s overdue?</p>')).toEqual({ text: "what's overdue", asked: true, mentions: [], ticked: false });
    expect(read('<div>blocked 1.2:&nbsp;P&amp;I officer off</div>').text).toBe('blocked 1.2: P&I officer off');
    expect(read('done 1.2.3<br>thanks<br/>').text).toBe('done 1.2.3 thanks');
    expect(read('&lt;b&gt; &#x2705; &quot;x&quot;').text).toBe('<b> "x"');
  });

  it("removes the bot's own mention at the start, and keeps people's mentions as their names", () => {
    expect(read('<at>actionbot</at> help')).toEqual({ text: 'help', asked: false, mentions: [], ticked: false });
    expect(read('<at>actionbot</at>, assign SMLO to <at>Sam Patel</at>')).toEqual({ text: 'assign SMLO to Sam Patel', asked: false, mentions: ['Sam Patel'], ticked: false });
    expect(read('<at>Priya Shah</at> covers SMO until 4 Jan').text).toBe('Priya Shah covers SMO until 4 Jan');
    expect(read('<at>actionbot</at>').text).toBe('');
  });

  it('writes quotes and dashes one way, and takes emoji out (noting a tick)', () => {
    expect(read('I’ve done 4.3.2 – “finally”').text).toBe('I\'ve done 4.3.2 - "finally"');
    expect(read('✅ done 1.3.2 🎉')).toEqual({ text: 'done 1.3.2', asked: false, mentions: [], ticked: true });
    expect(read('👍🏽 yes').text).toBe('yes');
  });

  it('squeezes spaces and trims trailing punctuation, remembering a question mark', () => {
    expect(read('   done    1.2.3.  ')).toEqual({ text: 'done 1.2.3', asked: false, mentions: [], ticked: false });
    expect(read('anything overdue ?!')).toMatchObject({ text: 'anything overdue', asked: true });
    expect(read('Done!!!').text).toBe('Done');
  });
});
