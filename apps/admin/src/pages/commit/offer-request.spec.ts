import { emailOrPhone, toPledgeOfferRequest } from './offer-request';

describe('public commitment request', () => {
  it('trims text, leaves empty optional fields out and sends the quantity as a number', () => {
    expect(
      toPledgeOfferRequest({
        organizationName: '  Comité de Vecinos ',
        contactName: 'Rosa ',
        contactEmail: '',
        contactPhone: ' +1 915 555 0142 ',
        metric: 'calls',
        quantity: '250',
        note: null,
        homepage: null,
      }),
    ).toEqual({
      organizationName: 'Comité de Vecinos',
      contactName: 'Rosa',
      contactPhone: '+1 915 555 0142',
      metric: 'calls',
      quantity: 250,
    });
  });

  it('sends the honeypot only when something filled it', () => {
    expect(toPledgeOfferRequest({ homepage: 'http://spam.example' }).homepage).toBe('http://spam.example');
    expect('homepage' in toPledgeOfferRequest({ homepage: '' })).toBe(false);
  });

  it('needs an email or a phone', () => {
    expect(emailOrPhone(null, { contactEmail: null, contactPhone: ' ' })).toBe(
      'unidos.commit.email_or_phone',
    );
    expect(emailOrPhone(null, { contactEmail: 'rosa@example.org' })).toBeUndefined();
    expect(emailOrPhone(null, { contactPhone: '915 555 0142' })).toBeUndefined();
  });
});
