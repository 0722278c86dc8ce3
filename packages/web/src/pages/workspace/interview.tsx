import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  Input,
  Label,
  Radio,
  RadioGroup,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useLocation } from 'wouter';
import { ApiError, post } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { toConcept, type ConceptOption } from '../../api/resources';
import { ConceptPicker } from '../../components/concept-picker';
import { useCountryName, useLanguageName, useSectionLabel } from '../../components/labels';
import { ErrorNotice, NotAvailable, Page } from '../../components/ui';
import { loadLanguage } from '../../i18n/i18n';
import { isLanguage, languageNames, supportedLanguages, type Language } from '../../i18n/languages';
import { directionOf } from '../../i18n/rtl';
import { ConsentMethodFields } from './consent-method';
import {
  buildConsents,
  buildPersonInput,
  consentLabel,
  consentOptions,
  emptyDraft,
  type ProfileDraft,
} from './interview-draft';

const hostCountries = ['BE', 'NL', 'FR', 'DE', 'GB'];
const returnCountries = ['IQ', 'GE', 'SN', 'NG', 'GN', 'TN', 'SV', 'MN'];
const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const steps = ['start', 'experience', 'skills', 'languages', 'education', 'aspirations', 'review'] as const;
type Step = (typeof steps)[number];

/**
 * Profile intake as a guided interview. Each question is shown in the counsellor's language and,
 * beside it, in the person's language (with its own direction), so both can read it together.
 */
export function InterviewPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const sectionLabel = useSectionLabel();
  const countryName = useCountryName();
  const languageName = useLanguageName();
  const [draft, setDraft] = useState<ProfileDraft>(() => emptyDraft(i18n.language));
  const [step, setStep] = useState<Step>('start');
  const [personLangReady, setPersonLangReady] = useState<string>(i18n.language);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const personLang: Language = isLanguage(draft.language) ? draft.language : 'en';
  useEffect(() => {
    let live = true;
    void loadLanguage(personLang).then(() => live && setPersonLangReady(personLang));
    return () => {
      live = false;
    };
  }, [personLang]);
  const tp = i18n.getFixedT(personLangReady === personLang ? personLang : i18n.language);
  const index = steps.indexOf(step);
  const update = (patch: Partial<ProfileDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const stepTitle = (s: Step, tt: typeof t = t) =>
    ({
      start: tt('interview.step.start', 'About the person'),
      experience: tt('interview.step.experience', 'Work experience'),
      skills: tt('interview.step.skills', 'Skills'),
      languages: tt('interview.step.languages', 'Languages'),
      education: tt('interview.step.education', 'Education'),
      aspirations: tt('interview.step.aspirations', 'Wishes and limitations'),
      review: tt('interview.step.review', 'Check and save'),
    })[s];

  /** The same question in both languages, side by side. */
  function Ask({ q }: { q: (tt: typeof t) => string }) {
    const same = personLang === i18n.language;
    return (
      <div className={same ? 'bilingual single' : 'bilingual'}>
        <p className="ask" lang={i18n.language} dir={directionOf(i18n.language)}>
          {q(t)}
        </p>
        {same ? null : (
          <p className="ask ask-person" lang={personLang} dir={directionOf(personLang)}>
            {q(tp)}
          </p>
        )}
      </div>
    );
  }

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const created = await post<{ id?: string }>(endpoints.people, buildPersonInput(draft), {
        'idempotency-key': draft.key,
      });
      if (created?.id) {
        for (const body of buildConsents(draft)) await post(endpoints.personConsents(created.id), body);
      }
      navigate(created?.id ? `/workspace/people/${created.id}` : '/workspace/people');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)));
    } finally {
      setSaving(false);
    }
  }

  let body: ReactNode;
  switch (step) {
    case 'start':
      body = (
        <>
          <Ask q={(tt) => tt('interview.q.name', 'What is your name?')} />
          <div className="form-grid">
            <TextField
              className="field"
              value={draft.givenName}
              onChange={(v) => update({ givenName: v })}
              isRequired
            >
              <Label>{t('interview.givenName', 'Given name')}</Label>
              <Input dir="auto" />
            </TextField>
            <TextField className="field" value={draft.familyName} onChange={(v) => update({ familyName: v })}>
              <Label>{t('interview.familyName', 'Family name')}</Label>
              <Input dir="auto" />
            </TextField>
          </div>
          <Ask q={(tt) => tt('interview.q.language', 'Which language do you prefer to speak?')} />
          <div className="form-grid">
            <div className="field">
              <label htmlFor="i-lang">{t('interview.personLanguage', "Person's language")}</label>
              <select
                id="i-lang"
                value={draft.language}
                onChange={(e) =>
                  // The mother tongue defaults to the language the person chose to speak.
                  update({
                    language: e.target.value,
                    languages: draft.languages.map((l, i) =>
                      i === 0 && l.level === 'native' ? { ...l, code: e.target.value } : l,
                    ),
                  })
                }
              >
                {supportedLanguages.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {languageNames[l]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Ask q={(tt) => tt('interview.q.countries', 'Where do you live now, and where will you return?')} />
          <div className="form-grid">
            <div className="field">
              <label htmlFor="i-host">{t('people.hostCountry', 'Host country')}</label>
              <select
                id="i-host"
                value={draft.hostCountry}
                onChange={(e) => update({ hostCountry: e.target.value })}
              >
                <option value="">—</option>
                {hostCountries.map((c) => (
                  <option key={c} value={c}>
                    {countryName(c)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="i-return">{t('people.countryOfReturn', 'Country of return')}</label>
              <select
                id="i-return"
                value={draft.countryOfReturn}
                onChange={(e) => update({ countryOfReturn: e.target.value })}
              >
                <option value="">—</option>
                {returnCountries.map((c) => (
                  <option key={c} value={c}>
                    {countryName(c)}
                  </option>
                ))}
              </select>
            </div>
            <TextField className="field" value={draft.region} onChange={(v) => update({ region: v })}>
              <Label>{t('interview.region', 'Region or town of return')}</Label>
              <Input dir="auto" />
            </TextField>
          </div>
        </>
      );
      break;
    case 'experience':
      body = (
        <>
          <Ask
            q={(tt) => tt('interview.q.experience', 'What work have you done? Tell me in your own words.')}
          />
          <TextSuggest
            language={personLang}
            value={draft.experienceText}
            onChange={(v) => update({ experienceText: v })}
            onAdd={(c) =>
              c.type === 'skill'
                ? update({ skills: addUnique(draft.skills, c) })
                : update({ occupations: addUnique(draft.occupations, c) })
            }
          />
          <ConceptPicker
            label={t('interview.occupation', 'Occupation')}
            type="occupation"
            language={i18n.language}
            onPick={(c) => update({ occupations: addUnique(draft.occupations, c) })}
          />
          <Chosen
            items={draft.occupations}
            onRemove={(id) => update({ occupations: draft.occupations.filter((o) => o.id !== id) })}
            label={t('interview.chosenOccupations', 'Occupations recorded')}
          />
          <div className="form-grid">
            <TextField
              className="field"
              value={draft.lastEmployer}
              onChange={(v) => update({ lastEmployer: v })}
            >
              <Label>{t('interview.employer', 'Employer (if any)')}</Label>
              <Input dir="auto" />
            </TextField>
            <TextField
              className="field"
              value={draft.years}
              onChange={(v) => update({ years: v.replace(/[^0-9.]/g, '') })}
              inputMode="decimal"
            >
              <Label>{t('interview.years', 'Years of experience')}</Label>
              <Input />
            </TextField>
          </div>
          <Checkbox
            className="checkbox"
            isSelected={draft.informal}
            onChange={(v) => update({ informal: v })}
          >
            <span className="box" aria-hidden="true" />
            {t('interview.informal', 'Informal or unpaid work')}
          </Checkbox>
        </>
      );
      break;
    case 'skills':
      body = (
        <>
          <Ask q={(tt) => tt('interview.q.skills', 'What can you do well? Tools, machines, tasks.')} />
          <ConceptPicker
            label={t('interview.skill', 'Skill')}
            type="skill"
            language={i18n.language}
            onPick={(c) => update({ skills: addUnique(draft.skills, c) })}
          />
          <Chosen
            items={draft.skills}
            onRemove={(id) => update({ skills: draft.skills.filter((o) => o.id !== id) })}
            label={t('interview.chosenSkills', 'Skills recorded')}
          />
        </>
      );
      break;
    case 'languages':
      body = (
        <>
          <Ask q={(tt) => tt('interview.q.languages', 'Which languages do you speak, and how well?')} />
          {draft.languages.map((l, i) => (
            <div className="form-grid" key={i}>
              <TextField
                className="field"
                value={l.code}
                onChange={(v) =>
                  update({
                    languages: draft.languages.map((x, j) => (j === i ? { ...x, code: v.toLowerCase() } : x)),
                  })
                }
              >
                <Label>{t('interview.languageCode', 'Language (code, e.g. ar, fr, ckb)')}</Label>
                <Input dir="ltr" />
              </TextField>
              <div className="field">
                <label htmlFor={`i-cefr-${i}`}>{t('interview.level', 'Level (CEFR)')}</label>
                <select
                  id={`i-cefr-${i}`}
                  value={l.level}
                  onChange={(e) =>
                    update({
                      languages: draft.languages.map((x, j) =>
                        j === i ? { ...x, level: e.target.value } : x,
                      ),
                    })
                  }
                >
                  <option value="native">{t('interview.native', 'Mother tongue')}</option>
                  {cefrLevels.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ))}
          <Button
            className="btn"
            onPress={() => update({ languages: [...draft.languages, { code: '', level: 'A2' }] })}
          >
            {t('interview.addLanguage', 'Add a language')}
          </Button>
        </>
      );
      break;
    case 'education':
      body = (
        <>
          <Ask
            q={(tt) => tt('interview.q.education', 'What is the highest school or training you went to?')}
          />
          <div className="form-grid">
            <div className="field">
              <label htmlFor="i-isced">{t('interview.isced', 'Level (ISCED 2011)')}</label>
              <select
                id="i-isced"
                value={draft.iscedLevel}
                onChange={(e) => update({ iscedLevel: e.target.value })}
              >
                <option value="">—</option>
                {['0', '1', '2', '3', '4', '5', '6', '7', '8'].map((l) => (
                  <option key={l} value={l}>
                    {l} · {iscedName(l, t)}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              className="field"
              value={draft.educationField}
              onChange={(v) => update({ educationField: v })}
            >
              <Label>{t('interview.field', 'Field of study')}</Label>
              <Input dir="auto" />
            </TextField>
          </div>
          <Checkbox
            className="checkbox"
            isSelected={draft.educationCompleted}
            onChange={(v) => update({ educationCompleted: v })}
          >
            <span className="box" aria-hidden="true" />
            {t('interview.completed', 'Completed, with a certificate')}
          </Checkbox>
        </>
      );
      break;
    case 'aspirations':
      body = (
        <>
          <Ask q={(tt) => tt('interview.q.aspirations', 'What work would you like to do?')} />
          <ConceptPicker
            label={t('interview.wishedOccupation', 'Wished occupation')}
            type="occupation"
            language={i18n.language}
            onPick={(c) => update({ wished: addUnique(draft.wished, c) })}
          />
          <Chosen
            items={draft.wished}
            onRemove={(id) => update({ wished: draft.wished.filter((o) => o.id !== id) })}
            label={t('interview.chosenWishes', 'Wishes recorded')}
          />
          <RadioGroup className="radio-group" value={draft.mode} onChange={(v) => update({ mode: v })}>
            <Label>{t('interview.mode', 'Preferred path')}</Label>
            <Radio value="wage">{t('interview.modeWage', 'A job with an employer')}</Radio>
            <Radio value="self">{t('interview.modeSelf', 'My own business')}</Radio>
            <Radio value="training">{t('interview.modeTraining', 'Training first')}</Radio>
          </RadioGroup>
          <Ask
            q={(tt) =>
              tt('interview.q.limitations', 'Is there anything that limits when or where you can work?')
            }
          />
          <div className="checks">
            {limitationKeys.map((k) => (
              <Checkbox
                key={k}
                className="checkbox"
                isSelected={draft.limitations.includes(k)}
                onChange={(on) =>
                  update({
                    limitations: on ? [...draft.limitations, k] : draft.limitations.filter((x) => x !== k),
                  })
                }
              >
                <span className="box" aria-hidden="true" />
                {limitationLabel(k, t)}
              </Checkbox>
            ))}
          </div>
        </>
      );
      break;
    case 'review':
      body = (
        <>
          <Ask q={(tt) => tt('interview.q.review', 'Let us check together what we wrote down.')} />
          <dl className="review">
            <dt>{t('people.name', 'Name')}</dt>
            <dd dir="auto">{[draft.givenName, draft.familyName].filter(Boolean).join(' ') || '—'}</dd>
            <dt>{sectionLabel('workExperience')}</dt>
            <dd>{draft.occupations.map((o) => o.label).join(', ') || draft.experienceText || '—'}</dd>
            <dt>{sectionLabel('skills')}</dt>
            <dd>{draft.skills.map((o) => o.label).join(', ') || '—'}</dd>
            <dt>{sectionLabel('languages')}</dt>
            <dd>
              {draft.languages
                .filter((l) => l.code)
                .map(
                  (l) =>
                    `${languageName(l.code)} (${l.level === 'native' ? t('interview.native', 'Mother tongue') : l.level})`,
                )
                .join(', ') || '—'}
            </dd>
            <dt>{sectionLabel('aspirations')}</dt>
            <dd>{draft.wished.map((o) => o.label).join(', ') || '—'}</dd>
          </dl>
          <Ask
            q={(tt) =>
              tt('interview.q.consent', 'Do you agree that we use and share your profile for these purposes?')
            }
          />
          <fieldset className="consents">
            <legend>{t('interview.consentTitle', 'Consent given in this interview')}</legend>
            {consentOptions.map((c) => (
              <Checkbox
                key={c.key}
                className="checkbox"
                isSelected={draft.consents.includes(c.key)}
                onChange={(on) =>
                  update({
                    consents: on ? [...draft.consents, c.key] : draft.consents.filter((x) => x !== c.key),
                  })
                }
              >
                <span className="box" aria-hidden="true" />
                <span>
                  {consentLabel(c.key, t)}
                  {personLang !== i18n.language ? (
                    <>
                      {/* The separator stays outside the person's span, so a right-to-left label does not carry it to its far end. */}
                      <span className="muted" aria-hidden="true">
                        {' · '}
                      </span>
                      <span className="muted" lang={personLang} dir={directionOf(personLang)}>
                        {consentLabel(c.key, tp)}
                      </span>
                    </>
                  ) : null}
                </span>
              </Checkbox>
            ))}
            <ConsentMethodFields
              method={draft.consentMethod}
              witness={draft.witness}
              onMethod={(v) => update({ consentMethod: v })}
              onWitness={(v) => update({ witness: v })}
            />
          </fieldset>
          {error ? (
            error.notAvailable ? (
              <NotAvailable what={t('nav.people', 'People')} />
            ) : (
              <ErrorNotice error={error} />
            )
          ) : null}
          <Button
            className="btn btn-primary"
            onPress={() => void save()}
            isDisabled={saving || draft.givenName.trim() === ''}
          >
            {saving ? t('common.saving', 'Saving…') : t('interview.save', 'Save the profile')}
          </Button>
          {draft.givenName.trim() === '' ? (
            <p className="muted">{t('interview.needName', 'A given name is needed to save.')}</p>
          ) : null}
        </>
      );
      break;
  }

  return (
    <Page title={t('interview.title', 'New profile: interview')}>
      <ol className="stepper" aria-label={t('interview.steps', 'Interview steps')}>
        {steps.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            className={i < index ? 'done' : undefined}
          >
            <button type="button" onClick={() => setStep(s)}>
              <span className="step-num">{i + 1}</span> {stepTitle(s)}
            </button>
          </li>
        ))}
      </ol>
      <section className="card interview" aria-labelledby="step-title">
        <h2 id="step-title">
          {stepTitle(step)}
          {personLang !== i18n.language ? (
            <>
              <span aria-hidden="true"> · </span>
              <span className="step-person" lang={personLang} dir={directionOf(personLang)}>
                {stepTitle(step, tp)}
              </span>
            </>
          ) : null}
        </h2>
        {body}
      </section>
      <div className="button-row step-nav">
        <Button className="btn" isDisabled={index === 0} onPress={() => setStep(steps[index - 1] ?? 'start')}>
          {t('common.back', 'Back')}
        </Button>
        {index < steps.length - 1 ? (
          <Button className="btn btn-primary" onPress={() => setStep(steps[index + 1] ?? 'review')}>
            {t('common.next', 'Next')}
          </Button>
        ) : null}
      </div>
    </Page>
  );
}

const limitationKeys = ['childcare', 'mobility', 'health', 'nearHome', 'partTime'] as const;

function limitationLabel(k: string, t: (k: string, d: string) => string): string {
  return (
    {
      childcare: t('limitations.childcare', 'Childcare or family duties'),
      mobility: t('limitations.mobility', 'Limited mobility'),
      health: t('limitations.health', 'Health'),
      nearHome: t('limitations.nearHome', 'Only near or at home'),
      partTime: t('limitations.partTime', 'Only part-time hours'),
    }[k] ?? k
  );
}

function iscedName(level: string, t: (k: string, d: string) => string): string {
  return (
    {
      '0': t('isced.0', 'Early childhood'),
      '1': t('isced.1', 'Primary'),
      '2': t('isced.2', 'Lower secondary'),
      '3': t('isced.3', 'Upper secondary'),
      '4': t('isced.4', 'Post-secondary'),
      '5': t('isced.5', 'Short tertiary'),
      '6': t('isced.6', 'Bachelor'),
      '7': t('isced.7', 'Master'),
      '8': t('isced.8', 'Doctorate'),
    }[level] ?? level
  );
}

function addUnique(list: ConceptOption[], c: ConceptOption): ConceptOption[] {
  return list.some((x) => x.id === c.id) ? list : [...list, c];
}

function Chosen({
  items,
  onRemove,
  label,
}: {
  items: ConceptOption[];
  onRemove: (id: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="chips" aria-label={label}>
      {items.map((c) => (
        <li key={c.id} className="chip">
          {c.label}
          <button
            type="button"
            className="chip-remove"
            onClick={() => onRemove(c.id)}
            aria-label={t('common.removeItem', 'Remove {{item}}', { item: c.label })}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Free text in the person's words → suggested occupations and skills that the counsellor confirms. */
function TextSuggest({
  language,
  value,
  onChange,
  onAdd,
}: {
  language: string;
  value: string;
  onChange: (v: string) => void;
  onAdd: (c: ConceptOption) => void;
}) {
  const { t } = useTranslation();
  const [suggestions, setSuggestions] = useState<ConceptOption[]>([]);
  const [status, setStatus] = useState<'idle' | 'loading' | 'unavailable' | 'error' | 'none'>('idle');

  async function suggest() {
    setStatus('loading');
    try {
      const body = await post<unknown>(endpoints.textSuggest, { text: value, lang: language });
      const b = (body ?? {}) as Record<string, unknown>;
      const raw = [
        ...(Array.isArray(b.occupations)
          ? b.occupations.map((o) => ({ type: 'occupation', ...(o as object) }))
          : []),
        ...(Array.isArray(b.skills) ? b.skills.map((o) => ({ type: 'skill', ...(o as object) })) : []),
        ...(Array.isArray(b.items) ? b.items : Array.isArray(body) ? body : []),
      ];
      const found = raw.map((r) => toConcept(r)).filter((c) => c.id !== '');
      setSuggestions(found);
      setStatus(found.length ? 'idle' : 'none');
    } catch (e) {
      setStatus(e instanceof ApiError && e.notAvailable ? 'unavailable' : 'error');
    }
  }

  return (
    <div className="suggest">
      <TextField className="field" value={value} onChange={onChange}>
        <Label>{t('interview.inOwnWords', 'In the person’s own words')}</Label>
        <TextArea rows={3} dir={directionOf(language)} lang={language} />
      </TextField>
      <Button
        className="btn"
        isDisabled={value.trim().length < 3 || status === 'loading'}
        onPress={() => void suggest()}
      >
        {t('interview.suggest', 'Suggest occupations and skills')}
      </Button>
      {status === 'unavailable' ? (
        <NotAvailable what={t('interview.suggestions', 'Text suggestions')} />
      ) : null}
      {status === 'error' ? (
        <p className="notice notice-error">{t('picker.error', 'Search failed; try again.')}</p>
      ) : null}
      {status === 'none' ? (
        <p className="muted">{t('interview.noSuggestions', 'No suggestion for this text.')}</p>
      ) : null}
      {suggestions.length ? (
        <ul className="chips" aria-label={t('interview.suggestions', 'Text suggestions')}>
          {suggestions.map((s) => (
            <li key={s.id} className="chip chip-suggest">
              <button
                type="button"
                onClick={() => {
                  onAdd(s);
                  setSuggestions((l) => l.filter((x) => x.id !== s.id));
                }}
              >
                + {s.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
