import { createRoute } from '@hono/zod-openapi';
import { NotFoundError } from '../../errors.ts';
import type { Method } from '../../knowledge/schemas.ts';
import { errorResponses, jsonResponse } from '../openapi-helpers.ts';
import { MethodIdParam, MethodSchema, MethodsResponse } from '../schemas.ts';
import type { App, AppDeps } from '../types.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/v1/methods',
  tags: ['knowledge'],
  summary: 'The methods table (13 adaptation methods)',
  responses: { 200: jsonResponse(MethodsResponse, 'Every method, in the stable id order'), ...errorResponses(500) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/methods/{id}',
  tags: ['knowledge'],
  summary: 'One method by id',
  request: { params: MethodIdParam },
  responses: { 200: jsonResponse(MethodSchema, 'The method'), ...errorResponses(404, 500) },
});

/** GET /v1/methods and GET /v1/methods/{id} (404 JSON naming the valid ids for an unknown id). */
export function registerMethodRoutes(app: App, deps: AppDeps): void {
  app.openapi(listRoute, (c) =>
    c.json({ methods: deps.knowledge.methods as Method[], knowledgeVersion: deps.knowledge.version }, 200),
  );
  app.openapi(getRoute, (c) => {
    const { id } = c.req.valid('param');
    const method = deps.knowledge.methods.find((candidate) => candidate.id === id);
    if (!method) {
      const ids = deps.knowledge.methods.map((candidate) => candidate.id).join(', ');
      throw new NotFoundError(`No method with id "${id}"`, [{ path: 'params.id', message: `use one of: ${ids}` }]);
    }
    return c.json(method as Method, 200);
  });
}
