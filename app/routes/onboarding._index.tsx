import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { nextOnboardingStep } from "~/models/profiles.server";
import { requirePermission } from "~/utils/auth.server";

/** Resumes onboarding at the first step that still needs input. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  return redirect(`/onboarding/${nextOnboardingStep(user.id)}`);
}
