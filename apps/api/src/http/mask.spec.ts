import { describe, expect, it } from 'vitest';
import { maskAddress, maskDeep, maskText } from './mask';

describe('masking for analysts', () => {
  it('should mask phones and emails the way the README shows them', () => {
    expect(maskAddress('sms', '+989121234567')).toBe('+98912•••4567');
    expect(maskAddress('email', 'nasrin@example.com')).toBe('n•••@example.com');
    expect(maskAddress('push', 'https://fcm.googleapis.com/fcm/send/abc')).toBe('•••');
    expect(maskAddress('sms', null)).toBeNull();
  });

  it('should mask addresses and numbers inside free text and leave the rest', () => {
    expect(maskText('call me on +98 912 123 4567 or mail nasrin@example.com, thanks')).toBe(
      'call me on +98912•••4567 or mail n•••@example.com, thanks',
    );
    expect(maskText("The 'To' number +989121234567 is not a valid phone number.")).toBe(
      "The 'To' number +98912•••4567 is not a valid phone number.",
    );
    expect(maskText('خیلی خوب بود، ۱۰ از ۱۰')).toBe('خیلی خوب بود، ۱۰ از ۱۰');
    expect(maskText('order 1234567890 on 2026-11-22 09:30:00')).toBe(
      'order 1234567890 on 2026-11-22 09:30:00',
    );
    expect(maskText('home: 0912 123 4567')).toBe('home: 091212•••4567');
    expect(maskText(null)).toBeNull();
  });

  it('should mask every string inside a JSON value', () => {
    expect(maskDeep({ cart: { email: 'a.b@example.com', items: ['+989121234567', 3] }, total: 12 })).toEqual({
      cart: { email: 'a•••@example.com', items: ['+98912•••4567', 3] },
      total: 12,
    });
  });
});
