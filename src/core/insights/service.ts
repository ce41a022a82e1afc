import type { ApprovalService } from "../approvals/service.ts";
import type { RegisterEntry } from "../approvals/registers.ts";
import type { RegisterFilter } from "../approvals/store.ts";
import { DEFAULT_CATEGORIES } from "../cases/categories.ts";
import { overseesProgramme } from "./access.ts";
import { dashboardFor, type Dashboard, type DashboardDeps } from "./dashboard.ts";

/** What those who oversee the programme see beyond their own cases and decisions. */
export interface OversightService {
  /** Whether the person sees registers and the dashboard (OVERSIGHT_ROLES). */
  oversees(personId: string): Promise<boolean>;
  /** The approval registers; null for anyone who does not oversee the programme. */
  registers(viewerId: string, filter?: RegisterFilter): Promise<RegisterEntry[] | null>;
  dashboard(viewerId: string): Promise<Dashboard | null>;
}

export function createOversightService(deps: Omit<DashboardDeps, "categories"> & Partial<Pick<DashboardDeps, "categories">> & { approvals: ApprovalService }): OversightService {
  const full: DashboardDeps = { ...deps, categories: deps.categories ?? DEFAULT_CATEGORIES };
  return {
    oversees: (personId) => overseesProgramme(deps.directory, personId),
    async registers(viewerId, filter = {}) {
      return (await overseesProgramme(deps.directory, viewerId)) ? deps.approvals.register(filter) : null;
    },
    dashboard: (viewerId) => dashboardFor(full, viewerId),
  };
}
