/** Loads an optional `.env` from the working directory; real environment variables win over it. */
export function loadDotEnv(): void {
  try {
    process.loadEnvFile();
  } catch {
    // no .env: defaults and the environment are enough
  }
}
