import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

const steps = ["company", "profile", "question", "ready"] as const;
export type Step = (typeof steps)[number];

/** The onboarding steps; every step stays reachable so a profile can be edited later. */
export function Stepper({ current }: { current: Step }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("onboarding.steps")} className="stepper">
      <ol>
        {steps.map((step, i) => (
          <li key={step} className={step === current ? "is-current" : undefined}>
            <Link to={`/onboarding/${step}`} aria-current={step === current ? "step" : undefined}>
              <span className="stepper-number" aria-hidden="true">
                {i + 1}
              </span>
              {t(`onboarding.${step}.short`)}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
