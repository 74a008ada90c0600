/**
 * While what the server shows is being computed by a job (a stale projection, a pending scenario
 * projection or effect), a page asks again this often until the result has landed.
 */
export const PENDING_POLL_MS = 2_000;
