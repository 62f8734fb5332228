/**
 * A twitter-api-v2 client plugin (structurally typed, so core needs no dependency on the library) that
 * rewrites every computed request URL, paginators included, to `base`: the library has no base-URL setting,
 * and both the collector's X reader and the console's X poster are pointed at a fake X API in tests and at
 * `npm start`.
 */
export function xApiRedirectPlugin(base: URL): {
  onBeforeRequest(args: { computedParams: { url: URL } }): void;
} {
  const basePath = base.pathname.replace(/\/$/, '');
  return {
    onBeforeRequest({ computedParams }) {
      computedParams.url.protocol = base.protocol;
      computedParams.url.host = base.host;
      if (basePath !== '') computedParams.url.pathname = `${basePath}${computedParams.url.pathname}`;
    },
  };
}
