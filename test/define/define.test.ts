import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/define/define.js';

let counter = 0;
const uniqueTag = (): string => `define-test-${Date.now()}-${++counter}`;

function captureWarnings<T>(fn: () => T): { result: T; warnings: unknown[][] } {
  const original = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => {
    warnings.push(args);
  };
  try {
    return { result: fn(), warnings };
  } finally {
    console.warn = original;
  }
}

describe('defineElement', () => {
  it('defines an undefined tag', () => {
    const tag = uniqueTag();
    class A extends HTMLElement {}
    const { warnings } = captureWarnings(() => defineElement(tag, A));
    expect(customElements.get(tag)).to.equal(A);
    expect(warnings).to.deep.equal([]);
  });

  it('defining the same class twice is a silent no-op', () => {
    const tag = uniqueTag();
    class A extends HTMLElement {}
    const { warnings } = captureWarnings(() => {
      defineElement(tag, A);
      defineElement(tag, A);
    });
    expect(customElements.get(tag)).to.equal(A);
    expect(warnings).to.deep.equal([]);
  });

  it('a different class under the same tag keeps the first and warns clearly', () => {
    const tag = uniqueTag();
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    const { warnings } = captureWarnings(() => {
      defineElement(tag, A);
      defineElement(tag, B);
    });
    expect(customElements.get(tag)).to.equal(A);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain(`<${tag}>`);
    expect(String(warnings[0][0])).to.contain('already defined');
  });

  it('importing the define module twice (a second module instance) is a silent no-op', async () => {
    const original = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => {
      warnings.push(args);
    };
    try {
      const once = await import('../../src/define/secure-adapter-provider.js');
      // A different URL evaluates the define module again; the element class is the same module.
      const secondUrl = '/src/define/secure-adapter-provider.ts?again';
      const again = (await import(/* @vite-ignore */ secondUrl)) as typeof once;
      expect(again.SecureAdapterProvider).to.equal(once.SecureAdapterProvider);
    } finally {
      console.warn = original;
    }
    expect(customElements.get('secure-adapter-provider')).to.equal(
      (await import('../../src/define/secure-adapter-provider.js')).SecureAdapterProvider,
    );
    expect(warnings).to.deep.equal([]);
  });
});
