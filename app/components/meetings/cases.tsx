import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

/**
 * The protocol every case follows at the meeting, as guidance on the cases page and (for the
 * lead) on the meeting page. Sharing experience, not advice, is the point of the method.
 */
export function CaseProtocol() {
  const { t } = useTranslation();
  return (
    <section className="card stack case-protocol" aria-labelledby="case-protocol-title">
      <h2 id="case-protocol-title">{t("followUp.cases.protocolTitle")}</h2>
      <ol className="case-protocol-steps">
        <li>
          <strong>{t("followUp.cases.protocol.presentTitle")}</strong>{" "}
          {t("followUp.cases.protocol.present")}
        </li>
        <li>
          <strong>{t("followUp.cases.protocol.questionsTitle")}</strong>{" "}
          {t("followUp.cases.protocol.questions")}
        </li>
        <li>
          <strong>{t("followUp.cases.protocol.experienceTitle")}</strong>{" "}
          {t("followUp.cases.protocol.experience")}
        </li>
        <li>
          <strong>{t("followUp.cases.protocol.commitTitle")}</strong>{" "}
          {t("followUp.cases.protocol.commit")}
        </li>
      </ol>
    </section>
  );
}

export type CaseItem = {
  id: number;
  title: string;
  situation: string;
  request: string;
  urgency: "low" | "medium" | "high";
  authorName: string | null;
};

/**
 * A meeting's cases in agenda order. `actions` renders per case controls (the coach's move
 * buttons, the author's edit form); without it the list is read-only (the meeting page).
 */
export function CaseList({
  cases,
  actions,
}: {
  cases: CaseItem[];
  actions?: (item: CaseItem, index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  if (cases.length === 0) return <p className="muted">{t("followUp.cases.none")}</p>;
  return (
    <ol className="case-list plain-list stack" data-testid="case-list">
      {cases.map((item, index) => (
        <li key={item.id} id={`case-${item.id}`} className="case-item">
          <div className="case-heading">
            <span className="case-number" aria-hidden="true">
              {index + 1}
            </span>
            <h3>{item.title}</h3>
            <span className={`badge urgency-${item.urgency}`}>
              {t(`followUp.cases.urgencyLevel.${item.urgency}`)}
            </span>
          </div>
          <p className="muted">
            {t("followUp.cases.by", { name: item.authorName ?? t("followUp.cases.formerMember") })}
          </p>
          <dl className="case-facts">
            <dt>{t("followUp.cases.situation")}</dt>
            <dd className="pre-line">{item.situation}</dd>
            <dt>{t("followUp.cases.request")}</dt>
            <dd className="pre-line">{item.request}</dd>
          </dl>
          {actions?.(item, index)}
        </li>
      ))}
    </ol>
  );
}
