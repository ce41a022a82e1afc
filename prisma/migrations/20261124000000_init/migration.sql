-- CreateTable
CREATE TABLE "processed_event" (
    "key" TEXT NOT NULL,
    "processed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ask_stat" (
    "day" TEXT NOT NULL,
    "clause_id" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ask_stat_pkey" PRIMARY KEY ("day","clause_id","verdict")
);
