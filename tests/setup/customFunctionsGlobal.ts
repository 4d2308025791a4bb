/**
 * Excel provides the CustomFunctions global; Node does not. This stand-in has the same shape
 * (Error with code and message, the ErrorCode names and values), so the host adapter runs in tests.
 */
class CustomFunctionsError extends Error {
  constructor(
    public readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

const registered = new Map<string, (...args: unknown[]) => unknown>();

(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
  /** Test-only: what associate() registered. */
  __registered: registered,
};
