// Recall and precision of task owners over the labelled speech sentences (fixtures/speechTasks*.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from './extract.ts';
import { type LabelledTask, speechTasks } from './fixtures/speechTasks.ts';
import { blindSpeechTasks } from './fixtures/speechTasksBlind.ts';
import { eighteenthSpeechTasks } from './fixtures/speechTasksEighteenth.ts';
import { eighthSpeechTasks } from './fixtures/speechTasksEighth.ts';
import { eleventhSpeechTasks } from './fixtures/speechTasksEleventh.ts';
import { fifteenthSpeechTasks } from './fixtures/speechTasksFifteenth.ts';
import { fifthSpeechTasks } from './fixtures/speechTasksFifth.ts';
import { fourteenthSpeechTasks } from './fixtures/speechTasksFourteenth.ts';
import { fourthSpeechTasks } from './fixtures/speechTasksFourth.ts';
import { heldOutSpeechTasks } from './fixtures/speechTasksHeldOut.ts';
import { nineteenthSpeechTasks } from './fixtures/speechTasksNineteenth.ts';
import { ninthSpeechTasks } from './fixtures/speechTasksNinth.ts';
import { seventeenthSpeechTasks } from './fixtures/speechTasksSeventeenth.ts';
import { seventhSpeechTasks } from './fixtures/speechTasksSeventh.ts';
import { sixteenthSpeechTasks } from './fixtures/speechTasksSixteenth.ts';
import { sixthSpeechTasks } from './fixtures/speechTasksSixth.ts';
import { tenthSpeechTasks } from './fixtures/speechTasksTenth.ts';
import { thirdSpeechTasks } from './fixtures/speechTasksThird.ts';
import { thirteenthSpeechTasks } from './fixtures/speechTasksThirteenth.ts';
import { twelfthSpeechTasks } from './fixtures/speechTasksTwelfth.ts';
import { twentiethSpeechTasks } from './fixtures/speechTasksTwentieth.ts';
import { twentyFirstSpeechTasks } from './fixtures/speechTasksTwentyFirst.ts';
import { twentySecondSpeechTasks } from './fixtures/speechTasksTwentySecond.ts';
import { normalize } from './normalize.ts';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const hasCorpus = existsSync(CORPUS);

const normalised = new Map<string, string>();
/** The sentence of a corpus file holding the quote, once the file is normalised. */
function corpusSentence(file: string, locate: string): string {
  let text = normalised.get(file);
  if (text === undefined) {
    text = normalize(readFileSync(join(CORPUS, file), 'utf8')).text;
    normalised.set(file, text);
  }
  const sentence = text.split(/(?<=[。！？])|\n/).find((s) => s.includes(locate));
  if (!sentence) throw new Error(`${file}: no sentence holds “${locate}”`);
  return sentence;
}

const sentenceOf = (t: LabelledTask) => t.text ?? corpusSentence(t.file ?? '', t.locate ?? '');

interface Count {
  expected: number;
  found: number;
  right: number;
}
const recall = (c: Count) => (c.expected === 0 ? 1 : c.right / c.expected);
const precision = (c: Count) => (c.found === 0 ? 1 : c.right / c.found);

const allSets = [
  speechTasks,
  heldOutSpeechTasks,
  thirdSpeechTasks,
  fourthSpeechTasks,
  fifthSpeechTasks,
  blindSpeechTasks,
  sixthSpeechTasks,
  seventhSpeechTasks,
  eighthSpeechTasks,
  ninthSpeechTasks,
  tenthSpeechTasks,
  eleventhSpeechTasks,
  twelfthSpeechTasks,
  thirteenthSpeechTasks,
  fourteenthSpeechTasks,
  fifteenthSpeechTasks,
  sixteenthSpeechTasks,
  seventeenthSpeechTasks,
  eighteenthSpeechTasks,
  nineteenthSpeechTasks,
  twentiethSpeechTasks,
  twentyFirstSpeechTasks,
  twentySecondSpeechTasks,
].flat();

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const usable = (set: LabelledTask[]) => set.filter((t) => t.text !== undefined || hasCorpus);

function measure(set: LabelledTask[]) {
  const leads: Count = { expected: 0, found: 0, right: 0 };
  const supports: Count = { expected: 0, found: 0, right: 0 };
  const dues = { expected: 0, right: 0 };
  const misses: string[] = [];
  for (const t of usable(set)) {
    const tasks = extract(sentenceOf(t)).tasks;
    const lead = [...new Set(tasks.flatMap((k) => k.lead))];
    const support = [...new Set(tasks.flatMap((k) => k.support))];
    for (const [count, want, got] of [
      [leads, t.lead, lead],
      [supports, t.support, support],
    ] as const) {
      count.expected += want.length;
      count.found += got.length;
      count.right += got.filter((u) => want.includes(u)).length;
    }
    if (t.due) {
      dues.expected++;
      if (tasks.some((k) => k.due === t.due)) dues.right++;
      else misses.push(`${t.id}: due ${tasks.map((k) => k.due).join('/')} ≠ ${t.due}`);
    }
    const wrong = (want: string[], got: string[]) =>
      want.length !== got.length || want.some((u) => !got.includes(u));
    if (wrong(t.lead, lead) || wrong(t.support, support))
      misses.push(
        `${t.id}: lead ${lead.join('/')} ≠ ${t.lead.join('/')}; support ${support.join('/')} ≠ ${t.support.join('/')}`,
      );
  }
  return { leads, supports, dues, misses };
}

describe('finding who leads and who supports in task sentences of real speeches', () => {
  it('has at least 40 labelled sentences, each with its source', () => {
    expect(speechTasks.length).toBeGreaterThanOrEqual(40);
    for (const t of speechTasks) expect(t.source, t.id).not.toBe('');
    expect(new Set(speechTasks.map((t) => t.id)).size).toBe(speechTasks.length);
    expect(new Set(allSets.map((t) => t.id)).size).toBe(allSets.length);
  });

  it.skipIf(!hasCorpus)('finds every corpus sentence by its quote', () => {
    for (const t of allSets.filter((k) => k.file)) expect(sentenceOf(t), t.id).toContain(t.locate);
  });

  const report = (title: string, set: LabelledTask[]) => {
    const result = measure(set);
    const { leads, supports, dues, misses } = result;
    console.log(
      [
        `${title}: task owners over ${usable(set).length} sentences${hasCorpus ? '' : ' (corpus absent: written ones only)'}:`,
        `  leads    recall ${pct(recall(leads))} (${leads.right}/${leads.expected}), precision ${pct(precision(leads))} (${leads.right}/${leads.found})`,
        `  supports recall ${pct(recall(supports))} (${supports.right}/${supports.expected}), precision ${pct(precision(supports))} (${supports.right}/${supports.found})`,
        `  due dates right ${dues.right}/${dues.expected}`,
        ...misses.map((m) => `  ${m}`),
      ].join('\n'),
    );
    return result;
  };

  it('recalls at least 90% of leads and 80% of supporting units', () => {
    const { leads, supports } = report('labelled set', speechTasks);
    expect(recall(leads)).toBeGreaterThanOrEqual(0.9);
    expect(recall(supports)).toBeGreaterThanOrEqual(0.8);
  });

  it('recalls as much on a second set labelled before the extractor first ran on it', () => {
    const { leads, supports } = report('second set', heldOutSpeechTasks);
    expect(recall(leads)).toBeGreaterThanOrEqual(0.9);
    expect(recall(supports)).toBeGreaterThanOrEqual(0.8);
  });

  it('recalls as much on a third set, whose first run found a fifth of the leads', () => {
    const { leads, supports } = report('third set', thirdSpeechTasks);
    expect(recall(leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(leads)).toBeGreaterThanOrEqual(0.9);
    expect(recall(supports)).toBeGreaterThanOrEqual(0.8);
  });

  it('recalls as much on a fourth set, whose first run found less than half of the leads', () => {
    const { leads } = report('fourth set', fourthSpeechTasks);
    expect(recall(leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(leads)).toBeGreaterThanOrEqual(0.9);
  });

  it('recalls as much on a fifth set, whose first run found a third of the leads', () => {
    const { leads } = report('fifth set', fifthSpeechTasks);
    expect(recall(leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(leads)).toBeGreaterThanOrEqual(0.9);
  });

  it('holds its precision on the sets labelled blind', () => {
    const blind = report('blind set', blindSpeechTasks);
    const sixth = report('sixth set', sixthSpeechTasks);
    const seventh = report('seventh set', seventhSpeechTasks);
    const eighth = report('eighth set', eighthSpeechTasks);
    const ninth = report('ninth set', ninthSpeechTasks);
    const tenth = report('tenth set', tenthSpeechTasks);
    report('eleventh set', eleventhSpeechTasks);
    report('twelfth set', twelfthSpeechTasks);
    const thirteenth = report('thirteenth set', thirteenthSpeechTasks);
    const fourteenth = report('fourteenth set', fourteenthSpeechTasks);
    const fifteenth = report('fifteenth set', fifteenthSpeechTasks);
    const sixteenth = report('sixteenth set', sixteenthSpeechTasks);
    const seventeenth = report('seventeenth set', seventeenthSpeechTasks);
    const eighteenth = report('eighteenth set', eighteenthSpeechTasks);
    const nineteenth = report('nineteenth set', nineteenthSpeechTasks);
    const twentieth = report('twentieth set', twentiethSpeechTasks);
    const twentyFirst = report('twenty-first set', twentyFirstSpeechTasks);
    const twentySecond = report('twenty-second set', twentySecondSpeechTasks);
    // An owner the text does not name is worse than one missed, which the office adds by hand.
    expect(precision(blind.leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(sixth.leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(seventh.leads)).toBeGreaterThanOrEqual(0.9);
    expect(recall(seventh.leads)).toBeGreaterThanOrEqual(0.85);
    expect(precision(eighth.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(eighth.leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(ninth.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(ninth.leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(tenth.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(tenth.leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(thirteenth.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(thirteenth.leads)).toBeGreaterThanOrEqual(0.8);
    expect(precision(fourteenth.leads)).toBeGreaterThanOrEqual(0.9);
    expect(recall(fourteenth.leads)).toBeGreaterThanOrEqual(0.65);
    expect(precision(fifteenth.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(fifteenth.leads)).toBeGreaterThanOrEqual(0.9);
    expect(recall(fifteenth.supports)).toBeGreaterThanOrEqual(0.8);
    expect(precision(sixteenth.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(sixteenth.leads)).toBeGreaterThanOrEqual(0.8);
    expect(precision(seventeenth.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(seventeenth.leads)).toBeGreaterThanOrEqual(0.8);
    expect(precision(eighteenth.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(eighteenth.leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(nineteenth.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(nineteenth.leads)).toBeGreaterThanOrEqual(0.7);
    expect(precision(twentieth.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(twentieth.leads)).toBeGreaterThanOrEqual(0.75);
    expect(precision(twentyFirst.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(twentyFirst.leads)).toBeGreaterThanOrEqual(0.8);
    expect(precision(twentySecond.leads)).toBeGreaterThanOrEqual(0.95);
    expect(recall(twentySecond.leads)).toBeGreaterThanOrEqual(0.65);
  });

  it('recalls at least 90% of leads and 80% of supporting units over every set', () => {
    const { leads, supports } = report('all sets', allSets);
    const blind = measure([...blindSpeechTasks, ...sixthSpeechTasks]);
    const seventh = measure(seventhSpeechTasks);
    const eighth = measure(eighthSpeechTasks);
    const ninth = measure(ninthSpeechTasks);
    const tenth = measure(tenthSpeechTasks);
    const eleventh = measure(eleventhSpeechTasks);
    const twelfth = measure(twelfthSpeechTasks);
    const thirteenth = measure(thirteenthSpeechTasks);
    const fourteenth = measure(fourteenthSpeechTasks);
    const fifteenth = measure(fifteenthSpeechTasks);
    const sixteenth = measure(sixteenthSpeechTasks);
    const seventeenth = measure(seventeenthSpeechTasks);
    const eighteenth = measure(eighteenthSpeechTasks);
    const nineteenth = measure(nineteenthSpeechTasks);
    const twentieth = measure(twentiethSpeechTasks);
    const twentyFirst = measure(twentyFirstSpeechTasks);
    const twentySecond = measure(twentySecondSpeechTasks);
    const sum = (a: Count, b: Count) => ({
      expected: a.expected + b.expected,
      found: a.found + b.found,
      right: a.right + b.right,
    });
    // Each blind set's first run, before any rule was fitted to it (see the sets' headers).
    const before = {
      leads: sum({ expected: 14, found: 12, right: 12 }, { expected: 52, found: 29, right: 27 }),
      supports: sum({ expected: 4, found: 2, right: 2 }, { expected: 5, found: 2, right: 0 }),
    };
    // The seventh set's first run, after the rules were fitted to the blind and sixth sets.
    const seventhBefore = {
      leads: { expected: 68, found: 35, right: 28 },
      supports: { expected: 3, found: 2, right: 2 },
    };
    // The eighth set's first run, after the rules were fitted to the seventh (one lead relabelled since: see its header).
    const eighthBefore = {
      leads: { expected: 41, found: 33, right: 31 },
      supports: { expected: 2, found: 4, right: 1 },
    };
    // The ninth set's first run, after the rules were fitted to the eighth.
    const ninthBefore = {
      leads: { expected: 68, found: 41, right: 40 },
      supports: { expected: 3, found: 0, right: 0 },
    };
    // The tenth set's first run, after the rules were fitted to the ninth.
    const tenthBefore = {
      leads: { expected: 71, found: 42, right: 41 },
      supports: { expected: 10, found: 0, right: 0 },
    };
    // The eleventh set's first run, after the rules were fitted to the tenth, with its labels as they are now (four
    // relabelled to the earlier sets' conventions, see its header; as first labelled: 26/49). Fitted to since.
    const eleventhBefore = {
      leads: { expected: 47, found: 32, right: 27 },
      supports: { expected: 3, found: 1, right: 1 },
    };
    // The twelfth set's first run, after the rules were fitted to the eleventh.
    const twelfthBefore = {
      leads: { expected: 15, found: 9, right: 7 },
      supports: { expected: 0, found: 0, right: 0 },
    };
    // The thirteenth and fourteenth sets' first runs, after the general forms written before they were read; the
    // fourteenth's again after the fitting to the thirteenth (the same: see their headers), with two labels made to
    // agree with the ninth set since.
    const thirteenthBefore = {
      leads: { expected: 28, found: 17, right: 13 },
      supports: { expected: 0, found: 0, right: 0 },
    };
    const fourteenthBefore = {
      leads: { expected: 41, found: 24, right: 22 },
      supports: { expected: 0, found: 1, right: 0 },
    };
    // The fifteenth and sixteenth sets' first runs, after the fitting to the thirteenth and fourteenth (77c2060; the
    // sixteenth with three labels made to agree with the earlier sets, see its header).
    const fifteenthBefore = {
      leads: { expected: 29, found: 27, right: 21 },
      supports: { expected: 7, found: 0, right: 0 },
    };
    const sixteenthBefore = {
      leads: { expected: 35, found: 25, right: 25 },
      supports: { expected: 0, found: 1, right: 0 },
    };
    // The seventeenth and eighteenth sets' first runs, after the fitting to the thirteenth to sixteenth (e07e315; one
    // label each made to agree with the ninth set since, see their headers).
    const seventeenthBefore = {
      leads: { expected: 41, found: 28, right: 26 },
      supports: { expected: 2, found: 3, right: 1 },
    };
    const eighteenthBefore = {
      leads: { expected: 28, found: 27, right: 26 },
      supports: { expected: 0, found: 0, right: 0 },
    };
    // The nineteenth and twentieth sets' first runs, after the fitting to the thirteenth to eighteenth (faedb66; one
    // label of the twentieth made to agree with the eighth set since).
    const nineteenthBefore = {
      leads: { expected: 32, found: 18, right: 18 },
      supports: { expected: 1, found: 0, right: 0 },
    };
    const twentiethBefore = {
      leads: { expected: 36, found: 24, right: 23 },
      supports: { expected: 0, found: 0, right: 0 },
    };
    // The twenty-first and twenty-second sets' first runs, after the fitting to the thirteenth to twentieth (87e0b30).
    const twentyFirstBefore = {
      leads: { expected: 31, found: 22, right: 22 },
      supports: { expected: 4, found: 4, right: 3 },
    };
    const twentySecondBefore = {
      leads: { expected: 36, found: 18, right: 16 },
      supports: { expected: 0, found: 0, right: 0 },
    };
    const line = (c: Count) =>
      `recall ${pct(recall(c))} (${c.right}/${c.expected}), precision ${pct(precision(c))} (${c.right}/${c.found})`;
    console.log(
      [
        'blind sets (blind + sixth), first run before fitting → now:',
        `  leads    ${line(before.leads)} → ${line(blind.leads)}`,
        `  supports ${line(before.supports)} → ${line(blind.supports)}`,
        'seventh set, first run after fitting to those → now:',
        `  leads    ${line(seventhBefore.leads)} → ${line(seventh.leads)}`,
        `  supports ${line(seventhBefore.supports)} → ${line(seventh.supports)}`,
        'eighth set, first run after fitting to the seventh → now:',
        `  leads    ${line(eighthBefore.leads)} → ${line(eighth.leads)}`,
        `  supports ${line(eighthBefore.supports)} → ${line(eighth.supports)}`,
        'ninth set, first run after fitting to the eighth → now:',
        `  leads    ${line(ninthBefore.leads)} → ${line(ninth.leads)}`,
        `  supports ${line(ninthBefore.supports)} → ${line(ninth.supports)}`,
        'tenth set, first run after fitting to the ninth → now:',
        `  leads    ${line(tenthBefore.leads)} → ${line(tenth.leads)}`,
        `  supports ${line(tenthBefore.supports)} → ${line(tenth.supports)}`,
        'eleventh set, first run after fitting to the tenth → now:',
        `  leads    ${line(eleventhBefore.leads)} → ${line(eleventh.leads)}`,
        `  supports ${line(eleventhBefore.supports)} → ${line(eleventh.supports)}`,
        'twelfth set, first run after fitting to the eleventh → now:',
        `  leads    ${line(twelfthBefore.leads)} → ${line(twelfth.leads)}`,
        'thirteenth set, first run after the general forms of 488ccb0 → now:',
        `  leads    ${line(thirteenthBefore.leads)} → ${line(thirteenth.leads)}`,
        'fourteenth set, first run after fitting to the thirteenth → now:',
        `  leads    ${line(fourteenthBefore.leads)} → ${line(fourteenth.leads)}`,
        `  supports ${line(fourteenthBefore.supports)} → ${line(fourteenth.supports)}`,
        'fifteenth set, first run after fitting to the thirteenth and fourteenth → now:',
        `  leads    ${line(fifteenthBefore.leads)} → ${line(fifteenth.leads)}`,
        `  supports ${line(fifteenthBefore.supports)} → ${line(fifteenth.supports)}`,
        'sixteenth set, first run after fitting to the thirteenth and fourteenth → now:',
        `  leads    ${line(sixteenthBefore.leads)} → ${line(sixteenth.leads)}`,
        'seventeenth set, first run after fitting to the thirteenth to sixteenth → now:',
        `  leads    ${line(seventeenthBefore.leads)} → ${line(seventeenth.leads)}`,
        `  supports ${line(seventeenthBefore.supports)} → ${line(seventeenth.supports)}`,
        'eighteenth set, first run after fitting to the thirteenth to sixteenth → now:',
        `  leads    ${line(eighteenthBefore.leads)} → ${line(eighteenth.leads)}`,
        'nineteenth set, first run after fitting to the thirteenth to eighteenth → now:',
        `  leads    ${line(nineteenthBefore.leads)} → ${line(nineteenth.leads)}`,
        `  supports ${line(nineteenthBefore.supports)} → ${line(nineteenth.supports)}`,
        'twentieth set, first run after fitting to the thirteenth to eighteenth → now:',
        `  leads    ${line(twentiethBefore.leads)} → ${line(twentieth.leads)}`,
        'twenty-first set, first run after fitting to the thirteenth to twentieth → now:',
        `  leads    ${line(twentyFirstBefore.leads)} → ${line(twentyFirst.leads)}`,
        `  supports ${line(twentyFirstBefore.supports)} → ${line(twentyFirst.supports)}`,
        'twenty-second set, first run after fitting to the thirteenth to twentieth → now:',
        `  leads    ${line(twentySecondBefore.leads)} → ${line(twentySecond.leads)}`,
      ].join('\n'),
    );
    expect(recall(leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(leads)).toBeGreaterThanOrEqual(0.9);
    expect(recall(supports)).toBeGreaterThanOrEqual(0.8);
  });
});
