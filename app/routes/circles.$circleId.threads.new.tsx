import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Composer, isPreview } from "~/components/discussion/composer";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { circlePeople, createThread, discussionEvents } from "~/models/discussions.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { NewThreadSchema } from "~/forms/discussions.server";
import { refusalMessage } from "~/utils/discussion-messages";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "discussion.newThread");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { circle } = await requireCircle(request, params.circleId, "circle.discuss");
  return json({
    circle: { id: circle.id, name: circle.name },
    people: circlePeople(circle.id),
    key: crypto.randomUUID(),
    constraint: formConstraint(NewThreadSchema),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle } = await requireCircle(request, params.circleId, "circle.discuss");
  const submission = await parseForm(request, NewThreadSchema);
  if (submission.status !== "success") return badRequest(submission);
  const { title, body, key } = submission.value;
  const result = createThread({
    circleId: circle.id,
    authorId: user!.id,
    title,
    source: body,
    key,
  });
  if (!result.ok) return badRequest(submission, { formErrors: [refusalMessage(result)] });
  context.publisher.notified(result.notified);
  context.publisher.discussion(discussionEvents(result.events));
  return redirect(`/circles/${circle.id}/threads/${result.threadId}?sent=1`);
}

/** A preview changes nothing: no reload for it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formAction,
  defaultShouldRevalidate,
}) => (isPreview(formAction) ? false : defaultShouldRevalidate);

export default function NewThread() {
  const { t } = useTranslation();
  const { circle, people, key, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof NewThreadSchema>>({
    id: "new-thread",
    lastResult,
    constraint,
  });
  return (
    <div className="page narrow">
      <PageHeader title={t("discussion.newThread")} intro={circle.name} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="key" value={key} />
        <Field label={t("discussion.title")} field={fields.title} />
        <Composer
          draftKey={`${circle.id}:new`}
          people={people}
          circleId={circle.id}
          label={t("discussion.openingPost")}
          defaultValue={(fields.body.initialValue as string | undefined) ?? ""}
          errors={fields.body.errors}
          errorId={fields.body.errorId}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("discussion.startThread")}
          </button>
          <Link to={`/circles/${circle.id}/threads`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
