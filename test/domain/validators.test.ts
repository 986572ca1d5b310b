import { expect } from '@open-wc/testing';
import type { AttachmentRules } from '../../src/domain/config.js';
import {
  allowedTypesText,
  fileExtension,
  validateAttachment,
  validateAttachments,
  validateMessageBody,
  validateMessageNumber,
  validateUserId,
  type ValidationProblem,
  type ValidationResult,
} from '../../src/domain/validators.js';

const MB = 1024 * 1024;

/** The problem the domain returns: a code and the values its text needs (the elements word it). */
function failure<T>(result: ValidationResult<T>): ValidationProblem {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  const { ok: _ok, ...problem } = result;
  return problem;
}

describe('domain/validators', () => {
  describe('validateMessageNumber', () => {
    const valid: [string, string][] = [
      ['69743', '69743'],
      ['00001', '00001'],
      [' 69743 ', '69743'],
      ['\t69743\n', '69743'],
    ];
    for (const [input, value] of valid) {
      it(`accepts ${JSON.stringify(input)} as ${value}`, () => {
        expect(validateMessageNumber(input)).to.deep.equal({ ok: true, value });
      });
    }
    const invalid: [string, string][] = [
      ['', 'message-number.required'],
      ['   ', 'message-number.required'],
      ['6974', 'message-number.format'],
      ['697431', 'message-number.format'],
      ['6974a', 'message-number.format'],
      ['abcde', 'message-number.format'],
      ['697 43', 'message-number.format'],
      ['-6974', 'message-number.format'],
      ['6974.', 'message-number.format'],
      ['٦٩٧٤٣', 'message-number.format'], // Arabic-Indic digits
      ['６９７４３', 'message-number.format'], // full-width digits
      ['69743\n1', 'message-number.format'],
    ];
    for (const [input, code] of invalid) {
      it(`rejects ${JSON.stringify(input)} with ${code}`, () => {
        expect(failure(validateMessageNumber(input))).to.deep.equal({ code });
      });
    }
  });

  describe('validateUserId', () => {
    const valid: [string, string][] = [
      ['ABCD01', 'ABCD01'],
      ['abcd01', 'ABCD01'],
      ['NaEf00', 'NAEF00'],
      ['  efgh02 ', 'EFGH02'],
    ];
    for (const [input, value] of valid) {
      it(`accepts ${JSON.stringify(input)} as ${value}`, () => {
        expect(validateUserId(input)).to.deep.equal({ ok: true, value });
      });
    }
    const invalid: [string, string][] = [
      ['', 'user-id.required'],
      [' ', 'user-id.required'],
      ['ABC01', 'user-id.format'],
      ['ABCDE01', 'user-id.format'],
      ['ABCD1', 'user-id.format'],
      ['ABCD012', 'user-id.format'],
      ['ÅBCD01', 'user-id.format'],
      ['ABCÖ01', 'user-id.format'],
      ['01ABCD', 'user-id.format'],
      ['AB CD01', 'user-id.format'],
      ['ABCD٠١', 'user-id.format'], // Arabic-Indic digits
      ['ＡBCD01', 'user-id.format'], // full-width letter
    ];
    for (const [input, code] of invalid) {
      it(`rejects ${JSON.stringify(input)} with ${code}`, () => {
        expect(failure(validateUserId(input))).to.deep.equal({ code });
      });
    }
  });

  describe('validateMessageBody', () => {
    const valid: [string, string, number][] = [
      ['one character', 'a', 1],
      ['exactly the limit', 'x'.repeat(5000), 5000],
      ['line breaks and indentation kept', '  Hej!\n\nMvh\n', 100],
      ['surrounding white space is not trimmed from the value', ' hej ', 5],
      ['emoji counted as UTF-16 code units, at the limit', '😀😀', 4],
    ];
    for (const [label, input, max] of valid) {
      it(`accepts: ${label}`, () => {
        expect(validateMessageBody(input, max)).to.deep.equal({ ok: true, value: input });
      });
    }
    const invalid: [string, string, number, ValidationProblem][] = [
      ['empty', '', 5000, { code: 'body.required' }],
      ['only white space', ' \n\t ', 5000, { code: 'body.required' }],
      ['one over the limit', 'x'.repeat(5001), 5000, { code: 'body.too-long', max: 5000 }],
      ['emoji over the limit (code units)', '😀😀😀', 5, { code: 'body.too-long', max: 5 }],
    ];
    for (const [label, input, max, problem] of invalid) {
      it(`rejects: ${label}`, () => {
        expect(failure(validateMessageBody(input, max))).to.deep.equal(problem);
      });
    }
  });

  describe('fileExtension', () => {
    const cases: [string, string][] = [
      ['report.pdf', 'pdf'],
      ['REPORT.PDF', 'pdf'],
      ['x.pdf.exe', 'exe'],
      ['README', ''],
      ['.profile', ''],
      ['trailing.', ''],
      ['lön 2026.Xlsx', 'xlsx'],
    ];
    for (const [name, extension] of cases) {
      it(`${JSON.stringify(name)} → ${JSON.stringify(extension)}`, () => {
        expect(fileExtension(name)).to.equal(extension);
      });
    }
  });

  describe('validateAttachment', () => {
    const rules: AttachmentRules = {
      maxBytes: 10 * MB,
      maxFiles: 1,
      allowedTypes: [
        { extension: 'pdf', mimeTypes: ['application/pdf'] },
        { extension: 'jpg', mimeTypes: ['image/jpeg'] },
        { extension: 'PNG', mimeTypes: ['Image/PNG'] },
      ],
    };
    const allowed = 'PDF, JPG, PNG';

    it('lists the allowed types upper case', () => {
      expect(allowedTypesText(rules)).to.equal(allowed);
    });

    const valid: [string, { name: string; size: number; type: string }][] = [
      ['a PDF', { name: 'lönespec.pdf', size: 1000, type: 'application/pdf' }],
      ['upper-case extension', { name: 'REPORT.PDF', size: 1000, type: 'application/pdf' }],
      ['exactly the largest size', { name: 'x.pdf', size: 10 * MB, type: 'application/pdf' }],
      ['one byte', { name: 'x.jpg', size: 1, type: 'image/jpeg' }],
      ['an empty MIME type', { name: 'x.pdf', size: 1000, type: '' }],
      [
        'MIME type in other case and with parameters',
        { name: 'x.pdf', size: 10, type: 'Application/PDF; charset=binary' },
      ],
      ['rules written in upper case', { name: 'bild.png', size: 10, type: 'image/png' }],
    ];
    for (const [label, file] of valid) {
      it(`accepts ${label}`, () => {
        expect(validateAttachment(file, rules)).to.deep.equal({ ok: true, value: true });
      });
    }

    const invalid: [string, { name: string; size: number; type: string }, ValidationProblem][] = [
      ['0 bytes', { name: 'x.pdf', size: 0, type: 'application/pdf' }, { code: 'attachment.empty' }],
      [
        'one byte over the largest size',
        { name: 'x.pdf', size: 10 * MB + 1, type: 'application/pdf' },
        { code: 'attachment.too-large', maxBytes: 10 * MB },
      ],
      [
        'a disallowed type',
        { name: 'setup.exe', size: 1000, type: 'application/x-msdownload' },
        { code: 'attachment.type', extension: 'exe', allowed },
      ],
      [
        'an upper-case disallowed type, given lower case',
        { name: 'SETUP.EXE', size: 1000, type: '' },
        { code: 'attachment.type', extension: 'exe', allowed },
      ],
      [
        'a double extension',
        { name: 'x.pdf.exe', size: 1000, type: '' },
        { code: 'attachment.type', extension: 'exe', allowed },
      ],
      [
        'no extension',
        { name: 'README', size: 1000, type: '' },
        { code: 'attachment.no-extension', allowed },
      ],
      [
        'a MIME type not matching the extension',
        { name: 'x.pdf', size: 1000, type: 'application/x-msdownload' },
        { code: 'attachment.mime-mismatch', extension: 'pdf', allowed },
      ],
      [
        'a MIME type of another allowed extension',
        { name: 'x.pdf', size: 1000, type: 'image/jpeg' },
        { code: 'attachment.mime-mismatch', extension: 'pdf', allowed },
      ],
      [
        'a disallowed type that is also empty: the type is reported first',
        { name: 'x.exe', size: 0, type: '' },
        { code: 'attachment.type', extension: 'exe', allowed },
      ],
    ];
    for (const [label, file, problem] of invalid) {
      it(`rejects ${label} (${problem.code})`, () => {
        expect(failure(validateAttachment(file, rules))).to.deep.equal(problem);
      });
    }
  });

  describe('validateAttachments', () => {
    const rules: AttachmentRules = {
      maxBytes: 100,
      maxFiles: 1,
      allowedTypes: [{ extension: 'pdf', mimeTypes: ['application/pdf'] }],
    };
    const ok = { name: 'a.pdf', size: 10, type: 'application/pdf' };
    const cases: [string, { name: string; size: number; type: string }[], number, unknown][] = [
      ['no files', [], 1, { ok: true, value: true }],
      ['one good file', [ok], 1, { ok: true, value: true }],
      ['two files when one is allowed', [ok, ok], 1, { code: 'attachment.too-many', max: 1 }],
      ['four files when three are allowed', [ok, ok, ok, ok], 3, { code: 'attachment.too-many', max: 3 }],
      ['three files when three are allowed', [ok, ok, ok], 3, { ok: true, value: true }],
      ['a file when none are allowed', [ok], 0, { code: 'attachment.too-many', max: 0 }],
      ['no files when none are allowed', [], 0, { ok: true, value: true }],
      [
        'the first failing file decides',
        [ok, { ...ok, size: 0 }, { ...ok, size: 1000 }],
        3,
        { code: 'attachment.empty' },
      ],
    ];
    for (const [label, files, maxFiles, expected] of cases) {
      it(label, () => {
        const result = validateAttachments(files, { ...rules, maxFiles });
        expect(result.ok ? result : failure(result)).to.deep.equal(expected);
      });
    }
  });
});
