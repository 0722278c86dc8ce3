import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** A page with its one h1 and optional actions beside it. */
export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/** Says plainly that the server does not offer this yet, instead of an error. */
export function NotAvailable({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-muted" role="status">
      <strong>{t('common.notAvailableTitle', 'Not available yet')}</strong>
      <p>{t('common.notAvailableBody', '{{what}} is not available on this server yet.', { what })}</p>
    </div>
  );
}

/** An error from the API, in the reader's language, with a retry. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <strong>
        {error.code === 'network_error'
          ? t('common.offline', 'The server cannot be reached.')
          : error.message}
      </strong>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry', 'Try again')}
        </button>
      ) : null}
    </div>
  );
}

/** Loading, not-available, error and empty states around a loaded resource. */
export function DataState<T>({
  state,
  what,
  empty,
  isEmpty,
  children,
}: {
  state: { data: T | undefined; error: ApiError | null; loading: boolean; reload: () => void };
  what: string;
  empty?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (state.error?.notAvailable) return <NotAvailable what={what} />;
  if (state.error)
    return <ErrorNotice error={state.error} onRetry={state.error.retryable ? state.reload : undefined} />;
  if (state.data === undefined)
    return (
      <p className="muted" role="status" aria-live="polite">
        {t('common.loading', 'Loading…')}
      </p>
    );
  if (isEmpty?.(state.data))
    return <p className="muted">{empty ?? t('common.empty', 'Nothing here yet.')}</p>;
  return <>{children(state.data)}</>;
}

/** A coloured label for a referral or record status; the text carries the meaning, colour only helps. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge badge-${status}`}>{label}</span>;
}

/** A bar for a share between 0 and 1 with its text value, readable by screen readers. */
export function ScoreBar({ value, label, text }: { value: number; label: string; text: string }) {
  const pct = Math.max(0, Math.min(1, value)) * 100;
  return (
    <div
      className="score"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(pct)}
      aria-valuetext={text}
    >
      <span className="score-track">
        <span className="score-fill" style={{ inlineSize: `${pct}%` }} />
      </span>
      <span className="score-text">{text}</span>
    </div>
  );
}
