/**
 * The demo's one Trusted Types policy. Under `require-trusted-types-for 'script'` registering a
 * service worker takes a TrustedScriptURL, and the mock backend's worker is the only script URL the
 * demo creates; the policy refuses every other. Elements need no policy of their own (Lit has its own).
 */
interface ScriptUrlPolicy {
  createScriptURL(url: string): object;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): ScriptUrlPolicy;
}

export const DEMO_POLICY = 'secure-messages-demo';

let policy: ScriptUrlPolicy | undefined;

/**
 * Registers the mock backend's service worker at `path` with a TrustedScriptURL, and waits until it
 * controls the page. MSW turns the URL it is given into a string before registering, which a page
 * enforcing Trusted Types refuses; once the worker is registered and in control, MSW's own start
 * finds it and registers nothing. Without Trusted Types (or service workers) this does nothing.
 */
export async function registerWorkerUnderTrustedTypes(path: string): Promise<void> {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory || !('serviceWorker' in navigator)) return;
  policy ??= factory.createPolicy(DEMO_POLICY, {
    createScriptURL: (url) => {
      if (url !== path) throw new TypeError(`${DEMO_POLICY}: refusing script URL ${url}`);
      return url;
    },
  });
  const container = navigator.serviceWorker;
  const controlled = container.controller
    ? Promise.resolve()
    : new Promise<void>((resolve) =>
        container.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
  await container.register(policy.createScriptURL(path) as unknown as string);
  // The worker claims its clients when it activates.
  await controlled;
}
