import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ComponentProps } from 'react';

/**
 * A DSFR select over a list of options, led by an empty choice (« Tous »,
 * « Aucun »…) that stands for no value.
 *
 * @example
 * <OptionSelect label="Rôle" blank="Tous" options={[{ value: 'admin', label: 'Équipe nationale' }]} nativeSelectProps={{ value, onChange }} />
 */
export function OptionSelect({
  blank,
  options,
  ...select
}: Omit<ComponentProps<typeof Select>, 'children'> & { blank: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <Select {...select}>
      <option value="">{blank}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}
