-- Web console: one-time sign-in links and sessions, both stored as SHA-256 hashes of their tokens.
CREATE TABLE "console_sign_in" (
    "token_hash" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),

    CONSTRAINT "console_sign_in_pkey" PRIMARY KEY ("token_hash")
);

CREATE INDEX "console_sign_in_expires_at_idx" ON "console_sign_in"("expires_at");

CREATE TABLE "console_session" (
    "token_hash" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "idle_until" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),

    CONSTRAINT "console_session_pkey" PRIMARY KEY ("token_hash")
);

CREATE INDEX "console_session_expires_at_idx" ON "console_session"("expires_at");
