import englishMessages from 'ra-language-english';
import {
  DUES_TIERS,
  FOCUS_AREAS,
  LANGUAGE_CODES,
  LOCALES,
  MEMBERSHIP_STATUSES,
  ORGANIZATION_KINDS,
  PERSON_ROLES,
  PERSON_VISIBILITIES,
  US_STATES,
  USER_ROLES,
  USER_STATUSES,
} from '@unidos/contracts';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../common/choices';
import {
  EVENT_HOST_ROLES,
  EVENT_HOST_STATUSES,
  EVENT_KINDS,
  EVENT_STATUSES,
  RSVP_STATUSES,
} from '@unidos/contracts';
import {
  CAMPAIGN_STATUSES,
  DEMAND_STATUSES,
  ENDORSEMENT_ROLES,
  PLEDGE_METRICS,
  PLEDGE_OFFER_STATUSES,
  PLEDGE_STATUSES,
} from '@unidos/contracts';
import { campaignsEn } from './campaigns.en';
import { eventsEn } from './events.en';
import { eventsEs } from './events.es';
import { campaignsEs } from './campaigns.es';
import { dashboardEn } from './dashboard.en';
import { dashboardEs } from './dashboard.es';
import { importsEn } from './imports.en';
import { importsEs } from './imports.es';
import { en } from './en';
import { es } from './es';
import { raSpanishMessages } from './ra-spanish';
import { IMPORT_KINDS, IMPORT_STATUSES } from '../resources/imports/types';
import { IMPORT_TARGETS } from '../resources/imports/targets';
import { browserLocale, messagesFor } from './index';

/** Every leaf of a nested catalog as `dotted.key -> value`. */
function flatten(catalog: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value as object, path)) out.set(k, v);
    } else {
      out.set(path, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  return out;
}

const sorted = (keys: Iterable<string>) => [...keys].sort();
const placeholders = (text: string) => sorted(text.match(/%\{[a-z_]+\}/gi) ?? []);
const pluralForms = (text: string) => text.split('||||').length;

/**
 * What every feature catalog (a pair of `<feature>.en.ts` / `<feature>.es.ts` merged into the main
 * ones) must hold: the same keys in both languages, the same placeholders and plural forms, no
 * empty Spanish value, and no key that repeats or shadows one of another catalog or react-admin's.
 */
function itHoldsAsAFeatureCatalog(name: string, catalogEn: object, catalogEs: object) {
  const english = flatten(catalogEn);
  const spanish = flatten(catalogEs);
  const others = [
    ['main', en, es],
    ['campaigns', campaignsEn, campaignsEs],
    ['events', eventsEn, eventsEs],
    ['dashboard', dashboardEn, dashboardEs],
    ['imports', importsEn, importsEs],
  ]
    .filter(([other]) => other !== name)
    .flatMap(([, a, b]) => [...flatten(a as object).keys(), ...flatten(b as object).keys()]);

  it('have exactly the same keys', () => {
    expect(sorted(spanish.keys())).toEqual(sorted(english.keys()));
  });

  it('keep the placeholders and plural forms of each English message', () => {
    const mismatched = sorted(english.keys()).filter((key) => {
      const source = english.get(key) ?? '';
      const target = spanish.get(key) ?? '';
      return (
        JSON.stringify(placeholders(source)) !== JSON.stringify(placeholders(target)) ||
        pluralForms(source) !== pluralForms(target)
      );
    });
    expect(mismatched).toEqual([]);
  });

  it('never repeat or shadow a key of the other catalogs, nor a react-admin message', () => {
    const clash = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
    expect(sorted(english.keys()).filter((key) => others.some((other) => clash(key, other)))).toEqual([]);
    expect(Object.keys(catalogEn)).not.toContain('ra');
  });

  it('have no empty Spanish value', () => {
    expect(sorted(spanish.keys()).filter((key) => (spanish.get(key) ?? '').trim() === '')).toEqual([]);
  });

  return { english, spanish };
}

describe('react-admin Spanish catalog', () => {
  const english = flatten(englishMessages);
  const spanish = flatten(raSpanishMessages);

  it('reads the real ra-language-english catalog', () => {
    // Guards against comparing with an empty object if the package ever fails to load.
    expect(english.size).toBeGreaterThan(150);
    expect(english.get('ra.action.save')).toBe('Save');
  });

  it('has every key of ra-language-english, and no other', () => {
    const missing = sorted(english.keys()).filter((key) => !spanish.has(key));
    const extra = sorted(spanish.keys()).filter((key) => !english.has(key));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('keeps the placeholders and plural forms of each English message', () => {
    const mismatched = sorted(english.keys()).filter((key) => {
      const source = english.get(key) ?? '';
      const target = spanish.get(key) ?? '';
      return (
        JSON.stringify(placeholders(source)) !== JSON.stringify(placeholders(target)) ||
        pluralForms(source) !== pluralForms(target)
      );
    });
    expect(mismatched).toEqual([]);
  });
});

describe('Unidos catalogs', () => {
  const english = flatten(en);
  const spanish = flatten(es);

  it('en.ts and es.ts have exactly the same keys', () => {
    expect(sorted(spanish.keys())).toEqual(sorted(english.keys()));
  });

  it('keeps the placeholders and plural forms of each English message', () => {
    const mismatched = sorted(english.keys()).filter((key) => {
      const source = english.get(key) ?? '';
      const target = spanish.get(key) ?? '';
      return (
        JSON.stringify(placeholders(source)) !== JSON.stringify(placeholders(target)) ||
        pluralForms(source) !== pluralForms(target)
      );
    });
    expect(mismatched).toEqual([]);
  });

  it('never overrides a react-admin message', () => {
    expect(Object.keys(en)).not.toContain('ra');
    expect(Object.keys(es)).not.toContain('ra');
  });

  it('labels every value of the shared enums', () => {
    const enumLabels: Array<[string, readonly string[]]> = [
      ['enums.kind', ORGANIZATION_KINDS],
      ['enums.focusArea', FOCUS_AREAS],
      ['enums.membershipStatus', MEMBERSHIP_STATUSES],
      ['enums.duesTier', DUES_TIERS],
      ['enums.role', USER_ROLES],
      ['enums.userStatus', USER_STATUSES],
      ['enums.personRole', PERSON_ROLES],
      ['enums.personVisibility', PERSON_VISIBILITIES],
      ['enums.locale', LOCALES],
      ['enums.language', LANGUAGE_CODES],
      ['enums.state', US_STATES],
    ];
    const missing = enumLabels.flatMap(([prefix, values]) =>
      values.map((value) => `${prefix}.${value}`).filter((key) => !english.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('labels every audit action and entity type the admin offers as a filter', () => {
    const keys = [
      ...AUDIT_ACTIONS.map((action) => `unidos.audit.actions.${action}`),
      ...AUDIT_ENTITY_TYPES.map((type) => `unidos.audit.entities.${type}`),
    ];
    expect(keys.filter((key) => !english.has(key))).toEqual([]);
  });
});

describe('Spanish values', () => {
  const raEnglish = flatten(englishMessages);
  const spanish = new Map([...flatten(raSpanishMessages), ...flatten(es)]);

  it('are never empty', () => {
    const empty = sorted(spanish.keys()).filter((key) => {
      const value = spanish.get(key) ?? '';
      if (value.length === 0) return true;
      // react-admin's own `ra.boolean.null` is deliberately a single space; nothing else may be blank.
      const blankInEnglish = (raEnglish.get(key) ?? 'x').trim() === '';
      return value.trim() === '' && !blankInEnglish;
    });
    expect(empty).toEqual([]);
  });
});

describe('locale helpers', () => {
  it('defaults to Spanish only for Spanish-speaking browsers', () => {
    expect(browserLocale(['es-MX', 'en'])).toBe('es');
    expect(browserLocale(['es'])).toBe('es');
    expect(browserLocale(['en-US', 'es'])).toBe('en');
    expect(browserLocale(['pt-BR'])).toBe('en');
    expect(browserLocale(undefined)).toBe('en');
  });

  it('merges react-admin and Unidos messages per locale', () => {
    const es = flatten(messagesFor('es'));
    expect(es.get('ra.action.save')).toBe('Guardar');
    expect(es.get('ra.auth.email')).toBe('Correo electrónico');
    expect(es.get('unidos.join.title')).toBe('Únete a la alianza');
    const en = flatten(messagesFor('en'));
    expect(en.get('ra.auth.email')).toBe('Email');
    expect(en.get('unidos.join.title')).toBe('Join the alliance');
  });
});

describe('campaign catalogs (campaigns.en.ts / campaigns.es.ts)', () => {
  const { english } = itHoldsAsAFeatureCatalog('campaigns', campaignsEn, campaignsEs);

  it('label every value of the campaign and pledge enums, and every metric as a unit', () => {
    const enumLabels: Array<[string, readonly string[]]> = [
      ['enums.campaignStatus', CAMPAIGN_STATUSES],
      ['enums.demandStatus', DEMAND_STATUSES],
      ['enums.endorsementRole', ENDORSEMENT_ROLES],
      ['enums.pledgeMetric', PLEDGE_METRICS],
      ['enums.pledgeStatus', PLEDGE_STATUSES],
      ['enums.pledgeOfferStatus', PLEDGE_OFFER_STATUSES],
      ['unidos.metric_units', PLEDGE_METRICS],
    ];
    const missing = enumLabels.flatMap(([prefix, values]) =>
      values.map((value) => `${prefix}.${value}`).filter((key) => !english.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('are merged into both locales without losing the main catalogs', () => {
    const mergedEs = flatten(messagesFor('es'));
    expect(mergedEs.get('enums.pledgeMetric.calls')).toBe('Llamadas');
    expect(mergedEs.get('unidos.metric_units.doors')).toBe('puertas tocadas');
    expect(mergedEs.get('unidos.commit.title')).toBe('Comprométete a participar');
    expect(mergedEs.get('unidos.audit.actions.pledge_report.correct')).toBe('Avance corregido');
    expect(sorted(flatten(es).keys()).filter((key) => !mergedEs.has(key))).toEqual([]);
    const mergedEn = flatten(messagesFor('en'));
    expect(mergedEn.get('unidos.commit.title')).toBe('Commit to get involved');
    expect(mergedEn.get('resources.campaigns.name')).toBe('Campaign |||| Campaigns');
    expect(mergedEn.get('ra.action.save')).toBe('Save');
    expect(sorted(flatten(en).keys()).filter((key) => !mergedEn.has(key))).toEqual([]);
  });
});

describe('event catalogs (events.en.ts / events.es.ts)', () => {
  const { english } = itHoldsAsAFeatureCatalog('events', eventsEn, eventsEs);

  it('label every value of the event enums', () => {
    const enumLabels: Array<[string, readonly string[]]> = [
      ['enums.eventKind', EVENT_KINDS],
      ['enums.eventStatus', EVENT_STATUSES],
      ['enums.eventHostRole', EVENT_HOST_ROLES],
      ['enums.eventHostStatus', EVENT_HOST_STATUSES],
      ['enums.rsvpStatus', RSVP_STATUSES],
    ];
    const missing = enumLabels.flatMap(([prefix, values]) =>
      values.map((value) => `${prefix}.${value}`).filter((key) => !english.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('are merged into both locales without losing the other catalogs', () => {
    const mergedEs = flatten(messagesFor('es'));
    expect(mergedEs.get('resources.events.name')).toBe('Evento |||| Eventos');
    expect(mergedEs.get('enums.eventKind.kyr_training')).toBe('Taller "Conoce tus derechos"');
    expect(mergedEs.get('enums.eventKind.canvass')).toBe('Puerta a puerta');
    expect(mergedEs.get('enums.pledgeMetric.calls')).toBe('Llamadas');
    expect(mergedEs.get('unidos.audit.actions.pledge_report.correct')).toBe('Avance corregido');
    expect(mergedEs.get('unidos.audit.actions.event.cancel')).toBe('Evento cancelado');
    expect(sorted(flatten(es).keys()).filter((key) => !mergedEs.has(key))).toEqual([]);
    expect(sorted(flatten(campaignsEs).keys()).filter((key) => !mergedEs.has(key))).toEqual([]);
    const mergedEn = flatten(messagesFor('en'));
    expect(mergedEn.get('resources.events.name')).toBe('Event |||| Events');
    expect(mergedEn.get('resources.campaigns.name')).toBe('Campaign |||| Campaigns');
    expect(mergedEn.get('ra.action.save')).toBe('Save');
    expect(sorted(english.keys()).filter((key) => !mergedEn.has(key))).toEqual([]);
  });
});

describe('dashboard catalogs (dashboard.en.ts / dashboard.es.ts)', () => {
  const { english, spanish } = itHoldsAsAFeatureCatalog('dashboard', dashboardEn, dashboardEs);

  it('are merged into both locales without losing the other catalogs', () => {
    const mergedEs = flatten(messagesFor('es'));
    expect(mergedEs.get('unidos.dashboard.alliance_title')).toBe('Panel de la coalición');
    expect(mergedEs.get('unidos.dashboard.privacy')).toBe(flatten(es).get('unidos.dashboard.privacy'));
    expect(sorted(spanish.keys()).filter((key) => !mergedEs.has(key))).toEqual([]);
    expect(sorted(flatten(es).keys()).filter((key) => !mergedEs.has(key))).toEqual([]);
    const mergedEn = flatten(messagesFor('en'));
    expect(mergedEn.get('unidos.dashboard.map.title')).toBe('Active member organizations by state');
    expect(mergedEn.get('unidos.dashboard.people')).toBe('People in your organization');
    expect(sorted(english.keys()).filter((key) => !mergedEn.has(key))).toEqual([]);
  });
});

describe('import catalogs (imports.en.ts / imports.es.ts)', () => {
  const { english, spanish } = itHoldsAsAFeatureCatalog('imports', importsEn, importsEs);

  it('label every import status, kind and target field the import steps show', () => {
    const keys = [
      ...IMPORT_STATUSES.map((status) => `unidos.imports.status.${status}`),
      ...IMPORT_KINDS.flatMap((kind) => [
        `unidos.imports.kinds.${kind}`,
        `unidos.imports.title.${kind}`,
        `unidos.imports.confirm.title.${kind}`,
        `unidos.imports.duplicates.question.${kind}`,
        `unidos.imports.progress.see_${kind}`,
      ]),
      ...Object.entries(IMPORT_TARGETS).flatMap(([kind, fields]) =>
        fields.map((field) => `unidos.imports.fields.${kind}.${field}`),
      ),
    ];
    expect(keys.filter((key) => !english.has(key))).toEqual([]);
  });

  it('are merged into both locales without losing the other catalogs', () => {
    const mergedEs = flatten(messagesFor('es'));
    expect(mergedEs.get('resources.imports.name')).toBe('Importación |||| Importaciones');
    expect(mergedEs.get('unidos.imports.import_csv')).toBe('Importar CSV');
    expect(mergedEs.get('unidos.people.export_csv')).toBe('Exportar CSV');
    expect(sorted(spanish.keys()).filter((key) => !mergedEs.has(key))).toEqual([]);
    const mergedEn = flatten(messagesFor('en'));
    expect(mergedEn.get('unidos.imports.file.source')).toBe('Where does this file come from?');
    expect(mergedEn.get('resources.people.name')).toBe('Person |||| People');
    expect(sorted(english.keys()).filter((key) => !mergedEn.has(key))).toEqual([]);
  });
});
