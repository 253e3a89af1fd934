import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useSearchParams,
} from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  ChoiceGroup,
  FormErrors,
  PendingButton,
  TextareaField,
  useIsPending,
} from "~/components/forms";
import { PageHeader } from "~/components/page";
import { FeedbackSchema } from "~/forms/follow-up.server";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { mayRate, myRating, rateMeeting } from "~/models/follow-up.server";
import { requireMeeting } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "followUp.feedback.title");

/** Its messages beyond the core come as chunks of their own (app/i18n/message-parts.ts). */
export const handle = { messages: ["meetingTools"] };
export const clientLoader = withMessages("meetingTools");

const SCORES = ["1", "2", "3", "4", "5"] as const;

/**
 * "Hoe waardevol was deze bijeenkomst?": one question after the meeting for the members who were
 * there or said they would come (the meeting.feedback notification links here). Before the end,
 * or for someone it is not for, the page says why instead of showing the form.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, circle, meeting } = await requireMeeting(request, params, "meeting.rate");
  return json({
    circle: { id: circle.id, name: circle.name },
    meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt },
    refusal: mayRate(meeting.id, user.id),
    rating: myRating(meeting.id, user.id),
    constraint: formConstraint(FeedbackSchema),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, circle, meeting } = await requireMeeting(request, params, "meeting.rate");
  const submission = await parseForm(request, FeedbackSchema);
  if (submission.status !== "success") return badRequest(submission);
  const result = rateMeeting(meeting.id, user.id, submission.value.score, submission.value.comment);
  if (!result.ok)
    return badRequest(submission, { formErrors: [`followUp.feedback.refused.${result.reason}`] });
  return redirectWithToast(`/circles/${circle.id}/meetings/${meeting.id}/feedback?thanks=1`, {
    key: "followUp.feedback.thanks",
  });
}

export default function MeetingFeedback() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circle, meeting, refusal, rating, constraint } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const thanks = searchParams.get("thanks") === "1" && rating !== null;
  // A new form after every navigation: the redirect after an answer is saved leaves no action
  // data, and the same form would otherwise keep the messages of an earlier try.
  const location = useLocation();
  return (
    <div className="page narrow">
      <PageHeader
        title={t("followUp.feedback.title")}
        intro={`${meeting.title} · ${formatDateTime(meeting.startsAt, locale, {
          weekday: "long",
          day: "numeric",
          month: "long",
        })} · ${circle.name}`}
      />
      {thanks ? (
        <p className="notice notice-success" role="status">
          {t("followUp.feedback.thanks")}
        </p>
      ) : null}
      {refusal ? (
        <p className="notice notice-info">{t(`followUp.feedback.refused.${refusal}`)}</p>
      ) : (
        <FeedbackForm key={location.key} rating={rating} thanks={thanks} constraint={constraint} />
      )}
      <p className="page-end-link">
        <Link to=".." relative="path">
          {t("followUp.backToMeeting")}
        </Link>
      </p>
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function FeedbackForm({
  rating,
  thanks,
  constraint,
}: {
  rating: LoaderData["rating"];
  thanks: boolean;
  constraint: LoaderData["constraint"];
}) {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof FeedbackSchema>>({
    id: "feedback",
    lastResult,
    constraint,
    defaultValue: rating ? { score: String(rating.score), comment: rating.comment } : undefined,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <p>{t("followUp.feedback.intro")}</p>
      {rating && !thanks ? (
        <p className="muted">{t("followUp.feedback.yours", { score: rating.score })}</p>
      ) : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <ChoiceGroup
        legend={t("followUp.feedback.legend")}
        type="radio"
        field={fields.score as never}
        options={SCORES.map((s) => ({
          value: s,
          label: t(`followUp.feedback.score.s${s}`),
        }))}
      />
      <TextareaField
        label={t("followUp.feedback.comment")}
        help={t("followUp.feedback.commentHelp")}
        field={fields.comment}
        rows={3}
      />
      <div className="form-actions">
        <PendingButton className="button button-primary" pending={busy}>
          {rating ? t("followUp.feedback.change") : t("followUp.feedback.submit")}
        </PendingButton>
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
