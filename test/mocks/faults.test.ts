import { expect } from '@open-wc/testing';
import { matchesFault, MockFaultController, type FaultMatch } from '../../mocks/faults.js';
import { normaliseBasePath, pathAfterBase, encodeRfc8187 } from '../../mocks/handlers.js';

describe('mock fault controller', () => {
  const matchCases: { match: FaultMatch | undefined; method: string; path: string; expected: boolean }[] = [
    { match: undefined, method: 'GET', path: '/me', expected: true },
    { match: { method: 'post' }, method: 'POST', path: '/conversations', expected: true },
    { match: { method: 'POST' }, method: 'GET', path: '/conversations/12345', expected: false },
    { match: { path: '/conversations' }, method: 'POST', path: '/conversations', expected: true },
    { match: { path: '/conversations' }, method: 'POST', path: '/conversations/search', expected: false },
    { match: { path: /\/messages$/ }, method: 'POST', path: '/conversations/12345/messages', expected: true },
    {
      match: { path: /\/messages$/g },
      method: 'POST',
      path: '/conversations/12345/messages',
      expected: true,
    },
    {
      match: { method: 'POST', path: /claim/ },
      method: 'GET',
      path: '/conversations/12345/claim',
      expected: false,
    },
  ];
  for (const c of matchCases) {
    it(`${JSON.stringify(c.match ?? null)} ${c.expected ? 'matches' : 'does not match'} ${c.method} ${c.path}`, () => {
      expect(matchesFault(c.match, c.method, c.path)).to.equal(c.expected);
      expect(matchesFault(c.match, c.method, c.path), 'again (no RegExp state)').to.equal(c.expected);
    });
  }

  it('counts down times and removes spent faults', () => {
    const faults = new MockFaultController();
    faults.add({ kind: 'offline', times: 2 });
    expect(faults.take('GET', '/me').fault).to.deep.equal({ kind: 'offline' });
    expect(faults.active).to.have.length(1);
    expect(faults.take('GET', '/me').fault).to.deep.equal({ kind: 'offline' });
    expect(faults.take('GET', '/me').fault).to.equal(null);
    expect(faults.active).to.have.length(0);
  });

  it('adds up latencies and takes only the first other fault', () => {
    const faults = new MockFaultController();
    faults.add({ kind: 'latency', ms: 100 });
    faults.add({ kind: 'latency', ms: 50, match: { method: 'GET' } });
    faults.add({ kind: 'status', status: 503, retryAfterSeconds: 5, times: 1 });
    faults.add({ kind: 'offline', times: 1 });
    expect(faults.take('GET', '/me')).to.deep.equal({
      latencyMs: 150,
      fault: { kind: 'status', status: 503, retryAfterSeconds: 5 },
    });
    expect(faults.take('POST', '/conversations')).to.deep.equal({
      latencyMs: 100,
      fault: { kind: 'offline' },
    });
    expect(faults.take('POST', '/conversations')).to.deep.equal({ latencyMs: 100, fault: null });
  });

  it('leaves faults for other requests untouched', () => {
    const faults = new MockFaultController();
    faults.add({ kind: 'hang', match: { path: '/notices/count' }, times: 1 });
    expect(faults.take('GET', '/me').fault).to.equal(null);
    expect(faults.active).to.have.length(1);
  });

  it('rejects nonsense times and latencies', () => {
    const faults = new MockFaultController();
    expect(() => faults.add({ kind: 'offline', times: 0 })).to.throw(RangeError);
    expect(() => faults.add({ kind: 'latency', ms: -1 })).to.throw(RangeError);
  });

  it('releases a hanging request on abort and on clear', async () => {
    const faults = new MockFaultController();
    const controller = new AbortController();
    const aborted = faults.hang(controller.signal);
    const cleared = faults.hang(undefined);
    let settled = false;
    void cleared.then(() => (settled = true));
    controller.abort();
    await aborted;
    await Promise.resolve();
    expect(settled).to.equal(false);
    faults.clear();
    await cleared;
    expect(settled).to.equal(true);
  });
});

describe('mock handler helpers', () => {
  const bases: [string, string][] = [
    ['/api/secure-messages/v1', '/api/secure-messages/v1'],
    ['/api/secure-messages/v1/', '/api/secure-messages/v1'],
    ['api/x', '/api/x'],
    ['', ''],
  ];
  for (const [input, expected] of bases) {
    it(`normalises base path ${JSON.stringify(input)}`, () => {
      expect(normaliseBasePath(input)).to.equal(expected);
    });
  }

  it('finds the path after the base path on any origin', () => {
    expect(
      pathAfterBase(
        'https://kpa.example/portal/api/secure-messages/v1/conversations/12345/claim',
        '/api/secure-messages/v1',
      ),
    ).to.equal('/conversations/12345/claim');
    expect(pathAfterBase('http://localhost:8000/api/v1/me?x=1', '/api/v1')).to.equal('/me');
  });

  it('encodes file names for Content-Disposition', () => {
    expect(encodeRfc8187("Lönespec (mars) 'x'*.pdf")).to.equal('L%C3%B6nespec%20%28mars%29%20%27x%27%2A.pdf');
  });
});
