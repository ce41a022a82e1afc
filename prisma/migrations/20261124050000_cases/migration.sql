-- CreateTable
CREATE TABLE "case_counter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "case_counter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "report_case" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "section" TEXT,
    "mode" TEXT NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "recipient" TEXT NOT NULL,
    "routed_to" TEXT NOT NULL,
    "content" TEXT,
    "reporter_link" TEXT,
    "reporter_tag" TEXT,
    "receipt_digest" TEXT NOT NULL,
    "linked_case_id" TEXT,
    "filed_at" TIMESTAMP(3) NOT NULL,
    "acknowledge_by" TIMESTAMP(3) NOT NULL,
    "acknowledged_at" TIMESTAMP(3),
    "feedback_by" TIMESTAMP(3),
    "feedback_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "legal_hold" BOOLEAN NOT NULL DEFAULT false,
    "purged_at" TIMESTAMP(3),

    CONSTRAINT "report_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_handler" (
    "case_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "assigned_at" TIMESTAMP(3) NOT NULL,
    "removed_at" TIMESTAMP(3),

    CONSTRAINT "case_handler_pkey" PRIMARY KEY ("case_id","person_id")
);

-- CreateTable
CREATE TABLE "case_message" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "case_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "author_id" TEXT,
    "body" TEXT,
    "via" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_checkin" (
    "case_id" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "asked_at" TIMESTAMP(3) NOT NULL,
    "answered_at" TIMESTAMP(3),
    "answer" TEXT,
    "linked_case_id" TEXT,

    CONSTRAINT "case_checkin_pkey" PRIMARY KEY ("case_id","day")
);

-- CreateTable
CREATE TABLE "case_reporter_notice" (
    "tag" TEXT NOT NULL,
    "shown_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_reporter_notice_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE UNIQUE INDEX "report_case_number_key" ON "report_case"("number");

-- CreateIndex
CREATE INDEX "report_case_reporter_tag_idx" ON "report_case"("reporter_tag");

-- CreateIndex
CREATE INDEX "case_handler_person_id_idx" ON "case_handler"("person_id");

-- CreateIndex
CREATE INDEX "case_message_case_id_at_idx" ON "case_message"("case_id", "at");

-- AddForeignKey
ALTER TABLE "case_handler" ADD CONSTRAINT "case_handler_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "report_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_message" ADD CONSTRAINT "case_message_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "report_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_checkin" ADD CONSTRAINT "case_checkin_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "report_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
