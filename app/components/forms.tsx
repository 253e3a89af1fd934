import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import { useFormAction, useNavigation } from "@remix-run/react";
import { useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { splitMessage } from "~/utils/validation-messages";

/**
 * Whether a form of this route is being submitted right now. Pages with several forms pass the
 * fields that tell theirs apart (`{ intent: "approve", membershipId }`), so only the form that was
 * sent shows it is busy and the others stay usable. A submission elsewhere (a link, another
 * route's form) does not count.
 */
export function useIsPending(
  match: Record<string, string | number> = {},
  { formAction, formMethod = "POST" }: { formAction?: string; formMethod?: "POST" | "GET" } = {},
) {
  const contextualAction = useFormAction();
  const navigation = useNavigation();
  if (navigation.state === "idle" || navigation.formMethod?.toUpperCase() !== formMethod) {
    return false;
  }
  if (navigation.formAction !== (formAction ?? contextualAction)) return false;
  return Object.entries(match).every(
    ([name, value]) => navigation.formData?.get(name) === String(value),
  );
}

/**
 * A submit button that says it is busy while its form is being sent, without the `disabled`
 * attribute: a disabled button loses the keyboard focus (it drops to <body>), so someone who
 * answered with Enter or Space would have to find their place again. While `pending` it is
 * `aria-disabled` (and looks disabled) and ignores clicks, so a second press sends nothing twice;
 * focus stays on it, also after the answer comes back. A button that cannot be used for now
 * but may be reached by the focus (the case that just moved to the top cannot move up) passes
 * `aria-disabled` and is inert the same way; `disabled` is for a button that is never usable.
 */
export function PendingButton({
  pending,
  onClick,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { pending: boolean }) {
  const inert = pending || props["aria-disabled"] === true || props["aria-disabled"] === "true";
  return (
    <button
      type="submit"
      {...props}
      aria-disabled={inert || undefined}
      data-pending={pending || undefined}
      onClick={(event) => {
        if (inert) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    />
  );
}

/**
 * A PendingButton that is busy while its own form is being sent, for pages with a form per row:
 * `pendingWhen` holds the fields that identify the row (`{ membershipId }`).
 */
export function SubmitButton({
  pendingWhen,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { pendingWhen: Record<string, string | number> }) {
  const pending = useIsPending(pendingWhen);
  return <PendingButton {...props} pending={pending} />;
}

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
  // The alert wraps the list: on the <ul> itself, role="alert" would replace its list role and
  // leave the items outside any list (axe "listitem").
  return (
    <div id={id} role="alert">
      <ul className="field-errors">
        {list.map((e) => (
          <li key={e}>{text(e)}</li>
        ))}
      </ul>
    </div>
  );
}

type Option = { value: string; label: ReactNode };

function describedBy(helpId: string | null, field: FieldMetadata<unknown>) {
  return (
    [helpId, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined
  );
}

/**
 * The frame every single-control field shares: label, help text, the control and its errors,
 * with aria-describedby pointing at the help and the errors.
 */
function FieldShell({
  label,
  field,
  help,
  children,
}: {
  label: ReactNode;
  field: FieldMetadata<unknown>;
  help?: ReactNode;
  children: (ariaDescribedBy: string | undefined) => ReactNode;
}) {
  const helpId = useId();
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      {children(describedBy(help ? helpId : null, field))}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

type FieldProps = {
  label: ReactNode;
  field: FieldMetadata<string | number | undefined>;
  type?: "text" | "email" | "password" | "search" | "number" | "date";
  help?: ReactNode;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
};

/** A labelled input with its help text and its errors, wired for screen readers. */
export function Field({ label, field, type = "text", help, inputProps }: FieldProps) {
  const props = getInputProps(field as FieldMetadata<string>, { type, ariaAttributes: true });
  return (
    <FieldShell label={label} field={field} help={help}>
      {(aria) => <input {...props} {...inputProps} key={props.key} aria-describedby={aria} />}
    </FieldShell>
  );
}

/** Errors that belong to the whole form rather than one field. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  return <ErrorList id={id} errors={errors} />;
}

export function SelectField({
  label,
  field,
  options,
  help,
  placeholder,
}: {
  label: ReactNode;
  field: FieldMetadata<string | undefined>;
  options: Option[];
  help?: ReactNode;
  placeholder?: string;
}) {
  return (
    <FieldShell label={label} field={field} help={help}>
      {(aria) => (
        <select {...getSelectProps(field)} key={field.key} aria-describedby={aria}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function TextareaField({
  label,
  field,
  help,
  rows = 4,
}: {
  label: ReactNode;
  field: FieldMetadata<string | undefined>;
  help?: ReactNode;
  rows?: number;
}) {
  return (
    <FieldShell label={label} field={field} help={help}>
      {(aria) => (
        <textarea
          {...getTextareaProps(field)}
          key={field.key}
          rows={rows}
          aria-describedby={aria}
        />
      )}
    </FieldShell>
  );
}

/** A group of checkboxes (type "checkbox") or radio buttons (type "radio") in a fieldset. */
export function ChoiceGroup({
  legend,
  field,
  options,
  type,
  help,
}: {
  legend: ReactNode;
  field: FieldMetadata<string[] | string | undefined>;
  options: Option[];
  type: "checkbox" | "radio";
  help?: ReactNode;
}) {
  const helpId = useId();
  const items = getCollectionProps(field as FieldMetadata<string[]>, {
    type,
    options: options.map((o) => o.value),
  });
  return (
    <fieldset
      className="field choice-group"
      aria-describedby={describedBy(help ? helpId : null, field)}
      aria-invalid={field.errors?.length ? true : undefined}
    >
      <legend>{legend}</legend>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      {items.map((props, i) => (
        <label key={props.key} className="choice">
          <input {...props} key={props.key} />
          <span>{options[i]!.label}</span>
        </label>
      ))}
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

/** A single yes/no checkbox. */
export function CheckboxField({
  label,
  field,
  help,
}: {
  label: ReactNode;
  field: FieldMetadata<boolean | string | undefined>;
  help?: ReactNode;
}) {
  const helpId = useId();
  const props = getInputProps(field as FieldMetadata<boolean>, { type: "checkbox", value: "on" });
  return (
    <div className="field">
      <label className="choice">
        <input
          {...props}
          key={props.key}
          aria-describedby={describedBy(help ? helpId : null, field)}
        />
        <span>{label}</span>
      </label>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}
