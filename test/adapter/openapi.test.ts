/**
 * Checks api/openapi.yaml against the HTTP contract table and the TypeScript types, with a light
 * indentation-based reading of the YAML (the document keeps a strict two-space layout: paths at
 * indent 2, methods at 4, `responses` at 6, status codes at 8; schemas at 4 under `components`).
 */
import { expect } from '@open-wc/testing';
import type { Problem } from '../../src/adapter/problem.js';
import type { AttachmentRules, AttachmentType, ServerConfig } from '../../src/domain/config.js';
import type { ConversationFilters, SearchQuery, SearchResult, Sort } from '../../src/domain/query.js';
import type {
  Attachment,
  Capabilities,
  Conversation,
  ConversationSummary,
  Department,
  HistoryEntry,
  Message,
  Organisation,
  Subject,
  User,
  UserRef,
} from '../../src/domain/types.js';

interface Line {
  indent: number;
  key: string;
  text: string;
}

function lines(yaml: string): Line[] {
  return yaml
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    .map((text) => {
      const indent = text.length - text.trimStart().length;
      const match = /^\s*(-\s+)?('[^']*'|"[^"]*"|[^:\s][^:]*?):(\s|$)/.exec(text);
      const key = match ? match[2].replace(/^['"]|['"]$/g, '') : '';
      return { indent, key, text };
    });
}

/** The lines of the block that starts at `start` (the child lines, deeper than the start line). */
function block(all: Line[], start: number): Line[] {
  const result: Line[] = [];
  for (let i = start + 1; i < all.length && all[i].indent > all[start].indent; i++) result.push(all[i]);
  return result;
}

/** Child keys of the mapping under line `start`. */
function childKeys(all: Line[], start: number): string[] {
  const children = block(all, start);
  if (children.length === 0) return [];
  const indent = children[0].indent;
  return children.filter((l) => l.indent === indent && !l.text.trimStart().startsWith('-')).map((l) => l.key);
}

function topLevel(all: Line[], key: string, indent = 0, within: Line[] = all): Line[] {
  const at = within.findIndex((l) => l.indent === indent && l.key === key);
  expect(at, `no "${key}" at indent ${indent}`).to.be.greaterThan(-1);
  return block(within, at);
}

interface Operation {
  method: string;
  path: string;
  statuses: string[];
  /** Text of each response, by status. */
  responses: Map<string, string>;
  text: string;
  pathText: string;
}

function operations(all: Line[]): Map<string, Operation> {
  const paths = topLevel(all, 'paths');
  const result = new Map<string, Operation>();
  paths.forEach((line, i) => {
    if (line.indent !== 2 || !line.key.startsWith('/')) return;
    const pathLines = block(paths, i);
    const pathText = pathLines
      .filter((l) => l.indent === 4 || l.indent === 6 || l.indent === 8)
      .map((l) => l.text)
      .join('\n');
    pathLines.forEach((methodLine, j) => {
      if (methodLine.indent !== 4 || !['get', 'post', 'put', 'patch', 'delete'].includes(methodLine.key))
        return;
      const opLines = block(pathLines, j);
      const responsesAt = opLines.findIndex((l) => l.indent === 6 && l.key === 'responses');
      const statuses = responsesAt < 0 ? [] : childKeys(opLines, responsesAt);
      const responses = new Map<string, string>();
      if (responsesAt >= 0) {
        const responseLines = block(opLines, responsesAt);
        responseLines.forEach((r, k) => {
          if (r.indent === 8)
            responses.set(
              r.key,
              block(responseLines, k)
                .map((l) => l.text)
                .join('\n'),
            );
        });
      }
      result.set(`${methodLine.key.toUpperCase()} ${line.key}`, {
        method: methodLine.key.toUpperCase(),
        path: line.key,
        statuses,
        responses,
        text: opLines.map((l) => l.text).join('\n'),
        pathText,
      });
    });
  });
  return result;
}

function componentSection(all: Line[], section: string): Line[] {
  return topLevel(all, section, 2, topLevel(all, 'components'));
}

function componentNames(all: Line[], section: string): string[] {
  return componentSection(all, section)
    .filter((l) => l.indent === 4)
    .map((l) => l.key);
}

function componentText(all: Line[], section: string, name: string): string {
  const lines = componentSection(all, section);
  const at = lines.findIndex((l) => l.indent === 4 && l.key === name);
  expect(at, `${section}.${name}`).to.be.greaterThan(-1);
  return block(lines, at)
    .map((l) => l.text)
    .join('\n');
}

/** Property names of a schema, following `allOf` references. */
function schemaProperties(all: Line[], name: string): string[] {
  const lines = componentSection(all, 'schemas');
  const at = lines.findIndex((l) => l.indent === 4 && l.key === name);
  expect(at, `schema ${name}`).to.be.greaterThan(-1);
  const schema = block(lines, at);
  const names: string[] = [];
  schema.forEach((l, i) => {
    if (l.key === 'properties' && (l.indent === 6 || l.indent === 10)) names.push(...childKeys(schema, i));
  });
  const allOfAt = schema.findIndex((l) => l.indent === 6 && l.key === 'allOf');
  if (allOfAt >= 0) {
    for (const item of block(schema, allOfAt)) {
      const ref = /^\s{8}- \$ref: '#\/components\/schemas\/(\w+)'/.exec(item.text);
      if (ref) names.push(...schemaProperties(all, ref[1]));
    }
  }
  return names.sort();
}

const ALL_5XX = '5XX';
const CONTRACT: { op: string; statuses: string[] }[] = [
  { op: 'GET /me', statuses: ['200', '401', ALL_5XX] },
  { op: 'GET /subjects', statuses: ['200', '401', ALL_5XX] },
  { op: 'GET /organisations', statuses: ['200', '401', ALL_5XX] },
  { op: 'GET /config', statuses: ['200', '401', ALL_5XX] },
  { op: 'POST /conversations/search', statuses: ['200', '400', '401', '403', '415', '422', ALL_5XX] },
  { op: 'GET /conversations/{number}', statuses: ['200', '401', '404', ALL_5XX] },
  { op: 'POST /conversations', statuses: ['201', '400', '401', '403', '413', '415', '422', ALL_5XX] },
  {
    op: 'POST /conversations/{number}/messages',
    statuses: ['201', '400', '401', '403', '404', '413', '415', '422', ALL_5XX],
  },
  {
    op: 'POST /conversations/{number}/claim',
    statuses: ['200', '401', '403', '404', '409', '412', '428', ALL_5XX],
  },
  {
    op: 'POST /conversations/{number}/release',
    statuses: ['200', '401', '403', '404', '409', '412', '428', ALL_5XX],
  },
  {
    op: 'POST /conversations/{number}/take-over',
    statuses: ['200', '401', '403', '404', '409', '412', '428', ALL_5XX],
  },
  {
    op: 'POST /conversations/{number}/close',
    statuses: ['200', '401', '403', '404', '409', '412', '428', ALL_5XX],
  },
  { op: 'GET /notices/count', statuses: ['200', '401', ALL_5XX] },
  { op: 'GET /events', statuses: ['200', '401', '404', ALL_5XX] },
  { op: 'GET /conversations/{number}/attachments/{attachmentId}', statuses: ['200', '401', '404', ALL_5XX] },
];

const keys = <T>(record: Record<keyof T, true>): string[] => Object.keys(record).sort();

const SUMMARY_KEYS: Record<keyof ConversationSummary, true> = {
  number: true,
  subject: true,
  status: true,
  lastActivityAt: true,
  assignee: true,
  organisation: true,
  waitingSince: true,
};

/** Property names per schema, checked against the TypeScript types at compile time. */
const SCHEMA_KEYS: { schema: string; keys: string[] }[] = [
  {
    schema: 'Organisation',
    keys: keys<Organisation>({ customerNumber: true, organisationNumber: true, name: true }),
  },
  { schema: 'UserRef', keys: keys<UserRef>({ id: true, name: true, side: true }) },
  {
    schema: 'Capabilities',
    keys: keys<Capabilities>({
      canClose: true,
      canAssign: true,
      canChooseOrganisation: true,
      canSeeAllDepartments: true,
    }),
  },
  { schema: 'Department', keys: keys<Department>({ id: true, name: true, subjectIds: true }) },
  {
    schema: 'User',
    keys: keys<User>({
      id: true,
      name: true,
      side: true,
      organisation: true,
      department: true,
      capabilities: true,
    }),
  },
  { schema: 'Subject', keys: keys<Subject>({ id: true, name: true }) },
  { schema: 'AttachmentType', keys: keys<AttachmentType>({ extension: true, mimeTypes: true }) },
  {
    schema: 'AttachmentRules',
    keys: keys<AttachmentRules>({ maxBytes: true, maxFiles: true, allowedTypes: true }),
  },
  {
    schema: 'ServerConfig',
    keys: keys<ServerConfig>({ attachments: true, messageMaxLength: true, expectedReplyWorkingDays: true }),
  },
  {
    schema: 'ConversationFilters',
    keys: keys<ConversationFilters>({
      subjectId: true,
      messageNumber: true,
      assigneeId: true,
      text: true,
      statuses: true,
      customerNumber: true,
      departmentOnly: true,
      unassigned: true,
    }),
  },
  { schema: 'Sort', keys: keys<Sort>({ key: true, direction: true }) },
  {
    schema: 'SearchQuery',
    keys: keys<SearchQuery>({ filters: true, sort: true, page: true, pageSize: true }),
  },
  {
    schema: 'SearchResult',
    keys: keys<SearchResult>({ items: true, total: true, page: true, pageSize: true }),
  },
  { schema: 'Attachment', keys: keys<Attachment>({ id: true, name: true, size: true, mimeType: true }) },
  {
    schema: 'Message',
    keys: keys<Message>({ id: true, author: true, sentAt: true, body: true, attachments: true }),
  },
  {
    schema: 'HistoryEntry',
    keys: keys<HistoryEntry>({ action: true, actor: true, at: true, previousAssignee: true }),
  },
  { schema: 'ConversationSummary', keys: keys<ConversationSummary>(SUMMARY_KEYS) },
  {
    schema: 'Conversation',
    keys: keys<Conversation>({ ...SUMMARY_KEYS, messages: true, history: true, version: true }),
  },
  {
    schema: 'Problem',
    keys: keys<Problem>({
      type: true,
      title: true,
      status: true,
      detail: true,
      errors: true,
      assignee: true,
      version: true,
      maxBytes: true,
    }),
  },
];

describe('api/openapi.yaml', () => {
  let yaml = '';
  let all: Line[] = [];
  let ops = new Map<string, Operation>();

  before(async () => {
    const response = await fetch('/api/openapi.yaml', { cache: 'no-store' });
    expect(response.ok).to.equal(true);
    yaml = await response.text();
    all = lines(yaml);
    ops = operations(all);
  });

  it('is an OpenAPI 3.1 document with the default base path', () => {
    expect(all[0].text).to.match(/^openapi: 3\.1\.\d+$/);
    expect(yaml).to.contain('- url: /api/secure-messages/v1');
    expect(yaml).not.to.contain('\t');
  });

  it('has exactly the operations of the contract', () => {
    expect([...ops.keys()].sort()).to.deep.equal(CONTRACT.map((c) => c.op).sort());
  });

  for (const c of CONTRACT) {
    it(`${c.op} answers ${c.statuses.join(', ')}`, () => {
      const op = ops.get(c.op);
      expect(op, c.op).not.to.equal(undefined);
      expect(op?.statuses.slice().sort()).to.deep.equal(c.statuses.slice().sort());
      expect(op?.text).to.match(/operationId: \w+/);
    });
  }

  it('puts no data in query parameters; search text only in the POST body', () => {
    expect(yaml).not.to.match(/in: query/);
    const search = ops.get('POST /conversations/search');
    expect(search?.text).to.contain("$ref: '#/components/schemas/SearchQuery'");
    expect(search?.text).to.contain('application/json');
    expect(search?.text).to.match(/never in a URL/);
  });

  it('sends are multipart with a required Idempotency-Key, and say how replays are answered', () => {
    for (const op of ['POST /conversations', 'POST /conversations/{number}/messages']) {
      const text = ops.get(op)?.text ?? '';
      expect(text, op).to.contain('multipart/form-data');
      expect(text, op).to.contain("$ref: '#/components/parameters/IdempotencyKey'");
      expect(text, op).to.contain("$ref: '#/components/headers/ETag'");
      expect(text, op).to.contain("$ref: '#/components/headers/IdempotentReplayed'");
    }
    expect(ops.get('POST /conversations')?.text).to.contain("$ref: '#/components/headers/Location'");
    expect(schemaProperties(all, 'NewConversationForm')).to.deep.equal([
      'body',
      'files',
      'organisationCustomerNumber',
      'subjectId',
    ]);
    expect(schemaProperties(all, 'ReplyForm')).to.deep.equal(['body', 'files']);
    const key = componentText(all, 'parameters', 'IdempotencyKey');
    expect(key).to.contain('name: Idempotency-Key');
    expect(key).to.contain('in: header');
    expect(key).to.contain('required: true');
  });

  it('assignment writes and close require If-Match and answer the conversation with an ETag', () => {
    for (const action of ['claim', 'release', 'take-over', 'close']) {
      const text = ops.get(`POST /conversations/{number}/${action}`)?.text ?? '';
      expect(text, action).to.contain("$ref: '#/components/parameters/IfMatch'");
      expect(text, action).to.contain("$ref: '#/components/responses/ConversationChanged'");
    }
    expect(componentText(all, 'responses', 'ConversationChanged')).to.contain(
      "$ref: '#/components/headers/ETag'",
    );
    const ifMatch = componentText(all, 'parameters', 'IfMatch');
    expect(ifMatch).to.contain('name: If-Match');
    expect(ifMatch).to.contain('required: true');
    expect(ops.get('GET /conversations/{number}')?.text).to.contain("$ref: '#/components/headers/ETag'");
  });

  it('operations under /conversations/{number} declare the path parameter', () => {
    for (const op of ops.values()) {
      if (op.path.includes('{number}'))
        expect(op.pathText, op.path).to.contain("$ref: '#/components/parameters/MessageNumber'");
      if (op.path.includes('{attachmentId}'))
        expect(op.pathText).to.contain("$ref: '#/components/parameters/AttachmentId'");
    }
  });

  it('live updates are an event stream whose events carry numbers, versions and counts only', () => {
    const text = ops.get('GET /events')?.text ?? '';
    expect(text).to.contain('text/event-stream');
    expect(text).to.contain('name: Last-Event-ID');
    expect(schemaProperties(all, 'ConversationChangeEvent')).to.deep.equal(['number', 'version']);
    expect(schemaProperties(all, 'NoticeCountEvent')).to.deep.equal(['count']);
    for (const schema of ['ConversationChangeEvent', 'NoticeCountEvent', 'EmptyEvent'])
      expect(componentText(all, 'schemas', schema), schema).to.contain('additionalProperties: false');
  });

  it('downloads are octet-stream with Content-Disposition filename*', () => {
    const text = ops.get('GET /conversations/{number}/attachments/{attachmentId}')?.text ?? '';
    expect(text).to.contain('application/octet-stream');
    expect(text).to.contain("$ref: '#/components/headers/ContentDisposition'");
    expect(componentText(all, 'headers', 'ContentDisposition')).to.contain("filename*=UTF-8''");
  });

  it('every response carries Cache-Control: no-store; 5xx documents Retry-After', () => {
    for (const name of componentNames(all, 'responses')) {
      expect(componentText(all, 'responses', name), name).to.contain(
        "$ref: '#/components/headers/CacheControl'",
      );
    }
    let inline = 0;
    for (const op of ops.values()) {
      for (const [status, text] of op.responses) {
        if (/^\s*\$ref: '#\/components\/responses\/\w+'$/.test(text)) continue;
        inline++;
        expect(text, `${op.method} ${op.path} ${status}`).to.contain(
          "$ref: '#/components/headers/CacheControl'",
        );
      }
    }
    expect(inline).to.be.greaterThan(10);
    expect(componentText(all, 'headers', 'CacheControl')).to.contain('const: no-store');
    expect(componentText(all, 'responses', 'ServerError')).to.contain(
      "$ref: '#/components/headers/RetryAfter'",
    );
    expect(componentText(all, 'headers', 'RetryAfter')).to.contain('HTTP date');
  });

  it('documents every header of the contract', () => {
    const headers = componentNames(all, 'headers');
    expect(headers).to.include.members([
      'CacheControl',
      'ETag',
      'Location',
      'IdempotentReplayed',
      'RetryAfter',
      'ContentDisposition',
    ]);
    const parameters = componentNames(all, 'parameters');
    expect(parameters).to.include.members(['IdempotencyKey', 'IfMatch', 'MessageNumber', 'AttachmentId']);
  });

  it('error responses are problem+json', () => {
    for (const name of componentNames(all, 'responses').filter((n) => n !== 'ConversationChanged')) {
      const text = componentText(all, 'responses', name);
      expect(text, name).to.contain('application/problem+json');
      expect(text, name).to.contain("$ref: '#/components/schemas/Problem'");
    }
  });

  it('every $ref points at a defined component', () => {
    const refs = new Set(
      [...yaml.matchAll(/\$ref: '#\/components\/(\w+)\/(\w+)'/g)].map((m) => `${m[1]}/${m[2]}`),
    );
    expect(refs.size).to.be.greaterThan(20);
    for (const ref of refs) {
      const [section, name] = ref.split('/');
      expect(componentNames(all, section), ref).to.include(name);
    }
  });

  for (const c of SCHEMA_KEYS) {
    it(`schema ${c.schema} has the properties of the TypeScript type`, () => {
      expect(schemaProperties(all, c.schema)).to.deep.equal(c.keys);
    });
  }

  it('status and side enums match the domain', async () => {
    const { STATUSES } = await import('../../src/domain/status.js');
    const { SIDES, HISTORY_ACTIONS } = await import('../../src/domain/types.js');
    expect(componentText(all, 'schemas', 'Status')).to.contain(`enum: [${STATUSES.join(', ')}]`);
    expect(componentText(all, 'schemas', 'Side')).to.contain(`enum: [${SIDES.join(', ')}]`);
    expect(componentText(all, 'schemas', 'HistoryEntry')).to.contain(`enum: [${HISTORY_ACTIONS.join(', ')}]`);
  });
});
