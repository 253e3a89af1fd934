import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import {
  circleModes,
  dayParts,
  label,
  lifePhases,
  provinces,
  sizeClasses,
  themes,
} from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import { circleComposition, getMembership } from "~/models/circles.server";
import { guestsOfMeetings } from "~/models/meetings.server";
import { applyToCircle, leaveCircle, respondToInvitation } from "~/models/memberships.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { ApplySchema, CirclePageSchema } from "~/forms/circles.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { forbidden } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "circles.summaryTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, circle, resource } = await requireCircle(
    request,
    params.circleId,
    "circle.view_summary",
  );
  const membership = user ? getMembership(circle.id, user.id) : null;
  return json({
    circle: {
      id: circle.id,
      name: circle.name,
      theme: circle.theme,
      description: circle.description,
      status: circle.status,
      timeCommitment: circle.timeCommitment,
      meetingMode: circle.meetingMode,
      dayPart: circle.dayPart,
      province: circle.province,
      programmeName: circle.programmeName,
      coaches: circle.coaches.map((c) => c.name),
      seatsLeft: circle.seatsLeft,
      capacityMax: circle.capacityMax,
    },
    composition: circleComposition(circle.id),
    signedIn: user !== null,
    state: membership?.state ?? null,
    message: membership?.state === "declined" ? membership.message : null,
    may: {
      apply: can(user, "circle.apply", resource),
      respond: can(user, "circle.respond_invitation", resource),
      leave: can(user, "circle.leave", resource),
      enter: can(user, "circle.view_private", resource),
      edit: can(user, "circle.edit", resource),
      manage: can(user, "circle.manage_members", resource),
    },
    constraint: formConstraint(ApplySchema),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle, resource } = await requireCircle(
    request,
    params.circleId,
    "circle.view_summary",
  );
  if (!user) forbidden();
  const submission = await parseForm(request, CirclePageSchema);
  if (submission.status !== "success") return badRequest(submission);
  const here = `/circles/${circle.id}`;
  switch (submission.value.intent) {
    case "apply": {
      if (!can(user, "circle.apply", resource)) forbidden();
      const result = applyToCircle({
        userId: user.id,
        circleId: circle.id,
        motivation: submission.value.motivation,
        coachIds: circle.coaches.map((c) => c.id),
      });
      if (!result.ok) return badRequest(submission, { formErrors: ["circle.alreadyRelated"] });
      context.publisher.notified(result.notified);
      return redirectWithToast(here, { key: "circle.applied" });
    }
    case "accept":
    case "decline": {
      if (!can(user, "circle.respond_invitation", resource)) forbidden();
      const accept = submission.value.intent === "accept";
      const result = respondToInvitation(user.id, circle.id, accept);
      if (!result.ok)
        return badRequest(submission, {
          formErrors: [
            result.reason === "organiser_needs_coach"
              ? "circle.invite.organiser_needs_coach"
              : "circle.wrongState",
          ],
        });
      // Their guest invitations to meetings ahead became a membership: those pages change.
      if (result.meetingIds.length > 0)
        context.publisher.meetingsChanged(circle.id, [
          ...guestsOfMeetings(result.meetingIds),
          user.id,
        ]);
      if (result.state === "member")
        return redirectWithToast(`${here}/house-rules`, { key: "circle.welcome" });
      return redirectWithToast(here, {
        key: result.state === "waitlisted" ? "circle.waitlistedToast" : "circle.declinedInvitation",
      });
    }
    case "leave": {
      if (!can(user, "circle.leave", resource)) forbidden();
      const result = leaveCircle(user.id, circle.id);
      if (!result.ok) return badRequest(submission, { formErrors: ["circle.wrongState"] });
      context.publisher.leaveCircle(user.id, circle.id);
      context.publisher.notified(result.notified);
      // Their answers went and freed seats moved on: the meetings' pages change (also for whoever
      // moved up, who may not be in the circle's room yet).
      if (result.meetingIds.length > 0)
        context.publisher.meetingsChanged(circle.id, [
          ...guestsOfMeetings(result.meetingIds),
          ...result.notified,
        ]);
      return redirectWithToast(here, { key: "circle.leftToast" });
    }
  }
}

function Composition({
  counts,
  table,
}: {
  counts: Record<string, number>;
  table: Parameters<typeof label>[0];
}) {
  const locale = useLocale();
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return <>—</>;
  return <>{entries.map(([code, n]) => `${label(table, code, locale)} (${n})`).join(", ")}</>;
}

export default function CircleSummary() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circle, composition, signedIn, state, message, may, constraint } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof ApplySchema>>({
    id: "apply",
    lastResult,
    constraint,
  });
  return (
    <div className="page narrow">
      <PageHeader
        title={circle.name}
        intro={`${label(themes, circle.theme, locale)} · ${circle.programmeName}`}
        actions={
          <>
            {may.enter ? (
              <Link to="home" className="button button-primary">
                {t("circle.enter")}
              </Link>
            ) : null}
            {may.edit ? (
              <Link to="edit" className="button button-secondary">
                {t("common.edit")}
              </Link>
            ) : null}
          </>
        }
      />
      <section className="card stack">
        {circle.description ? <p className="prose">{circle.description}</p> : null}
        <dl className="facts">
          <dt>{t("circle.status")}</dt>
          <dd>
            <span className={`badge status-${circle.status}`}>
              {t(`circleStatus.${circle.status}`)}
            </span>
          </dd>
          <dt>{t("circle.seatsTitle")}</dt>
          <dd data-testid="seats">
            {circle.seatsLeft > 0
              ? t("circles.seatsLeft", { count: circle.seatsLeft })
              : t("circles.fullWaitlist")}
          </dd>
          <dt>{t("circle.timeCommitment")}</dt>
          <dd>{circle.timeCommitment || "—"}</dd>
          <dt>{t("circle.meetingMode")}</dt>
          <dd>
            {label(circleModes, circle.meetingMode, locale)}
            {circle.dayPart ? ` · ${label(dayParts, circle.dayPart, locale)}` : ""}
          </dd>
          <dt>{t("circle.province")}</dt>
          <dd>{circle.province ? label(provinces, circle.province, locale) : "—"}</dd>
          <dt>{t("circle.coaches")}</dt>
          <dd>{circle.coaches.join(", ") || "—"}</dd>
          <dt>{t("circle.phaseProfile")}</dt>
          <dd>
            <Composition counts={composition.phases} table={lifePhases} />
          </dd>
          <dt>{t("circle.sizeProfile")}</dt>
          <dd>
            <Composition counts={composition.sizes} table={sizeClasses} />
          </dd>
          <dt>{t("circle.regionProfile")}</dt>
          <dd>
            <Composition counts={composition.provinces} table={provinces} />
          </dd>
        </dl>
        <p className="muted">{t("circle.namesPrivate")}</p>
      </section>

      <section className="card stack" aria-labelledby="your-place">
        <h2 id="your-place">{t("circle.yourPlace")}</h2>
        {state ? (
          <p data-testid="membership-state">
            {t(`membershipState.${state}`)}
            {message ? ` ${t("circle.coachMessage", { message })}` : ""}
          </p>
        ) : null}
        {may.respond ? (
          <Form method="post" className="button-row">
            <button
              type="submit"
              name="intent"
              value="accept"
              className="button button-primary"
              disabled={busy}
            >
              {t("circle.acceptInvitation")}
            </button>
            <button
              type="submit"
              name="intent"
              value="decline"
              className="button button-quiet"
              disabled={busy}
            >
              {t("circle.declineInvitation")}
            </button>
          </Form>
        ) : null}
        {may.apply ? (
          <Form method="post" {...getFormProps(form)} className="stack">
            <input type="hidden" name="intent" value="apply" />
            <FormErrors id={form.errorId} errors={form.errors} />
            {circle.seatsLeft === 0 ? (
              <p className="notice notice-info">{t("circle.fullApplyNotice")}</p>
            ) : null}
            <TextareaField
              label={t("circle.motivation")}
              help={t("circle.motivationHelp")}
              field={fields.motivation}
            />
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("circle.apply")}
            </button>
          </Form>
        ) : null}
        {!signedIn ? (
          <p className="button-row">
            <Link to={`/signup?redirectTo=/circles/${circle.id}`} className="button button-primary">
              {t("circle.signupToApply")}
            </Link>
            <Link
              to={`/login?redirectTo=/circles/${circle.id}`}
              className="button button-secondary"
            >
              {t("circle.loginToApply")}
            </Link>
          </p>
        ) : null}
        {signedIn && !state && !may.apply && !may.manage && !may.edit ? (
          <p>{t("circle.cannotApply")}</p>
        ) : null}
        {may.leave ? (
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="leave"
              className="button button-quiet"
              disabled={busy}
            >
              {state === "member" ? t("circle.leave") : t("circle.withdraw")}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
