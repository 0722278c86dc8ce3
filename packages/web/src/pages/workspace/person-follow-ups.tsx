import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Label, Radio, RadioGroup } from 'react-aria-components';
import {
  contractKinds,
  followUpChannels,
  followUpDue,
  followUpPoints,
  leftReasons,
  nextFollowUpPoint,
} from '@passerelle/core/follow-up-due';
import { ApiError } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import {
  deleteFollowUp,
  fieldProblems,
  followUpBodyOf,
  placementsPath,
  recordFollowUp,
  toFollowUp,
  toPlacements,
  type FieldProblem,
  type FollowUpDraft,
  type FollowUpRow,
  type Placement,
} from '../../api/follow-ups';
import { useReferralNames } from '../../api/names';
import { toPage, toReferral } from '../../api/resources';
import { useApi } from '../../api/use-api';
import { DataState, ErrorNotice } from '../../components/ui';
import { formatDate, formatNumber } from '../../i18n/format';

const points = followUpPoints;
const channels = followUpChannels;
const contracts = contractKinds;
const reasons = leftReasons;

/** Today as YYYY-MM-DD in the reader's time zone. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The labels of the answers, in the reader's language. */
function useFollowUpLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      point: (months: number | null) =>
        ({
          1: t('followUps.point1', '1 month'),
          3: t('followUps.point3', '3 months'),
          6: t('followUps.point6', '6 months'),
          12: t('followUps.point12', '12 months'),
        })[months ?? 0] ?? t('followUps.adHoc', 'Other contact'),
      channel: (c: string) =>
        ({
          phone: t('followUps.channel.phone', 'Phone'),
          in_person: t('followUps.channel.inPerson', 'In person'),
          video: t('followUps.channel.video', 'Video call'),
          message: t('followUps.channel.message', 'Message'),
        })[c] ?? c,
      contract: (c: string) =>
        ({
          permanent: t('followUps.contract.permanent', 'Permanent'),
          fixed_term: t('followUps.contract.fixedTerm', 'Fixed term'),
          casual: t('followUps.contract.casual', 'Casual'),
          self_employed: t('followUps.contract.selfEmployed', 'Self-employed'),
          none: t('followUps.contract.none', 'No contract'),
        })[c] ?? c,
      reason: (r: string) =>
        ({
          contract_ended: t('followUps.reason.contractEnded', 'The contract ended'),
          dismissed: t('followUps.reason.dismissed', 'Dismissed'),
          resigned_pay: t('followUps.reason.resignedPay', 'Left: pay too low'),
          resigned_conditions: t('followUps.reason.resignedConditions', 'Left: working conditions'),
          health: t('followUps.reason.health', 'Health'),
          family: t('followUps.reason.family', 'Family reasons'),
          moved: t('followUps.reason.moved', 'Moved away'),
          other: t('followUps.reason.other', 'Other reason'),
        })[r] ?? r,
      yes: t('followUps.yes', 'Yes'),
      no: t('followUps.no', 'No'),
    }),
    [t],
  );
}

/**
 * The follow-ups of a person after their placements (C5): what each contact found (reached,
 * employed, wage, contract, satisfaction, why they left), and a form to record one, attached to
 * a placement with the next due point proposed.
 */
export function PersonFollowUps({ personId, onSaved }: { personId: string; onSaved?: () => void }) {
  const { t, i18n } = useTranslation();
  const state = useApi<unknown>(`${endpoints.personFollowUps(personId)}?limit=100`);
  const referrals = useApi<unknown>(placementsPath(personId));
  const placements = referrals.data === undefined ? [] : toPlacements(toPage(referrals.data, (x) => x).items);
  const followUps = state.data === undefined ? [] : toPage(state.data, toFollowUp).items;
  return (
    <section className="stack follow-ups" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t('followUps.title', 'Follow-ups')}</h2>
      <DataState
        state={state}
        what={t('followUps.title', 'Follow-ups')}
        isEmpty={(b) => toPage(b, toFollowUp).items.length === 0}
        empty={t('followUps.empty', 'No follow-up recorded yet.')}
      >
        {() => (
          <FollowUpTable
            items={followUps}
            placements={placements}
            onDeleted={() => {
              state.reload();
              onSaved?.();
            }}
          />
        )}
      </DataState>
      {state.data !== undefined ? (
        <FollowUpForm
          personId={personId}
          placements={placements}
          recorded={followUps}
          onSaved={() => {
            state.reload();
            onSaved?.();
          }}
          language={i18n.language}
        />
      ) : null}
    </section>
  );
}

/** Placement titles (the vacancy's), looked up once like the referral list does. */
function usePlacementTitles(placements: Placement[]): Map<string, string> {
  const { i18n } = useTranslation();
  const named = useReferralNames(
    placements.map((p) =>
      toReferral({ id: p.id, targetKind: 'vacancy', targetId: p.targetId }, i18n.language),
    ),
  );
  return new Map(named.map((r) => [r.id, r.targetTitle]));
}

function FollowUpTable({
  items,
  placements,
  onDeleted,
}: {
  items: FollowUpRow[];
  placements: Placement[];
  onDeleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const label = useFollowUpLabels();
  const titles = usePlacementTitles(placements);
  // A follow-up recorded by mistake is deleted in two presses: Delete, then Confirm.
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const remove = async (row: FollowUpRow) => {
    setError(null);
    try {
      await deleteFollowUp(row);
      setConfirming(null);
      onDeleted();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)));
    }
  };
  const answer = (v: boolean | null) => (v === null ? '—' : v ? label.yes : label.no);
  return (
    <div className="table-wrap" role="region" aria-labelledby="follow-ups-caption" tabIndex={0}>
      <table className="table">
        <caption id="follow-ups-caption" className="visually-hidden">
          {t('followUps.caption', 'Follow-ups, newest first')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('followUps.on', 'Date')}</th>
            <th scope="col">{t('followUps.point', 'Follow-up point')}</th>
            <th scope="col">{t('followUps.reached', 'Reached')}</th>
            <th scope="col">{t('followUps.employed', 'Employed')}</th>
            <th scope="col" className="numeric">
              {t('followUps.wage', 'Monthly wage')}
            </th>
            <th scope="col">{t('followUps.contract', 'Contract')}</th>
            <th scope="col">{t('followUps.satisfaction', 'Satisfaction')}</th>
            <th scope="col">{t('followUps.leftReason', 'Why they left')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('followUps.actions', 'Actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.id}>
              <td>
                {formatDate(f.on, i18n.language)}
                <div className="muted small">{label.channel(f.channel)}</div>
              </td>
              <td>
                {label.point(f.months)}
                {f.referralId && titles.get(f.referralId) ? (
                  <div className="muted small">{titles.get(f.referralId)}</div>
                ) : null}
              </td>
              <td>{answer(f.reached)}</td>
              <td>
                {f.employed === null ? '—' : answer(f.employed === 'yes')}
                {f.employed === 'yes' && f.sameJob === false ? (
                  <div className="muted small">{t('followUps.otherJob', 'In another job')}</div>
                ) : null}
              </td>
              <td className="numeric">
                {f.monthlyWage === null
                  ? '—'
                  : f.currency
                    ? formatNumber(f.monthlyWage, i18n.language, { style: 'currency', currency: f.currency })
                    : formatNumber(f.monthlyWage, i18n.language)}
              </td>
              <td>{f.contract ? label.contract(f.contract) : '—'}</td>
              <td>
                {f.satisfaction === null
                  ? '—'
                  : t('followUps.satisfactionOf', '{{value}} of 5', {
                      value: formatNumber(f.satisfaction, i18n.language),
                    })}
              </td>
              <td>{f.leftReason ? label.reason(f.leftReason) : '—'}</td>
              <td>
                {confirming === f.id ? (
                  <span className="row-actions">
                    <Button className="btn btn-small btn-danger" onPress={() => void remove(f)}>
                      {t('followUps.confirmDelete', 'Confirm: delete')}
                    </Button>
                    <Button className="btn btn-small btn-quiet" onPress={() => setConfirming(null)}>
                      {t('common.cancel', 'Cancel')}
                    </Button>
                  </span>
                ) : (
                  <Button
                    className="btn btn-small btn-quiet"
                    aria-label={t('followUps.deleteOf', 'Delete the follow-up of {{date}}', {
                      date: formatDate(f.on, i18n.language),
                    })}
                    onPress={() => setConfirming(f.id)}
                  >
                    {t('followUps.delete', 'Delete')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}

/**
 * The point to propose for a placement: the earliest of 1/3/6/12 months at which the person was
 * not yet reached (a missed call leaves the point due).
 */
function proposal(placement: Placement | undefined, recorded: FollowUpRow[]) {
  if (!placement) return null;
  return nextFollowUpPoint(
    placement.startedOn,
    recorded.filter((f) => f.referralId === placement.id && f.reached).map((f) => f.months),
  );
}

function FollowUpForm({
  personId,
  placements,
  recorded,
  onSaved,
  language,
}: {
  personId: string;
  placements: Placement[];
  recorded: FollowUpRow[];
  onSaved: () => void;
  language: string;
}) {
  const { t } = useTranslation();
  const label = useFollowUpLabels();
  const titles = usePlacementTitles(placements);
  const fresh = (): FollowUpDraft => ({
    referralId: '',
    months: '',
    on: localToday(),
    channel: 'phone',
    reached: true,
    employed: '',
    sameJob: true,
    monthlyWage: '',
    currency: '',
    contract: '',
    satisfaction: '',
    leftReason: '',
    notes: '',
  });
  const [draft, setFollowUpDraft] = useState<FollowUpDraft>(fresh);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const placement = placements.find((p) => p.id === draft.referralId);
  const next = proposal(placement, recorded);

  const update = (patch: Partial<FollowUpDraft>) => {
    setFollowUpDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
    // A field changed: its server error no longer applies.
    setProblems((ps) => ps.filter((p) => !(p.field in patch)));
  };
  const choosePlacement = (id: string) => {
    const p = placements.find((x) => x.id === id);
    const proposed = proposal(p, recorded);
    update({ referralId: id, months: proposed ? String(proposed.months) : '' });
  };

  const problemText = (p: FieldProblem): string =>
    ({
      date_in_future: t('followUps.error.dateInFuture', 'The date must not be after today.'),
      referral_of_another_person: t(
        'followUps.error.otherPerson',
        'This placement is not one of this person’s.',
      ),
      missing: t('followUps.error.missing', 'This placement no longer exists.'),
    })[p.code] ??
    (p.field === 'currency' && p.code === 'custom'
      ? t('followUps.error.currency', 'Give the currency of the wage (for example GEL or EUR).')
      : p.field === 'monthlyWage'
        ? t('followUps.error.wage', 'Give the wage as a number of 0 or more.')
        : p.field === 'employed' && p.code === 'custom'
          ? t('followUps.error.employed', 'Say whether the person is employed.')
          : p.message);
  const shown = new Set([
    'referralId',
    'months',
    'on',
    'channel',
    'employed',
    'monthlyWage',
    'currency',
    'contract',
    'satisfaction',
    'leftReason',
    'notes',
  ]);
  const errorOf = (field: string) => problems.filter((p) => p.field === field).map(problemText)[0] ?? null;
  const fieldProps = (field: string) => {
    const text = errorOf(field);
    return {
      id: `fu-${field}`,
      name: field,
      'aria-invalid': text ? true : undefined,
      'aria-describedby': text ? `fu-${field}-error` : undefined,
    };
  };
  const issue = (field: string): ReactNode => {
    const text = errorOf(field);
    return text ? (
      <span id={`fu-${field}-error`} className="react-aria-FieldError">
        {text}
      </span>
    ) : null;
  };

  const attempt = useRef<{ body: string; key: string } | null>(null);

  async function save() {
    setBusy(true);
    setError(null);
    setProblems([]);
    setSaved(false);
    try {
      const body = followUpBodyOf(draft);
      const text = JSON.stringify(body);
      // One key per body: sent again unchanged (a retry), it is recorded once; changed, it is new.
      if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
      await recordFollowUp(personId, body, attempt.current.key);
      attempt.current = null;
      setFollowUpDraft(fresh());
      setSaved(true);
      onSaved();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e));
      setError(err);
      setProblems(fieldProblems(err));
    } finally {
      setBusy(false);
    }
  }
  const unshown = problems.some((p) => !shown.has(p.field));

  return (
    <form
      className="card form"
      aria-labelledby="follow-up-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="follow-up-form-title">{t('followUps.record', 'Record a follow-up')}</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="fu-referralId">{t('followUps.placement', 'Placement')}</label>
          <select
            {...fieldProps('referralId')}
            value={draft.referralId}
            onChange={(e) => choosePlacement(e.target.value)}
          >
            <option value="">{t('followUps.noPlacement', 'None (not about a placement)')}</option>
            {placements.map((p) => (
              <option key={p.id} value={p.id}>
                {t('followUps.placementOption', '{{title}}, started {{date}}', {
                  title: titles.get(p.id) || t('followUps.vacancy', 'Vacancy'),
                  date: formatDate(p.startedOn, language),
                })}
              </option>
            ))}
          </select>
          {issue('referralId')}
        </div>
        <div className="field">
          <label htmlFor="fu-months">{t('followUps.point', 'Follow-up point')}</label>
          <select
            {...fieldProps('months')}
            value={draft.months}
            onChange={(e) => update({ months: e.target.value })}
          >
            <option value="">{label.point(null)}</option>
            {points.map((m) => (
              <option key={m} value={String(m)}>
                {label.point(m)}
              </option>
            ))}
          </select>
          {placement && next ? (
            <span className="muted small" role="status">
              {t('followUps.nextDue', 'Next: the follow-up at {{point}}, due on {{date}}', {
                point: label.point(next.months),
                date: formatDate(next.due, language),
              })}
            </span>
          ) : placement ? (
            <span className="muted small" role="status">
              {t('followUps.allDone', 'All four follow-ups are recorded (the last was due on {{date}}).', {
                date: formatDate(followUpDue(placement.startedOn, 12), language),
              })}
            </span>
          ) : null}
          {issue('months')}
        </div>
        <div className="field">
          <label htmlFor="fu-on">{t('followUps.contactOn', 'Date of the contact')}</label>
          <input
            {...fieldProps('on')}
            type="date"
            value={draft.on}
            onChange={(e) => update({ on: e.target.value })}
          />
          {issue('on')}
        </div>
        <div className="field">
          <label htmlFor="fu-channel">{t('followUps.channel.label', 'How')}</label>
          <select
            {...fieldProps('channel')}
            value={draft.channel}
            onChange={(e) => update({ channel: e.target.value })}
          >
            {channels.map((c) => (
              <option key={c} value={c}>
                {label.channel(c)}
              </option>
            ))}
          </select>
          {issue('channel')}
        </div>
      </div>
      <Checkbox className="checkbox" isSelected={draft.reached} onChange={(reached) => update({ reached })}>
        <span className="box" aria-hidden="true" />
        {t('followUps.reachedLabel', 'The person was reached')}
      </Checkbox>
      {draft.reached ? (
        <>
          <RadioGroup
            className="radio-group"
            value={draft.employed}
            onChange={(employed) => update({ employed })}
            isInvalid={errorOf('employed') !== null}
            aria-describedby={errorOf('employed') ? 'fu-employed-error' : undefined}
          >
            <Label>{t('followUps.employedQuestion', 'Employed now?')}</Label>
            <Radio value="yes">{label.yes}</Radio>
            <Radio value="no">{label.no}</Radio>
            {issue('employed')}
          </RadioGroup>
          <div className="form-grid">
            {draft.employed === 'yes' ? (
              <Checkbox
                className="checkbox"
                isSelected={draft.sameJob}
                onChange={(sameJob) => update({ sameJob })}
              >
                <span className="box" aria-hidden="true" />
                {t('followUps.sameJob', 'Still in the job they were placed in')}
              </Checkbox>
            ) : null}
            <div className="field">
              <label htmlFor="fu-monthlyWage">{t('followUps.wage', 'Monthly wage')}</label>
              <input
                {...fieldProps('monthlyWage')}
                inputMode="decimal"
                dir="ltr"
                value={draft.monthlyWage}
                onChange={(e) => update({ monthlyWage: e.target.value })}
              />
              {issue('monthlyWage')}
            </div>
            <div className="field">
              <label htmlFor="fu-currency">{t('followUps.currency', 'Currency (e.g. GEL, EUR)')}</label>
              <input
                {...fieldProps('currency')}
                dir="ltr"
                maxLength={3}
                autoCapitalize="characters"
                value={draft.currency}
                onChange={(e) => update({ currency: e.target.value })}
              />
              {issue('currency')}
            </div>
            <div className="field">
              <label htmlFor="fu-contract">{t('followUps.contract', 'Contract')}</label>
              <select
                {...fieldProps('contract')}
                value={draft.contract}
                onChange={(e) => update({ contract: e.target.value })}
              >
                <option value="">{t('followUps.notAsked', 'Not asked')}</option>
                {contracts.map((c) => (
                  <option key={c} value={c}>
                    {label.contract(c)}
                  </option>
                ))}
              </select>
              {issue('contract')}
            </div>
            <div className="field">
              <label htmlFor="fu-satisfaction">
                {t('followUps.satisfactionQuestion', 'Satisfaction (1 to 5)')}
              </label>
              <select
                {...fieldProps('satisfaction')}
                value={draft.satisfaction}
                onChange={(e) => update({ satisfaction: e.target.value })}
              >
                <option value="">{t('followUps.notAsked', 'Not asked')}</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={String(n)}>
                    {formatNumber(n, language)}
                  </option>
                ))}
              </select>
              {issue('satisfaction')}
            </div>
            {draft.employed === 'no' ? (
              <div className="field">
                <label htmlFor="fu-leftReason">{t('followUps.leftReason', 'Why they left')}</label>
                <select
                  {...fieldProps('leftReason')}
                  value={draft.leftReason}
                  onChange={(e) => update({ leftReason: e.target.value })}
                >
                  <option value="">{t('followUps.notAsked', 'Not asked')}</option>
                  {reasons.map((r) => (
                    <option key={r} value={r}>
                      {label.reason(r)}
                    </option>
                  ))}
                </select>
                {issue('leftReason')}
              </div>
            ) : null}
          </div>
        </>
      ) : null}
      <div className="field">
        <label htmlFor="fu-notes">{t('followUps.notes', 'Notes (optional)')}</label>
        <textarea
          {...fieldProps('notes')}
          rows={3}
          value={draft.notes}
          onChange={(e) => update({ notes: e.target.value })}
        />
        {issue('notes')}
      </div>
      {error && (problems.length === 0 || unshown) ? <ErrorNotice error={error} /> : null}
      {error && problems.length > 0 && !unshown ? (
        <p className="notice notice-error" role="alert">
          {t('followUps.fixFields', 'Nothing was saved: correct the fields marked above.')}
        </p>
      ) : null}
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t('followUps.saved', 'Follow-up recorded.')}
        </p>
      ) : null}
      <div className="button-row">
        <Button type="submit" className="btn btn-primary" isDisabled={busy}>
          {t('followUps.save', 'Record the follow-up')}
        </Button>
      </div>
    </form>
  );
}
