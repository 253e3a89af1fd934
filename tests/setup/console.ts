import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

// A console.error during a test means something went wrong that no assertion caught: fail.
let spy: MockInstance<typeof console.error>;
beforeEach(() => {
  spy = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockRestore();
  if (calls.length > 0) {
    throw new Error(
      `console.error was called:\n${calls.map((c) => c.map(String).join(" ")).join("\n")}`,
    );
  }
});
