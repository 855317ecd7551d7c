import type { FocusArea, OrganizationKind } from '@unidos/contracts';
import { DEMO_REGIONS } from './demo-data';

/**
 * Word lists for the scale dataset: the demo's five regions extended to every state, US cities
 * with their time zones, and names from the languages spoken in the coalition's communities.
 */

const MORE_STATES: Record<string, string[]> = {
  West: ['AK', 'ID', 'MT', 'WY'],
  Southwest: ['OK'],
  Midwest: ['KS', 'NE', 'ND', 'SD'],
  Northeast: ['VT', 'NH', 'ME', 'DE', 'MD', 'DC'],
  Southeast: ['WV', 'KY', 'LA', 'MS', 'AR', 'PR'],
};

export const SCALE_REGIONS: { name: string; states: string[] }[] = DEMO_REGIONS.map((r) => ({
  name: r.name,
  states: [...r.states, ...(MORE_STATES[r.name] ?? [])],
}));

/** [city, state, time zone, relative size (how many organizations and events it draws)]. */
export const CITIES: readonly (readonly [string, string, string, number])[] = [
  ['Los Angeles', 'CA', 'America/Los_Angeles', 10], ['San Diego', 'CA', 'America/Los_Angeles', 4], ['Oakland', 'CA', 'America/Los_Angeles', 4],
  ['San José', 'CA', 'America/Los_Angeles', 4], ['Fresno', 'CA', 'America/Los_Angeles', 3], ['Salinas', 'CA', 'America/Los_Angeles', 2],
  ['Sacramento', 'CA', 'America/Los_Angeles', 2], ['Santa Ana', 'CA', 'America/Los_Angeles', 3], ['Portland', 'OR', 'America/Los_Angeles', 2],
  ['Woodburn', 'OR', 'America/Los_Angeles', 1], ['Seattle', 'WA', 'America/Los_Angeles', 3], ['Yakima', 'WA', 'America/Los_Angeles', 1],
  ['Las Vegas', 'NV', 'America/Los_Angeles', 3], ['Reno', 'NV', 'America/Los_Angeles', 1], ['Honolulu', 'HI', 'Pacific/Honolulu', 1],
  ['Anchorage', 'AK', 'America/Anchorage', 1], ['Boise', 'ID', 'America/Boise', 1], ['Billings', 'MT', 'America/Denver', 1],
  ['Cheyenne', 'WY', 'America/Denver', 1], ['Phoenix', 'AZ', 'America/Phoenix', 5], ['Tucson', 'AZ', 'America/Phoenix', 2],
  ['Albuquerque', 'NM', 'America/Denver', 2], ['Las Cruces', 'NM', 'America/Denver', 1], ['Houston', 'TX', 'America/Chicago', 8],
  ['Dallas', 'TX', 'America/Chicago', 5], ['San Antonio', 'TX', 'America/Chicago', 4], ['El Paso', 'TX', 'America/Denver', 3],
  ['Austin', 'TX', 'America/Chicago', 3], ['McAllen', 'TX', 'America/Chicago', 2], ['Denver', 'CO', 'America/Denver', 3],
  ['Greeley', 'CO', 'America/Denver', 1], ['Salt Lake City', 'UT', 'America/Denver', 2], ['Oklahoma City', 'OK', 'America/Chicago', 1],
  ['Chicago', 'IL', 'America/Chicago', 8], ['Aurora', 'IL', 'America/Chicago', 1], ['Minneapolis', 'MN', 'America/Chicago', 2],
  ['Milwaukee', 'WI', 'America/Chicago', 2], ['Detroit', 'MI', 'America/Detroit', 2], ['Grand Rapids', 'MI', 'America/Detroit', 1],
  ['Columbus', 'OH', 'America/New_York', 1], ['Cleveland', 'OH', 'America/New_York', 1], ['Indianapolis', 'IN', 'America/Indiana/Indianapolis', 1],
  ['Des Moines', 'IA', 'America/Chicago', 1], ['Kansas City', 'MO', 'America/Chicago', 1], ['Wichita', 'KS', 'America/Chicago', 1],
  ['Omaha', 'NE', 'America/Chicago', 1], ['Fargo', 'ND', 'America/Chicago', 1], ['Sioux Falls', 'SD', 'America/Chicago', 1],
  ['New York', 'NY', 'America/New_York', 10], ['Brooklyn', 'NY', 'America/New_York', 4], ['Queens', 'NY', 'America/New_York', 4],
  ['Newark', 'NJ', 'America/New_York', 2], ['Elizabeth', 'NJ', 'America/New_York', 1], ['Boston', 'MA', 'America/New_York', 3],
  ['Lawrence', 'MA', 'America/New_York', 1], ['Philadelphia', 'PA', 'America/New_York', 3], ['Hartford', 'CT', 'America/New_York', 1],
  ['Providence', 'RI', 'America/New_York', 1], ['Burlington', 'VT', 'America/New_York', 1], ['Manchester', 'NH', 'America/New_York', 1],
  ['Portland', 'ME', 'America/New_York', 1], ['Wilmington', 'DE', 'America/New_York', 1], ['Baltimore', 'MD', 'America/New_York', 2],
  ['Washington', 'DC', 'America/New_York', 2], ['Miami', 'FL', 'America/New_York', 6], ['Orlando', 'FL', 'America/New_York', 2],
  ['Immokalee', 'FL', 'America/New_York', 1], ['Atlanta', 'GA', 'America/New_York', 3], ['Tifton', 'GA', 'America/New_York', 1],
  ['Charlotte', 'NC', 'America/New_York', 2], ['Durham', 'NC', 'America/New_York', 1], ['Columbia', 'SC', 'America/New_York', 1],
  ['Nashville', 'TN', 'America/Chicago', 2], ['Memphis', 'TN', 'America/Chicago', 1], ['Birmingham', 'AL', 'America/Chicago', 1],
  ['Richmond', 'VA', 'America/New_York', 1], ['Charleston', 'WV', 'America/New_York', 1], ['Louisville', 'KY', 'America/New_York', 1],
  ['New Orleans', 'LA', 'America/Chicago', 2], ['Jackson', 'MS', 'America/Chicago', 1], ['Springdale', 'AR', 'America/Chicago', 1],
  ['San Juan', 'PR', 'America/Puerto_Rico', 1],
];

/** Standard-time UTC offsets (hours) of the zones above; a local evening start is close enough without DST. */
export const ZONE_OFFSET: Record<string, number> = {
  'America/Los_Angeles': -8, 'Pacific/Honolulu': -10, 'America/Anchorage': -9, 'America/Boise': -7, 'America/Denver': -7,
  'America/Phoenix': -7, 'America/Chicago': -6, 'America/Detroit': -5, 'America/New_York': -5,
  'America/Indiana/Indianapolis': -5, 'America/Puerto_Rico': -4,
};

export const AREA_CODES: Record<string, string> = {
  CA: '213', OR: '503', WA: '206', NV: '702', HI: '808', AK: '907', ID: '208', MT: '406', WY: '307', AZ: '602', NM: '505',
  TX: '713', CO: '303', UT: '801', OK: '405', IL: '312', MN: '612', WI: '414', MI: '313', OH: '614', IN: '317', IA: '515',
  MO: '816', KS: '316', NE: '402', ND: '701', SD: '605', NY: '718', NJ: '973', MA: '617', PA: '215', CT: '860', RI: '401',
  VT: '802', NH: '603', ME: '207', DE: '302', MD: '410', DC: '202', FL: '305', GA: '404', NC: '704', SC: '803', TN: '615',
  AL: '205', VA: '804', WV: '304', KY: '502', LA: '504', MS: '601', AR: '479', PR: '787',
};

/** Names by language, with how common each language is among members ([code, weight]). */
export const LANGUAGES: readonly (readonly [string, number])[] = [
  ['es', 52], ['en', 24], ['ht', 4], ['pt', 3], ['vi', 3], ['zh', 3], ['ar', 2], ['so', 2], ['mam', 2], ['tl', 2], ['fr', 1], ['qu', 1], ['yua', 1],
];

const LATIN_FIRST = ['María', 'José', 'Guadalupe', 'Juan', 'Rosa', 'Luis', 'Carmen', 'Jesús', 'Ana', 'Miguel', 'Verónica', 'Carlos', 'Lucía', 'Francisco', 'Marisol', 'Alejandro', 'Yesenia', 'Pedro', 'Esperanza', 'Rigoberto', 'Itzel', 'Ximena', 'Santiago', 'Dolores', 'Héctor', 'Maribel', 'Fernando', 'Paola', 'Ramón', 'Elena'];
const LATIN_LAST = ['García', 'Hernández', 'López', 'Martínez', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz', 'Flores', 'Gómez', 'Morales', 'Vásquez', 'Reyes', 'Jiménez', 'Torres', 'Díaz', 'Gutiérrez', 'Mendoza', 'Ruiz', 'Aguilar', 'Ortiz', 'Castillo', 'Chávez', 'Quispe', 'Mamani', 'Xicará', 'Tzul', 'Pech'];
const NAMES: Record<string, { first: string[]; last: string[] }> = {
  es: { first: LATIN_FIRST, last: LATIN_LAST },
  mam: { first: ['Baltazar', 'Domingo', 'Juana', 'Catarina', 'Mateo', 'Petrona', 'Gaspar', 'Micaela'], last: ['Ramírez', 'Mejía', 'Pérez', 'Bámaca', 'Matías', 'Jerónimo', 'Tomás', 'Escalante'] },
  qu: { first: ['Wayra', 'Killa', 'Inti', 'Sisa', 'Yupanqui', 'Nina', 'Amaru', 'Illa'], last: ['Quispe', 'Mamani', 'Huamán', 'Condori', 'Choque', 'Apaza', 'Ccori', 'Yupanqui'] },
  yua: { first: ['Itzamná', 'Nicté', 'Canek', 'Ixchel', 'Balam', 'Zazil', 'Kukulkán', 'Sac'], last: ['Pech', 'Chan', 'Canul', 'May', 'Tun', 'Poot', 'Cauich', 'Ek'] },
  en: { first: ['James', 'Mary', 'Michael', 'Jennifer', 'David', 'Ashley', 'Kevin', 'Jessica', 'Brian', 'Tiffany', 'Marcus', 'Keisha', 'Tyler', 'Megan', 'Andre', 'Nicole'], last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Thomas', 'Jackson', 'White', 'Harris', 'Martin', 'Thompson', 'Robinson'] },
  ht: { first: ['Jean', 'Marie', 'Wilner', 'Nadège', 'Fritznel', 'Mirlande', 'Jocelyn', 'Guerline', 'Ti Jan', 'Widline'], last: ['Jean-Baptiste', 'Pierre', 'Joseph', 'Louis', 'Charles', 'Desir', 'Etienne', 'Dorvil', 'Saint-Fleur', 'Toussaint'] },
  fr: { first: ['Amadou', 'Fatoumata', 'Moussa', 'Aïssatou', 'Ibrahima', 'Mariama', 'Cheikh', 'Awa'], last: ['Diallo', 'Traoré', 'Camara', 'Keïta', 'Sow', 'Ndiaye', 'Koné', 'Diop'] },
  pt: { first: ['João', 'Maria', 'Antônio', 'Francisca', 'Natalícia', 'Gilberto', 'Luíza', 'Wellington', 'Rosângela', 'Thiago'], last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Ferreira', 'Costa', 'Rodrigues', 'Almeida'] },
  vi: { first: ['Minh', 'Lan', 'Hùng', 'Mai', 'Tuấn', 'Hương', 'Dũng', 'Thảo', 'Quang', 'Ngọc'], last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'] },
  zh: { first: ['Wei', 'Fang', 'Jun', 'Mei', 'Lei', 'Xiu Ying', 'Hao', 'Li Na', 'Chen', 'Yan'], last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'] },
  ar: { first: ['Mohammed', 'Fatima', 'Ahmad', 'Aisha', 'Omar', 'Layla', 'Yusuf', 'Mariam', 'Khalid', 'Nour'], last: ['Haddad', 'Khalil', 'Nasser', 'Saleh', 'Hamdan', 'Mansour', 'Darwish', 'Abboud', 'Qasim', 'Yassin'] },
  so: { first: ['Abdi', 'Hodan', 'Mahad', 'Ifrah', 'Abdirahman', 'Sahra', 'Farah', 'Ubah', 'Hassan', 'Nimco'], last: ['Mohamed', 'Ali', 'Hussein', 'Warsame', 'Abdullahi', 'Omar', 'Yusuf', 'Jama', 'Farah', 'Osman'] },
  tl: { first: ['Maricel', 'Jose Mari', 'Rowena', 'Danilo', 'Jocelyn', 'Rodel', 'Analyn', 'Jun-Jun', 'Marites', 'Efren'], last: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Villanueva', 'Dela Cruz', 'Aquino'] },
};

export function namesFor(language: string): { first: string[]; last: string[] } {
  return NAMES[language] ?? NAMES.es;
}

/** Ascii, lowercase, letters and digits only: for made-up email addresses. */
export function asciiWord(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export const ORG_PHRASES: Record<OrganizationKind, string[]> = {
  worker_center: ['Centro de Trabajadores', 'Worker Center', 'Day Laborers Association', 'Domestic Workers Alliance', 'Centro Laboral'],
  community: ['Comité Comunitario', 'Community Assembly', 'Neighbors United', 'Mutual Aid Network', 'Asamblea de Vecinos'],
  union_local: ['Union Local Immigrant Committee', 'Sindicato de Trabajadores', 'Workers Union', 'Comité Sindical'],
  faith: ['Sanctuary Congregation', 'Fe y Justicia', 'Interfaith Accompaniment', 'Parish Solidarity Committee', 'Pastoral Migrante'],
  student: ['Dreamers Collective', 'Immigrant Youth Alliance', 'Estudiantes Unidos', 'Student Sanctuary Coalition'],
  legal_services: ['Legal Defense Collective', 'Know Your Rights Project', 'Immigration Legal Clinic', 'Defensa Legal'],
  rapid_response: ['Rapid Response Network', 'Red de Respuesta Rápida', 'Community Defense Hotline'],
  advocacy: ['Immigrant Rights Coalition', 'Justice Project', 'Coalición por los Derechos', 'Policy Action Network'],
  other: ['Cooperative', 'Cultural Center', 'Radio Comunitaria', 'Mujeres en Acción'],
};

export const ORG_QUALIFIERS = [
  'Unidos', 'Esperanza', 'La Raíz', 'Sol', 'Tierra y Libertad', 'Northside', 'Eastside', 'South Valley', 'Westside', 'Downtown',
  'Semilla', 'Adelante', 'La Voz', 'Nuevo Amanecer', 'Solidaridad', 'Lucha', 'Horizonte', 'Puentes', 'Raíces', 'Corazón',
  'Frontera', 'Familias', 'Caminos', 'Cosecha', 'Dignidad', 'Unity', 'Harbor', 'Riverside', 'Hilltop', 'Lakeside',
];

export const ORG_KINDS_WEIGHTED: readonly (readonly [OrganizationKind, number])[] = [
  ['community', 28], ['worker_center', 18], ['faith', 14], ['legal_services', 10], ['advocacy', 9], ['student', 8],
  ['rapid_response', 6], ['union_local', 5], ['other', 2],
];

export const FOCUS: readonly FocusArea[] = [
  'asylum', 'trafficking', 'wage_theft', 'tps', 'border_solidarity', 'anti_militarism', 'housing', 'health', 'labor',
  'legal_defense', 'rapid_response', 'education', 'detention', 'language_access', 'youth', 'women',
];

export const CAMPAIGN_THEMES = [
  'Legalization for All', 'Stop the Raids', 'End Detention Contracts', 'Wage Theft Ordinance', 'Tuition Equity', 'TPS Now',
  'Driver Licenses for All', 'Healthcare for All Families', 'Housing Is a Right', 'Sanctuary Schools', 'No More Deportations',
  'Language Access Now', 'Heat Protection for Workers', 'Close the Camps', 'Get Out the Vote', 'Know Your Rights Week',
  'Defend DACA', 'Fair Wages for Farmworkers', 'Safe Workplaces', 'Rapid Response Summer', 'Families Belong Together',
  'Asylum Is a Right', 'Demilitarize the Border', 'Census Count', 'Domestic Workers Bill of Rights',
];

export const DEMAND_TEXTS: readonly (readonly [string, string, string])[] = [
  ['Legalization for all!', '¡Legalización para todas y todos!', 'U.S. Congress'],
  ['Stop the repression of migrants!', '¡Alto a la represión de las y los migrantes!', 'Department of Homeland Security'],
  ['End detention contracts in our state.', 'Fin de los contratos de detención en nuestro estado.', 'Governor'],
  ['Pay stolen wages within 30 days.', 'Pago de salarios robados en 30 días.', 'City Council'],
  ['Driver licenses regardless of status.', 'Licencias de manejar sin importar el estatus.', 'State legislature'],
  ['Interpretation at every public meeting.', 'Interpretación en cada reunión pública.', 'County board'],
  ['In-state tuition for every graduate.', 'Colegiatura estatal para cada graduado.', 'Board of Regents'],
  ['No police collaboration with ICE.', 'Ninguna colaboración de la policía con ICE.', 'Sheriff'],
  ['Rights to livelihood, health and housing!', '¡Derecho al sustento, la salud y la vivienda!', 'State legislatures'],
  ['Heat standards and water breaks.', 'Normas contra el calor y descansos para tomar agua.', 'OSHA'],
];

export const EVENT_TITLES: Record<string, string[]> = {
  rally: ['Rally', 'Rally at City Hall', 'Mitin'], march: ['March', 'Marcha', 'Caravan'], forum: ['Community forum', 'Foro comunitario'],
  kyr_training: ['Know Your Rights training', 'Taller Conozca sus Derechos'], political_education: ['Study circle', 'Círculo de estudio'],
  press_conference: ['Press conference', 'Conferencia de prensa'], assembly: ['Assembly', 'Asamblea'], vigil: ['Vigil', 'Vigilia'],
  meeting: ['Planning meeting', 'Reunión de planeación'], phonebank: ['Phonebank', 'Banco telefónico'], canvass: ['Canvass', 'Toque de puertas'],
};

export const VENUES = ['Union hall', 'Parish hall', 'City Hall steps', 'Community center', 'Public library', 'Federal Plaza', 'High school gym', 'Worker center', 'Park pavilion', 'Church basement'];
