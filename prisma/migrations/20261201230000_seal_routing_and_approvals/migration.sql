-- Routing metadata and approval contents are sealed (src/core/cases/context.ts,
-- src/core/approvals/sealing.ts); the clear columns stay for rows written earlier until
-- `conduct keys rotate` seals them.
ALTER TABLE "report_case" ALTER COLUMN "recipient" DROP NOT NULL;

ALTER TABLE "approval_request" ADD COLUMN "content" TEXT;
ALTER TABLE "approval_request" ALTER COLUMN "involved_ids" DROP NOT NULL;
ALTER TABLE "approval_request" ALTER COLUMN "summary" DROP NOT NULL;
ALTER TABLE "approval_request" ALTER COLUMN "details" DROP NOT NULL;
