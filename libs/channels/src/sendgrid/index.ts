export * from './sendgrid-email.adapter';
export * from './html-direction';
export * from './sendgrid-event';
