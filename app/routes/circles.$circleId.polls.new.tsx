import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  ErrorList,
  Field,
  FormErrors,
  PendingButton,
  TextareaField,
  useIsPending,
} from "~/components/forms";
import { PageHeader } from "~/components/page";
import { dropRowsBeyond, POLL_ROWS_MAX, PollSchema, toPollInput } from "~/forms/polls.server";
import { createPoll, POLL_SLOTS_MAX } from "~/models/polls.server";
import { requireCircle } from "~/utils/circle-guards.server";
import {
  badRequest,
  formConstraint,
  parseFields,
  readFormData,
  type FormInput,
} from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import type { FieldMetadata } from "@conform-to/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "poll.newTitle");

/** Its messages beyond the core come as chunks of their own (app/i18n/message-parts.ts). */
// The form's time errors are the meeting form's (meeting.error.*).
export const handle = { messages: ["meetings", "meetingTools"] };
export const clientLoader = withMessages("meetings", "meetingTools");

/** Proposing dates for the next meeting: the circle's coach (meeting.manage). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { circle } = await requireCircle(request, params.circleId, "meeting.manage");
  return json({
    circle: { id: circle.id, name: circle.name },
    constraint: formConstraint(PollSchema),
    maxSlots: POLL_SLOTS_MAX,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle } = await requireCircle(request, params.circleId, "meeting.manage");
  const formData = await readFormData(request);
  // A forged row index (slots[3000000].date) would make conform build a sparse array that
  // the reply sends back hole by hole: rows past the page's last are dropped and refused.
  const beyond = dropRowsBeyond(formData, POLL_ROWS_MAX);
  const submission = parseFields(formData, PollSchema);
  if (beyond)
    return badRequest(submission, {
      fieldErrors: { slots: [`poll.error.tooMany|${POLL_SLOTS_MAX}`] },
    });
  // Without JavaScript "add a moment" comes here: the same form back, one row longer, with what
  // was typed and without complaints about what is not filled in yet.
  if (formData.get("intent") === "addRow")
    return json({ ...submission.reply(), error: {}, rows: rowsPosted(formData) + 1 });
  if (submission.status !== "success") return badRequest(submission);
  const { pollId, notified } = createPoll(circle.id, user!.id, toPollInput(submission.value));
  context.publisher.notified(notified);
  context.publisher.meetingsChanged(circle.id);
  return redirectWithToast(`/circles/${circle.id}/polls/${pollId}`, { key: "poll.createdToast" });
}

/** How many moment rows the form had (every row's inputs are sent, also when empty). */
function rowsPosted(formData: FormData): number {
  const indexes = [...formData.keys()].map((name) => /^slots\[(\d+)\]/.exec(name)?.[1]);
  return Math.min(POLL_SLOTS_MAX - 1, new Set(indexes.filter(Boolean)).size);
}

const FIRST_ROWS = 3;
const PARTS = ["date", "startTime", "endTime"] as const;

type Reply = {
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
} | null;

/**
 * One proposed moment: date, start and end. The rows are plain inputs named slots[i].date and so
 * on (conform's list intents would need a round trip to the server, as zod runs there only), with
 * the action's errors and the typed values put back after a rejected submit.
 */
function SlotRow({ index, reply }: { index: number; reply: Reply }) {
  const { t } = useTranslation();
  const rows = (reply?.initialValue?.slots as Array<Record<string, string>> | undefined) ?? [];
  return (
    <fieldset className="poll-slot-row" data-testid="poll-slot">
      <legend>{t("poll.field.slot", { n: index + 1 })}</legend>
      <div className="meeting-times-grid">
        {PARTS.map((part) => {
          const name = `slots[${index}].${part}`;
          const id = `poll-slot-${index}-${part}`;
          const errors = reply?.error?.[name] ?? null;
          return (
            <div className="field" key={part}>
              <label htmlFor={id}>{t(`poll.field.${part}`)}</label>
              <input
                id={id}
                name={name}
                type={part === "date" ? "date" : "time"}
                defaultValue={rows[index]?.[part] ?? ""}
                aria-invalid={errors?.length ? true : undefined}
                aria-describedby={errors?.length ? `${id}-error` : undefined}
              />
              <ErrorList id={`${id}-error`} errors={errors} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export default function NewPoll() {
  const { t } = useTranslation();
  const { circle, constraint, maxSlots } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof PollSchema>>({
    id: "new-poll",
    lastResult,
    constraint,
    defaultValue: { title: t("poll.titleDefault") },
  });
  const reply = (lastResult ?? null) as Reply;
  const typedRows = (reply?.initialValue?.slots as unknown[] | undefined)?.length ?? 0;
  const asked = (lastResult as { rows?: number } | undefined)?.rows ?? 0;
  const [rows, setRows] = useState(Math.min(maxSlots, Math.max(FIRST_ROWS, typedRows, asked)));
  const slotErrors = reply?.error?.["slots"] ?? null;
  return (
    <div className="page narrow">
      <PageHeader title={t("poll.newTitle")} intro={circle.name} />
      <p>{t("poll.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="card stack poll-form">
        {/* Enter in a field sends the poll: the first submit button is the form's default, and
            the "add a moment" button below would otherwise be it. */}
        <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t("poll.create")}
        </button>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("poll.field.title")} field={fields.title} />
        <TextareaField
          label={t("poll.field.note")}
          field={fields.note as FieldMetadata<string | undefined>}
          help={t("poll.field.noteHelp")}
          rows={3}
        />
        <fieldset className="poll-slots" aria-describedby="poll-slots-help">
          <legend>{t("poll.field.slots")}</legend>
          <p id="poll-slots-help" className="field-help">
            {t("poll.field.slotsHelp")}
          </p>
          <ErrorList id="poll-slots-error" errors={slotErrors} />
          {Array.from({ length: rows }, (_, i) => (
            <SlotRow key={i} index={i} reply={reply} />
          ))}
          {rows < maxSlots ? (
            <p>
              {/* A submit button, so it also works before (or without) the scripts: the server
                  sends the form back a row longer. With scripts the row is added in place. */}
              <button
                type="submit"
                name="intent"
                value="addRow"
                formNoValidate
                className="button button-secondary"
                onClick={(event) => {
                  event.preventDefault();
                  setRows((n) => Math.min(maxSlots, n + 1));
                }}
              >
                {t("poll.addSlot")}
              </button>
            </p>
          ) : null}
        </fieldset>
        <div className="form-actions">
          <PendingButton className="button button-primary" pending={busy}>
            {t("poll.create")}
          </PendingButton>
          <Link to={`/circles/${circle.id}/meetings`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
