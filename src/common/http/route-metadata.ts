import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * A route's metadata under one key, the handler's over its class's (as
 * `Reflector.getAllAndOverride`), read from reflect-metadata once per route and then remembered:
 * the global guards ask on every request, and a route's metadata does not change once declared.
 */
export class RouteMetadata<T> {
  private readonly byClass = new WeakMap<object, WeakMap<object, { value: T | undefined }>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly key: string,
  ) {}

  of(context: ExecutionContext): T | undefined {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byHandler = this.byClass.get(controller);
    if (!byHandler) this.byClass.set(controller, (byHandler = new WeakMap()));
    let entry = byHandler.get(handler);
    if (!entry) {
      entry = { value: this.reflector.getAllAndOverride<T | undefined>(this.key, [handler, controller]) };
      byHandler.set(handler, entry);
    }
    return entry.value;
  }
}
