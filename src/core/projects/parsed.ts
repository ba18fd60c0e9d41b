// What the project layouts' files become before they meet the database: values read and checked cell by cell,
// names (region, unit, project code) as written, each with the file line and column to name in an error.
import type { Lead, Project, ProjectReport, TourScore } from './types.ts';

/** The cell an error names: file line (header = 1) and column ('C(所属地区)'). */
export interface CellAt {
  line: number;
  column: string;
}

/** A register row: the project without its resolved region, the region as the file writes it. */
export interface ParsedProject extends Omit<Project, 'regionCode' | 'region'> {
  regionText: string;
  at: { line: number; region: CellAt; unit: CellAt };
}

export interface ParsedProjectReport extends ProjectReport {
  at: { line: number; code: CellAt };
}

export interface ParsedLead extends Omit<Lead, 'regionCode' | 'region'> {
  regionText: string;
  at: { line: number; region: CellAt; unit: CellAt; projectCode?: CellAt };
}

export interface ParsedTourScore extends TourScore {
  at: { line: number; code: CellAt };
}

/** A problem of the problem list (问题清单) file: 项目编号, 问题描述, 协调单位, 完成时限. */
export interface ParsedProblem {
  projectCode: string;
  description: string;
  coordinator: string;
  due: string;
  at: { line: number; code: CellAt };
}

/** A file of one of the project layouts, read. */
export type ProjectLayoutFile =
  | { layout: '项目库'; rows: ParsedProject[] }
  | { layout: '项目月报'; rows: ParsedProjectReport[] }
  | { layout: '招商项目'; rows: ParsedLead[] }
  | { layout: '拉练评分'; rows: ParsedTourScore[] }
  | { layout: '问题清单'; rows: ParsedProblem[] };

export type ProjectLayout = ProjectLayoutFile['layout'];

/** What an import of a project layout did. */
export interface ProjectImportSummary {
  file: string;
  format: ProjectLayout;
  rows: number;
  created: number;
  updated: number;
  ignored: number;
  dryRun: boolean;
  /** Units of the catalogue the import added (an unknown 责任单位), with their region. */
  newUnits: { region: string; name: string }[];
}
