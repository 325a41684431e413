// What the browser scenarios (portal.e2e.mjs, oidc.e2e.mjs) share.

/** Fails the scenario with {@code message} unless {@code condition} holds. */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Resolves once check() holds, polling: for what crosses Kafka and a worker's poll, on screens that refresh themselves. */
export async function until(check, what, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
