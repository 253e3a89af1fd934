import { Form, useLocation } from "@remix-run/react";
import { PendingButton, useIsPending } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { ActionItemText, type ActionItemData } from "./action-item";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

export type LookBackData = {
  meeting: { id: number; title: string; startsAt: string | Date };
  open: ActionItemData[];
  done: ActionItemData[];
};

/**
 * "Terugblik": what the circle agreed at the previous meeting, still open and done. The meeting
 * page's agenda opens with it; pass `lookBack(meeting.id)` from the loader (null renders nothing).
 */
/** The owner's way back from "done" pressed too soon: the item is open again. */
function ReopenForm({ item }: { item: ActionItemData }) {
  const { t } = useTranslation();
  const location = useLocation();
  const formAction = `/actions/${item.id}`;
  const busy = useIsPending({ intent: "reopen" }, { formAction });
  return (
    <Form method="post" action={formAction}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <PendingButton
        name="intent"
        value="reopen"
        className="button button-small button-secondary"
        pending={busy}
        aria-label={t("followUp.myActions.reopenLabel", { text: item.text })}
      >
        {t("followUp.myActions.reopen")}
      </PendingButton>
    </Form>
  );
}

export function Terugblik({
  data,
  headingLevel = 2,
  viewerId,
}: {
  data: LookBackData | null;
  headingLevel?: 2 | 3;
  /** The viewer, who may open their own done items again. */
  viewerId?: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!data) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const nothing = data.open.length === 0 && data.done.length === 0;
  return (
    <section
      className="card stack terugblik"
      aria-labelledby="terugblik-title"
      data-testid="terugblik"
    >
      <Heading id="terugblik-title">
        {t("followUp.lookBack.title", { title: data.meeting.title })}
      </Heading>
      <p className="muted">
        {formatDateTime(data.meeting.startsAt, locale, {
          weekday: "long",
          day: "numeric",
          month: "long",
        })}
      </p>
      {nothing ? (
        <p>{t("followUp.lookBack.none")}</p>
      ) : (
        <div className="terugblik-columns">
          <div className="stack">
            <Sub>{t("followUp.lookBack.open", { count: data.open.length })}</Sub>
            {data.open.length === 0 ? (
              <p className="muted">{t("followUp.lookBack.noOpen")}</p>
            ) : (
              <ul className="plain-list stack">
                {data.open.map((item) => (
                  <li key={item.id}>
                    <ActionItemText item={item} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="stack">
            <Sub>{t("followUp.lookBack.done", { count: data.done.length })}</Sub>
            {data.done.length === 0 ? (
              <p className="muted">{t("followUp.lookBack.noDone")}</p>
            ) : (
              <ul className="plain-list stack">
                {data.done.map((item) => (
                  <li key={item.id}>
                    <ActionItemText item={item} />
                    {item.ownerId === viewerId ? <ReopenForm item={item} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
