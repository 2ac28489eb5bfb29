import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../ui/facts.css';
import { Link, useNavigate, useParams } from 'react-router';
import { useAbilities } from '../auth/session';
import { registerNamespace } from '../i18n/i18n';
import { logLocales } from '../log/log.locales';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ConsentList } from './ConsentList';
import { useCustomer, useEraseCustomer, useJourneyMap, type Customer } from './customers.api';
import { customersLocales } from './customers.locales';
import { StageTimeline } from './StageTimeline';
import './customers.css';

registerNamespace('customers', customersLocales);
registerNamespace('log', logLocales);

function Contacts({ customer }: { customer: Customer }) {
  const { t } = useTranslation('customers');
  return (
    <dl className="facts customer-facts">
      {customer.email && (
        <>
          <dt>{t('email')}</dt>
          <dd>
            <bdi dir="ltr">{customer.email}</bdi>
          </dd>
        </>
      )}
      {customer.phone && (
        <>
          <dt>{t('phone')}</dt>
          <dd>
            <bdi dir="ltr">{customer.phone}</bdi>
          </dd>
        </>
      )}
      {customer.locale && (
        <>
          <dt>{t('locale')}</dt>
          <dd>{customer.locale}</dd>
        </>
      )}
    </dl>
  );
}

/** Erasure, asked first, saying what goes and what stays (CustomerErasureRepository). */
function EraseButton({ id }: { id: string }) {
  const { t } = useTranslation('customers');
  const [open, setOpen] = useState(false);
  const erase = useEraseCustomer(id);
  const navigate = useNavigate();
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        {t('erase.button')}
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t('erase.title', { id })}
        confirmLabel={t('erase.confirm')}
        danger
        busy={erase.isPending}
        onConfirm={() =>
          erase.mutate(undefined, {
            onSuccess: () => void navigate('/customers', { state: { erased: id } }),
          })
        }
      >
        <p>{t('erase.goes')}</p>
        <p>{t('erase.stays')}</p>
        <p>{t('erase.final')}</p>
        {erase.isError && (
          <p role="alert" className="error-text">
            {t('common:error', { message: erase.error.message })}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}

/** One customer: their contacts (masked for analysts), consent, and their journey stage by stage. */
export function CustomerPage() {
  const { t } = useTranslation('customers');
  const id = useParams().id as string;
  const abilities = useAbilities();
  const customer = useCustomer(id);
  const map = useJourneyMap(id);
  return (
    <div className="page customer-page">
      <p>
        <Link to="/customers">{t('back')}</Link>
      </p>
      <div className="page__header">
        <h1>
          {t('customer')} <bdi dir="ltr">{id}</bdi>
        </h1>
        {abilities.edit && customer.isSuccess && <EraseButton id={id} />}
      </div>
      {customer.isError || map.isError ? (
        <p role="alert" className="error-text">
          {t('common:error', { message: (customer.error ?? map.error)?.message })}
        </p>
      ) : customer.isPending || map.isPending ? (
        <p>{t('common:loading')}</p>
      ) : (
        <>
          <section className="card customer-summary" aria-labelledby="customer-consent">
            <Contacts customer={customer.data} />
            <div>
              <h2 id="customer-consent">{t('consentTitle')}</h2>
              <ConsentList consent={map.data.consent} />
            </div>
          </section>
          <StageTimeline stages={map.data.stages} customerId={id} />
        </>
      )}
    </div>
  );
}
