import { describe, expect, it } from 'vitest';
import { inlineRootReference } from '../../src/mcp/advisor-mcp-server.ts';

describe('inlineRootReference', () => {
  it('inlines the definition a root $ref points at and keeps the other definitions', () => {
    expect(
      inlineRootReference({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $ref: '#/$defs/Request',
        $defs: {
          Request: { type: 'object', properties: { tried: { $ref: '#/$defs/Tried' } } },
          Tried: { type: 'string' },
        },
      }),
    ).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { tried: { $ref: '#/$defs/Tried' } },
      $defs: { Tried: { type: 'string' } },
    });
  });

  it('leaves a schema alone when the root definition is referred to elsewhere (recursion) or there is no root $ref', () => {
    const recursive = {
      $ref: '#/$defs/Node',
      $defs: { Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' } } } },
    };
    expect(inlineRootReference(recursive)).toBe(recursive);
    const plain = { type: 'object', properties: {} };
    expect(inlineRootReference(plain)).toBe(plain);
  });
});
