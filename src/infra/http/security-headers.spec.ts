import { API_HELMET_OPTIONS, DOCUMENT_HELMET_OPTIONS, staticSecurityHeaders } from './security-headers.js';

describe('staticSecurityHeaders', () => {
  it("gives helmet's full header set for the pages' options, with their CSP", () => {
    const headers = staticSecurityHeaders(DOCUMENT_HELMET_OPTIONS);
    expect(headers['content-security-policy']).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';" +
        "frame-ancestors 'self';img-src 'self' data: https:;object-src 'none';" +
        "script-src 'self' 'unsafe-inline';script-src-attr 'none';style-src 'self' 'unsafe-inline' https:;" +
        'upgrade-insecure-requests',
    );
    expect(headers).toMatchObject({
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    });
  });

  it("gives the API's answers OWASP's header set for REST services: nothing allowed, nothing framed", () => {
    expect(staticSecurityHeaders(API_HELMET_OPTIONS)).toEqual({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
  });

  it('refuses options whose headers would depend on the request', () => {
    expect(() =>
      staticSecurityHeaders({
        contentSecurityPolicy: { directives: { scriptSrc: [(req) => String(req.headers.host)] } },
      }),
    ).toThrow(/depends on the request/);
  });
});
