/**
 * Keeps one instance per process across dev rebuilds (the server re-imports the Remix build on
 * change) and across the two copies of a module that the server entry and the build both load.
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __kringwijs?: Map<string, unknown> };
  store.__kringwijs ??= new Map();
  if (!store.__kringwijs.has(name)) store.__kringwijs.set(name, create());
  return store.__kringwijs.get(name) as T;
}

export function forgetSingleton(name: string) {
  const store = globalThis as unknown as { __kringwijs?: Map<string, unknown> };
  store.__kringwijs?.delete(name);
}
