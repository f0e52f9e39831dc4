/**
 * What the CLI commands need from the rest of planbook, passed in so the
 * commands stay testable without the real importer, parser or checker.
 */
import type { ProjectCheck, ProjectFiles } from '../check/project.ts';
import type { Message, Plan } from '../model/schema.ts';
import type { CoverRead } from '../import/frontmatter.ts';

export interface CliDeps {
  /** Any plan file's bytes (text, .docx, .pdf; told apart by content). */
  importPlan(input: Uint8Array, options: { id: string; path: string }): ImportOutcome | Promise<ImportOutcome>;
  loadPlans(dir: string): Promise<{ plans: Plan[]; messages: Message[] }>;
  /** The one content gate, the same the build runs (src/check/project.ts). */
  checkProject(files: ProjectFiles): Promise<Pick<ProjectCheck, 'messages' | 'files'>>;
  formatMessage(message: Message): string;
  /** `plansDir`: the plans folder, whose progress records (`progress/` beside it) give the 最新状态 column. */
  writeExports(plans: readonly Plan[], dir: string, plansDir?: string): Promise<string[]>;
}

export interface ImportOutcome {
  markdown: string | null;
  messages: Message[];
  /** What the importer read off the cover and title, also when it refused the plan. */
  front?: CoverRead | null;
}

export interface CliIo {
  /** Folder that relative paths start from (the project root). */
  cwd: string;
  stdout(line: string): void;
  stderr(line: string): void;
}

/** Exit codes: 0 fine (maybe with warnings), 1 a content or usage mistake, 2 an internal failure. */
export type ExitCode = 0 | 1 | 2;

/** A mistake the user can fix: shown as its message alone, never with a stack trace. */
export class CliError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'CliError';
    this.hint = hint;
  }
}
