import type { Locale } from '@unidos/contracts';

/**
 * Messages the API shows to people, in both languages. Keys are stable codes; `{name}` marks a
 * value filled in at run time.
 */
const en = {
  // field validation (keyed by class-validator constraint or our own code)
  'field.isNotEmpty': 'is required',
  'field.isDefined': 'is required',
  'field.isString': 'must be text',
  'field.isEmail': 'must be a valid email address',
  'field.isUrl': 'must be a web address starting with http:// or https://',
  'field.isIn': 'must be one of the allowed values',
  'field.isEnum': 'must be one of the allowed values',
  'field.isArray': 'must be a list',
  'field.arrayMaxSize': 'has too many entries (at most {n})',
  'field.arrayUnique': 'must not repeat an entry',
  'field.maxLength': 'must be at most {n} characters',
  'field.minLength': 'must be at least {n} characters',
  'field.isInt': 'must be a whole number',
  'field.min': 'must be at least {n}',
  'field.max': 'must be at most {n}',
  'field.isUUID': 'must be an id',
  'field.isBoolean': 'must be true or false',
  'field.isDateString': 'must be a date',
  'field.isISO8601': 'must be a date',
  'field.isPhone': 'must be a phone number (digits, spaces, +, -, parentheses)',
  'field.whitelistValidation': 'is not a field you can set',
  'field.nestedValidation': 'is not valid',
  'field.isObject': 'must be an object',
  'field.emailOrPhone': 'give an email or a phone number',
  'field.unknown': 'is not valid',
  'field.isNotEmptyObject': 'must not be empty',
  'field.noControlChars': 'must not contain control characters',
  'validation.failed': 'Some fields need attention.',
  'query.badJson': '{param} must be JSON',
  'query.badRange': 'range must be [start, end] with 0 <= start <= end',
  'query.badSort': 'sort must be ["field", "ASC" or "DESC"]',
  'query.unknownSort': 'cannot sort by "{field}"',
  'query.unknownFilter': 'cannot filter by "{field}"',
  'query.badFilterValue': 'the filter "{field}" has a value of the wrong kind',
  // domain errors
  'error.notFound': 'Not found.',
  'error.unauthenticated': 'Please sign in.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.crossSite': 'Requests from other sites are refused.',
  'error.staleVersion': 'Someone changed this record meanwhile. Reload it to see their changes; nothing was saved.',
  'error.versionRequired': 'version is required to change a record',
  'error.duplicateName': 'An organization with this name, or one written almost the same, is already registered.',
  'error.duplicateEmail': 'A user with this email already exists.',
  'error.duplicate': 'A record with these values already exists.',
  'error.duplicateRegion': 'A region with this name already exists.',
  'error.alreadyDecided': 'This application was already {status} by someone else.',
  'error.invalidTransition': 'Membership cannot change from {from} to {to}.',
  'error.regionInUse': 'This region still has member organizations; move them first.',
  'error.invalidCredentials': 'Wrong email or password.',
  'error.accountLocked': 'Too many failed sign-ins. This account is locked for {minutes} more minutes.',
  'error.rateLimited': 'Too many requests from here. Try again later.',
  'error.wrongPassword': 'The current password is wrong.',
  'error.organizationRequired': 'Organization roles need an organization.',
  'error.organizationNotAllowed': 'Alliance roles do not belong to an organization.',
  'error.unknownOrganization': 'There is no such organization.',
  'error.unknownRegion': 'There is no such region.',
  'error.cannotDisableSelf': 'You cannot disable or demote your own account.',
  'error.internal': 'Something went wrong on our side. It has been logged with request id {requestId}.',
  'error.badRequest': 'The request is not valid.',
  'error.payloadTooLarge': 'The request is too large.',
  'error.badJson': 'The request body is not valid JSON.',
  'error.unavailable': 'The database does not answer.',
};

export type MessageKey = keyof typeof en;

const es: Record<MessageKey, string> = {
  'field.isNotEmpty': 'es obligatorio',
  'field.isDefined': 'es obligatorio',
  'field.isString': 'debe ser texto',
  'field.isEmail': 'debe ser un correo electrónico válido',
  'field.isUrl': 'debe ser una dirección web que empiece con http:// o https://',
  'field.isIn': 'debe ser uno de los valores permitidos',
  'field.isEnum': 'debe ser uno de los valores permitidos',
  'field.isArray': 'debe ser una lista',
  'field.arrayMaxSize': 'tiene demasiados elementos (como máximo {n})',
  'field.arrayUnique': 'no debe repetir elementos',
  'field.maxLength': 'debe tener como máximo {n} caracteres',
  'field.minLength': 'debe tener al menos {n} caracteres',
  'field.isInt': 'debe ser un número entero',
  'field.min': 'debe ser al menos {n}',
  'field.max': 'debe ser como máximo {n}',
  'field.isUUID': 'debe ser un identificador',
  'field.isBoolean': 'debe ser verdadero o falso',
  'field.isDateString': 'debe ser una fecha',
  'field.isISO8601': 'debe ser una fecha',
  'field.isPhone': 'debe ser un número de teléfono (dígitos, espacios, +, -, paréntesis)',
  'field.whitelistValidation': 'no es un campo que usted pueda cambiar',
  'field.nestedValidation': 'no es válido',
  'field.isObject': 'debe ser un objeto',
  'field.emailOrPhone': 'indique un correo electrónico o un teléfono',
  'field.unknown': 'no es válido',
  'field.isNotEmptyObject': 'no debe estar vacío',
  'field.noControlChars': 'no debe contener caracteres de control',
  'validation.failed': 'Algunos campos necesitan atención.',
  'query.badJson': '{param} debe ser JSON',
  'query.badRange': 'range debe ser [inicio, fin] con 0 <= inicio <= fin',
  'query.badSort': 'sort debe ser ["campo", "ASC" o "DESC"]',
  'query.unknownSort': 'no se puede ordenar por "{field}"',
  'query.unknownFilter': 'no se puede filtrar por "{field}"',
  'query.badFilterValue': 'el filtro "{field}" tiene un valor de tipo incorrecto',
  'error.notFound': 'No encontrado.',
  'error.unauthenticated': 'Inicie sesión, por favor.',
  'error.forbidden': 'No tiene permiso para hacer esto.',
  'error.crossSite': 'Se rechazan las solicitudes desde otros sitios.',
  'error.staleVersion': 'Alguien cambió este registro mientras tanto. Vuelva a cargarlo para ver sus cambios; no se guardó nada.',
  'error.versionRequired': 'se necesita version para cambiar un registro',
  'error.duplicateName': 'Ya hay una organización registrada con este nombre, o con uno casi igual.',
  'error.duplicateEmail': 'Ya existe un usuario con este correo electrónico.',
  'error.duplicate': 'Ya existe un registro con estos valores.',
  'error.duplicateRegion': 'Ya existe una región con este nombre.',
  'error.alreadyDecided': 'Otra persona ya decidió esta solicitud ({status}).',
  'error.invalidTransition': 'La membresía no puede pasar de {from} a {to}.',
  'error.regionInUse': 'Esta región todavía tiene organizaciones miembro; muévalas primero.',
  'error.invalidCredentials': 'Correo electrónico o contraseña incorrectos.',
  'error.accountLocked': 'Demasiados intentos fallidos. Esta cuenta está bloqueada por {minutes} minutos más.',
  'error.rateLimited': 'Demasiadas solicitudes desde aquí. Inténtelo más tarde.',
  'error.wrongPassword': 'La contraseña actual es incorrecta.',
  'error.organizationRequired': 'Los roles de organización necesitan una organización.',
  'error.organizationNotAllowed': 'Los roles de la alianza no pertenecen a una organización.',
  'error.unknownOrganization': 'No existe esa organización.',
  'error.unknownRegion': 'No existe esa región.',
  'error.cannotDisableSelf': 'No puede desactivar ni rebajar su propia cuenta.',
  'error.internal': 'Algo salió mal de nuestro lado. Quedó registrado con el identificador {requestId}.',
  'error.badRequest': 'La solicitud no es válida.',
  'error.payloadTooLarge': 'La solicitud es demasiado grande.',
  'error.badJson': 'El cuerpo de la solicitud no es JSON válido.',
  'error.unavailable': 'La base de datos no responde.',
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, es };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[locale][key] ?? MESSAGES.en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Picks `es` or `en` from an Accept-Language header (first supported language wins). */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('es')) return 'es';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
