-- CreateTable
CREATE TABLE "teams_message" (
    "conversation_id" TEXT NOT NULL,
    "activity_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "teams_message_pkey" PRIMARY KEY ("conversation_id","activity_id")
);

-- CreateIndex
CREATE INDEX "teams_message_subject_idx" ON "teams_message"("subject");
