// The cases repository: every query the cases core makes. Sealed columns arrive sealed and leave
// sealed; encryption happens in src/core/cases. Pass the root client or a transaction's, never both.
import type { CaseCheckin, CaseHandler, CaseMessage, Prisma, ReportCase } from "./generated/client.ts";
import { dayOf } from "./day.ts";
import type { Db, Tx } from "./tx.ts";

export type { CaseCheckin, CaseHandler, CaseMessage, ReportCase };
export type CaseRow = ReportCase & { handlers: CaseHandler[] };

const withHandlers = { handlers: { orderBy: { assignedAt: "asc" } } } as const satisfies Prisma.ReportCaseInclude;

/** The next number of the year, taken atomically in the caller's transaction (row lock until commit). */
export async function allocateCaseNumber(tx: Tx, year: number): Promise<string> {
  const [row] = await tx.$queryRawUnsafe<Array<{ last: number }>>(
    `INSERT INTO case_counter (year, last) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last = case_counter.last + 1 RETURNING last`,
    year,
  );
  return `C-${year}-${String(row!.last).padStart(4, "0")}`;
}

export function insertCase(tx: Tx, data: Prisma.ReportCaseUncheckedCreateInput): Promise<ReportCase> {
  return tx.reportCase.create({ data });
}

export function updateCase(tx: Tx, id: string, data: Prisma.ReportCaseUncheckedUpdateInput): Promise<ReportCase> {
  return tx.reportCase.update({ where: { id }, data });
}

export function findCase(db: Db, where: { id: string } | { number: string }): Promise<CaseRow | null> {
  return db.reportCase.findUnique({ where, include: withHandlers });
}

/** What checking a receipt needs of a case, in one query whether or not it exists (no handlers joined: the answer must not take longer for a real case). */
export function findCaseForReceipt(db: Db, number: string) {
  return db.reportCase.findUnique({ where: { number }, select: { id: true, number: true, filedAt: true, receiptDigest: true, content: true, category: true, mode: true } });
}

/** The case, only if the person is one of its current handlers. */
export function findCaseForHandler(db: Db, number: string, personId: string): Promise<CaseRow | null> {
  return db.reportCase.findFirst({ where: { number, handlers: { some: { personId, removedAt: null } } }, include: withHandlers });
}

/** Newest first; `take` bounds it (a handler of years has hundreds). */
export function casesForHandler(db: Db, personId: string, take?: number): Promise<ReportCase[]> {
  return db.reportCase.findMany({
    where: { handlers: { some: { personId, removedAt: null } } },
    orderBy: [{ filedAt: "desc" }],
    ...(take ? { take } : {}),
  });
}

/** Cases whose reporter tag is one of `tags` (the reporter's id MACed under each key). */
export function casesByReporterTags(db: Db, tags: string[], number?: string, take?: number): Promise<CaseRow[]> {
  return db.reportCase.findMany({ where: { reporterTag: { in: tags }, ...(number ? { number } : {}) }, include: withHandlers, orderBy: { filedAt: "desc" }, ...(take ? { take } : {}) });
}

/** Which of `tags` some case carries. */
export async function takenReporterTags(db: Db, tags: string[]): Promise<string[]> {
  if (!tags.length) return [];
  const rows = await db.reportCase.findMany({ where: { reporterTag: { in: tags } }, select: { reporterTag: true } });
  return rows.map((row) => row.reporterTag!);
}

export function activeHandlerIds(row: CaseRow): string[] {
  return row.handlers.filter((h) => h.removedAt === null).map((h) => h.personId);
}

/** Adds a handler, or gives a removed one access again. */
export async function addHandler(tx: Tx, caseId: string, personId: string, reason: string, at: Date): Promise<void> {
  await tx.caseHandler.upsert({
    where: { caseId_personId: { caseId, personId } },
    create: { caseId, personId, reason, assignedAt: at },
    update: { reason, assignedAt: at, removedAt: null },
  });
}

export async function removeHandler(tx: Tx, caseId: string, personId: string, at: Date): Promise<void> {
  await tx.caseHandler.updateMany({ where: { caseId, personId, removedAt: null }, data: { removedAt: at } });
}

export function insertMessage(tx: Tx, data: Prisma.CaseMessageUncheckedCreateInput): Promise<CaseMessage> {
  return tx.caseMessage.create({ data });
}

export function messagesOf(db: Db, caseId: string, kinds?: string[]): Promise<CaseMessage[]> {
  return db.caseMessage.findMany({ where: { caseId, ...(kinds ? { kind: { in: kinds } } : {}) }, orderBy: [{ at: "asc" }, { seq: "asc" }] });
}

export function casesLinkedTo(db: Db, caseId: string): Promise<Array<{ number: string }>> {
  return db.reportCase.findMany({ where: { linkedCaseId: caseId }, select: { number: true }, orderBy: { filedAt: "asc" } });
}

export function numberOf(db: Db, id: string): Promise<string | null> {
  return db.reportCase.findUnique({ where: { id }, select: { number: true } }).then((r) => r?.number ?? null);
}

export async function recordCheckin(tx: Tx, caseId: string, day: number, at: Date): Promise<void> {
  await tx.caseCheckin.upsert({ where: { caseId_day: { caseId, day } }, create: { caseId, day, askedAt: at }, update: {} });
}

export function openCheckins(db: Db, caseId: string): Promise<CaseCheckin[]> {
  return db.caseCheckin.findMany({ where: { caseId, answeredAt: null }, orderBy: { day: "asc" } });
}

/** Answers a check-in once; false if it was not asked or is already answered. */
export async function answerCheckin(tx: Tx, caseId: string, day: number, answer: string, at: Date, linkedCaseId: string | null): Promise<boolean> {
  const { count } = await tx.caseCheckin.updateMany({ where: { caseId, day, answeredAt: null }, data: { answer, answeredAt: at, linkedCaseId } });
  return count === 1;
}

/** Marks the typed-message notice shown; true only for the one caller that marked it. */
export async function claimReporterNotice(tx: Tx, tags: string[], currentTag: string, at: Date): Promise<boolean> {
  if (await tx.caseReporterNotice.findFirst({ where: { tag: { in: tags } } })) return false;
  const [row] = await tx.$queryRawUnsafe<Array<{ tag: string }>>(
    `INSERT INTO case_reporter_notice (tag, shown_at) VALUES ($1, $2::timestamp) ON CONFLICT (tag) DO NOTHING RETURNING tag`,
    currentTag,
    dayOf(at), // only the day: the instant would line up with the reporter's filing or message
  );
  return row !== undefined;
}

/** Removes a closed case's content: report, reporter link and tag, message bodies. */
export async function purgeCase(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.reportCase.update({ where: { id }, data: { content: null, reporterLink: null, reporterTag: null, purgedAt: at } });
  await tx.caseMessage.updateMany({ where: { caseId: id }, data: { body: null } });
}

/** Every case, oldest first, in pages (export, key rotation). */
export async function* allCases(db: Db, pageSize = 200): AsyncGenerator<ReportCase> {
  let cursor: string | undefined;
  for (;;) {
    const page: ReportCase[] = await db.reportCase.findMany({
      orderBy: { number: "asc" },
      take: pageSize,
      ...(cursor ? { skip: 1, cursor: { number: cursor } } : {}),
    });
    yield* page;
    if (page.length < pageSize) return;
    cursor = page[page.length - 1]!.number;
  }
}
