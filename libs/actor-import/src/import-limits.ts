/** Sizes the synchronous mutation accepts; anything larger goes through the background job. */
export const SYNC_MAX_ROWS = 500;
export const SYNC_MAX_BYTES = 1024 * 1024;
/** Hard cap for any upload through the API (the CLI has none). */
export const MAX_BYTES = 20 * 1024 * 1024;
/** Rows checked and written per round trip batch; also the job's progress step. */
export const CHUNK_ROWS = 200;
/** Parallel actor writes inside a chunk (rows of one file never share a key). */
export const WRITE_CONCURRENCY = 4;
