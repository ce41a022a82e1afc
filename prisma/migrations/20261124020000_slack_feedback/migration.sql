-- CreateTable
CREATE TABLE "answer_feedback" (
    "day" TEXT NOT NULL,
    "clause_id" TEXT NOT NULL,
    "helpful" INTEGER NOT NULL DEFAULT 0,
    "not_helpful" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "answer_feedback_pkey" PRIMARY KEY ("day","clause_id")
);
