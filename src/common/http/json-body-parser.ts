import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../errors/domain-error.js';

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * The deepest nesting of objects and arrays in JSON text, stopping as soon as it passes `max`.
 * One pass over the characters with a counter, no recursion: 100,000 nested arrays cost a loop,
 * not a stack. Brackets inside strings are text. Malformed JSON is left to the JSON parser.
 */
export function exceedsJsonDepth(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

export class JsonTooDeepError extends ValidationError {
  constructor(max: number) {
    super(`The JSON body is nested deeper than ${max} levels (JSON_MAX_DEPTH)`, undefined, 'json_too_deep');
  }
}

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The parser of every `application/json` body: refuses nesting deeper than `maxDepth` before
 * parsing (so no later walk — class-transformer, the validators — can overflow the stack), then
 * hands over to Fastify's own parser (prototype-poisoning checks, `malformed_json`).
 */
export function jsonBodyParser(fastify: FastifyInstance, maxDepth: number) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    const text = body.toString('utf8');
    if (exceedsJsonDepth(text, maxDepth)) return done(new JsonTooDeepError(maxDepth));
    void parse(request, text, done);
  };
}
