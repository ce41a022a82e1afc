import type { PersonRecord } from "./record.ts";
import type { HeldRole, Platform } from "./types.ts";

/** Lookups that see every stored row, active or not, merged or not. */
export interface DirectoryReader {
  findById(id: string): Promise<PersonRecord | null>;
  findByPlatformId(platform: Platform, platformUserId: string): Promise<PersonRecord | null>;
  findByEmail(email: string): Promise<PersonRecord | null>;
  /** Ids of the rows merged straight into this one (`mergedIntoId`). */
  idsMergedInto(id: string): Promise<string[]>;
}

/** Writes, only inside `DirectoryRepository.exclusive`. */
export interface DirectoryWriter extends DirectoryReader {
  listAll(): Promise<PersonRecord[]>;
  insert(person: PersonRecord): Promise<void>;
  /** Changes only the given fields; `roles`, when given, replaces the person's roles. */
  update(id: string, changes: Partial<Omit<PersonRecord, "id">>): Promise<void>;
}

/** What the directory needs from the store. Implemented over Prisma in src/store/directoryRepo.ts. */
export interface DirectoryRepository extends DirectoryReader {
  findActiveByRole(role: HeldRole): Promise<PersonRecord[]>;
  /** Marks the enrolment notice shown; true only for the one caller that marked it. */
  claimNotice(id: string, at: Date): Promise<boolean>;
  /** Runs `work` all or nothing, one at a time across every replica sharing the database. */
  exclusive<T>(work: (tx: DirectoryWriter) => Promise<T>): Promise<T>;
}
