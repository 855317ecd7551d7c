/**
 * A deterministic people CSV of `rows` rows for tests and the benchmark: the same arguments give the
 * same bytes. Every row has a unique email and phone (so none is a duplicate of another), mixed
 * languages, roles and contact-safety flags, and Spanish names with accents.
 */
export const PEOPLE_CSV_HEADER = 'Nombre,Correo,Teléfono,Idioma,Role,OK to text,OK to call,Notes';

const FIRST = ['María', 'José', 'Lucía', 'Juan', 'Ana', 'Luis', 'Rosa', 'Carlos', 'Elena', 'Miguel', 'Sofía', 'Jorge'];
const LAST = ['García', 'Hernández', 'López', 'Martínez', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz'];
const LANGS = ['es', 'en', 'es', 'es', 'pt', 'ht'];
const ROLES = ['member', 'member', 'member', 'delegate', 'staff'];

export function peopleCsvRow(i: number, seed = 1): string {
  const n = i + seed * 1_000_003;
  const name = `${FIRST[n % FIRST.length]} ${LAST[(n >> 3) % LAST.length]} ${i}`;
  const phone = `(312) ${String(200 + ((n >> 4) % 800)).padStart(3, '0')}-${String(i % 10000).padStart(4, '0')}`;
  // Unique per row: the area code changes every 10,000 rows.
  const area = 200 + Math.floor(i / 10000) + seed * 7;
  return [
    name,
    `p${seed}.${i}@example.org`,
    phone.replace('(312)', `(${area % 1000})`),
    LANGS[n % LANGS.length],
    ROLES[n % ROLES.length],
    n % 3 === 0 ? 'yes' : 'no',
    n % 2 === 0 ? 'sí' : 'no',
    n % 7 === 0 ? '"Prefers evenings, ask for ""Mari"""' : '',
  ].join(',');
}

export function peopleCsv(rows: number, seed = 1): string {
  const lines = [PEOPLE_CSV_HEADER];
  for (let i = 0; i < rows; i += 1) lines.push(peopleCsvRow(i, seed));
  return lines.join('\n') + '\n';
}
