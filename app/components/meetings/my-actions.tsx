import { Form, Link, useLocation } from "@remix-run/react";
import { PendingButton, useIsPending } from "~/components/forms";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

/** One of my open action items as `myOpenActions` gives it (dates as strings after serialisation). */
export type MyActionData = {
  id: number;
  text: string;
  dueOn: string | null;
  overdue: boolean;
  circleId: number;
  circleName: string;
  meetingId: number;
  meetingTitle: string;
};

function DoneForm({ item }: { item: MyActionData }) {
  const { t } = useTranslation();
  const location = useLocation();
  const formAction = `/actions/${item.id}`;
  const busy = useIsPending({ intent: "done" }, { formAction });
  const noteId = `action-note-${item.id}`;
  return (
    <Form method="post" action={formAction} className="action-done-form">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <div className="field">
        <label htmlFor={noteId}>{t("followUp.myActions.note")}</label>
        <input id={noteId} name="note" type="text" maxLength={500} autoComplete="off" />
      </div>
      <PendingButton
        name="intent"
        value="done"
        className="button button-secondary"
        pending={busy}
        aria-label={t("followUp.myActions.markDoneLabel", { text: item.text })}
      >
        {t("followUp.myActions.markDone")}
      </PendingButton>
    </Form>
  );
}

/**
 * "Mijn afspraken": my open action items with a form to mark each done with a short note (it
 * posts to /actions/:id, which comes back to this page). `showCircle` names the circle (the
 * dashboard); leave it off on a circle's own home.
 */
export function MyActions({
  items,
  showCircle = true,
  headingLevel = 2,
}: {
  items: MyActionData[];
  showCircle?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section id="my-actions" className="card stack my-actions" aria-labelledby="my-actions-title">
      <Heading id="my-actions-title">{t("followUp.myActions.title")}</Heading>
      {items.length === 0 ? (
        <p className="muted">{t("followUp.myActions.none")}</p>
      ) : (
        <ul className="plain-list stack" data-testid="my-actions">
          {items.map((item) => (
            <li key={item.id} className="action-item">
              <div className="action-text">
                <p>{item.text}</p>
                <p className="muted action-meta">
                  {item.dueOn ? (
                    <span className={item.overdue ? "overdue" : undefined}>
                      {t("followUp.item.due", {
                        date: formatDate(`${item.dueOn}T12:00:00Z`, locale),
                      })}
                      {item.overdue ? ` · ${t("followUp.item.overdue")}` : ""}
                    </span>
                  ) : null}
                  <span>
                    <Link to={`/circles/${item.circleId}/meetings/${item.meetingId}`}>
                      {showCircle
                        ? t("followUp.myActions.from", {
                            circle: item.circleName,
                            meeting: item.meetingTitle,
                          })
                        : item.meetingTitle}
                    </Link>
                  </span>
                </p>
              </div>
              <DoneForm item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
