import { z } from "zod";
import { PERSON_ROLES, type HeldRole } from "./types.ts";

/** One person as the directory file describes them, after validation and normalisation. */
export interface DirectoryEntry {
  id: string;
  name: string;
  email: string; // lower-cased
  slack: string | null;
  teams: string | null; // lower-cased AAD object id
  supervisor: string | null;
  roles: HeldRole[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A built-in role, or one the rules file declares under `roles:` (e.g. "department_head"). */
const roleOf = (declared: readonly string[]) => {
  const known = [...new Set([...PERSON_ROLES, ...declared])];
  return z.string().refine((r) => known.includes(r), (r) => ({ message: `unknown role "${r}" (roles are: ${known.join(", ")})` }));
};

/** `key:` with nothing after it is the same as leaving the key out. */
const optional = <T extends z.ZodTypeAny>(schema: T) => schema.nullish().transform((v): z.output<T> | null => v ?? null);

/** One person of the directory file; `declared` are the roles the rules file adds to the built-in ones. */
export const personSchemaFor = (declared: readonly string[] = []) => z
  .object({
    id: z.string().regex(ID, 'must be letters, digits, ".", "_" or "-"'),
    name: z.string().trim().min(1, "must not be empty"),
    email: z.string().trim().toLowerCase().email("must be an email address"),
    slack: optional(z.string().trim().regex(SLACK_USER_ID, "must be a Slack user id like U0123ABCD")),
    teams: optional(z.string().trim().regex(AAD_OBJECT_ID, "must be an AAD object id (a GUID)").toLowerCase()),
    supervisor: optional(z.string().trim().min(1, "must not be empty")),
    // `roles: director` is read as `roles: [director]`.
    roles: z.preprocess((v) => (typeof v === "string" ? [v] : (v ?? [])), z.array(roleOf(declared))).transform((r): HeldRole[] => [...new Set(r)]),
  })
  .strict() satisfies z.ZodType<DirectoryEntry, z.ZodTypeDef, unknown>;

export const personSchema = personSchemaFor();

export const FIELDS = Object.keys(personSchema.shape);

export const fileSchema = z
  .object({ people: z.array(z.unknown()).min(1, "must list at least one person") })
  .strict();

/** Messages that read well after "person "dana": field:". */
export const errorMap: z.ZodErrorMap = (issue, ctx) => {
  if (issue.code === "invalid_type") {
    return { message: issue.received === "undefined" ? "is required" : `must be ${article(issue.expected)}, not ${issue.received}` };
  }
  if (issue.code === "unrecognized_keys") {
    return { message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}` };
  }
  return { message: ctx.defaultError };
};

function article(type: string): string {
  return type === "array" ? "a list" : type === "object" ? "a mapping" : `a ${type}`;
}
