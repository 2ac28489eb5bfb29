import type { Customer, Role } from '@touchpoint/core';
import { maskEmail, maskPhone } from '../http/mask';

export function customerView(c: Customer, role: Role) {
  const masked = role === 'analyst';
  return {
    id: c.id,
    email: masked ? maskEmail(c.email) : c.email,
    phone: masked ? maskPhone(c.phone) : c.phone,
    pushSubscriptions: masked ? c.push_subscriptions.map(() => ({ endpoint: '•••' })) : c.push_subscriptions,
    fcmTokens: masked ? c.fcm_tokens.map(() => '•••') : c.fcm_tokens,
    locale: c.locale,
    timezone: c.timezone,
    attributes: c.attributes,
    consent: c.consent,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}
