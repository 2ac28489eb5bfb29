/** PostgreSQL's code for a transaction it aborted to break a deadlock. */
const DEADLOCK_DETECTED = '40P01';

export const isDeadlock = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DEADLOCK_DETECTED;

/**
 * Runs a transaction again when PostgreSQL aborted it to break a deadlock, as its manual advises: the
 * worker locks a step before its enrollment and an exit an enrollment before its steps, so a journey-wide
 * change (archive) can meet either order.
 */
export async function retryOnDeadlock<T>(transaction: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= attempts) throw error;
    }
  }
}
