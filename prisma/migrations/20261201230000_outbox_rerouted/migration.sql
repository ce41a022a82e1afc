-- AlterTable: a handler notice left undelivered too long is passed on to another handler once
ALTER TABLE "outbox_message" ADD COLUMN "rerouted_at" TIMESTAMP(3);
