import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import type { EventDetailDto, EventHostDto, RsvpDto } from '@unidos/contracts';
import type { TestContext, TestUser } from './harness';

/** Shared arrangements for the joint-events specs: sessions, events with accepted co-hosts, RSVPs. */

export const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

/** An instant `days` from now at `hour`:00 UTC, as ISO text. */
export const inDays = (days: number, hour = 17): string => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

/** One signed-in agent per user for the whole file (signing in costs an argon2 verification). */
export function sessions(t: TestContext): (user: TestUser) => Promise<TestAgent> {
  const cache = new Map<string, Promise<TestAgent>>();
  return (user) => {
    let agent = cache.get(user.id);
    if (!agent) {
      agent = t.as(user);
      cache.set(user.id, agent);
    }
    return agent;
  };
}

export interface Coalition {
  orgs: string[];
  coordinators: TestUser[];
}

/** Active member organizations, each with a coordinator. */
export async function coalition(t: TestContext, names: string[]): Promise<Coalition> {
  const orgs: string[] = [];
  const coordinators: TestUser[] = [];
  for (const name of names) {
    const id = await t.createOrganization({ name: unique(name) });
    orgs.push(id);
    coordinators.push(await t.createUser('org_coordinator', id));
  }
  return { orgs, coordinators };
}

export const eventBody = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: unique('Rally for legalization'),
  kind: 'rally',
  startsAt: inDays(5),
  endsAt: inDays(5, 20),
  timeZone: 'America/Chicago',
  venue: 'Union Park',
  city: 'Chicago',
  state: 'IL',
  status: 'published',
  ...fields,
});

/** Creates an event as `agent` and makes every co-host accept (through its own coordinator). */
export async function eventWithHosts(
  agent: TestAgent,
  session: (user: TestUser) => Promise<TestAgent>,
  fields: Record<string, unknown>,
  coHosts: { org: string; coordinator: TestUser }[] = [],
): Promise<EventDetailDto> {
  const res = await agent.post('/api/events').send(eventBody({ coHostIds: coHosts.map((h) => h.org), ...fields }));
  if (res.status !== 201) throw new Error(`event create: ${res.status} ${JSON.stringify(res.body)}`);
  const event = res.body as EventDetailDto;
  for (const h of coHosts) {
    const row = event.hosts.find((x) => x.organizationId === h.org) as EventHostDto;
    const accepted = await (await session(h.coordinator)).put(`/api/event-hosts/${row.id}`).send({ version: row.version, status: 'accepted' });
    if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
  return event;
}

export async function rsvp(agent: TestAgent, body: Record<string, unknown>): Promise<RsvpDto> {
  const res = await agent.post('/api/rsvps').send(body);
  if (res.status !== 201) throw new Error(`rsvp: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as RsvpDto;
}

export async function person(agent: TestAgent, displayName: string): Promise<string> {
  const res = await agent.post('/api/people').send({ displayName, preferredLanguage: 'es' });
  if (res.status !== 201) throw new Error(`person: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}
