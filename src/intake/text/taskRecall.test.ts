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

  /** A set labelled blind: its first run as kept in its header, and the least it must keep now. */
  interface Blind {
    title: string;
    set: LabelledTask[];
    /** The first run, and what the rules had been fitted to before it; none for a set measured only with others. */
    first?: { after: string; leads: Count; supports: Count };
    /** An owner the text does not name is worse than one missed, which the office adds by hand. */
    least?: { precision: number; recall?: number; supports?: number };
  }
  const run = (expected: number, found: number, right: number): Count => ({ expected, found, right });
  const blindSets: Blind[] = [
    // The blind and sixth sets' first run is kept for the two together (see the all-sets test).
    { title: 'blind set', set: blindSpeechTasks, least: { precision: 0.9 } },
    { title: 'sixth set', set: sixthSpeechTasks, least: { precision: 0.9 } },
    {
      title: 'seventh set',
      set: seventhSpeechTasks,
      first: { after: 'fitting to those', leads: run(68, 35, 28), supports: run(3, 2, 2) },
      least: { precision: 0.9, recall: 0.85 },
    },
    // One lead relabelled since the first run: see its header.
    {
      title: 'eighth set',
      set: eighthSpeechTasks,
      first: { after: 'fitting to the seventh', leads: run(41, 33, 31), supports: run(2, 4, 1) },
      least: { precision: 0.95, recall: 0.9 },
    },
    {
      title: 'ninth set',
      set: ninthSpeechTasks,
      first: { after: 'fitting to the eighth', leads: run(68, 41, 40), supports: run(3, 0, 0) },
      least: { precision: 0.95, recall: 0.9 },
    },
    {
      title: 'tenth set',
      set: tenthSpeechTasks,
      first: { after: 'fitting to the ninth', leads: run(71, 42, 41), supports: run(10, 0, 0) },
      least: { precision: 0.95, recall: 0.9 },
    },
    // With its labels as they are now (four relabelled to the earlier sets' conventions, see its header; as first
    // labelled: 26/49). Fitted to since.
    {
      title: 'eleventh set',
      set: eleventhSpeechTasks,
      first: { after: 'fitting to the tenth', leads: run(47, 32, 27), supports: run(3, 1, 1) },
    },
    {
      title: 'twelfth set',
      set: twelfthSpeechTasks,
      first: { after: 'fitting to the eleventh', leads: run(15, 9, 7), supports: run(0, 0, 0) },
    },
    // The thirteenth and fourteenth after the general forms written before they were read; the fourteenth's again
    // after the fitting to the thirteenth (the same: see their headers), with two labels made to agree with the ninth
    // set since.
    {
      title: 'thirteenth set',
      set: thirteenthSpeechTasks,
      first: { after: 'the general forms of 488ccb0', leads: run(28, 17, 13), supports: run(0, 0, 0) },
      least: { precision: 0.95, recall: 0.8 },
    },
    {
      title: 'fourteenth set',
      set: fourteenthSpeechTasks,
      first: { after: 'fitting to the thirteenth', leads: run(41, 24, 22), supports: run(0, 1, 0) },
      least: { precision: 0.9, recall: 0.65 },
    },
    // After the fitting to the thirteenth and fourteenth (77c2060; the sixteenth with three labels made to agree with
    // the earlier sets, see its header).
    {
      title: 'fifteenth set',
      set: fifteenthSpeechTasks,
      first: {
        after: 'fitting to the thirteenth and fourteenth',
        leads: run(29, 27, 21),
        supports: run(7, 0, 0),
      },
      least: { precision: 0.95, recall: 0.9, supports: 0.8 },
    },
    {
      title: 'sixteenth set',
      set: sixteenthSpeechTasks,
      first: {
        after: 'fitting to the thirteenth and fourteenth',
        leads: run(35, 25, 25),
        supports: run(0, 1, 0),
      },
      least: { precision: 0.95, recall: 0.8 },
    },
    // After the fitting to the thirteenth to sixteenth (e07e315; one label each made to agree with the ninth set
    // since, see their headers).
    {
      title: 'seventeenth set',
      set: seventeenthSpeechTasks,
      first: {
        after: 'fitting to the thirteenth to sixteenth',
        leads: run(41, 28, 26),
        supports: run(2, 3, 1),
      },
      least: { precision: 0.95, recall: 0.8 },
    },
    {
      title: 'eighteenth set',
      set: eighteenthSpeechTasks,
      first: {
        after: 'fitting to the thirteenth to sixteenth',
        leads: run(28, 27, 26),
        supports: run(0, 0, 0),
      },
      least: { precision: 0.95, recall: 0.9 },
    },
    // After the fitting to the thirteenth to eighteenth (faedb66; one label of the twentieth made to agree with the
    // eighth set since).
    {
      title: 'nineteenth set',
      set: nineteenthSpeechTasks,
      first: {
        after: 'fitting to the thirteenth to eighteenth',
        leads: run(32, 18, 18),
        supports: run(1, 0, 0),
      },
      least: { precision: 0.95, recall: 0.7 },
    },
    {
      title: 'twentieth set',
      set: twentiethSpeechTasks,
      first: {
        after: 'fitting to the thirteenth to eighteenth',
        leads: run(36, 24, 23),
        supports: run(0, 0, 0),
      },
      least: { precision: 0.95, recall: 0.75 },
    },
    // After the fitting to the thirteenth to twentieth (87e0b30).
    {
      title: 'twenty-first set',
      set: twentyFirstSpeechTasks,
      first: {
        after: 'fitting to the thirteenth to twentieth',
        leads: run(31, 22, 22),
        supports: run(4, 4, 3),
      },
      least: { precision: 0.95, recall: 0.8 },
    },
    {
      title: 'twenty-second set',
      set: twentySecondSpeechTasks,
      first: {
        after: 'fitting to the thirteenth to twentieth',
        leads: run(36, 18, 16),
        supports: run(0, 0, 0),
      },
      least: { precision: 0.95, recall: 0.65 },
    },
  ];

  it('holds its precision on the sets labelled blind', () => {
    for (const { title, set, least } of blindSets) {
      const { leads, supports } = report(title, set);
      if (!least) continue;
      expect(precision(leads), title).toBeGreaterThanOrEqual(least.precision);
      if (least.recall !== undefined) expect(recall(leads), title).toBeGreaterThanOrEqual(least.recall);
      if (least.supports !== undefined)
        expect(recall(supports), title).toBeGreaterThanOrEqual(least.supports);
    }
  });

  it('recalls at least 90% of leads and 80% of supporting units over every set', () => {
    const { leads, supports } = report('all sets', allSets);
    const blind = measure([...blindSpeechTasks, ...sixthSpeechTasks]);
    // The blind and sixth sets' first run, before any rule was fitted to them (see the sets' headers).
    const before = { leads: run(14 + 52, 12 + 29, 12 + 27), supports: run(4 + 5, 2 + 2, 2 + 0) };
    const line = (c: Count) =>
      `recall ${pct(recall(c))} (${c.right}/${c.expected}), precision ${pct(precision(c))} (${c.right}/${c.found})`;
    const lines = [
      'blind sets (blind + sixth), first run before fitting → now:',
      `  leads    ${line(before.leads)} → ${line(blind.leads)}`,
      `  supports ${line(before.supports)} → ${line(blind.supports)}`,
    ];
    for (const { title, set, first } of blindSets) {
      if (!first) continue;
      const now = measure(set);
      lines.push(
        `${title}, first run after ${first.after} → now:`,
        `  leads    ${line(first.leads)} → ${line(now.leads)}`,
      );
      if (first.supports.expected > 0 || first.supports.found > 0)
        lines.push(`  supports ${line(first.supports)} → ${line(now.supports)}`);
    }
    console.log(lines.join('\n'));
    expect(recall(leads)).toBeGreaterThanOrEqual(0.9);
    expect(precision(leads)).toBeGreaterThanOrEqual(0.9);
    expect(recall(supports)).toBeGreaterThanOrEqual(0.8);
  });
});
