/**
 * The real implementations behind the CLI. Imported on demand, so `import`
 * does not load the checker or the spreadsheet writer.
 */
import { existsSync } from 'node:fs';
import type { TaskTableOptions } from '../export/task-rows.ts';
import { CliError, type CliDeps } from './types.ts';

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
    writeExports: async (plans, dir) => (await import('../export/write.ts')).writeExports(plans, dir, await exportTemplates()),
  };
}

/** The columns and 链接 prefix of `templates/` in the working folder; the default set without one. */
async function exportTemplates(): Promise<TaskTableOptions> {
  const [{ loadTemplates, templatesDir }, { exportOptions }, { formatMessage }] = await Promise.all([
    import('../templates/load.ts'),
    import('../site/templates.ts'),
    import('../check/index.ts'),
  ]);
  if (!existsSync(templatesDir(process.cwd()))) return {};
  const { templates, messages } = await loadTemplates(process.cwd());
  if (!templates) {
    throw new CliError(`export：模板有错误，未导出\n${messages.map(formatMessage).join('\n')}`, '按提示改正模板（planbook check 给出同样的结果）');
  }
  return exportOptions(templates);
}
