import { ImportReport } from './import-report';

/** Plain-text report for the CLI (row errors carry no contact data). */
export function formatImportReport(report: ImportReport, source: string): string[] {
  const lines = [
    `${report.dryRun ? 'dry run of' : 'imported'} ${source}: ${report.totalRows} rows, delimiter "${report.delimiter}"`,
    `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}`,
  ];
  if (report.ignoredColumns.length) lines.push(`ignored columns: ${report.ignoredColumns.join(', ')}`);
  if (report.errorCount) {
    lines.push(`errors (${report.errorCount}):`);
    for (const e of report.errors)
      lines.push(`  row ${e.row}${e.column ? `, ${e.column}` : ''} [${e.reason}] ${e.message}`);
    if (report.errorCount > report.errors.length)
      lines.push(`  … and ${report.errorCount - report.errors.length} more`);
  }
  return lines;
}
