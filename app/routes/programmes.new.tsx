import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { ProgrammeForm, ProgrammeSchema } from "~/components/programme-form";
import {
  createProgramme,
  defaultWeights,
  listCoaches,
  refuseSelfAppointment,
} from "~/models/programmes.server";
import { requirePermission } from "~/utils/auth.server";
import { badRequest, readFormData } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "programmes.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "programme.manage");
  return json({ coaches: listCoaches() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "programme.manage");
  const submission = parseWithZod(await readFormData(request), { schema: ProgrammeSchema });
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
  const { coaches } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const year = new Date().getFullYear() + 1;
  return (
    <div className="page narrow">
      <PageHeader title={t("programmes.new")} intro={t("programmes.newIntro")} />
      <ProgrammeForm
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
