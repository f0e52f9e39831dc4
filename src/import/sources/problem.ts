/** A file that cannot be read as a plan at all; `index.ts` turns it into a positioned message. */
export type ProblemKind =
  | 'docx-damaged'
  | 'docx-empty'
  | 'pdf-damaged'
  | 'pdf-truncated'
  | 'pdf-encrypted'
  | 'pdf-scanned'
  | 'old-word'
  | 'rtf'
  | 'other-zip';

export class SourceProblem extends Error {
  readonly kind: ProblemKind;
  constructor(kind: ProblemKind, detail = '', options?: { cause?: unknown }) {
    super(detail || kind, options);
    this.kind = kind;
  }
}
