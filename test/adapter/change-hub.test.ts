import { expect } from '@open-wc/testing';
import type { ConversationChange } from '../../src/adapter/adapter.js';
import { ChangeHub } from '../../src/adapter/change-hub.js';

const CHANGE: ConversationChange = { type: 'claimed', number: '12345' };

describe('ChangeHub', () => {
  it('calls every listener with the change, in subscription order', () => {
    const hub = new ChangeHub();
    const calls: string[] = [];
    hub.subscribe((c) => calls.push(`a:${c.type}:${c.number}`));
    hub.subscribe((c) => calls.push(`b:${c.type}:${c.number}`));
    hub.notify(CHANGE);
    expect(calls).to.deep.equal(['a:claimed:12345', 'b:claimed:12345']);
  });

  it('unsubscribes, idempotently', () => {
    const hub = new ChangeHub();
    let count = 0;
    const off = hub.subscribe(() => count++);
    hub.notify(CHANGE);
    off();
    off();
    hub.notify(CHANGE);
    expect(count).to.equal(1);
    expect(hub.size).to.equal(0);
  });

  it('adds the same listener only once', () => {
    const hub = new ChangeHub();
    let count = 0;
    const listener = (): void => {
      count++;
    };
    hub.subscribe(listener);
    hub.subscribe(listener);
    hub.notify(CHANGE);
    expect(count).to.equal(1);
  });

  it('a throwing listener neither stops the others nor escapes notify', () => {
    const errors: unknown[] = [];
    const hub = new ChangeHub((error) => errors.push(error));
    const seen: string[] = [];
    hub.subscribe(() => {
      throw new Error('boom');
    });
    hub.subscribe((c) => seen.push(c.number));
    expect(() => hub.notify(CHANGE)).not.to.throw();
    expect(seen).to.deep.equal(['12345']);
    expect(errors).to.have.length(1);
    expect((errors[0] as Error).message).to.equal('boom');
  });

  it('reports listener errors to console.error by default', () => {
    const original = console.error;
    const logged: unknown[][] = [];
    console.error = (...args: unknown[]) => {
      logged.push(args);
    };
    try {
      const hub = new ChangeHub();
      hub.subscribe(() => {
        throw new Error('listener failed');
      });
      hub.notify(CHANGE);
    } finally {
      console.error = original;
    }
    expect(logged).to.have.length(1);
    expect(String(logged[0][0])).to.contain('change listener threw');
    expect(JSON.stringify(logged)).not.to.contain('12345');
  });

  it('a listener that unsubscribes another during notify does not break the round', () => {
    const hub = new ChangeHub();
    const seen: string[] = [];
    let offB: () => void = () => undefined;
    hub.subscribe(() => {
      seen.push('a');
      offB();
    });
    offB = hub.subscribe(() => seen.push('b'));
    hub.notify(CHANGE);
    hub.notify(CHANGE);
    expect(seen).to.deep.equal(['a', 'b', 'a']);
  });

  it('gives each listener its own copy of the change', () => {
    const hub = new ChangeHub();
    const received: ConversationChange[] = [];
    hub.subscribe((c) => {
      c.number = 'mutated';
    });
    hub.subscribe((c) => received.push(c));
    hub.notify(CHANGE);
    expect(received[0].number).to.equal('12345');
    expect(CHANGE.number).to.equal('12345');
  });
});
