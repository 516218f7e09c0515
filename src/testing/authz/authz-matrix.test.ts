import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ratingSettingsOf } from '../../modules/ratings/rating-settings.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { vietnameseLetters } from '../fuzz/hostile.ts';
import { useTestApp } from '../test-app.ts';
import { testDatabaseKinds } from '../test-db.ts';
import { xlsxText } from './export-text.ts';
import { type Fixtures, makeFixtures, signUpCitizenB } from './fixtures.ts';
import {
  type Caller,
  callerOf,
  citizenB,
  outOfScope,
  type PrincipalName,
  principalEmails,
  principalNames,
  privateRecordIndex,
  stringsIn,
  wardOfficerUnits,
} from './principals.ts';
import { expectedFor, registeredRoutes, routeAccess } from './route-access.ts';
import {
  loadTargets,
  minimalBody,
  type OpenApiOperation,
  pathValues,
  queryString,
} from './route-requests.ts';

/**
 * The generated authorisation matrix (issue 8 §3): every route the router knows × every kind of caller, against
 * the audience `route-access.ts` declares for it. Path parameters name records of scope A (phường Vị Thanh, its
 * desk, the demo citizen). A caller outside the route's audience, or inside it but outside the record's scope, must
 * be refused (401/403/404 with a Vietnamese message) and change nothing; a caller inside may read, and no answer
 * may carry a private record (dossier, feedback, payment, notification, meeting, document…) outside the caller's
 * scope. Writes are sent only where a refusal is expected: the allowed writes are each module's own tests.
 */
const VOLATILE_TABLES = new Set(['interop_rejections', 'sessions', 'login_attempts']);

describe.each(testDatabaseKinds())('authorisation matrix on %s', (kind) => {
  const t = useTestApp(kind);

  it('refuses every route outside its audience and scope, and leaks no record', {
    timeout: 600_000,
  }, async () => {
    await t.app.ready();
    const db = t.database.db;
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, OpenApiOperation>> };
    const routes = registeredRoutes(t.app);
    const discover = process.env.AUTHZ_DISCOVER === '1';
    const unclassified = discover ? [] : routes.filter((r) => !routeAccess[r]);
    expect(unclassified, 'routes without a declared audience in src/testing/authz/route-access.ts').toEqual(
      [],
    );
    const stale = Object.keys(discover ? {} : routeAccess).filter((r) => !routes.includes(r));
    expect(stale, 'declared routes the app no longer has').toEqual([]);

    const cookies: Partial<Record<PrincipalName, string>> = {};
    for (const [name, email] of Object.entries(principalEmails)) {
      cookies[name as PrincipalName] = await t.login(email);
    }
    cookies.citizenB = await signUpCitizenB(t);
    const fixtures: Fixtures = await makeFixtures(t, {
      deskA: cookies.deskA as string,
      deskOtherUnit: cookies.deskOtherUnit as string,
      clerkA: cookies.clerkA as string,
      citizenA: cookies.citizenA as string,
    });
    const callers: Caller[] = [];
    for (const name of principalNames) {
      const email =
        name === 'anonymous' ? null : name === 'citizenB' ? citizenB.email : principalEmails[name];
      callers.push(await callerOf(db, name, email, cookies[name]));
    }
    wardOfficerUnits.add(fixtures.unitA).add(fixtures.unitB);
    const records = await privateRecordIndex(db);
    const targets = await loadTargets(db, fixtures);
    await ratingSettingsOf(db);
    const tables = (
      await rawRows<{ name: string }>(
        db,
        sql`select table_name as name from information_schema.tables
              where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      )
    ).map((r) => r.name);
    const snapshot = async () => {
      const query = tables
        .filter((name) => !VOLATILE_TABLES.has(name))
        .map(
          (name) =>
            `select '${name}' as t, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text as v from "${name}"`,
        )
        .join(' union all ');
      const rows = await rawRows<{ t: string; v: string }>(db, sql.raw(query));
      return new Map(rows.map((r) => [r.t, r.v]));
    };

    const failures: string[] = [];
    const statuses = new Map<string, string[]>();
    let checks = 0;
    const refusals = new Map<number, number>();
    let recordsChecked = 0;
    let exportsChecked = 0;
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      const access = routeAccess[route] ?? (discover ? { audience: 'public' as const } : undefined);
      if (!access) continue;
      if (discover && method !== 'GET') continue;
      const url = pathValues(path, fixtures, targets) + queryString(op, fixtures);
      for (const caller of callers) {
        const expected = expectedFor(access, caller.name);
        const writes = method !== 'GET';
        if (writes && expected !== 'refused') continue;
        // Signing out would end the session the next requests rely on.
        if (path === '/api/auth/logout' && caller.cookie) continue;
        const before = writes ? await snapshot() : undefined;
        const body = writes ? minimalBody(op, fixtures) : undefined;
        const response: LightMyRequestResponse = await t.request({
          method: method as 'GET',
          url,
          ...(body !== undefined ? { payload: body as object } : {}),
          ...(caller.cookie ? { cookie: caller.cookie } : {}),
        });
        checks++;
        const where = `${route} as ${caller.name} (${response.statusCode})`;
        if (discover) {
          statuses.set(route, [...(statuses.get(route) ?? []), `${caller.name}:${response.statusCode}`]);
          if (response.statusCode === 400 && caller.name === 'admin')
            console.log('400', url, response.body.slice(0, 300));
          continue;
        }
        if (response.statusCode >= 500) failures.push(`${where}: ${response.body.slice(0, 200)}`);
        if (expected === 'refused') {
          if (![401, 403, 404].includes(response.statusCode) && !(writes && response.statusCode === 400))
            failures.push(`${where}: expected a refusal`);
          else refusals.set(response.statusCode, (refusals.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode === 400 && process.env.AUTHZ_VERBOSE === '1')
            console.log(`${where}: ${response.body.slice(0, 240)}`);
          if (response.statusCode >= 400) {
            const message = safeJson(response)?.error?.message;
            if (typeof message !== 'string' || !vietnameseLetters.test(message))
              failures.push(`${where}: refusal without a Vietnamese message`);
          }
          if (caller.name === 'anonymous' && response.statusCode === 403 && access.audience !== 'public')
            failures.push(`${where}: anonymous should be asked to sign in (401)`);
        } else if (expected === 'allowed' && (response.statusCode === 401 || response.statusCode === 403)) {
          failures.push(`${where}: expected access`);
        }
        if (before) {
          const after = await snapshot();
          const changed = tables.filter((n) => before.get(n) !== after.get(n));
          if (changed.length) failures.push(`${where}: refused write changed ${changed.join(', ')}`);
        }
        const type = String(response.headers['content-type'] ?? '');
        if (response.statusCode < 300 && type.includes('spreadsheetml')) {
          // Exported rows: every private record's code or id the export names must be the caller's to see.
          const text = await xlsxText(response.rawPayload);
          exportsChecked++;
          for (const [value, record] of records) {
            if (!text.includes(value)) continue;
            recordsChecked++;
            const leak = outOfScope(caller, record);
            if (leak && !access.shows?.includes(record.table))
              failures.push(`${where}: export shows ${value} (${leak})`);
          }
        }
        if (response.statusCode < 300 && type.includes('json')) {
          for (const value of stringsIn(safeJson(response))) {
            const record = records.get(value);
            if (!record) continue;
            recordsChecked++;
            const leak = outOfScope(caller, record);
            if (leak && !access.shows?.includes(record.table))
              failures.push(`${where}: leaks ${value} (${leak})`);
          }
        }
      }
    }
    if (discover) {
      console.log(routes.map((r) => `ROUTE ${r}`).join('\n'));
      console.log([...statuses.entries()].map(([r, s]) => `${r}\t${s.join(' ')}`).join('\n'));
      return;
    }
    console.log(
      `authorisation matrix on ${kind}: ${routes.length} routes × ${callers.length} principals = ${checks} checks ` +
        `(refusals by status: ${[...refusals].map(([status, n]) => `${status} × ${n}`).join(', ')}; ` +
        `${recordsChecked} private records in ${exportsChecked} Excel exports and the JSON answers checked against ` +
        `the caller's scope), ` +
        `${failures.length} leaks or wrong answers`,
    );
    expect(failures).toEqual([]);
  });
});

function safeJson(response: LightMyRequestResponse): { error?: { message?: unknown } } | undefined {
  try {
    return response.json();
  } catch {
    return undefined;
  }
}
