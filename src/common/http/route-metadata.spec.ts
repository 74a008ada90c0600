import { describe, expect, it, jest } from '@jest/globals';
import { Controller, Get, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RouteMetadata } from './route-metadata.js';

@Controller()
@SetMetadata('mark', 'class')
class Marked {
  @Get('a')
  @SetMetadata('mark', 'handler')
  a() {}

  @Get('b')
  b() {}
}

@Controller()
class Unmarked {
  @Get('c')
  c() {}
}

const contextOf = (controller: object, handler: (...args: never[]) => unknown) =>
  ({ getClass: () => controller, getHandler: () => handler }) as unknown as ExecutionContext;

describe('RouteMetadata', () => {
  it("answers the handler's value over its class's, and undefined where neither has one", () => {
    const mark = new RouteMetadata<string>(new Reflector(), 'mark');
    expect(mark.of(contextOf(Marked, Marked.prototype.a))).toBe('handler');
    expect(mark.of(contextOf(Marked, Marked.prototype.b))).toBe('class');
    expect(mark.of(contextOf(Unmarked, Unmarked.prototype.c))).toBeUndefined();
  });

  it('reads reflect-metadata once per route, including for routes without the key', () => {
    const reflector = new Reflector();
    const read = jest.spyOn(reflector, 'getAllAndOverride');
    const mark = new RouteMetadata<string>(reflector, 'mark');
    for (let i = 0; i < 3; i++) {
      mark.of(contextOf(Marked, Marked.prototype.a));
      mark.of(contextOf(Unmarked, Unmarked.prototype.c));
    }
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps a method apart from the same method reached through another controller class', () => {
    class Sub extends Marked {}
    SetMetadata('mark', 'sub')(Sub);
    const mark = new RouteMetadata<string>(new Reflector(), 'mark');
    expect(mark.of(contextOf(Marked, Marked.prototype.b))).toBe('class');
    expect(mark.of(contextOf(Sub, Sub.prototype.b))).toBe('sub');
  });
});
