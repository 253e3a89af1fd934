import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { ProgrammeForm } from "~/components/programme-form";
import { ProgrammeSchema } from "~/forms/programmes.server";
import {
  defaultWeights,
  listCoaches,
  refuseSelfAppointment,
  updateProgramme,
} from "~/models/programmes.server";
import { requirePermission } from "~/utils/auth.server";
import { requireProgramme } from "~/utils/circle-guards.server";
import { badRequest, formConstraint, parseForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "programmes.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  return json({ programme, coaches: listCoaches(), constraint: formConstraint(ProgrammeSchema) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  const submission = await parseForm(request, ProgrammeSchema);
  if (submission.status !== "success") return badRequest(submission);
  if (
    refuseSelfAppointment({
      actorId: user.id,
      coachIds: submission.value.coachIds,
      current: programme.coaches.map((c) => c.id),
      subjectType: "programme",
      subjectId: programme.id,
    })
  )
    return badRequest(submission, { fieldErrors: { coachIds: ["programmes.selfAppointed"] } });
  const removedCoaches = updateProgramme(user.id, programme.id, submission.value);
  // Coaches taken off the programme lost its circles: their open pages must not keep them.
  for (const userId of removedCoaches) context.publisher.revalidateUser(userId);
  return redirectWithToast(`/programmes/${programme.id}`, { key: "programmes.saved" });
}

export default function EditProgramme() {
  const { t } = useTranslation();
  const { programme, coaches, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <PageHeader title={t("programmes.edit")} intro={programme.name} />
      <ProgrammeForm
        constraint={constraint}
        lastResult={lastResult}
        coaches={coaches}
        submitLabel={t("common.save")}
        defaultValue={{
          name: programme.name,
          description: programme.description,
          themes: programme.themes as never,
          province: programme.province ?? undefined,
          startsOn: programme.startsOn,
          endsOn: programme.endsOn,
          sizeMin: programme.sizeMin,
          sizeTarget: programme.sizeTarget,
          sizeMax: programme.sizeMax,
          sectorPolicy: programme.sectorPolicy,
          weights: { ...defaultWeights, ...programme.weights },
          coachIds: programme.coaches.map((c) => c.id),
        }}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
