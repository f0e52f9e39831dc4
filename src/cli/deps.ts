/**
 * The real implementations behind the CLI. Imported on demand, so `import`
 * does not load the checker or the spreadsheet writer.
 */
import type { CliDeps } from './types.ts';

export async function loadDeps(): Promise<CliDeps> {
  const [importer, checker, loader] = await Promise.all([
    import('../import/sources/import-file.ts'),
    import('../check/index.ts'),
    import('../load/plans.ts'),
  ]);
  return {
    importPlan: importer.importFile,
    checkProject: checker.checkProject,
    formatMessage: checker.formatMessage,
    loadPlans: loader.loadPlans,
    writeExports: async (plans, dir) => (await import('../export/write.ts')).writeExports(plans, dir),
  };
}
