// Compiled with `tsc --noEmit` in the test command: the generated declarations type a developer's usage.
import init, { diffCatalogs, domains, exportCatalog, exportDiff, exportReview, importFile, parseBasis, parseTimeLimit, template, validate } from "../../dist/catalog-wasm/web/catalog_wasm.js";
import type { Catalog, CatalogDiff, Coverage, DomainGuide, Entry, ExportOptions, RemovedItem, Report, ReportDiagnostic, ReviewReport, Severity, TimeRule } from "../../dist/catalog-wasm/web/catalog_wasm.js";

export async function check(bytes: Uint8Array, name: string): Promise<ReportDiagnostic[]> {
  await init();
  const { catalog, encoding }: { catalog: Catalog; encoding?: string | null } = importFile(bytes, name);
  const report: Report = validate(catalog, name);
  const errors: Severity = "error";
  const first: Entry | undefined = catalog.entries[0];
  const channels: string[] = first?.channels ?? [];
  const xlsx: Uint8Array = exportCatalog(catalog, "xlsx");
  const masking: ExportOptions = { maskPersonalData: true };
  const page: Uint8Array = exportCatalog(catalog, "html", masking);
  const guides: DomainGuide[] = domains();
  const starter: Catalog = template(guides[0].name, "乡级");
  const removal: RemovedItem = { domain: starter.entries[0].domain, item: starter.entries[0].item, reason: "由县级部门统一公开" };
  const trimmed: Catalog = { ...starter, entries: starter.entries.slice(1), removed: [...(starter.removed ?? []), removal] };
  const removalFindings: ReportDiagnostic[] = validate(trimmed).files[0].diagnostics.filter((d) => d.field === "removed");
  const rule: TimeRule | undefined = parseTimeLimit("信息形成或变更之日起20个工作日内").clauses[0]?.rule;
  const days: number = rule && rule.kind === "within" ? rule.amount : 0;
  const docNumber: string | null | undefined = parseBasis("国办发〔2019〕54号").citations[0]?.doc_number?.normalized;
  const cells: Coverage[] = report.files[0].summary?.domains.map((d) => d.coverage) ?? [];
  const conformance: number[] = cells.flatMap((c) => (c.status === "covered" && c.required_total > 0 ? [c.required_present / c.required_total] : []));
  const review: ReviewReport = { valid: report.valid, files: report.files.map((f) => ({ ...f, note: { status: "pass", comment: "" } })) };
  const reviewXlsx: Uint8Array = exportReview(review, "xlsx");
  const changes: CatalogDiff = diffCatalogs(starter, trimmed);
  const changedFields: string[] = changes.changed.flatMap((c) => c.changes.map((f) => f.field));
  const changeList: Uint8Array = exportDiff(changes, "html");
  void [encoding, channels, xlsx, page, starter, removalFindings, days, docNumber, conformance, reviewXlsx, changedFields, changeList];
  return report.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === errors));
}
