import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { ApiError } from '../api/client';

export interface PickerOption {
  id: string;
  label: string;
  detail: string | null;
}

/** A type-ahead picker over an API search; `unavailableText` is shown when the server lacks the search. */
export function SearchPicker<T extends PickerOption>({
  label,
  search,
  onPick,
  description,
  unavailableText,
}: {
  label: string;
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  onPick: (option: T) => void;
  description?: string;
  unavailableText: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [items, setItems] = useState<T[]>([]);
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
      search(q, controller.signal)
        .then((found) => {
          setItems(found.filter((c) => c.id !== ''));
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
    // `search` is recreated by callers on each render; the text is what triggers a search.
  }, [text]);

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
          ? unavailableText
          : status === 'error'
            ? t('picker.error', 'Search failed; try again.')
            : (description ?? t('picker.hint', 'Type at least two letters.'))}
      </Text>
      <Popover className="popover">
        <ListBox<T>
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
              {item.detail ? <span className="muted small"> · {item.detail}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
