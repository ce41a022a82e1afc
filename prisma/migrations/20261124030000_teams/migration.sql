-- CreateTable
CREATE TABLE "teams_conversation" (
    "aad_object_id" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "teams_conversation_pkey" PRIMARY KEY ("aad_object_id")
);

-- CreateTable
CREATE TABLE "teams_bot_state" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "e_tag" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "teams_bot_state_pkey" PRIMARY KEY ("key")
);
