import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { post } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { toConsent, toPage } from '../../api/resources';
import { useAction, useApi } from '../../api/use-api';
import { DataState, ErrorNotice } from '../../components/ui';
import { formatDate } from '../../i18n/format';
import { ConsentMethodFields } from './consent-method';
import { consentLabel, consentOptions } from './interview-draft';

/**
 * The person's consents as the counsellor manages them after the interview: each purpose the
 * interview asks, given or not, recorded (signed form, or spoken with a witness) or withdrawn at
 * once. The ledger keeps who recorded what and how.
 */
export function PersonConsents({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const state = useApi<unknown>(endpoints.personConsents(personId));
  const [method, setMethod] = useState('signed_form');
  const [witness, setWitness] = useState('');
  const { busy, error, run } = useAction(state.reload);
  const methodLabel = (m: string) =>
    ({
      signed_form: t('interview.signedForm', 'Signed form'),
      verbal_with_witness: t('interview.verbal', 'Spoken, with a witness'),
      self_service: t('consents.selfService', 'Given by the person online'),
    })[m] ?? m;

  return (
    <section className="card" aria-labelledby="consents-title">
      <h2 id="consents-title">{t('consents.title', 'Consents')}</h2>
      <p className="muted">
        {t(
          'consents.explain',
          'What the person agreed to. A withdrawal counts at once, everywhere, including what employers see.',
        )}
      </p>
      {/* How the next consent recorded here was given. */}
      <div className="consents">
        <ConsentMethodFields method={method} witness={witness} onMethod={setMethod} onWitness={setWitness} />
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <DataState state={state} what={t('consents.title', 'Consents')}>
        {(body) => {
          const ledger = toPage(body, toConsent).items;
          return (
            <ul className="rows">
              {consentOptions.map((c) => {
                const active = ledger.filter(
                  (e) =>
                    e.status === 'active' &&
                    e.purpose === c.purpose &&
                    e.recipientCategory === c.recipientCategory,
                );
                const since = active.map((e) => e.since).find(Boolean) ?? null;
                const until = active.map((e) => e.until).find(Boolean) ?? null;
                return (
                  <li key={c.key}>
                    <span>{consentLabel(c.key, t)}</span>
                    <span className="muted small">
                      {active.length === 0
                        ? t('consents.notGiven', 'Not given')
                        : [
                            since
                              ? t('consents.givenOn', 'Given on {{date}}', {
                                  date: formatDate(since, i18n.language),
                                })
                              : t('consents.given', 'Given'),
                            methodLabel(active[0]!.method),
                            until
                              ? t('consents.until', 'until {{date}}', {
                                  date: formatDate(until, i18n.language),
                                })
                              : null,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                    </span>
                    {active.length === 0 ? (
                      <Button
                        className="btn btn-small"
                        isDisabled={busy !== null || (method === 'verbal_with_witness' && !witness.trim())}
                        onPress={() =>
                          void run(c.key, () =>
                            post(endpoints.personConsents(personId), {
                              purpose: c.purpose,
                              recipientCategory: c.recipientCategory,
                              method,
                              ...(method === 'verbal_with_witness' ? { witness: witness.trim() } : {}),
                            }),
                          )
                        }
                      >
                        {t('consents.record', 'Record consent')}
                      </Button>
                    ) : (
                      <Button
                        className="btn btn-small btn-quiet"
                        isDisabled={busy !== null}
                        onPress={() =>
                          void run(c.key, async () => {
                            for (const e of active)
                              await post(endpoints.withdrawConsent(e.id), {
                                reason: 'withdrawn with the counsellor',
                              });
                          })
                        }
                      >
                        {t('consents.withdraw', 'Withdraw')}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          );
        }}
      </DataState>
    </section>
  );
}
