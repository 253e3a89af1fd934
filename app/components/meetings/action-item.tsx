import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

/** An action item as the loaders send it (dates as strings after serialisation). */
export type ActionItemData = {
  id: number;
  text: string;
  dueOn: string | null;
  status: "open" | "done";
  doneNote: string | null;
  ownerId: number;
  ownerName: string;
  caseTitle: string | null;
};

/** Owner, text, due date, case and (when done) the owner's note of one action item. */
export function ActionItemText({ item }: { item: ActionItemData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="action-text">
      <p>
        <strong>{item.ownerName}</strong>: {item.text}
      </p>
      <p className="muted action-meta">
        {item.status === "done" ? (
          <span className="badge badge-ok">{t("followUp.item.done")}</span>
        ) : null}
        {item.dueOn ? (
          <span>
            {t("followUp.item.due", { date: formatDate(`${item.dueOn}T12:00:00Z`, locale) })}
          </span>
        ) : null}
        {item.caseTitle ? (
          <span>{t("followUp.item.fromCase", { title: item.caseTitle })}</span>
        ) : null}
      </p>
      {item.status === "done" && item.doneNote ? (
        <p className="action-note">{t("followUp.item.doneNote", { note: item.doneNote })}</p>
      ) : null}
    </div>
  );
}
