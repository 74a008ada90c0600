import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { AppConfig } from '../config/app-config.js';

/** The console's session cookie: a random opaque id, HttpOnly, SameSite=Lax, Secure in production. */
export const SESSION_COOKIE = 'planner_session';
/** Header that every cookie-authenticated write must carry (the session's CSRF token). */
export const CSRF_HEADER = 'x-csrf-token';

/** The session cookie's value, or null. Parsed by @fastify/cookie (registered in http-app). */
export function sessionCookieOf(request: FastifyRequest): string | null {
  const value = (request as { cookies?: Record<string, string | undefined> }).cookies?.[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null;
}

export function setSessionCookie(reply: FastifyReply, value: string, config: AppConfig): void {
  void reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.env === 'production',
    maxAge: Math.floor(config.auth.sessionMaxMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.env === 'production',
  });
}

/** Methods that change nothing, so need no CSRF token. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
