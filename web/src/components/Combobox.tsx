import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { Option } from '../features/directory/resources';

interface Props {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** The chosen option (its label fills the field). */
  value: Option | null;
  onChange(option: Option | null): void;
  search(q: string, signal: AbortSignal): Promise<Option[]>;
  /** Keep the typed text after a choice (multi-value pickers clear it). */
  clearOnSelect?: boolean;
  id?: string;
}

/**
 * An accessible autocomplete (ARIA combobox with a listbox): type two
 * letters, move with the arrow keys, Enter to choose, Escape to close. The
 * listbox and option roles on ul/li are this pattern's (lint rules off for
 * this file in biome.json).
 */
export function Combobox({ label, hint, error, value, onChange, search, clearOnSelect, id: givenId }: Props) {
  const autoId = useId();
  const id = givenId ?? `cb${autoId.replace(/:/g, '')}`;
  const [text, setText] = useState(value?.label ?? '');
  const [items, setItems] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) setText(value?.label ?? '');
  }, [value]);

  useEffect(() => {
    if (!typed.current) return;
    const q = text.trim();
    if (q.length < 2) {
      setItems([]);
      setOpen(false);
      return;
    }
    const ctrl = new AbortController();
    const t = setTimeout(() => {
      search(q, ctrl.signal).then(
        (found) => {
          setItems(found);
          setActive(found.length ? 0 : -1);
          setOpen(true);
          setStatus(found.length ? `${found.length} suggestion${found.length > 1 ? 's' : ''}` : 'Aucune suggestion');
        },
        () => undefined,
      );
    }, 200);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [text, search]);

  const choose = (o: Option) => {
    typed.current = false;
    onChange(o);
    setText(clearOnSelect ? '' : o.label);
    setOpen(false);
    setStatus(`${o.label} choisi`);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
    } else if (e.key === 'Enter' && open && items[active]) {
      e.preventDefault();
      choose(items[active] as Option);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`fr-input-group essaim-combobox${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint && (
          <span className="fr-hint-text" id={`${id}-hint`}>
            {hint}
          </span>
        )}
      </label>
      <input
        id={id}
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        value={text}
        onChange={(e) => {
          typed.current = true;
          setText(e.target.value);
          if (!e.target.value && value && !clearOnSelect) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {/* The list stays in the page (hidden when closed) so aria-controls always points somewhere. */}
      <ul id={`${id}-list`} role="listbox" aria-label={label} hidden={!open || !items.length}>
        {items.map((o, i) => (
          <li key={o.value} id={`${id}-opt-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => choose(o)}>
            {o.label}
          </li>
        ))}
      </ul>
      <p className="fr-sr-only" aria-live="polite">
        {status}
      </p>
      {error && (
        <p className="fr-error-text" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
