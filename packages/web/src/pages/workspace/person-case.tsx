import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseClosureReason } from '@passerelle/core';
import { request } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { forgetRecord } from '../../api/names';
import { toCaseClosure } from '../../api/resources';
import { useAction } from '../../api/use-api';
import { ErrorNotice } from '../../components/ui';
import { formatDate } from '../../i18n/format';

/**
 * The reasons a case ends, labelled in the reader's language, in the order a counsellor looks for
 * them. Typed against the server's list, so a reason added there must be labelled here.
 */
export function useClosureReasons(): { reasons: CaseClosureReason[]; label: (reason: string) => string } {
  const { t } = useTranslation();
  return useMemo(() => {
    const labels: Record<CaseClosureReason, string> = {
      support_ended: t('closure.support_ended', 'The planned support ended'),
      criteria_no_longer_met: t('closure.criteria_no_longer_met', 'No longer meets the criteria'),
      person_chose_to_stop: t('closure.person_chose_to_stop', 'The person chose to stop'),
      moved_away: t('closure.moved_away', 'Moved away from the area'),
      decided_to_remigrate: t('closure.decided_to_remigrate', 'Decided to migrate again'),
      deceased: t('closure.deceased', 'Deceased'),
      access_barrier: t('closure.access_barrier', 'A major barrier to taking part'),
      assistance_not_suitable: t('closure.assistance_not_suitable', 'The assistance no longer suits'),
      negative_repercussions: t('closure.negative_repercussions', 'Stigma or other harm from taking part'),
      costs_outweigh_benefits: t('closure.costs_outweigh_benefits', 'Taking part costs more than it brings'),
      behaviour_towards_staff: t(
        'closure.behaviour_towards_staff',
        'Aggressive or threatening towards staff',
      ),
      funding_or_security: t('closure.funding_or_security', 'Funding ended, or security'),
      other: t('closure.other', 'Other reason'),
    };
    return {
      reasons: Object.keys(labels) as CaseClosureReason[],
      label: (reason: string) => labels[reason as CaseClosureReason] ?? reason,
    };
  }, [t]);
}

/** Today as YYYY-MM-DD in the reader's time zone. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Whether the case is open or closed, and the way to close it (date, reason, note) or reopen it.
 * The change is made against the version of the record shown, so a change by someone else in
 * between is refused rather than overwritten.
 */
export function CaseStatus({ person, onChanged }: { person: unknown; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  // Only those the server lets close or reopen it are offered the button (others would get a 403).
  const { id, version, closure, mayChange } = toCaseClosure(person);
  const { reasons, label: reasonLabel } = useClosureReasons();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(localToday);
  const [note, setNote] = useState('');
  const done = useCallback(() => {
    setOpen(false);
    // The dashboard's follow-ups mark closed cases from the looked-up person: look it up again.
    forgetRecord('person', id);
    onChanged();
  }, [onChanged, id]);
  const { busy, error, run } = useAction(done);
  const headers: Record<string, string> = version === null ? {} : { 'if-match': `"${version}"` };

  if (closure) {
    return (
      <section className="notice notice-muted" aria-labelledby="case-status-title">
        <h2 id="case-status-title">
          {t('closure.closedOn', 'Case closed on {{date}}', { date: formatDate(closure.on, i18n.language) })}
        </h2>
        <p>
          {reasonLabel(closure.reason)}
          {closure.note ? ` — ${closure.note}` : ''}
        </p>
        <p className="muted small">
          {t(
            'closure.closedExplain',
            'The person is not offered to employers or trainings while the case is closed.',
          )}
        </p>
        {mayChange ? (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy !== null}
            onClick={() =>
              void run('reopen', () => request(endpoints.personReopen(id), { method: 'POST', headers }))
            }
          >
            {t('closure.reopen', 'Reopen the case')}
          </button>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </section>
    );
  }

  if (!mayChange) return null;

  if (!open) {
    return (
      <div className="button-row">
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
          {t('closure.close', 'Close the case')}
        </button>
      </div>
    );
  }

  return (
    <form
      className="card form"
      aria-labelledby="case-close-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason) return;
        void run('close', () =>
          request(endpoints.personClose(id), {
            method: 'POST',
            // Today is left to the server: east of UTC, the reader's today is the server's tomorrow
            // for a few hours, and a closure dated after the server's today is refused.
            body: {
              reason,
              ...(on === localToday() ? {} : { on }),
              ...(note.trim() ? { note: note.trim() } : {}),
            },
            headers,
          }),
        );
      }}
    >
      <h2 id="case-close-title">{t('closure.close', 'Close the case')}</h2>
      <p className="muted small">
        {t(
          'closure.explain',
          'When a person wants to stop early or to migrate again, talk about the reasons first. The record and its history stay; retention rules count from this date.',
        )}
      </p>
      <div className="field">
        <label htmlFor="closure-reason">{t('closure.reason', 'Reason')}</label>
        <select id="closure-reason" required value={reason} onChange={(e) => setReason(e.target.value)}>
          <option value="">{t('closure.chooseReason', 'Choose a reason')}</option>
          {reasons.map((r) => (
            <option key={r} value={r}>
              {reasonLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="closure-on">{t('closure.on', 'Closed on')}</label>
        <input
          id="closure-on"
          type="date"
          required
          max={localToday()}
          value={on}
          onChange={(e) => setOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="closure-note">{t('closure.note', 'Note (optional)')}</label>
        <textarea id="closure-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy !== null || !reason}>
          {t('closure.confirm', 'Close the case')}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t('common.cancel', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
