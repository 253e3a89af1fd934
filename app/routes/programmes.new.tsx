import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { ProgrammeForm } from "~/components/programme-form";
import { ProgrammeSchema } from "~/forms/programmes.server";
import {
  createProgramme,
  defaultWeights,
  listCoaches,
  refuseSelfAppointment,
} from "~/models/programmes.server";
import { requirePermission } from "~/utils/auth.server";
import { badRequest, formConstraint, parseForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "programmes.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "programme.manage");
  return json({ coaches: listCoaches(), constraint: formConstraint(ProgrammeSchema) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "programme.manage");
  const submission = await parseForm(request, ProgrammeSchema);
  if (submission.status !== "success") return badRequest(submission);
  if (
    refuseSelfAppointment({
      actorId: user.id,
      coachIds: submission.value.coachIds,
      current: [],
      subjectType: "programme",
      subjectId: null,
    })
  )
    return badRequest(submission, { fieldErrors: { coachIds: ["programmes.selfAppointed"] } });
  const id = createProgramme(user.id, submission.value);
  return redirectWithToast(`/programmes/${id}`, { key: "programmes.created" });
}

export default function NewProgramme() {
  const { t } = useTranslation();
  const { coaches, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const year = new Date().getFullYear() + 1;
  return (
    <div className="page narrow">
      <PageHeader title={t("programmes.new")} intro={t("programmes.newIntro")} />
      <ProgrammeForm
        constraint={constraint}
        lastResult={lastResult}
        coaches={coaches}
        submitLabel={t("programmes.create")}
        defaultValue={{
          startsOn: `${year}-01-01`,
          endsOn: `${year}-12-31`,
          sizeMin: 5,
          sizeTarget: 8,
          sizeMax: 12,
          sectorPolicy: "mixed",
          weights: defaultWeights,
        }}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
