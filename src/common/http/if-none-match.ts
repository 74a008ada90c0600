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
