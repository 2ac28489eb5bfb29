/**
 * Gathers the calls made within a millisecond or two and runs them as one: twenty sends in flight that each
 * read their customer become one query instead of twenty round trips. Each caller gets its own answer. If
 * the gathered run fails, each call is run on its own (`runOne`), so one bad input cannot fail the others.
 */
export class Coalescer<In, Out> {
  private pending: { input: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly runMany: (inputs: In[]) => Promise<Out[]>,
    private readonly runOne: (input: In) => Promise<Out>,
    private readonly windowMs = 1,
    private readonly max = 250,
  ) {}

  call(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.pending.length >= this.max) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.windowMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0, this.max);
    if (this.pending.length > 0) this.timer = setTimeout(() => this.flush(), this.windowMs);
    if (batch.length === 0) return;
    const alone = () =>
      batch.forEach((call) => {
        this.runOne(call.input).then(call.resolve, call.reject);
      });
    if (batch.length === 1) return alone();
    this.runMany(batch.map((call) => call.input)).then(
      (outs) => batch.forEach((call, i) => call.resolve(outs[i])),
      () => alone(),
    );
  }
}
