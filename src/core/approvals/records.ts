import type { ApprovalDetails, ApprovalStatus, DecisionRule, Register, SeatVia, StageFallback, StageRole, StageStatus } from "./types.ts";

/** A request as stored: what the store reads and writes (no Prisma types). */
export interface RequestRecord {
  id: string;
  number: number;
  requestKey: string | null;
  topicId: string;
  clauseId: string;
  register: Register | null;
  requesterId: string;
  subjectId: string | null;
  involvedIds: string[];
  summary: string;
  details: ApprovalDetails;
  inWriting: boolean;
  disclosureRequired: boolean;
  status: ApprovalStatus;
  currentStage: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface SeatRecord {
  personId: string;
  via: SeatVia;
  addedAt: Date;
}

export interface StageRecord {
  id: string;
  position: number;
  role: StageRole;
  rule: DecisionRule;
  status: StageStatus;
  fallback: StageFallback | null;
  /** Person ids to add ("add") or alert ("notify") when overdue, nearest first. */
  escalationPath: string[];
  escalationLevel: number;
  openedAt: Date | null;
  closedAt: Date | null;
  seats: SeatRecord[];
}

export interface DecisionRecord {
  id: string;
  stageId: string;
  approverId: string;
  actorId: string;
  action: "approve" | "decline";
  conditions: string | null;
  expiresOn: string | null;
  reason: string | null;
  idempotencyKey: string | null;
  decidedAt: Date;
}

export interface InfoRecord {
  id: string;
  stageId: string;
  askedById: string;
  actorId: string;
  question: string;
  answer: string | null;
  idempotencyKey: string | null;
  askedAt: Date;
  answeredAt: Date | null;
}

export interface DelegateRecord {
  personId: string;
  delegateId: string;
  until: Date | null;
  createdAt: Date;
}

/** A request with everything that belongs to it, stages in order, decisions and questions oldest first. */
export interface RequestAggregate {
  request: RequestRecord;
  stages: StageRecord[];
  decisions: DecisionRecord[];
  infoRequests: InfoRecord[];
}

export const currentStageOf = (agg: RequestAggregate): StageRecord => agg.stages[agg.request.currentStage]!;
export const stageDecisions = (agg: RequestAggregate, stage: StageRecord): DecisionRecord[] => agg.decisions.filter((d) => d.stageId === stage.id);
export const openInfoRequest = (agg: RequestAggregate): InfoRecord | undefined => agg.infoRequests.find((i) => i.answeredAt === null);
export const reference = (number: number): string => `AP-${number}`;
