// The migrations are hand-written SQL (Prisma's schema engine cannot run here), so this test
// proves the migrated database is exactly what prisma/schema.prisma describes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/store/db.ts";
import { freshDatabase } from "./support/db.ts";

interface DmmfField {
  name: string;
  dbName?: string;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  nativeType: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueIndexes: Array<{ fields: string[] }>;
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: Array<{ name: string; dbName?: string | null }>;
}

const wasm = createRequire(import.meta.url)("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
const schema = readFileSync(new URL("../prisma/schema.prisma", import.meta.url), "utf8");
const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))).datamodel as {
  models: DmmfModel[];
  enums: DmmfEnum[];
};

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Float: "double precision",
  Decimal: "numeric",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  VarChar: (a) => `character varying${a.length ? `(${a[0]})` : ""}`,
  Timestamptz: (a) => `timestamp(${a[0] ?? 3}) with time zone`,
  Uuid: () => "uuid",
  Text: () => "text",
  SmallInt: () => "smallint",
};

const column = (model: DmmfModel, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName)!;
  return field.dbName ?? field.name;
};

function expectedTables() {
  const tables: Record<string, Record<string, string>> = {};
  const uniques: Record<string, string[]> = {};
  for (const model of dmmf.models) {
    const table = model.dbName ?? model.name;
    tables[table] = {};
    for (const field of model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum")) {
      const enumDef = dmmf.enums.find((e) => e.name === field.type);
      let type = enumDef
        ? (enumDef.dbName ?? enumDef.name)
        : field.nativeType
          ? NATIVE_TYPES[field.nativeType[0]]!(field.nativeType[1])
          : SCALAR_TYPES[field.type]!;
      if (field.isList) type += "[]";
      tables[table]![field.dbName ?? field.name] = `${type} ${field.isRequired ? "not null" : "null"}`;
    }
    const keys = [
      ...model.fields.filter((f) => f.isUnique).map((f) => [f.name]),
      ...model.uniqueIndexes.map((u) => u.fields),
    ];
    uniques[table] = keys.map((k) => k.map((f) => column(model, f)).join(",")).sort();
    const pk = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
    uniques[`${table} (primary key)`] = [pk.map((f) => column(model, f)).join(",")];
  }
  return { tables, uniques };
}

async function actualTables(db: Database) {
  const columns = await db.prisma.$queryRawUnsafe<Array<{ table: string; column: string; type: string; nullable: boolean }>>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname, a.attnum`);
  const indexes = await db.prisma.$queryRawUnsafe<Array<{ table: string; columns: string; primary: boolean }>>(`
    SELECT t.relname AS table, i.indisprimary AS primary,
           string_agg(a.attname, ',' ORDER BY array_position(i.indkey::int2[], a.attnum)) AS columns
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(i.indkey)
    WHERE n.nspname = current_schema() AND i.indisunique AND t.relname <> '_prisma_migrations'
    GROUP BY t.relname, i.indexrelid, i.indisprimary`);
  const tables: Record<string, Record<string, string>> = {};
  for (const c of columns) (tables[c.table] ??= {})[c.column] = `${c.type.replace(/^"|"$/g, "")} ${c.nullable ? "null" : "not null"}`;
  const uniques: Record<string, string[]> = {};
  for (const table of Object.keys(tables)) {
    uniques[table] = indexes.filter((i) => i.table === table && !i.primary).map((i) => i.columns).sort();
    uniques[`${table} (primary key)`] = indexes.filter((i) => i.table === table && i.primary).map((i) => i.columns);
  }
  return { tables, uniques };
}

describe("migrations match prisma/schema.prisma", () => {
  let db: Database;
  beforeAll(async () => void (db = await freshDatabase()));
  afterAll(async () => db?.close());

  it("has the same tables, columns, types and nullability", async () => {
    expect((await actualTables(db)).tables).toEqual(expectedTables().tables);
  });

  it("has the same primary keys and unique indexes", async () => {
    expect((await actualTables(db)).uniques).toEqual(expectedTables().uniques);
  });

  it("has the same enums and values", async () => {
    const rows = await db.prisma.$queryRawUnsafe<Array<{ name: string; value: string }>>(`
      SELECT t.typname AS name, e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
      JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`);
    const actual: Record<string, string[]> = {};
    for (const r of rows) (actual[r.name] ??= []).push(r.value);
    const expected = Object.fromEntries(dmmf.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(actual).toEqual(expected);
  });
});
