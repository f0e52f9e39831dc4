/**
 * A task while the plugins fill it in: `remarkPlanStructure` creates it from
 * a list item or a table row, later plugins add title, units and schedule,
 * and `parsePlan` turns it into a `Task`.
 */
import type { Action, Block, Milestone, Place, Task, Unit, UnitRole } from '../model/schema.ts';

export interface TableCells {
  /** Unit cells with the role their column implies (牵头单位 → lead), or null to read it from the text. */
  units: Array<{ text: string; role: UnitRole | null }>;
  time: string | null;
}

export interface TaskDraft {
  number: number;
  /** The number as written: `7`, or `（二）3` when numbering restarts per action. */
  label: string;
  action: number | null;
  paragraphs: string[];
  /** The `**lead**` phrase at the start of the task, if marked. */
  marked: string | null;
  place: Place;
  table: TableCells | null;
  /** The row of an annex 任务分工表 that names this task: its units and deadline attach to it. */
  annex?: { cells: TableCells; basis: string };
  title?: string;
  titleSource?: Task['titleSource'];
  units?: Unit[];
  milestones?: Milestone[];
  periods?: Task['periods'];
  recurrence?: Task['recurrence'];
  /** The deadline label or time column says the work goes on (长期坚持) and gives no year. */
  ongoing?: boolean;
}

export interface Structure {
  cover: Block[];
  body: Block[];
  actions: Action[];
  tasks: TaskDraft[];
  /** True when task numbers restart in each action (see `restarts.ts`). */
  restarts?: boolean;
  /**
   * Units written once for a whole action, in its heading's closing bracket
   * or on a line of their own before its first task
   * (`（牵头单位：县住建局；配合单位：县市场监管局）`), or after its tasks
   * (`以上任务由区应急局牵头，区住建委配合。`), by action index.
   */
  actionUnits?: Map<number, string>;
}

declare module 'vfile' {
  interface DataMap {
    structure: Structure;
  }
}
