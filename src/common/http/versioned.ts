import {
  Injectable,
  RequestMethod,
  type Type,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiHeader, ApiPreconditionFailedResponse, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { DataSource, EntityTarget } from 'typeorm';
import { ErrorBody } from '../errors/error-body.js';
import { etagOf, matches, parseIfMatch, PreconditionFailedError, withIfMatch } from './if-match.js';

interface VersionedResource {
  entity: EntityTarget<{ id: string; version: number }>;
  /** `Event`, `Campaign`: names the resource in a 412. */
  what: string;
}

const VERSIONED = 'planner:versioned';
const IF_MATCH = 'planner:if-match';

/** Where @nestjs/swagger keeps a route's responses (its `DECORATORS.API_RESPONSE`). */
const SWAGGER_API_RESPONSE = 'swagger/apiResponse';

const WRITES = [RequestMethod.POST, RequestMethod.PATCH, RequestMethod.PUT, RequestMethod.DELETE];

const IF_MATCH_DOC =
  'Optional optimistic lock: the ETag of the version you read (`"3"`) or `*`. A resource at another version answers 412 `precondition_failed` with `details.currentVersion`; without the header the write goes ahead as before.';

/**
 * Optimistic locking for a controller of a resource with a `version` column (issue 10, item 11):
 * every answer that carries the resource (read, create, edit, transition) sends its version as
 * `ETag`, and every write on `:id` honours `If-Match` (412 with the current version on a
 * mismatch). Applied once per controller; documents the header and the 412 on each write.
 */
export function Versioned(resource: VersionedResource): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(VERSIONED, resource, target);
    const prototype = target.prototype as Record<string, unknown>;
    const classPath = String(Reflect.getMetadata(PATH_METADATA, target) ?? '');
    for (const key of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      const handler = descriptor?.value as object | undefined;
      if (key === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const path = `${classPath}/${String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')}`;
      const onId = path.includes(':id');
      const status =
        (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
        (method === RequestMethod.POST ? 201 : 200);
      const write = WRITES.includes(method);
      if (write && onId) {
        Reflect.defineMetadata(IF_MATCH, true, handler);
        ApiHeader({ name: 'If-Match', required: false, description: IF_MATCH_DOC, example: '"3"' })(
          prototype,
          key,
          descriptor!,
        );
        ApiPreconditionFailedResponse({
          description: 'If-Match names another version (details.currentVersion, details.etag)',
          type: ErrorBody,
        })(prototype, key, descriptor!);
      }
      const returnsResource = write ? status !== 204 : onId && /\/:id\/?$/.test(path);
      if (returnsResource) {
        // Swagger merges a second entry for a status over the first with `type: undefined`:
        // carry the route's own response type along, or the schema of the body is lost.
        const existing = (
          Reflect.getMetadata(SWAGGER_API_RESPONSE, handler) as
            Record<string, { type?: string | Type<unknown>; isArray?: boolean }> | undefined
        )?.[status];
        ApiResponse({
          status,
          description: '',
          type: existing?.type,
          isArray: existing?.isArray,
          headers: {
            ETag: { description: 'The version of the resource: `"3"`', schema: { type: 'string' } },
          },
        })(prototype, key, descriptor!);
      }
    }
    UseInterceptors(VersionInterceptor)(target);
  };
}

/** The version in an answer: the resource itself, or the one it wraps (`{event, warnings}`). */
function versionIn(body: unknown, id: string | undefined): number | null {
  if (!body || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  if (typeof record.version === 'number' && (id === undefined || record.id === id)) return record.version;
  for (const value of Object.values(record)) {
    const inner = value as Record<string, unknown> | null;
    if (inner && typeof inner === 'object' && typeof inner.version === 'number' && inner.id === id) {
      return inner.version;
    }
  }
  return null;
}

@Injectable()
export class VersionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const resource = this.reflector.get<VersionedResource | undefined>(VERSIONED, context.getClass());
    if (!resource) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { id?: string } }>>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const id = request.params?.id;
    const setEtag = map((body: unknown) => {
      const version = versionIn(body, id);
      if (version !== null) void reply.header('etag', etagOf(version));
      return body;
    });
    const ifMatch = this.reflector.get<boolean>(IF_MATCH, context.getHandler())
      ? parseIfMatch(request.headers['if-match'])
      : null;
    if (!ifMatch || !id) return next.handle().pipe(setEtag);

    const metadata = this.dataSource.getMetadata(resource.entity);
    const row = await this.dataSource
      .getRepository(resource.entity)
      .findOne({ where: { id }, select: { id: true, version: true } });
    // A missing resource is the handler's 404 to give.
    if (row && !matches(ifMatch, row.version)) {
      void reply.header('etag', etagOf(row.version));
      throw new PreconditionFailedError(resource.what, id, row.version);
    }
    return withIfMatch({ table: metadata.tableName, what: resource.what, id, ifMatch }, () =>
      next.handle().pipe(setEtag),
    );
  }
}
