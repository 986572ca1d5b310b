import { expect } from '@open-wc/testing';
import { safeLinkTarget } from '../../src/domain/links.js';
import { plainFileName } from '../../src/domain/format.js';

describe('safeLinkTarget', () => {
  for (const href of [
    '/sakra-meddelanden',
    'sakra.html',
    '?sida=x',
    '#x',
    '',
    'https://www.kpa.se/a?b#c',
    'HTTP://x.se',
  ]) {
    it(`keeps ${JSON.stringify(href)}`, () => expect(safeLinkTarget(href)).to.equal(href));
  }
  for (const href of [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' \u0000javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://x.se/1',
    'file:///etc/passwd',
    'mailto:a@b.se',
    'http://[',
  ]) {
    it(`refuses ${JSON.stringify(href)}`, () => expect(safeLinkTarget(href)).to.equal(undefined));
  }
});

describe('plainFileName', () => {
  it('removes bidi overrides, embeddings, isolates and marks, and control characters', () => {
    expect(plainFileName('Lönelista\u202Efdp.exe')).to.equal('Lönelistafdp.exe');
    expect(plainFileName('\u2067a\u2069\u202Bb\u202C\u200E\u200F\u061Cc')).to.equal('abc');
    expect(plainFileName('rad1\nrad2\u0000\u007F\u0085.pdf')).to.equal('rad1rad2.pdf');
  });

  it('keeps letters, emoji with zero-width joiners, and spaces', () => {
    expect(plainFileName('Åsa Öberg 👩‍💼 lön.pdf')).to.equal('Åsa Öberg 👩‍💼 lön.pdf');
  });
});
