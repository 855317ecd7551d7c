import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { Response, Test } from 'supertest';
import { startTestApp, type TestContext } from '../../../test/harness';
import { IS_PUBLIC } from './decorators';

interface Route {
  method: string;
  path: string;
}

/** Routes that answer without a session, by design. Anything else must ask for one. */
const PUBLIC_ROUTE = /^\/api\/(health|public\/.+|auth\/login|docs(\/.*)?|docs-json|docs-yaml)$/;
const ANY_ID = '3f2504e0-4f89-4d3a-9a0c-0305e82c3301';

/** Every route the Express app serves, as registered (Express 5 keeps them on `app.router`). */
function expressRoutes(t: TestContext): Route[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  const routes: Route[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods))
      if (on) routes.push({ method: method.toUpperCase(), path: layer.route.path });
  }
  return routes;
}

/** Every controller handler Nest knows, with its full path and whether it is marked @Public(). */
function controllerRoutes(t: TestContext): (Route & { isPublic: boolean })[] {
  const reflector = t.app.get(Reflector);
  const routes: (Route & { isPublic: boolean })[] = [];
  for (const mod of t.app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (sub === undefined || method === undefined) continue;
        const path = `/api/${[base, sub]
          .map((p) => p.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/')}`;
        const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]) === true;
        routes.push({ method: RequestMethod[method], path, isPublic });
      }
    }
  }
  return routes;
}

describe('every route needs a session unless it is public by design', () => {
  let t: TestContext;
  let routes: Route[];

  beforeAll(async () => {
    t = await startTestApp();
    routes = expressRoutes(t).filter((r) => r.path.startsWith('/api'));
  });
  afterAll(() => t.close());

  const call = (route: Route, cookie?: string): Promise<Response> => {
    const url = route.path.replace(/:[A-Za-z]+/g, ANY_ID);
    const agent = t.http();
    const clients: Record<string, () => Test> = {
      GET: () => agent.get(url),
      POST: () => agent.post(url).send({}),
      PUT: () => agent.put(url).send({}),
      PATCH: () => agent.patch(url).send({}),
      DELETE: () => agent.delete(url),
    };
    const client = clients[route.method];
    if (!client) throw new Error(`no client for ${route.method} ${route.path}`);
    return cookie ? client().set('Cookie', cookie) : client();
  };

  it('finds the routes from the running app (and Nest agrees with Express about them)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const fromNest = controllerRoutes(t);
    expect(fromNest.length).toBeGreaterThanOrEqual(25);
    const key = (r: Route) => `${r.method} ${r.path}`;
    const served = new Set(routes.map(key));
    expect(fromNest.map(key).filter((k) => !served.has(k))).toEqual([]);
  });

  it('marks @Public() exactly the routes meant to be public', () => {
    const wrong = controllerRoutes(t)
      .filter((r) => r.isPublic !== PUBLIC_ROUTE.test(r.path))
      .map((r) => `${r.method} ${r.path} (@Public: ${r.isPublic})`);
    expect(wrong).toEqual([]);
  });

  it('answers 401 to every other route without a session, and with a made-up session', async () => {
    const protectedRoutes = routes.filter((r) => !PUBLIC_ROUTE.test(r.path));
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(20);
    const answers: string[] = [];
    for (const route of protectedRoutes) {
      const anonymous = await call(route);
      const forged = await call(route, 'unidos_session=Zm9yZ2VkLXNlc3Npb24tdG9rZW4tdGhhdC1pcy1ub3QtcmVhbA');
      answers.push(`${route.method} ${route.path} -> ${anonymous.status}/${forged.status}`);
    }
    expect(answers).toEqual(protectedRoutes.map((r) => `${r.method} ${r.path} -> 401/401`));
  });

  it('answers the public routes without asking for a session', async () => {
    const publicRoutes = routes.filter((r) => PUBLIC_ROUTE.test(r.path));
    const paths = publicRoutes.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/public/applications',
        'GET /api/public/options',
        'POST /api/auth/login',
      ]),
    );
    for (const route of publicRoutes) {
      const res = await call(route);
      expect({ route: `${route.method} ${route.path}`, unauthorized: res.status === 401 }).toEqual({
        route: `${route.method} ${route.path}`,
        unauthorized: false,
      });
      expect(res.status).toBeLessThan(500);
    }
    expect((await t.http().get('/api/health')).body).toEqual({ status: 'ok' });
  });

  it('answers an unexpected failure with a 500 that carries only a code, a message and the request id', async () => {
    const agent = await t.as(await t.createUser('alliance_admin'));
    // Make the database refuse the app role, as a broken deployment would.
    await t.sql.query('REVOKE SELECT ON region FROM unidos_app');
    try {
      const res = await agent.get('/api/regions');
      expect(res.status).toBe(500);
      expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'requestId', 'statusCode']);
      expect(res.body).toMatchObject({
        statusCode: 500,
        code: 'error.internal',
        requestId: res.get('X-Request-Id'),
      });
      expect(res.body.message).toBe(
        `Something went wrong on our side. It has been logged with request id ${res.get('X-Request-Id')}.`,
      );
      expect(res.text).not.toMatch(/permission denied|QueryFailedError|region|at .*\.ts|node_modules/i);
    } finally {
      await t.sql.query('GRANT SELECT ON region TO unidos_app');
    }
    expect((await agent.get('/api/regions')).status).toBe(200);
  });
});
