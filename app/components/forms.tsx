import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { splitMessage } from "~/utils/validation";

/** Translates validation keys ("validation.tooLong|100") into sentences. */
export function useErrorText() {
  const { t } = useTranslation();
  return (message: string) => {
    const { key, count } = splitMessage(message);
    return t(key as never, count === undefined ? {} : { count }) as string;
  };
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const text = useErrorText();
  const list = errors?.filter(Boolean) ?? [];
  if (list.length === 0) return null;
  return (
    <ul id={id} className="field-errors" role="alert">
      {list.map((e) => (
        <li key={e}>{text(e)}</li>
      ))}
    </ul>
  );
}

type FieldProps = {
  label: ReactNode;
  field: FieldMetadata<string | undefined>;
  type?: "text" | "email" | "password" | "search";
  help?: ReactNode;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
};

/** A labelled input with its help text and its errors, wired for screen readers. */
export function Field({ label, field, type = "text", help, inputProps }: FieldProps) {
  const helpId = useId();
  const props = getInputProps(field, { type, ariaAttributes: true });
  const describedBy =
    [help ? helpId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      <input {...props} {...inputProps} key={props.key} aria-describedby={describedBy} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Errors that belong to the whole form rather than one field. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  return <ErrorList id={id} errors={errors} />;
}
