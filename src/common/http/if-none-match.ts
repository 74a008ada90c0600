import type { FastifyReply } from 'fastify';

/**
 * Whether an `If-None-Match` header names this ETag (or is `*`): the client's copy is current and
 * a GET answers 304. Weak and strong forms compare alike, as RFC 9110 asks for GET.
 */
export function noneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/** A read answered from bytes made once per version: its ETag, and its JSON body made on a miss. */
export interface CachedRead {
  etag: string;
  body: () => Buffer | Promise<Buffer>;
}

/**
 * Answers a cached read: 304 with no body when the client's ETag is current, else the JSON bytes
 * as they are (no serialisation on the way out).
 */
export async function sendCached(
  read: CachedRead,
  ifNoneMatch: string | undefined,
  reply: FastifyReply,
): Promise<Buffer | undefined> {
  void reply.header('etag', read.etag);
  if (noneMatchHits(ifNoneMatch, read.etag)) {
    void reply.code(304);
    return undefined;
  }
  void reply.type('application/json; charset=utf-8');
  return read.body();
}
