-- AlterTable: audit entries carry a keyed MAC (the key is not in the database); older entries stay
-- NULL and are covered by the first keyed entry through the hash chain.
ALTER TABLE "audit_entry" ADD COLUMN "mac" TEXT;
