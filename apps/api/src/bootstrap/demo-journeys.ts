/** The design card's two journeys, loaded on first start of the embedded service. */
export const DEMO_JOURNEYS = [
  {
    name: 'Cart abandonment SMS',
    description:
      'An SMS with a discount 3 days after a cart is abandoned, unless the order is completed first.',
    stage: 'decision',
    trigger: { event: 'cart_abandoned' },
    exitOn: ['order_completed'],
    goal: { event: 'order_completed', within: 'P7D' },
    steps: [
      { id: 'wait', type: 'wait', duration: 'P3D' },
      {
        id: 'sms',
        type: 'send',
        channel: 'sms',
        template: {
          body: "{{ customer.attributes.firstName | default: 'Hi' }}, your cart is waiting: 10% off with CART10 {{ event.properties.cartUrl }}",
          locales: {
            fa: {
              body: "{{ customer.attributes.firstName | default: 'سلام' }}، سبد خرید شما منتظر است: ۱۰٪ تخفیف با کد CART10 {{ event.properties.cartUrl }}",
            },
            he: {
              body: "{{ customer.attributes.firstName | default: 'שלום' }}, העגלה שלך מחכה: 10% הנחה עם CART10 {{ event.properties.cartUrl }}",
            },
          },
        },
      },
    ],
  },
  {
    name: 'Thank-you email after delivery',
    description: 'A thank-you email with a survey a day after the order is delivered.',
    stage: 'advocacy',
    trigger: { event: 'order_delivered' },
    steps: [
      { id: 'wait', type: 'wait', duration: 'P1D' },
      {
        id: 'thanks',
        type: 'send',
        channel: 'email',
        template: {
          subject: 'Thank you for your order, {{ customer.attributes.firstName | default: "friend" }}',
          html: '<p>Thank you for shopping with us! Your order {{ event.properties.orderId }} has arrived.</p><p>How did we do? Reply to this email and tell us.</p>',
          text: 'Thank you for shopping with us! Your order {{ event.properties.orderId }} has arrived. How did we do? Reply and tell us.',
          locales: {
            fa: {
              subject: 'از خرید شما سپاسگزاریم',
              html: '<p>از خرید شما سپاسگزاریم! سفارش {{ event.properties.orderId }} به دستتان رسید.</p>',
              text: 'از خرید شما سپاسگزاریم! سفارش {{ event.properties.orderId }} به دستتان رسید.',
            },
          },
        },
      },
    ],
  },
];
