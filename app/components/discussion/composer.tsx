import { useFetcher } from "@remix-run/react";
import {
  forwardRef,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
} from "react";
import { POST_MAX_LENGTH } from "~/domain/discussions";
import { useTranslation } from "~/i18n/use-translation";
import { ErrorList } from "../forms";

export type Person = { id: number; name: string };

export type ComposerHandle = {
  /** Adds text at the end (a quote), keeps the draft and puts the cursor after it. */
  insert(text: string): void;
  focus(): void;
  clear(): void;
  value(): string;
};

const DRAFT_PREFIX = "kringwijs:draft:";

/** Whether a submission went to a circle's preview action (pages skip reloading for it). */
export const isPreview = (formAction: string | undefined) =>
  formAction !== undefined && /^\/circles\/\d+\/preview(\?|$)/.test(formAction);

/** Letters without accents and case, so "joel" finds "Joël". */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase("nl");

/** The `@` word being typed just before the cursor, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@(\[[^\]\n]{0,40}|[^\s@[\]]{0,40})$/.exec(before);
  if (!match) return null;
  const start = caret - match[2]!.length - 1;
  return { start, query: match[2]!.replace(/^\[/, "") };
}

type Props = {
  /** Where a draft is kept in this browser (per circle and thread); cleared after sending. */
  draftKey: string;
  people: Person[];
  circleId: number;
  label: string;
  name?: string;
  defaultValue?: string;
  errors?: string[] | null;
  errorId?: string;
  textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement>;
};

/**
 * The Markdown text area of every post form: `@` opens a list of the circle's people (arrow
 * keys, Enter or Tab to pick, Escape to close), "Voorbeeld" shows the post as the server will
 * render it, and what is typed is kept in this browser until it is sent, so a reload or a lost
 * connection loses nothing.
 */
export const Composer = forwardRef<ComposerHandle, Props>(function Composer(
  {
    draftKey,
    people,
    circleId,
    label,
    name = "body",
    defaultValue = "",
    errors,
    errorId,
    textareaProps,
  },
  ref,
) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-mentions`;
  const area = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [previewing, setPreviewing] = useState(false);
  const preview = useFetcher<{ html: string }>();
  const storageKey = DRAFT_PREFIX + draftKey;

  const saveDraft = (value: string) => {
    try {
      if (value.trim()) localStorage.setItem(storageKey, value);
      else localStorage.removeItem(storageKey);
    } catch {
      // Private mode or a full storage: the draft is simply not kept.
    }
  };

  useEffect(() => {
    const el = area.current;
    if (!el || el.value) return;
    try {
      const draft = localStorage.getItem(storageKey);
      if (draft) el.value = draft;
    } catch {
      // See saveDraft.
    }
  }, [storageKey]);

  useImperativeHandle(ref, () => ({
    insert(text) {
      const el = area.current;
      if (!el) return;
      const glue =
        el.value && !el.value.endsWith("\n\n") ? (el.value.endsWith("\n") ? "\n" : "\n\n") : "";
      el.value = `${el.value}${glue}${text}`;
      saveDraft(el.value);
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    },
    focus() {
      area.current?.focus();
    },
    clear() {
      if (area.current) area.current.value = "";
      setPreviewing(false);
      try {
        localStorage.removeItem(storageKey);
      } catch {
        // See saveDraft.
      }
    },
    value() {
      return area.current?.value ?? "";
    },
  }));

  const matches = mention
    ? people.filter((p) => fold(p.name).includes(fold(mention.query))).slice(0, 8)
    : [];
  const open = matches.length > 0;

  const pick = (person: Person) => {
    const el = area.current;
    if (!el || !mention) return;
    const caret = el.selectionStart;
    const inserted = `@[${person.name}] `;
    el.value = el.value.slice(0, mention.start) + inserted + el.value.slice(caret);
    const at = mention.start + inserted.length;
    el.setSelectionRange(at, at);
    el.focus();
    setMention(null);
    saveDraft(el.value);
  };

  const onInput = () => {
    const el = area.current!;
    saveDraft(el.value);
    setMention(mentionQuery(el.value, el.selectionStart));
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(matches[active]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setMention(null);
    }
  };

  const togglePreview = () => {
    if (previewing) {
      setPreviewing(false);
      return;
    }
    setPreviewing(true);
    preview.submit(
      { body: area.current?.value ?? "" },
      { method: "post", action: `/circles/${circleId}/preview` },
    );
  };

  const describedBy = [`${id}-help`, errors?.length ? errorId : null].filter(Boolean).join(" ");

  return (
    <div className="field composer">
      <label htmlFor={`${id}-text`}>{label}</label>
      <p id={`${id}-help`} className="field-help">
        {t("discussion.composerHelp")}
      </p>
      <div className="composer-area">
        <textarea
          {...textareaProps}
          ref={area}
          id={`${id}-text`}
          name={name}
          rows={6}
          maxLength={POST_MAX_LENGTH}
          required
          defaultValue={defaultValue}
          hidden={previewing}
          onInput={onInput}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setMention(null), 150)}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
        />
        <ul
          id={listId}
          role="listbox"
          className="mention-list"
          hidden={!open}
          aria-label={t("discussion.mentionList")}
        >
          {matches.map((person, i) => (
            <li
              key={person.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
            >
              {person.name}
            </li>
          ))}
        </ul>
        {previewing ? (
          <div className="prose preview" aria-live="polite" data-testid="preview">
            {preview.state !== "idle" || !preview.data ? (
              <p className="muted">{t("discussion.previewLoading")}</p>
            ) : preview.data.html ? (
              // Rendered and sanitised on the server by renderPostMarkdown.
              <div dangerouslySetInnerHTML={{ __html: preview.data.html }} />
            ) : (
              <p className="muted">{t("discussion.previewEmpty")}</p>
            )}
          </div>
        ) : null}
      </div>
      <ErrorList id={errorId} errors={errors} />
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={togglePreview}
      >
        {previewing ? t("discussion.edit") : t("discussion.preview")}
      </button>
    </div>
  );
});
