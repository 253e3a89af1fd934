import type { Labelled } from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";

export type CodeOption = { value: string; label: string };

/** A taxonomy table's codes as options, labelled in the page's language. */
export function useCodeOptions(table: Record<string, Labelled>): CodeOption[] {
  const locale = useLocale();
  return Object.entries(table).map(([value, labels]) => ({ value, label: labels[locale] }));
}

/**
 * One select of a list page's GET filter form (open circles, ambassadors, the wegwijzer): the
 * first option, with an empty value, means "any".
 */
export function FilterSelect({
  id,
  name,
  label,
  anyLabel,
  options,
  value,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  options: CodeOption[];
  value: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
