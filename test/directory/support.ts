import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { createDirectoryService, type DirectoryService } from "../../src/core/directory/service.ts";
import type { DirectoryRepository } from "../../src/core/directory/repository.ts";
import type { Database } from "../../src/store/db.ts";
import { createDirectoryRepository } from "../../src/store/directoryRepo.ts";
import { freshDatabase } from "../support/db.ts";

export const EXAMPLE_FILE = fileURLToPath(new URL("../../directory.example.yaml", import.meta.url));
export const exampleText = () => readFileSync(EXAMPLE_FILE, "utf8");

export type RawPerson = Record<string, unknown>;

/** The example company's people as plain objects, to edit into a variant. */
export function examplePeople(): RawPerson[] {
  return (parse(exampleText()) as { people: RawPerson[] }).people;
}

export function fileOf(people: RawPerson[]): string {
  return stringify({ people });
}

export interface TestDirectory {
  db: Database;
  repo: DirectoryRepository;
  directory: DirectoryService;
}

export async function freshDirectory(now?: () => Date): Promise<TestDirectory> {
  const db = await freshDatabase();
  const repo = createDirectoryRepository(db.prisma);
  return { db, repo, directory: createDirectoryService(repo, now) };
}

/** Every stored person with roles, for "nothing changed" comparisons. */
export async function snapshot(db: Database) {
  return db.prisma.person.findMany({ include: { roles: { orderBy: { role: "asc" } } }, orderBy: { id: "asc" } });
}
