-- CreateTable
CREATE TABLE "approval_request" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "request_key" TEXT,
    "topic_id" TEXT NOT NULL,
    "clause_id" TEXT NOT NULL,
    "register" TEXT,
    "requester_id" TEXT NOT NULL,
    "subject_id" TEXT,
    "involved_ids" JSONB NOT NULL,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "in_writing" BOOLEAN NOT NULL DEFAULT false,
    "disclosure_required" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "current_stage" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "approval_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_stage" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "fallback" TEXT,
    "escalation_path" JSONB NOT NULL,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "opened_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "approval_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_seat" (
    "stage_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "added_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "approval_seat_pkey" PRIMARY KEY ("stage_id","person_id")
);

-- CreateTable
CREATE TABLE "approval_decision" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "stage_id" TEXT NOT NULL,
    "approver_id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "conditions" TEXT,
    "expires_on" TEXT,
    "reason" TEXT,
    "idempotency_key" TEXT,
    "decided_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "approval_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_info_request" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "stage_id" TEXT NOT NULL,
    "asked_by_id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT,
    "idempotency_key" TEXT,
    "asked_at" TIMESTAMP(3) NOT NULL,
    "answered_at" TIMESTAMP(3),

    CONSTRAINT "approval_info_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_delegate" (
    "person_id" TEXT NOT NULL,
    "delegate_id" TEXT NOT NULL,
    "until" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "approval_delegate_pkey" PRIMARY KEY ("person_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "approval_request_number_key" ON "approval_request"("number");

-- CreateIndex
CREATE UNIQUE INDEX "approval_request_request_key_key" ON "approval_request"("request_key");

-- CreateIndex
CREATE INDEX "approval_request_requester_id_idx" ON "approval_request"("requester_id");

-- CreateIndex
CREATE INDEX "approval_request_register_created_at_idx" ON "approval_request"("register", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "approval_stage_request_id_position_key" ON "approval_stage"("request_id", "position");

-- CreateIndex
CREATE INDEX "approval_seat_person_id_idx" ON "approval_seat"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "approval_decision_idempotency_key_key" ON "approval_decision"("idempotency_key");

-- CreateIndex
CREATE INDEX "approval_decision_request_id_idx" ON "approval_decision"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "approval_decision_stage_id_approver_id_key" ON "approval_decision"("stage_id", "approver_id");

-- CreateIndex
CREATE UNIQUE INDEX "approval_info_request_idempotency_key_key" ON "approval_info_request"("idempotency_key");

-- CreateIndex
CREATE INDEX "approval_info_request_request_id_idx" ON "approval_info_request"("request_id");

-- CreateIndex
CREATE INDEX "approval_delegate_delegate_id_idx" ON "approval_delegate"("delegate_id");

-- AddForeignKey
ALTER TABLE "approval_stage" ADD CONSTRAINT "approval_stage_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "approval_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_seat" ADD CONSTRAINT "approval_seat_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "approval_stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_decision" ADD CONSTRAINT "approval_decision_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "approval_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_decision" ADD CONSTRAINT "approval_decision_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "approval_stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_info_request" ADD CONSTRAINT "approval_info_request_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "approval_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_info_request" ADD CONSTRAINT "approval_info_request_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "approval_stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
