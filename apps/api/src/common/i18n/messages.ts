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
  'field.arrayMinSize': 'choose at least {n}',
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
  'field.isIso8601': 'must be a real date (YYYY-MM-DD, or a date and time with its offset)',
  'field.isNumber': 'must be a number (at most two decimals)',
  'field.notEquals': 'must not be {n}',
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
  'error.duplicateCampaign': 'A campaign with this name, or one written almost the same, already exists.',
  'error.alreadyDecided': 'Someone else already decided this application: it is {status}.',
  'error.invalidTransition': 'Membership cannot change from {from} to {to}.',
  'error.regionInUse': 'This region still has member organizations; move them first.',
  'error.invalidCredentials': 'Wrong email or password.',
  'error.accountLocked': 'Too many failed sign-ins. This account is locked for {minutes} more minutes.',
  'error.rateLimited': 'Too many requests from here. Try again later.',
  'error.wrongPassword': 'The current password is wrong.',
  'error.totpRequired': 'Enter the 6-digit code from your authenticator app.',
  'error.wrongTotpCode': 'This code is not right, or it was already used. Enter the current code from your authenticator app.',
  'error.totpEnrollmentRequired':
    'Alliance admins must turn on two-factor sign-in before anything else. Set it up in your account, with an authenticator app.',
  'error.totpAlreadyEnabled': 'Two-factor sign-in is already on. Turn it off first to use another authenticator.',
  'error.totpNotSetUp': 'Set up two-factor sign-in first: scan the QR code, then enter the code it shows.',
  'error.totpNotEnabled': 'Two-factor sign-in is not on for this account.',
  'error.totpRequiredForAdmins': 'Alliance admins must keep two-factor sign-in on.',
  'error.organizationRequired': 'Organization roles need an organization.',
  'error.organizationNotAllowed': 'Alliance roles do not belong to an organization.',
  'error.unknownOrganization': 'There is no such organization.',
  'error.unknownRegion': 'There is no such region.',
  'error.cannotDisableSelf': 'You cannot disable or demote your own account.',
  'error.internal': 'Something went wrong on our side. It has been logged with request id {requestId}.',
  'error.badRequest': 'The request is not valid.',
  'error.payloadTooLarge': 'The request is too large.',
  'error.badJson': 'The request body is not valid JSON.',
  'error.endBeforeStart': 'must not be before the start',
  'error.unknownReference': 'refers to something that does not exist',
  'error.unknownTimeZone': 'is not a known time zone (use a name like America/Chicago)',
  'error.unknownEvent': 'There is no such event.',
  'error.eventClosed': 'This event is {status}: it cannot change any more.',
  'error.eventNotPublished': 'This event is {status}, not published.',
  'error.eventNotOpen': 'This event is {status}, or already over: it takes no RSVPs.',
  'error.capacityBelowGoing': 'cannot be below the {going} people already going',
  'error.alreadyHost': 'This organization already hosts this event.',
  'error.leadCannotDecline': 'The lead organization cannot decline its own event.',
  'error.notAHost': 'Your organization is not an accepted host of this event.',
  'error.personOrFirstName': 'choose one of your people, or give a first name only',
  'error.unknownPerson': 'is not one of your organization\'s people',
  'error.alreadyRsvped': 'This person is already registered for this event.',
  'error.walkInsBelowZero': 'The walk-in count cannot go below zero.',
  'error.alreadyCheckedIn': 'Already checked in.',
  'error.notCheckedInStatus': 'Only someone going (or waitlisted) can be checked in.',
  'error.offerAlreadyDecided': 'Someone already decided this offer ({status}).',
  'error.cannotResetOwnTotp': 'Ask another alliance admin to reset your own two-factor sign-in.',
  'error.totpNeededForPurge': 'Turn on two-factor sign-in first: the emergency purge is confirmed with a code from your authenticator.',
  'error.confirmNameMismatch': 'Type your organization\'s name exactly to confirm.',
  'error.duplicateGoal': 'This campaign already has a goal for this metric.',
  'error.unknownCampaign': 'There is no such campaign.',
  'error.unknownDemand': 'This demand is not one of the campaign\'s.',
  'error.reorderMismatch': 'Give every demand of the campaign exactly once.',
  'error.campaignNotActive': 'This campaign is not active ({status}): it takes no pledges or endorsements.',
  'error.notAMember': 'Only active member organizations can do this.',
  'error.alreadyEndorsed': 'This organization already endorses this campaign.',
  'error.leadByAlliance': 'Only the alliance names a campaign\'s lead organization.',
  'error.wholeNumber': 'must be a whole number (only dollars allow cents)',
  'error.dueOnOutOfRange': 'must be between {min} and {max}',
  'error.metricNotInGoals': 'must be one of the campaign\'s goals or "other" ({metrics})',
  'error.pledgeCancelled': 'This pledge is cancelled: reopen it before reporting.',
  'error.reportBelowZero': 'This correction would take the pledge\'s total below zero.',
  'error.correctionNeedsNote': 'A correction (a negative quantity) needs a note saying why.',
  'error.reportInFuture': 'must not be in the future',
  'error.reportTooOld': 'is too far in the past (at most two years)',
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
  'field.arrayMinSize': 'elija al menos {n}',
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
  'field.isIso8601': 'debe ser una fecha real (AAAA-MM-DD, o fecha y hora con su desfase)',
  'field.isNumber': 'debe ser un número (como máximo dos decimales)',
  'field.notEquals': 'no debe ser {n}',
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
  'error.duplicateCampaign': 'Ya existe una campaña con este nombre, o con uno casi igual.',
  'error.alreadyDecided': 'Otra persona ya decidió esta solicitud: está {status}.',
  'error.invalidTransition': 'La membresía no puede pasar de {from} a {to}.',
  'error.regionInUse': 'Esta región todavía tiene organizaciones miembro; muévalas primero.',
  'error.invalidCredentials': 'Correo electrónico o contraseña incorrectos.',
  'error.accountLocked': 'Demasiados intentos fallidos. Esta cuenta está bloqueada por {minutes} minutos más.',
  'error.rateLimited': 'Demasiadas solicitudes desde aquí. Inténtelo más tarde.',
  'error.wrongPassword': 'La contraseña actual es incorrecta.',
  'error.totpRequired': 'Escriba el código de 6 dígitos de su aplicación de autenticación.',
  'error.wrongTotpCode': 'Este código no es correcto o ya se usó. Escriba el código actual de su aplicación de autenticación.',
  'error.totpEnrollmentRequired':
    'Los administradores de la alianza deben activar la verificación en dos pasos antes de cualquier otra cosa. Actívela en su cuenta, con una aplicación de autenticación.',
  'error.totpAlreadyEnabled': 'La verificación en dos pasos ya está activada. Desactívela primero para usar otra aplicación de autenticación.',
  'error.totpNotSetUp': 'Primero configure la verificación en dos pasos: escanee el código QR y escriba el código que muestra.',
  'error.totpNotEnabled': 'La verificación en dos pasos no está activada en esta cuenta.',
  'error.totpRequiredForAdmins': 'Los administradores de la alianza deben mantener activada la verificación en dos pasos.',
  'error.organizationRequired': 'Los roles de organización necesitan una organización.',
  'error.organizationNotAllowed': 'Los roles de la alianza no pertenecen a una organización.',
  'error.unknownOrganization': 'No existe esa organización.',
  'error.unknownRegion': 'No existe esa región.',
  'error.cannotDisableSelf': 'No puede desactivar ni rebajar su propia cuenta.',
  'error.internal': 'Algo salió mal de nuestro lado. Quedó registrado con el identificador {requestId}.',
  'error.badRequest': 'La solicitud no es válida.',
  'error.payloadTooLarge': 'La solicitud es demasiado grande.',
  'error.badJson': 'El cuerpo de la solicitud no es JSON válido.',
  'error.endBeforeStart': 'no debe ser anterior al inicio',
  'error.unknownReference': 'hace referencia a algo que no existe',
  'error.unknownTimeZone': 'no es una zona horaria conocida (use un nombre como America/Chicago)',
  'error.unknownEvent': 'No existe ese evento.',
  'error.eventClosed': 'Este evento está {status}: ya no puede cambiar.',
  'error.eventNotPublished': 'Este evento está {status}, no publicado.',
  'error.eventNotOpen': 'Este evento está {status}, o ya terminó: no recibe confirmaciones.',
  'error.capacityBelowGoing': 'no puede ser menor que las {going} personas que ya van',
  'error.alreadyHost': 'Esta organización ya es anfitriona de este evento.',
  'error.leadCannotDecline': 'La organización líder no puede rechazar su propio evento.',
  'error.notAHost': 'Su organización no es anfitriona aceptada de este evento.',
  'error.personOrFirstName': 'elija a una de sus personas, o indique solo un nombre de pila',
  'error.unknownPerson': 'no es una de las personas de su organización',
  'error.alreadyRsvped': 'Esta persona ya está registrada para este evento.',
  'error.walkInsBelowZero': 'El conteo de personas sin registro no puede ser menor que cero.',
  'error.alreadyCheckedIn': 'Ya registró su llegada.',
  'error.notCheckedInStatus': 'Solo se registra la llegada de alguien que va (o en lista de espera).',
  'error.offerAlreadyDecided': 'Otra persona ya decidió este ofrecimiento ({status}).',
  'error.cannotResetOwnTotp': 'Pida a otra persona administradora de la alianza que restablezca su verificación en dos pasos.',
  'error.totpNeededForPurge': 'Active primero la verificación en dos pasos: el borrado de emergencia se confirma con un código de su aplicación de autenticación.',
  'error.confirmNameMismatch': 'Escriba exactamente el nombre de su organización para confirmar.',
  'error.duplicateGoal': 'Esta campaña ya tiene una meta para esta métrica.',
  'error.unknownCampaign': 'No existe esa campaña.',
  'error.unknownDemand': 'Esta demanda no es de la campaña.',
  'error.reorderMismatch': 'Indique cada demanda de la campaña exactamente una vez.',
  'error.campaignNotActive': 'Esta campaña no está activa ({status}): no recibe compromisos ni adhesiones.',
  'error.notAMember': 'Solo las organizaciones miembro activas pueden hacer esto.',
  'error.alreadyEndorsed': 'Esta organización ya respalda esta campaña.',
  'error.leadByAlliance': 'Solo la alianza designa la organización líder de una campaña.',
  'error.wholeNumber': 'debe ser un número entero (solo los dólares admiten centavos)',
  'error.dueOnOutOfRange': 'debe estar entre {min} y {max}',
  'error.metricNotInGoals': 'debe ser una de las metas de la campaña u "otro" ({metrics})',
  'error.pledgeCancelled': 'Este compromiso está cancelado: reábralo antes de informar avances.',
  'error.reportBelowZero': 'Esta corrección dejaría el total del compromiso por debajo de cero.',
  'error.correctionNeedsNote': 'Una corrección (cantidad negativa) necesita una nota que explique por qué.',
  'error.reportInFuture': 'no debe estar en el futuro',
  'error.reportTooOld': 'es demasiado antigua (como máximo dos años)',
  'error.unavailable': 'La base de datos no responde.',
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, es };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Words for the status codes that messages quote ({status}, {from}, {to}). */
const STATUS_WORDS: Record<Locale, Record<string, string>> = {
  en: {
    applicant: 'applying', active: 'active', rejected: 'rejected', lapsed: 'lapsed', suspended: 'suspended', withdrawn: 'withdrawn',
    draft: 'a draft', won: 'won', closed: 'closed', published: 'published', cancelled: 'cancelled', completed: 'completed',
    pending: 'pending', accepted: 'accepted',
  },
  es: {
    applicant: 'en solicitud', active: 'activa', rejected: 'rechazada', lapsed: 'vencida', suspended: 'suspendida', withdrawn: 'retirada',
    draft: 'en borrador', won: 'ganada', closed: 'cerrada', published: 'publicado', cancelled: 'cancelado', completed: 'terminado',
    pending: 'pendiente', accepted: 'aceptado',
  },
};
const QUOTED_STATUS = new Set(['status', 'from', 'to']);

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[locale][key] ?? MESSAGES.en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) return `{${name}}`;
    const value = String(params[name]);
    return QUOTED_STATUS.has(name) ? (STATUS_WORDS[locale][value] ?? value) : value;
  });
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
