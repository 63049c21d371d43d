import { renderBodyTemplate, unknownPlaceholders } from './body-template';

const values = { address: '0912345678', text: 'Sự cố "LSN-1"\nmất điện \\ cấp 2', deliveryId: 'd-1', ackCode: '123456', ackUrl: 'https://x/a?t=1&u=2', incidentReference: 'SC-1' };

describe('an HTTP gateway body template', () => {
  it('fills placeholders with JSON-escaped values, so the body stays the JSON the template describes', () => {
    const body = renderBodyTemplate('{"to":"{{address}}","message":"{{ text }}","ref":"{{deliveryId}}"}', values);
    expect(JSON.parse(body)).toEqual({ to: '0912345678', message: values.text, ref: 'd-1' });
  });

  it('cannot be broken out of by a value holding quotes and braces', () => {
    const body = renderBodyTemplate('{"message":"{{text}}"}', { ...values, text: '", "admin": true, "x": "' });
    expect(Object.keys(JSON.parse(body) as object)).toEqual(['message']);
  });

  it('names unknown placeholders and refuses to render them', () => {
    expect(unknownPlaceholders('{"a":"{{address}}","b":"{{password}}"}')).toEqual(['password']);
    expect(() => renderBodyTemplate('{"b":"{{password}}"}', values)).toThrow(/password/);
  });
});
