import { namesFor, rejected, type ApprovalDeps } from "./deps.ts";
import { NOTIFICATION_KINDS as K, notification } from "./notifications.ts";
import type { DelegateView, Rejected } from "./types.ts";

export type SetDelegateResult = { kind: "set"; delegation: DelegateView } | { kind: "cleared"; had: boolean } | Rejected;

/**
 * An approver names a delegate while away (until a time, or until cleared); null clears it.
 * The delegate then decides for them, and each decision records both names.
 */
export async function setDelegate(deps: ApprovalDeps, personId: string, delegateId: string | null, options: { until?: Date } = {}): Promise<SetDelegateResult> {
  const now = deps.clock.now();
  const person = await deps.directory.get(personId);
  if (!person) return rejected("unknown_person", `Nobody with id "${personId}" is in the directory.`);
  if (delegateId === null) {
    const had = await deps.store.transaction(async (tx) => {
      const removed = await tx.removeDelegate(person.id);
      if (removed) await tx.audit({ actor: person.id, action: "approval.delegate_cleared", subjectType: "approval_delegate", subjectId: person.id, details: {} });
      return removed;
    });
    return { kind: "cleared", had };
  }
  const delegate = await deps.directory.get(delegateId);
  if (!delegate) return rejected("unknown_person", `Nobody with id "${delegateId}" is in the directory.`, "delegateId");
  if (delegate.id === person.id) return rejected("invalid", "Choose someone other than yourself.", "delegateId");
  const until = options.until ?? null;
  if (until && until <= now) return rejected("invalid", "The end of the delegation must be in the future.", "until");
  await deps.store.transaction(async (tx) => {
    await tx.putDelegate({ personId: person.id, delegateId: delegate.id, until, createdAt: now });
    await tx.notify(notification(delegate.id, { kind: K.delegated, personId: person.id, until: until?.toISOString() ?? null }));
    await tx.audit({ actor: person.id, action: "approval.delegate_set", subjectType: "approval_delegate", subjectId: person.id, details: { delegateId: delegate.id, until: until?.toISOString() ?? null } });
  });
  return { kind: "set", delegation: { person: { id: person.id, name: person.name }, delegate: { id: delegate.id, name: delegate.name }, until } };
}

/** The delegation in force for a person, if any. */
export async function delegationOf(deps: ApprovalDeps, personId: string): Promise<DelegateView | null> {
  const d = await deps.store.delegationOf(personId, deps.clock.now());
  if (!d) return null;
  const names = await namesFor(deps.directory, [d.personId, d.delegateId]);
  return { person: names(d.personId), delegate: names(d.delegateId), until: d.until };
}
