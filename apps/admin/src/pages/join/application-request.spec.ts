import { emailOrPhone, toApplicationRequest } from './application-request';

describe('toApplicationRequest', () => {
  it('nests the contact and leaves empty optional fields out', () => {
    const body = toApplicationRequest({
      name: '  Casa del Pueblo ',
      kind: 'worker_center',
      city: 'Chicago',
      state: 'IL',
      focusAreas: ['wage_theft'],
      languages: ['es', 'en'],
      website: null,
      description: '',
      contact: { displayName: 'Rosa', email: 'rosa@example.org', phone: '', preferredLanguage: 'es' },
      homepage: '',
    });
    expect(body).toEqual({
      name: 'Casa del Pueblo',
      kind: 'worker_center',
      city: 'Chicago',
      state: 'IL',
      focusAreas: ['wage_theft'],
      languages: ['es', 'en'],
      contact: { displayName: 'Rosa', email: 'rosa@example.org', preferredLanguage: 'es' },
    });
  });

  it('sends the honeypot when a bot filled it', () => {
    expect(toApplicationRequest({ homepage: 'http://spam.example' }).homepage).toBe('http://spam.example');
  });
});

describe('emailOrPhone', () => {
  it('asks for at least one way to reach the contact', () => {
    expect(
      emailOrPhone(null, { contact: { displayName: 'R', email: null, phone: ' ', preferredLanguage: 'es' } }),
    ).toBe('unidos.join.email_or_phone');
    expect(
      emailOrPhone(null, {
        contact: { displayName: 'R', email: null, phone: '555', preferredLanguage: 'es' },
      }),
    ).toBe(undefined);
  });
});
