import type { FocusArea, OrganizationKind } from '@unidos/contracts';

/** A demo coalition: regions, member organizations of every kind, and a few pending applications. */
export const DEMO_REGIONS: { name: string; states: string[] }[] = [
  { name: 'West', states: ['CA', 'OR', 'WA', 'NV', 'HI'] },
  { name: 'Southwest', states: ['AZ', 'NM', 'TX', 'CO', 'UT'] },
  { name: 'Midwest', states: ['IL', 'MN', 'WI', 'MI', 'OH', 'IN', 'IA', 'MO'] },
  { name: 'Northeast', states: ['NY', 'NJ', 'MA', 'PA', 'CT', 'RI'] },
  { name: 'Southeast', states: ['FL', 'GA', 'NC', 'SC', 'TN', 'AL', 'VA'] },
];

export interface DemoOrganization {
  name: string;
  kind: OrganizationKind;
  city: string;
  state: string;
  focusAreas: FocusArea[];
  languages: string[];
  website?: string;
  description: string;
  status: 'active' | 'applicant' | 'lapsed';
  duesTier?: 'waived' | 'small' | 'medium' | 'large';
  contact: { displayName: string; email?: string; phone?: string; preferredLanguage: string };
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { name: 'Centro de Trabajadores Unidos', kind: 'worker_center', city: 'Chicago', state: 'IL', focusAreas: ['wage_theft', 'labor'], languages: ['es', 'en'], description: 'Worker center organizing day laborers and domestic workers on the Southwest Side.', status: 'active', duesTier: 'medium', contact: { displayName: 'Rosa M.', email: 'rosa@ctu.example.org', preferredLanguage: 'es' } },
  { name: 'Illinois Rapid Response Network', kind: 'rapid_response', city: 'Chicago', state: 'IL', focusAreas: ['rapid_response', 'legal_defense'], languages: ['es', 'en'], description: 'Hotline and volunteer rapid-response teams across Cook County.', status: 'active', duesTier: 'small', contact: { displayName: 'Daniel R.', phone: '+1 312 555 0134', preferredLanguage: 'en' } },
  { name: 'Fe y Justicia Aurora', kind: 'faith', city: 'Aurora', state: 'IL', focusAreas: ['housing', 'asylum'], languages: ['es', 'en'], description: 'Interfaith network accompanying asylum seekers.', status: 'active', duesTier: 'waived', contact: { displayName: 'Hna. Carmen', email: 'carmen@feyjusticia.example.org', preferredLanguage: 'es' } },
  { name: 'Los Angeles Day Laborers Alliance', kind: 'worker_center', city: 'Los Angeles', state: 'CA', focusAreas: ['labor', 'wage_theft'], languages: ['es', 'en', 'qu'], description: 'Day laborer centers in Los Angeles County.', status: 'active', duesTier: 'large', contact: { displayName: 'Pablo A.', email: 'pablo@ladla.example.org', preferredLanguage: 'es' } },
  { name: 'Bay Area Legal Defense Collective', kind: 'legal_services', city: 'Oakland', state: 'CA', focusAreas: ['legal_defense', 'detention', 'asylum'], languages: ['en', 'es', 'mam'], description: 'Deportation defense and know-your-rights clinics.', status: 'active', duesTier: 'medium', contact: { displayName: 'Attorney J. Lee', email: 'intake@baldc.example.org', preferredLanguage: 'en' } },
  { name: 'UFCW Local 7 Immigrant Committee', kind: 'union_local', city: 'Denver', state: 'CO', focusAreas: ['labor', 'health'], languages: ['en', 'es', 'so'], description: 'Meatpacking and grocery workers organizing for safe workplaces.', status: 'active', duesTier: 'large', contact: { displayName: 'Marisol T.', email: 'committee@ufcw7.example.org', preferredLanguage: 'es' } },
  { name: 'Tucson Border Solidarity', kind: 'community', city: 'Tucson', state: 'AZ', focusAreas: ['border_solidarity', 'anti_militarism'], languages: ['es', 'en'], description: 'Community group against border militarization.', status: 'active', duesTier: 'small', contact: { displayName: 'Luz V.', email: 'luz@tbs.example.org', preferredLanguage: 'es' } },
  { name: 'El Paso Migrant Shelter Network', kind: 'faith', city: 'El Paso', state: 'TX', focusAreas: ['asylum', 'housing', 'health'], languages: ['es', 'en', 'ht'], description: 'Shelters and hospitality houses for people released from detention.', status: 'active', duesTier: 'waived', contact: { displayName: 'Padre Tomás', phone: '+1 915 555 0190', preferredLanguage: 'es' } },
  { name: 'Houston Immigrant Youth Alliance', kind: 'student', city: 'Houston', state: 'TX', focusAreas: ['education', 'youth'], languages: ['en', 'es', 'vi'], description: 'Undocumented and DACA students organizing for tuition equity.', status: 'active', duesTier: 'waived', contact: { displayName: 'Ana G.', email: 'ana@hiya.example.org', preferredLanguage: 'en' } },
  { name: 'New York Worker Justice Project', kind: 'worker_center', city: 'New York', state: 'NY', focusAreas: ['wage_theft', 'labor', 'housing'], languages: ['es', 'en', 'zh'], description: 'Construction and restaurant workers fighting wage theft.', status: 'active', duesTier: 'large', contact: { displayName: 'Ligia G.', email: 'ligia@nywjp.example.org', preferredLanguage: 'es' } },
  { name: 'Haitian Families United', kind: 'community', city: 'Brooklyn', state: 'NY', focusAreas: ['tps', 'legal_defense'], languages: ['ht', 'fr', 'en'], description: 'Haitian TPS holders and families.', status: 'active', duesTier: 'small', contact: { displayName: 'Jean-Pierre L.', email: 'jp@hfu.example.org', preferredLanguage: 'en' } },
  { name: 'Newark Sanctuary Coalition', kind: 'advocacy', city: 'Newark', state: 'NJ', focusAreas: ['detention', 'rapid_response'], languages: ['es', 'pt', 'en'], description: 'Ending detention contracts in New Jersey.', status: 'active', duesTier: 'medium', contact: { displayName: 'Carla S.', email: 'carla@nsc.example.org', preferredLanguage: 'pt' } },
  { name: 'Boston Domestic Workers Association', kind: 'worker_center', city: 'Boston', state: 'MA', focusAreas: ['labor', 'women'], languages: ['pt', 'es', 'en'], description: 'Nannies, housecleaners and caregivers.', status: 'lapsed', duesTier: 'small', contact: { displayName: 'Natalicia T.', email: 'nat@bdwa.example.org', preferredLanguage: 'pt' } },
  { name: 'Miami TPS Committee', kind: 'community', city: 'Miami', state: 'FL', focusAreas: ['tps', 'legal_defense'], languages: ['es', 'ht', 'en'], description: 'TPS holders from Honduras, El Salvador, Haiti and Venezuela.', status: 'active', duesTier: 'small', contact: { displayName: 'José P.', phone: '+1 305 555 0172', preferredLanguage: 'es' } },
  { name: 'Georgia Farmworker Network', kind: 'worker_center', city: 'Tifton', state: 'GA', focusAreas: ['labor', 'trafficking', 'health'], languages: ['es', 'yua', 'en'], description: 'H-2A and undocumented farmworkers in South Georgia.', status: 'active', duesTier: 'waived', contact: { displayName: 'Guadalupe C.', phone: '+1 229 555 0111', preferredLanguage: 'es' } },
  { name: 'Carolina Know Your Rights Project', kind: 'legal_services', city: 'Durham', state: 'NC', focusAreas: ['legal_defense', 'rapid_response', 'education'], languages: ['es', 'en'], description: 'Know-your-rights trainings in churches and schools.', status: 'active', duesTier: 'small', contact: { displayName: 'Teresa O.', email: 'teresa@ckyr.example.org', preferredLanguage: 'es' } },
  { name: 'Twin Cities Migrant Rights Assembly', kind: 'community', city: 'Minneapolis', state: 'MN', focusAreas: ['housing', 'anti_militarism'], languages: ['es', 'so', 'en'], description: 'Neighborhood assemblies of Latino and Somali migrants.', status: 'active', duesTier: 'medium', contact: { displayName: 'Abdi H.', email: 'abdi@tcmra.example.org', preferredLanguage: 'en' } },
  { name: 'Seattle Immigrant Health Collective', kind: 'advocacy', city: 'Seattle', state: 'WA', focusAreas: ['health', 'language_access'], languages: ['en', 'es', 'vi', 'tl'], description: 'Health access for uninsured immigrant families.', status: 'active', duesTier: 'medium', contact: { displayName: 'Mai N.', email: 'mai@sihc.example.org', preferredLanguage: 'en' } },
  { name: 'Philadelphia Sanctuary Churches', kind: 'faith', city: 'Philadelphia', state: 'PA', focusAreas: ['asylum', 'detention'], languages: ['en', 'es'], description: 'Congregations offering sanctuary and accompaniment.', status: 'active', duesTier: 'small', contact: { displayName: 'Rev. Adan', email: 'adan@psc.example.org', preferredLanguage: 'es' } },
  { name: 'Albuquerque Comunidad en Acción', kind: 'community', city: 'Albuquerque', state: 'NM', focusAreas: ['education', 'housing'], languages: ['es', 'en'], description: 'Parents organizing for language access in schools.', status: 'active', duesTier: 'small', contact: { displayName: 'Felipe R.', email: 'felipe@cea.example.org', preferredLanguage: 'es' } },
  // Pending applications, waiting for review.
  { name: 'Detroit Migrant Workers Union', kind: 'union_local', city: 'Detroit', state: 'MI', focusAreas: ['labor', 'wage_theft'], languages: ['es', 'ar', 'en'], description: 'Auto parts and warehouse workers.', status: 'applicant', contact: { displayName: 'Yusuf K.', email: 'yusuf@dmwu.example.org', preferredLanguage: 'en' } },
  { name: 'Phoenix Dreamers Collective', kind: 'student', city: 'Phoenix', state: 'AZ', focusAreas: ['education', 'youth'], languages: ['es', 'en'], description: 'College students with and without DACA.', status: 'applicant', contact: { displayName: 'Karina M.', phone: '+1 602 555 0155', preferredLanguage: 'es' } },
  { name: 'Nashville Kurdish and Latino Solidarity', kind: 'community', city: 'Nashville', state: 'TN', focusAreas: ['asylum', 'language_access'], languages: ['en', 'es', 'ar'], description: 'Cross-community mutual aid.', status: 'applicant', contact: { displayName: 'Dilan A.', email: 'dilan@nkls.example.org', preferredLanguage: 'en' } },
];

export interface DemoCampaign {
  name: string;
  summary: string;
  status: 'draft' | 'active' | 'won' | 'closed';
  startsInDays: number;
  lengthDays: number;
  goals: { metric: 'calls' | 'doors' | 'turnout' | 'volunteer_hours' | 'signatures' | 'dollars' | 'meetings' | 'other'; target: number }[];
  demands: { textEn: string; textEs: string; target: string; status: 'open' | 'partially_won' | 'won' | 'dropped' }[];
}

export const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    name: 'Grassroots Migrants Agenda',
    summary: 'A shared agenda of grassroots migrant organizations: our demands, our actions, together.',
    status: 'active',
    startsInDays: -120,
    lengthDays: 365,
    goals: [
      { metric: 'calls', target: 20000 },
      { metric: 'doors', target: 50000 },
      { metric: 'turnout', target: 2000 },
    ],
    demands: [
      { textEn: 'End forced migration and imperialist war!', textEs: '¡Alto a la migración forzada y a la guerra imperialista!', target: 'U.S. Congress', status: 'open' },
      { textEn: 'Stop the repression of migrants!', textEs: '¡Alto a la represión de las y los migrantes!', target: 'Department of Homeland Security', status: 'open' },
      { textEn: 'Rights to livelihood, health and housing!', textEs: '¡Derecho al sustento, la salud y la vivienda!', target: 'State legislatures', status: 'partially_won' },
      { textEn: 'Legalization for all!', textEs: '¡Legalización para todas y todos!', target: 'U.S. Congress', status: 'open' },
    ],
  },
  {
    name: 'Get Out the Vote 2026',
    summary: 'Citizen family members and allies reach voters in our communities.',
    status: 'active',
    startsInDays: -60,
    lengthDays: 90,
    goals: [
      { metric: 'calls', target: 20000 },
      { metric: 'doors', target: 50000 },
    ],
    demands: [{ textEn: 'Every eligible voter in our communities votes.', textEs: 'Que vote cada persona con derecho al voto en nuestras comunidades.', target: 'Voters', status: 'open' }],
  },
];
