import type { FieldRef } from '@domain/standards/schema';
import { fieldRefChoices, fieldRefFromValue, fieldRefValue, type SiteCatalog } from '../../catalog';
import { SelectField } from '../../ui/SelectField';

export function FieldRefPicker({
  label,
  value,
  onChange,
  catalog,
  problems,
  testId,
}: {
  label: string;
  value: FieldRef;
  onChange: (ref: FieldRef) => void;
  catalog: SiteCatalog;
  problems: readonly string[];
  testId: string;
}) {
  return (
    <SelectField
      label={label}
      value={fieldRefValue(value)}
      options={fieldRefChoices(catalog)}
      onChange={(picked) => {
        const ref = fieldRefFromValue(picked, catalog);
        if (ref) onChange(ref);
      }}
      problems={problems}
      testId={testId}
    />
  );
}
