import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CircleForm } from "~/components/circle-form";
import { CircleSchema } from "~/forms/circles.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { DEFAULT_HOUSE_RULES } from "~/domain/house-rules";
import { createCircle } from "~/models/circles.server";
import { refuseSelfAppointment } from "~/models/programmes.server";
import { requirePermission } from "~/utils/auth.server";
import { requireProgramme } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseForm } from "~/utils/forms.server";
import { forbidden } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "circles.new");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  if (programme.archivedAt) forbidden();
  return json({
    programme: {
      id: programme.id,
      name: programme.name,
      sizeMin: programme.sizeMin,
      sizeMax: programme.sizeMax,
      province: programme.province,
      themes: programme.themes,
    },
    coaches: programme.coaches,
    constraint: formConstraint(CircleSchema),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  if (programme.archivedAt) forbidden();
  const submission = await parseForm(request, CircleSchema);
  if (submission.status !== "success") return badRequest(submission);
  if (
    refuseSelfAppointment({
      actorId: user.id,
      coachIds: submission.value.coachIds,
      current: [],
      subjectType: "circle",
      subjectId: null,
    })
  )
    return badRequest(submission, { fieldErrors: { coachIds: ["programmes.selfAppointed"] } });
  const id = createCircle(user.id, programme.id, submission.value);
  return redirectWithToast(`/circles/${id}/edit`, { key: "circles.created" });
}

export default function NewCircle() {
  const { t } = useTranslation();
  const { programme, coaches, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <PageHeader title={t("circles.new")} intro={programme.name} />
      <CircleForm
        constraint={constraint}
        lastResult={lastResult}
        coaches={coaches}
        canChooseCoaches
        submitLabel={t("circles.create")}
        defaultValue={{
          status: "forming",
          capacityMin: programme.sizeMin,
          capacityMax: programme.sizeMax,
          meetingMode: "in_person",
          dayPart: "evening",
          province: programme.province ?? undefined,
          theme: (programme.themes[0] as never) ?? undefined,
          openForApplications: "on" as never,
          houseRules: DEFAULT_HOUSE_RULES,
          timeCommitment: t("circles.defaultCommitment"),
        }}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
