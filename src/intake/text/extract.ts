// Text intake, extraction: the targets, figures and tasks a normalised document states, each with its quote.
import type { Indicator } from '../../core/types.ts';
import { analyseDocument, documentYear } from './document.ts';
import { type ExtractedFigure, extractFigures } from './figures.ts';
import { mentionsOf } from './mentions.ts';
import { type ExtractedTarget, isTarget, toTarget } from './targets.ts';
import { type ExtractedTask, extractTasks } from './tasks.ts';

export interface Extraction {
  text: string;
  /** The year the document plans for, when it says. */
  year: number | null;
  targets: ExtractedTarget[];
  figures: ExtractedFigure[];
  tasks: ExtractedTask[];
}

export interface ExtractOptions {
  /** The year the document plans for; read from the document when not given. */
  year?: number | null;
  /** The indicator catalogue to map to (the built-in one when not given). */
  catalog?: Indicator[];
}

/** Everything a normalised document states that Tiaodu can take in, each item with its quote. */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const doc = analyseDocument(text, options.year ?? documentYear(text));
  const mentions = mentionsOf(doc, options.catalog);
  const target = (m: (typeof mentions)[number]) => isTarget(m, doc);
  return {
    text,
    year: doc.year,
    targets: mentions.filter(target).map((m) => toTarget(m, m.sentence)),
    figures: extractFigures(mentions, doc, target),
    tasks: extractTasks(doc),
  };
}
