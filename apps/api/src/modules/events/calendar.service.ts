import { Injectable } from '@nestjs/common';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { CalendarFeedsDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { NO_CONTEXT, TenantTransaction, setContext } from '@api/common/database/tenant-transaction';
import { notFound } from '@api/common/errors/domain-error';
import type { EventEntity } from './entities/event.entity';
import { EventsService } from './events.service';

const FEED = 'calendar-feed';
/** A rendered feed is reused while nothing changed, and at most this long (the 90-day window moves). */
const FEED_TTL_MS = 60_000;
/** Feeds kept rendered (the coalition's and the organizations' polled most recently). */
const FEED_CACHE_SIZE = 200;

/**
 * iCalendar: a file per event ("add to calendar") and subscribable feeds for the coalition and for
 * each organization. Calendar apps cannot sign in, so a feed URL carries a keyed signature of
 * what it shows (a capability URL); it lists no RSVP and no person. Times carry the event's own
 * IANA zone (TZID with its VTIMEZONE), so every calendar shows them right.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TenantTransaction,
    private readonly crypto: FieldCrypto,
    private readonly events: EventsService,
  ) {}

  /** Rendered feeds by scope and base URL, with the calendar_feed_version they were rendered at. */
  private readonly rendered = new Map<string, { version: string; at: number; body: Promise<string> }>();

  private calendar(name: string, events: EventEntity[], baseUrl: string): string {
    const cal = ical({ name, prodId: { company: 'Unidos', product: 'Unidos', language: 'EN' }, timezone: { name: null, generator: getVtimezoneComponent } });
    cal.method(ICalCalendarMethod.PUBLISH);
    for (const e of events) {
      const where = [e.venue, e.address, e.city, e.state].filter(Boolean).join(', ');
      cal.createEvent({
        id: `${e.id}@unidos`,
        start: DateTime.fromJSDate(e.startsAt, { zone: e.timeZone }),
        end: DateTime.fromJSDate(e.endsAt, { zone: e.timeZone }),
        timezone: e.timeZone,
        summary: e.status === 'cancelled' ? `[Cancelled] ${e.title}` : e.title,
        description: [e.description, e.onlineUrl].filter(Boolean).join('\n\n') || undefined,
        location: where || e.onlineUrl || undefined,
        url: `${baseUrl}/events/${e.id}/show`,
        status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        sequence: e.version,
        lastModified: DateTime.fromJSDate(e.updatedAt),
      });
    }
    return cal.toString();
  }

  /** The "add to calendar" file of one event the caller may see. */
  async eventFile(actor: Actor, id: string, baseUrl: string): Promise<string> {
    const event = await this.tx.run(actor, (m) => this.events.visibleEvent(m, actor, id));
    return this.calendar(event.title, [event], baseUrl);
  }

  /** Feed URLs for the caller: the coalition's, and their organization's. */
  feeds(actor: Actor, baseUrl: string): CalendarFeedsDto {
    const coalition = `${baseUrl}/api/public/calendar/coalition/${this.crypto.sign(FEED, 'coalition')}.ics`;
    const organization = actor.organizationId
      ? `${baseUrl}/api/public/calendar/organizations/${actor.organizationId}/${this.crypto.sign(FEED, actor.organizationId)}.ics`
      : null;
    return { coalition, organization };
  }

  /** A feed by its capability URL: published, cancelled and completed events of the last 90 days on. */
  async feed(scope: 'coalition' | string, signature: string, baseUrl: string): Promise<string> {
    if (!this.crypto.verify(FEED, scope, signature)) throw notFound();
    const [{ version }] = (await this.dataSource.query(`SELECT last_value::text AS version FROM calendar_feed_version`)) as {
      version: string;
    }[];
    // Calendar apps poll the same feed over and over; rendering 2,000 events in Node is most of a
    // feed's cost, so a feed is rendered again only when an event or host changed (or after a minute).
    const key = `${scope} ${baseUrl}`;
    const hit = this.rendered.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < FEED_TTL_MS) return hit.body;
    const body = this.dataSource.transaction(async (m) => {
      await setContext(m, NO_CONTEXT);
      const events = await this.events.forFeed(m, scope === 'coalition' ? null : scope);
      return this.calendar(scope === 'coalition' ? 'Unidos — coalition events' : 'Unidos — our events', events, baseUrl);
    });
    this.rendered.delete(key);
    this.rendered.set(key, { version, at: Date.now(), body });
    if (this.rendered.size > FEED_CACHE_SIZE) this.rendered.delete(this.rendered.keys().next().value as string);
    body.catch(() => {
      if (this.rendered.get(key)?.body === body) this.rendered.delete(key);
    });
    return body;
  }
}
