/**
 * The message of something caught (`catch (error)` gives `unknown`): an Error's `message`, else
 * the thing itself as a string (a rejected string, a number, null).
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
