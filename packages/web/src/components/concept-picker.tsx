import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { ApiError, get, query } from '../api/client';
import { endpoints } from '../api/endpoints';
import { toConcept, toPage, type ConceptOption } from '../api/resources';

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
  const [text, setText] = useState('');
  const [items, setItems] = useState<ConceptOption[]>([]);
  const [status, setStatus] = useState<'idle' | 'loading' | 'unavailable' | 'error'>('idle');

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setItems([]);
      setStatus('idle');
      return;
    }
    const controller = new AbortController();
    // "Loading" from the first keystroke, so "No results" never shows before the search has run.
    setStatus('loading');
    const timer = setTimeout(() => {
      get<unknown>(
        `${endpoints.taxonomySearch}${query({ q, lang: language, type, limit: 10 })}`,
        controller.signal,
      )
        .then((body) => {
          setItems(toPage(body, (c) => toConcept(c, language)).items.filter((c) => c.id !== ''));
          setStatus('idle');
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setStatus(e instanceof ApiError && e.notAvailable ? 'unavailable' : 'error');
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, type, language]);

  return (
    <ComboBox
      className="field combo"
      inputValue={text}
      onInputChange={setText}
      items={items}
      menuTrigger="input"
      allowsEmptyCollection
      onSelectionChange={(key) => {
        const picked = items.find((i) => i.id === key);
        if (picked) {
          onPick(picked);
          setText('');
          setItems([]);
        }
      }}
    >
      <Label>{label}</Label>
      <Input />
      <Text slot="description" className="muted small">
        {status === 'unavailable'
          ? t('picker.unavailable', 'Taxonomy search is not available on this server yet.')
          : status === 'error'
            ? t('picker.error', 'Search failed; try again.')
            : (description ?? t('picker.hint', 'Type at least two letters.'))}
      </Text>
      <Popover className="popover">
        <ListBox<ConceptOption>
          className="listbox"
          renderEmptyState={() => (
            <p className="muted pad">
              {status === 'loading' ? t('common.loading', 'Loading…') : t('picker.noResults', 'No results.')}
            </p>
          )}
        >
          {(item) => (
            <ListBoxItem id={item.id} textValue={item.label} className="listbox-item">
              {item.label}
              {item.code ? <span className="muted small"> · {item.code}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
