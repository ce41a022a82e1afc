// @ts-check
// PostgreSQL settings for the embedded engine, shared by the database thread and initdb's process.
import { PGlite } from "@electric-sql/pglite";

/**
 * PostgreSQL's defaults size its buffers for a server (128 MB of shared buffers, 64 MB for
 * maintenance), and PGlite's WebAssembly heap grows to hold them and never shrinks. The bot's
 * database is small: these keep the embedded engine near 100 MB instead of about 300 MB.
 */
export const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB", "-c", "wal_buffers=1MB", "-c", "maintenance_work_mem=8MB", "-c", "temp_buffers=2MB"];
