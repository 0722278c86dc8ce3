import { useTranslation } from 'react-i18next';
import { get, query } from '../api/client';
import { endpoints } from '../api/endpoints';
import { toConcept, toPage, type ConceptOption } from '../api/resources';
import { SearchPicker, type PickerOption } from './search-picker';

/** Picks an ESCO occupation or skill by typing part of its label, in any language the taxonomy has. */
export function ConceptPicker({
  label,
  type,
  language,
  onPick,
  description,
}: {
  label: string;
  type: 'occupation' | 'skill';
  language: string;
  onPick: (concept: ConceptOption) => void;
  description?: string;
}) {
  const { t } = useTranslation();
  return (
    <SearchPicker<ConceptOption & PickerOption>
      label={label}
      {...(description ? { description } : {})}
      unavailableText={t('picker.unavailable', 'Taxonomy search is not available on this server yet.')}
      onPick={(o) => onPick({ id: o.id, label: o.label, type: o.type, code: o.code })}
      search={async (q, signal) => {
        const body = await get<unknown>(
          `${endpoints.taxonomySearch}${query({ q, lang: language, type, limit: 10 })}`,
          signal,
        );
        return toPage(body, (c) => toConcept(c, language)).items.map((c) => ({ ...c, detail: c.code }));
      }}
    />
  );
}
