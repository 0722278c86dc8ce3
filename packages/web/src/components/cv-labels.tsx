import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CefrActivity } from '../api/cv';

/** An ISCED 2011 level in words, in the reader's language (the interview's names for the levels). */
export function useIscedLevel(): (level: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (level: number) =>
      [
        t('isced.0', 'Early childhood'),
        t('isced.1', 'Primary'),
        t('isced.2', 'Lower secondary'),
        t('isced.3', 'Upper secondary'),
        t('isced.4', 'Post-secondary'),
        t('isced.5', 'Short tertiary'),
        t('isced.6', 'Bachelor'),
        t('isced.7', 'Master'),
        t('isced.8', 'Doctorate'),
      ][level] ?? `ISCED ${level}`,
    [t],
  );
}

/** A CEFR activity (listening, reading, ...) in the reader's language. */
export function useCefrActivity(): (activity: CefrActivity) => string {
  const { t } = useTranslation();
  return useCallback(
    (activity: CefrActivity) =>
      ({
        listening: t('cefr.listening', 'Listening'),
        reading: t('cefr.reading', 'Reading'),
        spokenInteraction: t('cefr.spokenInteraction', 'Spoken interaction'),
        spokenProduction: t('cefr.spokenProduction', 'Spoken production'),
        writing: t('cefr.writing', 'Writing'),
      })[activity],
    [t],
  );
}
