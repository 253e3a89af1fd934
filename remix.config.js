/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // The Express server (scripts/server.ts) is the entry; Remix builds the request handler.
  serverBuildPath: "build/index.js",
  // Packages that ship ESM only or use node built-ins are bundled or kept external as needed.
  serverDependenciesToBundle: [/^@conform-to\//],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    // Single fetch changes how loaders serialise data; not needed on the classic compiler.
    v3_singleFetch: false,
  },
};
