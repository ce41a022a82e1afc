-- AlterTable: insertion order, so messages written at the same instant go out in the order written
ALTER TABLE "outbox_message" ADD COLUMN "seq" BIGSERIAL NOT NULL;
