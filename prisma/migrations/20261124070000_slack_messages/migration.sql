-- CreateTable
CREATE TABLE "slack_message" (
    "channel" TEXT NOT NULL,
    "ts" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "slack_message_pkey" PRIMARY KEY ("channel","ts")
);

-- CreateIndex
CREATE INDEX "slack_message_subject_idx" ON "slack_message"("subject");
