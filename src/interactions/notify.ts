import type { ApprovalService, ApprovalView } from "../core/approvals/index.ts";
import type { CaseService, ReporterNotice } from "../core/cases/index.ts";
import type { DirectoryQueries, Person } from "../core/directory/types.ts";
import type { NameOf } from "../core/notifications/wording.ts";

/**
 * Delivering one outbox notification, written once for every chat surface: which kind it is, what
 * it may show the recipient (a reporter's notice opened for them, a content-free case notice, an
 * approval request as they may see it), and the redraw-or-post decision for approvals (a change
 * that only settles a request they already have redraws their copies; anything else is posted, and
 * their earlier copies lose buttons that no longer apply). Rendering, posting and platform errors
 * are the surface's.
 */

/** An outbox notification, as far as delivering it reads it. */
export interface Notification {
  id: string;
  recipientId: string;
  kind: string;
  payload: unknown;
  /** When it was written (a second attempt looks for the first one's post since then). */
  createdAt?: Date;
}

/** Approval notifications that only change the state of copies the person already has: those are redrawn instead. */
export const REDRAW_ONLY: ReadonlySet<string> = new Set(["approval.closed", "approval.withdrawn"]);

export interface NotificationCores {
  directory: Pick<DirectoryQueries, "get">;
  cases?: Pick<CaseService, "openReporterNotice"> | undefined;
  approvals?: Pick<ApprovalService, "get"> | undefined;
}

/** A surface's renderings of the three kinds of notification; null: nothing to show for that kind. */
export interface NotificationRenderers<Rendered> {
  /** "Slack", "Teams": named in the error for a kind it cannot render. */
  surface: string;
  /** `messageId`: the outbox row, which an anonymous reporter's neutral notice opens by (its Open button). */
  reporter(notice: ReporterNotice, messageId: string): Rendered;
  handler(kind: string, payload: Record<string, unknown>): Rendered | null;
  approval(kind: string, payload: Record<string, unknown>, view: ApprovalView | null, nameOf: NameOf): Rendered | null;
}

/** How the surface reaches the person, and the copies of approval requests it posted. */
export interface NotificationOutlet<Rendered, Posted extends { id?: string | undefined }> {
  /** `message`: the outbox row being delivered (its id and attempts let a surface post it once across a crash). */
  post(person: Person, rendered: Rendered, message: Notification & { attempts: number }): Promise<Posted>;
  /** A platform failure as the outbox should see it (RetryLater for 429/5xx/timeouts), class and status only: never content. */
  deliveryError(error: unknown): Error;
  logger: { warn(details: object, message: string): void };
  copies?: {
    track(requestId: string, person: Person, posted: Posted, rendered: Rendered): Promise<void>;
    refresh(requestId: string, options: { personId: string; except?: string }): Promise<number>;
  };
}

const requestIdOf = (payload: Record<string, unknown>): string | undefined => {
  const id = (payload.request as { requestId?: unknown } | undefined)?.requestId;
  return typeof id === "string" && id ? id : undefined;
};

/** Delivers one notification; a failure is logged (its kind and attempt, never content) and thrown as the outbox should see it. */
export function notificationDelivery<Rendered, Posted extends { id?: string | undefined }>(
  cores: NotificationCores,
  renderers: NotificationRenderers<Rendered>,
  outlet: NotificationOutlet<Rendered, Posted>,
): (person: Person, message: Notification & { attempts: number }) => Promise<void> {
  const cannot = (kind: string) => new Error(`no ${renderers.surface} rendering for ${kind}`);

  /** Names for the people a payload mentions, asked of the directory once each. */
  const namesOf = async (ids: unknown[]): Promise<NameOf> => {
    const names = new Map<string, string>();
    for (const id of ids) {
      if (typeof id === "string" && !names.has(id)) names.set(id, (await cores.directory.get(id))?.name ?? "someone no longer in the directory");
    }
    return (id) => names.get(id) ?? "someone";
  };

  async function render(person: Person, message: Notification, payload: Record<string, unknown>, requestId: string | undefined): Promise<Rendered> {
    if (message.kind.startsWith("case.reporter.")) {
      const notice = cores.cases?.openReporterNotice(message);
      if (!notice) throw new Error("a reporter notification could not be opened (report keys missing or changed?)");
      return renderers.reporter(notice, message.id);
    }
    if (message.kind.startsWith("case.")) return renderers.handler(message.kind, payload) ?? Promise.reject(cannot(message.kind));
    if (message.kind.startsWith("approval.")) {
      const view = requestId && cores.approvals ? await cores.approvals.get(requestId, person.id) : null;
      const nameOf = await namesOf([payload.requesterId, payload.askedById, payload.onBehalfOf, payload.subjectId, payload.personId]);
      return renderers.approval(message.kind, payload, view, nameOf) ?? Promise.reject(cannot(message.kind));
    }
    throw cannot(message.kind);
  }

  async function deliver(person: Person, message: Notification & { attempts: number }): Promise<void> {
    const payload = (message.payload ?? {}) as Record<string, unknown>;
    const requestId = message.kind.startsWith("approval.") ? requestIdOf(payload) : undefined;
    const copies = requestId ? outlet.copies : undefined;
    if (requestId && copies && REDRAW_ONLY.has(message.kind) && (await copies.refresh(requestId, { personId: person.id })) > 0) return;
    const rendered = await render(person, message, payload, requestId);
    const posted = await outlet.post(person, rendered, message);
    if (requestId && copies && posted.id) {
      await copies.track(requestId, person, posted, rendered);
      // Their earlier copies of the request lose buttons that no longer apply.
      await copies.refresh(requestId, { personId: person.id, except: posted.id });
    }
  }

  return async (person, message) => {
    try {
      await deliver(person, message);
    } catch (error) {
      const mapped = outlet.deliveryError(error);
      outlet.logger.warn({ kind: message.kind, attempt: message.attempts, error: mapped.message }, `${renderers.surface} delivery failed`);
      throw mapped;
    }
  };
}
