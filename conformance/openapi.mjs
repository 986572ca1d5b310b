/**
 * Validates responses against api/openapi.yaml with Ajv (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1): finds the operation by method and path template, the response by status (exact,
 * then 4XX/5XX, then default), and checks the body against that response's schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule;
const DOCUMENT_ID = 'openapi.json';
/** The contract packed beside the kit (package.json's prepack copies it, postpack removes it). */
const PACKED = new URL('openapi.yaml', import.meta.url);
/** The contract in the repository, where the kit runs unpacked. */
const REPOSITORY = new URL('../api/openapi.yaml', import.meta.url);

/** @param {string} segment */
const escapePointer = (segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export class ResponseValidator {
  /** @param {string | URL} specPath */
  constructor(specPath = existsSync(PACKED) ? PACKED : REPOSITORY) {
    this.document = parse(readFileSync(specPath, 'utf8'));
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...this.document, $id: DOCUMENT_ID });
    /** @type {Map<string, import('ajv').ValidateFunction>} */
    this.compiled = new Map();
    this.paths = Object.keys(this.document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /**
   * @param {string} name a schema of `components/schemas`
   * @param {unknown} value
   * @returns {string | null} what is wrong, or null
   */
  checkSchema(name, value) {
    const pointer = `#/components/schemas/${escapePointer(name)}`;
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (validate(value)) return null;
    return (validate.errors ?? [])
      .slice(0, 3)
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
      .join('; ');
  }

  /** @param {string} ref */
  #resolve(ref) {
    let node = this.document;
    for (const part of ref.replace(/^#\//, '').split('/')) {
      node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node;
  }

  /**
   * @param {{ method: string, path: string, status: number, contentType: string, body: unknown }} response
   *   `path` is relative to the base URL; `body` is parsed JSON, or undefined for other bodies.
   * @returns {string | null} what is wrong, or null
   */
  check({ method, path, status, contentType, body }) {
    const found = this.paths.find((p) => p.pattern.test(path));
    if (!found) return `${path} is not in the contract`;
    const m = method.toLowerCase();
    const operation = this.document.paths[found.template][m];
    if (!operation) return `${method} ${found.template} is not in the contract`;
    const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find(
      (key) => operation.responses[key] !== undefined,
    );
    if (!statusKey) return `${method} ${found.template} does not declare ${status}`;
    let response = operation.responses[statusKey];
    let pointer = `#/paths/${escapePointer(found.template)}/${m}/responses/${escapePointer(statusKey)}`;
    if (response.$ref) {
      pointer = response.$ref;
      response = this.#resolve(response.$ref);
    }
    const contents = Object.keys(response.content ?? {});
    if (contents.length === 0) return null;
    const type = contentType.split(';')[0].trim().toLowerCase();
    // The media type itself is judged by its own rules (problem details, downloads); here the
    // body is checked against the declared schema.
    const media = contents.includes(type) ? type : contents[0];
    if (!/json/.test(media)) return null;
    if (body === undefined) return `${method} ${found.template} ${status}: the body is not JSON`;
    const schemaPointer = `${pointer}/content/${escapePointer(media)}/schema`;
    let validate = this.compiled.get(schemaPointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${schemaPointer}` });
      this.compiled.set(schemaPointer, validate);
    }
    if (validate(body)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 3)
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
      .join('; ');
    return `${method} ${found.template} ${status}: ${errors}`;
  }
}
