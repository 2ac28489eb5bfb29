import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { registerNamespace } from '../i18n/i18n';
import { useCustomerSearch } from './customers.api';
import { customersLocales } from './customers.locales';
import './customers.css';

registerNamespace('customers', customersLocales);

/** Find a customer by the start of their id, email or phone; the search is in the address bar. */
export function CustomersPage() {
  const { t } = useTranslation('customers');
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const [draft, setDraft] = useState(query);
  const found = useCustomerSearch(query);
  const erased = (useLocation().state as { erased?: string } | null)?.erased;
  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('title')}</h1>
      </div>
      {erased && (
        <p role="status" className="card">
          {t('erased', { id: erased })}
        </p>
      )}
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(draft.trim() ? { q: draft.trim() } : {});
        }}
      >
        <input
          type="search"
          dir="auto"
          aria-label={t('search')}
          placeholder={t('search')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t('find')}
        </button>
      </form>
      {!query ? (
        <p className="muted">{t('hint')}</p>
      ) : found.isPending ? (
        <p>{t('common:loading')}</p>
      ) : found.isError ? (
        <p role="alert" className="error-text">
          {t('common:error', { message: found.error.message })}
        </p>
      ) : found.data.items.length === 0 ? (
        <p>{t('noMatch')}</p>
      ) : (
        <ul className="customer-results">
          {found.data.items.map((customer) => (
            <li key={customer.id} className="card">
              <Link to={`/customers/${encodeURIComponent(customer.id)}`}>
                <bdi dir="ltr">{customer.id}</bdi>
              </Link>
              <span className="muted">
                {[customer.email, customer.phone].filter(Boolean).map((contact) => (
                  <bdi key={contact} dir="ltr" className="customer-results__contact">
                    {contact}
                  </bdi>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
