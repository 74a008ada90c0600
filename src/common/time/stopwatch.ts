/**
 * Times the stages of one computation: `lap(stage)` adds the time since the previous lap (or the
 * start) to that stage. Used to say where a slow projection rebuild spent its time.
 */
export class Stopwatch<Stage extends string = string> {
  private readonly started = performance.now();
  private last = this.started;
  private readonly stages: Partial<Record<Stage, number>> = {};

  lap(stage: Stage): void {
    const now = performance.now();
    this.stages[stage] = (this.stages[stage] ?? 0) + (now - this.last);
    this.last = now;
  }

  /** Whole milliseconds since the start. */
  elapsedMs(): number {
    return Math.round(performance.now() - this.started);
  }

  /** Whole milliseconds per stage, in the order the stages first ran. */
  laps(): Partial<Record<Stage, number>> {
    return Object.fromEntries(
      Object.entries<number | undefined>(this.stages).map(([stage, ms]) => [stage, Math.round(ms ?? 0)]),
    ) as Partial<Record<Stage, number>>;
  }
}
