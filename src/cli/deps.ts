/**
 * The real implementations behind the CLI. Imported on demand, so `import`
 * does not load the checker or the spreadsheet writer.
 */
import { existsSync } from 'node:fs';
import type { TaskTableOptions } from '../export/task-rows.ts';
import type { Plan } from '../model/schema.ts';
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
    // The same files as the site's data/: its order of plans, its columns, its statuses.
    writeExports: async (plans, dir, plansDir) => {
      const [{ writeExports }, { inSiteOrder }] = await Promise.all([import('../export/write.ts'), import('../site/model.ts')]);
      const options = { ...(await exportTemplates()), ...(plansDir ? { status: await progressStatus(plans, plansDir) } : {}) };
      return writeExports(inSiteOrder(plans), dir, options);
    },
  };
}

/**
 * The 最新状态 and 最新进展 columns as the site's tasks.csv has them: from the
 * progress records beside the plans folder (`PLANBOOK_PROGRESS`), read as the
 * build reads them (records `planbook check` reports as wrong are left out).
 */
async function progressStatus(plans: readonly Plan[], plansDir: string): Promise<TaskTableOptions['status']> {
  const [{ loadProgress, progressDir }, { createProgress, statusOf }] = await Promise.all([import('../progress/load.ts'), import('../progress/view.ts')]);
  return statusOf(createProgress(plans, await loadProgress(progressDir(plansDir))));
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
