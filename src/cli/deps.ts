/**
 * The real implementations behind the CLI. Imported on demand, so `import`
 * does not load the spreadsheet writer, and so the optional alignment
 * checker can be absent.
 */
import type { CliDeps } from './types.ts';

export async function loadDeps(): Promise<CliDeps> {
  const [importer, checker, loader] = await Promise.all([
    import('../import/sources/import-file.ts'),
    import('../check/index.ts'),
    import('../load/plans.ts'),
  ]);
  const alignment = await optional(() => import('../align/check.ts'), 'align/check.ts');
  return {
    importPlan: importer.importFile,
    checkFiles: checker.checkFiles,
    formatMessage: checker.formatMessage,
    loadPlans: loader.loadPlans,
    checkAlignmentFile: typeof alignment?.checkAlignmentFile === 'function' ? alignment.checkAlignmentFile : undefined,
    writeExports: async (plans, dir) => (await import('../export/write.ts')).writeExports(plans, dir),
  };
}

async function optional<T>(load: () => Promise<T>, file: string): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'ERR_MODULE_NOT_FOUND' && message?.includes(file)) return undefined;
    throw error;
  }
}
